import Testing
@testable import Stats

/// The Lloyd step skips distances by Hamerly's bounds and keeps cluster sums incrementally; the
/// Hartigan refinement skips points by drift bounds. Neither may change a result: both are checked
/// here against the plain algorithms, which scan every centre for every point, on seeded data of
/// every feature width the kernels are specialised for (2, 3, 4) and others (1, 6).
@Suite struct KMeansBoundsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let width: Int
        let clusters: Int
        var testDescription: String { "d=\(width) k=\(clusters)" }
    }

    static let cases = [1, 2, 3, 4, 6].flatMap { width in [1, 3, 7].map { Case(width: width, clusters: $0) } }

    @Test(arguments: cases)
    func lloydMatchesThePlainAlgorithm(c: Case) throws {
        let data = Self.overlappingBlobs(width: c.width, seed: UInt64(c.width * 10 + c.clusters))
        let initial = try Matrix(rows: (0..<c.clusters).map { data.row($0 * 37) })
        let fit = try KMeans(clusters: c.clusters, refinement: .none).fit(data, initialCentroids: initial)
        let plain = PlainKMeans(data: data, clusters: c.clusters)
        let (labels, iterations) = plain.lloyd(from: initial.values, tolerance: 1e-4)
        #expect(fit.labels == labels)
        #expect(fit.iterations == iterations)
    }

    @Test(arguments: cases)
    func hartiganMatchesThePlainAlgorithm(c: Case) throws {
        let data = Self.overlappingBlobs(width: c.width, seed: UInt64(c.width * 10 + c.clusters))
        let initial = try Matrix(rows: (0..<c.clusters).map { data.row($0 * 37) })
        let lloyd = try KMeans(clusters: c.clusters, refinement: .none).fit(data, initialCentroids: initial)
        let refined = try KMeans(clusters: c.clusters).fit(data, initialCentroids: initial)
        let plain = PlainKMeans(data: data, clusters: c.clusters)
        #expect(refined.labels == plain.hartigan(from: lloyd.labels))
        #expect(refined.inertia <= lloyd.inertia)
    }

    /// 600 points around five centres close enough to overlap, so that many points sit near a
    /// boundary and the bounds are tested where they matter.
    static func overlappingBlobs(width: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<5).map { _ in (0..<width).map { _ in generator.nextUniform() * 4 } }
        var values: [Double] = []
        for i in 0..<600 {
            for j in 0..<width { values.append(centres[i % 5][j] + (generator.nextUniform() - 0.5) * 3) }
        }
        return try! Matrix(rows: 600, columns: width, values: values)
    }
}

/// The textbook algorithms, every distance computed: Lloyd as scikit-learn runs it (relative
/// tolerance, stop when no label changes, empty clusters take the farthest points), and Hartigan's
/// single-point moves with the same cost rule and rounding margin as the library.
private struct PlainKMeans {
    let x: [Double]
    let mean: [Double]
    let n: Int
    let d: Int
    let k: Int

    init(data: Matrix, clusters: Int) {
        n = data.rows
        d = data.columns
        k = clusters
        // Centred, as the library centres before clustering.
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { mean[j] += data.values[i * d + j] } }
        for j in 0..<d { mean[j] /= Double(n) }
        self.mean = mean
        x = (0..<(n * data.columns)).map { data.values[$0] - mean[$0 % data.columns] }
    }

    func distance(_ i: Int, _ centres: [Double], _ c: Int) -> Double {
        (0..<d).reduce(0.0) { sum, j in
            let diff = x[i * d + j] - centres[c * d + j]
            return sum + diff * diff
        }
    }

    func lloyd(from initial: [Double], tolerance relative: Double) -> (labels: [Int], iterations: Int) {
        var centres = (0..<(k * d)).map { initial[$0] - mean[$0 % d] }
        let variance = (0..<d).map { j in (0..<n).reduce(0.0) { $0 + x[$1 * d + j] * x[$1 * d + j] } / Double(n) }
        let tolerance = relative * variance.reduce(0, +) / Double(d)
        var labels = [Int](repeating: -1, count: n)
        var iterations = 0
        var converged = false
        for iteration in 0..<300 {
            iterations = iteration + 1
            let previous = labels
            labels = (0..<n).map { i in (0..<k).min { distance(i, centres, $0) < distance(i, centres, $1) }! }
            var sums = [Double](repeating: 0, count: k * d)
            var counts = [Double](repeating: 0, count: k)
            for i in 0..<n {
                counts[labels[i]] += 1
                for j in 0..<d { sums[labels[i] * d + j] += x[i * d + j] }
            }
            let empty = (0..<k).filter { counts[$0] == 0 }
            let farthest = (0..<n).sorted { distance($0, centres, labels[$0]) > distance($1, centres, labels[$1]) }
            for (point, cluster) in zip(farthest, empty) {
                counts[labels[point]] -= 1
                for j in 0..<d {
                    sums[labels[point] * d + j] -= x[point * d + j]
                    sums[cluster * d + j] = x[point * d + j]
                }
                counts[cluster] = 1
            }
            var shift = 0.0
            for c in 0..<k where counts[c] > 0 {
                for j in 0..<d {
                    let value = sums[c * d + j] / counts[c]
                    shift += (value - centres[c * d + j]) * (value - centres[c * d + j])
                    centres[c * d + j] = value
                }
            }
            if labels == previous { converged = true; break }
            if shift <= tolerance { break }
        }
        if !converged {
            labels = (0..<n).map { i in (0..<k).min { distance(i, centres, $0) < distance(i, centres, $1) }! }
        }
        return (labels, iterations)
    }

    func hartigan(from start: [Int]) -> [Int] {
        var labels = start
        var sizes = [Double](repeating: 0, count: k)
        var centres = [Double](repeating: 0, count: k * d)
        for i in 0..<n {
            sizes[labels[i]] += 1
            for j in 0..<d { centres[labels[i] * d + j] += x[i * d + j] }
        }
        for c in 0..<k where sizes[c] > 0 { for j in 0..<d { centres[c * d + j] /= sizes[c] } }
        for _ in 0..<100 {
            var moved = false
            for i in 0..<n {
                let from = labels[i], sizeFrom = sizes[from]
                if sizeFrom <= 1 { continue }
                let stay = sizeFrom / (sizeFrom - 1) * distance(i, centres, from)
                var best = from, bestCost = stay
                for target in 0..<k where target != from {
                    let cost = sizes[target] / (sizes[target] + 1) * distance(i, centres, target)
                    if cost < bestCost { bestCost = cost; best = target }
                }
                guard best != from, bestCost < stay * (1 - 1e-12) else { continue }
                let sizeTo = sizes[best]
                for j in 0..<d {
                    centres[from * d + j] = (centres[from * d + j] * sizeFrom - x[i * d + j]) / (sizeFrom - 1)
                    centres[best * d + j] = (centres[best * d + j] * sizeTo + x[i * d + j]) / (sizeTo + 1)
                }
                sizes[from] -= 1
                sizes[best] += 1
                labels[i] = best
                moved = true
            }
            if !moved { break }
        }
        return labels
    }
}
