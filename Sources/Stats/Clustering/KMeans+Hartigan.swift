extension KMeansProblem {
    /// Refines a Lloyd solution by Hartigan's single-point moves until none lowers the inertia.
    ///
    /// Moving x from cluster A (size a) to B (size b) changes the inertia by
    /// b/(b+1)·‖x - c_B‖² - a/(a-1)·‖x - c_A‖², so every accepted move strictly lowers it, and a
    /// partition stable under these moves is also stable under Lloyd's (each point is nearest its
    /// own centroid). Lloyd's fixed points are often not Hartigan's, so this escapes many poor local
    /// optima. Hartigan & Wong (1979); Telgarsky & Vattani (2010).
    ///
    /// After a Lloyd solution few points are near enough a boundary to move, so each point keeps
    /// bounds as in Hamerly's Lloyd step: an upper bound on the distance to its centre and a lower
    /// bound on the distance to any other, loosened by how far the centres have drifted since
    /// they were set. A point is examined only when its bounds no longer prove that no move
    /// pays, which leaves the passes, moves and result those of examining every point.
    func hartigan(_ run: KMeansRun, maxPasses: Int = 100) -> KMeansRun {
        switch dimension {
        case 2: hartigan(run, width: Width2(), maxPasses: maxPasses)
        case 3: hartigan(run, width: Width3(), maxPasses: maxPasses)
        case 4: hartigan(run, width: Width4(), maxPasses: maxPasses)
        default: hartigan(run, width: AnyWidth(count: dimension), maxPasses: maxPasses)
        }
    }

    private func hartigan<Width: FeatureWidth>(_ run: KMeansRun, width: Width, maxPasses: Int) -> KMeansRun {
        let n = count, k = clusters
        var labels = run.labels
        var centers = meanCenters(labels: labels, fallback: run.centers)
        var state = HartiganState(count: n, labels: labels, clusters: k)
        var passes = 0
        points.withUnsafeBufferPointer { x in
            centers.withUnsafeMutableBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { labels in
                    for _ in 0..<maxPasses {
                        passes += 1
                        guard state.pass(x: x, centers: c, labels: labels, width: width) else { break }
                    }
                }
            }
        }
        if passes <= 1 { return run }
        // The running means drift by rounding; finish with exact means.
        let exact = meanCenters(labels: labels, fallback: centers)
        return KMeansRun(labels: labels, centers: exact, inertia: inertia(centers: exact, labels: labels),
                         iterations: run.iterations)
    }

    /// The mean of each cluster's points (a cluster with no point keeps its `fallback` centre).
    func meanCenters(labels: [Int32], fallback: [Double]) -> [Double] {
        let d = dimension
        var sums = [Double](repeating: 0, count: clusters * d)
        var sizes = [Double](repeating: 0, count: clusters)
        for i in 0..<count {
            let c = Int(labels[i])
            sizes[c] += 1
            for j in 0..<d { sums[c * d + j] += points[i * d + j] }
        }
        for c in 0..<clusters {
            for j in 0..<d { sums[c * d + j] = sizes[c] > 0 ? sums[c * d + j] / sizes[c] : fallback[c * d + j] }
        }
        return sums
    }
}

/// Cluster sizes, centre drifts and per-point bounds of a Hartigan refinement.
private struct HartiganState {
    var sizes: [Double]
    /// Per cluster a/(a-1), the factor of the squared distance a point saves by leaving it, and
    /// b/(b+1), the factor it pays by joining it.
    var leaveWeight: [Double]
    var joinWeight: [Double]
    /// The smallest join weight: no move is cheaper per unit of squared distance.
    var minimumJoinWeight = 0.0
    /// The total distance each centre has moved, and the sum over all centres.
    var drift: [Double]
    var totalDrift = 0.0
    var bounds: [PointBounds]
    /// Squared distances of the point being examined to every centre.
    var distances: [Double]

    /// A point's distance bounds when they were set, with the drifts of that time (of its own
    /// centre, and the total).
    struct PointBounds {
        var upper = Double.infinity
        var lower = 0.0
        var ownDriftThen = 0.0
        var totalDriftThen = 0.0
    }

