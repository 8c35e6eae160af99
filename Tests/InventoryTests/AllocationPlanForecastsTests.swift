import Foundation
import Testing
import Tabular
@testable import Inventory

@Suite struct AllocationPlanForecastsTests {
    static let manifest = """
    [transactions]
    path = "sales.csv"
    date = "date"
    sku = "sku"
    quantity = "quantity"
    unit_price = "unit_price"
    location = "location"

    [skus]
    path = "skus.csv"
    sku = "sku"
    category = "category"
    price = "unit_price"
    unit_cost = "unit_cost"

    [stock]
    path = "stock.csv"

    [costs]
    rate_per_unit_km = 0.001
    fixed_per_unit = 1
    holding_rate = 0.26

    [[regions]]
    name = "East"
    latitude = 40
    longitude = -75

    [[locations]]
    name = "A"
    region = "East"
    kind = "store"
    latitude = 40
    longitude = -75
    capacity = 100

    [[locations]]
    name = "B"
    region = "East"
    kind = "store"
    latitude = 41
    longitude = -74
    capacity = 50

    """
    static let sales = """
    date,sku,quantity,unit_price,location
    2024-01-01,X1,3,10,A
    2024-01-02,X1,1,10,B
    2024-03-04,X1,50,10,B

    """
    static let skus = "sku,category,unit_price,unit_cost\nX1,Cheese,10,6\nY9,Wine,20,12\n"
    static let stock = "location,sku,on_hand\nA,X1,7\nB,X1,2\nB,Y9,30\n"
    static let forecasts = """
    sku,location,region,segment,week,step,mean,sd,lower_80,upper_80,lower_95,upper_95,model
    X1,A,East,all,2024-03-04,1,2.0,3.0,0,0,0,0,naive
    X1,A,East,all,2024-03-11,2,4.0,4.0,0,0,0,0,naive

    """

    func load(forecasts text: String = Self.forecasts) throws -> AllocationPlan.Problem {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("allocation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, content) in [("dataset.toml", Self.manifest), ("sales.csv", Self.sales), ("skus.csv", Self.skus),
                                ("stock.csv", Self.stock), ("forecasts.csv", text)] {
            try Data(content.utf8).write(to: folder.appendingPathComponent(name))
        }
        let dataset = try Dataset(contentsOf: folder.appendingPathComponent("dataset.toml"))
        return try AllocationPlan.Problem(forecasts: AllocationPlan.readForecasts(contentsOf: folder.appendingPathComponent("forecasts.csv")),
                                          dataset: dataset, costs: CostTable(manifest: dataset.manifest),
                                          sales: dataset.transactions, serviceLevel: 0.9)
    }

    @Test func demandStockCostsAndHistoryComeFromTheStageFiles() throws {
        let problem = try load()
        #expect(problem.skus.map(\.id) == ["X1"])
        #expect(problem.locations.map(\.name) == ["A", "B"])
        // Means add over weeks; variances add: sd = √(3² + 4²) = 5.
        #expect(problem.demandMean == [[6, 0]])
        #expect(problem.demandSD == [[5, 0]])
        // B has stock but no forecast: covered, with demand 0.
        #expect(problem.covered == [[true, true]])
        #expect(problem.current == [[7, 2]])
        // B's capacity less the 30 units of Y9, which is outside the plan.
        #expect(problem.capacity == [100, 20])
        // Margin 10 − 6; holding 6 × 0.26 × 14 / 365 over two weeks.
        #expect(problem.skus[0].unitMargin == 4)
        #expect(abs(problem.skus[0].holdingCost - 6 * 0.26 * 14 / 365) < 1e-12)
        #expect(problem.skus[0].category == "Cheese")
        #expect(problem.horizonDays == 14)
        // Sales before the first forecast week only.
        #expect(problem.history == [[3, 1]])
        #expect(problem.transferCost[0][0] == 0 && problem.transferCost[0][1] > 1)
        let plan = try AllocationPlan(problem)
        #expect(plan.recommended[0].reduce(0, +) == 9)
        #expect(try plan.allocationFrame().rowCount == 2)
    }

    @Test func skuLevelForecastsAndUnknownLocationsAreErrors() {
        let skuLevel = Self.forecasts.replacingOccurrences(of: "X1,A,", with: "X1,all,")
        #expect(throws: AllocationPlanError.self) { try load(forecasts: skuLevel) }
        let unknown = Self.forecasts.replacingOccurrences(of: "X1,A,", with: "X1,Z,")
        #expect(throws: AllocationPlanError.self) { try load(forecasts: unknown) }
        let missingColumn = Self.forecasts.replacingOccurrences(of: ",model", with: ",kind")
        #expect(throws: (any Error).self) { try load(forecasts: missingColumn) }
    }
}
