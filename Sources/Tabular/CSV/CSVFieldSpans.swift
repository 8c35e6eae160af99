/// Where one field lies in the file's bytes, packed in 64 bits: the start (38 bits, files up to
/// 256 GiB), the length (24 bits, fields up to 16 MiB), whether the field was quoted and whether
/// its text holds doubled quotes that need unescaping. Quoted spans exclude the quotes.
struct FieldSpan {
    static let lengthShift: UInt64 = 38
    static let quotedBit: UInt64 = 1 << 62
    static let escapedBit: UInt64 = 1 << 63
    static let maximumLength = (1 << 24) - 1
    static let maximumOffset = (1 << 38) - 1

    @inline(__always)
    static func pack(start: Int, length: Int, quoted: Bool, escaped: Bool) -> UInt64 {
        UInt64(truncatingIfNeeded: start) | UInt64(truncatingIfNeeded: length) << lengthShift
            | (quoted ? quotedBit : 0) | (escaped ? escapedBit : 0)
    }

    @inline(__always) static func start(_ span: UInt64) -> Int { Int(truncatingIfNeeded: span & 0x3F_FFFF_FFFF) }
    @inline(__always) static func length(_ span: UInt64) -> Int { Int(truncatingIfNeeded: (span >> lengthShift) & 0xFF_FFFF) }
    @inline(__always) static func isQuoted(_ span: UInt64) -> Bool { span & quotedBit != 0 }
    @inline(__always) static func isEscaped(_ span: UInt64) -> Bool { span & escapedBit != 0 }
}

/// A growable array of packed spans with no uniqueness checks on append: the tokenizer's output for
/// one column of one chunk, written by one thread and then only read.
final class SpanBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt64>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func append(_ span: UInt64) {
        if count == capacity { grow() }
        base[count] = span
        count += 1
    }

    func removeLast() { count -= 1 }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    subscript(index: Int) -> UInt64 { base[index] }
}

/// The spans of one column across all chunks, in row order.
struct ColumnSpans: @unchecked Sendable {
    var chunks: [SpanBuffer]

    var count: Int { chunks.reduce(0) { $0 + $1.count } }

    /// Calls `body(row, span)` for every row in order; stops at the first `false`.
    @inline(__always)
    func forEach(_ body: (Int, UInt64) throws -> Bool) rethrows -> Bool {
        var row = 0
        for chunk in chunks {
            let base = chunk.base
            for index in 0..<chunk.count {
                guard try body(row, base[index]) else { return false }
                row += 1
            }
        }
        return true
    }

    /// The span of `row` (slow: for error reports).
    func span(row: Int) -> UInt64? {
        var remaining = row
        for chunk in chunks {
            if remaining < chunk.count { return chunk[remaining] }
            remaining -= chunk.count
        }
        return nil
    }
}
