import Foundation

/// One file replaced atomically and durably: a reader sees the old file or the new one, never half
/// of either, and after a crash the disk holds one of them. The one writer behind CSV files,
/// figures, the synthetic dataset and (through ``DurableFile``) the notebook stages' output sets.
///
/// ```swift
/// try AtomicFile.write(Array(csv.utf8), to: URL(fileURLWithPath: "out/segments.csv"))
/// ```
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `url` (`.name.<pid>.<random>.tmp`), syncs it,
    /// renames it over `url` and syncs the folder.
    /// - Throws: ``FileSystemError``; the temporary file is removed on every error path and `url`
    ///   keeps its previous content.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try DurableFile.write(bytes, to: temporary.path)
            try DurableFile.rename(temporary.path, to: url.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        try DurableFile.syncFolder(folder.path)
    }
}
