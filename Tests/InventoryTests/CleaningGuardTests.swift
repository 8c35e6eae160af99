import Foundation
import Testing
import Tabular
@testable import Inventory

/// The outlier fence when the interquartile range is 0, the far-date and unknown-location rules,
/// and the drop gate.
@Suite struct CleaningGuardTests {
    /// A frame of sales with these quantities (price 1, distinct invoices and customers).
    static func sales(_ quantities: [Int], days: [Int]? = nil, locations: [String]? = nil) throws -> DataFrame {
        var columns = [
            Column("invoice", quantities.indices.map { "I\($0)" }),
            Column("customer", quantities.indices.map { "C\($0 % 7)" }),
            Column("sku", quantities.indices.map { "S\($0 % 5)" }),
            Column("quantity", quantities),
            Column("unit_price", Array(repeating: 1.0, count: quantities.count)),
        ]
        if let days { columns.append(Column(name: "date", data: .date(days, missing: nil))) }
        if let locations { columns.append(Column("location", locations)) }
        return try DataFrame(columns: columns)
    }

    static func repeated(_ counts: [(quantity: Int, rows: Int)]) -> [Int] {
        counts.flatMap { Array(repeating: $0.quantity, count: $0.rows) }
    }

    /// 80% single units: Q1 = Q3 = log 1, so Tukey's fence is 1 unit and would drop every line of
    /// 2 or more (590 of 1,390 units); the fence's floor, the 99.9% order statistic, keeps them.
    @Test func mostlySingleUnitsKeepsLargerLines() throws {
        let quantities = Self.repeated([(1, 800), (2, 100), (3, 50), (4, 30), (6, 20)])
        let (clean, report) = try Cleaning().clean(Self.sales(quantities))
        #expect(try #require(Cleaning.upperFence(quantities.map { log(Double($0)) }, k: 3)) == 0)
        #expect(report.dropped(by: .outliers) == 0)
        #expect(report.outlierThreshold == 6)
        #expect(clean.rowCount == 1_000)
        #expect(report.steps.last?.detail == "quantity above 6 units (the 99.9th percentile of quantities, above Q3 + 3·IQR of log quantity, 1)")
        // A real outlier among them still goes.
        let withOutlier = try Cleaning().clean(Self.sales(quantities + [5_000]))
        #expect(withOutlier.report.dropped(by: .outliers) == 1)
    }

    /// Every quantity equal (20: `exp(log 20) < 20` in floating point): nothing is above the fence.
    @Test func equalQuantitiesDropNothing() throws {
        #expect(exp(log(20.0)) < 20)
        let (clean, report) = try Cleaning().clean(Self.sales(Array(repeating: 20, count: 40)))
        #expect(report.dropped(by: .outliers) == 0 && clean.rowCount == 40)
        #expect(report.outlierThreshold == 20)
    }

    /// Q1 = 1, Q3 = 2: the fence is exp(log 2 + 3·log 2) = 16, computed as 15.999999999999998;
    /// a line of exactly 16 units sits on the fence and is kept, one of 17 is above it.
    @Test func lineAtTheFenceIsKept() throws {
        #expect(exp(log(2.0) + 3 * (log(2.0) - log(1.0))) < 16)
        let (clean, report) = try Cleaning().clean(Self.sales([1, 1, 2, 2, 16]))
        #expect(report.outlierThreshold == 16)
        #expect(report.dropped(by: .outliers) == 0 && clean.rowCount == 5)
        #expect(try Cleaning().clean(Self.sales([1, 1, 2, 2, 17])).report.dropped(by: .outliers) == 1)
    }

    /// One line dated 1900 and one 2100 among two years of daily sales.
    @Test func farDatesAreDropped() throws {
        let start = CivilDate(year: 2022, month: 1, day: 1).daysSince1970
        var days = (0..<730).map { start + $0 }
        days += [CivilDate(year: 1900, month: 1, day: 1).daysSince1970, CivilDate(year: 2100, month: 6, day: 1).daysSince1970]
        let (clean, report) = try Cleaning().clean(Self.sales(Array(repeating: 1, count: days.count), days: days))
        #expect(report.dropped(by: .farDates) == 2)
        #expect(clean.rowCount == 730)
        let detail = try #require(report.step(.farDates)?.detail)
        #expect(detail.contains("1900-01-01") && detail.contains("2100-06-01"), "\(detail)")
        #expect(report.warnings.contains { $0.contains("2 rows dated far from the rest") })
        #expect(report.sentence == "Cleaning kept 730 of 732 transaction rows (dropped: far_dates 2); the exploration notebook shows each rule.")
    }

