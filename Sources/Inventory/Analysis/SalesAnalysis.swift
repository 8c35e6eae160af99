import Tabular

/// The summaries of the exploration notebook, on a transactions frame with the canonical columns
/// (`date`, `sku`, `quantity`, `revenue`, and as available `location`, `region`, `category`,
/// `invoice`, `customer`).
public enum SalesAnalysis {
    typealias Name = TransactionColumns.Canonical

    /// Revenue, orders, units, customers and average order value per `key` (`location` or
    /// `region`), largest revenue first. Orders are distinct invoices, or rows when there is no
    /// invoice column.
    public static func performance(of transactions: DataFrame, by key: String) throws -> DataFrame {
        var aggregations: [Aggregation] = [.sum(Name.revenue, as: "revenue"), .sum(Name.quantity, as: "units")]
        aggregations.append(transactions.contains(column: Name.invoice)
            ? .distinctCount(Name.invoice, as: "orders") : .count(as: "orders"))
        if transactions.contains(column: Name.customer) {
            aggregations.append(.distinctCount(Name.customer, as: "customers"))
        }
        if key != Name.region, transactions.contains(column: Name.region) {
            aggregations.insert(.first(Name.region, as: Name.region), at: 0)
        }
        let summary = try transactions.grouped(by: key).aggregate(aggregations)
        return try summary
            .withColumn("avg_order_value", summary["revenue"] / summary["orders"])
            .sorted(by: .descending("revenue"))
    }

    /// Revenue by `rows` × `columns` (for example region × category), 0 where nothing sold.
    public static func revenueMatrix(_ transactions: DataFrame, rows: String, columns: String) throws -> LabeledMatrix {
        try LabeledMatrix(pivoting: transactions, index: rows, columns: columns, values: Name.revenue)
    }

    /// Revenue per calendar month (first day of the month) and `key`, over the months the data
    /// cover completely: a month cut by the start or end of the data would read as a slump.
    public static func monthly(_ transactions: DataFrame, by key: String) throws -> LabeledMatrix {
        try periodic(transactions, unit: .month, by: key)
    }

    /// Revenue per week (starting Monday) and `key`, over the weeks the data cover completely.
    public static func weekly(_ transactions: DataFrame, by key: String) throws -> LabeledMatrix {
        try periodic(transactions, unit: .week, by: key)
    }

    static func periodic(_ transactions: DataFrame, unit: DateUnit, by key: String) throws -> LabeledMatrix {
        let periods = try transactions[Name.date].floored(to: unit)
        guard let covered = try completePeriodDays(of: transactions[Name.date], unit: unit) else {
            return LabeledMatrix(rows: [], columns: [], values: [])
        }
        let complete = try transactions.withColumn("period", periods).filter(completePeriodRows(of: transactions[Name.date], within: covered))
        return try LabeledMatrix(pivoting: complete, index: "period", columns: key, values: Name.revenue)
    }

    /// The days (since 1970) of the whole periods that `dates` cover: from the first period that
    /// starts on or after the first date to the last one that ends on or before the last date.
    /// Nil for no dates.
    public static func completePeriodDays(of dates: Column, unit: DateUnit) throws -> ClosedRange<Int>? {
        let days = try dates.floored(to: .day)
        guard case let .date(dayNumbers, missing) = days.data else { return nil }
        let present = dayNumbers.indices.lazy.filter { missing?[$0] != true }.map { dayNumbers[$0] }
        guard let first = present.min(), let last = present.max() else { return nil }
        let firstFull = Column.bucketStart(day: first, unit: unit) == first ? first : nextPeriod(after: first, unit)
        let lastFull = nextPeriod(after: last, unit) - 1 == last ? last : Column.bucketStart(day: last, unit: unit) - 1
        return firstFull <= lastFull ? firstFull...lastFull : nil
    }

    /// A Boolean column: whether each date falls within `days`.
    public static func completePeriodRows(of dates: Column, within days: ClosedRange<Int>) throws -> Column {
        let floored = try dates.floored(to: .day)
        guard case let .date(dayNumbers, missing) = floored.data else {
            return Column("complete", [Bool](repeating: false, count: dates.count))
        }
        return Column("complete", dayNumbers.indices.map { missing?[$0] != true && days.contains(dayNumbers[$0]) })
    }

    /// The first day of the period after the one holding `day`.
    private static func nextPeriod(after day: Int, _ unit: DateUnit) -> Int {
        let date = CivilDate(days: day)
        switch unit {
        case .day: return day + 1
        case .week: return day - date.weekday + 7
        case .month: return CivilDate(year: date.year + date.month / 12, month: date.month % 12 + 1, day: 1).daysSince1970
        case .quarter:
            let month = (date.month - 1) / 3 * 3 + 4
            return CivilDate(year: date.year + (month > 12 ? 1 : 0), month: (month - 1) % 12 + 1, day: 1).daysSince1970
        case .year: return CivilDate(year: date.year + 1, month: 1, day: 1).daysSince1970
        }
    }

    /// The `count` best-selling SKUs by revenue, with units and, when known, category.
    public static func topSKUs(_ transactions: DataFrame, count: Int = 15) throws -> DataFrame {
        var aggregations: [Aggregation] = [.sum(Name.revenue, as: "revenue"), .sum(Name.quantity, as: "units")]
        for optional in [Name.description, Name.category] where transactions.contains(column: optional) {
            aggregations.insert(.first(optional, as: optional), at: 0)
        }
        return try transactions.grouped(by: Name.sku).aggregate(aggregations)
            .sorted(by: .descending("revenue")).head(count)
    }
}
