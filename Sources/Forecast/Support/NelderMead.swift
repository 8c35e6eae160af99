/// Derivative-free minimisation by the Nelder–Mead simplex with adaptive coefficients
/// (Gao & Han 2012) and restarts from the best point until a restart no longer improves.
///
/// The objective may return `.infinity` or NaN for infeasible points; both count as worse than any
/// finite value.
struct NelderMead {
    var maxEvaluations: Int
    /// Absolute tolerance on the spread of function values across the simplex.
    var functionTolerance: Double = 1e-10
    /// Tolerance on the simplex size, relative to the scale of each coordinate.
    var pointTolerance: Double = 1e-9
    var maxRestarts: Int = 8

    struct Result {
        var point: [Double]
        var value: Double
        var evaluations: Int
    }

    /// Minimises `f` from `start`; `steps[i]` is the initial simplex edge along coordinate `i`.
    func minimize(_ start: [Double], steps: [Double], _ f: ([Double]) -> Double) -> Result {
        var best = Result(point: start, value: Self.clean(f(start)), evaluations: 1)
        let scale = steps
        for _ in 0...maxRestarts {
            let run = simplexRun(from: best.point, steps: scale, budget: maxEvaluations - best.evaluations, f)
            let improved = best.value - run.value
            let evaluations = best.evaluations + run.evaluations
            if run.value < best.value { best = Result(point: run.point, value: run.value, evaluations: evaluations) }
            best.evaluations = evaluations
            if improved <= functionTolerance * 10 || best.evaluations >= maxEvaluations { break }
            // A restart builds a fresh full-size simplex around the new best point, which escapes
            // the collapsed simplices Nelder–Mead is known for (Kelley 1999).
        }
        return best
    }

    /// Minimises `f` from several starting points: a short exploratory run from each (at most
    /// `explorationBudget` evaluations, no restarts), then a full minimisation with restarts from the
    /// best point found. Cheaper than converging every start, and as good when the starts fall in
    /// distinct basins.
    func minimize(fromAny starts: [[Double]], steps: [Double], explorationBudget: Int, _ f: ([Double]) -> Double) -> Result {
        var best: Result?
        var evaluations = 0
        for start in starts {
            let run = starts.count == 1 ? Result(point: start, value: Self.clean(f(start)), evaluations: 1)
                : simplexRun(from: start, steps: steps, budget: explorationBudget, f)
            evaluations += run.evaluations
            if best == nil || run.value < best!.value { best = run }
        }
        guard let best else { return Result(point: [], value: .infinity, evaluations: 0) }
        var final = minimize(best.point, steps: steps, f)
        if best.value < final.value { final = Result(point: best.point, value: best.value, evaluations: final.evaluations) }
        final.evaluations += evaluations
        return final
    }

    private static func clean(_ v: Double) -> Double { v.isNaN ? .infinity : v }

    private func simplexRun(from start: [Double], steps: [Double], budget: Int, _ f: ([Double]) -> Double) -> Result {
        let n = start.count
        guard n > 0, budget > 0 else { return Result(point: start, value: Self.clean(f(start)), evaluations: 1) }
        let dim = Double(n)
        let reflection = 1.0
        let expansion = 1 + 2 / dim
        let contraction = 0.75 - 1 / (2 * dim)
        let shrink = 1 - 1 / dim

        var points = [[Double]](repeating: start, count: n + 1)
        var values = [Double](repeating: 0, count: n + 1)
        var evaluations = 0
        func eval(_ x: [Double]) -> Double { evaluations += 1; return Self.clean(f(x)) }
        values[0] = eval(start)
        for i in 0..<n {
            var step = steps[i]
            if step == 0 { step = 0.00025 }
            points[i + 1][i] += step
            values[i + 1] = eval(points[i + 1])
        }
        var order = Array(0...n)
        var centroid = [Double](repeating: 0, count: n)
        var trial = centroid
        var trial2 = centroid

        while evaluations < budget {
            order.sort { values[$0] < values[$1] }
            let bestIndex = order[0], worstIndex = order[n], secondWorst = order[n - 1]
            // Convergence: function values flat and the simplex small.
            let spread = values[worstIndex] - values[bestIndex]
            if spread.isFinite && spread <= functionTolerance {
                var size = 0.0
                for j in 1...n {
                    let p = points[order[j]]
                    for i in 0..<n {
                        let scale = max(1, abs(points[bestIndex][i]))
                        size = max(size, abs(p[i] - points[bestIndex][i]) / scale)
                    }
                }
                if size <= pointTolerance || spread <= functionTolerance * 1e-3 { break }
            }
            for i in 0..<n { centroid[i] = 0 }
            for j in 0..<n {
                let p = points[order[j]]
                for i in 0..<n { centroid[i] += p[i] }
            }
            for i in 0..<n { centroid[i] /= dim }
            let worst = points[worstIndex]
            for i in 0..<n { trial[i] = centroid[i] + reflection * (centroid[i] - worst[i]) }
            let fr = eval(trial)
            if fr < values[bestIndex] {
                for i in 0..<n { trial2[i] = centroid[i] + expansion * (trial[i] - centroid[i]) }
                let fe = eval(trial2)
                if fe < fr { points[worstIndex] = trial2; values[worstIndex] = fe } else { points[worstIndex] = trial; values[worstIndex] = fr }
                continue
            }
            if fr < values[secondWorst] {
                points[worstIndex] = trial; values[worstIndex] = fr
                continue
            }
            // Contraction, outside when the reflection beat the worst point, inside otherwise.
            if fr < values[worstIndex] {
                for i in 0..<n { trial2[i] = centroid[i] + contraction * (trial[i] - centroid[i]) }
                let fc = eval(trial2)
                if fc <= fr { points[worstIndex] = trial2; values[worstIndex] = fc; continue }
            } else {
                for i in 0..<n { trial2[i] = centroid[i] + contraction * (worst[i] - centroid[i]) }
                let fc = eval(trial2)
                if fc < values[worstIndex] { points[worstIndex] = trial2; values[worstIndex] = fc; continue }
            }
            let bestPoint = points[bestIndex]
            for j in 1...n {
                let k = order[j]
                for i in 0..<n { points[k][i] = bestPoint[i] + shrink * (points[k][i] - bestPoint[i]) }
                values[k] = eval(points[k])
            }
        }
        var bestIndex = 0
        for j in 1...n where values[j] < values[bestIndex] { bestIndex = j }
        return Result(point: points[bestIndex], value: values[bestIndex], evaluations: evaluations)
    }
}
