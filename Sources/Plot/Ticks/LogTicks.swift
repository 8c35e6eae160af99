import Foundation

/// Ticks for a logarithmic axis: powers of ten, every few decades when there are many, and
/// 1-2-5 steps inside a decade when the data spans less than two.
public enum LogTicks {
    /// Tick values within `lower...upper` (both > 0), at most about `count` of them.
    /// Non-positive or non-finite bounds give the ticks of 1...10.
    public static func ticks(from lower: Double, to upper: Double, count: Int) -> [Double] {
        var (a, b) = (min(lower, upper), max(lower, upper))
        if !(a > 0) || !b.isFinite || !a.isFinite { (a, b) = (1, 10) }
        let first = Int(log10(a).rounded(.down)), last = Int(log10(b).rounded(.up))
        let limit = max(2, count)
        let decades = last - first
        if decades > limit {
            let every = Int((Double(decades + 1) / Double(limit)).rounded(.up))
            return stride(from: first, through: last, by: 1)
                .filter { ($0 % every + every) % every == 0 }
                .map { pow(10, Double($0)) }
                .filter { $0 >= a * (1 - 1e-9) && $0 <= b * (1 + 1e-9) }
        }
        // Powers of ten alone when they give three ticks or more, else 1-2-5, then 1-2-3-5 steps.
        var best: [Double] = []
        for mantissas in [[1.0], [1, 2, 5], [1, 2, 3, 5]] {
            var values: [Double] = []
            for exponent in first...last {
                for mantissa in mantissas {
                    let value = mantissa * pow(10, Double(exponent))
                    if value >= a * (1 - 1e-9), value <= b * (1 + 1e-9) { values.append(value) }
                }
            }
            if values.count > limit { break }
            best = values
            if values.count >= 3 { return values }
        }
        if best.count < 2 { return ExtendedTicks.ticks(from: a, to: b, count: limit).filter { $0 > 0 && $0 >= a && $0 <= b } }
        return best
    }
}
