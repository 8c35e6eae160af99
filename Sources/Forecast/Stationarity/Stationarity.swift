/// Tools for making a series stationary before ARMA modelling: differencing, autocorrelation
/// functions, the KPSS unit-root test and the choice of differencing orders.
///
/// All functions take plain `[Double]` histories, oldest first, and are free of side effects.
public enum Stationarity {}

extension Stationarity {
    /// Returns the positions of NaN or infinite values, in order.
    static func nonFinitePositions(_ x: [Double]) -> [Int] {
        var positions: [Int] = []
        for (i, v) in x.enumerated() where !v.isFinite { positions.append(i) }
        return positions
    }

    /// Whether every value equals the first (an empty series counts as constant).
    static func isConstant(_ x: [Double]) -> Bool {
        guard let first = x.first else { return true }
        for v in x where v != first { return false }
        return true
    }
}
