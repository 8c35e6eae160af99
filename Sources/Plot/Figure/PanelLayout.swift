/// Where one panel's parts go on the image, in device pixels, once the figure is laid out.
struct PanelLayout {
    var cell: Rect
    var frame: Rect
    var x: any Scale
    var y: any Scale
    var xTicks: TickFitting.Horizontal
    var yTicks: [Tick]
    var yTickWidths: [Double]
    var showsXTickLabels: Bool
    var showsYTickLabels: Bool
    var showsXLabel: Bool
    var showsYLabel: Bool
    var style: FrameStyle
    var legendEntries: [LegendEntry]
    var legendSize: (width: Double, height: Double)?
    var legendOutside: Bool
    var legendBox: Rect?
    var colorbar: Colorbar?
    var colorbarWidth: Double

    func context(pixelScale: Double, theme: Theme) -> LayoutContext {
        LayoutContext(frame: frame, x: x, y: y, pixelScale: pixelScale, theme: theme)
    }
}

/// Space between a panel's cell and its plot area.
struct Margins: Equatable {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    func isClose(to other: Margins) -> Bool {
        abs(left - other.left) < 1 && abs(right - other.right) < 1 && abs(top - other.top) < 1
            && abs(bottom - other.bottom) < 1
    }
}
