import Foundation

extension KMeansProblem {
    /// Greedy k-means++ seeding as scikit-learn's `_kmeans_plusplus`: the first centre uniformly,
    /// each next one the best of 2 + ⌊ln k⌋ candidates drawn with probability proportional to the
    /// squared distance to the nearest centre so far (best = lowest resulting potential).
    /// Arthur & Vassilvitskii (2007).
    func plusPlusCenters(using generator: inout SeededGenerator) -> [Double] {
        switch dimension {
        case 2: plusPlusCenters(width: Width2(), using: &generator)
        case 3: plusPlusCenters(width: Width3(), using: &generator)
        case 4: plusPlusCenters(width: Width4(), using: &generator)
        default: plusPlusCenters(width: AnyWidth(count: dimension), using: &generator)
        }
    }

    /// The candidates of one centre are drawn first and measured in one pass over the points, so
    /// that their distance computations overlap; each candidate's potential is still summed in
    /// point order, as one candidate at a time would.
    private func plusPlusCenters<Width: FeatureWidth>(width: Width, using generator: inout SeededGenerator) -> [Double] {
        let n = count, d = width.count, k = clusters
        let trials = 2 + Int(log(Double(k)))
        var centers = [Double](repeating: 0, count: k * d)
        var closest = [Double](repeating: 0, count: n)
        var cumulative = [Double](repeating: 0, count: n)
        var candidateDistances = [Double](repeating: 0, count: trials * n)
        let first = generator.nextIndex(below: n)
        for j in 0..<d { centers[j] = points[first * d + j] }
        var potential = 0.0
        points.withUnsafeBufferPointer { x in
            closest.withUnsafeMutableBufferPointer { closest in
                candidateDistances.withUnsafeMutableBufferPointer { distances in
                    guard let x = x.baseAddress, let closest = closest.baseAddress, let distances = distances.baseAddress else { return }
                    for i in 0..<n {
                        closest[i] = squaredDistance(x + i * d, x + first * d, d)
                        potential += closest[i]
                    }
                    var candidates = [Int](repeating: 0, count: trials)
                    var potentials = [Double](repeating: 0, count: trials)
                    for c in 1..<Swift.max(1, k) {
                        var running = 0.0
                        for i in 0..<n { running += closest[i]; cumulative[i] = running }
                        for t in 0..<trials {
                            candidates[t] = Swift.min(lowerBound(cumulative, generator.nextUniform() * potential), n - 1)
                            potentials[t] = 0
                        }
                        for i in 0..<n {
                            let row = x + i * d
                            for t in 0..<trials {
                                let distance = Swift.min(closest[i], squaredDistance(row, x + candidates[t] * d, d))
                                distances[t * n + i] = distance
                                potentials[t] += distance
                            }
                        }
                        var best = 0
                        for t in 1..<trials where potentials[t] < potentials[best] { best = t }
                        potential = potentials[best]
                        closest.update(from: distances + best * n, count: n)
                        for j in 0..<d { centers[c * d + j] = x[candidates[best] * d + j] }
                    }
                }
            }
        }
        return centers
    }
}

@inline(__always)
func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ d: Int) -> Double {
    var sum = 0.0
    for j in 0..<d {
        let diff = a[j] - b[j]
        sum += diff * diff
    }
    return sum
}

/// The first index whose value is ≥ `target` in an ascending array (numpy's `searchsorted`, side left).
func lowerBound(_ values: [Double], _ target: Double) -> Int {
    var low = 0, high = values.count
    while low < high {
        let middle = (low + high) / 2
        if values[middle] < target { low = middle + 1 } else { high = middle }
    }
    return low
}
