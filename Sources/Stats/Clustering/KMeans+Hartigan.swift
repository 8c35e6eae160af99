extension KMeansProblem {
    /// Refines a Lloyd solution by Hartigan's single-point moves until none lowers the inertia.
    ///
    /// Moving x from cluster A (size a) to B (size b) changes the inertia by
    /// b/(b+1)·‖x - c_B‖² - a/(a-1)·‖x - c_A‖², so every accepted move strictly lowers it, and a
    /// partition stable under these moves is also stable under Lloyd's (each point is nearest its
    /// own centroid). Lloyd's fixed points are often not Hartigan's, so this escapes many poor local
    /// optima at the cost of about one Lloyd iteration per pass.
    /// Hartigan & Wong (1979); Telgarsky & Vattani (2010).
    func hartigan(_ run: KMeansRun, maxPasses: Int = 100) -> KMeansRun {
        let n = count, d = dimension, k = clusters
        var labels = run.labels
        var sizes = [Double](repeating: 0, count: k)
        for label in labels { sizes[Int(label)] += 1 }
        var centers = meanCenters(labels: labels, fallback: run.centers)
        var passes = 0
        points.withUnsafeBufferPointer { x in
            centers.withUnsafeMutableBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { labels in
                    sizes.withUnsafeMutableBufferPointer { sizes in
                        for _ in 0..<maxPasses {
                            passes += 1
                            let moved: Bool
                            // Constant dimensions let the compiler unroll the feature loops.
                            switch d {
                            case 2: moved = hartiganPass(x: x, c: c, labels: labels, sizes: sizes, n: n, d: 2, k: k)
                            case 3: moved = hartiganPass(x: x, c: c, labels: labels, sizes: sizes, n: n, d: 3, k: k)
                            case 4: moved = hartiganPass(x: x, c: c, labels: labels, sizes: sizes, n: n, d: 4, k: k)
                            default: moved = hartiganPass(x: x, c: c, labels: labels, sizes: sizes, n: n, d: d, k: k)
                            }
                            if !moved { break }
                        }
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

    /// One pass of Hartigan moves over every point; whether any point moved.
    @inline(__always)
    private func hartiganPass(x: UnsafeBufferPointer<Double>, c: UnsafeMutableBufferPointer<Double>, labels: UnsafeMutableBufferPointer<Int32>,
                              sizes: UnsafeMutableBufferPointer<Double>, n: Int, d: Int, k: Int) -> Bool {
        let constC = UnsafeBufferPointer(c)
        var moved = false
        for i in 0..<n {
            let from = Int(labels[i])
            let sizeFrom = sizes[from]
            if sizeFrom <= 1 { continue }
            let stay = sizeFrom / (sizeFrom - 1) * squaredDistance(x, i, constC, from, d)
            var best = from
            var bestCost = stay
            for target in 0..<k where target != from {
                let sizeTo = sizes[target]
                let cost = sizeTo / (sizeTo + 1) * squaredDistance(x, i, constC, target, d)
                if cost < bestCost { bestCost = cost; best = target }
            }
            // A relative margin keeps rounding from cycling a point between equal costs.
            guard best != from, bestCost < stay * (1 - 1e-12) else { continue }
            let sizeTo = sizes[best]
            for j in 0..<d {
                let value = x[i * d + j]
                c[from * d + j] = (c[from * d + j] * sizeFrom - value) / (sizeFrom - 1)
                c[best * d + j] = (c[best * d + j] * sizeTo + value) / (sizeTo + 1)
            }
            sizes[from] -= 1
            sizes[best] += 1
            labels[i] = Int32(best)
            moved = true
        }
        return moved
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
