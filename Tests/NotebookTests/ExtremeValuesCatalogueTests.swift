import Foundation
import Plot
import Tabular
import Testing
@testable import Notebook

/// Extreme values through every public formatter, aggregation and chart: each must give text, a
/// frame, a figure or an error, never a trap. A trap ends the test process, so these tests fail by
/// crashing; the expectations check that what comes back is sensible.
@Suite struct ExtremeValuesCatalogueTests {
    static let doubles: [Double] = [1e308, -1e308, .nan, .infinity, -.infinity, 9.2e18, -9.3e18, 9.223372036854775807e18,
                                    0x1p63, -0x1p63, Double.leastNonzeroMagnitude, -0.0, 0, 1.5]
    static let integers: [Int] = [Int.max, Int.min, Int.max - 1, Int.min + 1, 0, -1, 1, 9_200_000_000_000_000_000,
                                  -9_200_000_000_000_000_000, 42, 7, 3, 2, 5]

    /// Frames of 0, 1 and all rows: a text key, a double and an integer column of extreme values.
    static let frames: [DataFrame] = [0, 1, doubles.count].map { rows in
        let keys = (0..<rows).map { "k\($0 % 3)" }
        let x = (0..<rows).map { Double($0) }
        // A missing value in each column of the full frame too.
        let values = Array(doubles.prefix(rows)).enumerated().map { $0.offset == 7 ? nil : $0.element } as [Double?]
        let counts = Array(integers.prefix(rows)).enumerated().map { $0.offset == 9 ? nil : $0.element } as [Int?]
        return (try? DataFrame(columns: [Column("key", keys), Column("x", x), Column("value", values), Column("count", counts)]))
            ?? DataFrame()
    }

    // MARK: - Formatters

    @Test func digitGroupingWritesEveryFiniteDoubleAndEveryInteger() {
        for value in Self.doubles where value.isFinite {
            let text = DigitGrouping.grouped(abs(value), decimals: 2)
            #expect(!text.isEmpty)
        }
        #expect(DigitGrouping.grouped(1e308, decimals: 0).count == 309 + 102)
        #expect(DigitGrouping.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(DigitGrouping.grouped(Int.max) == "9,223,372,036,854,775,807")
    }

