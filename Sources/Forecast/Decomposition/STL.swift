/// Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990).
///
/// A port of the netlib Fortran as statsmodels' `STL` carries it (with its corrected median in the
/// robustness weights): an inner loop of cycle-subseries smoothing, a low-pass filter of the
/// seasonal, and trend smoothing; an outer loop of bisquare robustness weights. Defaults follow
/// statsmodels: seasonal smoother 7, trend smoother the next odd integer ≥ 1.5·period/(1 − 1.5/seasonal),
/// low-pass the next odd integer > period, local-linear fits, 5 inner and no outer iterations
/// (2 and 15 when robust).
public struct STL: Sendable, Hashable {
    public let period: Int
    public let seasonal: Int
    public let trend: Int
    public let lowPass: Int
    public let seasonalDegree: Int
    public let trendDegree: Int
    public let lowPassDegree: Int
    public let robust: Bool
    public let seasonalJump: Int
    public let trendJump: Int
    public let lowPassJump: Int

    /// - Throws: `ForecastError.invalidArgument` when a length is even, too small, or not above the
    ///   period (trend and low-pass), when a degree is not 0 or 1, or when a jump is not positive.
    public init(period: Int, seasonal: Int = 7, trend: Int? = nil, lowPass: Int? = nil, seasonalDegree: Int = 1,
                trendDegree: Int = 1, lowPassDegree: Int = 1, robust: Bool = false,
                seasonalJump: Int = 1, trendJump: Int = 1, lowPassJump: Int = 1) throws {
        guard period >= 2 else { throw ForecastError.invalidArgument("STL period must be at least 2, got \(period)") }
        guard seasonal >= 3, seasonal % 2 == 1 else {
            throw ForecastError.invalidArgument("STL seasonal length must be an odd integer ≥ 3, got \(seasonal)")
        }
        var t = trend ?? Int((1.5 * Double(period) / (1 - 1.5 / Double(seasonal))).rounded(.up))
        if trend == nil && t % 2 == 0 { t += 1 }
        guard t >= 3, t % 2 == 1, t > period else {
            throw ForecastError.invalidArgument("STL trend length must be an odd integer ≥ 3 and above the period, got \(t)")
        }
        var l = lowPass ?? period + 1
        if lowPass == nil && l % 2 == 0 { l += 1 }
        guard l >= 3, l % 2 == 1, l > period else {
            throw ForecastError.invalidArgument("STL low-pass length must be an odd integer ≥ 3 and above the period, got \(l)")
        }
        for d in [seasonalDegree, trendDegree, lowPassDegree] where d != 0 && d != 1 {
            throw ForecastError.invalidArgument("STL loess degrees must be 0 or 1, got \(d)")
        }
        for j in [seasonalJump, trendJump, lowPassJump] where j < 1 {
            throw ForecastError.invalidArgument("STL jumps must be positive, got \(j)")
        }
        self.period = period
        self.seasonal = seasonal
        self.trend = t
        self.lowPass = l
        self.seasonalDegree = seasonalDegree
        self.trendDegree = trendDegree
        self.lowPassDegree = lowPassDegree
        self.robust = robust
        self.seasonalJump = seasonalJump
        self.trendJump = trendJump
        self.lowPassJump = lowPassJump
    }

    /// Decomposes `y` additively.
    ///
    /// - Parameters:
    ///   - innerIterations: passes of the inner loop; nil for 2 (robust) or 5.
    ///   - outerIterations: robustness passes; nil for 15 (robust) or 0.
    /// - Throws: `ForecastError.nonFinite` for NaN values, `.tooShort` below two full periods.
    /// - Complexity: O(n · (seasonal + trend + lowPass) · iterations).
    public func decompose(_ y: [Double], innerIterations: Int? = nil, outerIterations: Int? = nil) throws -> Decomposition {
        try Validation.history(y, minimum: 2 * period, method: "STL")
        let inner = max(1, innerIterations ?? (robust ? 2 : 5))
        let outer = max(0, outerIterations ?? (robust ? 15 : 0))
        var engine = STLEngine(stl: self, y: y)
        engine.run(inner: inner, outer: outer)
        var residual = [Double](repeating: 0, count: y.count)
        for i in y.indices { residual[i] = y[i] - engine.season[i] - engine.trend[i] }
        return Decomposition(model: .additive, period: period, observed: y, trend: engine.trend,
                             seasonal: engine.season, residual: residual, weights: engine.rw)
    }
}

