/// k-means clustering: k-means++ seeding, Lloyd iterations, several seeded starts keeping the
/// lowest inertia; the algorithm and defaults of scikit-learn's `KMeans(algorithm="lloyd")`, plus
/// (by default) a Hartigan refinement of each start, which can only lower the inertia.
///
/// Lloyd (1982); Arthur & Vassilvitskii (2007) for k-means++, with scikit-learn's greedy variant
/// (2 + ⌊ln k⌋ candidates per centre, the one lowering the potential most is kept);
/// Hartigan & Wong (1979) for the refinement.
/// The starts run on all cores; each start draws from its own `SeededGenerator` stream, so the
/// result depends only on the data and the seed, never on scheduling.
public struct KMeans: Sendable, Hashable {
    /// k, the number of clusters.
    public var clusters: Int
    /// How many seeded starts to run, keeping the one of lowest inertia (scikit-learn's `n_init`).
    public var starts: Int
    /// The cap on Lloyd iterations per start (`max_iter`).
    public var maxIterations: Int
    /// The convergence tolerance, relative to the mean per-feature variance of the data (`tol`):
    /// a start stops when the squared centre shift, summed over centres, is at most
    /// `tolerance × mean(variance of each column)`, or when no label changes.
    public var tolerance: Double
    /// The seed of the starts' random streams.
    public var seed: UInt64
    /// What each start does after its Lloyd iterations.
    public var refinement: Refinement

    /// The local search run on each start after Lloyd's iterations.
    public enum Refinement: Sendable, Hashable {
        /// None: exactly scikit-learn's algorithm.
        case none
        /// Hartigan's single-point moves until none lowers the inertia (the default): never worse
        /// than Lloyd's result, often better on data without clear clusters.
        case hartigan
    }

    public init(clusters: Int, starts: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4,
                seed: UInt64 = 0, refinement: Refinement = .hartigan) {
        self.clusters = clusters
        self.starts = starts
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seed = seed
        self.refinement = refinement
    }

    /// Clusters the rows of `data`.
    ///
    /// - Parameter data: n × d observations (rows), finite.
    /// - Returns: the labels (0..<k), centroids, inertia and iteration count of the best start.
    /// - Throws: `StatsError.emptyInput` for no rows, `StatsError.nonFinite` for NaN or infinite
    ///   values, `StatsError.invalidParameter` for k < 1, starts < 1 or maxIterations < 1,
    ///   `StatsError.tooFewDistinctPoints` when the data has fewer than k distinct rows.
    /// - Complexity: O(starts · iterations · n · k · d) time, O(n + k · d) extra memory per core.
    public func fit(_ data: Matrix) throws -> KMeansResult {
        try fit(data, initial: nil)
    }

