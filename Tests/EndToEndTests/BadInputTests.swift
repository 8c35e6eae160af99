import Foundation
import Testing

/// Bad inputs end with a message naming what is wrong, a non-zero exit and no files written.
@Suite(.serialized) struct BadInputTests {
    let run: PipelineRun

    init() throws {
        run = try PipelineRun.shared.get()
    }

    /// Runs `stage` into a fresh folder and returns its outcome and what the folder holds after.
    func attempt(_ stage: String, data: String, _ more: [String] = []) throws -> (StageRunner.Outcome, [String]) {
        let out = try StageRunner.temporaryFolder("bad-\(stage)")
        let outcome = try StageRunner.run(stage, ["--data", data, "--out", out.path] + more)
        return (outcome, StageRunner.files(in: out))
    }

    /// A copy of the run's dataset folder with `transform` applied to one of its files.
    func alteredDataset(_ file: String, _ transform: (String) -> String) throws -> URL {
        let folder = try StageRunner.temporaryFolder("altered")
        for name in try FileManager.default.contentsOfDirectory(atPath: run.data.path) {
            try FileManager.default.copyItem(at: run.data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let url = folder.appendingPathComponent(file)
        try transform(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return folder.appendingPathComponent("dataset.toml")
    }

    @Test func missingManifest() throws {
        let (outcome, written) = try attempt("exploration", data: "/nonexistent/dataset.toml")
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("/nonexistent/dataset.toml"), "\(outcome.output)")
        #expect(written.isEmpty)
    }

    @Test func stageBeforeItsInput() throws {
        let manifest = run.data.appendingPathComponent("dataset.toml").path
        for (stage, input, writer) in [("allocation", "forecasts.csv", "forecasting"), ("validation", "allocation.csv", "allocation")] {
            let (outcome, written) = try attempt(stage, data: manifest)
            #expect(outcome.status != 0)
            #expect(outcome.output.contains(input) && outcome.output.contains(writer), "\(stage): \(outcome.output)")
            #expect(written.isEmpty, "\(stage) wrote \(written)")
        }
    }

    @Test func missingColumn() throws {
        let manifest = try alteredDataset("transactions.csv") { $0.replacingOccurrences(of: ",quantity,", with: ",units,") }
        let (outcome, written) = try attempt("exploration", data: manifest.path)
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("quantity"), "\(outcome.output)")
        #expect(written.isEmpty)
    }

    @Test func nonNumericQuantity() throws {
        // The third data row (line 4 of the file) gets a quantity of "lots".
        let manifest = try alteredDataset("transactions.csv") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[4] = "lots"
            lines[3] = fields.joined(separator: ",")
            return lines.joined(separator: "\n")
        }
        let (outcome, written) = try attempt("exploration", data: manifest.path)
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("transactions.csv") && outcome.output.contains("4") && outcome.output.contains("lots"), "\(outcome.output)")
        #expect(written.isEmpty)
    }

    @Test func emptyTransactions() throws {
        let manifest = try alteredDataset("transactions.csv") { _ in "" }
        let (outcome, written) = try attempt("exploration", data: manifest.path)
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("transactions.csv"), "\(outcome.output)")
        #expect(written.isEmpty)
    }

    @Test func infeasibleServiceLevel() throws {
        let (outcome, written) = try attempt("allocation", data: run.data.appendingPathComponent("dataset.toml").path, ["--service-level", "1.5"])
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("service-level"), "\(outcome.output)")
        #expect(written.isEmpty)
    }
}
