import Testing
@testable import Inventory

struct PolicyFixture: Decodable {
    struct XYZ: Decodable { let demand: [[Double]]; let cv: [Double] }
    struct ABC: Decodable { let revenue: [Double]; let cumulative: [Double] }
    let xyz: XYZ
    let abc: ABC
    let z: [String: Double]
}

// MARK: - ABC

@Test func abcTextbookSplit() throws {
    // Shares 50%, 30%, 10%, 6%, 4%: the top two close 80% (A), the next two 96% is crossed by the
    // fourth (B), and the last is C.
    let abc = try ABCClassification(revenue: [500, 300, 100, 60, 40])
    #expect(abc.classes == [.a, .a, .b, .b, .c])
    #expect(abc.ranking == [0, 1, 2, 3, 4])
    #expect(abc.cumulativeShares.map { ($0 * 1e9).rounded() / 1e9 } == [0.5, 0.8, 0.9, 0.96, 1.0])
}

@Test func abcCumulativeSharesMatchPandas() throws {
    let reference = try fixture("policies", as: PolicyFixture.self).abc
    let abc = try ABCClassification(revenue: reference.revenue)
    for (ours, theirs) in zip(abc.cumulativeShares, reference.cumulative) {
        #expect(abs(ours - theirs) < 1e-12)   // the same sums in the same order
    }
    // 5000 (0.50) A, 2500 (0.75) A, 1440 crosses 0.80 from 0.75 → A, 900 from 0.894 → B,
    // 120 from 0.984 → C, 40 → C, 0 → C.
    #expect(abc.classes == [.c, .a, .c, .b, .c, .a, .a])
}

@Test func abcEdgeCases() throws {
    #expect(try ABCClassification(revenue: []).classes.isEmpty)
    #expect(try ABCClassification(revenue: [0, 0]).classes == [.c, .c])
    #expect(try ABCClassification(revenue: [7]).classes == [.a])
    // Ties keep input order.
    #expect(try ABCClassification(revenue: [10, 10, 10, 10]).ranking == [0, 1, 2, 3])
    #expect(try ABCClassification(revenue: [1e300, 1e300]).classes == [.a, .a])
    #expect(throws: PolicyError.self) { try ABCClassification(revenue: [1, .nan]) }
    #expect(throws: PolicyError.self) { try ABCClassification(revenue: [-1]) }
    #expect(throws: PolicyError.badThresholds(first: 0.9, second: 0.8)) {
        try ABCClassification(revenue: [1], aThreshold: 0.9, bThreshold: 0.8)
    }
}

// MARK: - XYZ

@Test func xyzCoefficientsMatchPandas() throws {
    let reference = try fixture("policies", as: PolicyFixture.self).xyz
    let xyz = try XYZClassification(demand: reference.demand)
    for (ours, theirs) in zip(xyz.coefficientsOfVariation, reference.cv) {
        #expect(abs(ours - theirs) < 1e-12)
    }
    #expect(xyz.classes == [.x, .x, .y, .z, .x])
}

@Test func xyzEdgeCases() throws {
    let zero = try XYZClassification(demand: [[0, 0, 0]])
    #expect(zero.classes == [.z])
    #expect(zero.coefficientsOfVariation == [.infinity])
    #expect(try XYZClassification(demand: []).classes.isEmpty)
    #expect(throws: PolicyError.tooFewPeriods(item: 0, count: 1, required: 2)) { try XYZClassification(demand: [[3]]) }
    #expect(throws: PolicyError.self) { try XYZClassification(demand: [[1, .nan]]) }
    // Boundaries are inclusive: cv exactly 0.5 is X.
    #expect(try XYZClassification(demand: [[1, 3]], xThreshold: 0.5 * 2.0.squareRoot()).classes == [.x])
}

// MARK: - EOQ

@Test func eoqTextbook() throws {
    let eoq = try EconomicOrderQuantity(demand: 1000, orderingCost: 10, holdingCost: 0.5)
    #expect(abs(eoq.quantity - 200) < 1e-12)
    #expect(abs(eoq.ordersPerPeriod - 5) < 1e-12)
    #expect(abs(eoq.totalCost - 100) < 1e-12)   // 1000·10/200 + 0.5·200/2
    #expect(abs(eoq.cycleLength - 0.2) < 1e-12)
    let none = try EconomicOrderQuantity(demand: 0, orderingCost: 10, holdingCost: 1)
    #expect(none.quantity == 0 && none.ordersPerPeriod == 0 && none.cycleLength == .infinity)
    #expect(throws: PolicyError.self) { try EconomicOrderQuantity(demand: 1000, orderingCost: 10, holdingCost: 0) }
    #expect(throws: PolicyError.self) { try EconomicOrderQuantity(demand: -1, orderingCost: 10, holdingCost: 1) }
    #expect(throws: PolicyError.self) { try EconomicOrderQuantity(demand: .infinity, orderingCost: 10, holdingCost: 1) }
}

