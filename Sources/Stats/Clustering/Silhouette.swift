/// Silhouette coefficients of a clustering with Euclidean distances; scikit-learn's
/// `silhouette_samples` and `silhouette_score`, computed in blocks so memory stays linear in n.
///
/// For row i with a the mean distance to the other members of its cluster and b the lowest mean
/// distance to the members of another cluster, s(i) = (b - a) / max(a, b); a row alone in its
/// cluster gets 0, as in scikit-learn. Labels may be any integers (they are encoded in sorted order).
/// Rousseeuw (1987).
///
/// The rows are regrouped by cluster into per-feature arrays, and each block of rows sweeps them
/// in cache-sized tiles on all cores: O(n² d) time, O(n d + block · clusters) memory, where
/// scikit-learn's version materialises distance chunks and loops over rows in Python.
public enum Silhouette {
    /// Rows per parallel task.
    static let blockRows = 64
    /// Points per tile of the sweep (tile × features doubles stay in the L1/L2 cache).
    static let tile = 1024

    /// The silhouette of every row.
    ///
    /// - Parameters:
    ///   - data: n × d observations, finite.
    ///   - labels: the cluster of each row.
    /// - Throws: `StatsError.dimensionMismatch` when the label count is not n,
    ///   `StatsError.nonFinite` for NaN or infinite data, `StatsError.invalidLabelCount` unless
    ///   2 ≤ distinct labels ≤ n - 1.
    /// - Complexity: O(n² d) time, O(n d) memory.
    public static func samples(_ data: Matrix, labels: [Int]) throws -> [Double] {
        guard labels.count == data.rows else {
            throw StatsError.dimensionMismatch("silhouette: labels", expected: data.rows, actual: labels.count)
        }
        guard data.values.allSatisfy(\.isFinite) else { throw StatsError.nonFinite("silhouette") }
        let distinct = Array(Set(labels)).sorted()
        guard distinct.count >= 2, distinct.count <= data.rows - 1 else {
            throw StatsError.invalidLabelCount(labels: distinct.count, samples: data.rows)
        }
        var code: [Int: Int] = [:]
        for (index, label) in distinct.enumerated() { code[label] = index }
        let encoded = labels.map { code[$0] ?? 0 }
        return compute(data, encoded, clusterCount: distinct.count)
    }

    /// The mean silhouette over all rows, or over a seeded random subset of `sampleSize` rows
    /// (drawn without replacement, as scikit-learn's `sample_size`; the subset's own silhouettes).
    ///
    /// - Throws: as `samples(_:labels:)`, for the rows used; `StatsError.invalidParameter` for a
    ///   sample size below 2.
    public static func score(_ data: Matrix, labels: [Int], sampleSize: Int? = nil, seed: UInt64 = 0) throws -> Double {
        guard labels.count == data.rows else {
            throw StatsError.dimensionMismatch("silhouette: labels", expected: data.rows, actual: labels.count)
        }
        var rows = data
        var used = labels
        if let sampleSize, sampleSize < data.rows {
            guard sampleSize >= 2 else {
                throw StatsError.invalidParameter(name: "sampleSize", value: "\(sampleSize)", reason: "must be at least 2")
            }
            var generator = SeededGenerator(seed: seed)
            var order = Array(0..<data.rows)
            for i in 0..<sampleSize {
                let j = i + generator.nextIndex(below: data.rows - i)
                order.swapAt(i, j)
            }
            let chosen = order.prefix(sampleSize)
            let d = data.columns
            var values: [Double] = []
            values.reserveCapacity(sampleSize * d)
            for i in chosen { values.append(contentsOf: data.values[(i * d)..<((i + 1) * d)]) }
            rows = try Matrix(rows: sampleSize, columns: d, values: values)
            used = chosen.map { labels[$0] }
        }
        let values = try samples(rows, labels: used)
        return values.reduce(0, +) / Double(values.count)
    }

