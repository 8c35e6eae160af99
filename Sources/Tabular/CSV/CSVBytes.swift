import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, named apart from ``CSVBytes/read(path:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// A raw pointer handed to the threads of `concurrentPerform`, each writing its own range.
struct SendableBytes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
}

/// An owned, immutable-once-filled block of bytes: the whole CSV text, read or inflated once, that
/// the tokenizer's threads share without copying.
final class CSVBytes: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    private(set) var capacity: Int
    /// The length of the anonymous mapping `base` starts, or 0 when `base` came from `allocate`.
    private var mappedLength = 0

    /// Bytes kept after the content: a line feed the tokenizer's scans stop at, and zeros so that
    /// eight-byte loads at the content's end stay inside the allocation.
    static let padding = 16

    init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        (base, mappedLength) = Self.allocate(self.capacity + Self.padding)
        count = 0
        seal()
    }

    /// Memory for `bytes` bytes: from `malloc` when small; a large buffer is an anonymous mapping
    /// that asks for transparent huge pages, which makes filling it several times faster (the kernel
    /// zeroes and maps 2 MiB at a time rather than faulting in 4 KiB pages one by one).
    private static func allocate(_ bytes: Int) -> (UnsafeMutablePointer<UInt8>, mappedLength: Int) {
        #if os(Linux)
        if bytes >= 1 << 21,
           let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), address != MAP_FAILED {
            _ = madvise(address, bytes, MADV_HUGEPAGE)
            return (address.assumingMemoryBound(to: UInt8.self), bytes)
        }
        #endif
        return (.allocate(capacity: bytes), 0)
    }

    private static func release(_ base: UnsafeMutablePointer<UInt8>, mappedLength: Int) {
        if mappedLength > 0 { munmap(base, mappedLength) } else { base.deallocate() }
    }

    /// Writes the padding after the content.
    func seal() {
        (base + count).initialize(repeating: 0, count: Self.padding)
        base[count] = 0x0A
    }

    convenience init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(capacity: bytes.count)
        _ = UnsafeMutableBufferPointer(start: base, count: capacity).initialize(from: bytes)
        count = bytes.count
        seal()
    }

    deinit {
        Self.release(base, mappedLength: mappedLength)
    }

    /// Makes room for at least `minimum` bytes, keeping the content.
    func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let newCapacity = Swift.max(minimum, capacity * 2)
        let (newBase, newLength) = Self.allocate(newCapacity + Self.padding)
        newBase.update(from: base, count: count)
        Self.release(base, mappedLength: mappedLength)
        base = newBase
        mappedLength = newLength
        capacity = newCapacity
    }

    /// Room after the content, to be filled and then committed with `didAppend`.
    var freeSpace: UnsafeMutablePointer<UInt8> { base + count }

    func didAppend(_ bytes: Int) {
        count += bytes
        seal()
    }

    /// Sets the content's length after bytes were written at `base` directly (by a streaming
    /// inflate), and writes the padding after it.
    func setCount(_ newCount: Int) {
        count = Swift.min(newCount, capacity)
        seal()
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// A failure code of the parallel read, apart from every `errno`: the file ended early.
    private static let shrank: Int32 = -1

    /// Reads the whole file at `path` with `read(2)` into an owned buffer; a large regular file is
    /// read in parts on all cores (the kernel's copy and the page faults of the buffer then run in
    /// parallel).
    ///
    /// The file is never memory-mapped: a mapped file that another process truncates while it is
    /// parsed kills the process with SIGBUS. Read into memory, a file that shrinks while it is read
    /// is an error (``CSVError/Kind/unreadable(reason:)``) and one that shrinks afterwards is harmless.
    static func read(path: String) throws -> CSVBytes {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw CSVError(.fileNotFound, file: path) }
            throw CSVError(.unreadable(reason: String(cString: strerror(code))), file: path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw CSVError(.unreadable(reason: String(cString: strerror(errno))), file: path)
        }
        if status.st_mode & S_IFMT == S_IFDIR { throw CSVError(.unreadable(reason: "it is a directory"), file: path) }
        let size = Int(status.st_size)
        let bytes = CSVBytes(capacity: size + 1)
        if status.st_mode & S_IFMT == S_IFREG, size >= 1 << 22 {
            let parts = Swift.max(1, Swift.min(System.activeProcessorCount * 2, 16))
            let base = SendableBytes(base: bytes.base)
            let failures = UnsafeMutableBufferPointer<Int32>.allocate(capacity: parts)
            failures.initialize(repeating: 0)
            defer { failures.deallocate() }
            let shared = SendablePointer(failures)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var offset = size / parts * part
                let end = part == parts - 1 ? size : size / parts * (part + 1)
                while offset < end {
                    let got = pread(descriptor, base.base + offset, end - offset, off_t(offset))
                    if got < 0, errno == EINTR { continue }
                    if got <= 0 {
                        shared.buffer[part] = got == 0 ? Self.shrank : errno
                        return
                    }
                    offset += got
                }
            }
            if let failure = failures.first(where: { $0 != 0 }) {
                let reason = failure == Self.shrank ? "the file shrank while it was read" : String(cString: strerror(failure))
                throw CSVError(.unreadable(reason: reason), file: path)
            }
            bytes.didAppend(size)
            // The file may have grown since fstat: read the rest sequentially.
            _ = lseek(descriptor, off_t(size), SEEK_SET)
        }
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
