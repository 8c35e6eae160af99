import Foundation
import Restock
import Testing

/// The five stages run on a small synthetic dataset (400 customers over 420 days, made by `synth`),
/// twice with the same seed.
struct PipelineRun: Sendable {
    let data: URL
    let first: URL
    let second: URL
    let outputs: [String]

    static let stages = ["exploration", "segmentation", "forecasting", "allocation", "validation"]

    static let shared: Result<PipelineRun, PipelineFailure> = {
        do {
            let root = try StageRunner.temporaryFolder("pipeline")
            let data = root.appendingPathComponent("data")
            let synth = try StageRunner.run("synth", ["--out", data.path, "--customers", "400", "--days", "420", "--seed", "7"])
            guard synth.status == 0 else { return .failure(PipelineFailure(message: "synth: \(synth.output)")) }
            var folders: [URL] = []
            for name in ["first", "second"] {
                let out = root.appendingPathComponent(name)
                for stage in stages {
                    var arguments = ["--data", data.appendingPathComponent("dataset.toml").path, "--out", out.path, "--seed", "3"]
                    if stage == "forecasting" { arguments += ["--top", "4"] }
                    if stage == "validation" { arguments += ["--bootstrap", "200"] }
                    let outcome = try StageRunner.run(stage, arguments)
                    guard outcome.status == 0 else { return .failure(PipelineFailure(message: "\(stage): \(outcome.output)")) }
                }
                folders.append(out)
            }
            return .success(PipelineRun(data: data, first: folders[0], second: folders[1], outputs: StageRunner.files(in: folders[0])))
        } catch {
            return .failure(PipelineFailure(message: "\(error)"))
        }
    }()

    /// A result file of the first run, its identifier columns read as text.
    func frame(_ name: String, text: [String]) throws -> DataFrame {
        var options = CSVReadingOptions()
        for column in text { options.types[column] = .string }
        return try DataFrame(contentsOfCSVFile: first.appendingPathComponent(name).path, options: options)
    }
}

struct PipelineFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

@Suite(.serialized) struct PipelineTests {
    let run: PipelineRun

    init() throws {
        run = try PipelineRun.shared.get()
    }

