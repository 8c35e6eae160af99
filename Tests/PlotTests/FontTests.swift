import Foundation
import Testing
@testable import Plot

@Suite struct FontTests {
    @Test func missingFontIsAnErrorNamingThePathsLookedAt() throws {
        var theme = Theme.whitegrid
        theme.fontFile = "NoSuchFont.ttf"
        theme.fontDirectories = ["/nonexistent/fonts"]
        var figure = Figure(width: 200, height: 100, theme: theme)
        try figure.panel.lineChart(x: [1.0, 2], series: [Series("a", [1, 2])])
        #expect(throws: PlotError.fontNotFound(file: "NoSuchFont.ttf", searched: ["/nonexistent/fonts/NoSuchFont.ttf"])) {
            try figure.png()
        }
        let message = PlotError.fontNotFound(file: "NoSuchFont.ttf", searched: ["/nonexistent/fonts/NoSuchFont.ttf"]).description
        #expect(message.contains("/nonexistent/fonts/NoSuchFont.ttf"))
    }

    @Test func anAbsolutePathIsUsedAsItIs() throws {
        #expect(throws: PlotError.self) { try Font.locate("/nonexistent/DejaVuSans.ttf", in: ["/usr/share/fonts"]) }
    }

    @Test func dejaVuMeasuresWiderTextWider() throws {
        let path = try Font.locate(Theme.whitegrid.fontFile, in: Theme.whitegrid.fontDirectories)
        let font = Font(path: path, size: 12)
        let short = try font.width(of: "12"), long = try font.width(of: "12,345,678")
        #expect(short > 5 && short < 20)
        #expect(long > 3 * short)
        #expect(try font.width(of: "") == 0)
        #expect(try font.resized(24).width(of: "12") > 1.8 * short)
    }
}
