import Foundation

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x), each computed
/// directly so that whichever is small keeps full relative precision.
///
/// Series for x < a + 1, continued fraction (modified Lentz) otherwise.
/// Press et al., Numerical Recipes (2007), §6.2.
/// - Returns: (P(a, x), Q(a, x)); NaN for a ≤ 0, x < 0 or NaN arguments.
func regularizedIncompleteGamma(_ a: Double, x: Double) -> (lower: Double, upper: Double) {
    guard a > 0, x >= 0, !x.isNaN else { return (.nan, .nan) }
    if x == 0 { return (0, 1) }
    if x == .infinity { return (1, 0) }
    let logFront = a * log(x) - x - lgamma(a)
    if x < a + 1 {
        var term = 1 / a
        var sum = term
        var ap = a
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        let lower = sum * exp(logFront)
        return (lower, 1 - lower)
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...100_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if abs(d) < tiny { d = tiny }
        c = b + an / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= 1e-16 { break }
    }
    let upper = exp(logFront) * h
    return (1 - upper, upper)
}
