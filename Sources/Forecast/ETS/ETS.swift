import Foundation

/// Exponential smoothing in the state space framework of Hyndman, Koehler, Ord & Snyder (2008),
/// fitted by maximum likelihood.
///
/// The likelihood, the parameter bounds and the normalisation of the seasonal states follow
/// statsmodels' `ETSModel`: 1e-4 ≤ α ≤ 1 − 1e-4, 1e-4 ≤ β/α ≤ 1 − 1e-4, 1e-4 ≤ γ/(1 − α) ≤ 1 − 1e-4
/// (the usual region), 0.8 ≤ φ ≤ 0.98; the initial level, trend and seasonal states are estimated
/// with the first seasonal state fixed. Multiplicative seasons update on yₜ/ℓₜ as statsmodels does
/// (see `ETSRecursion`), so those fits agree with statsmodels rather than with R's `ets`.
///
/// The optimiser is our own Nelder–Mead on a logistic transform of the bounded parameters. For the
/// linear models (additive error, no or additive season) the initial states are concentrated out by
/// least squares, so only the 1–4 smoothing parameters are searched; the other models search the
/// states too. Either way the search starts from statsmodels' default and the best points of a
/// coarse grid (the likelihood is often multimodal), explores each briefly, and converges the best
/// with restarts.
///
/// Long seasons (weekly data over a year, `period` > 24) have too many initial seasonal states to
/// estimate well or fast from a few years of data, so by default (`seasonalStates = .automatic`)
/// they are fixed at the indices of a least-squares seasonal decomposition of the whole series (a
/// line plus one index per position, see `ETSStart.useRegressionSeason`), and only the smoothing
/// parameters, the level and the trend are estimated. statsforecast starts its search from a
/// classical decomposition and barely leaves it; R's `ets` refuses periods above 24. The fixed
/// states still count as estimated parameters in the information criteria and the variance.
public struct ETS: Forecaster {
    /// How the initial seasonal states are found.
    public enum SeasonalStates: Sendable, Hashable {
        /// Estimated with the other parameters by maximum likelihood (statsmodels' `ETSModel`).
        case estimated
        /// Fixed at the seasonal indices of a least-squares decomposition of the series.
        case decomposition
        /// `.decomposition` for periods above `ETS.longSeason`, `.estimated` otherwise.
        case automatic
    }

    /// The longest period whose initial seasonal states `.automatic` estimates by maximum likelihood.
    public static let longSeason = 24

    public let specification: ETSSpecification
    public var seasonalStates: SeasonalStates = .automatic
    /// Seed of the simulated prediction intervals (models without a closed-form variance).
    public var seed: UInt64
    /// Sample paths of the simulated prediction intervals.
    public var simulationPaths: Int

    public init(_ specification: ETSSpecification, seed: UInt64 = 42, simulationPaths: Int = 5000) {
        self.specification = specification
        self.seed = seed
        self.simulationPaths = simulationPaths
    }

    /// - Throws: `ForecastError.invalidArgument` for a seasonal model with a period below 2.
    public init(error: ETSSpecification.ErrorType, trend: ETSSpecification.TrendType = .none,
                season: ETSSpecification.SeasonType = .none, period: Int = 1, seed: UInt64 = 42) throws {
        self.init(try ETSSpecification(error: error, trend: trend, season: season, period: period), seed: seed)
    }

    public var name: String { specification.description }

