/// The order of the groups in an aggregated frame.
public enum GroupOrder: Sendable, Hashable {
    /// Ascending by key, the first key first (pandas' default `sort=True`).
    case sorted
    /// In order of each group's first row (pandas' `sort=False`).
    case firstAppearance
}

/// A data frame split into groups by the values of one or more key columns, ready to aggregate.
///
/// ```swift
/// let byCountry = try frame.grouped(by: "Country")
///     .aggregate(.sum("Revenue"), .distinctCount("InvoiceNo"), .sum("Quantity", as: "Units"))
/// ```
/// Rows with a missing key value belong to no group (pandas' `dropna=True`).
public struct GroupedDataFrame: Sendable {
    /// The frame that was grouped.
    public let frame: DataFrame
    /// The key columns.
    public let keys: [String]
    /// The group of each row in order of first appearance, -1 for rows with a missing key.
    let codes: [Int32]
    /// The first row of each group.
    let firstRows: [Int]
    /// The groups in output order.
    let order: [Int]

    init(frame: DataFrame, keys: [String], order: GroupOrder) throws {
        let factors = try frame.factorization(of: keys, keepingMissing: false)
        self.frame = frame
        self.keys = keys
        codes = factors.codes
        firstRows = factors.firstRows
        switch order {
        case .firstAppearance:
            self.order = Array(0..<factors.groupCount)
        case .sorted:
            let representatives = try frame.selecting(keys).rows(factors.firstRows)
            self.order = try representatives.sortPermutation(keys.map { SortKey($0) })
        }
    }

    /// The number of groups.
    public var groupCount: Int { firstRows.count }

    /// The key columns, one row per group in output order.
    public func groupKeys() throws -> DataFrame {
        try frame.selecting(keys).rows(order.map { firstRows[$0] })
    }

    /// The row indices of each group, in output order (rows in input order within a group).
    public func groupRows() -> [[Int]] {
        let grouped = GroupedRows(codes: codes, groupCount: groupCount)
        return order.map { g in grouped.rows[grouped.offsets[g]..<grouped.offsets[g + 1]].map(Int.init) }
    }

    /// One row per group: the key columns, then one column per aggregation.
    ///
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for an unknown column,
    ///   ``TabularError/typeMismatch(column:expected:actual:)`` for an aggregation the column's type
    ///   does not support (sum of text, ...), ``TabularError/duplicateColumn(_:)`` when two outputs
    ///   share a name.
    /// - Complexity: O(n) per aggregation; median, quantile and distinct count add one counting sort
    ///   of the rows by group, shared between them.
    public func aggregate(_ aggregations: [Aggregation]) throws -> DataFrame {
        var result = try groupKeys()
        var cachedRows: GroupedRows?
        let codes = self.codes
        let groupCount = self.groupCount
        for aggregation in aggregations {
            let column = try aggregation.column.map { try frame.column($0) }
            var aggregated = try GroupKernels.aggregate(aggregation.function, column, codes: codes, groupCount: groupCount) {
                if let cachedRows { return cachedRows }
                let rows = GroupedRows(codes: codes, groupCount: groupCount)
                cachedRows = rows
                return rows
            }.gathered(order)
            aggregated.name = aggregation.name
            try result.append(aggregated)
        }
        return result
    }

    /// One row per group: the key columns, then one column per aggregation.
    public func aggregate(_ aggregations: Aggregation...) throws -> DataFrame { try aggregate(aggregations) }

    /// The number of rows per group, in a column named `count` (pandas' `size()`).
    public func size() throws -> DataFrame { try aggregate(.count()) }
}

extension DataFrame {
    /// The rows grouped by the values of `keys`.
    /// - Parameters:
    ///   - keys: one or more key columns; rows with a missing key value are left out.
    ///   - order: the order of groups in results: ascending keys (the default, as pandas) or first
    ///     appearance.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for an unknown key.
    public func grouped(by keys: [String], order: GroupOrder = .sorted) throws -> GroupedDataFrame {
        try GroupedDataFrame(frame: self, keys: keys, order: order)
    }

    /// The rows grouped by the values of `keys`; see the variant taking an array.
    public func grouped(by keys: String..., order: GroupOrder = .sorted) throws -> GroupedDataFrame {
        try GroupedDataFrame(frame: self, keys: keys, order: order)
    }
}
