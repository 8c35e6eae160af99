import Foundation

/// A labelled hierarchy (or grouped structure) of time series built from bottom-level keys: every
/// aggregate series is the sum of the bottom series that share its attribute values.
///
/// Levels need not nest: `[["sku"], ["region"], []]` over SKU × location keys gives a grouped
/// structure in which both SKUs and regions aggregate the same bottom series. The summing matrix S is
/// kept sparse: for each level, the aggregate series that each bottom series belongs to.
///
/// Series are ordered aggregates first, level by level in the order given (within a level by label),
/// then the bottom series in input order; every forecast array is indexed in this order.
///
/// Reference: Hyndman & Athanasopoulos, FPP3 §11.1–11.2 (hierarchical and grouped time series).
public struct Hierarchy: Sendable {
    /// One series of the hierarchy: its level (`nil` for the bottom) and the attribute values it fixes.
    public struct Series: Sendable, Hashable {
        /// The index into ``Hierarchy/levels``; `nil` for a bottom series.
        public let level: Int?
        /// The attribute values this series fixes; empty for the grand total.
        public let key: [String: String]
        /// A readable label such as `category=Dairy/region=North`, or `total`.
        public let label: String
    }

    /// The attributes of each aggregate level; `[]` is the grand total.
    public let levels: [[String]]
    /// Every series, aggregates first, then the bottom series in input order.
    public let series: [Series]
    /// The number of bottom series.
    public let bottomCount: Int
    /// For each aggregate series, the bottom positions (0-based among the bottom series) it sums.
    let members: [[Int]]
    /// `parent[level][b]`: the aggregate series index that bottom series `b` sums into at `level`.
    let parent: [[Int]]

    /// The number of aggregate series.
    public var aggregateCount: Int { series.count - bottomCount }
    /// The number of series of every level, bottom included.
    public var count: Int { series.count }
    /// The series index of bottom series `b`.
    public func bottomIndex(_ b: Int) -> Int { aggregateCount + b }

    /// Builds the hierarchy.
    /// - Parameters:
    ///   - bottom: one attribute dictionary per bottom series, e.g. `["sku": "A", "location": "L1",
    ///     "category": "Dairy", "region": "North"]`. Every attribute a level uses must be present.
    ///   - levels: the attribute sets of the aggregate levels, e.g. `[["sku"], ["category"], ["region"], []]`.
    ///   - nesting: child attribute → parent attribute pairs that must nest, e.g. `["sku": "category"]`;
    ///     a SKU filed under two categories then throws instead of silently double-counting.
    /// - Throws: ``HierarchyError`` for no bottom series, a missing attribute, duplicate bottom keys,
    ///   or a child with two parents.
    /// - Complexity: O(bottom × levels).
    public init(bottom: [[String: String]], levels: [[String]], nesting: [String: String] = [:]) throws {
        guard !bottom.isEmpty else { throw HierarchyError.empty }
        for (i, key) in bottom.enumerated() {
            for attribute in Set(levels.joined()).union(nesting.keys).union(nesting.values) where key[attribute] == nil {
                throw HierarchyError.missingAttribute(bottom: i, attribute: attribute)
            }
        }
        var seen: [[String: String]: Int] = [:]
        for (i, key) in bottom.enumerated() {
            if let first = seen[key] { throw HierarchyError.duplicateBottom(first: first, second: i) }
            seen[key] = i
        }
        for (child, parentAttribute) in nesting.sorted(by: { $0.key < $1.key }) {
            var owner: [String: String] = [:]
            for key in bottom {
                let c = key[child] ?? "", p = key[parentAttribute] ?? ""
                if let existing = owner[c], existing != p {
                    throw HierarchyError.twoParents(attribute: child, value: c, parentAttribute: parentAttribute,
                                                    parents: [existing, p].sorted())
                }
                owner[c] = p
            }
        }
        var series: [Series] = []
        var members: [[Int]] = []
        var parent: [[Int]] = []
        for (l, attributes) in levels.enumerated() {
            var groups: [String: (key: [String: String], members: [Int])] = [:]
            for (b, key) in bottom.enumerated() {
                let fixed = Dictionary(uniqueKeysWithValues: attributes.map { ($0, key[$0] ?? "") })
                let label = Hierarchy.label(fixed, order: attributes)
                groups[label, default: (fixed, [])].members.append(b)
            }
            let labels = groups.keys.sorted()
            var position: [String: Int] = [:]
            for label in labels {
                position[label] = series.count
                series.append(Series(level: l, key: groups[label]?.key ?? [:], label: label))
                members.append(groups[label]?.members ?? [])
            }
            parent.append(bottom.map { key in
                position[Hierarchy.label(Dictionary(uniqueKeysWithValues: attributes.map { ($0, key[$0] ?? "") }), order: attributes)] ?? 0
            })
        }
        let allAttributes = bottom.first.map { Array($0.keys).sorted() } ?? []
        for key in bottom {
            series.append(Series(level: nil, key: key, label: Hierarchy.label(key, order: allAttributes)))
        }
        self.levels = levels
        self.series = series
        self.bottomCount = bottom.count
        self.members = members
        self.parent = parent
    }

