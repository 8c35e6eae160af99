/// A seeded random number generator that gives the same stream on every machine and Swift version:
/// xoshiro256** seeded through SplitMix64, with uniform, normal, gamma and Poisson draws written
/// here rather than taken from the standard library (whose algorithms may change between releases).
///
/// Blackman & Vigna (2018), "Scrambled linear pseudorandom number generators".
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A double in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A double in (0, 1), safe to take the logarithm of.
    mutating func openUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// An integer in 0..<`bound` (Lemire's multiply-high; the bias is below 2^-50 for our bounds).
    /// Returns 0 when `bound` <= 1.
    public mutating func int(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with probability `p` (clamped to [0, 1]).
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A standard normal draw (Marsaglia's polar method, one value per accepted pair).
    public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0, s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A log-normal draw: e^(mu + sigma·Z).
    public mutating func logNormal(mu: Double, sigma: Double) -> Double {
        PortableMath.exp(mu + sigma * normal())
    }

    /// A gamma draw with this shape and scale (mean shape·scale); 0 for a non-positive shape.
    ///
    /// Marsaglia & Tsang (2000), "A simple method for generating gamma variables"; shapes below 1
    /// use the boost Gamma(a) = Gamma(a + 1)·U^(1/a).
    public mutating func gamma(shape: Double, scale: Double) -> Double {
        guard shape > 0, scale > 0 else { return 0 }
        if shape < 1 {
            let boosted = gamma(shape: shape + 1, scale: scale)
            return boosted * PortableMath.exp(PortableMath.log(openUniform()) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let root = 1 + c * x
            guard root > 0 else { continue }
            let v = root * root * root
            let u = openUniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if PortableMath.log(u) < 0.5 * x * x + d * (1 - v + PortableMath.log(v)) { return d * v * scale }
        }
    }

    /// A Poisson draw with mean `lambda`; 0 for a non-positive or non-finite mean.
    ///
    /// Knuth's product of uniforms for means up to 30; larger means are split into a sum of
    /// independent Poisson(≤ 30) parts, which is exact and costs O(lambda).
    public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0, lambda.isFinite else { return 0 }
        var remaining = lambda
        var total = 0
        while remaining > 30 {
            total += knuthPoisson(30)
            remaining -= 30
        }
        return total + knuthPoisson(remaining)
    }

    private mutating func knuthPoisson(_ lambda: Double) -> Int {
        let limit = PortableMath.exp(-lambda)
        var product = uniform()
        var count = 0
        while product > limit {
            product *= uniform()
            count += 1
        }
        return count
    }

    /// A negative binomial draw with this mean and shape (a gamma-mixed Poisson: variance mean + mean²/shape).
    public mutating func negativeBinomial(mean: Double, shape: Double) -> Int {
        poisson(gamma(shape: shape, scale: mean / shape))
    }

    /// An index drawn with probability proportional to the increments of `cumulative`
    /// (a running sum of non-negative weights); nil when the total weight is 0.
    public mutating func pick(cumulative: [Double]) -> Int? {
        guard let total = cumulative.last, total > 0 else { return nil }
        let target = uniform() * total
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Array where Element == Double {
    /// The running sums of the elements.
    func runningSums() -> [Double] {
        var sum = 0.0
        return map { sum += $0; return sum }
    }
}
