import Foundation

/// Expected units short `E[(D − s)⁺]` when demand D is normal with `mean` and `sd` and `stock` units
/// are on hand: `σ·(φ(z) − z·(1 − Φ(z)))` with `z = (s − μ)/σ` (the standard normal loss function;
/// Silver, Pyke & Thomas (2017), §C.3). With `sd` 0 it is `max(mean − stock, 0)`.
///
/// Convex and decreasing in `stock`, with slope `−P(D > stock)`.
@inlinable
public func expectedShortage(stock: Double, mean: Double, sd: Double) -> Double {
    guard sd > 0 else { return max(mean - stock, 0) }
    let z = (stock - mean) / sd
    let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    let tail = 0.5 * erfc(z / 2.0.squareRoot())
    return max(0, sd * (density - z * tail))
}
