import Foundation
import Tabular

/// Removes the lines of a transactions frame that are not sales of products, rule by rule, and
/// reports how many rows each rule dropped.
///
/// ```swift
/// let (clean, report) = try Cleaning().clean(dataset.transactions)
/// print(report.frame())
/// ```
///
/// The rules run in the order of ``rules`` (by default every ``CleaningRule`` in declaration
/// order); a row is counted against the first rule that removes it. The frame uses the canonical
/// column names of a loaded ``Dataset`` (`invoice`, `customer`, `sku`, `quantity`, `unit_price`);
/// a rule whose column is absent (no `customer` column, say) drops nothing and says so in its detail.
public struct Cleaning: Sendable {
    /// The rules to apply, in order.
    public var rules: [CleaningRule] = CleaningRule.allCases
    /// Stock codes that are not products (exact, case-sensitive): the Online Retail data's postage
    /// (`POST`, `DOT`, `C2`), discounts (`D`), manual lines (`M`, `m`), samples (`S`), bad-debt
    /// adjustments (`B`), fees (`BANK CHARGES`, `AMAZONFEE`), charity (`CRUK`) and padding (`PADS`).
    public var nonProductCodes: Set<String> = ["POST", "DOT", "C2", "D", "M", "m", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS"]
    /// Prefixes of codes that are not products (gift vouchers `gift_0001_10` ...).
    public var nonProductPrefixes: [String] = ["gift_"]
    /// The k of the outlier fence Q3 + k·IQR on log quantity; 3 is Tukey's "far out".
    public var outlierFence: Double = 3
    /// The column names the rules read.
    public var columns = Columns()

    /// The columns the rules read; canonical names by default.
    public struct Columns: Sendable, Equatable {
        public var invoice = TransactionColumns.Canonical.invoice
        public var customer = TransactionColumns.Canonical.customer
        public var sku = TransactionColumns.Canonical.sku
        public var quantity = TransactionColumns.Canonical.quantity
        public var unitPrice = TransactionColumns.Canonical.unitPrice

        public init() {}
    }

    public init() {}

    /// The rows that pass every rule, in their original order, and the report.
    /// - Throws: `TabularError.missingColumn` when the frame has no quantity, unit price or SKU
    ///   column; `TabularError.typeMismatch` when quantity or unit price is not numeric.
    /// - Complexity: O(n log n) for the outlier quantiles, O(n) otherwise.
    public func clean(_ frame: DataFrame) throws -> (frame: DataFrame, report: CleaningReport) {
        let quantity = try frame.doubles(columns.quantity)
        let price = try frame.doubles(columns.unitPrice)
        let sku = try frame.column(columns.sku)
        var keep = [Bool](repeating: true, count: frame.rowCount)
        var remaining = frame.rowCount
        var steps: [CleaningReport.Step] = []
        var threshold: Double?

        func apply(_ rule: CleaningRule, detail: String, _ drops: (Int) -> Bool) {
            var dropped = 0
            for row in keep.indices where keep[row] && drops(row) {
                keep[row] = false
                dropped += 1
            }
            remaining -= dropped
            steps.append(CleaningReport.Step(rule: rule, dropped: dropped, remaining: remaining, detail: detail))
        }

        for rule in rules {
            switch rule {
            case .cancellations:
                let cancelled = try invoiceCancellations(frame)
                apply(rule, detail: cancelled == nil ? "no invoice column: quantity ≤ 0 only" : "") { row in
                    !(quantity[row] > 0) || cancelled?[row] == true
                }
            case .missingCustomer:
                guard frame.contains(column: columns.customer) else {
                    apply(rule, detail: "no customer column") { _ in false }
                    continue
                }
                let customer = try frame.column(columns.customer)
                apply(rule, detail: "") { customer.isMissing($0) }
            case .nonProductCodes:
                let isNonProduct = try nonProductMask(sku)
                apply(rule, detail: "") { isNonProduct[$0] }
            case .nonPositivePrices:
                apply(rule, detail: "") { !(price[$0] > 0) }
            case .outliers:
                let kept = keep.indices.filter { keep[$0] && quantity[$0] > 0 }.map { Foundation.log(quantity[$0]) }
                guard let fence = Self.upperFence(kept, k: outlierFence) else {
                    apply(rule, detail: "no rows left to estimate a threshold") { _ in false }
                    continue
                }
                let limit = Foundation.exp(fence)
                threshold = limit
                let shown = limit >= 1e6 ? String(format: "%.3g", limit) : String(format: "%.0f", limit.rounded(.down))
                apply(rule, detail: "quantity above \(shown) units (Q3 + \(ValueText.number(outlierFence))·IQR of log quantity)") { row in
                    quantity[row] > limit
                }
            }
        }
        let cleaned = frame.rows(keep.indices.filter { keep[$0] })
        return (cleaned, CleaningReport(inputRows: frame.rowCount, steps: steps, outlierThreshold: threshold))
    }

    /// Rows whose invoice starts with `C`; nil when there is no invoice column (an integer invoice
    /// column has no cancellations by prefix).
    private func invoiceCancellations(_ frame: DataFrame) throws -> [Bool]? {
        guard frame.contains(column: columns.invoice) else { return nil }
        let invoice = try frame.column(columns.invoice)
        guard case let .string(codes, categories) = invoice.data else { return Array(repeating: false, count: frame.rowCount) }
        let cancelled = categories.map { $0.hasPrefix("C") }
        return codes.map { $0 >= 0 && cancelled[Int($0)] }
    }

    /// Rows whose code is a non-product code; computed once per distinct code.
    private func nonProductMask(_ sku: Column) throws -> [Bool] {
        switch sku.data {
        case let .string(codes, categories):
            let flagged = categories.map(isNonProduct)
            return codes.map { $0 >= 0 && flagged[Int($0)] }
        default:
            return (0..<sku.count).map { sku.isMissing($0) ? false : isNonProduct(sku[$0].description) }
        }
    }

    /// Whether a stock code is one of the documented non-product codes.
    public func isNonProduct(_ code: String) -> Bool {
        nonProductCodes.contains(code) || nonProductPrefixes.contains { code.hasPrefix($0) }
    }

    /// Q3 + k·IQR of `values` with linearly interpolated quantiles (pandas' default); nil when empty.
    static func upperFence(_ values: [Double], k: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sorted.count - 1)
            let low = Int(position.rounded(.down))
            let high = min(low + 1, sorted.count - 1)
            return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
        }
        let q1 = quantile(0.25), q3 = quantile(0.75)
        return q3 + k * (q3 - q1)
    }
}

/// Short number text for report details.
enum ValueText {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