    /// Fits by maximum likelihood.
    ///
    /// - Throws: `ForecastError.nonFinite` for NaN values, `.tooShort` below
    ///   `parameterCount + 3` observations (two seasons for seasonal models), `.invalidArgument` for
    ///   multiplicative components on non-positive data, `.fitFailed` if no finite likelihood is found.
    /// - Complexity: O(n · evaluations); a few thousand likelihood evaluations per fit.
    public func fit(_ y: [Double]) throws -> ETSFit {
        let spec = specification
        try Validation.history(y, minimum: spec.minimumObservations, method: spec.description)
        if spec.error == .multiplicative || spec.season == .multiplicative, let bad = y.firstIndex(where: { $0 <= 0 }) {
            throw ForecastError.invalidArgument(
                "\(spec) needs positive data, the series has \(y[bad]) at position \(bad)")
        }
        var start = ETSStart(specification: spec, series: y)
        if usesDecompositionStates { start.useRegressionSeason(y) }
        let fixed = usesDecompositionStates ? start.seasonal : nil
        if spec.hasAnalyticVariance, let p = fitConcentrated(y, fixedSeasonal: fixed),
           let fit = try? ETSFit(specification: spec, parameters: p, series: y) {
            return fit
        }
        let layout = ETSLayout(specification: spec, fixedSeasonal: fixed)
        var best: NelderMead.Result?
        var evaluations = 0
        let optimiser = NelderMead(maxEvaluations: 400 * layout.count + 2000)
        var season = [Double](repeating: 0, count: max(1, spec.period))
        y.withUnsafeBufferPointer { yp in
            let objective: ([Double]) -> Double = { u in
                let p = layout.parameters(from: u)
                let recursion = ETSRecursion(specification: spec, parameters: p)
                if spec.hasSeason { for j in 0..<spec.period { season[j] = p.initialSeasonal[j] } }
                let out = season.withUnsafeMutableBufferPointer { sp in
                    recursion.run(yp, level: p.initialLevel, trend: p.initialTrend, season: sp, fitted: nil)
                }
                return out.logLikelihood.isFinite ? -out.logLikelihood : .infinity
            }
            let template = start.parameters(smoothing: ETSStart.smoothingStarts[0])
            let starts = ETSStart.startingPoints(spec, template: template, objective: objective).map { layout.vector(from: $0) }
            let result = optimiser.minimize(fromAny: starts, steps: layout.steps(start: start), explorationBudget: 150 * layout.count, objective)
            evaluations += result.evaluations
            best = result
        }
        guard let best, best.value.isFinite else {
            throw ForecastError.fitFailed(method: spec.description, reason: "no parameters gave a finite likelihood")
        }
        return try ETSFit(specification: spec, parameters: layout.parameters(from: best.point), series: y)
    }

    /// Whether this fit fixes the initial seasonal states at the decomposition's indices.
    var usesDecompositionStates: Bool {
        guard specification.hasSeason else { return false }
        switch seasonalStates {
        case .estimated: return false
        case .decomposition: return true
        case .automatic: return specification.period > ETS.longSeason
        }
    }

    public func forecast(_ history: [Double], horizon: Int, levels: [Double]) throws -> ForecastResult {
        try Validation.horizon(horizon)
        try Validation.levels(levels)
        if let constant = ETS.constantForecast(history, horizon: horizon, levels: levels, name: name) { return constant }
        return try fit(history).forecast(horizon: horizon, levels: levels, seed: seed, paths: simulationPaths)
    }

    /// A constant series has zero variance: its forecast is the constant with zero-width intervals.
    static func constantForecast(_ y: [Double], horizon: Int, levels: [Double], name: String) -> ForecastResult? {
        guard let first = y.first, y.count >= 2, y.allSatisfy({ $0 == first }) else { return nil }
        let mean = [Double](repeating: first, count: horizon)
        return ForecastResult(model: name, mean: mean,
                              intervals: levels.map { PredictionInterval(level: $0, lower: mean, upper: mean) })
    }
}

/// Where each free parameter sits in the optimiser's vector, and the transforms to and from it.
struct ETSLayout {
    let specification: ETSSpecification
    /// Initial seasonal states held fixed (not in the vector), or nil when they are estimated.
    var fixedSeasonal: [Double]? = nil
    static let smoothingBounds = (lower: 1e-4, upper: 1 - 1e-4)
    static let phiBounds = (lower: 0.8, upper: 0.98)

    var count: Int {
        let s = specification
        return smoothingCount + 1 + (s.hasTrend ? 1 : 0) + (s.hasSeason && fixedSeasonal == nil ? s.period - 1 : 0)
    }

    /// The smoothing parameters at the front of the vector.
    var smoothingCount: Int {
        let s = specification
        return 1 + (s.hasTrend ? 1 : 0) + (s.hasSeason ? 1 : 0) + (s.isDamped ? 1 : 0)
    }

    private static func squash(_ u: Double, _ bounds: (lower: Double, upper: Double)) -> Double {
        bounds.lower + (bounds.upper - bounds.lower) / (1 + exp(-u))
    }

    private static func unsquash(_ x: Double, _ bounds: (lower: Double, upper: Double)) -> Double {
        let r = min(max((x - bounds.lower) / (bounds.upper - bounds.lower), 1e-6), 1 - 1e-6)
        return log(r / (1 - r))
    }

