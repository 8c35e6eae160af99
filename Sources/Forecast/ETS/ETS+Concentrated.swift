import Foundation

/// Concentrated likelihood for the linear ETS models (additive error, no or additive season).
///
/// For these models the one-step errors are affine in the initial states, so for given smoothing
/// parameters the states that maximise the likelihood (minimise the sum of squared errors) solve a
/// linear least-squares problem exactly. The optimiser then searches only the 1–4 smoothing
/// parameters, which is both faster and more reliable than searching the states as well.
struct ETSConcentrated {
    let specification: ETSSpecification
    let y: [Double]
    /// The free initial states: level, trend (if any), seasonal states 1..<m (state 0 is fixed).
    let stateCount: Int
    /// Initial seasonal states held fixed (only level and trend are solved for), or nil.
    let fixedSeasonal: [Double]?
    private var zeros: [Double]
    private var fitted: [Double]
    private var season: [Double]
    /// Column-major n × k responses of the errors to each unit initial state.
    private var responses: [Double]
    private var base: [Double]

    init(specification s: ETSSpecification, series: [Double], fixedSeasonal: [Double]? = nil) {
        specification = s
        y = series
        self.fixedSeasonal = s.hasSeason ? fixedSeasonal : nil
        stateCount = 1 + (s.hasTrend ? 1 : 0) + (s.hasSeason && self.fixedSeasonal == nil ? s.period - 1 : 0)
        zeros = [Double](repeating: 0, count: series.count)
        fitted = zeros
        season = [Double](repeating: 0, count: max(1, s.period))
        responses = [Double](repeating: 0, count: series.count * stateCount)
        base = zeros
    }

    /// The least-squares initial states for given smoothing parameters, or nil when the normal
    /// equations are singular or the recursion diverges.
    mutating func states(for p: ETSParameters) -> (level: Double, trend: Double, seasonal: [Double])? {
        let s = specification
        let n = y.count, k = stateCount, m = s.period
        let recursion = ETSRecursion(specification: s, parameters: p)
        // Errors with all free initial states zero.
        for j in season.indices { season[j] = fixedSeasonal?[j] ?? 0 }
        _ = y.withUnsafeBufferPointer { yp in
            season.withUnsafeMutableBufferPointer { sp in
                fitted.withUnsafeMutableBufferPointer { fp in recursion.run(yp, level: 0, trend: 0, season: sp, fitted: fp) }
            }
        }
        for t in 0..<n { base[t] = y[t] - fitted[t] }
        // The error's response to each unit state is minus the prediction made from zero data.
        for column in 0..<k {
            for j in season.indices { season[j] = 0 }
            var level = 0.0, trend = 0.0
            if column == 0 { level = 1 } else if s.hasTrend && column == 1 { trend = 1 } else { season[column - (s.hasTrend ? 2 : 1) + 1] = 1 }
            _ = zeros.withUnsafeBufferPointer { zp in
                season.withUnsafeMutableBufferPointer { sp in
                    fitted.withUnsafeMutableBufferPointer { fp in recursion.run(zp, level: level, trend: trend, season: sp, fitted: fp) }
                }
            }
            let offset = column * n
            for t in 0..<n { responses[offset + t] = -fitted[t] }
        }
        // Normal equations (RᵀR) x = −Rᵀe₀, solved by Cholesky.
        var a = [Double](repeating: 0, count: k * k)
        var b = [Double](repeating: 0, count: k)
        responses.withUnsafeBufferPointer { r in
            for i in 0..<k {
                var bi = 0.0
                for t in 0..<n { bi -= r[i * n + t] * base[t] }
                b[i] = bi
                for j in 0...i {
                    var v = 0.0
                    for t in 0..<n { v += r[i * n + t] * r[j * n + t] }
                    a[i * k + j] = v
                    a[j * k + i] = v
                }
            }
        }
        guard let x = ETSConcentrated.choleskySolve(&a, b, k), x.allSatisfy({ $0.isFinite }) else { return nil }
        var seasonal: [Double] = []
        if s.hasSeason, let fixedSeasonal {
            seasonal = fixedSeasonal
        } else if s.hasSeason {
            seasonal = [0] + Array(x[(s.hasTrend ? 2 : 1)...])
            if seasonal.count != m { return nil }
        }
        return (x[0], s.hasTrend ? x[1] : 0, seasonal)
    }

