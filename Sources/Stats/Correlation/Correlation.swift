/// Correlation coefficients between two equally long samples.
///
/// Pairs where either value is NaN are dropped first (pandas' `Series.corr`). Fewer than two pairs,
/// or a constant sample, give NaN (there is no defined correlation), as in pandas.
public enum Correlation {
    /// Pearson's product-moment correlation coefficient.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `x` and `y` differ in length.
    public static func pearson(_ x: [Double], _ y: [Double]) throws -> Double {
        let (a, b) = try completePairs(x, y)
        return pearsonComplete(a, b)
    }

    /// Spearman's rank correlation: Pearson's coefficient of the average ranks, so ties share ranks.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `x` and `y` differ in length.
    public static func spearman(_ x: [Double], _ y: [Double]) throws -> Double {
        let (a, b) = try completePairs(x, y)
        return pearsonComplete(a.averageRanks(), b.averageRanks())
    }

    /// The matrix of pairwise correlations between the columns of `data` (`DataFrame.corr()`).
    public static func matrix(_ data: Matrix, method: Method = .pearson) throws -> Matrix {
        let columns = (0..<data.columns).map { data.column($0) }
        var result = Matrix(rows: data.columns, columns: data.columns)
        for i in 0..<data.columns {
            for j in i..<data.columns {
                let r = method == .pearson ? try pearson(columns[i], columns[j]) : try spearman(columns[i], columns[j])
                result[i, j] = r
                result[j, i] = r
            }
        }
        return result
    }

    /// Which coefficient `matrix(_:method:)` computes.
    public enum Method: Sendable, Hashable {
        case pearson, spearman
    }

    static func completePairs(_ x: [Double], _ y: [Double]) throws -> ([Double], [Double]) {
        guard x.count == y.count else {
            throw StatsError.dimensionMismatch("correlation: y's length", expected: x.count, actual: y.count)
        }
        var a: [Double] = [], b: [Double] = []
        a.reserveCapacity(x.count)
        b.reserveCapacity(x.count)
        for i in x.indices where !x[i].isNaN && !y[i].isNaN {
            a.append(x[i])
            b.append(y[i])
        }
        return (a, b)
    }

    static func pearsonComplete(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        let r = sxy / (sxx * syy).squareRoot()
        return Swift.max(-1, Swift.min(1, r))
    }
}
