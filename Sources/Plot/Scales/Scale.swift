/// A tick on an axis: where it is in data units and what it says.
struct Tick: Sendable, Equatable {
    var value: Double
    var label: String
}

/// Maps data values along one axis to device pixels and proposes ticks for it.
///
/// Dates are seconds since 1970-01-01T00:00Z; categories are their index (0, 1, 2, ...).
protocol Scale: Sendable {
    /// The device coordinate of `value`; NaN when the value cannot be placed (e.g. ≤ 0 on a log scale).
    func position(of value: Double) -> Double
    /// Ticks inside the domain, about `count` of them, labelled with `format` where numeric.
    func ticks(count: Int, format: NumberFormat) -> [Tick]
    /// The pixel coordinates the domain spans, in drawing order.
    var rangeStart: Double { get }
    var rangeEnd: Double { get }
}