    /// Optimiser vector → model parameters (β and γ from β* and γ*).
    func parameters(from u: [Double]) -> ETSParameters {
        let s = specification
        var i = 0
        let alpha = ETSLayout.squash(u[i], ETSLayout.smoothingBounds); i += 1
        var beta = 0.0, gamma = 0.0, phi = 1.0
        if s.hasTrend { beta = alpha * ETSLayout.squash(u[i], ETSLayout.smoothingBounds); i += 1 }
        if s.hasSeason { gamma = (1 - alpha) * ETSLayout.squash(u[i], ETSLayout.smoothingBounds); i += 1 }
        if s.isDamped { phi = ETSLayout.squash(u[i], ETSLayout.phiBounds); i += 1 }
        let level = u[i]; i += 1
        var trend = 0.0
        if s.hasTrend { trend = u[i]; i += 1 }
        var seasonal: [Double] = []
        if s.hasSeason, let fixedSeasonal {
            seasonal = fixedSeasonal
        } else if s.hasSeason {
            seasonal.reserveCapacity(s.period)
            seasonal.append(s.season == .multiplicative ? 1 : 0)
            for _ in 1..<s.period { seasonal.append(u[i]); i += 1 }
        }
        return ETSParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi, initialLevel: level,
                             initialTrend: trend, initialSeasonal: seasonal)
    }

    /// Model parameters → optimiser vector.
    func vector(from p: ETSParameters) -> [Double] {
        let s = specification
        var u: [Double] = [ETSLayout.unsquash(p.alpha, ETSLayout.smoothingBounds)]
        if s.hasTrend { u.append(ETSLayout.unsquash(p.beta / p.alpha, ETSLayout.smoothingBounds)) }
        if s.hasSeason { u.append(ETSLayout.unsquash(p.gamma / (1 - p.alpha), ETSLayout.smoothingBounds)) }
        if s.isDamped { u.append(ETSLayout.unsquash(p.phi, ETSLayout.phiBounds)) }
        u.append(p.initialLevel)
        if s.hasTrend { u.append(p.initialTrend) }
        if s.hasSeason && fixedSeasonal == nil { u.append(contentsOf: p.initialSeasonal.dropFirst()) }
        return u
    }

    /// Initial simplex edges: one unit on the logistic scale, a fraction of the data's scale for states.
    func steps(start: ETSStart) -> [Double] {
        let s = specification
        var steps = [Double](repeating: 1, count: 1 + (s.hasTrend ? 1 : 0) + (s.hasSeason ? 1 : 0) + (s.isDamped ? 1 : 0))
        steps.append(start.levelScale * 0.1)
        if s.hasTrend { steps.append(max(start.levelScale * 0.01, abs(start.trend) * 0.5)) }
        if s.hasSeason && fixedSeasonal == nil {
            let step = s.season == .multiplicative ? 0.05 : start.levelScale * 0.05
            steps.append(contentsOf: repeatElement(step, count: s.period - 1))
        }
        return steps
    }
}

/// Heuristic starting values of the states: Hyndman et al. (2008, §2.6.1) as statsmodels'
/// `_initialization_heuristic` computes them, or its simple method for short series.
struct ETSStart {
    let specification: ETSSpecification
    var level: Double
    var trend: Double
    var seasonal: [Double]
    /// A positive scale of the data for simplex steps.
    var levelScale: Double

    /// (α, β, γ, φ) of statsmodels' default start.
    static let smoothingStarts: [(Double, Double, Double, Double)] = [(0.1, 0.01, 0.01, 0.95)]

    /// The likelihood of ETS models is often multimodal in the smoothing parameters (a season
    /// absorbed by γ or by the initial states), so the optimiser starts from statsmodels' default
    /// and from the three best points of a coarse grid over α, β/α, γ/(1 − α) and φ.
    static func startingPoints(_ s: ETSSpecification, template: ETSParameters, objective: ([Double]) -> Double) -> [ETSParameters] {
        let layout = ETSLayout(specification: s)
        func with(_ a: Double, _ bStar: Double, _ gStar: Double, _ phi: Double) -> ETSParameters {
            var p = template
            p.alpha = a
            p.beta = s.hasTrend ? bStar * a : 0
            p.gamma = s.hasSeason ? gStar * (1 - a) : 0
            p.phi = s.isDamped ? phi : 1
            return p
        }
        var grid: [(value: Double, point: ETSParameters)] = []
        for a in [0.05, 0.2, 0.5, 0.8, 0.95] {
            for b in s.hasTrend ? [0.001, 0.05, 0.3] : [0.0] {
                for g in s.hasSeason ? [0.001, 0.05, 0.3, 0.7, 0.95] : [0.0] {
                    for phi in s.isDamped ? [0.81, 0.9, 0.97] : [1.0] {
                        let p = with(a, b, g, phi)
                        let v = objective(layout.vector(from: p))
                        if v.isFinite { grid.append((v, p)) }
                    }
                }
            }
        }
        grid.sort { $0.value < $1.value }
        let first = smoothingStarts[0]
        return [with(first.0, first.1 / first.0, first.2 / (1 - first.0), first.3)] + grid.prefix(3).map(\.point)
    }

