/// The adjusted Rand index of two labelings of the same items: how often they agree on putting a
/// pair of items together or apart, corrected for the agreement of random labelings (Hubert &
/// Arabie 1985), as scikit-learn's `adjusted_rand_score`.
///
/// 1 for identical partitions (whatever the label names), about 0 for unrelated ones, negative
/// when they agree less than chance. Labels are any hashable values.
public enum AdjustedRandIndex {
    /// - Throws: `StatsError.dimensionMismatch` when the labelings differ in length,
    ///   `StatsError.emptyInput` when there are no items.
    /// - Complexity: O(n + r·c) for r and c distinct labels.
    public static func score<A: Hashable, B: Hashable>(_ first: [A], _ second: [B]) throws -> Double {
        guard first.count == second.count else {
            throw StatsError.dimensionMismatch("adjusted Rand index: second labeling", expected: first.count, actual: second.count)
        }
        guard !first.isEmpty else { throw StatsError.emptyInput("adjusted Rand index: no items") }
        var rows: [A: Int] = [:], columns: [B: Int] = [:]
        let a = first.map { label in rows[label] ?? { rows[label] = rows.count; return rows.count - 1 }() }
        let b = second.map { label in columns[label] ?? { columns[label] = columns.count; return columns.count - 1 }() }
        var table = [Double](repeating: 0, count: rows.count * columns.count)
        var rowSums = [Double](repeating: 0, count: rows.count), columnSums = [Double](repeating: 0, count: columns.count)
        for (i, j) in zip(a, b) {
            table[i * columns.count + j] += 1
            rowSums[i] += 1
            columnSums[j] += 1
        }
        func pairs(_ n: Double) -> Double { n * (n - 1) / 2 }
        // One item: no pair to disagree on.
        guard first.count > 1 else { return 1 }
        let index = table.reduce(0) { $0 + pairs($1) }
        let rowPairs = rowSums.reduce(0) { $0 + pairs($1) }, columnPairs = columnSums.reduce(0) { $0 + pairs($1) }
        let expected = rowPairs * columnPairs / pairs(Double(first.count))
        let maximum = (rowPairs + columnPairs) / 2
        // Both labelings put every item alone, or both put all items together: the same partition.
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }
}
