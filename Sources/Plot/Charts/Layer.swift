/// One chart drawn on a panel: what it puts on each axis, what its legend says, and how it draws.
protocol Layer: Sendable {
    /// The chart's name in error messages ("line chart").
    var kind: String { get }
    var x: Extent { get }
    var y: Extent { get }
    func legendEntries(palette: Palette) -> [LegendEntry]
    /// How the panel frames this chart: axes and grid, labelled cells, or nothing.
    var frameStyle: FrameStyle { get }
    /// A colour scale to draw beside the plot, for charts that colour by value.
    func colorbar(theme: Theme) -> Colorbar?
    /// Boxes around the data, for placing the legend where it hides nothing.
    func footprint(in context: LayoutContext) -> [Rect]
    func draw(in context: DrawContext) throws
}

extension Layer {
    func legendEntries(palette: Palette) -> [LegendEntry] { [] }
    var frameStyle: FrameStyle { .axes }
    func colorbar(theme: Theme) -> Colorbar? { nil }
}

/// How a panel frames its charts.
enum FrameStyle: Sendable {
    /// Grid lines, frame and tick labels on both axes.
    case axes
    /// Tick labels only (heatmaps: the cells are their own grid).
    case cells
    /// No axes at all (treemaps).
    case none
}

/// Where a panel's data goes: its plot area and the scales of both axes.
struct LayoutContext {
    var frame: Rect
    var x: any Scale
    var y: any Scale
    /// Device pixels per logical pixel.
    var pixelScale: Double
    var theme: Theme

    /// Logical pixels to device pixels.
    func px(_ logical: Double) -> Double { logical * pixelScale }

    func point(_ xValue: Double, _ yValue: Double) -> Point {
        Point(x.position(of: xValue), y.position(of: yValue))
    }
}

/// A layout with the canvas and fonts to draw on it.
struct DrawContext {
    var layout: LayoutContext
    var canvas: Canvas
    var fonts: FontSet

    var frame: Rect { layout.frame }
    var x: any Scale { layout.x }
    var y: any Scale { layout.y }
    var theme: Theme { layout.theme }
    func px(_ logical: Double) -> Double { layout.px(logical) }
    func point(_ xValue: Double, _ yValue: Double) -> Point { layout.point(xValue, yValue) }
}

/// The theme's regular and bold faces, located once per rendering, at device sizes.
struct FontSet {
    var regularPath: String
    var boldPath: String
    var pixelScale: Double

    init(theme: Theme, pixelScale: Double) throws {
        regularPath = try Font.locate(theme.fontFile, in: theme.fontDirectories)
        boldPath = try Font.locate(theme.boldFontFile, in: theme.fontDirectories)
        self.pixelScale = pixelScale
    }

    /// The regular face at `size` logical pixels.
    func regular(_ size: Double) -> Font { Font(path: regularPath, size: size * pixelScale) }
    /// The bold face at `size` logical pixels.
    func bold(_ size: Double) -> Font { Font(path: boldPath, size: size * pixelScale) }
}