    private static func compute(_ data: Matrix, _ labels: [Int], clusterCount: Int) -> [Double] {
        let n = data.rows, d = data.columns, k = clusterCount
        // Regroup by cluster, feature-major: grouped[j * n + position].
        var sizes = [Int](repeating: 0, count: k)
        for label in labels { sizes[label] += 1 }
        var starts = [Int](repeating: 0, count: k + 1)
        for c in 0..<k { starts[c + 1] = starts[c] + sizes[c] }
        var next = Array(starts.prefix(k))
        var grouped = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            let position = next[labels[i]]
            next[labels[i]] += 1
            for j in 0..<d { grouped[j * n + position] = data.values[i * d + j] }
        }
        let clusterStarts = starts, clusterSizes = sizes
        var result = [Double](repeating: 0, count: n)
        let blocks = (n + blockRows - 1) / blockRows
        data.values.withUnsafeBufferPointer { x in
            grouped.withUnsafeBufferPointer { grouped in
                result.withUnsafeMutableBufferPointer { result in
                    let x = SharedBuffer(x), grouped = SharedBuffer(grouped), result = SharedBuffer(result)
                    parallelFor(blocks) { block in
                        silhouetteBlock(rows: (block * blockRows)..<Swift.min(n, (block + 1) * blockRows),
                                        x: x.readOnly, grouped: grouped.readOnly, n: n, d: d,
                                        labels: labels, starts: clusterStarts, sizes: clusterSizes, result: result.buffer)
                    }
                }
            }
        }
        return result
    }

    private static func silhouetteBlock(rows: Range<Int>, x: UnsafeBufferPointer<Double>, grouped: UnsafeBufferPointer<Double>,
                                        n: Int, d: Int, labels: [Int], starts: [Int], sizes: [Int],
                                        result: UnsafeMutableBufferPointer<Double>) {
        let k = sizes.count
        let count = rows.count
        var sums = [Double](repeating: 0, count: count * k)
        var squared = [Double](repeating: 0, count: tile)
        var point = [Double](repeating: 0, count: d)
        guard let g = grouped.baseAddress else { return }
        squared.withUnsafeMutableBufferPointer { squared in
            guard let buffer = squared.baseAddress else { return }
            for c in 0..<k {
                var lower = starts[c]
                while lower < starts[c + 1] {
                    let upper = Swift.min(lower + tile, starts[c + 1])
                    let width = upper - lower
                    for (r, i) in rows.enumerated() {
                        for j in 0..<d { point[j] = x[i * d + j] }
                        // Squared distances of row i to the tile, one feature at a time (vectorises).
                        let first = g + lower
                        let p0 = point[0]
                        for t in 0..<width { let diff = first[t] - p0; buffer[t] = diff * diff }
                        for j in 1..<Swift.max(1, d) {
                            let column = g + j * n + lower
                            let pj = point[j]
                            for t in 0..<width { let diff = column[t] - pj; buffer[t] += diff * diff }
                        }
                        sums[r * k + c] += sumOfSquareRoots(buffer, width)
                    }
                    lower = upper
                }
            }
        }
        for (r, i) in rows.enumerated() {
            let own = labels[i]
            guard sizes[own] > 1 else { result[i] = 0; continue }
            let a = sums[r * k + own] / Double(sizes[own] - 1)
            var b = Double.infinity
            for c in 0..<k where c != own { b = Swift.min(b, sums[r * k + c] / Double(sizes[c])) }
            let denominator = Swift.max(a, b)
            result[i] = denominator > 0 ? (b - a) / denominator : 0
        }
    }
}

/// Σ √v[t] for t in 0..<count, with four accumulators so the additions pipeline.
@inline(__always)
private func sumOfSquareRoots(_ v: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
    // The square roots in their own loop vectorise; the sum keeps its fixed order.
    for t in 0..<count { v[t] = v[t].squareRoot() }
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var t = 0
    while t + 4 <= count {
        s0 += v[t]
        s1 += v[t + 1]
        s2 += v[t + 2]
        s3 += v[t + 3]
        t += 4
    }
    while t < count { s0 += v[t]; t += 1 }
    return (s0 + s1) + (s2 + s3)
}
