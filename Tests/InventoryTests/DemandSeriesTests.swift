import Foundation
import Tabular
import Testing
@testable import Inventory

@Suite struct DemandSeriesTests {
    /// Monday 2024-01-01.
    static let monday = CivilDate(year: 2024, month: 1, day: 1).daysSince1970

    /// 20 complete weeks from Monday 2024-01-01 (and one Sunday before them); with a horizon of 4 the
    /// cutoff is Monday 2024-04-22 and 16 weeks train.
    static func transactions() throws -> DataFrame {
        // (day offset from the first Monday, sku, quantity, unit price, location, customer)
        var rows: [(Int, String, Double, Double, String?, String?)] = [
            (-1, "A", 100, 10, "L1", "c1"),     // the Sunday before the first complete week: left out
            (0, "A", 2, 10, "L1", "c1"),        // week 0
            (3, "A", 1, 10, "L1", "c2"),        // week 0 again: 3 units
            (14, "A", 4, 10, "L1", "c1"),       // week 2
            (20, "A", 5, 10, "L2", "c3"),       // week 2 at L2 (c3 has no segment)
            (111, "A", 6, 10, "L1", "c2"),      // week 15, the last training week (Sunday 2024-04-21)
            (112, "A", 50, 10, "L1", "c1"),     // the cutoff day: held out
            (7, "B", 1, 5, "L2", "c1"),         // week 1
            (8, "B", 1, 5, nil, "c1"),          // no location
            (30, "B", 2, 5, "L9", nil),         // week 4, a location the manifest lacks, no customer
            (10, "C", 1, 1, "L1", "c1"),        // week 1: little training revenue
            (115, "C", 1000, 100, "L1", "c1"),  // a huge held-out sale must not make C a top SKU
            (139, "C", 1, 1, "L1", "c1"),       // the last day of the data (Sunday)
        ]
        rows.sort { $0.0 < $1.0 }
        return try DataFrame(columns: [
            Column(name: "date", data: .date(rows.map { monday + $0.0 }, missing: nil)),
            Column("sku", rows.map(\.1)),
            Column("quantity", rows.map(\.2)),
            Column("unit_price", rows.map(\.3)),
            Column("revenue", rows.map { $0.2 * $0.3 }),
            Column("location", rows.map(\.4)),
            Column("customer", rows.map(\.5)),
        ])
    }

    static let locations = [
        Location(name: "L1", region: "North", kind: .store, latitude: 0, longitude: 0, capacity: 10),
        Location(name: "L2", region: "South", kind: .fulfillmentCenter, latitude: 0, longitude: 0, capacity: 10),
    ]

    static func build(_ level: DemandLevel, _ selection: SKUSelection = .top(2), segments: [String: String]? = nil) throws -> DemandSeriesSet {
        let frame = try transactions()
        let calendar = try PlanningCalendar(transactions: frame, horizon: 4)
        return try DemandSeriesSet(transactions: frame, calendar: calendar, level: level, selection: selection,
                                   locations: locations, segments: segments)
    }

    @Test func calendarOfTheFixture() throws {
        let calendar = try PlanningCalendar(transactions: Self.transactions(), horizon: 4)
        #expect(calendar.firstWeek == CivilDate(year: 2024, month: 1, day: 1))
        #expect(calendar.cutoff == CivilDate(year: 2024, month: 4, day: 22))
        #expect(calendar.trainingWeeks == 16)
    }

