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

    public init() {}

    /// The manifest's URL.
    public var manifestURL: URL { URL(fileURLWithPath: data) }

    /// The run folder.
    public var outputDirectory: URL {
        if let out { return URL(fileURLWithPath: out) }
        let folder = manifestURL.deletingLastPathComponent().standardizedFileURL
        if folder.lastPathComponent == "sample" { return URL(fileURLWithPath: "notebooks") }
        return URL(fileURLWithPath: "runs").appendingPathComponent(folder.lastPathComponent)
    }

    /// A result file an earlier stage wrote into the run folder.
    /// - Throws: a clear error naming the stage to run first when the file is not there.
    public func stageOutput(_ fileName: String, writtenBy stage: String) throws -> URL {
        let url = outputDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StageError.missingStageOutput(file: url.path, stage: stage)
        }
        return url
    }
}

/// Why a stage cannot run.
public enum StageError: Error, Sendable, CustomStringConvertible {
    /// An earlier stage's output is not in the run folder.
    case missingStageOutput(file: String, stage: String)
    /// The data do not support the stage, with a sentence that says why.
    case unusableData(String)

    public var description: String {
        switch self {
        case let .missingStageOutput(file, stage):
            return "\(file) does not exist: run the \(stage) stage first (with the same --data and --out)"
        case let .unusableData(message):
            return message
        }
    }
}
