import Foundation
import Restock
import Testing

/// One bad input: the stage to run, how the tiny dataset or the command line is spoiled, and what
/// the stage must say. A failing stage exits non-zero, names the file, key, line or option and what
/// to do, and leaves the run folder's previous outputs byte for byte as they were, with no
/// temporary file; a stage that runs on degenerate data says what it dropped.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var stage: String
    var arguments: [String] = []
    var data = TinyDataset()
    var manifest: @Sendable (String) -> String = { $0 }
    var transactions: @Sendable (String) -> String = { $0 }
    /// Whether the stage should succeed (degenerate data it handles) rather than fail.
    var succeeds = false
    /// Text the output must contain.
    var says: [String]

    var testDescription: String { name }

    /// Replaces field `column` (0-based) of data line `line` (1-based, after the header); `DROP`
    /// removes it and the fields after it.
    static func field(_ column: Int, ofLine line: Int, _ value: String) -> @Sendable (String) -> String {
        { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var fields = lines[line].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = value
            if value == "DROP" { fields.removeSubrange(column...) }
            lines[line] = fields.joined(separator: ",")
            return lines.joined(separator: "\n")
        }
    }

    /// Replaces field `column` of every data line.
    static func everyField(_ column: Int, _ value: @escaping @Sendable (Int) -> String) -> @Sendable (String) -> String {
        { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                guard index > 0, !line.isEmpty else { return String(line) }
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[column] = value(index)
                return fields.joined(separator: ",")
            }.joined(separator: "\n")
        }
    }

    static func replacing(_ old: String, _ new: String) -> @Sendable (String) -> String {
        { $0.replacingOccurrences(of: old, with: new) }
    }

    static func line(_ text: String) -> String { text + "\n" }
}

