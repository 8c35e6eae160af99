import Foundation

/// A picture of one or more panels of charts, rendered to PNG with libgd.
///
/// ```swift
/// var figure = Figure(width: 1200, height: 700, title: "Monthly revenue")
/// figure.panel.yAxis = Axis(label: "Revenue", format: .currency("£"))
/// try figure.panel.lineChart(x: months, series: [
///     Series("United Kingdom", ukRevenue),
///     Series("Germany", germanRevenue),
/// ])
/// try figure.save(to: URL(fileURLWithPath: "revenue.png"))
///
/// var grid = Figure(width: 1400, height: 800, rows: 1, columns: 2, sharesY: true)
/// try grid[0, 0].histogram(unitsPerOrder, bins: 40)
/// try grid[0, 1].boxPlot(groups: countries, values: unitsByCountry)
/// let bytes = try grid.png()
/// ```
///
/// Sizes are logical pixels; `scale: 2` renders twice as many device pixels for high-DPI screens
/// with the same layout. The same figure always renders to the same bytes.
public struct Figure: Sendable {
    /// Width and height in logical pixels.
    public var width: Int
    public var height: Int
    /// Device pixels per logical pixel (2 for high-DPI output).
    public var scale: Double
    public var title: String?
    public var theme: Theme
    public let rows: Int
    public let columns: Int
    /// Whether all panels show the same horizontal range (tick labels only on the bottom row).
    public var sharesX: Bool
    /// Whether all panels show the same vertical range (tick labels only on the left column).
    public var sharesY: Bool
    /// The panels in row-major order.
    public private(set) var panels: [Panel]

    /// An empty figure of `rows` x `columns` panels (each at least 1).
    public init(width: Int = 1200, height: Int = 700, title: String? = nil, rows: Int = 1, columns: Int = 1,
                sharesX: Bool = false, sharesY: Bool = false, scale: Double = 1, theme: Theme = .whitegrid) {
        self.width = width
        self.height = height
        self.scale = scale
        self.title = title
        self.theme = theme
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        self.sharesX = sharesX
        self.sharesY = sharesY
        panels = Array(repeating: Panel(), count: self.rows * self.columns)
    }

    /// The first (top-left) panel: the whole plot of a one-panel figure.
    public var panel: Panel {
        get { panels[0] }
        set { panels[0] = newValue }
    }

    /// The panel at `row`, `column` (0-based; both must lie inside the grid, as with an array index).
    public subscript(row: Int, column: Int) -> Panel {
        get { panels[row * columns + column] }
        set { panels[row * columns + column] = newValue }
    }

    /// The size of the rendered image in device pixels.
    public var pixelSize: (width: Int, height: Int) {
        (Int((Double(width) * scale).rounded()), Int((Double(height) * scale).rounded()))
    }
}
