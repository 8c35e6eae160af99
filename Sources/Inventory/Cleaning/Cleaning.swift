import Foundation
import Tabular

/// Removes the lines of a transactions frame that are not sales of products, rule by rule, and
/// reports how many rows and units each rule dropped.
///
/// ```swift
/// let (clean, report) = try Cleaning(dataset: dataset).clean(dataset.transactions)
/// print(report.frame())
/// try report.check(DropGate())     // fails when a threshold rule dropped more than 5% of the units
/// ```
///
/// The rules run in the order of ``rules`` (by default every ``CleaningRule`` in declaration
/// order); a row is counted against the first rule that removes it. The frame uses the canonical
/// column names of a loaded ``Dataset`` (`invoice`, `customer`, `sku`, `quantity`, `unit_price`,
/// `date`, `location`, `region`); a rule whose column is absent (no `customer` column, say) drops
/// nothing and says so in its detail.
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
    /// The outlier fence is never below this quantile of the quantities (the order statistic at or
    /// below it, no interpolation), so that when most lines are single units (an IQR of 0) at most
    /// about 0.1% of the rows fall above it, and when every quantity is equal none does.
    public var outlierFloorQuantile: Double = 0.999
    /// The k of the date fences Q1 − k·IQR and Q3 + k·IQR on the day numbers.
    public var dateFence: Double = 3
    /// The interquartile range of the dates is taken as at least this many days, so that data
    /// bunched on a few days (one promotion, one day of sales) keeps its neighbouring days.
    public var minimumDateSpreadDays: Int = 365
    /// The locations of the manifest; rows at another location are dropped by
    /// ``CleaningRule/unknownLocations``. Nil (the default) keeps every location.
    public var knownLocations: Set<String>?
    /// The regions of the manifest; rows of another region are kept but counted in
    /// ``CleaningReport/unknownRegions``. Nil (the default) counts none.
    public var knownRegions: Set<String>?
    /// The column names the rules read.
    public var columns = Columns()

    /// The columns the rules read; canonical names by default.
    public struct Columns: Sendable, Equatable {
        public var invoice = TransactionColumns.Canonical.invoice
        public var customer = TransactionColumns.Canonical.customer
        public var sku = TransactionColumns.Canonical.sku
        public var quantity = TransactionColumns.Canonical.quantity
        public var unitPrice = TransactionColumns.Canonical.unitPrice
        public var date = TransactionColumns.Canonical.date
        public var location = TransactionColumns.Canonical.location
        public var region = TransactionColumns.Canonical.region

        public init() {}
    }

    public init() {}

    /// The default rules, with the manifest's locations and regions as the known network; a
    /// manifest without locations (or regions), as forecasting alone needs, keeps every one.
    public init(dataset: Dataset) {
        knownLocations = dataset.manifest.locations.isEmpty ? nil : Set(dataset.manifest.locations.map(\.name))
        knownRegions = dataset.manifest.regions.isEmpty ? nil : Set(dataset.manifest.regions.map(\.name))
    }

    /// The rows that pass every rule, in their original order, and the report.
    /// - Throws: `TabularError.missingColumn` when the frame has no quantity, unit price or SKU
    ///   column; `TabularError.typeMismatch` when quantity or unit price is not numeric.
    /// - Complexity: O(n log n) for the outlier and date quantiles, O(n) otherwise.
    public func clean(_ frame: DataFrame) throws -> (frame: DataFrame, report: CleaningReport) {
        let quantity = try frame.doubles(columns.quantity)
        let price = try frame.doubles(columns.unitPrice)
        let sku = try frame.column(columns.sku)
        var keep = [Bool](repeating: true, count: frame.rowCount)
        var remaining = frame.rowCount
        var steps: [CleaningReport.Step] = []
        var threshold: Double?

        func units(_ row: Int) -> Double { quantity[row] > 0 ? quantity[row] : 0 }
        func apply(_ rule: CleaningRule, detail: String, _ drops: (Int) -> Bool) {
            var dropped = 0
            var unitsBefore = 0.0, unitsDropped = 0.0
            for row in keep.indices where keep[row] {
                unitsBefore += units(row)
                guard drops(row) else { continue }
                keep[row] = false
                dropped += 1
                unitsDropped += units(row)
            }
            remaining -= dropped
            steps.append(CleaningReport.Step(rule: rule, dropped: dropped, remaining: remaining, detail: detail,
                                             unitsDropped: unitsDropped, unitsBefore: unitsBefore))
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
            case .unknownLocations:
                guard let knownLocations, frame.contains(column: columns.location) else {
                    apply(rule, detail: knownLocations == nil ? "no manifest locations given" : "no location column") { _ in false }
                    continue
                }
                let unknown = try Self.mask(frame.column(columns.location)) { !knownLocations.contains($0) }
                let names = try Self.distinctValues(frame.column(columns.location), rows: keep.indices.filter { keep[$0] && unknown[$0] })
                apply(rule, detail: names.isEmpty ? "" : "not in the manifest: " + Self.list(names)) { unknown[$0] }
            case .farDates:
                guard frame.contains(column: columns.date), let days = try Self.dayNumbers(frame.column(columns.date)) else {
                    apply(rule, detail: "no date column") { _ in false }
                    continue
                }
                let kept = keep.indices.compactMap { keep[$0] ? days[$0] : nil }
                guard let range = DateFence.range(kept, k: dateFence, minimumSpread: minimumDateSpreadDays) else {
                    apply(rule, detail: "no rows left to estimate a range") { _ in false }
                    continue
                }
                let outside = keep.indices.filter { row in keep[row] && days[row].map { !range.contains($0) } == true }
                let shown = Self.list(Set(outside.compactMap { days[$0] }).sorted().map { CivilDate(days: $0).description })
                apply(rule, detail: "dates outside \(CivilDate(days: range.lowerBound))…\(CivilDate(days: range.upperBound))"
                      + (outside.isEmpty ? "" : ": " + shown)) { row in days[row].map { !range.contains($0) } == true }
            case .outliers:
                let kept = keep.indices.filter { keep[$0] && quantity[$0] > 0 }.map { quantity[$0] }
                guard let fence = QuantityFence(kept, k: outlierFence, floorQuantile: outlierFloorQuantile) else {
                    apply(rule, detail: "no rows left to estimate a threshold") { _ in false }
                    continue
                }
                threshold = fence.limit
                apply(rule, detail: fence.description) { fence.isAbove(quantity[$0]) }
            }
        }
        let cleaned = frame.rows(keep.indices.filter { keep[$0] })
        var report = CleaningReport(inputRows: frame.rowCount, steps: steps, outlierThreshold: threshold)
        try countNetworkGaps(cleaned, into: &report)
        return (cleaned, report)
    }

    /// Counts the kept rows of regions the manifest does not list, and those without a location.
    private func countNetworkGaps(_ frame: DataFrame, into report: inout CleaningReport) throws {
        if let knownRegions, frame.contains(column: columns.region) {
            let region = try frame.column(columns.region)
            let unknown = try Self.mask(region) { !knownRegions.contains($0) }
            let rows = unknown.indices.filter { unknown[$0] }
            report.unknownRegions = (rows.count, try Self.distinctValues(region, rows: rows))
        }
        if knownLocations != nil, frame.contains(column: columns.location) {
            let location = try frame.column(columns.location)
            report.rowsWithoutLocation = (0..<frame.rowCount).filter { location.isMissing($0) }.count
        }
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
        try Self.mask(sku, isNonProduct)
    }

    /// Whether a stock code is one of the documented non-product codes.
    public func isNonProduct(_ code: String) -> Bool {
        nonProductCodes.contains(code) || nonProductPrefixes.contains { code.hasPrefix($0) }
    }

    /// `test` of each row's text (false for a missing value), computed once per distinct value of a
    /// text column.
    static func mask(_ column: Column, _ test: (String) -> Bool) throws -> [Bool] {
        switch column.data {
        case let .string(codes, categories):
            let flagged = categories.map(test)
            return codes.map { $0 >= 0 && flagged[Int($0)] }
        default:
            return (0..<column.count).map { column.isMissing($0) ? false : test(column[$0].description) }
        }
    }

    /// The distinct texts of `rows`, sorted.
    static func distinctValues(_ column: Column, rows: [Int]) throws -> [String] {
        Set(rows.compactMap { column.isMissing($0) ? nil : column[$0].description }).sorted()
    }

    /// At most five items, then how many more.
    static func list(_ items: [String]) -> String {
        let shown = items.prefix(5).joined(separator: ", ")
        return items.count > 5 ? shown + " and \(items.count - 5) more" : shown
    }

    /// Day numbers (days since 1970-01-01) of a date or date-time column; nil for another type.
    static func dayNumbers(_ column: Column) -> [Int?]? {
        switch column.data {
        case let .date(days, _):
            return days.indices.map { column.isMissing($0) ? nil : days[$0] }
        case let .dateTime(seconds, _):
            return seconds.indices.map { column.isMissing($0) ? nil : Int((Double(seconds[$0]) / 86_400).rounded(.down)) }
        default:
            return nil
        }
    }

    /// Q3 + k·IQR of `values` with linearly interpolated quantiles (pandas' default); nil when empty.
    static func upperFence(_ values: [Double], k: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return Self.quantile(sorted, 0.75) + k * (Self.quantile(sorted, 0.75) - Self.quantile(sorted, 0.25))
    }

    /// The `q` quantile of sorted values, linearly interpolated (pandas' and numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}

/// Short number text for report details.
enum ValueText {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
