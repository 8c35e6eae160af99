@_exported import ArgumentParser
import Foundation

/// The flags every notebook script takes: which dataset, where the run goes, and the seed.
///
/// `--out` defaults to `notebooks/` for the bundled sample and to `runs/<dataset name>/` otherwise,
/// so that each stage finds the previous stages' outputs there.
public struct StageOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "The dataset manifest (dataset.toml).")
    public var data: String = "data/sample/dataset.toml"

    @Option(name: .long, help: "A transactions file to read instead of the one the manifest names.")
    public var transactions: String?

    @Option(name: .long, help: "The run folder: notebooks, figures and result files (default: notebooks/ for the sample, runs/<dataset>/ otherwise).")
    public var out: String?

    @Option(name: .long, help: "The random seed of every stochastic step.")
    public var seed: UInt64 = 42

    @Option(name: .long, help: "The largest share of units (0 to 1) a cleaning rule with a data-driven threshold (outliers, far_dates) or the manifest check (unknown_locations) may drop before the stage stops.")
    public var maxDropShare: Double = 0.05

    @Option(name: .long, help: "A cleaning rule allowed to drop more than --max-drop-share (outliers, far_dates, unknown_locations, or all); repeatable.")
    public var allowDrop: [String] = []

    @Option(name: .long, help: "Seconds to wait for another run writing into --out before giving up.")
    public var lockTimeout: Double = 60

    public init() {}

    public func validate() throws {
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out must name a folder, got an empty path (leave it out for the default run folder)")
        }
        try requireOption("max-drop-share", maxDropShare, within: 0...1)
        try requireOption("lock-timeout", lockTimeout, within: 0...86_400, unit: "seconds")
    }

    /// The manifest's URL.
    public var manifestURL: URL { URL(fileURLWithPath: data) }

    /// The run folder.
    public var outputDirectory: URL {
        if let out { return URL(fileURLWithPath: out) }
        let folder = manifestURL.deletingLastPathComponent().standardizedFileURL
        if folder.lastPathComponent == "sample" { return URL(fileURLWithPath: "notebooks") }
        return URL(fileURLWithPath: "runs").appendingPathComponent(folder.lastPathComponent)
    }

    /// Opens the run folder for this stage: creates it, takes its lock (waiting up to
    /// `--lock-timeout` seconds for another run) and completes or clears what an interrupted run
    /// left there. Call it first, before reading an earlier stage's output; keep the value for the
    /// whole run.
    public func openOutput() throws -> OutputFolder {
        try OutputFolder(outputDirectory, lockTimeout: lockTimeout)
    }
}

/// Why a stage cannot run.
public enum StageError: Error, Sendable, CustomStringConvertible {
    /// An earlier stage's output is not in the run folder.
    case missingStageOutput(file: String, stage: String)
    /// The data do not support the stage, with a sentence that says why.
    case unusableData(String)
    /// A step of a stage needs more of something (customers, weeks) than the data have.
    case notEnoughData(stage: String, step: String, needed: Int, found: Int, unit: String)

    /// Fails with ``notEnoughData(stage:step:needed:found:unit:)`` when `found` is below `needed`:
    /// `segmentation: k-means over 3 or more segments needs at least 4 customers; the data have 1`.
    public static func require(_ found: Int, atLeast needed: Int, _ unit: String, stage: String, for step: String) throws {
        guard found < needed else { return }
        throw StageError.notEnoughData(stage: stage, step: step, needed: needed, found: found, unit: unit)
    }

    public var description: String {
        switch self {
        case let .missingStageOutput(file, stage):
            return "\(file) does not exist: run the \(stage) stage first (with the same --data and --out)"
        case let .unusableData(message):
            return message
        case let .notEnoughData(stage, step, needed, found, unit):
            return "\(stage): \(step) needs at least \(needed) \(unit); the data have \(found). Give the \(stage) stage data with more \(unit)"
        }
    }
}
