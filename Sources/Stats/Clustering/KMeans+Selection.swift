/// The comparison of cluster counts made by `KMeans.selectClusterCount`.
public struct ClusterCountSelection: Sendable, Hashable {
    /// One fitted k.
    public struct Candidate: Sendable, Hashable {
        /// k.
        public let clusters: Int
        /// The best start's inertia (the elbow curve).
        public let inertia: Double
        /// The mean silhouette of the fit.
        public let silhouette: Double
        /// The fit itself.
        public let fit: KMeansResult
    }

    /// Every k tried, in increasing order.
    public let candidates: [Candidate]
    /// The k of highest mean silhouette (the smaller k on ties).
    public let bestClusters: Int
    /// The elbow of the inertia curve: the k farthest below the chord joining the curve's ends,
    /// after scaling both axes to [0, 1] (the "kneedle" rule); nil with fewer than 3 candidates.
    public let elbowClusters: Int?

    /// The candidate with `bestClusters`.
    public var best: Candidate? { candidates.first { $0.clusters == bestClusters } }
}

extension KMeans {
    /// Fits k-means for every k in `range` and compares them by mean silhouette, reporting the
    /// inertia (elbow) curve too.
    ///
    /// - Parameters:
    ///   - data: n × d observations.
    ///   - range: the cluster counts to try, each at least 2.
    ///   - starts, maxIterations, tolerance, seed: as `KMeans`.
    ///   - silhouetteSampleSize: score each fit on a seeded subset of this many rows (nil: all rows).
    /// - Throws: as `KMeans.fit` and `Silhouette.score`; `StatsError.invalidParameter` when the
    ///   range starts below 2.
    public static func selectClusterCount(_ data: Matrix, range: ClosedRange<Int>, starts: Int = 10,
                                          maxIterations: Int = 300, tolerance: Double = 1e-4, seed: UInt64 = 0,
                                          silhouetteSampleSize: Int? = nil) throws -> ClusterCountSelection {
        guard range.lowerBound >= 2 else {
            throw StatsError.invalidParameter(name: "range", value: "\(range)", reason: "silhouettes need at least 2 clusters")
        }
        var candidates: [ClusterCountSelection.Candidate] = []
        for k in range {
            let fit = try KMeans(clusters: k, starts: starts, maxIterations: maxIterations, tolerance: tolerance, seed: seed).fit(data)
            let score = try Silhouette.score(data, labels: fit.labels, sampleSize: silhouetteSampleSize, seed: seed)
            candidates.append(.init(clusters: k, inertia: fit.inertia, silhouette: score, fit: fit))
        }
        var best = candidates[0]
        for candidate in candidates.dropFirst() where candidate.silhouette > best.silhouette { best = candidate }
        return ClusterCountSelection(candidates: candidates, bestClusters: best.clusters, elbowClusters: elbow(candidates))
    }

    static func elbow(_ candidates: [ClusterCountSelection.Candidate]) -> Int? {
        guard candidates.count >= 3, let first = candidates.first, let last = candidates.last else { return nil }
        let xSpan = Double(last.clusters - first.clusters)
        let ySpan = first.inertia - last.inertia
        guard xSpan > 0, ySpan > 0 else { return nil }
        var bestGap = -Double.infinity
        var elbow: Int?
        for candidate in candidates {
            let x = Double(candidate.clusters - first.clusters) / xSpan
            let y = (candidate.inertia - last.inertia) / ySpan
            // The chord runs from (0, 1) to (1, 0); the gap below it is 1 - x - y.
            let gap = 1 - x - y
            if gap > bestGap { bestGap = gap; elbow = candidate.clusters }
        }
        return elbow
    }
}