/// The catalogue: CSV, manifest, options and data semantics. Column indices of the tiny data:
/// 0 date, 1 invoice, 2 customer, 3 sku, 4 quantity, 5 unit_price, 6 location, 7 channel, 8 region, 9 category.
let badInputs: [BadInput] = [
    // MARK: CSV
    BadInput(name: "renamed quantity column", stage: "exploration", transactions: BadInput.replacing(",quantity,", ",units,"),
             says: ["transactions.csv", "'quantity'", "transactions.quantity", "'units'"]),
    BadInput(name: "word in a number column", stage: "exploration", transactions: BadInput.field(4, ofLine: 3, "lots"),
             says: ["transactions.csv", "4", "lots"]),
    BadInput(name: "word in the price column", stage: "exploration", transactions: BadInput.field(5, ofLine: 7, "n/a"),
             says: ["transactions.csv", "8", "n/a"]),
    BadInput(name: "empty transactions file", stage: "exploration", transactions: { _ in "" }, says: ["transactions.csv"]),
    BadInput(name: "header only", stage: "exploration", transactions: { $0.split(separator: "\n").first.map { String($0) + "\n" } ?? "" },
             says: ["transactions.csv", "transactions.date"]),
    BadInput(name: "row with an extra field", stage: "exploration", transactions: BadInput.field(8, ofLine: 5, "North,extra"),
             says: ["transactions.csv", "6"]),
    BadInput(name: "transactions file missing", stage: "exploration", manifest: BadInput.replacing("\"transactions.csv\"", "\"gone.csv\""),
             says: ["gone.csv"]),
    BadInput(name: "duplicate header name", stage: "exploration", transactions: BadInput.replacing(",channel,", ",quantity,"),
             says: ["transactions.csv:1", "'quantity'", "already used"]),
    BadInput(name: "impossible date", stage: "exploration", transactions: BadInput.field(0, ofLine: 5, "2023-13-45"),
             says: ["transactions.csv:6", "'2023-13-45'"]),
    BadInput(name: "unterminated quote", stage: "exploration", transactions: BadInput.field(1, ofLine: 7, "\"100007"),
             says: ["transactions.csv:8", "closing quote"]),
    BadInput(name: "row with fields missing", stage: "exploration", transactions: BadInput.field(8, ofLine: 9, "DROP"),
             says: ["transactions.csv:10", "fields as in the header"]),
    BadInput(name: "--transactions file missing", stage: "exploration", arguments: ["--transactions", "/nonexistent/nope.csv"], says: ["nope.csv"]),
    BadInput(name: "Windows line ends", stage: "exploration", transactions: BadInput.replacing("\n", "\r\n"), succeeds: true, says: ["exploration: wrote"]),
    BadInput(name: "byte-order mark", stage: "exploration", transactions: { "\u{FEFF}" + $0 }, succeeds: true, says: ["exploration: wrote"]),
    BadInput(name: "NaN price on a line", stage: "exploration", transactions: BadInput.field(5, ofLine: 4, "NaN"), succeeds: true,
             says: ["non_positive_prices dropped 1 of"]),
    BadInput(name: "a few returns", stage: "exploration", transactions: BadInput.field(4, ofLine: 12, "-2"), succeeds: true,
             says: ["cancellations dropped 1 of"]),
    BadInput(name: "a line without customer", stage: "exploration", transactions: BadInput.field(2, ofLine: 12, ""), succeeds: true,
             says: ["missing_customer dropped 1 of"]),

    // MARK: Manifest
    BadInput(name: "manifest syntax error", stage: "exploration", manifest: BadInput.replacing("[transactions]", "[transactions"),
             says: ["dataset.toml"]),
    BadInput(name: "mapping to a column the file lacks", stage: "exploration", manifest: BadInput.replacing("quantity = \"quantity\"", "quantity = \"qty\""),
             says: ["'qty'", "transactions.quantity"]),
    BadInput(name: "unknown location kind", stage: "exploration", manifest: BadInput.replacing("kind = \"store\"", "kind = \"warehouse\""),
             says: ["warehouse", "kind"]),
    BadInput(name: "no transactions table", stage: "exploration", manifest: BadInput.replacing("[transactions]\npath = \"transactions.csv\"", "[sales]\npath = \"transactions.csv\""),
             says: ["transactions"]),

    BadInput(name: "location declared twice", stage: "exploration", manifest: BadInput.replacing("name = \"Store 2\"", "name = \"Store 1\""),
             says: ["dataset.toml", "'Store 1'", "declared twice"]),
    BadInput(name: "location in an unknown region", stage: "exploration", manifest: BadInput.replacing("region = \"South\"\nkind = \"store\"", "region = \"Moon\"\nkind = \"store\""),
             says: ["locations[1].region", "'Moon'", "'North'"]),
    BadInput(name: "latitude out of range", stage: "exploration", manifest: BadInput.replacing("latitude = 36.0", "latitude = 136.0"),
             says: ["locations[0].latitude", "136"]),
    BadInput(name: "misspelt table", stage: "exploration", manifest: BadInput.replacing("[costs]", "[charges]"), says: ["charges", "unknown key", "costs"]),
    BadInput(name: "no costs table", stage: "allocation", manifest: { text in
        guard let start = text.range(of: "[costs]"), let end = text.range(of: "[[regions]]") else { return text }
        return String(text[..<start.lowerBound] + text[end.lowerBound...])
    }, says: ["costs", "holding_rate"]),
    BadInput(name: "serves an unknown region", stage: "exploration", manifest: BadInput.replacing("serves = [\"North\", \"South\"]", "serves = [\"North\", \"Southh\"]"),
             says: ["serves[1]", "'Southh'"]),
    BadInput(name: "no locations", stage: "allocation", manifest: { String($0[..<($0.range(of: "[[locations]]")?.lowerBound ?? $0.endIndex)]) },
             says: ["locations", "at least one"]),
    BadInput(name: "mapping not a string", stage: "exploration", manifest: BadInput.replacing("quantity = \"quantity\"", "quantity = 5"),
             says: ["transactions.quantity", "expected a string"]),

    // MARK: Options
    BadInput(name: "--out empty", stage: "exploration", arguments: ["--out", ""], says: ["--out", "empty"]),
    BadInput(name: "--out not a folder", stage: "exploration", arguments: ["--out", "/dev/null"], says: ["/dev/null", "Not a directory"]),
    BadInput(name: "--out cannot be made", stage: "exploration", arguments: ["--out", "/proc/restock-run"], says: ["cannot create the folder /proc/restock-run"]),
    BadInput(name: "--max-drop-share above 1", stage: "exploration", arguments: ["--max-drop-share", "2"], says: ["--max-drop-share", "between 0.0 and 1.0"]),
    BadInput(name: "--allow-drop of no rule", stage: "exploration", arguments: ["--allow-drop", "outlier"], says: ["--allow-drop", "'outlier'", "outliers"]),
    BadInput(name: "--lock-timeout negative", stage: "exploration", arguments: ["--lock-timeout", "-1"], says: ["--lock-timeout"]),
    BadInput(name: "--seed negative", stage: "exploration", arguments: ["--seed", "-1"], says: ["seed"]),
    BadInput(name: "unknown option", stage: "exploration", arguments: ["--colour", "red"], says: ["--colour"]),
    BadInput(name: "--clusters 1", stage: "segmentation", arguments: ["--clusters", "1"], says: ["--clusters", "at least 2"]),
    BadInput(name: "--horizon 0", stage: "forecasting", arguments: ["--horizon", "0"], says: ["--horizon", "between 1 and 52"]),
    BadInput(name: "--level unknown", stage: "forecasting", arguments: ["--level", "store"], says: ["--level", "sku-location"]),
    BadInput(name: "--top 0", stage: "forecasting", arguments: ["--top", "0"], says: ["--top", "at least 1"]),
    BadInput(name: "--abc not a class", stage: "forecasting", arguments: ["--abc", "Q"], says: ["--abc", "'Q'"]),
    BadInput(name: "--origins 0", stage: "forecasting", arguments: ["--origins", "0"], says: ["--origins"]),
    BadInput(name: "--service-level 1.5", stage: "allocation", arguments: ["--service-level", "1.5"], says: ["--service-level", "1.5"]),
    BadInput(name: "--baseline unknown", stage: "allocation", arguments: ["--baseline", "equal"], says: ["--baseline", "history"]),
    BadInput(name: "--supply unknown", stage: "allocation", arguments: ["--supply", "all"], says: ["--supply", "on-hand"]),
    BadInput(name: "--bootstrap 0", stage: "validation", arguments: ["--bootstrap", "0"], says: ["--bootstrap"]),
    BadInput(name: "--lead-time 99", stage: "validation", arguments: ["--lead-time", "99"], says: ["--lead-time", "days"]),
    BadInput(name: "--review-days 0", stage: "validation", arguments: ["--review-days", "0"], says: ["--review-days"]),

    BadInput(name: "--clusters above the customers", stage: "segmentation", arguments: ["--clusters", "30"], says: ["at least 31 customers", "the data have 24"]),

    // MARK: Data semantics
    BadInput(name: "every line a return", stage: "exploration", transactions: BadInput.everyField(4) { _ in "-1" },
             says: ["cleaning left no rows", "cancellations dropped"]),
    BadInput(name: "every price zero", stage: "exploration", transactions: BadInput.everyField(5) { _ in "0" },
             says: ["cleaning left no rows", "non_positive_prices"]),
    BadInput(name: "one customer", stage: "segmentation", data: TinyDataset(customers: 1), says: ["k-means", "customers", "the data have 1"]),
    BadInput(name: "three customers", stage: "segmentation", data: TinyDataset(customers: 3), says: ["at least 4 customers", "the data have 3"]),
    BadInput(name: "one store", stage: "segmentation", data: TinyDataset(stores: 1), says: ["store clustering", "locations with sales", "the data have 1"]),
    BadInput(name: "one day (exploration)", stage: "exploration", data: TinyDataset(days: 1), says: ["exploration", "weeks of sales"]),
    BadInput(name: "one day (forecasting)", stage: "forecasting", data: TinyDataset(days: 1), says: ["weeks", "needs at least"]),
    BadInput(name: "six weeks (forecasting)", stage: "forecasting", data: TinyDataset(days: 42), says: ["weeks", "holding out 8"]),
    BadInput(name: "a line dated 1900", stage: "exploration", transactions: BadInput.field(0, ofLine: 9, "1900-01-01"), succeeds: true,
             says: ["warning: dropped 1 row dated far from the rest", "1900-01-01"]),
    BadInput(name: "a line dated 2100", stage: "exploration", transactions: BadInput.field(0, ofLine: 30, "2100-12-31"), succeeds: true,
             says: ["far_dates dropped 1 of", "2100-12-31"]),
    BadInput(name: "far date with no share allowed", stage: "exploration", arguments: ["--max-drop-share", "0"],
             transactions: BadInput.field(0, ofLine: 9, "1900-01-01"), says: ["'far_dates'", "--allow-drop far_dates"]),
    BadInput(name: "a location the manifest lacks", stage: "exploration", transactions: BadInput.field(6, ofLine: 4, "Atlantis"), succeeds: true,
             says: ["warning: dropped 1 row at locations the manifest does not list", "Atlantis", "[[locations]]"]),
    BadInput(name: "many rows outside the network", stage: "exploration",
             transactions: BadInput.everyField(6) { $0 % 3 == 0 ? "Atlantis" : "Store 1" },
             says: ["'unknown_locations'", "more than the 5.0% allowed", "--allow-drop unknown_locations"]),
    BadInput(name: "outside the network, allowed", stage: "exploration", arguments: ["--allow-drop", "unknown_locations"],
             transactions: BadInput.everyField(6) { $0 % 3 == 0 ? "Atlantis" : "Store 1" }, succeeds: true,
             says: ["allowed by --allow-drop unknown_locations"]),
    BadInput(name: "a line without location", stage: "exploration", transactions: BadInput.field(6, ofLine: 15, ""), succeeds: true,
             says: ["warning: 1 row without a location"]),
    BadInput(name: "every line outside the network", stage: "exploration", transactions: BadInput.everyField(6) { _ in "Atlantis" },
             says: ["cleaning left no rows", "unknown_locations dropped", "Atlantis"]),
    BadInput(name: "a region the manifest lacks", stage: "exploration", transactions: BadInput.field(8, ofLine: 4, "Mars"), succeeds: true,
             says: ["warning: 1 row in regions the manifest does not list (Mars)"]),
    BadInput(name: "mostly single units", stage: "exploration", transactions: BadInput.everyField(4) { $0 % 10 == 0 ? "3" : "1" }, succeeds: true,
             says: ["exploration: wrote"]),
    BadInput(name: "a typo of 100,000 units", stage: "exploration", transactions: BadInput.field(4, ofLine: 20, "100000"),
             says: ["'outliers'", "quantity above", "--allow-drop outliers"]),
    BadInput(name: "a typo of 100,000 units, allowed", stage: "exploration", arguments: ["--allow-drop", "outliers"],
             transactions: BadInput.field(4, ofLine: 20, "100000"), succeeds: true,
             says: ["outliers dropped 1 of", "allowed by --allow-drop outliers"]),
    BadInput(name: "every quantity equal", stage: "exploration", transactions: BadInput.everyField(4) { _ in "20" }, succeeds: true,
             says: ["exploration: wrote"]),
]