    private func fit(_ data: Matrix, initial: Matrix?) throws -> KMeansResult {
        let n = data.rows, d = data.columns
        guard n > 0, d > 0 else { throw StatsError.emptyInput("k-means") }
        guard clusters >= 1 else {
            throw StatsError.invalidParameter(name: "clusters", value: "\(clusters)", reason: "must be at least 1")
        }
        guard starts >= 1 else {
            throw StatsError.invalidParameter(name: "starts", value: "\(starts)", reason: "must be at least 1")
        }
        guard maxIterations >= 1 else {
            throw StatsError.invalidParameter(name: "maxIterations", value: "\(maxIterations)", reason: "must be at least 1")
        }
        guard tolerance >= 0 else {
            throw StatsError.invalidParameter(name: "tolerance", value: "\(tolerance)", reason: "must not be negative")
        }
        guard data.values.allSatisfy(\.isFinite) else { throw StatsError.nonFinite("k-means") }
        let distinct = distinctRowCount(data, upTo: clusters)
        guard distinct >= clusters else { throw StatsError.tooFewDistinctPoints(clusters: clusters, distinct: distinct) }

        // Centre the data, as scikit-learn does, so distances lose no precision to a large offset.
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { mean[j] += data.values[i * d + j] } }
        for j in 0..<d { mean[j] /= Double(n) }
        var centred = data.values
        var variance = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for j in 0..<d {
                centred[i * d + j] -= mean[j]
                variance[j] += centred[i * d + j] * centred[i * d + j]
            }
        }
        let absoluteTolerance = tolerance * variance.reduce(0, +) / Double(n) / Double(d)

        let problem = KMeansProblem(points: centred, count: n, dimension: d, clusters: clusters,
                                    maxIterations: maxIterations, tolerance: absoluteTolerance)
        let runs: [KMeansRun]
        if let initial {
            var centers = initial.values
            for c in 0..<clusters { for j in 0..<d { centers[c * d + j] -= mean[j] } }
            let run = problem.lloyd(from: centers, parallel: true)
            runs = [refinement == .hartigan ? problem.hartigan(run) : run]
        } else {
            runs = runStarts(problem)
        }
        var best = runs[0]
        for run in runs.dropFirst() where run.inertia < best.inertia { best = run }
        var centroids = Matrix(rows: clusters, columns: d)
        for c in 0..<clusters { for j in 0..<d { centroids[c, j] = best.centers[c * d + j] + mean[j] } }
        return KMeansResult(labels: best.labels.map(Int.init), centroids: centroids,
                            inertia: best.inertia, iterations: best.iterations)
    }

    /// Clusters the rows of `data` with one start from the given centroids instead of k-means++
    /// (scikit-learn's `init=array, n_init=1`); `starts` and `seed` are not used.
    ///
    /// - Throws: as `fit(_:)`, and `StatsError.dimensionMismatch` when `initialCentroids` is not
    ///   k × d or is not finite.
    public func fit(_ data: Matrix, initialCentroids: Matrix) throws -> KMeansResult {
        guard initialCentroids.rows == clusters, initialCentroids.columns == data.columns else {
            throw StatsError.dimensionMismatch("k-means initial centroids (rows × columns)",
                                               expected: clusters * data.columns, actual: initialCentroids.rows * initialCentroids.columns)
        }
        guard initialCentroids.values.allSatisfy(\.isFinite) else { throw StatsError.nonFinite("k-means initial centroids") }
        return try fit(data, initial: initialCentroids)
    }

    private func runStarts(_ problem: KMeansProblem) -> [KMeansRun] {
        let count = starts
        let seed = self.seed
        // Split the cores between the starts when there are several, else inside the Lloyd steps.
        let parallelChunks = count == 1
        let refine = refinement == .hartigan
        // Every start is refined: refining only the better Lloyd solutions halves the cost but, on
        // unclustered data, loses the starts whose Lloyd optimum was poor and whose Hartigan optimum is best.
        return runInParallel(count) { start in
            var generator = SeededGenerator(seed: seed, stream: UInt64(start))
            let run = problem.lloyd(from: problem.plusPlusCenters(using: &generator), parallel: parallelChunks)
            return refine ? problem.hartigan(run) : run
        }
    }
}

/// `body(0..<count)` on all cores, results in index order.
func runInParallel<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    defer { results.deallocate() }
    let shared = SharedBuffer(results)
    parallelFor(count) { shared.buffer.initializeElement(at: $0, to: body($0)) }
    let array = Array(results)
    _ = results.deinitialize()
    return array
}

/// The outcome of `KMeans.fit`.
public struct KMeansResult: Sendable, Hashable {
    /// The cluster of each row, in 0..<k.
    public let labels: [Int]
    /// The k cluster centres, one per row (`cluster_centers_`).
    public let centroids: Matrix
    /// The sum of squared distances of the rows to their centroid (`inertia_`).
    public let inertia: Double
    /// The Lloyd iterations of the best start (`n_iter_`), not counting the refinement's passes.
    public let iterations: Int

    /// The nearest centroid of each row of `data`.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `data` has a different number of columns.
    public func predict(_ data: Matrix) throws -> [Int] {
        let d = centroids.columns, k = centroids.rows
        guard data.columns == d else {
            throw StatsError.dimensionMismatch("k-means predict: columns", expected: d, actual: data.columns)
        }
        return (0..<data.rows).map { i in
            var best = 0, bestDistance = Double.infinity
            for c in 0..<k {
                var sum = 0.0
                for j in 0..<d {
                    let diff = data.values[i * d + j] - centroids.values[c * d + j]
                    sum += diff * diff
                }
                if sum < bestDistance { bestDistance = sum; best = c }
            }
            return best
        }
    }
}

/// The number of distinct rows of `data`, counting no further than `limit`.
func distinctRowCount(_ data: Matrix, upTo limit: Int) -> Int {
    let d = data.columns
    var found: [Int] = []
    rows: for i in 0..<data.rows {
        for r in found {
            var same = true
            for j in 0..<d where data.values[i * d + j] != data.values[r * d + j] { same = false; break }
            if same { continue rows }
        }
        found.append(i)
        if found.count >= limit { break }
    }
    return found.count
}
