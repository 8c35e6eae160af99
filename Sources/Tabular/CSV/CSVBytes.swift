#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, named apart from ``CSVBytes/read(path:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// An owned, immutable-once-filled block of bytes: the whole CSV text, read or inflated once, that
/// the tokenizer's threads share without copying.
final class CSVBytes: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    convenience init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(capacity: bytes.count)
        _ = UnsafeMutableBufferPointer(start: base, count: capacity).initialize(from: bytes)
        count = bytes.count
    }

    deinit { base.deallocate() }

    /// Makes room for at least `minimum` bytes, keeping the content.
    func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let newCapacity = Swift.max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Room after the content, to be filled and then committed with `didAppend`.
    var freeSpace: UnsafeMutablePointer<UInt8> { base + count }

    func didAppend(_ bytes: Int) { count += bytes }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Reads the whole file at `path`.
    static func read(path: String) throws -> CSVBytes {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw CSVError(.fileNotFound, file: path) }
            throw CSVError(.unreadable(reason: String(cString: strerror(code))), file: path)
        }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        let bytes = CSVBytes(capacity: size + 1)
        while true {
            if bytes.count == bytes.capacity { bytes.reserve(bytes.capacity * 2) }
            let got = systemRead(descriptor, bytes.freeSpace, bytes.capacity - bytes.count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw CSVError(.unreadable(reason: String(cString: strerror(errno))), file: path)
            }
            bytes.didAppend(got)
        }
        return bytes
    }

    /// The 1-based physical line of the byte at `offset`: line breaks before it are LF, CR LF, or a
    /// lone CR.
    func line(at offset: Int) -> Int {
        var line = 1
        var position = 0
        let end = Swift.min(offset, count)
        while position < end {
            let byte = base[position]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D, position + 1 >= count || base[position + 1] != 0x0A {
                line += 1
            }
            position += 1
        }
        return line
    }

    /// The text of `count` bytes at `start` for an error message: invalid UTF-8 is replaced, long
    /// text shortened.
    func excerpt(start: Int, count length: Int) -> String {
        let shown = Swift.min(length, 240)
        var text = String(decoding: UnsafeBufferPointer(start: base + start, count: Swift.max(0, shown)), as: UTF8.self)
        if text.count > 80 { text = String(text.prefix(77)) + "..." } else if shown < length { text += "..." }
        return text
    }
}