    /// Solves the symmetric positive definite system a·x = b in place; a small ridge is added when
    /// the matrix is numerically singular (collinear states, such as a level and a trend that the
    /// smoothing erases at once).
    static func choleskySolve(_ a: inout [Double], _ b: [Double], _ k: Int) -> [Double]? {
        var trace = 0.0
        for i in 0..<k { trace += a[i * k + i] }
        guard trace.isFinite, trace > 0 else { return nil }
        for attempt in 0..<3 {
            var l = a
            if attempt > 0 {
                let ridge = trace / Double(k) * pow(10, Double(-12 + 4 * attempt))
                for i in 0..<k { l[i * k + i] += ridge }
            }
            var ok = true
            for j in 0..<k where ok {
                var d = l[j * k + j]
                for p in 0..<j { d -= l[j * k + p] * l[j * k + p] }
                if !(d > 1e-14 * trace / Double(k)) { ok = false; break }
                let root = d.squareRoot()
                l[j * k + j] = root
                for i in (j + 1)..<max(k, j + 1) {
                    var v = l[i * k + j]
                    for p in 0..<j { v -= l[i * k + p] * l[j * k + p] }
                    l[i * k + j] = v / root
                }
            }
            guard ok else { continue }
            var z = b
            for i in 0..<k {
                var v = z[i]
                for p in 0..<i { v -= l[i * k + p] * z[p] }
                z[i] = v / l[i * k + i]
            }
            for i in stride(from: k - 1, through: 0, by: -1) {
                var v = z[i]
                for p in (i + 1)..<max(k, i + 1) { v -= l[p * k + i] * z[p] }
                z[i] = v / l[i * k + i]
            }
            return z
        }
        return nil
    }
}

extension ETS {
    /// Maximum likelihood for a linear model: Nelder–Mead over the smoothing parameters, the
    /// initial states concentrated out by least squares.
    func fitConcentrated(_ y: [Double], fixedSeasonal: [Double]? = nil) -> ETSParameters? {
        let spec = specification
        let layout = ETSLayout(specification: spec, fixedSeasonal: fixedSeasonal)
        var problem = ETSConcentrated(specification: spec, series: y, fixedSeasonal: fixedSeasonal)
        var season = [Double](repeating: 0, count: max(1, spec.period))
        let smoothingCount = layout.smoothingCount
        func parameters(_ u: [Double]) -> ETSParameters? {
            var p = layout.parameters(from: u + [Double](repeating: 0, count: layout.count - smoothingCount))
            guard let states = problem.states(for: p) else { return nil }
            p.initialLevel = states.level
            p.initialTrend = states.trend
            p.initialSeasonal = states.seasonal
            return p
        }
        let objective: ([Double]) -> Double = { u in
            guard let p = parameters(u) else { return .infinity }
            let recursion = ETSRecursion(specification: spec, parameters: p)
            if spec.hasSeason { for j in 0..<spec.period { season[j] = p.initialSeasonal[j] } }
            let out = y.withUnsafeBufferPointer { yp in
                season.withUnsafeMutableBufferPointer { sp in
                    recursion.run(yp, level: p.initialLevel, trend: p.initialTrend, season: sp, fitted: nil)
                }
            }
            return out.logLikelihood.isFinite ? -out.logLikelihood : .infinity
        }
        let optimiser = NelderMead(maxEvaluations: 600 * smoothingCount + 400)
        let template = ETSParameters(alpha: 0.1, initialLevel: 0,
                                     initialSeasonal: fixedSeasonal ?? [Double](repeating: 0, count: spec.hasSeason ? spec.period : 0))
        let starts = ETSStart.startingPoints(spec, template: template, objective: { u in objective(Array(u.prefix(smoothingCount))) })
            .map { Array(layout.vector(from: $0).prefix(smoothingCount)) }
        let best: NelderMead.Result? = optimiser.minimize(fromAny: starts, steps: [Double](repeating: 1, count: smoothingCount),
                                                          explorationBudget: 60 * smoothingCount, objective)
        guard let best, best.value.isFinite else { return nil }
        return parameters(best.point)
    }
}
