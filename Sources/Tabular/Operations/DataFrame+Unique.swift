/// Distinct rows, value counts and distinct counts.
extension DataFrame {
    /// The distinct rows over `columns` (all columns when nil), in order of first appearance: pandas'
    /// `frame[columns].drop_duplicates()`.
    ///
    /// Missing values compare equal to each other here, as in pandas.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for an unknown column.
    public func unique(_ columns: [String]? = nil) throws -> DataFrame {
        let names = columns ?? columnNames
        guard rowCount > 0, !names.isEmpty else { return try selecting(names) }
        let factors = try factorization(of: names, keepingMissing: true)
        return try selecting(names).rows(factors.firstRows)
    }

    /// The first row of each distinct key over `columns`, with every column: pandas'
    /// `drop_duplicates(subset=columns, keep="first")`.
    public func droppingDuplicates(on columns: [String]) throws -> DataFrame {
        guard rowCount > 0 else { return self }
        return rows(try factorization(of: columns, keepingMissing: true).firstRows)
    }

    /// How often each distinct value of `column` occurs: a frame of the value and a `count`
    /// column, most frequent first (pandas' `value_counts()`).
    ///
    /// Ties keep the order of first appearance (pandas leaves the order of ties unspecified: its
    /// default sort is not stable). Missing values are left out unless `includingMissing`.
    public func valueCounts(_ column: String, includingMissing: Bool = false) throws -> DataFrame {
        try valueCounts([column], includingMissing: includingMissing)
    }

    /// How often each distinct combination of `columns` occurs, most frequent first, ties in order
    /// of first appearance (pandas' `frame.value_counts(subset=columns)`).
    public func valueCounts(_ columns: [String], includingMissing: Bool = false) throws -> DataFrame {
        guard !columns.isEmpty else { throw TabularError.invalidArgument("value counts need at least one column") }
        let factors = try factorization(of: columns, keepingMissing: includingMissing)
        let counts = GroupKernels.size(codes: factors.codes, groupCount: factors.groupCount)
        // Stable: equal counts stay in order of first appearance.
        let order = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        var result = try selecting(columns).rows(order.map { factors.firstRows[$0] })
        try result.append(Column(name: columns.contains("count") ? "frequency" : "count",
                                 data: .integer(order.map { counts[$0] }, missing: nil)))
        return result
    }

    /// The number of distinct present values of each column: pandas' `nunique()` (missing left out).
    public func distinctCounts() -> [String: Int] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.distinctCount) })
    }
}

extension Column {
    /// The number of distinct present values (missing and NaN left out): pandas' `nunique()`.
    public var distinctCount: Int {
        if case let .string(codes, categories) = data {
            var seen = [Bool](repeating: false, count: categories.count)
            var distinct = 0
            for code in codes where code >= 0 && !seen[Int(code)] {
                seen[Int(code)] = true
                distinct += 1
            }
            return distinct
        }
        return factorized().groupCount
    }

    /// The distinct values in order of first appearance, missing included once if present: pandas'
    /// `unique()`.
    public func unique() -> Column {
        gathered(factorizedKeepingMissing().firstRows)
    }
}