/// The working state of one STL decomposition; indices in comments are the Fortran's 1-based ones.
private struct STLEngine {
    let stl: STL
    let y: [Double]
    let n: Int
    var trend: [Double]
    var season: [Double]
    var rw: [Double]
    var useWeights = false
    /// Five work rows of n + 2·period values, as the Fortran's `work`.
    var w0, w1, w2, w3, w4: [Double]

    init(stl: STL, y: [Double]) {
        self.stl = stl
        self.y = y
        n = y.count
        trend = [Double](repeating: 0, count: n)
        season = trend
        rw = [Double](repeating: 1, count: n)
        let width = n + 2 * stl.period
        w0 = [Double](repeating: 0, count: width)
        w1 = w0; w2 = w0; w3 = w0; w4 = w0
    }

    mutating func run(inner: Int, outer: Int) {
        var k = 0
        while true {
            oneStep(inner)
            k += 1
            if k > outer { break }
            for i in 0..<n { w0[i] = trend[i] + season[i] }
            robustnessWeights()
            useWeights = true
        }
    }

    private mutating func oneStep(_ inner: Int) {
        let np = stl.period
        for _ in 0..<inner {
            for i in 0..<n { w0[i] = y[i] - trend[i] }
            cycleSubseries()
            lowPassFilter()
            // Loess of the filtered seasonal into w0.
            STLEngine.ess(&w2, 0, n, stl.lowPass, stl.lowPassDegree, stl.lowPassJump, false, &w3, 0, &w0, 0, &w4)
            for i in 0..<n {
                season[i] = w1[np + i] - w0[i]
                w0[i] = y[i] - season[i]
            }
            STLEngine.ess(&w0, 0, n, stl.trend, stl.trendDegree, stl.trendJump, useWeights, &rw, 0, &trend, 0, &w2)
        }
    }

    /// Smooths each cycle-subseries and extends it by one value at each end into w1.
    private mutating func cycleSubseries() {
        let np = stl.period, ns = stl.seasonal
        for j in 0..<np {
            let k = (n - (j + 1)) / np + 1
            for i in 0..<k { w2[i] = w0[i * np + j] }
            if useWeights { for i in 0..<k { w4[i] = rw[i * np + j] } }
            // w2 holds the subseries, w3[1...k] its smooth, w1 the result (the Fortran's work1..4).
            var sub = Array(w2[0..<k])
            var subWeights = Array(w4[0..<k])
            var scratch = [Double](repeating: 0, count: max(k, 1))
            STLEngine.ess(&sub, 0, k, ns, stl.seasonalDegree, stl.seasonalJump, useWeights, &subWeights, 0, &w3, 1, &scratch)
            var first = STLEngine.est(sub, 0, k, ns, stl.seasonalDegree, 0, 1, min(ns, k), &scratch, useWeights, subWeights, 0)
            if first.isNaN { first = w3[1] }
            w3[0] = first
            var last = STLEngine.est(sub, 0, k, ns, stl.seasonalDegree, k + 1, max(1, k - ns + 1), k, &scratch, useWeights, subWeights, 0)
            if last.isNaN { last = w3[k] }
            w3[k + 1] = last
            for m in 0..<(k + 2) { w1[m * np + j] = w3[m] }
        }
    }

    /// Moving averages of lengths period, period and 3 of w1 into w2.
    private mutating func lowPassFilter() {
        let np = stl.period
        let length = n + 2 * np
        STLEngine.movingAverage(w1, length, np, &w2)
        STLEngine.movingAverage(w2, length - np + 1, np, &w0)
        STLEngine.movingAverage(w0, length - 2 * np + 2, 3, &w2)
    }

    static func movingAverage(_ x: [Double], _ n: Int, _ length: Int, _ average: inout [Double]) {
        let count = n - length + 1
        guard count > 0 else { return }
        let flen = Double(length)
        var v = 0.0
        for i in 0..<length { v += x[i] }
        average[0] = v / flen
        var k = length, m = 0
        for j in 1..<max(count, 1) {
            v += x[k] - x[m]
            average[j] = v / flen
            k += 1
            m += 1
        }
    }

    /// Bisquare weights on |y − fit| scaled by six median absolute residuals.
    private mutating func robustnessWeights() {
        var r = [Double](repeating: 0, count: n)
        for i in 0..<n { r[i] = abs(y[i] - w0[i]) }
        let sorted = r.sorted()
        let mid0 = n / 2, mid1 = n - mid0 - 1
        let cmad = 3 * (sorted[mid0] + sorted[mid1])
        guard cmad > 0 else {
            for i in 0..<n { rw[i] = 1 }
            return
        }
        let c9 = 0.999 * cmad, c1 = 0.001 * cmad
        for i in 0..<n {
            if r[i] <= c1 { rw[i] = 1 } else if r[i] <= c9 { let u = r[i] / cmad; rw[i] = (1 - u * u) * (1 - u * u) } else { rw[i] = 0 }
        }
    }

