/// The look of a figure: colours, font files, type sizes and line widths.
///
/// Sizes are in logical pixels; a figure's `scale` multiplies them for high-DPI output. The default,
/// ``Theme/whitegrid``, follows seaborn's "whitegrid" style in its "notebook" context: white
/// background, light grey grid and frame, dark grey text, colour-blind-safe series colours.
public struct Theme: Sendable, Hashable {
    public var background: Color
    public var textColor: Color
    /// Colour of tick labels and secondary text.
    public var mutedTextColor: Color
    public var gridColor: Color
    public var gridWidth: Double
    /// Colour of the frame around each plot area (matplotlib's "spines").
    public var frameColor: Color
    public var frameWidth: Double
    public var palette: Palette
    public var sequential: ColorMap
    public var diverging: ColorMap

    /// File names of the regular and bold faces, looked up in `fontDirectories` in order.
    public var fontFile: String
    public var boldFontFile: String
    public var fontDirectories: [String]

    public var titleSize: Double
    public var panelTitleSize: Double
    public var labelSize: Double
    public var tickLabelSize: Double
    public var legendSize: Double
    public var annotationSize: Double

    public var lineWidth: Double
    public var markerRadius: Double
    /// Space between elements (title and plot, tick labels and axis label, legend rows).
    public var padding: Double

    /// seaborn's whitegrid look with DejaVu Sans (Debian package `fonts-dejavu-core`).
    public static let whitegrid = Theme(
        background: .white,
        textColor: Color(gray: 0.15),
        mutedTextColor: Color(gray: 0.25),
        gridColor: Color(gray: 0.87),
        gridWidth: 1,
        frameColor: Color(gray: 0.8),
        frameWidth: 1,
        palette: .colorblind,
        sequential: .viridis,
        diverging: .blueRed,
        fontFile: "DejaVuSans.ttf",
        boldFontFile: "DejaVuSans-Bold.ttf",
        fontDirectories: [
            "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF",
            "/usr/local/share/fonts",
            "/opt/homebrew/share/fonts",
        ],
        titleSize: 20,
        panelTitleSize: 15,
        labelSize: 14,
        tickLabelSize: 12.5,
        legendSize: 12.5,
        annotationSize: 12,
        lineWidth: 2,
        markerRadius: 4,
        padding: 8)
}