    @Test func skuLocationSeriesAreZeroFilledAndStopAtTheCutoff() throws {
        let set = try Self.build(.skuLocation)
        // C sells most over the whole data but least in the training weeks.
        #expect(set.skus == ["A", "B"])
        #expect(set.revenue == [180, 20])
        #expect(set.series.map(\.key) == [
            DemandSeriesKey(sku: "A", location: "L1", region: "North"),
            DemandSeriesKey(sku: "A", location: "L2", region: "South"),
            DemandSeriesKey(sku: "B", location: "L9", region: "unknown"),  // 2 units before 1
            DemandSeriesKey(sku: "B", location: "L2", region: "South"),
        ])
        var a1 = [Double](repeating: 0, count: 16)
        a1[0] = 3; a1[2] = 4; a1[15] = 6
        #expect(set.series[0].units == a1)
        #expect(set.series[0].start == CivilDate(year: 2024, month: 1, day: 1))
        #expect(set.series[0].week(16) == CivilDate(year: 2024, month: 4, day: 22))
        #expect(set.series[1].units.reduce(0, +) == 5 && set.series[1].units[2] == 5)
        #expect(set.series[2].units[4] == 2)
        #expect(set.series[3].units[1] == 1)
        #expect(set.series.allSatisfy { $0.units.count == 16 && $0.key.segment == "all" })
        #expect(set.rowsWithoutLocation == 1)
    }

    @Test func skuLevelSumsOverLocations() throws {
        let set = try Self.build(.sku, .top(5))
        #expect(set.skus == ["A", "B", "C"])
        #expect(set.series.map(\.key) == ["A", "B", "C"].map { DemandSeriesKey(sku: $0) })
        #expect(set.series[0].total == 18)
        #expect(set.series[1].total == 4)  // the row without location counts at this level
        #expect(set.series[2].total == 1)
        #expect(set.rowsWithoutLocation == 0)
    }

    @Test func segmentLevelJoinsSegmentsByCustomer() throws {
        let segments = try DemandSeriesSet.segmentMap(DataFrame(columns: [
            Column("customer", ["c1", "c2"]), Column("segment", [0, 1]), Column("segment_name", ["Loyal", ""]),
        ]))
        #expect(segments == ["c1": "Loyal", "c2": "1"])
        let set = try Self.build(.skuSegmentLocation, .top(1), segments: segments)
        let keys = set.series.map { "\($0.key.location)/\($0.key.segment)=\(Int($0.total))" }
        #expect(keys == ["L1/1=7", "L1/Loyal=6", "L2/unassigned=5"])
    }

    @Test func segmentLevelNeedsSegments() throws {
        #expect(throws: PlanningError.self) { try Self.build(.skuSegmentLocation) }
    }

    @Test func selectionsOfNothingThrow() throws {
        #expect(throws: PlanningError.self) { try Self.build(.sku, .top(0)) }
    }

    @Test func abcSelectionUsesTrainingRevenue() throws {
        // Training revenue: A 180, B 20, C 1 → A is 89.6% of it: only A is in class A at 80%.
        let set = try Self.build(.sku, .abc(["A"]))
        #expect(set.skus == ["A"])
        let all = try Self.build(.sku, .abc(["A", "B", "C"]))
        #expect(all.skus == ["A", "B", "C"])
    }

    @Test func averageDemandInterval() {
        #expect(DemandSeries.averageDemandInterval([0, 0, 3, 0, 0, 5]) == 3)
        #expect(DemandSeries.averageDemandInterval([1, 2, 3]) == 1)
        #expect(DemandSeries.averageDemandInterval([0, 0]) == .infinity)
        #expect(DemandSeries.averageDemandInterval([]) == .infinity)
        let series = DemandSeries(key: DemandSeriesKey(sku: "x"), start: CivilDate(days: 0), units: [0, 1, 0, 0])
        #expect(series.zeroShare == 0.75)
        #expect(series.averageDemandInterval == 4)
    }

    @Test func keysDescribeThemselves() {
        #expect(DemandSeriesKey(sku: "A").description == "A")
        #expect(DemandSeriesKey(sku: "A", location: "L1", region: "North").description == "A @ L1")
        #expect(DemandSeriesKey(sku: "A", location: "L1", region: "North", segment: "Loyal").description == "A @ L1 / Loyal")
    }
}

@Suite struct DemandSeriesDescriptionTests {
    @Test func descriptionsComeFromAttributesThenTransactions() throws {
        let set = try DemandSeriesTests.build(.sku, .top(2))
        let attributes = try DataFrame(columns: [Column("sku", ["A", "B", "Z"]), Column("description", ["Apple jam", "", "Zest"])])
        #expect(try set.descriptions(transactions: DemandSeriesTests.transactions(), skuAttributes: attributes) == ["A": "Apple jam"])
        let withText = try DemandSeriesTests.transactions().withColumn("description", { frame in
            Column("description", try frame["sku", String.self].map { $0.map { " \($0) box " } })
        })
        #expect(try set.descriptions(transactions: withText, skuAttributes: nil) == ["A": "A box", "B": "B box"])
        #expect(try set.descriptions(transactions: DemandSeriesTests.transactions(), skuAttributes: nil).isEmpty)
    }
}
