/// A confidence interval for a statistic, with the point estimate it surrounds.
public struct ConfidenceInterval: Sendable, Hashable {
    /// The statistic on the original sample(s).
    public let estimate: Double
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
    /// The nominal coverage, for example 0.95.
    public let level: Double
}

/// Percentile bootstrap confidence intervals, seeded and reproducible.
///
/// Efron & Tibshirani, An Introduction to the Bootstrap (1993), ch. 13. NaN values are dropped from
/// the samples before resampling. The bounds are the (1 ∓ level)/2 quantiles (linear interpolation)
/// of the statistic over the resamples; a NaN statistic on some resamples is skipped.
public struct Bootstrap: Sendable, Hashable {
    /// How many resamples to draw (scipy's default is 9999).
    public var resamples: Int
    /// The nominal coverage, in (0, 1).
    public var level: Double
    /// The seed of the `SeededGenerator` that draws the resamples.
    public var seed: UInt64

    public init(resamples: Int = 9999, level: Double = 0.95, seed: UInt64 = 0) {
        self.resamples = resamples
        self.level = level
        self.seed = seed
    }

    /// The percentile interval of `statistic` on `sample`.
    ///
    /// - Parameter statistic: the quantity of interest, called once per resample with a sample of
    ///   the original size (for example `{ $0.mean() }` or `{ $0.median() }`).
    /// - Throws: `StatsError.emptyInput` for a sample with no non-NaN values,
    ///   `StatsError.invalidParameter` for a level outside (0, 1) or fewer than 1 resample.
    /// - Complexity: O(resamples · cost of `statistic`).
    public func confidenceInterval(of sample: [Double], statistic: ([Double]) -> Double) throws -> ConfidenceInterval {
        try validate()
        let data = sample.filter { !$0.isNaN }
        guard !data.isEmpty else { throw StatsError.emptyInput("bootstrap sample") }
        var generator = SeededGenerator(seed: seed)
        var buffer = data
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            resample(data, into: &buffer, using: &generator)
            replicates.append(statistic(buffer))
        }
        return interval(estimate: statistic(data), replicates: replicates)
    }

    /// The percentile interval of statistic(a) - statistic(b), resampling each sample independently
    /// (for example the difference in mean basket value between two segments).
    ///
    /// - Throws: as `confidenceInterval(of:statistic:)`, for either sample.
    public func differenceConfidenceInterval(_ a: [Double], _ b: [Double], statistic: ([Double]) -> Double) throws -> ConfidenceInterval {
        try validate()
        let first = a.filter { !$0.isNaN }, second = b.filter { !$0.isNaN }
        guard !first.isEmpty else { throw StatsError.emptyInput("bootstrap first sample") }
        guard !second.isEmpty else { throw StatsError.emptyInput("bootstrap second sample") }
        var generator = SeededGenerator(seed: seed)
        var bufferA = first, bufferB = second
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            resample(first, into: &bufferA, using: &generator)
            resample(second, into: &bufferB, using: &generator)
            replicates.append(statistic(bufferA) - statistic(bufferB))
        }
        return interval(estimate: statistic(first) - statistic(second), replicates: replicates)
    }

    private func validate() throws {
        guard level > 0, level < 1 else {
            throw StatsError.invalidParameter(name: "level", value: "\(level)", reason: "must be in (0, 1)")
        }
        guard resamples >= 1 else {
            throw StatsError.invalidParameter(name: "resamples", value: "\(resamples)", reason: "must be at least 1")
        }
    }

    private func resample(_ data: [Double], into buffer: inout [Double], using generator: inout SeededGenerator) {
        let n = data.count
        for i in 0..<n { buffer[i] = data[generator.nextIndex(below: n)] }
    }

    private func interval(estimate: Double, replicates: [Double]) -> ConfidenceInterval {
        let alpha = (1 - level) / 2
        let bounds = replicates.quantiles([alpha, 1 - alpha])
        return ConfidenceInterval(estimate: estimate, lower: bounds[0], upper: bounds[1], level: level)
    }
}
