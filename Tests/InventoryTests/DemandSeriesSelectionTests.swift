import Forecast
import Foundation
import Tabular
import Testing
@testable import Inventory

/// Every series by default, a cap on series, ranking without prices, regions from the rows, and
/// the cheap candidates of sparse series.
@Suite struct DemandSeriesSelectionTests {
    @Test func everySKUByDefault() throws {
        let frame = try DemandSeriesTests.transactions()
        let calendar = try PlanningCalendar(transactions: frame, horizon: 4)
        let set = try DemandSeriesSet(transactions: frame, calendar: calendar, level: .skuLocation,
                                      locations: DemandSeriesTests.locations)
        #expect(set.selection == .all)
        #expect(set.skus == ["A", "B", "C"])
        #expect(set.series.count == 5)
        #expect(set.matchedSeries == 5)
        #expect(set.rankedBy == .revenue)
    }

    @Test func seriesLimitKeepsTheLargestSeries() throws {
        let frame = try DemandSeriesTests.transactions()
        let calendar = try PlanningCalendar(transactions: frame, horizon: 4)
        let set = try DemandSeriesSet(transactions: frame, calendar: calendar, level: .skuLocation, seriesLimit: 2,
                                      locations: DemandSeriesTests.locations)
        // Training units: A@L1 13, A@L2 5, B@L9 2, B@L2 1, C@L1 1.
        #expect(set.series.map(\.key.description) == ["A @ L1", "A @ L2"])
        #expect(set.skus == ["A"])
        #expect(set.matchedSeries == 5)
        #expect(throws: PlanningError.self) {
            try DemandSeriesSet(transactions: frame, calendar: calendar, level: .sku, seriesLimit: 0, locations: [])
        }
    }

    @Test func constantPricesRankByQuantity() throws {
        // B sells more units at a lower price: by revenue A leads, by units B.
        let monday = CivilDate(year: 2024, month: 1, day: 1).daysSince1970
        func frame(prices: [Double]) throws -> DataFrame {
            let days = (0..<70).map { monday + $0 }
            return try DataFrame(columns: [
                Column(name: "date", data: .date(days + days, missing: nil)),
                Column("sku", Array(repeating: "A", count: 70) + Array(repeating: "B", count: 70)),
                Column("quantity", Array(repeating: 1.0, count: 70) + Array(repeating: 3.0, count: 70)),
                Column("unit_price", Array(repeating: prices[0], count: 70) + Array(repeating: prices[1], count: 70)),
                Column("revenue", Array(repeating: prices[0], count: 70) + Array(repeating: 3 * prices[1], count: 70)),
            ])
        }
        let priced = try frame(prices: [10, 1])
        let calendar = try PlanningCalendar(transactions: priced, horizon: 2)
        let byRevenue = try DemandSeriesSet(transactions: priced, calendar: calendar, level: .sku, selection: .top(1), locations: [])
        #expect(byRevenue.rankedBy == .revenue && byRevenue.skus == ["A"])
        let flat = try frame(prices: [2, 2])
        let byUnits = try DemandSeriesSet(transactions: flat, calendar: calendar, level: .sku, selection: .top(1), locations: [])
        #expect(byUnits.rankedBy == .quantity && byUnits.skus == ["B"])
        #expect(byUnits.revenue == [3 * 7 * 8])  // 8 training weeks of 21 units
        let noPrices = try flat.removing("unit_price")
        #expect(try DemandSeriesSet(transactions: noPrices, calendar: calendar, level: .sku, locations: []).rankedBy == .quantity)
    }

    @Test func regionsComeFromTheRowsWithoutManifestLocations() throws {
        let frame = try DemandSeriesTests.transactions().withColumn("region", { frame in
            Column("region", try frame["location", String.self].map { $0 == "L2" ? "South" : "North" })
        })
        let calendar = try PlanningCalendar(transactions: frame, horizon: 4)
        let set = try DemandSeriesSet(transactions: frame, calendar: calendar, level: .skuLocation, locations: [])
        let regions = Dictionary(set.series.map { ($0.key.location, $0.key.region) }, uniquingKeysWith: { a, _ in a })
        #expect(regions == ["L1": "North", "L2": "South", "L9": "North"])
    }

    @Test func fridayWeeklyRowsBuildFullSeries() throws {
        // Weekly rows dated on Fridays: 20 weeks, each week's quantity its index + 1.
        let friday = CivilDate(year: 2010, month: 2, day: 5).daysSince1970
        let frame = try DataFrame(columns: [
            Column(name: "date", data: .date((0..<20).map { friday + 7 * $0 }, missing: nil)),
            Column("sku", Array(repeating: "D1", count: 20)),
            Column("quantity", (0..<20).map { Double($0 + 1) }),
            Column("revenue", (0..<20).map { Double($0 + 1) }),
        ])
        let calendar = try PlanningCalendar(transactions: frame, horizon: 4)
        let set = try DemandSeriesSet(transactions: frame, calendar: calendar, level: .sku, locations: [])
        #expect(set.series[0].units == (0..<16).map { Double($0 + 1) })
        #expect(set.series[0].start == CivilDate(days: friday))
    }

    @Test func sparseSeriesBacktestOnlyTheCheapCandidates() throws {
        var planner = DemandForecast(horizon: 4, origins: 2)
        var sparse = [Double](repeating: 0, count: 40)
        sparse[5] = 2; sparse[20] = 1; sparse[33] = 3
        #expect(planner.isSparse(sparse))
        #expect(planner.candidateNames(for: sparse) == ["Mean", "Croston", "SBA"])
        #expect(!planner.isSparse(DemandForecastTests.intermittent(40)))
        #expect(planner.candidateNames(for: DemandForecastTests.intermittent(40)) == ["AutoETS", "Croston", "SBA"])
        let result = try #require(try planner.run([DemandForecastTests.series("S", sparse)]).first)
        #expect(result.isBacktested)
        #expect(["Mean", "Croston", "SBA"].contains(result.chosen))
        #expect(result.candidateMASE["AutoETS"] == nil)
        #expect(planner.allCandidateNames.contains("Mean"))
        // A short regular history with few demand weeks keeps its full set.
        #expect(planner.candidateNames(for: [3, 1, 4]) == ["Naive", "AutoETS", "auto-ARIMA"])
        planner.sparseDemandWeeks = 0
        #expect(planner.candidateNames(for: sparse) == ["AutoETS", "Croston", "SBA"])
    }

    @Test func threadCountDoesNotChangeResults() throws {
        var planner = DemandForecast(horizon: 4, origins: 2)
        let input = (0..<5).map { DemandForecastTests.series("S\($0)", $0 % 2 == 0 ? DemandForecastTests.regular(40 + $0) : DemandForecastTests.intermittent(40 + $0)) }
        planner.threads = 1
        let one = try planner.run(input)
        planner.threads = 3
        let three = try planner.run(input)
        #expect(one.map(\.forecast) == three.map(\.forecast))
        planner.threads = 0
        #expect(throws: PlanningError.self) { try planner.run(input) }
    }
}
