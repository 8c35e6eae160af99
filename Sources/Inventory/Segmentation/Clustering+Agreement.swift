import Stats
import Tabular

extension ClusteringResult {
    /// How far the clusters recover groups known beforehand (the generating types of synthetic
    /// data, or a labelled sample): the adjusted Rand index over the rows both have, and the
    /// cross-table of cluster names (rows) against known groups (columns).
    public struct Agreement: Sendable {
        public let adjustedRandIndex: Double
        /// Distinct known groups among the rows compared.
        public let groupCount: Int
        public let crosstab: DataFrame
    }

    /// Compares the clusters with `known`, a frame holding the key column and `group`.
    /// - Throws: `TabularError` for a missing column, `StatsError.emptyInput` when no key is in both.
    public func agreement(with known: DataFrame, group: String) throws -> Agreement {
        let truth = Dictionary(zip(try known[keys.name, String.self], try known[group, String.self])
            .compactMap { key, value in key.map { ($0, value ?? "") } }, uniquingKeysWith: { first, _ in first })
        let keyValues = (0..<keys.count).map { keys.isMissing($0) ? nil : keys[$0].description }
        let pairs = zip(keyValues, rowNames).compactMap { key, name in key.flatMap { truth[$0] }.map { (found: name, known: $0) } }
        let index = try AdjustedRandIndex.score(pairs.map(\.found), pairs.map(\.known))
        let crosstab = try DataFrame(columns: [
            Column("segment", pairs.map(\.found)), Column("known group", pairs.map(\.known)), Column("rows", pairs.map { _ in 1 }),
        ]).pivot(index: "segment", columns: "known group", values: "rows", aggregate: .sum, fill: .integer(0))
        return Agreement(adjustedRandIndex: index, groupCount: Set(pairs.map(\.known)).count, crosstab: crosstab)
    }
}