    private static func label(_ key: [String: String], order: [String]) -> String {
        order.isEmpty ? "total" : order.map { "\($0)=\(key[$0] ?? "")" }.joined(separator: "/")
    }

    /// The index of the series with exactly these attribute values at `level` (`nil`: the bottom).
    public func index(of key: [String: String], level: Int? = nil) -> Int? {
        series.firstIndex { $0.level == level && $0.key == key }
    }

    /// The dense summing matrix S (series × bottom), for inspection and small hierarchies.
    /// - Complexity: O(series × bottom) memory.
    public func summingMatrix() -> [[Double]] {
        var s = [[Double]](repeating: [Double](repeating: 0, count: bottomCount), count: count)
        for a in 0..<aggregateCount { for b in members[a] { s[a][b] = 1 } }
        for b in 0..<bottomCount { s[aggregateCount + b][b] = 1 }
        return s
    }

    /// Every series' values from bottom values: sums over each aggregate's members (S·b).
    /// - Parameter bottom: one array per bottom series, all of one length.
    /// - Throws: ``HierarchyError/shape(_:)`` when the count or lengths disagree.
    public func aggregate(_ bottom: [[Double]]) throws -> [[Double]] {
        guard bottom.count == bottomCount else {
            throw HierarchyError.shape("expected \(bottomCount) bottom series, got \(bottom.count)")
        }
        let length = bottom.first?.count ?? 0
        guard bottom.allSatisfy({ $0.count == length }) else { throw HierarchyError.shape("bottom series differ in length") }
        var out = [[Double]](repeating: [Double](repeating: 0, count: length), count: aggregateCount)
        for a in 0..<aggregateCount {
            for b in members[a] { for t in 0..<length { out[a][t] += bottom[b][t] } }
        }
        return out + bottom
    }
}

/// Why a hierarchy could not be built or reconciled.
public enum HierarchyError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case missingAttribute(bottom: Int, attribute: String)
    case duplicateBottom(first: Int, second: Int)
    case twoParents(attribute: String, value: String, parentAttribute: String, parents: [String])
    case notNested(level: String)
    case shape(String)
    case nonFinite(what: String, series: String)
    case illConditioned(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .empty: return "the hierarchy has no bottom series"
        case let .missingAttribute(b, attribute): return "bottom series \(b) has no '\(attribute)' attribute"
        case let .duplicateBottom(first, second): return "bottom series \(first) and \(second) have the same key"
        case let .twoParents(attribute, value, parentAttribute, parents):
            return "\(attribute) '\(value)' belongs to two \(parentAttribute) values: \(parents.joined(separator: ", "))"
        case let .notNested(level): return "top-down needs a strictly nested hierarchy; level \(level) does not nest in the level above"
        case let .shape(message): return message
        case let .nonFinite(what, series): return "the \(what) of series \(series) contain NaN or infinity"
        case let .illConditioned(message): return message
        case let .tooLarge(message): return message
        }
    }
}
