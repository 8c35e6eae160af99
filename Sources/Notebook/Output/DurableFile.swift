import Foundation

/// Writing that survives a crash or a power cut: the bytes of a file and the entries of a folder
/// reach the disk (fsync) before the next step relies on them.
enum DurableFile {
    /// Writes `bytes` to a new file at `path` (replacing one there) and syncs it to disk.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.system(operation: "create", path: path, code: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw OutputError.system(operation: "write", path: path, code: errno) }
            offset += written
        }
        guard fsync(fd) == 0 else { throw OutputError.system(operation: "sync", path: path, code: errno) }
    }

    /// Syncs a folder's entries (the names of files created, renamed or removed in it) to disk.
    static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.system(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw OutputError.system(operation: "sync", path: path, code: errno) }
    }

    /// Renames `from` over `to` in one step (rename(2): a reader sees the old file or the new one).
    static func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw OutputError.system(operation: "rename into", path: to, code: errno) }
    }

    /// Creates a folder and its parents; fine when it exists.
    static func makeFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreateFolder(path: url.path, reason: error.localizedDescription)
        }
    }
}

/// Why a stage's outputs could not be written or read.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed on a path.
    case system(operation: String, path: String, code: Int32)
    /// A folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// Another run holds the lock on the output folder.
    case locked(folder: String, waited: Double)
    /// `--out` names no folder.
    case emptyOutputPath
    /// A stage's output set is missing a file, or a file differs from what the set recorded.
    case incompleteSet(file: String, stage: String, reason: String)
    /// A failure injected for testing (`RESTOCK_WRITE_FAULT`).
    case injected(step: Int)

    public var description: String {
        switch self {
        case let .system(operation, path, code):
            return "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path): \(reason)"
        case let .locked(folder, waited):
            let wait = waited > 0 ? " after waiting \(Int(waited)) s" : ""
            return "another run is writing into \(folder) (it holds the lock)\(wait): wait for it to finish, pass --lock-timeout SECONDS to wait longer, or use another --out"
        case .emptyOutputPath:
            return "--out must name a folder, got an empty path"
        case let .incompleteSet(file, stage, reason):
            return "\(file) is not part of a complete output set (\(reason)): run the \(stage) stage again (with the same --data and --out)"
        case let .injected(step):
            return "write failed at step \(step) (injected by RESTOCK_WRITE_FAULT)"
        }
    }
}