    /// The loess estimate at abscissa `xs` (1-based) from y[nleft...nright] (1-based, inclusive),
    /// tricube weights on a window of half-width h, times the robustness weights; NaN when all
    /// weights vanish. `yOffset`/`rwOffset` shift the arrays' origin.
    static func est(_ y: [Double], _ yOffset: Int, _ n: Int, _ len: Int, _ ideg: Int, _ xs: Int, _ nleft: Int, _ nright: Int,
                    _ w: inout [Double], _ userw: Bool, _ rw: [Double], _ rwOffset: Int) -> Double {
        let range = Double(n) - 1
        var h = Double(max(xs - nleft, nright - xs))
        if len > n { h += Double((len - n) / 2) }
        let h9 = 0.999 * h, h1 = 0.001 * h
        var a = 0.0
        for j in (nleft - 1)..<nright {
            w[j] = 0
            let r = abs(Double(j + 1 - xs))
            if r <= h9 {
                if r <= h1 { w[j] = 1 } else { let q = r / h; let c = 1 - q * q * q; w[j] = c * c * c }
                if userw { w[j] *= rw[rwOffset + j] }
                a += w[j]
            }
        }
        if a <= 0 { return .nan }
        for j in (nleft - 1)..<nright { w[j] /= a }
        if h > 0 && ideg > 0 {
            a = 0
            for j in (nleft - 1)..<nright { a += w[j] * Double(j + 1) }
            var b = Double(xs) - a
            var c = 0.0
            for j in (nleft - 1)..<nright { let d = Double(j + 1) - a; c += w[j] * d * d }
            if c.squareRoot() > 0.001 * range {
                b /= c
                for j in (nleft - 1)..<nright { w[j] *= b * (Double(j + 1) - a) + 1 }
            }
        }
        var ys = 0.0
        for j in (nleft - 1)..<nright { ys += w[j] * y[yOffset + j] }
        return ys
    }

    /// Loess smoothing of y[0..<n] into ys[ysOffset...], evaluated every `njump` points and
    /// linearly interpolated between.
    static func ess(_ y: inout [Double], _ yOffset: Int, _ n: Int, _ len: Int, _ ideg: Int, _ njump: Int, _ userw: Bool,
                    _ rw: inout [Double], _ rwOffset: Int, _ ys: inout [Double], _ ysOffset: Int, _ res: inout [Double]) {
        if n < 2 {
            if n == 1 { ys[ysOffset] = y[yOffset] }
            return
        }
        let newnj = min(njump, n - 1)
        var nleft = 1, nright = n
        func estimate(_ i: Int) {
            let v = est(y, yOffset, n, len, ideg, i + 1, nleft, nright, &res, userw, rw, rwOffset)
            ys[ysOffset + i] = v.isNaN ? y[yOffset + i] : v
        }
        if len >= n {
            nleft = 1
            nright = n
            var i = 0
            while i < n { estimate(i); i += newnj }
        } else if newnj == 1 {
            let nsh = (len + 2) / 2
            nleft = 1
            nright = len
            for i in 0..<n {
                if i + 1 > nsh && nright != n {
                    nleft += 1
                    nright += 1
                }
                estimate(i)
            }
        } else {
            let nsh = (len + 1) / 2
            var i = 0
            while i < n {
                if i + 1 < nsh {
                    nleft = 1
                    nright = len
                } else if i + 1 >= n - nsh + 1 {
                    nleft = n - len + 1
                    nright = n
                } else {
                    nleft = i + 1 - nsh + 1
                    nright = len + i + 1 - nsh
                }
                estimate(i)
                i += newnj
            }
        }
        if newnj == 1 { return }
        var i = 0
        while i < n - newnj {
            let delta = (ys[ysOffset + i + newnj] - ys[ysOffset + i]) / Double(newnj)
            for j in i..<(i + newnj) { ys[ysOffset + j] = ys[ysOffset + i] + delta * Double(j - i) }
            i += newnj
        }
        let k = ((n - 1) / newnj) * newnj + 1
        if k != n {
            estimate(n - 1)
            if k != n - 1 {
                let delta = (ys[ysOffset + n - 1] - ys[ysOffset + k - 1]) / Double(n - k)
                for j in k..<n { ys[ysOffset + j] = ys[ysOffset + k - 1] + delta * Double(j + 1 - k) }
            }
        }
    }
}
