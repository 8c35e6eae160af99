import Foundation
import Testing
@testable import Plot

@Suite struct SquarifyTests {
    /// Bruls et al.'s example: six values tile a 6x4 rectangle with areas equal to the values.
    @Test func areasAreProportionalToValues() throws {
        let values: [Double] = [6, 6, 4, 3, 2, 2, 1]
        let bounds = Rect(x: 0, y: 0, width: 6, height: 4)
        let tiles = Squarify.layout(values, in: bounds)
        #expect(tiles.count == values.count)
        for (tile, value) in zip(tiles, values) {
            #expect(abs(tile.width * tile.height - value) < 1e-9)
            #expect(tile.minX >= -1e-9 && tile.maxX <= 6 + 1e-9 && tile.minY >= -1e-9 && tile.maxY <= 4 + 1e-9)
        }
        // No two tiles overlap, and together they cover the rectangle.
        for i in tiles.indices {
            for j in tiles.indices where j > i {
                let a = tiles[i].insetBy(1e-6), b = tiles[j].insetBy(1e-6)
                #expect(!a.intersects(b))
            }
        }
        #expect(abs(tiles.map { $0.width * $0.height }.reduce(0, +) - 24) < 1e-9)
        // The first row of the paper's example: 6 and 6 side by side on the left, 3 wide by 2 high each.
        #expect(abs(tiles[0].width - 3) < 1e-9 && abs(tiles[0].height - 2) < 1e-9)
    }

    @Test func tilesStayCloseToSquare() {
        let values = (1...30).map { 1000 / Double($0) }
        let tiles = Squarify.layout(values, in: Rect(x: 0, y: 0, width: 1000, height: 600))
        let ratios = tiles.map { max($0.width / $0.height, $0.height / $0.width) }
        #expect(ratios.prefix(10).allSatisfy { $0 < 3.5 })
    }

    @Test func treemapRejectsNegativeValuesAndSkipsZeros() throws {
        var panel = Panel()
        #expect(throws: PlotError.self) { try panel.treemap(labels: ["a", "b"], values: [1, -1]) }
        #expect(throws: PlotError.self) { try panel.treemap(labels: ["a", "b"], values: [1, .nan]) }
        try panel.treemap(labels: ["a", "b", "c"], values: [0, 3, 1])
        let layer = try #require(panel.layers.first as? TreemapLayer)
        #expect(layer.labels == ["b", "c"])
    }

    @Test func treemapTilesAreDrawnInProportion() throws {
        var figure = Figure(width: 600, height: 400)
        try figure.panel.treemap(labels: ["big", "small"], values: [3, 1])
        let (canvas, layouts) = try figure.render()
        let frame = try #require(layouts.first?.frame)
        var counts: [Color: Int] = [:]
        for y in Int(frame.minY)..<Int(frame.maxY) {
            for x in Int(frame.minX)..<Int(frame.maxX) {
                if let pixel = canvas.pixel(x: x, y: y) { counts[pixel, default: 0] += 1 }
            }
        }
        let big = Double(counts[Palette.colorblind.color(at: 0)] ?? 0)
        let small = Double(counts[Palette.colorblind.color(at: 1)] ?? 0)
        // Labels and the white gaps take a few percent of each tile.
        #expect(abs(big / small - 3) < 0.3)
    }
}

@Suite struct HistogramTests {
    /// numpy.histogram([1, 2, 2, 3, 3, 3], bins=3) gives counts [1, 2, 3] and edges [1, 5/3, 7/3, 3].
    @Test func countsMatchNumpy() {
        let values: [Double] = [1, 2, 2, 3, 3, 3]
        let edges = HistogramLayer.binEdges(values, bins: 3)
        #expect(edges.count == 4 && edges.first == 1 && edges.last == 3)
        #expect(abs(edges[1] - 5.0 / 3) < 1e-12)
        #expect(HistogramLayer.counts(values, edges: edges) == [1, 2, 3])
    }

    /// numpy's "auto" for 0...99 takes Sturges' 12.95-wide bins over Freedman–Diaconis' 21.3: 8 bins.
    @Test func automaticBinsFollowNumpysRule() {
        let values = (0..<100).map(Double.init)
        #expect(HistogramLayer.binEdges(values, bins: nil).count == 9)
    }

    @Test func edgeCases() {
        #expect(HistogramLayer.binEdges([], bins: nil).isEmpty)
        #expect(HistogramLayer.binEdges([.nan, .infinity], bins: 4).isEmpty)
        #expect(HistogramLayer.binEdges([5, 5, 5], bins: nil) == [4.5, 5.5])
        #expect(HistogramLayer.counts([5, 5, 5], edges: [4.5, 5.5]) == [3])
        var panel = Panel()
        #expect(throws: PlotError.self) { try panel.histogram([1, 2], bins: 0) }
    }
}