    @Test func moneyWritesEveryValue() {
        let money = Money(symbol: "$")
        for value in Self.doubles { #expect(!money(value).isEmpty) }
        #expect(money(.nan) == "n/a")
        #expect(money(-.infinity) == "−∞")
        #expect(money(9.3e18) == "$9,300,000,000,000,000,000")
    }

    @Test func notebookCellsWriteEveryValue() throws {
        #expect(CellFormat.fixed(9.2e18, decimals: 2) == "9,200,000,000,000,000,000.00")
        #expect(CellFormat.fixed(-1e19, decimals: 0) == "-10,000,000,000,000,000,000")
        #expect(CellFormat.fixed(1e308, decimals: 4).hasSuffix(".0000"))
        #expect(CellFormat.fixed(1234.5678, decimals: 2) == "1,234.57")
        for value in Self.doubles {
            for decimals in 0...4 { _ = CellFormat.fixed(value, decimals: decimals) }
        }
        for frame in Self.frames {
            let cell = TableCell(frame, caption: "extremes")
            #expect(cell.rows.count == frame.rowCount)
            #expect(!cell.markdown.isEmpty && !cell.html.isEmpty && !cell.plainText.isEmpty)
        }
        let full = try #require(Self.frames.last)
        let cell = TableCell(full)
        #expect(cell.rows[0][3] == "9,223,372,036,854,775,807")
        #expect(cell.rows[1][3] == "-9,223,372,036,854,775,808")
    }

    @Test func framePrintingAndValuesWriteEveryValue() throws {
        for frame in Self.frames {
            #expect(!frame.description.isEmpty)
            #expect(!frame.formatted(maxRows: 3, maxColumnWidth: 5).isEmpty)
            for column in frame.columns {
                for row in 0..<column.count { _ = column[row].description }
            }
        }
    }

    @Test func plotNumberFormatsWriteEveryValue() {
        let formats: [NumberFormat] = [.automatic, .plain(), .plain(decimals: 2), .plain(decimals: 100), .compact, .currency("£"), .percent]
        for format in formats {
            #expect(format.labels(for: Self.doubles).count == Self.doubles.count)
            #expect(format.labels(for: []).isEmpty)
            for value in Self.doubles { #expect(!format.string(value).isEmpty) }
        }
    }

    @Test func csvRoundTripKeepsEveryValue() throws {
        for frame in Self.frames where frame.columnCount > 0 {
            let text = try frame.csvString()
            let back = try DataFrame(csvString: text, options: {
                var options = CSVReadingOptions()
                options.types = frame.columnTypes
                return options
            }())
            #expect(back.rowCount == frame.rowCount)
            if frame.rowCount == Self.doubles.count {
                #expect(try back["count", Int.self] == frame["count", Int.self])
                let written = try back.doubles("value"), expected = try frame.doubles("value")
                #expect(zip(written, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
            }
        }
    }

    // MARK: - Aggregations

    static let functions: [Aggregation.Function] = [.size, .count, .sum, .mean, .distinctCount, .min, .max, .median, .std,
                                                    .variance, .quantile(0.9), .quantile(0), .quantile(1), .first, .last]

    @Test func groupByAggregatesExtremeValues() throws {
        for frame in Self.frames where frame.columnCount > 0 {
            let aggregations = Self.functions.flatMap { function -> [Aggregation] in
                function == .size ? [.count()] : ["value", "count"].map { Aggregation(function, $0) }
            }
            let result = try frame.grouped(by: "key").aggregate(aggregations)
            #expect(result.rowCount == Set(try frame["key", String.self]).count)
            _ = TableCell(result).markdown
            _ = result.description
        }
    }

    @Test func integerSumsThatOverflowAreNotATrap() throws {
        let frame = try DataFrame(columns: [Column("key", ["a", "a", "b"]), Column("n", [Int.max, Int.max, Int.min] as [Int?])])
        let result = try frame.grouped(by: "key").aggregate(.sum("n"), .mean("n"), .variance("n"))
        let sums = try result.doubles("n_sum")
        #expect(sums[0] == 2 * Double(Int.max))
        #expect(sums[1] == Double(Int.min))
    }

    @Test func quantilesOutsideTheUnitIntervalAreAnError() throws {
        let frame = try #require(Self.frames.last)
        for q in [Double.nan, -0.5, 1.5, .infinity] {
            #expect(throws: (any Error).self) { try frame.grouped(by: "key").aggregate(.quantile("value", q)) }
        }
    }

    @Test func pivotAggregatesExtremeValues() throws {
        for frame in Self.frames where frame.columnCount > 0 {
            for function in Self.functions where function != .size {
                for values in ["value", "count"] {
                    let wide = try frame.pivot(index: "key", columns: "x", values: values, aggregate: function)
                    #expect(wide.rowCount == Set(try frame["key", String.self]).count)
                    _ = TableCell(wide).markdown
                }
            }
        }
    }

    @Test func describeSummarizesExtremeValues() throws {
        for frame in Self.frames where frame.columnCount > 0 {
            let summary = try frame.describe()
            _ = TableCell(summary).plainText
            _ = summary.description
        }
    }

    // MARK: - Charts

    /// Renders the figure: an error is fine, a trap is not; a figure drawn is a PNG.
    func draw(_ build: (inout Figure) throws -> Void) {
        var figure = Figure(width: 320, height: 240, title: "extremes")
        do {
            try build(&figure)
            let png = try figure.png()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        } catch {
            #expect(!"\(error)".isEmpty)
        }
    }

    /// Value sets for charts: all extremes, each extreme alone among ordinary values, nothing, one.
    static let chartData: [[Double]] = [doubles, [], [1e308], [.nan], [.infinity, -.infinity], [9.3e18, 1, 2], [-1e308, 1e308],
                                        [Double.leastNonzeroMagnitude, 0], [1, 1, 1]] + doubles.map { [1, $0, 3] }

    @Test func lineBarAndScatterChartsDrawOrRefuseExtremeValues() {
        for values in Self.chartData {
            let x = values.indices.map(Double.init)
            let categories = values.indices.map { "c\($0)" }
            draw { try $0.panel.lineChart(x: x, series: [Series("y", values)]) }
            draw { try $0.panel.lineChart(x: values, series: [Series("y", x)], markers: true) }
            draw { try $0.panel.lineChart(x: x.map { Date(timeIntervalSince1970: $0 * 86_400) }, series: [Series("y", values)]) }
            draw { try $0.panel.barChart(categories: categories, values: values) }
            draw { try $0.panel.barChart(categories: categories, values: values, orientation: .horizontal) }
            draw { try $0.panel.barChart(categories: categories, series: [Series("a", values), Series("b", values.reversed())], arrangement: .stacked) }
            draw { try $0.panel.scatterChart(x: values, y: values.reversed()) }
            draw { try $0.panel.scatterChart(x: x, y: values, sizes: values) }
        }
    }

    @Test func histogramsHeatmapsAndBoxPlotsDrawOrRefuseExtremeValues() {
        for values in Self.chartData {
            draw { try $0.panel.histogram(values) }
            draw { try $0.panel.histogram(values, bins: 1) }
            draw { try $0.panel.histogram(values, bins: 10_000) }
            draw { try $0.panel.boxPlot(groups: ["a", "b"], values: [values, values.map { -$0 }]) }
            let columns = values.indices.map { "c\($0)" }
            draw { try $0.panel.heatmap(values: [values, values.reversed()], rows: ["r1", "r2"], columns: columns) }
            draw { try $0.panel.heatmap(values: [values], rows: ["r"], columns: columns, center: 0) }
        }
        draw { try $0.panel.histogram([1, 2, 3], bins: Int.max) }
        draw { try $0.panel.histogram([1, 2, 3], bins: 0) }
        draw { try $0.panel.boxPlot(groups: [], values: []) }
    }
}