    init(count n: Int, labels: [Int32], clusters k: Int) {
        sizes = [Double](repeating: 0, count: k)
        for label in labels { sizes[Int(label)] += 1 }
        leaveWeight = [Double](repeating: 0, count: k)
        joinWeight = [Double](repeating: 0, count: k)
        drift = [Double](repeating: 0, count: k)
        bounds = [PointBounds](repeating: PointBounds(), count: n)
        distances = [Double](repeating: 0, count: k)
        updateWeights(0..<k)
    }

    /// Recomputes the weights of clusters whose sizes changed.
    mutating func updateWeights(_ clusters: some Sequence<Int>) {
        for c in clusters {
            leaveWeight[c] = sizes[c] / (sizes[c] - 1)
            joinWeight[c] = sizes[c] / (sizes[c] + 1)
        }
        minimumJoinWeight = joinWeight.min() ?? 0
    }

    /// One pass of Hartigan moves over every point, in order; whether any point moved.
    mutating func pass<Width: FeatureWidth>(x: UnsafeBufferPointer<Double>, centers c: UnsafeMutableBufferPointer<Double>,
                                            labels: UnsafeMutableBufferPointer<Int32>, width: Width) -> Bool {
        var bounds = self.bounds
        self.bounds = []
        defer { self.bounds = bounds }
        return bounds.withUnsafeMutableBufferPointer { bounds in
            pass(x: x, centers: c, labels: labels, bounds: bounds, width: width)
        }
    }

    private mutating func pass<Width: FeatureWidth>(x: UnsafeBufferPointer<Double>, centers c: UnsafeMutableBufferPointer<Double>,
                                                    labels: UnsafeMutableBufferPointer<Int32>,
                                                    bounds: UnsafeMutableBufferPointer<PointBounds>, width: Width) -> Bool {
        let d = width.count, k = sizes.count
        guard let xBase = x.baseAddress, let cBase = c.baseAddress else { return false }
        var moved = false
        for i in labels.indices {
            let from = Int(labels[i])
            let sizeFrom = sizes[from]
            if sizeFrom <= 1 { continue }
            let point = bounds[i]
            let upperNow = point.upper + (drift[from] - point.ownDriftThen)
            let lowerNow = point.lower - (totalDrift - point.totalDriftThen)
            // Every move costs at least minimumJoinWeight·lower², staying at most leaveWeight·upper².
            if lowerNow > 0, minimumJoinWeight * lowerNow * lowerNow > leaveWeight[from] * upperNow * upperNow * (1 + 1e-9) {
                continue
            }

            for target in 0..<k { distances[target] = squaredDistance(xBase + i * d, cBase + target * d, d) }
            let stay = leaveWeight[from] * distances[from]
            var best = from
            var bestCost = stay
            for target in 0..<k where target != from {
                let cost = joinWeight[target] * distances[target]
                if cost < bestCost { bestCost = cost; best = target }
            }
            // A relative margin keeps rounding from cycling a point between equal costs.
            let moves = best != from && bestCost < stay * (1 - 1e-12)
            let label = moves ? best : from
            var nearestOther = Double.infinity
            for target in 0..<k where target != label { nearestOther = Swift.min(nearestOther, distances[target]) }
            bounds[i] = PointBounds(upper: distances[label].squareRoot(), lower: nearestOther.squareRoot(),
                                    ownDriftThen: drift[label], totalDriftThen: totalDrift)
            guard moves else { continue }

            let sizeTo = sizes[best]
            for j in 0..<d {
                let value = x[i * d + j]
                c[from * d + j] = (c[from * d + j] * sizeFrom - value) / (sizeFrom - 1)
                c[best * d + j] = (c[best * d + j] * sizeTo + value) / (sizeTo + 1)
            }
            // The centres move by ‖x - c_A‖/(a-1) and ‖x - c_B‖/(b+1).
            let leaving = distances[from].squareRoot() / (sizeFrom - 1)
            let joining = distances[best].squareRoot() / (sizeTo + 1)
            drift[from] += leaving
            drift[best] += joining
            totalDrift += leaving + joining
            sizes[from] -= 1
            sizes[best] += 1
            updateWeights([from, best])
            labels[i] = Int32(best)
            moved = true
        }
        return moved
    }
}