@Suite struct BoxPlotTests {
    /// numpy.percentile(range(1, 11), [25, 50, 75]) is [3.25, 5.5, 7.75].
    @Test func quartilesInterpolateLinearly() throws {
        let summary = try #require(BoxSummary((1...10).map(Double.init)))
        #expect(summary.lowerQuartile == 3.25 && summary.median == 5.5 && summary.upperQuartile == 7.75)
        #expect(summary.lowerWhisker == 1 && summary.upperWhisker == 10 && summary.outliers.isEmpty)
    }

    @Test func pointsBeyondOneAndAHalfIQRAreOutliers() throws {
        let summary = try #require(BoxSummary((1...10).map(Double.init) + [100, .nan]))
        #expect(summary.outliers == [100])
        #expect(summary.upperWhisker == 10)
        #expect(BoxSummary([]) == nil && BoxSummary([.nan]) == nil)
        #expect(BoxSummary([4])?.median == 4)
    }
}

@Suite struct HeatmapTests {
    @Test func annotationColourContrastsWithItsCell() {
        #expect(ColorMap.viridis.color(at: 0).readableText() == .white)
        #expect(ColorMap.viridis.color(at: 1).readableText() == Color(gray: 0.15))
        #expect(Color(hex: 0x777777).contrastRatio(with: Color(hex: 0x777777)) == 1)
        #expect(abs(Color.black.contrastRatio(with: .white) - 21) < 1e-9)
    }

    @Test func darkCellsGetLightTextAndLightCellsDarkText() throws {
        var figure = Figure(width: 400, height: 300)
        try figure.panel.heatmap(values: [[0, 100]], rows: ["r"], columns: ["low", "high"])
        let (canvas, layouts) = try figure.render()
        let layout = try #require(layouts.first)
        func pixels(inColumn column: Double) -> [Color] {
            let x = layout.x.position(of: column), y = layout.y.position(of: 0)
            return (-12...12).flatMap { dx in (-6...6).compactMap { dy in canvas.pixel(x: Int(x) + dx, y: Int(y) + dy) } }
        }
        #expect(pixels(inColumn: 0).contains { $0.luminance > 0.9 })
        #expect(pixels(inColumn: 1).contains { $0.luminance < 0.1 })
    }

    @Test func wrongShapeIsAnError() {
        var panel = Panel()
        #expect(throws: PlotError.self) { try panel.heatmap(values: [[1, 2]], rows: ["a", "b"], columns: ["x", "y"]) }
        #expect(throws: PlotError.self) { try panel.heatmap(values: [[1]], rows: ["a"], columns: ["x", "y"]) }
    }
}

@Suite struct BarChartTests {
    @Test func barsReachTheirValuesFromZero() throws {
        var figure = Figure(width: 500, height: 400)
        try figure.panel.barChart(categories: ["a", "b"], values: [10, 40])
        let (canvas, layouts) = try figure.render()
        let layout = try #require(layouts.first)
        let blue = Palette.colorblind.color(at: 0)
        let xb = Int(layout.x.position(of: 1))
        #expect(canvas.pixel(x: xb, y: Int(layout.y.position(of: 39))) == blue)
        #expect(canvas.pixel(x: xb, y: Int(layout.y.position(of: 41))) != blue)
        #expect(canvas.pixel(x: Int(layout.x.position(of: 0)), y: Int(layout.y.position(of: 11))) != blue)
        #expect(layout.y.position(of: 0) == layout.frame.maxY)
    }

    @Test func stackedBarsAddUp() throws {
        var figure = Figure(width: 500, height: 400)
        try figure.panel.barChart(categories: ["a"], series: [Series("x", [10]), Series("y", [30])], arrangement: .stacked)
        let (canvas, layouts) = try figure.render()
        let layout = try #require(layouts.first)
        let x = Int(layout.x.position(of: 0))
        #expect(canvas.pixel(x: x, y: Int(layout.y.position(of: 5))) == Palette.colorblind.color(at: 0))
        #expect(canvas.pixel(x: x, y: Int(layout.y.position(of: 35))) == Palette.colorblind.color(at: 1))
    }

    @Test func crowdedCategoryLabelsRotate() throws {
        var figure = Figure(width: 400, height: 300)
        let names = (0..<20).map { "Category number \($0)" }
        try figure.panel.barChart(categories: names, values: names.indices.map(Double.init))
        let layout = try #require(try figure.render().layouts.first)
        #expect(layout.xTicks.rotation > 0)
    }
}
