/// One k-means problem on centred, row-major data, shared read-only by the starts.
struct KMeansProblem: Sendable {
    let points: [Double]
    let count: Int
    let dimension: Int
    let clusters: Int
    let maxIterations: Int
    /// The absolute tolerance on the summed squared centre shift.
    let tolerance: Double

    /// Rows per block of the assignment step; the per-block partial sums are added in block order,
    /// so the result does not depend on how many cores run the blocks.
    static let blockRows = 8192
}

/// The outcome of one start.
struct KMeansRun: Sendable {
    var labels: [Int32]
    var centers: [Double]
    var inertia: Double
    var iterations: Int
}

extension KMeansProblem {
    /// Lloyd iterations from `initial` centres until no label changes, the centre shift is within
    /// tolerance, or `maxIterations`; scikit-learn's `_kmeans_single_lloyd`, including its
    /// relocation of empty clusters to the points farthest from their centre.
    func lloyd(from initial: [Double], parallel: Bool) -> KMeansRun {
        let n = count, d = dimension, k = clusters
        var centers = initial
        var newCenters = [Double](repeating: 0, count: k * d)
        var labels = [Int32](repeating: -1, count: n)
        var previous = labels
        var weights = [Double](repeating: 0, count: k)
        var iterations = 0
        var strict = false
        for iteration in 0..<maxIterations {
            iterations = iteration + 1
            assign(centers: centers, labels: &labels, sums: &newCenters, counts: &weights, parallel: parallel)
            relocateEmptyClusters(centers: centers, labels: labels, sums: &newCenters, counts: &weights)
            var shift = 0.0
            for c in 0..<k {
                let scale = weights[c] > 0 ? 1 / weights[c] : 0
                for j in 0..<d {
                    let value = weights[c] > 0 ? newCenters[c * d + j] * scale : centers[c * d + j]
                    newCenters[c * d + j] = value
                    let delta = value - centers[c * d + j]
                    shift += delta * delta
                }
            }
            swap(&centers, &newCenters)
            if labels == previous { strict = true; break }
            if shift <= tolerance { break }
            previous = labels
        }
        if !strict {
            var sums = newCenters
            assign(centers: centers, labels: &labels, sums: &sums, counts: &weights, parallel: parallel)
        }
        return KMeansRun(labels: labels, centers: centers, inertia: inertia(centers: centers, labels: labels), iterations: iterations)
    }

    /// Labels every row with its nearest centre and accumulates the per-cluster sums and counts.
    func assign(centers: [Double], labels: inout [Int32], sums: inout [Double], counts: inout [Double], parallel: Bool) {
        let n = count, d = dimension, k = clusters
        let blocks = (n + Self.blockRows - 1) / Self.blockRows
        var partialSums = [Double](repeating: 0, count: blocks * k * d)
        var partialCounts = [Double](repeating: 0, count: blocks * k)
        points.withUnsafeBufferPointer { x in
            centers.withUnsafeBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { labels in
                    partialSums.withUnsafeMutableBufferPointer { partialSums in
                        partialCounts.withUnsafeMutableBufferPointer { partialCounts in
                            let x = SharedBuffer(x), c = SharedBuffer(c), labels = SharedBuffer(labels)
                            let partialSums = SharedBuffer(partialSums), partialCounts = SharedBuffer(partialCounts)
                            parallelFor(blocks, parallel: parallel) { block in
                                let lower = block * Self.blockRows
                                let upper = Swift.min(n, lower + Self.blockRows)
                                let sums = UnsafeMutableBufferPointer(rebasing: partialSums.buffer[(block * k * d)..<((block + 1) * k * d)])
                                let counts = UnsafeMutableBufferPointer(rebasing: partialCounts.buffer[(block * k)..<((block + 1) * k)])
                                // Constant dimensions let the compiler unroll the feature loops.
                                switch d {
                                case 2: assignBlock(x: x.readOnly, lower: lower, upper: upper, d: 2, k: k, centers: c.readOnly,
                                                    labels: labels.buffer, sums: sums, counts: counts)
                                case 3: assignBlock(x: x.readOnly, lower: lower, upper: upper, d: 3, k: k, centers: c.readOnly,
                                                    labels: labels.buffer, sums: sums, counts: counts)
                                case 4: assignBlock(x: x.readOnly, lower: lower, upper: upper, d: 4, k: k, centers: c.readOnly,
                                                    labels: labels.buffer, sums: sums, counts: counts)
                                default: assignBlock(x: x.readOnly, lower: lower, upper: upper, d: d, k: k, centers: c.readOnly,
                                                     labels: labels.buffer, sums: sums, counts: counts)
                                }
                            }
                        }
                    }
                }
            }
        }
        for i in 0..<(k * d) { sums[i] = 0 }
        for c in 0..<k { counts[c] = 0 }
        for block in 0..<blocks {
            for i in 0..<(k * d) { sums[i] += partialSums[block * k * d + i] }
            for c in 0..<k { counts[c] += partialCounts[block * k + c] }
        }
    }

    /// Scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes the point farthest
    /// from its current centre, the farthest going to the first empty cluster.
    func relocateEmptyClusters(centers: [Double], labels: [Int32], sums: inout [Double], counts: inout [Double]) {
        let d = dimension
        let empty = (0..<clusters).filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        var distances = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let c = Int(labels[i])
            var sum = 0.0
            for j in 0..<d {
                let diff = points[i * d + j] - centers[c * d + j]
                sum += diff * diff
            }
            distances[i] = sum
        }
        guard let largest = distances.max(), largest > 0 else { return }
        let farthest = (0..<count).sorted { distances[$0] > distances[$1] || (distances[$0] == distances[$1] && $0 < $1) }
        for (index, cluster) in empty.enumerated() where index < farthest.count {
            let point = farthest[index]
            let old = Int(labels[point])
            for j in 0..<d {
                sums[old * d + j] -= points[point * d + j]
                sums[cluster * d + j] = points[point * d + j]
            }
            counts[cluster] = 1
            counts[old] -= 1
        }
    }

    /// Σ ‖x_i - c_label(i)‖².
    func inertia(centers: [Double], labels: [Int32]) -> Double {
        let d = dimension
        var total = 0.0
        points.withUnsafeBufferPointer { x in
            for i in 0..<count {
                let c = Int(labels[i])
                var sum = 0.0
                for j in 0..<d {
                    let diff = x[i * d + j] - centers[c * d + j]
                    sum += diff * diff
                }
                total += sum
            }
        }
        return total
    }
}

/// The assignment kernel on rows lower..<upper: nearest centre, then per-cluster sums and counts.
@inline(__always)
private func assignBlock(x: UnsafeBufferPointer<Double>, lower: Int, upper: Int, d: Int, k: Int,
                         centers: UnsafeBufferPointer<Double>, labels: UnsafeMutableBufferPointer<Int32>,
                         sums: UnsafeMutableBufferPointer<Double>, counts: UnsafeMutableBufferPointer<Double>) {
    guard let sums = sums.baseAddress, let counts = counts.baseAddress,
          let xBase = x.baseAddress, let cBase = centers.baseAddress else { return }
    for i in lower..<upper {
        let row = xBase + i * d
        var best = 0
        var bestDistance = Double.infinity
        for c in 0..<k {
            let centre = cBase + c * d
            var sum = 0.0
            for j in 0..<d {
                let diff = row[j] - centre[j]
                sum += diff * diff
            }
            if sum < bestDistance { bestDistance = sum; best = c }
        }
        labels[i] = Int32(best)
        counts[best] += 1
        let target = sums + best * d
        for j in 0..<d { target[j] += row[j] }
    }
}
