/// Which rows a join keeps.
public enum JoinKind: String, Sendable, Hashable, CaseIterable {
    /// Rows whose key is on both sides.
    case inner
    /// Every left row; right columns missing where no right row matches.
    case left
    /// Every right row; left columns missing where no left row matches.
    case right
    /// Every row of both sides.
    case outer
}

/// A cardinality a join must respect, checked before joining (pandas' `validate`).
public enum JoinValidation: String, Sendable, Hashable, CaseIterable {
    /// Keys unique on both sides.
    case oneToOne
    /// Keys unique on the left.
    case oneToMany
    /// Keys unique on the right.
    case manyToOne
    /// No check.
    case manyToMany
}

extension DataFrame {
    /// The rows of this frame and `other` matched on equal values of the `keys` columns: pandas'
    /// `merge(left, right, on=keys, how=kind, validate=...)`.
    ///
    /// ```swift
    /// let lines = try sales.joined(customers, on: ["CustomerID"], kind: .left, validate: .manyToOne)
    /// ```
    /// - Parameters:
    ///   - other: the right frame.
    ///   - keys: columns present in both frames. Text matches by value even when the two columns
    ///     have different dictionaries; integers match doubles by numeric value; dates match
    ///     date-times at midnight.
    ///   - kind: inner, left, right or outer.
    ///   - validate: a cardinality to check first.
    ///   - suffixes: appended to non-key columns whose name is on both sides (pandas' `_x`, `_y`).
    /// - Returns: the key columns and the other left columns in the left frame's order, then the right
    ///   frame's non-key columns. Row order: inner and left follow the left rows, each with its
    ///   matches in right order (right: the right rows, each with its left matches); outer lists the
    ///   keys in ascending order, as pandas does, and within a key the left rows, each with its
    ///   matches. A missing key value never matches (SQL semantics; pandas matches NaN with NaN);
    ///   an outer join lists such rows last, left ones first.
    /// - Throws: ``TabularError/duplicateKeys(side:keys:total:)`` naming the repeated keys when
    ///   `validate` fails, ``TabularError/missingColumn(_:available:)`` for a key missing on either
    ///   side, ``TabularError/typeMismatch(column:expected:actual:)`` for keys of incompatible types,
    ///   ``TabularError/duplicateColumn(_:)`` when a suffixed name is still taken.
    /// - Complexity: O(n + m + output) after factorizing the keys of both sides together.
    public func joined(
        _ other: DataFrame, on keys: [String], kind: JoinKind = .inner,
        validate: JoinValidation = .manyToMany, suffixes: (String, String) = ("_x", "_y")
    ) throws -> DataFrame {
        guard !keys.isEmpty else { throw TabularError.invalidArgument("a join needs at least one key column") }
        if let repeated = keys.indices.first(where: { keys[..<$0].contains(keys[$0]) }) {
            throw TabularError.duplicateColumn(keys[repeated])
        }
        let leftCount = rowCount, rightCount = other.rowCount

        // Both sides' keys, stacked, numbered together.
        let stacked = try keys.map { key in try column(key).concatenated(with: other.column(key)) }
        var factors = stacked[0].factorized()
        for column in stacked.dropFirst() { factors = factors.combined(with: column.factorized()) }
        let groupCount = factors.groupCount
        let leftCodes = Array(factors.codes[0..<leftCount])
        let rightCodes = Array(factors.codes[leftCount...])
        let leftGroups = GroupedRows(codes: leftCodes, groupCount: groupCount)
        let rightGroups = GroupedRows(codes: rightCodes, groupCount: groupCount)

        let stackedKeys = try DataFrame(columns: stacked)
        func checkUnique(_ groups: GroupedRows, side: String, offset: Int) throws {
            var repeated: [String] = []
            var total = 0
            for g in 0..<groupCount where groups.offsets[g + 1] - groups.offsets[g] > 1 {
                total += 1
                if repeated.count < 20 { repeated.append(stackedKeys.keyText(keys, row: offset + Int(groups.rows[groups.offsets[g]]))) }
            }
            if total > 0 { throw TabularError.duplicateKeys(side: side, keys: repeated, total: total) }
        }
        if validate == .oneToOne || validate == .oneToMany { try checkUnique(leftGroups, side: "left", offset: 0) }
        if validate == .oneToOne || validate == .manyToOne { try checkUnique(rightGroups, side: "right", offset: leftCount) }

        var leftRows: [Int] = [], rightRows: [Int] = []
        leftRows.reserveCapacity(Swift.max(leftCount, rightCount))
        rightRows.reserveCapacity(Swift.max(leftCount, rightCount))
        func emit(_ left: Int, _ right: Int) {
            leftRows.append(left)
            rightRows.append(right)
        }
        func matches(_ groups: GroupedRows, _ code: Int32) -> ArraySlice<Int32> {
            code < 0 ? [] : groups.rows[groups.offsets[Int(code)]..<groups.offsets[Int(code) + 1]]
        }
        switch kind {
        case .inner, .left:
            for left in 0..<leftCount {
                let found = matches(rightGroups, leftCodes[left])
                if found.isEmpty {
                    if kind == .left { emit(left, -1) }
                } else {
                    for right in found { emit(left, Int(right)) }
                }
            }
        case .right:
            for right in 0..<rightCount {
                let found = matches(leftGroups, rightCodes[right])
                if found.isEmpty { emit(-1, right) } else { for left in found { emit(Int(left), right) } }
            }
        case .outer:
            let representatives = stackedKeys.rows(factors.firstRows)
            let order = try representatives.sortPermutation(keys.map { SortKey($0) })
            for g in order {
                let lefts = matches(leftGroups, Int32(g)), rights = matches(rightGroups, Int32(g))
                if rights.isEmpty {
                    for left in lefts { emit(Int(left), -1) }
                } else if lefts.isEmpty {
                    for right in rights { emit(-1, Int(right)) }
                } else {
                    for left in lefts { for right in rights { emit(Int(left), Int(right)) } }
                }
            }
            for left in 0..<leftCount where leftCodes[left] < 0 { emit(left, -1) }
            for right in 0..<rightCount where rightCodes[right] < 0 { emit(-1, right) }
        }

        // Key columns from whichever side has the row; others from their own side.
        let keyRows = zip(leftRows, rightRows).map { $0 >= 0 ? $0 : leftCount + $1 }
        let rightNames = Set(other.columnNames).subtracting(keys)
        let leftNames = Set(columnNames).subtracting(keys)
        var output: [Column] = []
        for column in columns {
            if let position = keys.firstIndex(of: column.name) {
                output.append(stacked[position].gathered(keyRows))
            } else {
                var gathered = column.gathered(leftRows)
                if rightNames.contains(column.name) { gathered.name += suffixes.0 }
                output.append(gathered)
            }
        }
        for column in other.columns where !keys.contains(column.name) {
            var gathered = column.gathered(rightRows)
            if leftNames.contains(column.name) { gathered.name += suffixes.1 }
            output.append(gathered)
        }
        return try DataFrame(columns: output)
    }

    /// Joins on one key column; see the variant taking an array of keys.
    public func joined(
        _ other: DataFrame, on key: String, kind: JoinKind = .inner,
        validate: JoinValidation = .manyToMany, suffixes: (String, String) = ("_x", "_y")
    ) throws -> DataFrame {
        try joined(other, on: [key], kind: kind, validate: validate, suffixes: suffixes)
    }
}
