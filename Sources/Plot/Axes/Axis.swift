/// How one axis of a panel is scaled, labelled and gridded.
///
/// Whether the axis shows numbers, dates or categories follows from the charts on the panel; these
/// options refine it: `panel.yAxis = Axis(label: "Revenue", format: .currency("£"))`.
public struct Axis: Sendable, Hashable {
    /// The axis title drawn beside the tick labels; nil draws none.
    public var label: String?
    /// Linear or logarithmic placement of numeric values (dates and categories ignore it).
    public var scale: AxisScale
    /// How numeric tick labels are written (dates are always written as dates).
    public var format: NumberFormat
    /// Fixed numeric bounds instead of the data's range (padded by 5%); data outside is clipped.
    public var limits: ClosedRange<Double>?
    /// Whether grid lines run across the plot at this axis's ticks.
    public var showsGrid: Bool

    public init(label: String? = nil, scale: AxisScale = .linear, format: NumberFormat = .automatic,
                limits: ClosedRange<Double>? = nil, showsGrid: Bool = true) {
        self.label = label
        self.scale = scale
        self.format = format
        self.limits = limits
        self.showsGrid = showsGrid
    }
}

/// Placement of numeric values along an axis.
public enum AxisScale: Sendable, Hashable {
    case linear
    /// Base-10 logarithmic; zero and negative values are not drawn.
    case log
}
