import Foundation
import Testing
import Tabular
@testable import Inventory

@Suite struct CleaningTests {
    /// Rows with a known fate under the default rules (the first rule that matches wins).
    static func messyFrame() throws -> DataFrame {
        let rows: [(String, String?, String, Int, Double)] = [
            ("536365", "17850", "85123A", 6, 2.55),        // kept
            ("C536379", "14527", "D", -1, 27.5),           // cancellation (also a non-product code)
            ("536366", nil, "22633", 6, 1.85),             // missing customer
            ("536367", "13047", "POST", 3, 18),            // non-product
            ("536368", "13047", "gift_0001_20", 1, 16.67), // non-product (voucher prefix)
            ("536369", "13047", "84406B", 8, 0),           // non-positive price
            ("536370", "12583", "22728", 0, 3.75),         // cancellation (zero quantity)
            ("C536400", nil, "22086", -3, 2.1),            // cancellation (also no customer)
            ("A563185", "12346", "B", 1, -11062.06),       // non-product (bad debt) before the price rule
            ("536371", "13748", "23843", 80995, 2.08),     // outlier
            ("536372", "13748", "21730", 12, 4.25),
            ("536373", "13748", "22752", 4, 7.65),
            ("536374", "15100", "21730", 1, 4.25),
            ("536375", "15100", "22632", 24, 1.85),
            ("536376", "15100", "84879", 3, 1.69),
            ("536377", "17511", "22745", 6, 2.1),
            ("536378", "17511", "22748", 10, 2.1),
            ("536380", "17511", "22749", 2, 3.75),
            ("536381", "16098", "22310", 48, 1.65),
            ("536382", "16098", "84969", 8, 4.25),
            ("536383", "16098", "22623", 5, -0.0),           // non-positive price (negative zero)
        ]
        return try DataFrame(columns: [
            Column("invoice", rows.map(\.0)),
            Column("customer", rows.map(\.1)),
            Column("sku", rows.map(\.2)),
            Column("quantity", rows.map(\.3)),
            Column("unit_price", rows.map(\.4)),
        ])
    }

    @Test func countsEachRuleInOrder() throws {
        let (clean, report) = try Cleaning().clean(Self.messyFrame())
        #expect(report.inputRows == 21)
        #expect(report.steps.map(\.rule) == CleaningRule.allCases)
        #expect(report.dropped(by: .cancellations) == 3)
        #expect(report.dropped(by: .missingCustomer) == 1)
        #expect(report.dropped(by: .nonProductCodes) == 3)
        #expect(report.dropped(by: .nonPositivePrices) == 2)
        #expect(report.dropped(by: .outliers) == 1)
        #expect(report.steps.map(\.remaining) == [18, 17, 14, 12, 12, 12, 11])
        #expect(report.outputRows == 11 && report.droppedRows == 10)
        #expect(clean.rowCount == 11)
        // Kept rows stay in their original order.
        #expect(try clean["invoice", String.self].first == "536365")
        #expect(try clean["quantity", Int.self].compactMap { $0 }.max() == 48)
    }

    /// The fence Q3 + 3·IQR of log quantity over the 12 rows left before the outlier rule, as
    /// numpy/pandas compute it (linear quantiles): exp(fence) = 804.0425982642147.
    @Test func outlierThresholdMatchesPandas() throws {
        let (_, report) = try Cleaning().clean(Self.messyFrame())
        let threshold = try #require(report.outlierThreshold)
        #expect(abs(threshold - 804.0425982642147) < 1e-9)
        #expect(report.steps.last?.detail == "quantity above 804 units (Q3 + 3·IQR of log quantity)")
    }

    @Test func reportFrameListsTheRules() throws {
        let (_, report) = try Cleaning().clean(Self.messyFrame())
        let frame = report.frame()
        #expect(frame.columnNames == ["rule", "description", "dropped", "remaining", "share_dropped", "units_share", "detail"])
        #expect(frame.rowCount == 7)
        #expect(try frame["dropped", Int.self] == [3, 1, 3, 2, 0, 0, 1])
        let share = try frame.doubles("share_dropped")
        #expect(abs(share[0] - 3.0 / 21) < 1e-15)
    }

