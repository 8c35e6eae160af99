extension Collection where Element == Double {
    /// The 1-based ranks of the values, ties getting the average of the ranks they span
    /// (pandas' `rank(method="average")`, scipy's `rankdata`). NaN values get NaN ranks and are not counted.
    /// - Complexity: O(n log n).
    public func averageRanks() -> [Double] {
        let values = Array(self)
        var order = values.indices.filter { !values[$0].isNaN }
        order.sort { values[$0] < values[$1] }
        var ranks = [Double](repeating: .nan, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = rank }
            start = end + 1
        }
        return ranks
    }
}
