import Foundation

/// Writes a set of files so that either all of them replace the old ones or none does.
public enum AtomicWriter {
    /// Writes each (relative path, bytes) pair under `directory`: first every file to a hidden
    /// temporary name beside its destination, then one rename each. A failure while writing removes
    /// the temporary files and leaves the previous outputs as they were.
    public static func write(_ files: [(String, [UInt8])], into directory: URL) throws {
        let manager = FileManager.default
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for (path, bytes) in files {
                let final = directory.appendingPathComponent(path)
                try manager.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = final.deletingLastPathComponent()
                    .appendingPathComponent(".\(final.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
                try Data(bytes).write(to: temporary)
                staged.append((temporary, final))
            }
        } catch {
            for file in staged { try? manager.removeItem(at: file.temporary) }
            throw error
        }
        for file in staged {
            if rename(file.temporary.path, file.final.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.final.path])
            }
        }
    }
}
