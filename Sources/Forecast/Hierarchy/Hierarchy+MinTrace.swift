import Foundation

/// A block of series whose errors may correlate, with their covariance (row-major).
struct CovarianceBlock {
    let series: [Int]
    let matrix: [Double]
}

extension Hierarchy {
    /// MinT: ỹ = ŷ − W·U(UᵀWU)⁻¹Uᵀŷ with Uᵀ = [I | −A] (one row per aggregate: the aggregate minus
    /// the sum of its bottom series), the closed form of S(SᵀW⁻¹S)⁻¹SᵀW⁻¹ŷ that needs only a system of
    /// one row per aggregate series, never an n × n or bottom × bottom inverse.
    ///
    /// Reference: Wickramasuriya, Athanasopoulos & Hyndman (2019), JASA 114, eq. (9) and Lemma 1;
    /// non-negative version: Wickramasuriya, Turlach & Hyndman (2020).
    func minTrace(_ forecasts: [[Double]], kind requested: Reconciliation.MinTraceMethod, residuals: [[Double]]?,
                  nonnegative: Bool, blocks attribute: String?) throws -> ReconciledForecast {
        var kind = requested
        if kind == .shrink || kind == .wlsVar {
            if let residuals, residuals.count == count, residuals.allSatisfy({ $0.count >= 2 }) {
                let t = residuals[0].count
                for (i, r) in residuals.enumerated() {
                    guard r.count == t else { throw HierarchyError.shape("residuals of \(series[i].label) have \(r.count) values, expected \(t)") }
                    guard r.allSatisfy(\.isFinite) else { throw HierarchyError.nonFinite(what: "residuals", series: series[i].label) }
                }
            } else if let residuals, residuals.count != count {
                throw HierarchyError.shape("expected residuals for \(count) series, got \(residuals.count)")
            } else {
                kind = .wlsStruct
            }
        }
        let (covariance, lambda) = covarianceBlocks(kind: kind, residuals: residuals ?? [], attribute: attribute)
        var base = forecasts
        if nonnegative { base = base.map { $0.map { max($0, 0) } } }
        let horizon = forecasts.first?.count ?? 0
        var bottom = [[Double]](repeating: [Double](repeating: 0, count: horizon), count: bottomCount)
        let method = Reconciliation.minTrace(kind)
        if !nonnegative {
            let system = try MinTraceSystem(hierarchy: self, blocks: covariance, zeroBottoms: [])
            for h in 0..<horizon {
                let values = system.reconciledBottom(base.map { $0[h] })
                for b in 0..<bottomCount { bottom[b][h] = values[b] }
            }
        } else {
            let unconstrained = try MinTraceSystem(hierarchy: self, blocks: covariance, zeroBottoms: [])
            for h in 0..<horizon {
                let values = try nonnegativeBottom(base.map { $0[h] }, blocks: covariance, unconstrained: unconstrained)
                for b in 0..<bottomCount { bottom[b][h] = values[b] }
            }
        }
        return ReconciledForecast(mean: try aggregate(bottom), method: method, shrinkage: lambda)
    }

    /// The largest constraint system (aggregates + bottoms held at zero) the non-negative method factorises.
    static let maximumActiveSystem = 4_000

    /// The primal–dual active-set method for b ≥ 0: bottoms forced to zero become extra equality
    /// constraints; a bottom leaves the set when its multiplier turns negative.
    ///
    /// - Complexity: one dense Cholesky of (aggregates + zeroed bottoms) rows per iteration and step,
    ///   so it suits hierarchies with few negative reconciled bottoms; beyond
    ///   ``maximumActiveSystem`` rows it throws ``HierarchyError/tooLarge(_:)`` rather than run for hours.
    private func nonnegativeBottom(_ y: [Double], blocks: [CovarianceBlock], unconstrained: MinTraceSystem) throws -> [Double] {
        var zero: [Int] = []
        let scale = max(y.map(abs).max() ?? 1, 1)
        for _ in 0..<(3 * bottomCount + 10) {
            guard aggregateCount + zero.count <= Hierarchy.maximumActiveSystem else {
                throw HierarchyError.tooLarge("non-negative MinT would hold \(zero.count) bottom series at zero on top of \(aggregateCount) aggregates (limit \(Hierarchy.maximumActiveSystem) rows); clip the bases or use bottom-up")
            }
            let system = zero.isEmpty ? unconstrained : try MinTraceSystem(hierarchy: self, blocks: blocks, zeroBottoms: zero)
            let (values, multipliers) = system.solve(y)
            let active = Set(zero)
            let negative = (0..<bottomCount).filter { !active.contains($0) && values[$0] < -1e-10 * scale }
            if !negative.isEmpty {
                zero.append(contentsOf: negative)
                continue
            }
            // y = ŷ − W·C·z, so the multiplier of bottom j ≥ 0 is −z_j, which must not be negative.
            var worst: (position: Int, value: Double)? = nil
            for (k, _) in zero.enumerated() {
                let nu = -multipliers[aggregateCount + k]
                if nu < -1e-10 * scale, nu < (worst?.value ?? 0) { worst = (k, nu) }
            }
            if let worst {
                zero.remove(at: worst.position)
                continue
            }
            var out = values
            for j in zero { out[j] = 0 }
            return out.map { max($0, 0) }
        }
        throw HierarchyError.illConditioned("non-negative MinT did not settle on an active set")
    }