@Suite(.serialized) struct BadInputTests {
    /// A run folder holding all five stages' outputs of the tiny dataset, made once.
    static let baseline: Result<URL, PipelineFailure> = {
        do {
            let manifest = try TinyDataset().write()
            let out = try StageRunner.temporaryFolder("baseline")
            for (stage, more) in [("exploration", []), ("segmentation", []), ("forecasting", ["--top", "2"]),
                                  ("allocation", []), ("validation", ["--bootstrap", "20"])] {
                let outcome = try StageRunner.run(stage, ["--data", manifest.path, "--out", out.path] + more)
                guard outcome.status == 0 else { return .failure(PipelineFailure(message: "\(stage): \(outcome.output)")) }
            }
            return .success(out)
        } catch {
            return .failure(PipelineFailure(message: "\(error)"))
        }
    }()

    /// A copy of the baseline run folder.
    static func previousRun() throws -> URL {
        let copy = try StageRunner.temporaryFolder("previous")
        try FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: try baseline.get(), to: copy)
        return copy
    }

    /// Every file under `folder` (hidden ones too) with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in StageRunner.files(in: folder) { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        return files
    }

    /// Staging folders and temporary files left in `folder`.
    static func leftovers(_ folder: URL) -> [String] {
        StageRunner.files(in: folder).filter { $0.hasPrefix(".staging-") || $0.hasSuffix(".tmp") }
    }

    @Test(arguments: badInputs) func catalogue(_ input: BadInput) throws {
        let manifest = try input.data.write(manifest: input.manifest, transactions: input.transactions)
        let out = try Self.previousRun()
        let before = try Self.snapshot(out)
        var arguments = ["--data", manifest.path, "--out", out.path, "--lock-timeout", "5"]
        if input.arguments.first == "--out" { arguments.removeSubrange(2...3) }
        let outcome = try StageRunner.run(input.stage, arguments + input.arguments)
        for text in input.says {
            #expect(outcome.output.contains(text), "\(input.name): missing '\(text)' in \(outcome.output)")
        }
        if input.succeeds {
            #expect(outcome.status == 0, "\(input.name): \(outcome.output)")
            if outcome.output.contains("warning: ") {
                let notebook = try String(contentsOf: out.appendingPathComponent("01_exploration.md"), encoding: .utf8)
                #expect(notebook.contains("> **Warning:** "), "\(input.name): the warning is not in the notebook")
            }
        } else {
            #expect(outcome.status != 0 && !outcome.killed, "\(input.name): \(outcome.output)")
            #expect(try Self.snapshot(out) == before, "\(input.name): the previous outputs changed")
            #expect(!outcome.output.contains("Fatal error"), "\(input.name): \(outcome.output)")
        }
        #expect(Self.leftovers(out).isEmpty, "\(input.name): \(Self.leftovers(out))")
    }

    @Test func missingManifest() throws {
        let out = try StageRunner.temporaryFolder("bad-manifest")
        let outcome = try StageRunner.run("exploration", ["--data", "/nonexistent/dataset.toml", "--out", out.path])
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("/nonexistent/dataset.toml"), "\(outcome.output)")
        #expect(StageRunner.files(in: out).isEmpty)
    }

    /// A stage whose input stage has not run names the file and the stage to run first.
    @Test(arguments: [("allocation", "forecasts.csv", "forecasting", [String]()), ("validation", "allocation.csv", "allocation", []),
                      ("forecasting", "segments.csv", "segmentation", ["--level", "sku-segment-location"])])
    func stageBeforeItsInput(stage: String, input: String, writer: String, more: [String]) throws {
        let manifest = try TinyDataset().write()
        let out = try StageRunner.temporaryFolder("early")
        let outcome = try StageRunner.run(stage, ["--data", manifest.path, "--out", out.path] + more)
        #expect(outcome.status != 0)
        #expect(outcome.output.contains(input) && outcome.output.contains("run the \(writer) stage"), "\(stage): \(outcome.output)")
        #expect(StageRunner.files(in: out).isEmpty, "\(stage) wrote \(StageRunner.files(in: out))")
    }

    /// An earlier stage's file changed or a file of its set gone: the reader refuses it and names
    /// the stage to run again.
    @Test(arguments: [("allocation", "forecasts.csv", "forecasting"), ("validation", "transfers.csv", "allocation"),
                      ("allocation", "03_forecasting.md", "forecasting")])
    func incompleteEarlierSet(stage: String, spoiled: String, writer: String) throws {
        let out = try Self.previousRun()
        let manifest = try TinyDataset().write()
        let url = out.appendingPathComponent(spoiled)
        if spoiled.hasSuffix(".md") {
            try FileManager.default.removeItem(at: url)
        } else {
            var text = try String(contentsOf: url, encoding: .utf8)
            text += text.split(separator: "\n").last.map { $0 + "\n" } ?? ""
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let before = try Self.snapshot(out)
        let outcome = try StageRunner.run(stage, ["--data", manifest.path, "--out", out.path])
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("not part of a complete output set") && outcome.output.contains("run the \(writer) stage again"), "\(outcome.output)")
        #expect(try Self.snapshot(out) == before)
    }

    /// Another process holding the run folder's lock: the stage fails at once with --lock-timeout 0.
    @Test func lockedRunFolder() throws {
        let out = try Self.previousRun()
        let manifest = try TinyDataset().write()
        let descriptor = open(out.path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        defer { close(descriptor) }
        let before = try Self.snapshot(out)
        let outcome = try StageRunner.run("exploration", ["--data", manifest.path, "--out", out.path, "--lock-timeout", "0"])
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("another run is writing into \(out.path)") && outcome.output.contains("--lock-timeout"), "\(outcome.output)")
        #expect(try Self.snapshot(out) == before)
    }

    /// A second run into a folder another run holds waits for the lock, says so, and runs when it is free.
    @Test func secondRunWaitsForTheLock() throws {
        let out = try Self.previousRun()
        let manifest = try TinyDataset().write()
        let descriptor = open(out.path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) { close(descriptor) }
        let started = Date()
        let outcome = try StageRunner.run("exploration", ["--data", manifest.path, "--out", out.path, "--lock-timeout", "60"])
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("waiting for another run writing into \(out.path)"), "\(outcome.output)")
        #expect(Date().timeIntervalSince(started) >= 1.4)
        #expect(try Self.explorationSetIsComplete(out))
    }

    // MARK: - Failures and kills at each write step

    /// Where in the exploration stage's write a failure is injected, relative to its file count n:
    /// n files staged, 1 sync, the commit record, n renames, removals, the set record, clean-up.
    enum WriteStep: String, CaseIterable, Sendable {
        case firstFile, lastFile, stagingSynced, committed, firstRename, lastRename, obsoleteRemoved, recordInstalled, stagingRemoved

        func number(files n: Int) -> Int {
            switch self {
            case .firstFile: 1
            case .lastFile: n
            case .stagingSynced: n + 1
            case .committed: n + 2
            case .firstRename: n + 3
            case .lastRename: 2 * n + 2
            case .obsoleteRemoved: 2 * n + 3
            case .recordInstalled: 2 * n + 4
            case .stagingRemoved: 2 * n + 5
            }
        }

        var beforeCommit: Bool { [.firstFile, .lastFile, .stagingSynced].contains(self) }
    }

    /// The files exploration writes, from the baseline's set record.
    static func explorationFileCount() throws -> Int {
        let data = try Data(contentsOf: try baseline.get().appendingPathComponent(".01_exploration.set"))
        let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (record?["files"] as? [Any])?.count ?? 0
    }

    /// Whether exploration's set record lists files that are all there with their checksums.
    static func explorationSetIsComplete(_ out: URL) throws -> Bool {
        let data = try Data(contentsOf: out.appendingPathComponent(".01_exploration.set"))
        guard let record = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = record["files"] as? [[String: Any]], !files.isEmpty else { return false }
        return try files.allSatisfy { file in
            guard let path = file["path"] as? String, let digest = file["sha256"] as? String else { return false }
            return try SHA256.hex(ofFile: out.appendingPathComponent(path)) == digest
        }
    }

    /// An injected failure: before the commit point the previous outputs stay byte for byte; after
    /// it the stage completes the new set before it reports the failure. No temporary file stays.
    @Test(arguments: WriteStep.allCases) func failureAtWriteStep(_ step: WriteStep) throws {
        let n = try Self.explorationFileCount()
        #expect(n >= 4)
        let out = try Self.previousRun()
        let manifest = try TinyDataset().write()
        let before = try Self.snapshot(out)
        let outcome = try StageRunner.run("exploration", ["--data", manifest.path, "--out", out.path],
                                          environment: ["RESTOCK_WRITE_FAULT": "fail:\(step.number(files: n))"])
        #expect(outcome.status != 0 && outcome.output.contains("write failed at step \(step.number(files: n))"), "\(outcome.output)")
        if step.beforeCommit {
            #expect(try Self.snapshot(out) == before, "\(step)")
        }
        #expect(try Self.explorationSetIsComplete(out), "\(step)")
        #expect(Self.leftovers(out).isEmpty, "\(step): \(Self.leftovers(out))")
    }

    /// A kill (SIGKILL) after each step: before the commit point the previous outputs are as they
    /// were; the next run completes or clears what the killed one left, and no temporary file stays.
    @Test(arguments: WriteStep.allCases) func killAtWriteStep(_ step: WriteStep) throws {
        let n = try Self.explorationFileCount()
        let out = try Self.previousRun()
        let manifest = try TinyDataset().write()
        let before = try Self.snapshot(out)
        let killed = try StageRunner.run("exploration", ["--data", manifest.path, "--out", out.path],
                                         environment: ["RESTOCK_WRITE_FAULT": "kill:\(step.number(files: n))"])
        #expect(killed.killed, "\(step): \(killed.output)")
        if step.beforeCommit {
            #expect(try Self.snapshot(out).filter { !$0.key.hasPrefix(".staging-") } == before, "\(step)")
        }
        let next = try StageRunner.run("segmentation", ["--data", manifest.path, "--out", out.path])
        #expect(next.status == 0, "\(step): \(next.output)")
        #expect(try Self.explorationSetIsComplete(out), "\(step)")
        #expect(Self.leftovers(out).isEmpty, "\(step): \(Self.leftovers(out))")
    }
}
