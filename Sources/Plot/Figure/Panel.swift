/// One plot area of a figure with its axes, title, legend and the charts drawn on it.
///
/// Charts are added with the panel's chart methods (`lineChart`, `barChart`, `scatterChart`, ...);
/// several charts may share a panel when their axes hold the same kind of value (numbers, dates or
/// categories). Each series takes the next palette colour unless it names its own.
public struct Panel: Sendable {
    public var title: String?
    public var xAxis: Axis
    public var yAxis: Axis
    public var legend: LegendPosition
    var layers: [any Layer] = []
    private var colorsUsed = 0

    public init(title: String? = nil, xAxis: Axis = Axis(), yAxis: Axis = Axis(), legend: LegendPosition = .automatic) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.legend = legend
    }

    /// Whether no chart has been added yet.
    public var isEmpty: Bool { layers.isEmpty }

    /// The colour for the next series: the caller's, or the next palette colour.
    mutating func nextColor(_ requested: Color? = nil) -> ColorChoice {
        if let requested { return .fixed(requested) }
        defer { colorsUsed += 1 }
        return .palette(colorsUsed)
    }

    /// Adds a chart after checking that its axes hold the same kinds of value as the charts already here.
    mutating func add(_ layer: any Layer) throws {
        _ = try mergedExtent(\.x, adding: layer, axis: "x")
        _ = try mergedExtent(\.y, adding: layer, axis: "y")
        layers.append(layer)
    }

    /// All charts' extents along one axis, merged.
    func extent(_ axis: KeyPath<any Layer, Extent>) -> Extent {
        layers.reduce(Extent.none) { $0.merged(with: $1[keyPath: axis]) ?? $0 }
    }

    private func mergedExtent(_ axis: KeyPath<any Layer, Extent>, adding layer: any Layer, axis name: String) throws -> Extent {
        let existing = extent(axis)
        guard let merged = existing.merged(with: layer[keyPath: axis]) else {
            throw PlotError.axisKindMismatch(chart: layer.kind, axis: name, existing: existing.kindName,
                                             new: layer[keyPath: axis].kindName)
        }
        return merged
    }

    var frameStyle: FrameStyle { layers.first?.frameStyle ?? .axes }
}