    /// The error covariance W as blocks, and the shrinkage intensity (largest over blocks).
    func covarianceBlocks(kind: Reconciliation.MinTraceMethod, residuals: [[Double]], attribute: String?) -> ([CovarianceBlock], Double?) {
        switch kind {
        case .ols:
            return ((0..<count).map { CovarianceBlock(series: [$0], matrix: [1]) }, nil)
        case .wlsStruct:
            return ((0..<count).map { CovarianceBlock(series: [$0], matrix: [Double($0 < aggregateCount ? members[$0].count : 1)]) }, nil)
        case .wlsVar:
            return ((0..<count).map { i in
                let r = residuals[i]
                return CovarianceBlock(series: [i], matrix: [r.reduce(0) { $0 + $1 * $1 } / Double(r.count) + 2e-8])
            }, nil)
        case .shrink:
            var groups: [[Int]]
            if let attribute {
                var byValue: [String: [Int]] = [:]
                var singles: [[Int]] = []
                for (i, s) in series.enumerated() {
                    if let v = s.key[attribute] { byValue[v, default: []].append(i) } else { singles.append([i]) }
                }
                groups = byValue.keys.sorted().compactMap { byValue[$0] } + singles
            } else {
                groups = [Array(0..<count)]
            }
            var lambda = 0.0
            let blocks = groups.map { group -> CovarianceBlock in
                if group.count == 1 {
                    let r = residuals[group[0]], mean = r.reduce(0, +) / Double(r.count)
                    let variance = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r.count - 1)
                    return CovarianceBlock(series: group, matrix: [max(variance, 2e-8)])
                }
                let shrunk = ShrunkCovariance(residuals: group.map { residuals[$0] })
                lambda = max(lambda, shrunk.intensity)
                return CovarianceBlock(series: group, matrix: shrunk.matrix)
            }
            return (blocks, lambda)
        }
    }
}

/// The factorised constraint system CᵀWC of MinT, C = [U | e_j for bottoms forced to zero].
struct MinTraceSystem {
    let hierarchy: Hierarchy
    let blocks: [CovarianceBlock]
    let zeroBottoms: [Int]
    let solver: CholeskySolver
    /// For each series, the constraints it enters and their coefficients.
    let touching: [[(constraint: Int, coefficient: Double)]]

    init(hierarchy: Hierarchy, blocks: [CovarianceBlock], zeroBottoms: [Int]) throws {
        let a = hierarchy.aggregateCount
        var touching = [[(constraint: Int, coefficient: Double)]](repeating: [], count: hierarchy.count)
        for i in 0..<a { touching[i].append((i, 1)) }
        for b in 0..<hierarchy.bottomCount {
            for l in hierarchy.parent.indices { touching[a + b].append((hierarchy.parent[l][b], -1)) }
        }
        for (k, b) in zeroBottoms.enumerated() { touching[a + b].append((a + k, 1)) }
        let m = a + zeroBottoms.count
        var g = [Double](repeating: 0, count: m * m)
        for block in blocks {
            // the rows of C restricted to this block, as a small dense matrix
            var rows: [Int: [Double]] = [:]
            for (p, s) in block.series.enumerated() {
                for (c, coefficient) in touching[s] {
                    rows[c, default: [Double](repeating: 0, count: block.series.count)][p] += coefficient
                }
            }
            let constraints = Array(rows.keys)
            let size = block.series.count
            let weighted = constraints.map { c -> [Double] in
                let row = rows[c] ?? []
                return (0..<size).map { q in (0..<size).reduce(0) { $0 + row[$1] * block.matrix[$1 * size + q] } }
            }
            for (x, c1) in constraints.enumerated() {
                for c2 in constraints {
                    let row = rows[c2] ?? []
                    var s = 0.0
                    for q in 0..<size { s += weighted[x][q] * row[q] }
                    g[c1 * m + c2] += s
                }
            }
        }
        guard let solver = CholeskySolver(g, size: m) else {
            throw HierarchyError.illConditioned("the MinT system is not positive definite; use covarianceBlocks, .wlsStruct or a larger ridge")
        }
        self.hierarchy = hierarchy
        self.blocks = blocks
        self.zeroBottoms = zeroBottoms
        self.solver = solver
        self.touching = touching
    }

    /// The reconciled bottom values and the constraint multipliers z for one step's base forecasts.
    func solve(_ y: [Double]) -> (bottom: [Double], multipliers: [Double]) {
        let a = hierarchy.aggregateCount
        var rhs = [Double](repeating: 0, count: a + zeroBottoms.count)
        for (s, list) in touching.enumerated() { for (c, coefficient) in list { rhs[c] += coefficient * y[s] } }
        let z = solver.solve(rhs)
        var out = Array(y[a...])
        for block in blocks {
            let size = block.series.count
            let v = block.series.map { s in touching[s].reduce(0) { $0 + $1.coefficient * z[$1.constraint] } }
            for (p, s) in block.series.enumerated() where s >= a {
                var correction = 0.0
                for q in 0..<size { correction += block.matrix[p * size + q] * v[q] }
                out[s - a] -= correction
            }
        }
        return (out, z)
    }

    func reconciledBottom(_ y: [Double]) -> [Double] { solve(y).bottom }
}