    @Test func everyStageWritesItsNotebookFiguresAndResults() {
        for (number, stage) in PipelineRun.stages.enumerated() {
            for suffix in ["md", "ipynb"] {
                #expect(run.outputs.contains(String(format: "%02d_%@.%@", number + 1, stage, suffix)), "\(stage).\(suffix)")
            }
            #expect(run.outputs.contains { $0.hasPrefix("figures/\(String(format: "%02d", number + 1))_") && $0.hasSuffix(".png") }, "\(stage) figures")
        }
        for file in ["report.md", "segments.csv", "store_clusters.csv", "forecasts.csv", "forecast_accuracy.csv",
                     "allocation.csv", "transfers.csv", "kpis.csv", "sku_classes.csv"] {
            #expect(run.outputs.contains(file), "\(file)")
        }
        let hidden = run.outputs.filter { $0.hasPrefix(".") || $0.contains("/.") }
        #expect(hidden == PipelineRun.stages.indices.map { String(format: ".%02d_%@.set", $0 + 1, PipelineRun.stages[$0]) },
                "only the output-set records are hidden, no temporary files left: \(hidden)")
    }

    @Test func csvSchemas() throws {
        let schemas: [String: [String]] = [
            "segments.csv": ["customer", "segment", "segment_name"],
            "store_clusters.csv": ["location", "cluster", "cluster_name"],
            "forecasts.csv": ["sku", "location", "region", "segment", "week", "step", "mean", "sd",
                              "lower_80", "upper_80", "lower_95", "upper_95", "model"],
            "allocation.csv": ["sku", "location", "region", "kind", "demand_mean", "demand_sd", "safety_stock", "target", "current",
                               "baseline", "recommended", "expected_fill_baseline", "expected_fill_recommended", "receipt"],
            "transfers.csv": ["sku", "from", "to", "quantity", "distance_km", "cost", "benefit"],
            "kpis.csv": ["plan", "scope", "kpi", "value"],
        ]
        for (file, columns) in schemas {
            let header = try String(contentsOf: run.first.appendingPathComponent(file), encoding: .utf8).prefix { $0 != "\n" }
            #expect(header == columns.joined(separator: ","), "\(file)")
        }
    }

    /// The intervals nest and stay at or above zero. The mean may fall outside the 80% interval of
    /// an intermittent series: with no demand in most weeks, its quantiles sit below the mean.
    @Test func forecastIntervalsAreOrdered() throws {
        let forecasts = try run.frame("forecasts.csv", text: ["sku", "location"])
        #expect(forecasts.rowCount > 0)
        let mean = try forecasts.doubles("mean"), lower80 = try forecasts.doubles("lower_80"), upper80 = try forecasts.doubles("upper_80")
        let lower95 = try forecasts.doubles("lower_95"), upper95 = try forecasts.doubles("upper_95")
        for row in 0..<forecasts.rowCount {
            #expect(mean[row] >= 0 && lower95[row] >= 0 && lower95[row] <= lower80[row] + 1e-9
                    && lower80[row] <= upper80[row] + 1e-9 && upper80[row] <= upper95[row] + 1e-9, "row \(row + 2)")
        }
    }

    @Test func allocationsRespectCapacityAndPlaceTheSameStock() throws {
        let allocation = try run.frame("allocation.csv", text: ["sku", "location"])
        let manifest = try String(contentsOf: run.data.appendingPathComponent("dataset.toml"), encoding: .utf8)
        let capacities = Self.capacities(manifest)
        #expect(!capacities.isEmpty)
        let locations = try allocation["location", String.self]
        let recommended = try allocation.doubles("recommended"), baseline = try allocation.doubles("baseline")
        var placed: [String: Double] = [:]
        for row in 0..<allocation.rowCount {
            #expect(recommended[row] >= 0 && baseline[row] >= 0)
            placed[locations[row] ?? "", default: 0] += recommended[row]
        }
        for (location, units) in placed {
            let capacity = try #require(capacities[location], "\(location) has a capacity")
            #expect(units <= capacity, "\(location): \(units) units, capacity \(capacity)")
        }
        #expect(recommended.reduce(0, +) == baseline.reduce(0, +))
        let fills = try allocation.doubles("expected_fill_baseline") + allocation.doubles("expected_fill_recommended")
        #expect(fills.allSatisfy { (0...1).contains($0) })
    }

    @Test func fillRatesAreShares() throws {
        let kpis = try run.frame("kpis.csv", text: ["plan", "scope", "kpi"])
        let names = try kpis["kpi", String.self], values = try kpis.doubles("value")
        let fills = (0..<kpis.rowCount).filter { names[$0] == "fill_rate" }.map { values[$0] }
        #expect(!fills.isEmpty)
        #expect(fills.allSatisfy { (0...1).contains($0) })
    }

    @Test func notebooksAreValidJupyter() throws {
        for file in run.outputs where file.hasSuffix(".ipynb") {
            let data = try Data(contentsOf: run.first.appendingPathComponent(file))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file)")
            #expect(json["nbformat"] as? Int == 4, "\(file)")
            let cells = try #require(json["cells"] as? [[String: Any]], "\(file)")
            #expect(!cells.isEmpty)
            #expect(cells.allSatisfy { ["markdown", "code"].contains($0["cell_type"] as? String ?? "") }, "\(file)")
        }
    }

    /// Every file of the two runs is the same, byte for byte, but for the seconds each notebook
    /// section took.
    @Test func sameSeedSameBytes() throws {
        #expect(StageRunner.files(in: run.second) == run.outputs)
        let timing = try Regex(#"\| [0-9]+\.[0-9]{3} \|"#)
        // The output-set records hold the notebooks' checksums, which differ by the timings.
        for file in run.outputs where !file.hasSuffix(".set") {
            var first = try Data(contentsOf: run.first.appendingPathComponent(file))
            var second = try Data(contentsOf: run.second.appendingPathComponent(file))
            if file.hasSuffix(".md") || file.hasSuffix(".ipynb") {
                first = Data(String(decoding: first, as: UTF8.self).split(separator: "\n").filter { $0.firstMatch(of: timing) == nil }.joined(separator: "\n").utf8)
                second = Data(String(decoding: second, as: UTF8.self).split(separator: "\n").filter { $0.firstMatch(of: timing) == nil }.joined(separator: "\n").utf8)
            }
            #expect(first == second, "\(file) differs between runs")
        }
    }

    /// `capacity = N` of each `[[locations]]` table, by name (the manifest as `synth` writes it).
    static func capacities(_ manifest: String) -> [String: Double] {
        var result: [String: Double] = [:]
        var name: String?
        for line in manifest.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("[") { name = nil }
            guard parts.count == 2 else { continue }
            if parts[0] == "name" { name = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            if parts[0] == "capacity", let name, let value = Double(parts[1]) { result[name] = value }
        }
        return result
    }
}
