import Core
import Foundation

/// A run folder (`--out`) open for one stage: created when missing, locked against other runs for
/// as long as this value lives, and cleared of what interrupted runs left (``AtomicWriter/recover(in:)``).
///
/// ```swift
/// let output = try OutputFolder(URL(fileURLWithPath: "runs/sample"))
/// let forecasts = try output.stageOutput("forecasts.csv", writtenBy: "forecasting")
/// try notebook.write(to: output)
/// ```
public final class OutputFolder: Sendable {
    public let url: URL
    private let lock: OutputLock

    /// - Parameter lockTimeout: seconds to wait for another run holding the folder's lock.
    /// - Throws: ``OutputError``: an empty path, a folder that cannot be made, a lock held too long.
    public init(_ url: URL, lockTimeout: Double = 60) throws {
        guard !url.path.isEmpty else { throw OutputError.emptyOutputPath }
        if !FileManager.default.fileExists(atPath: url.path) {
            try DurableFile.makeFolder(url)
            try DurableFile.syncFolder(url.deletingLastPathComponent().path)
        }
        self.url = url
        lock = try OutputLock(url, timeout: lockTimeout)
        try AtomicWriter.recover(in: url)
    }

    /// A result file an earlier stage wrote here, after checking that stage's output set is complete.
    /// - Throws: ``StageError/missingStageOutput(file:stage:)`` when the file is not there,
    ///   ``OutputError/incompleteSet(file:stage:reason:)`` when its set is not complete.
    public func stageOutput(_ fileName: String, writtenBy stage: String) throws -> URL {
        let file = url.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw StageError.missingStageOutput(file: file.path, stage: stage)
        }
        return try OutputSet.verified(fileName, in: url, stage: stage)
    }

    /// Replaces the set of files of stage `stem` here as a unit (see ``AtomicWriter``).
    public func replaceSet(stem: String, with files: [(path: String, bytes: [UInt8])]) throws {
        try AtomicWriter.replaceSet(stem: stem, with: files, in: url)
    }
}
