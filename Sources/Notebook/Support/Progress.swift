import Foundation

/// Progress of a long loop on the terminal's standard error: `forecasting 1,200/4,000 (30%)`, redrawn
/// in place at most ten times a second, and a final line when done. Silent when stderr is not a
/// terminal unless `always` is set, so that logs and tests stay clean.
public final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw: UInt64 = 0

    public init(_ label: String, total: Int, always: Bool = false) {
        self.label = label
        self.total = total
        enabled = always || isatty(STDERR_FILENO) != 0
    }

    /// Records `count` more items done; safe to call from several threads.
    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        record(done: done + count)
    }

    /// Sets the count of items done, as reported by a callback `(done, total)`.
    public func update(done newDone: Int) {
        lock.lock()
        defer { lock.unlock() }
        record(done: newDone)
    }

    private func record(done newDone: Int) {
        done = newDone
        let now = DispatchTime.now().uptimeNanoseconds
        guard enabled, done >= total || now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        let line = "\r\(label) \(CellFormat.grouped(done))/\(CellFormat.grouped(total)) (\(percent)%)"
        FileHandle.standardError.write(Data((line + (done >= total ? "\n" : "")).utf8))
    }
}
