import Foundation
import Restock
import Testing

/// A weekly dataset dated on Fridays (one row per store and department per week, sales in money,
/// no prices, a transactions-only manifest) run through exploration and forecasting.
@Suite struct WeeklyDataTests {
    static let weeks = 40
    static let firstFriday = CivilDate(year: 2010, month: 2, day: 5)

    /// Writes the dataset into a fresh folder and returns its manifest.
    static func writeDataset() throws -> URL {
        let folder = try StageRunner.temporaryFolder("weekly")
        var lines = ["Store,Dept,Date,Weekly_Sales,Region,Category"]
        for week in 0..<weeks {
            let date = CivilDate(days: firstFriday.daysSince1970 + 7 * week)
            for store in 1...2 {
                for dept in 1...3 {
                    // A smooth deterministic level per store and department, with a weekly wiggle.
                    let sales = Double(100 * dept + 40 * store) + Double((week * 7 + dept * 3 + store) % 11) * 5
                    lines.append("\(store),\(dept),\(date),\(String(format: "%.2f", sales)),\(store == 1 ? "North" : "South"),Dept \(dept)")
                }
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("weekly.csv"), atomically: true, encoding: .utf8)
        let manifest = """
            name = "Weekly stores"

            [transactions]
            path = "weekly.csv"
            date = "Date"
            sku = "Dept"
            location = "Store"
            quantity = "Weekly_Sales"
            region = "Region"
            category = "Category"
            measure = "sales"
            """
        let url = folder.appendingPathComponent("dataset.toml")
        try manifest.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func fridayWeeksAreAllKeptThroughForecasting() throws {
        let manifest = try Self.writeDataset()
        let out = manifest.deletingLastPathComponent().appendingPathComponent("run")
        for stage in ["exploration", "forecasting"] {
            let outcome = try StageRunner.run(stage, ["--data", manifest.path, "--out", out.path] + (stage == "forecasting" ? ["--horizon", "8"] : []))
            #expect(outcome.status == 0, "\(stage): \(outcome.output)")
            guard outcome.status == 0 else { return }
        }
        var options = CSVReadingOptions()
        options.types["sku"] = .string
        options.types["location"] = .string
        let forecasts = try DataFrame(contentsOfCSVFile: out.appendingPathComponent("forecasts.csv").path, options: options)
        // Every store × department is forecast, over the last eight Fridays of the data.
        #expect(forecasts.rowCount == 6 * 8)
        let weeks = Set(try forecasts["week", Date.self].compactMap { $0 })
        let lastEight = (Self.weeks - 8..<Self.weeks).map { CivilDate(days: Self.firstFriday.daysSince1970 + 7 * $0).date }
        #expect(weeks == Set(lastEight))
        let regions = Set(try forecasts["region", String.self].compactMap { $0 })
        #expect(regions == ["North", "South"])
        let accuracy = try DataFrame(contentsOfCSVFile: out.appendingPathComponent("forecast_accuracy.csv").path, options: options)
        #expect(accuracy.rowCount == 6)
        // 32 training weeks: the first Friday's week is kept.
        #expect(try accuracy.doubles("zero_weeks_share").allSatisfy { $0 == 0 })
        let notebook = try String(contentsOf: out.appendingPathComponent("03_forecasting.md"), encoding: .utf8)
        #expect(notebook.contains("32 training weeks"), "\(notebook.prefix(2000))")
        #expect(notebook.contains("every date a Friday"))
        #expect(notebook.contains("Weekly demand in sales"))
        #expect(notebook.contains("the data have no prices"))
        // Allocation needs locations and costs: it says so instead of failing somewhere inside.
        let allocation = try StageRunner.run("allocation", ["--data", manifest.path, "--out", out.path])
        #expect(allocation.status != 0)
        #expect(allocation.output.contains("dataset.toml: regions: missing key"), "\(allocation.output)")
    }

    @Test func aStrayCenturyOldDateIsNamedNotExpanded() throws {
        let manifest = try Self.writeDataset()
        let file = manifest.deletingLastPathComponent().appendingPathComponent("weekly.csv")
        let text = try String(contentsOf: file, encoding: .utf8) + "1,1,1900-01-05,120.00,North,Dept 1\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let out = manifest.deletingLastPathComponent().appendingPathComponent("run")
        let outcome = try StageRunner.run("forecasting", ["--data", manifest.path, "--out", out.path])
        // Cleaning drops the far date with a warning naming it, so the series keep their 40 weeks.
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("dated far from the rest") && outcome.output.contains("1900-01-05"), "\(outcome.output)")
        let forecasts = try String(contentsOf: out.appendingPathComponent("forecasts.csv"), encoding: .utf8)
        #expect(!forecasts.contains("1900-"))
    }
}
