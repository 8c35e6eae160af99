import Core
import Foundation

/// An advisory lock (flock(2)) on an output folder, held while a stage reads and writes there, so
/// that a second run into the same folder waits or fails with a clear message rather than mixing
/// its files with the first run's. The lock is on the folder itself: no lock file is left behind,
/// and the kernel releases it when the process ends, however it ends.
public final class OutputLock: Sendable {
    /// The locked folder.
    public let folder: URL
    private let descriptor: Int32

    /// Opens `folder` (which must exist) and takes its lock, waiting up to `timeout` seconds.
    /// - Throws: ``OutputError/locked(folder:waited:)`` when another process still holds it.
    public init(_ folder: URL, timeout: Double) throws {
        self.folder = folder
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: folder.path, code: errno) }
        let start = Date()
        var announced = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let waited = Date().timeIntervalSince(start)
            guard errno == EWOULDBLOCK || errno == EINTR, waited < timeout else {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK || code == EINTR { throw OutputError.locked(folder: folder.path, waited: waited) }
                throw FileSystemError(operation: "lock", path: folder.path, code: code)
            }
            if !announced {
                StageLog.note("waiting for another run writing into \(folder.path) (up to \(Int(timeout)) s)")
                announced = true
            }
            usleep(100_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
