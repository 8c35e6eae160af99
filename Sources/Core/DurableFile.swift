import Foundation

/// Writing that survives a crash or a power cut: the bytes of a file and the entries of a folder
/// reach the disk (fsync) before the next step relies on them.
public enum DurableFile {
    /// Writes `bytes` to a new file at `path` (replacing one there) and syncs it to disk.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(operation: "create", path: path, code: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw FileSystemError(operation: "write", path: path, code: errno) }
            offset += written
        }
        guard fsync(fd) == 0 else { throw FileSystemError(operation: "sync", path: path, code: errno) }
    }

    /// Syncs a folder's entries (the names of files created, renamed or removed in it) to disk.
    public static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileSystemError(operation: "sync", path: path, code: errno) }
    }

    /// Renames `from` over `to` in one step (rename(2): a reader sees the old file or the new one).
    public static func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw FileSystemError(operation: "rename into", path: to, code: errno) }
    }

    /// Creates a folder and its parents; fine when it exists.
    public static func makeFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError(operation: "create the folder", path: url.path, reason: error.localizedDescription)
        }
    }
}


/// A file-system call that failed: what, on which path, and the system's reason.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var reason: String

    public init(operation: String, path: String, code: Int32) {
        self.init(operation: operation, path: path, reason: String(cString: strerror(code)))
    }

    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
