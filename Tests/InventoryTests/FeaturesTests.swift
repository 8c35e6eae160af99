import Foundation
import Testing
import Tabular
@testable import Inventory

/// Expected values in these tests come from pandas on the same rows (groupby / pivot_table /
/// date_range, as in the comments), recomputed by hand where noted.
@Suite struct FeaturesTests {
    static func transactions(invoices: Bool = true) throws -> DataFrame {
        let rows: [(String, String, String?, Int, Double, String, String, String, String)] = [
            ("2024-01-01", "1", "A", 2, 10.0, "L1", "store", "Wine", "West"),
            ("2024-01-01", "1", "A", 1, 5.0, "L1", "store", "Produce", "West"),
            ("2024-03-15", "2", "A", 1, 10.0, "FC", "online", "Wine", "West"),
            ("2024-10-20", "3", "A", 4, 2.5, "L1", "store", "Bakery", "West"),
            ("2024-01-02", "4", "B", 3, 5.0, "L2", "store", "Produce", "South"),
            ("2024-12-24", "5", "B", 6, 10.0, "L2", "store", "Wine", "South"),
            ("2024-12-24", "5", "B", 2, 2.5, "L2", "store", "Bakery", "South"),
            ("2024-06-06", "6", "C", 1, 5.0, "FC", "online", "Produce", "East"),
            ("2024-06-07", "7", nil, 1, 5.0, "L1", "store", "Produce", "West"),
            ("2024-12-31", "8", "C", 1, 10.0, "FC", "online", "Wine", "East"),
        ]
        let days = rows.map { row -> Int in
            let parts = row.0.split(separator: "-").compactMap { Int($0) }
            return CivilDate(year: parts[0], month: parts[1], day: parts[2]).daysSince1970
        }
        var columns = [
            Column(name: "date", data: .date(days, missing: nil)),
            Column("customer", rows.map(\.2)),
            Column("quantity", rows.map(\.3)),
            Column("unit_price", rows.map(\.4)),
            Column("location", rows.map(\.5)),
            Column("channel", rows.map(\.6)),
            Column("category", rows.map(\.7)),
            Column("region", rows.map(\.8)),
        ]
        if invoices { columns.insert(Column("invoice", rows.map(\.1)), at: 1) }
        return try DataFrame(columns: columns)
    }

    func values(_ frame: DataFrame, _ name: String) throws -> [Double] { try frame.doubles(name) }