    init(specification s: ETSSpecification, series y: [Double]) {
        specification = s
        let m = s.period
        let n = y.count
        var smoothed = y
        seasonal = s.hasSeason ? [Double](repeating: s.season == .multiplicative ? 1 : 0, count: m) : []
        let minimumSeasonal = 10 + 2 * (m / 2)
        if s.hasSeason && n >= max(2 * m, minimumSeasonal) {
            // Classical decomposition of the first few cycles gives the seasonal indices.
            let cycles = min(n / m, max(min(5, n / m), (minimumSeasonal + m - 1) / m))
            let head = Array(y[0..<(cycles * m)])
            var weights = [Double](repeating: 1 / Double(m), count: m)
            if m % 2 == 0 { weights = [0.5 / Double(m)] + [Double](repeating: 1 / Double(m), count: m - 1) + [0.5 / Double(m)] }
            let half = weights.count / 2
            var movingAverage: [Double] = []
            var indices = [Double](repeating: 0, count: m), counts = [Double](repeating: 0, count: m)
            if head.count > 2 * half {
                for t in half..<(head.count - half) {
                    var v = 0.0
                    for k in weights.indices { v += weights[k] * head[t - half + k] }
                    movingAverage.append(v)
                    indices[t % m] += s.season == .multiplicative ? head[t] / v : head[t] - v
                    counts[t % m] += 1
                }
            }
            if counts.allSatisfy({ $0 > 0 }) {
                var means = zip(indices, counts).map { $0 / $1 }
                let centre = means.reduce(0, +) / Double(m)
                means = means.map { s.season == .multiplicative ? $0 / centre : $0 - centre }
                if means.allSatisfy({ $0.isFinite }) && (s.season != .multiplicative || means.allSatisfy({ $0 > 0 })) {
                    seasonal = means
                    smoothed = movingAverage
                }
            }
        }
        if smoothed.count >= 10 {
            // Least-squares line through the first ten (seasonally adjusted) values at t = 1…10.
            var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
            for t in 0..<10 {
                let x = Double(t + 1)
                sx += x; sy += smoothed[t]; sxx += x * x; sxy += x * smoothed[t]
            }
            let slope = (10 * sxy - sx * sy) / (10 * sxx - sx * sx)
            level = (sy - slope * sx) / 10
            trend = s.hasTrend ? slope : 0
        } else if s.hasSeason && n >= 2 * m {
            let first = y[0..<m].reduce(0, +) / Double(m)
            let second = y[m..<(2 * m)].reduce(0, +) / Double(m)
            level = first
            trend = s.hasTrend ? (second - first) / Double(m) : 0
            seasonal = y[0..<m].map { s.season == .multiplicative ? $0 / first : $0 - first }
        } else {
            level = y.first ?? 0
            trend = s.hasTrend && n > 1 ? y[1] - y[0] : 0
        }
        if s.hasSeason {
            // Fix the first seasonal state, moving its value into the level (statsmodels' convention).
            let s0 = seasonal[0]
            if s.season == .multiplicative && s0 > 0 {
                level *= s0
                seasonal = seasonal.map { $0 / s0 }
            } else if s.season == .additive {
                level += s0
                seasonal = seasonal.map { $0 - s0 }
            }
        }
        let meanAbs = y.reduce(0) { $0 + abs($1) } / Double(max(1, n))
        levelScale = max(meanAbs, 1e-8)
    }

    func parameters(smoothing: (Double, Double, Double, Double)) -> ETSParameters {
        ETSParameters(alpha: smoothing.0, beta: specification.hasTrend ? smoothing.1 : 0,
                      gamma: specification.hasSeason ? smoothing.2 : 0,
                      phi: specification.isDamped ? smoothing.3 : 1, initialLevel: level,
                      initialTrend: trend, initialSeasonal: seasonal)
    }
}
