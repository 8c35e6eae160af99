import Foundation

extension KMeansProblem {
    /// Greedy k-means++ seeding as scikit-learn's `_kmeans_plusplus`: the first centre uniformly,
    /// each next one the best of 2 + ⌊ln k⌋ candidates drawn with probability proportional to the
    /// squared distance to the nearest centre so far (best = lowest resulting potential).
    /// Arthur & Vassilvitskii (2007).
    func plusPlusCenters(using generator: inout SeededGenerator) -> [Double] {
        let n = count, d = dimension, k = clusters
        let trials = 2 + Int(log(Double(k)))
        var centers = [Double](repeating: 0, count: k * d)
        var closest = [Double](repeating: 0, count: n)
        var cumulative = [Double](repeating: 0, count: n)
        var candidateDistances = [Double](repeating: 0, count: n)
        var bestDistances = [Double](repeating: 0, count: n)
        let first = generator.nextIndex(below: n)
        for j in 0..<d { centers[j] = points[first * d + j] }
        var potential = 0.0
        points.withUnsafeBufferPointer { x in
            for i in 0..<n {
                closest[i] = squaredDistance(x, i, x, first, d)
                potential += closest[i]
            }
            for c in 1..<Swift.max(1, k) {
                var running = 0.0
                for i in 0..<n { running += closest[i]; cumulative[i] = running }
                var bestPotential = Double.infinity
                var bestIndex = 0
                for _ in 0..<trials {
                    let target = generator.nextUniform() * potential
                    let candidate = Swift.min(lowerBound(cumulative, target), n - 1)
                    var candidatePotential = 0.0
                    for i in 0..<n {
                        let distance = Swift.min(closest[i], squaredDistance(x, i, x, candidate, d))
                        candidateDistances[i] = distance
                        candidatePotential += distance
                    }
                    if candidatePotential < bestPotential {
                        bestPotential = candidatePotential
                        bestIndex = candidate
                        swap(&bestDistances, &candidateDistances)
                    }
                }
                potential = bestPotential
                swap(&closest, &bestDistances)
                for j in 0..<d { centers[c * d + j] = x[bestIndex * d + j] }
            }
        }
        return centers
    }
}

@inline(__always)
func squaredDistance(_ a: UnsafeBufferPointer<Double>, _ i: Int, _ b: UnsafeBufferPointer<Double>, _ j: Int, _ d: Int) -> Double {
    var sum = 0.0
    for t in 0..<d {
        let diff = a[i * d + t] - b[j * d + t]
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
