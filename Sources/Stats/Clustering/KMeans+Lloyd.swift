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
    ///
    /// The assignment step (`assign`) skips the distances that cannot change a label, by Hamerly's
    /// bounds, and keeps the cluster sums by moving only the points that change cluster: the
    /// labels and stopping rule are those of the plain algorithm, at a fraction of its work.
    func lloyd(from initial: [Double], parallel: Bool) -> KMeansRun {
        let n = count, d = dimension, k = clusters
        var centers = initial
        var newCenters = [Double](repeating: 0, count: k * d)
        var labels = [Int32](repeating: -1, count: n)
        var bounds = AssignmentBounds(count: n, clusters: k)
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Double](repeating: 0, count: k)
        var iterations = 0
        var strict = false
        for iteration in 0..<maxIterations {
            iterations = iteration + 1
            let changed = assign(centers: centers, labels: &labels, bounds: &bounds, sums: &sums, counts: &counts,
                                 parallel: parallel)
            var weights = counts
            newCenters = sums
            relocateEmptyClusters(centers: centers, labels: labels, sums: &newCenters, counts: &weights)
            var shift = 0.0
            for c in 0..<k {
                let scale = weights[c] > 0 ? 1 / weights[c] : 0
                var moved = 0.0
                for j in 0..<d {
                    let value = weights[c] > 0 ? newCenters[c * d + j] * scale : centers[c * d + j]
                    newCenters[c * d + j] = value
                    let delta = value - centers[c * d + j]
                    moved += delta * delta
                }
                bounds.movement[c] = moved.squareRoot()
                shift += moved
            }
            swap(&centers, &newCenters)
            if !changed { strict = true; break }
            if shift <= tolerance { break }
        }
        if !strict {
            assign(centers: centers, labels: &labels, bounds: &bounds, sums: &sums, counts: &counts, parallel: parallel)
        }
        return KMeansRun(labels: labels, centers: centers, inertia: inertia(centers: centers, labels: labels), iterations: iterations)
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