    /// Sales bunched on one day, and a few the week after: the spread is at least a year, so they stay.
    @Test func bunchedDatesAreKept() throws {
        let day = CivilDate(year: 2023, month: 11, day: 24).daysSince1970
        let days = Array(repeating: day, count: 90) + (1...10).map { day + 7 + $0 % 3 }
        let report = try Cleaning().clean(Self.sales(Array(repeating: 1, count: days.count), days: days)).report
        #expect(report.dropped(by: .farDates) == 0)
        let single = try Cleaning().clean(Self.sales([1, 2, 3], days: [day, day, day])).report
        #expect(single.dropped(by: .farDates) == 0)
    }

    @Test func unknownLocationsAreDroppedAndNamed() throws {
        var cleaning = Cleaning()
        cleaning.knownLocations = ["North", "South"]
        let locations = ["North", "South", "Nrth", "North", "Atlantis"]
        let (clean, report) = try cleaning.clean(Self.sales([1, 1, 1, 1, 1], locations: locations))
        #expect(report.dropped(by: .unknownLocations) == 2)
        #expect(clean.rowCount == 3)
        #expect(report.step(.unknownLocations)?.detail == "not in the manifest: Atlantis, Nrth")
        #expect(abs((report.step(.unknownLocations)?.shareOfUnits ?? 0) - 0.4) < 1e-12)
        // Without manifest locations the rule keeps every row.
        #expect(try Cleaning().clean(Self.sales([1, 1], locations: ["X", "Y"])).report.dropped(by: .unknownLocations) == 0)
    }

    @Test func gateStopsALargeThresholdDropUnlessAllowed() throws {
        var cleaning = Cleaning()
        cleaning.knownLocations = ["North"]
        let report = try cleaning.clean(Self.sales([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], locations: Array(repeating: "North", count: 9) + ["Elsewhere"])).report
        // 1 of 10 units: 10% is above the default 5%.
        #expect(throws: CleaningError.tooMuchDropped(rule: .unknownLocations, share: 0.1, maxShare: 0.05, detail: "not in the manifest: Elsewhere")) {
            try report.check(DropGate())
        }
        let message = "\(CleaningError.tooMuchDropped(rule: .unknownLocations, share: 0.1, maxShare: 0.05, detail: ""))"
        #expect(message.contains("--allow-drop unknown_locations") && message.contains("10.0%"), "\(message)")
        try report.check(DropGate(maxShareOfUnits: 0.2))
        let allowed = try DropGate(maxShareOfUnits: 0.05, allowing: ["unknown_locations"])
        try report.check(allowed)
        #expect(report.allowedExcess(allowed).count == 1)
        #expect(throws: CleaningError.unknownRule("outlier")) { try DropGate(maxShareOfUnits: 0.05, allowing: ["outlier"]) }
    }

    /// Rules that drop by what a row is (returns, missing customers) are not gated, but a cleaning
    /// that leaves nothing is an error that lists the rules.
    @Test func nothingLeftIsAnError() throws {
        let report = try Cleaning().clean(Self.sales([-1, -2, 0])).report
        #expect(report.outputRows == 0)
        do {
            try report.check(DropGate())
            Issue.record("expected an error")
        } catch let error as CleaningError {
            let text = "\(error)"
            #expect(text.contains("cleaning left no rows of the 3 transactions") && text.contains("cancellations dropped 3 of 3 rows"), "\(text)")
        }
        // Returns dropping most rows pass the gate: they are not a threshold.
        let mostlyReturns = try Cleaning().clean(Self.sales([-1, -1, -1, 5])).report
        try mostlyReturns.check(DropGate())
    }
}
