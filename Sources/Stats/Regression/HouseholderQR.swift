/// The thin QR factorisation of an n × p matrix (n ≥ p) by Householder reflections, kept in the
/// compact LAPACK-like form, used to solve least-squares problems without forming XᵀX.
///
/// Golub & Van Loan, Matrix Computations (2013), §5.2.
struct HouseholderQR {
    let rows: Int
    let columns: Int
    /// Column-major: R on and above the diagonal, the reflectors' vectors below it.
    private(set) var factors: [Double]
    /// The first entry of each reflector vector (the rest is stored below the diagonal).
    private(set) var heads: [Double]
    /// The diagonal of R.
    private(set) var diagonal: [Double]

    /// Factorises `matrix` (row-major input).
    init(_ matrix: Matrix) {
        rows = matrix.rows
        columns = matrix.columns
        let n = rows, p = columns
        var a = [Double](repeating: 0, count: n * p)
        for i in 0..<n { for j in 0..<p { a[j * n + i] = matrix.values[i * p + j] } }
        var heads = [Double](repeating: 0, count: p)
        var diagonal = [Double](repeating: 0, count: p)
        a.withUnsafeMutableBufferPointer { a in
            for k in 0..<Swift.min(n, p) {
                let base = k * n
                var scale = 0.0
                for i in k..<n { scale = Swift.max(scale, abs(a[base + i])) }
                if scale == 0 { diagonal[k] = 0; heads[k] = 0; continue }
                var norm2 = 0.0
                for i in k..<n { let v = a[base + i] / scale; norm2 += v * v }
                var norm = scale * norm2.squareRoot()
                if a[base + k] > 0 { norm = -norm }
                // v = x - norm·e1, normalised so that H = I - v vᵀ / (vᵀv/2)... stored as v with v·v = 2.
                let head = a[base + k] - norm
                var vv = head * head
                for i in (k + 1)..<Swift.max(k + 1, n) { vv += a[base + i] * a[base + i] }
                let factor = (2 / vv).squareRoot()
                heads[k] = head * factor
                for i in (k + 1)..<Swift.max(k + 1, n) { a[base + i] *= factor }
                diagonal[k] = norm
                // Apply H = I - v vᵀ to the remaining columns.
                for j in (k + 1)..<Swift.max(k + 1, p) {
                    let cb = j * n
                    var dot = heads[k] * a[cb + k]
                    for i in (k + 1)..<n { dot += a[base + i] * a[cb + i] }
                    a[cb + k] -= dot * heads[k]
                    for i in (k + 1)..<n { a[cb + i] -= dot * a[base + i] }
                }
            }
        }
        self.factors = a
        self.heads = heads
        self.diagonal = diagonal
    }

    /// Qᵀb.
    func applyQTranspose(_ b: [Double]) -> [Double] {
        var b = b
        for k in 0..<Swift.min(rows, columns) where heads[k] != 0 {
            let base = k * rows
            var dot = heads[k] * b[k]
            for i in (k + 1)..<rows { dot += factors[base + i] * b[i] }
            b[k] -= dot * heads[k]
            for i in (k + 1)..<rows { b[i] -= dot * factors[base + i] }
        }
        return b
    }

    /// R[i, j] for i ≤ j < columns.
    func r(_ i: Int, _ j: Int) -> Double {
        i == j ? diagonal[i] : factors[j * rows + i]
    }

    /// Whether R has a diagonal entry negligible against the largest, i.e. X is rank deficient.
    var isRankDeficient: Bool {
        let largest = diagonal.map(abs).max() ?? 0
        guard largest > 0 else { return true }
        let threshold = largest * Double(Swift.max(rows, columns)) * Double.ulpOfOne * 10
        return diagonal.contains { abs($0) <= threshold }
    }

    /// Solves R x = (Qᵀb)[0..<p] by back-substitution.
    func solve(_ b: [Double]) -> [Double] {
        let qtb = applyQTranspose(b)
        var x = [Double](repeating: 0, count: columns)
        for i in stride(from: columns - 1, through: 0, by: -1) {
            var sum = qtb[i]
            for j in (i + 1)..<Swift.max(i + 1, columns) { sum -= r(i, j) * x[j] }
            x[i] = sum / r(i, i)
        }
        return x
    }

    /// R⁻¹ (upper triangular, row-major p × p).
    func inverseR() -> [Double] {
        let p = columns
        var inv = [Double](repeating: 0, count: p * p)
        for col in 0..<p {
            for i in stride(from: col, through: 0, by: -1) {
                var sum = i == col ? 1.0 : 0.0
                for j in (i + 1)..<(col + 1) { sum -= r(i, j) * inv[j * p + col] }
                inv[i * p + col] = sum / r(i, i)
            }
        }
        return inv
    }
}