    @Test func rulesCanBeChosenAndReordered() throws {
        var cleaning = Cleaning()
        cleaning.rules = [.nonProductCodes, .cancellations]
        let (clean, report) = try cleaning.clean(Self.messyFrame())
        // "D" is now counted as a non-product code, not as a cancellation.
        #expect(report.dropped(by: .nonProductCodes) == 4)
        #expect(report.dropped(by: .cancellations) == 2)
        #expect(report.dropped(by: .outliers) == 0)
        #expect(clean.rowCount == 15)
        #expect(cleaning.isNonProduct("gift_0001_50") && cleaning.isNonProduct("BANK CHARGES"))
        #expect(!cleaning.isNonProduct("85123A") && !cleaning.isNonProduct("DCGSSGIRL"))
    }

    @Test func absentColumnsSkipTheirRules() throws {
        let frame = try DataFrame(columns: [
            Column("sku", ["A", "B", "C"]), Column("quantity", [1, -2, 3]), Column("unit_price", [1.0, 2.0, 3.0]),
        ])
        let (clean, report) = try Cleaning().clean(frame)
        #expect(report.dropped(by: .cancellations) == 1)
        #expect(report.steps[0].detail == "no invoice column: quantity ≤ 0 only")
        #expect(report.steps[1].detail == "no customer column")
        #expect(clean.rowCount == 2)
        // An integer invoice column has no C prefix to find.
        let numbered = try frame.withColumn(Column("invoice", [1, 2, 3]))
        #expect(try Cleaning().clean(numbered).report.dropped(by: .cancellations) == 1)
    }

    @Test func emptyAndAllDroppedFrames() throws {
        let empty = try DataFrame(columns: [Column("sku", [String]()), Column("quantity", [Int]()), Column("unit_price", [Double]())])
        let (clean, report) = try Cleaning().clean(empty)
        #expect(clean.rowCount == 0 && report.droppedRows == 0)
        #expect(report.outlierThreshold == nil)
        #expect(report.steps.last?.detail == "no rows left to estimate a threshold")
        let returns = try DataFrame(columns: [Column("sku", ["A", "B"]), Column("quantity", [-1, -5]), Column("unit_price", [1.0, 1.0])])
        let all = try Cleaning().clean(returns)
        #expect(all.frame.rowCount == 0 && all.report.dropped(by: .cancellations) == 2)
    }

    @Test func missingQuantityIsNotASale() throws {
        let frame = try DataFrame(columns: [
            Column("sku", ["X1", "X2"]), Column("quantity", [nil, 2] as [Int?]), Column("unit_price", [1.0, nil] as [Double?]),
        ])
        let report = try Cleaning().clean(frame).report
        #expect(report.dropped(by: .cancellations) == 1)
        #expect(report.dropped(by: .nonPositivePrices) == 1)
    }

    @Test func requiredColumnsAreChecked() throws {
        let frame = try DataFrame(columns: [Column("sku", ["A"]), Column("quantity", [1])])
        #expect(throws: TabularError.self) { try Cleaning().clean(frame) }
        let text = try DataFrame(columns: [Column("sku", ["A"]), Column("quantity", ["one"]), Column("unit_price", [1.0])])
        #expect(throws: TabularError.self) { try Cleaning().clean(text) }
    }

    static let onlineRetail: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("data/online-retail/dataset.toml")
    }()

    static var onlineRetailData: String? {
        let candidates = ["../shared/data/online-retail.csv.gz", "../../shared/data/online-retail.csv.gz"].map {
            URL(fileURLWithPath: $0, relativeTo: onlineRetail.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()).standardizedFileURL.path
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The real data, when it sits beside the checkout. Reference counts from pandas:
    /// `d[d.InvoiceNo.str.startswith('C') | (d.Quantity <= 0)]` → 10,624; then `CustomerID.isna()` →
    /// 133,361; then the non-product codes → 1,554; then `UnitPrice <= 0` → 33; then log-quantity
    /// fence Q3 + 3·IQR (2,592 units) → 12, among them the 80,995- and 74,215-unit orders.
    @Test(.enabled(if: onlineRetailData != nil)) func onlineRetailMatchesPandas() throws {
        let dataset = try Dataset(contentsOf: Self.onlineRetail, transactionsPath: Self.onlineRetailData)
        #expect(dataset.transactions.rowCount == 541_909)
        let (clean, report) = try Cleaning().clean(dataset.transactions)
        #expect(report.steps.map(\.dropped) == [10_624, 133_361, 1_554, 33, 0, 0, 12])
        #expect(clean.rowCount == 396_325)
        #expect(abs((report.outlierThreshold ?? 0) - 2592) < 1e-6)
        #expect(try clean.doubles("quantity").max() ?? 0 <= 2592)
    }
}
