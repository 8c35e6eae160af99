import Foundation

extension Hierarchy {
    /// The levels ordered from the fewest series to the most, each with the aggregate indices of its
    /// series; throws unless each level nests in the one before (every series has one parent).
    func nestedChain() throws -> [[Int]] {
        var byLevel = [[Int]](repeating: [], count: levels.count)
        for a in 0..<aggregateCount { if let l = series[a].level { byLevel[l].append(a) } }
        let order = byLevel.indices.sorted { (byLevel[$0].count, $0) < (byLevel[$1].count, $1) }
        for (position, l) in order.enumerated() where position > 0 {
            let above = order[position - 1]
            for a in byLevel[l] {
                let parents = Set(members[a].map { parent[above][$0] })
                if parents.count != 1 { throw HierarchyError.notNested(level: levels[l].joined(separator: ",")) }
            }
        }
        return order.map { byLevel[$0] }
    }

    /// Top-down by forecast proportions: returns the bottom forecasts `[bottom][step]`.
    ///
    /// Children whose base forecasts sum to less than 10⁻⁸ in absolute value split their parent
    /// equally, as hierarchicalforecast does.
    /// Reference: Athanasopoulos, Ahmed & Hyndman (2009); FPP3 §11.2.
    func forecastProportions(_ forecasts: [[Double]]) throws -> [[Double]] {
        let chain = try nestedChain()
        let horizon = forecasts.first?.count ?? 0
        var reconciled = forecasts
        // children of each series in the next finer level (the bottom after the last aggregate level)
        var childLists: [[Int]] = []
        for (position, level) in chain.enumerated() {
            let finer: [Int]
            if position + 1 < chain.count {
                finer = chain[position + 1]
            } else {
                finer = (0..<bottomCount).map { bottomIndex($0) }
            }
            var children: [Int: [Int]] = [:]
            for child in finer {
                let firstBottom = child >= aggregateCount ? child - aggregateCount : (members[child].first ?? 0)
                guard let l = series[level.first ?? 0].level else { continue }
                children[parent[l][firstBottom], default: []].append(child)
            }
            for p in level { childLists.append(contentsOf: [[p] + (children[p] ?? [])]) }
        }
        for list in childLists {
            let p = list[0], children = list.dropFirst()
            for h in 0..<horizon {
                let sum = children.reduce(0) { $0 + forecasts[$1][h] }
                for c in children {
                    reconciled[c][h] = abs(sum) < 1e-8 ? reconciled[p][h] / Double(children.count)
                        : forecasts[c][h] * reconciled[p][h] / sum
                }
            }
        }
        return Array(reconciled[aggregateCount...])
    }
}
