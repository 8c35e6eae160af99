import Foundation
import Testing
@testable import Plot

/// Figures checked by their pixels.
@Suite struct FigureTests {
    static let blue = Palette.colorblind.color(at: 0)
    static let orange = Palette.colorblind.color(at: 1)

    /// Whether two colours are within `tolerance` on every channel.
    static func near(_ a: Color?, _ b: Color, tolerance: Int = 6) -> Bool {
        guard let a else { return false }
        return abs(Int(a.red) - Int(b.red)) <= tolerance && abs(Int(a.green) - Int(b.green)) <= tolerance
            && abs(Int(a.blue) - Int(b.blue)) <= tolerance
    }

    static func lineFigure(scale: Double = 1) throws -> Figure {
        var figure = Figure(width: 600, height: 400, title: "Test", scale: scale)
        figure.panel.xAxis.label = "Day"
        try figure.panel.lineChart(x: [0, 1, 2, 3, 4], series: [Series("rising", [10, 20, 30, 40, 50])])
        return figure
    }

    @Test func imageHasTheFigureSizeTimesItsScale() throws {
        let (canvas, _) = try Self.lineFigure().render()
        #expect(canvas.width == 600 && canvas.height == 400)
        let (retina, _) = try Self.lineFigure(scale: 2).render()
        #expect(retina.width == 1200 && retina.height == 800)
    }

    @Test func backgroundIsTheThemes() throws {
        let (canvas, _) = try Self.lineFigure().render()
        for (x, y) in [(0, 0), (599, 0), (0, 399), (599, 399)] {
            #expect(canvas.pixel(x: x, y: y) == Theme.whitegrid.background)
        }
    }

