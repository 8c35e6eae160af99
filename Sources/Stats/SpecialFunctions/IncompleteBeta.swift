import Foundation

/// The regularized incomplete beta function I_x(a, b) and its complement 1 - I_x(a, b), each
/// computed directly so that whichever is small keeps full relative precision.
///
/// Continued fraction evaluated by the modified Lentz method, using the symmetry
/// I_x(a, b) = 1 - I_{1-x}(b, a) on the side where it converges fast.
/// Press et al., Numerical Recipes (2007), §6.4; Lentz (1976).
/// - Parameters:
///   - a: first shape, > 0.
///   - b: second shape, > 0.
///   - x: the point in [0, 1].
///   - complement: 1 - x when the caller knows it more precisely than `1 - x` (defaults to `1 - x`).
/// - Returns: (I_x(a, b), 1 - I_x(a, b)); NaN for invalid arguments.
func regularizedIncompleteBeta(_ a: Double, _ b: Double, x: Double, complement: Double? = nil) -> (lower: Double, upper: Double) {
    guard a > 0, b > 0, x >= 0, x <= 1, !x.isNaN else { return (.nan, .nan) }
    let y = complement ?? (1 - x)
    if x == 0 { return (0, 1) }
    if y == 0 { return (1, 0) }
    let logFront = a * log(x) + b * log(y) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
        let lower = exp(logFront) * betaContinuedFraction(a, b, x) / a
        return (lower, 1 - lower)
    } else {
        let upper = exp(logFront) * betaContinuedFraction(b, a, y) / b
        return (1 - upper, upper)
    }
}

/// log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b).
func logBeta(_ a: Double, _ b: Double) -> Double {
    lgamma(a) + lgamma(b) - lgamma(a + b)
}

private func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...100_000 {
        let m = Double(m)
        let m2 = 2 * m
        var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= epsilon { break }
    }
    return h
}
