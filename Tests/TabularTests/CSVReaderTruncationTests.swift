import Dispatch
import Foundation
import Testing
@testable import Tabular
#if canImport(Glibc)
import Glibc
#endif

/// A file that another process truncates or rewrites while it is read: every read gives a frame or
/// a `CSVError`, never a signal (a memory-mapped file that shrinks under the reader raises SIGBUS).
@Suite struct CSVReaderTruncationTests {
    /// `rows` lines of a three-column CSV.
    static func csv(rows: Int) -> [UInt8] {
        var text = "sku,units,price\n"
        for row in 0..<rows { text += "\(100_000 + row),\(row % 17),\(Double(row % 1000) / 8)\n" }
        return Array(text.utf8)
    }

    @Test(arguments: [3_000, 300_000])  // about 60 KiB and 7 MiB: one read, and reads in parts on all cores
    func readsSurviveConcurrentTruncation(rows: Int) throws {
        let bytes = Self.csv(rows: rows)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).csv").path
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let done = DispatchSemaphore(value: 0)
        let stop = ManagedAtomicFlag()
        DispatchQueue.global().async {
            var toggle = false
            while !stop.isSet {
                // Cut the file to a third, or to nothing, then write it whole again.
                _ = truncate(path, toggle ? off_t(bytes.count / 3) : 0)
                toggle.toggle()
                let descriptor = open(path, O_WRONLY)
                if descriptor >= 0 {
                    _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                    close(descriptor)
                }
            }
            done.signal()
        }
        var frames = 0, errors = 0
        for _ in 0..<40 {
            do {
                let frame = try DataFrame(contentsOfCSVFile: path)
                #expect(frame.rowCount <= rows)
                frames += 1
            } catch is CSVError {
                errors += 1
            }
        }
        stop.set()
        done.wait()
        #expect(frames + errors == 40)
    }

    @Test func aFileReadWholeIsOwnedByTheFrame() throws {
        let bytes = Self.csv(rows: 5_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("owned-\(UUID().uuidString).csv").path
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let frame = try DataFrame(contentsOfCSVFile: path)
        // Truncated after the read, the file no longer backs any of the frame's values.
        #expect(truncate(path, 0) == 0)
        #expect(frame.rowCount == 5_000)
        #expect(try frame["sku", Int.self].last == 104_999)
        #expect(try frame.doubles("units").reduce(0, +) == Double((0..<5_000).reduce(0) { $0 + $1 % 17 }))
    }
}

/// A flag set once, read from another thread.
private final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