    /// The series' colour is drawn along its data inside the plot area and nowhere outside it.
    @Test func seriesColourAppearsWhereItsDataIsAndNowhereElse() throws {
        let (canvas, layouts) = try Self.lineFigure().render()
        let layout = try #require(layouts.first)
        for x in stride(from: 0.25, through: 3.75, by: 0.5) {
            let p = Point(layout.x.position(of: x), layout.y.position(of: 10 + 10 * x))
            #expect(Self.near(canvas.pixel(x: Int(p.x), y: Int(p.y)), Self.blue), "no line at x = \(x)")
        }
        let frame = layout.frame
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let inside = Double(x) >= frame.minX - 1 && Double(x) <= frame.maxX + 1
                    && Double(y) >= frame.minY - 1 && Double(y) <= frame.maxY + 1
                if !inside { #expect(!Self.near(canvas.pixel(x: x, y: y), Self.blue, tolerance: 20)) }
            }
        }
        // Far from the line, inside the plot: no blue either (top left of a rising line).
        let empty = Point(layout.x.position(of: 0.5), layout.y.position(of: 45))
        #expect(!Self.near(canvas.pixel(x: Int(empty.x), y: Int(empty.y)), Self.blue, tolerance: 40))
    }

    @Test func tickLabelsAndTitlesDrawDarkText() throws {
        let (canvas, layouts) = try Self.lineFigure().render()
        let layout = try #require(layouts.first)
        func darkPixels(_ region: Rect) -> Int {
            var count = 0
            for y in Int(region.minY)..<Int(region.maxY) {
                for x in Int(region.minX)..<Int(region.maxX) where (canvas.pixel(x: x, y: y)?.luminance ?? 1) < 0.2 {
                    count += 1
                }
            }
            return count
        }
        let frame = layout.frame
        // Under the plot (x tick labels), left of it (y tick labels), and the title above.
        #expect(darkPixels(Rect(x: frame.minX, y: frame.maxY + 2, width: frame.width, height: 20)) > 30)
        #expect(darkPixels(Rect(x: 0, y: frame.minY, width: frame.minX - 2, height: frame.height)) > 30)
        #expect(darkPixels(Rect(x: 0, y: 0, width: 600, height: frame.minY - 2)) > 30)
        #expect(layout.xTicks.ticks.map(\.label).contains("2"))
    }

    @Test func sameFigureGivesTheSameBytes() throws {
        let first = try Self.lineFigure().png(), second = try Self.lineFigure().png()
        #expect(first == second)
        var other = try Self.lineFigure()
        other.title = "Other"
        #expect(try other.png() != first)
    }

    @Test func savingWritesThePNGAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("line.png")
        let figure = try Self.lineFigure()
        try figure.save(to: url)
        #expect(try Data(contentsOf: url) == Data(try figure.png()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["line.png"])
        #expect(throws: PlotError.self) { try figure.save(to: URL(fileURLWithPath: "/nonexistent/dir/x.png")) }
    }

    @Test func legendAvoidsTheData() throws {
        var figure = Figure(width: 600, height: 400)
        // Both lines run along the top, so the legend must go low.
        try figure.panel.lineChart(x: [0, 1, 2], series: [Series("a", [9, 10, 9]), Series("b", [8, 9, 8])])
        _ = try figure.panel.lineChart(x: [0, 2], series: [Series("floor", [0, 0])])
        let (_, layouts) = try figure.render()
        let layout = try #require(layouts.first)
        let box = try #require(layout.legendBox)
        #expect(box.minX >= layout.frame.minX && box.maxX <= layout.frame.maxX)
        #expect(box.midY > layout.frame.minY + layout.frame.height * 0.2 && box.maxY < layout.y.position(of: 0))
    }

    @Test func legendGoesOutsideWhenDataFillsThePlot() throws {
        var figure = Figure(width: 600, height: 400)
        let x = (0..<200).map(Double.init)
        try figure.panel.lineChart(x: x, series: [
            Series("up", x.map { sin($0 / 3) * 10 + 10 }), Series("down", x.map { cos($0 / 2) * 10 + 10 }),
        ])
        let (_, layouts) = try figure.render()
        let layout = try #require(layouts.first)
        let box = try #require(layout.legendBox)
        #expect(box.minX > layout.frame.maxX)
    }

    @Test func hiddenLegendDrawsNone() throws {
        var figure = Figure(width: 400, height: 300)
        figure.panel.legend = .hidden
        try figure.panel.lineChart(x: [0, 1], series: [Series("a", [0, 1]), Series("b", [1, 0])])
        #expect(try figure.render().layouts.first?.legendBox == nil)
    }

    @Test func panelsInAGridAlignAndShareAxes() throws {
        var figure = Figure(width: 800, height: 600, rows: 2, columns: 2, sharesX: true, sharesY: true)
        try figure[0, 0].lineChart(x: [0, 10], series: [Series("a", [0, 1])])
        try figure[1, 1].lineChart(x: [5, 20], series: [Series("b", [5, 100_000])])
        let (_, layouts) = try figure.render()
        #expect(layouts.count == 4)
        #expect(layouts[0].frame.minX == layouts[2].frame.minX)
        #expect(layouts[2].frame.maxY == layouts[3].frame.maxY)
        // The same x value sits at the same fraction of each panel's width.
        let fraction = { (l: PanelLayout) in (l.x.position(of: 15) - l.frame.minX) / l.frame.width }
        #expect(abs(fraction(layouts[0]) - fraction(layouts[3])) < 1e-9)
        #expect(!layouts[0].showsXTickLabels && layouts[2].showsXTickLabels && !layouts[3].showsYTickLabels)
    }

    @Test func mismatchedInputIsAnError() throws {
        var panel = Panel()
        #expect(throws: PlotError.lengthMismatch(chart: "line chart", expected: 3, actual: 2, argument: "series \"a\"")) {
            try panel.lineChart(x: [1.0, 2, 3], series: [Series("a", [1, 2])])
        }
        try panel.lineChart(x: [1.0, 2, 3], series: [Series("a", [1, 2, 3])])
        #expect(throws: PlotError.self) {
            try panel.barChart(categories: ["a", "b", "c"], values: [1, 2, 3])
        }
        #expect(panel.layers.count == 1)
        #expect(throws: PlotError.self) { try Figure(width: 0, height: 10).png() }
    }

    @Test func nanValuesLeaveGapsWithoutFailing() throws {
        var figure = Figure(width: 400, height: 300)
        try figure.panel.lineChart(x: [0, 1, 2, 3], series: [Series("gappy", [1, .nan, 3, 4])])
        try figure.panel.scatterChart(x: [.nan, 1], y: [1, .infinity])
        #expect(try figure.png().count > 100)
    }

    @Test func emptyPanelsRender() throws {
        var figure = Figure(width: 400, height: 300, title: "Nothing yet", rows: 1, columns: 2)
        try figure[0, 1].histogram([])
        try figure[0, 1].boxPlot(groups: ["a"], values: [[]])
        #expect(try figure.png().count > 100)
    }
}