    func close(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test func customerFeaturesMatchPandas() throws {
        let features = try CustomerFeatures().compute(Self.transactions())
        #expect(features.columnNames == ["customer", "recency_days", "frequency", "monetary", "average_order_value", "units",
                                         "tenure_days", "share_bakery", "share_produce", "share_wine", "q4_share",
                                         "peak_month_share", "online_share", "home_region", "home_location"])
        #expect(try features["customer", String.self] == ["A", "B", "C"])
        // (end - g.date.max()).dt.days, g.invoice.nunique(), g.revenue.sum(), g.quantity.sum()
        #expect(try features["recency_days", Int.self] == [72, 7, 0])
        #expect(try features["frequency", Int.self] == [3, 2, 2])
        #expect(try values(features, "monetary") == [45, 80, 15])
        #expect(try values(features, "average_order_value") == [15, 40, 7.5])
        #expect(try values(features, "units") == [8, 11, 2])
        #expect(try features["tenure_days", Int.self] == [365, 364, 208])
        // pivot_table(columns='category', aggfunc='sum') divided by the row sums
        #expect(close(try values(features, "share_bakery"), [0.222222222222, 0.0625, 0], tolerance: 1e-11))
        #expect(close(try values(features, "share_produce"), [0.111111111111, 0.1875, 0.333333333333], tolerance: 1e-11))
        #expect(close(try values(features, "share_wine"), [0.666666666667, 0.75, 0.666666666667], tolerance: 1e-11))
        #expect(close(try values(features, "q4_share"), [0.222222222222, 0.8125, 0.666666666667], tolerance: 1e-11))
        #expect(close(try values(features, "peak_month_share"), [0.555555555556, 0.8125, 0.666666666667], tolerance: 1e-11))
        #expect(close(try values(features, "online_share"), [0.222222222222, 0, 1], tolerance: 1e-11))
        #expect(try features["home_region", String.self] == ["West", "South", "East"])
        #expect(try features["home_location", String.self] == ["L1", "L2", "FC"])
    }

    @Test func customerFeaturesWithoutInvoicesCountDays() throws {
        let features = try CustomerFeatures(asOf: CivilDate(year: 2025, month: 1, day: 10)).compute(Self.transactions(invoices: false))
        // Customer B bought on two days; A on three; C on two.
        #expect(try features["frequency", Int.self] == [3, 2, 2])
        #expect(try features["recency_days", Int.self] == [82, 17, 10])
    }

    @Test func customerFeaturesNeedOnlyTheCoreColumns() throws {
        let frame = try Self.transactions().selecting("date", "customer", "quantity", "unit_price")
        let features = try CustomerFeatures().compute(frame)
        #expect(features.columnNames == ["customer", "recency_days", "frequency", "monetary", "average_order_value", "units",
                                         "tenure_days", "q4_share", "peak_month_share"])
        #expect(throws: TabularError.self) { try CustomerFeatures().compute(frame.selecting("date", "quantity", "unit_price")) }
    }

    @Test func emptyFramesGiveEmptyFeatures() throws {
        let empty = try Self.transactions().head(0)
        #expect(try CustomerFeatures().compute(empty).rowCount == 0)
        #expect(try LocationFeatures().compute(empty).rowCount == 0)
    }

    @Test func homeRegionTiesGoToTheFirstName() throws {
        let frame = try DataFrame(columns: [
            Column(name: "date", data: .date([19_000, 19_001], missing: nil)),
            Column("customer", ["Z", "Z"]), Column("quantity", [1, 1]), Column("unit_price", [2.0, 2.0]),
            Column("region", ["South", "North"]),
        ])
        #expect(try CustomerFeatures().compute(frame)["home_region", String.self] == ["North"])
    }

    @Test func dateTimesCountByDay() throws {
        var frame = try Self.transactions()
        let days = try frame.column("date").doubles ?? []
        try frame.set(Column(name: "date", data: .dateTime(days.map { Int($0) * 86_400 + 13 * 3600 }, missing: nil)))
        let features = try CustomerFeatures().compute(frame)
        #expect(try features["recency_days", Int.self] == [72, 7, 0])
    }

    @Test func locationFeaturesMatchPandas() throws {
        let features = try LocationFeatures().compute(Self.transactions())
        #expect(try features["location", String.self] == ["FC", "L1", "L2"])
        let l1 = 1
        // l = d[d.location == 'L1']; span = pd.date_range(l.date.min(), l.date.max())
        #expect(try features["active_days", Int.self][l1] == 294)
        #expect(try features["selling_days", Int.self][l1] == 3)
        #expect(try features["orders", Int.self][l1] == 3)
        #expect(try features["customers", Int.self][l1] == 1)
        // FC ships 15 to the East and 10 to the West; its region is the East.
        #expect(try features["region", String.self] == ["East", "West", "South"])
        #expect(try values(features, "revenue")[l1] == 40)
        #expect(abs(try values(features, "units_per_day")[l1] - 0.027210884353741496) < 1e-15)
        // l.groupby(dayofweek).quantity.sum() / weekdays in span / units per day
        let weekdays = try FeatureName.weekdays.map { try values(features, "weekday_" + $0)[l1] }
        #expect(close(weekdays, [2.625, 0, 0, 0, 0.875, 0, 3.5]))
        let months = try (1...12).map { month in try features.column(month < 10 ? "month_0\(month)" : "month_\(month)")[l1].doubleValue }
        #expect(months[10] == nil && months[11] == nil, "November and December lie outside L1's span")
        #expect(close(months.prefix(10).compactMap { $0 }, [3.556451612903226, 0, 0, 0, 0, 1.225, 0, 0, 0, 7.3500000000000005]))
        #expect(abs(try values(features, "weekly_amplitude")[l1] - 3.5) < 1e-12)
        #expect(abs(try values(features, "yearly_amplitude")[l1] - 6.058631921824103) < 1e-12)
        #expect(try values(features, "weekend_share")[l1] == 0.5)
        #expect(try features["peak_month", Int.self][l1] == 10)
        #expect(abs(try values(features, "share_wine")[l1] - 0.5) < 1e-15)
    }

    @Test func locationFeaturesByRegion() throws {
        let features = try LocationFeatures(key: "region").compute(Self.transactions())
        #expect(try features["region", String.self] == ["East", "South", "West"])
        #expect(features.columnNames.filter { $0 == "region" }.count == 1, "no home-region column when the key is the region")
        #expect(try values(features, "revenue") == [15, 80, 50])
    }

    @Test func slugsMakeColumnNames() {
        #expect(FeatureName.slug("Wine & Spirits") == "wine_spirits")
        #expect(FeatureName.slug("Cheese & Charcuterie") == "cheese_charcuterie")
        #expect(FeatureName.slug("  ") == "blank")
        #expect(FeatureName.shareColumns(["A-B", "a b"]) == ["share_a_b", "share_a_b_2"])
    }

    /// On a synthetic world the features recover what the generator put in.
    @Test func syntheticSegmentsShowInTheFeatures() throws {
        let world = SyntheticWorld(configuration: .init(seed: 3, customers: 400, days: 365))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("restock-features-\(UUID().uuidString)")
        try world.write(to: folder)
        let dataset = try Dataset(contentsOf: folder.appendingPathComponent("dataset.toml"))
        let features = try CustomerFeatures().compute(dataset.transactions)
        let segmentOf = Dictionary(uniqueKeysWithValues: world.customers.map { ($0.id, $0.segment) })
        let ids = try features["customer", String.self]
        let online = try features.doubles("online_share")
        let luxury = try features.doubles("share_luxury")
        func mean(_ values: [Double], _ segment: SyntheticSegment) -> Double {
            let picked = ids.indices.filter { ids[$0].flatMap { segmentOf[$0] } == segment }.map { values[$0] }
            return picked.reduce(0, +) / Double(max(1, picked.count))
        }
        #expect(mean(online, .onlineFirst) > 3 * mean(online, .weeklyRegular))
        #expect(mean(luxury, .connoisseur) > 3 * mean(luxury, .weeklyRegular))
        let homes = try features["home_region", String.self]
        let truth = Dictionary(uniqueKeysWithValues: world.customers.map { ($0.id, $0.homeRegion) })
        let agree = ids.indices.filter { ids[$0].flatMap { truth[$0] } == homes[$0] }.count
        #expect(agree == ids.count, "every customer buys only in their home region")
        let stores = try LocationFeatures().compute(dataset.transactions)
        #expect(stores.rowCount == world.locations.count)
    }
}
