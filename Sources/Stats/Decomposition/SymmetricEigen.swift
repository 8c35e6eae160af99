/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations.
///
/// Accurate to rounding level for the small (features × features) matrices of PCA; O(p³) per sweep,
/// a handful of sweeps. Golub & Van Loan, Matrix Computations (2013), §8.5.
/// - Returns: eigenvalues in descending order, and the matching unit eigenvectors as the rows of a
///   p × p matrix.
func symmetricEigen(_ matrix: Matrix) -> (values: [Double], vectors: Matrix) {
    let p = matrix.rows
    var a = matrix.values
    var v = [Double](repeating: 0, count: p * p)
    for i in 0..<p { v[i * p + i] = 1 }
    for _ in 0..<100 {
        var off = 0.0, diagonal = 0.0
        for i in 0..<p {
            diagonal += a[i * p + i] * a[i * p + i]
            for j in (i + 1)..<Swift.max(i + 1, p) { off += a[i * p + j] * a[i * p + j] }
        }
        if off <= 1e-32 * diagonal || off == 0 { break }
        for k in 0..<p {
            for l in (k + 1)..<Swift.max(k + 1, p) {
                let akl = a[k * p + l]
                if akl == 0 { continue }
                let theta = (a[l * p + l] - a[k * p + k]) / (2 * akl)
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot()
                let s = t * c
                // A ← Jᵀ A J on rows/columns k and l.
                for i in 0..<p {
                    let aik = a[i * p + k], ail = a[i * p + l]
                    a[i * p + k] = c * aik - s * ail
                    a[i * p + l] = s * aik + c * ail
                }
                for j in 0..<p {
                    let akj = a[k * p + j], alj = a[l * p + j]
                    a[k * p + j] = c * akj - s * alj
                    a[l * p + j] = s * akj + c * alj
                }
                a[k * p + l] = 0
                a[l * p + k] = 0
                for i in 0..<p {
                    let vik = v[i * p + k], vil = v[i * p + l]
                    v[i * p + k] = c * vik - s * vil
                    v[i * p + l] = s * vik + c * vil
                }
            }
        }
    }
    let order = (0..<p).sorted { a[$0 * p + $0] > a[$1 * p + $1] }
    var vectors = Matrix(rows: p, columns: p)
    for (row, index) in order.enumerated() {
        for i in 0..<p { vectors[row, i] = v[i * p + index] }
    }
    return (order.map { a[$0 * p + $0] }, vectors)
}
