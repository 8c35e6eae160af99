import Foundation

/// Nice tick positions by Wilkinson's extended algorithm: a search over step sizes `q·10^z` (q from a
/// preference-ordered list of nice numbers) that scores every candidate for simplicity, coverage of
/// the data, closeness to the wanted tick count and legibility, pruning on upper bounds of the score.
/// Talbot, Lin & Hanrahan (2010), "An Extension of Wilkinson's Algorithm for Positioning Tick Labels
/// on Axes".
public enum ExtendedTicks {
    static let niceNumbers: [Double] = [1, 5, 2, 2.5, 4, 3]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// Tick values for data running from `lower` to `upper`, close to `count` ticks.
    ///
    /// The ticks may extend a little beyond the data (coverage is scored, not enforced); use
    /// `onlyLoose` to require the first tick at or below `lower` and the last at or above `upper`.
    /// An empty or one-point range is widened around its value; non-finite input gives `[0, 1]`'s ticks.
    /// - Complexity: bounded by the score pruning; a few thousand candidates for ordinary ranges.
    public static func ticks(from lower: Double, to upper: Double, count: Int, onlyLoose: Bool = false) -> [Double] {
        var (dmin, dmax) = (min(lower, upper), max(lower, upper))
        if !dmin.isFinite || !dmax.isFinite { (dmin, dmax) = (0, 1) }
        // A range wider than the largest double: the ticks of its halves, doubled.
        if !(dmax - dmin).isFinite {
            return ticks(from: dmin / 2, to: dmax / 2, count: count, onlyLoose: onlyLoose).map { $0 * 2 }
        }
        if dmax - dmin < 1e-12 * max(1, abs(dmax)) {
            // A tenth of a subnormal value is zero: such a value gets the pad of zero.
            let pad = abs(dmin) * 0.1 > 0 ? abs(dmin) * 0.1 : 1
            (dmin, dmax) = (dmin - pad, dmax + pad)
        }
        guard let best = search(dmin: dmin, dmax: dmax, m: max(2, count), onlyLoose: onlyLoose) else {
            return [dmin, dmax]
        }
        let n = Int(((best.upper - best.lower) / best.step).rounded())
        // Dividing by an exact power of ten rounds 0.7500000000000001 back to 0.75.
        let inverseResolution = Foundation.pow(10, Double(4 - best.exponent))
        return (0...max(0, n)).map { i in
            let value = best.lower + Double(i) * best.step
            let rounded = (value * inverseResolution).rounded() / inverseResolution
            return rounded == 0 ? 0 : rounded
        }
    }

    private struct Candidate {
        var lower: Double
        var upper: Double
        var step: Double
        var exponent: Int
    }

    private static func search(dmin: Double, dmax: Double, m: Int, onlyLoose: Bool) -> Candidate? {
        let w = weights
        let qCount = Double(niceNumbers.count)
        var bestScore = -2.0
        var best: Candidate?
        var j = 1.0
        outer: while j < 100 {
            for (index, q) in niceNumbers.enumerated() {
                let i = Double(index + 1)
                let simplicityMax = 1 - (i - 1) / (qCount - 1) - j + 1
                if w.simplicity * simplicityMax + w.coverage + w.density + w.legibility < bestScore {
                    break outer
                }
                var k = 2.0
                while k < 100 {
                    let densityMax = k >= Double(m) ? 2 - (k - 1) / (Double(m) - 1) : 1
                    if w.simplicity * simplicityMax + w.coverage + w.density * densityMax + w.legibility < bestScore {
                        break
                    }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    guard delta > 0, delta.isFinite else { break }
                    var z = Int(Foundation.log10(delta).rounded(.up))
                    while z < 400 {
                        let step = j * q * Foundation.pow(10, Double(z))
                        let coverageMax = Self.coverageMax(dmin, dmax, step * (k - 1))
                        if w.simplicity * simplicityMax + w.coverage * coverageMax + w.density * densityMax
                            + w.legibility < bestScore {
                            break
                        }
                        let first = (dmax / step).rounded(.down) * j - (k - 1) * j
                        let last = (dmin / step).rounded(.up) * j
                        // Ranges far from zero relative to their width would overflow the start index.
                        if abs(first) < 1e15, abs(last) < 1e15, first <= last {
                            let minStart = Int(first), maxStart = Int(last)
                            for start in minStart...maxStart {
                                let lmin = Double(start) * (step / j)
                                let lmax = lmin + step * (k - 1)
                                let s = simplicity(i: i, qCount: qCount, j: j, lmin: lmin, lmax: lmax, step: step)
                                let c = coverage(dmin, dmax, lmin, lmax)
                                let g = density(k: k, m: Double(m), dmin, dmax, lmin, lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility
                                if score > bestScore, !onlyLoose || (lmin <= dmin && lmax >= dmax) {
                                    bestScore = score
                                    best = Candidate(lower: lmin, upper: lmax, step: step, exponent: z)
                                }
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        return best
    }

    private static func simplicity(i: Double, qCount: Double, j: Double, lmin: Double, lmax: Double, step: Double) -> Double {
        let eps = 1e-10
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let remainderPositive = remainder < 0 ? remainder + step : remainder
        let includesZero = (remainderPositive < eps || step - remainderPositive < eps) && lmin <= 0 && lmax >= 0
        return 1 - (i - 1) / (qCount - 1) - j + (includesZero ? 1 : 0)
    }

    private static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * ((dmax - lmax) * (dmax - lmax) + (dmin - lmin) * (dmin - lmin)) / ((0.1 * range) * (0.1 * range))
    }

    private static func coverageMax(_ dmin: Double, _ dmax: Double, _ span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / ((0.1 * range) * (0.1 * range))
    }

    private static func density(k: Double, m: Double, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }
}
