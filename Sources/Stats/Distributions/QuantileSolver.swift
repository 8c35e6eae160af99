import Foundation

/// Solves F(x) = target for x > 0, where F is a tail probability (monotone in x) with known density.
///
/// Newton's method on log F against log x — nearly linear in both power-law and exponential tails,
/// so a few steps reach full precision — safeguarded by bisection inside a bracket that is widened
/// geometrically from the initial guess.
/// - Parameters:
///   - target: the probability, in (0, 1).
///   - initial: a positive first guess.
///   - increasing: whether F increases with x (a lower tail) or decreases (an upper tail).
///   - tail: F.
///   - density: |dF/dx|, the distribution's density.
func solveTail(target: Double, initial: Double, increasing: Bool,
               tail: (Double) -> Double, density: (Double) -> Double) -> Double {
    let logTarget = log(target)
    let sign: Double = increasing ? 1 : -1
    // h increases with u = log x and vanishes at the root.
    func h(_ u: Double) -> Double { sign * (log(tail(exp(u))) - logTarget) }
    let start = log(initial > 0 && initial.isFinite ? initial : 1)
    var lo = start, hi = start
    var value = h(start)
    if value == 0 { return initial }
    var step = 1.0
    if value < 0 {
        repeat { lo = hi; hi = lo + step; step *= 2; value = h(hi) } while value < 0 && hi < 709
    } else {
        repeat { hi = lo; lo = hi - step; step *= 2; value = h(lo) } while value > 0 && lo > -745
    }
    var u = start
    var hu = h(u)
    for _ in 0..<400 {
        if hu == 0 { break }
        if hu < 0 { lo = u } else { hi = u }
        let x = exp(u)
        let slope = density(x) * x / tail(x)
        var next = u - hu / slope
        if !(next > lo && next < hi) { next = (lo + hi) / 2 }
        let change = abs(next - u)
        u = next
        hu = h(u)
        if change <= 1e-15 || hi - lo <= 1e-15 { break }
    }
    return exp(u)
}
