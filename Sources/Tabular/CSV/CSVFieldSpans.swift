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

/// The spans of a run of records, column by column, grown a row at a time with no uniqueness or
/// bounds checks: written by one thread, then only read.
final class SpanTable: @unchecked Sendable {
    let columns: Int
    /// `columnBases[c][r]` is the span of row `r` in column `c`.
    private(set) var columnBases: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    private(set) var rows = 0
    private(set) var capacity: Int

    init(columns: Int, capacity: Int) {
        self.columns = columns
        self.capacity = Swift.max(16, capacity)
        columnBases = .allocate(capacity: Swift.max(1, columns))
        for column in 0..<columns { columnBases[column] = .allocate(capacity: self.capacity) }
    }

    deinit {
        for column in 0..<columns { columnBases[column].deallocate() }
        columnBases.deallocate()
    }

    /// Makes room for one more row.
    @inline(__always)
    func reserveRow() {
        if rows == capacity { grow() }
    }

    /// Counts the row whose spans were just written at index `rows`.
    @inline(__always)
    func commitRow() { rows += 1 }

    private func grow() {
        let newCapacity = capacity * 2
        for column in 0..<columns {
            let newBase = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
            newBase.update(from: columnBases[column], count: rows)
            columnBases[column].deallocate()
            columnBases[column] = newBase
        }
        capacity = newCapacity
    }
}

/// The spans of one column across all chunks, in row order.
struct ColumnSpans: @unchecked Sendable {
    /// Each chunk's spans of this column and their count, in file order.
    var parts: [(base: UnsafePointer<UInt64>, count: Int)]
    /// Keeps the tables alive.
    var owners: [SpanTable]

    init(tables: [SpanTable], column: Int) {
        owners = tables
        parts = tables.map { (UnsafePointer($0.columnBases[column]), $0.rows) }
    }

    var count: Int { parts.reduce(0) { $0 + $1.count } }

    /// Calls `body(row, span)` for every row in order; stops at the first `false`.
    @inline(__always)
    func forEach(_ body: (Int, UInt64) throws -> Bool) rethrows -> Bool {
        var row = 0
        for part in parts {
            let base = part.base
            for index in 0..<part.count {
                guard try body(row, base[index]) else { return false }
                row += 1
            }
        }
        return true
    }

    /// The span of `row` (slow: for error reports).
    func span(row: Int) -> UInt64? {
        var remaining = row
        for part in parts {
            if remaining < part.count { return part.base[remaining] }
            remaining -= part.count
        }
        return nil
    }
}