// MARK: - Safety stock

@Test func safetyStockNormalApproximation() throws {
    let z = try fixture("policies", as: PolicyFixture.self).z
    let z95 = try #require(z["0.95"])
    #expect(abs(z95 - 1.6448536269514722) < 1e-15)
    // Continuous review: z·σ·√L with σ = 10 per day, L = 4 days.
    let continuous = try SafetyStock(serviceLevel: 0.95, meanDemand: 50, forecastErrorSD: 10, leadTime: 4)
    #expect(abs(continuous.safetyStock - z95 * 20) < 1e-9)
    #expect(abs(continuous.reorderPoint - (200 + z95 * 20)) < 1e-9)
    // Periodic review adds the review period to the protection interval.
    let periodic = try SafetyStock(serviceLevel: 0.95, meanDemand: 50, forecastErrorSD: 10, leadTime: 4, reviewPeriod: 5)
    #expect(abs(periodic.safetyStock - z95 * 30) < 1e-9)
    #expect(abs(periodic.reorderPoint - (450 + z95 * 30)) < 1e-9)
    #expect(periodic.protectionInterval == 9)
    // Lead-time variability: z·√(L·σ² + d²·σ_L²) = z·√(4·100 + 2500·1).
    let variable = try SafetyStock(serviceLevel: 0.99, meanDemand: 50, forecastErrorSD: 10, leadTime: 4, leadTimeSD: 1)
    #expect(abs(variable.safetyStock - (try #require(z["0.99"])) * 2900.0.squareRoot()) < 1e-9)
    // Median service level needs no safety stock.
    #expect(abs(try SafetyStock(serviceLevel: 0.5, meanDemand: 5, forecastErrorSD: 2, leadTime: 3).safetyStock) < 1e-12)
    #expect(throws: PolicyError.serviceLevelOutOfRange(1)) {
        try SafetyStock(serviceLevel: 1, meanDemand: 5, forecastErrorSD: 2, leadTime: 3)
    }
    #expect(throws: PolicyError.self) { try SafetyStock(serviceLevel: 0.9, meanDemand: 5, forecastErrorSD: -2, leadTime: 3) }
}

@Test func safetyStockFromForecastQuantiles() throws {
    let levels = [0.1, 0.5, 0.9, 0.95, 0.99]
    let values = [20.0, 40, 70, 80, 110]
    let exact = try SafetyStock(serviceLevel: 0.95, quantileLevels: levels, quantileValues: values)
    #expect(exact.reorderPoint == 80 && exact.safetyStock == 40 && exact.expectedDemand == 40)
    // Linear interpolation between 0.9 → 70 and 0.95 → 80.
    let between = try SafetyStock(serviceLevel: 0.92, quantileLevels: levels, quantileValues: values, mean: 45)
    #expect(abs(between.reorderPoint - 74) < 1e-9)
    #expect(abs(between.safetyStock - 29) < 1e-9)
    #expect(throws: PolicyError.serviceLevelOutsideQuantiles(serviceLevel: 0.995, lowest: 0.1, highest: 0.99)) {
        try SafetyStock(serviceLevel: 0.995, quantileLevels: levels, quantileValues: values)
    }
    #expect(throws: PolicyError.self) { try SafetyStock(serviceLevel: 0.9, quantileLevels: [0.5, 0.9], quantileValues: [5, 3]) }
    #expect(throws: PolicyError.self) { try SafetyStock(serviceLevel: 0.9, quantileLevels: [], quantileValues: []) }
    #expect(throws: PolicyError.self) { try SafetyStock(serviceLevel: 0.9, quantileLevels: [0.8, 0.95], quantileValues: [5, 9]) }
}

// MARK: - Metrics

@Test func daysOfSupplyTurnoverAndCarryingCost() throws {
    #expect(try daysOfSupply(onHand: 120, averageDailyDemand: 8) == 15)
    #expect(try daysOfSupply(onHand: 5, averageDailyDemand: 0) == .infinity)
    #expect(try daysOfSupply(onHand: 0, averageDailyDemand: 0) == 0)
    #expect(try inventoryTurnover(costOfGoodsSold: 600_000, averageInventory: 100_000) == 6)
    #expect(try inventoryTurnover(costOfGoodsSold: 0, averageInventory: 0) == 0)
    #expect(abs(try carryingCost(averageInventoryValue: 100_000, annualRate: 0.25) - 25_000) < 1e-9)
    #expect(abs(try carryingCost(averageInventoryValue: 73_000, annualRate: 0.2, days: 30) - 1200) < 1e-9)
    #expect(throws: PolicyError.self) { try daysOfSupply(onHand: -1, averageDailyDemand: 1) }
    #expect(throws: PolicyError.self) { try carryingCost(averageInventoryValue: .nan, annualRate: 0.2) }
}
