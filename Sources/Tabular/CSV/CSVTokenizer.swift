import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits CSV bytes into records and fields (RFC 4180), recording each field's span per column.
///
/// Large inputs are cut into chunks at line breaks and tokenized on all cores. A cut is a guess:
/// a line break inside a quoted field looks like any other. So each chunk's tokenizer finishes the
/// record it is in when it reaches its end, and the chunks are then checked in order: a chunk whose
/// guessed start differs from where the previous chunk really stopped is tokenized again from there.
/// Files without line breaks inside quotes (nearly all) are tokenized once.
struct CSVTokenizer: @unchecked Sendable {
    /// A tokenizing error, located by byte offset; the line is counted only when one is thrown.
    struct Failure: Error {
        var kind: CSVError.Kind
        var offset: Int
        var column: Int?
        var valueStart: Int
        /// Negative when the error shows no value.
        var valueLength: Int
    }

    /// The fields of a run of records, one span buffer per column.
    struct Chunk {
        var table: SpanTable
        var start: Int
        /// The offset after the last record tokenized.
        var stop: Int
        var failure: Failure?
    }

    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// The bytes, followed by ``CSVBytes``' padding (a line feed first).
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8

    init(bytes: CSVBytes, delimiter: UInt8) {
        self.bytes = UnsafePointer(bytes.base)
        self.count = bytes.count
        self.delimiter = delimiter
    }

    // MARK: - One record, for the header

    /// The spans of the record at `start` and the offset after it, with no limit on the fields.
    func record(at start: Int) throws(Failure) -> (spans: [UInt64], next: Int) {
        var spans: [UInt64] = []
        var position = start
        while true {
            let (span, after) = try field(at: position, column: spans.count + 1)
            spans.append(span)
            position = after
            if position >= count { break }
            let byte = bytes[position]
            position += 1
            if byte == delimiter { continue }
            if byte == Self.carriageReturn, position < count, bytes[position] == Self.lineFeed { position += 1 }
            break
        }
        return (spans, position)
    }

    /// One field at `start`: its span and the offset of the byte that ends it (delimiter, line
    /// break, or the end of the bytes).
    @inline(__always)
    func field(at start: Int, column: Int) throws(Failure) -> (UInt64, Int) {
        var position = start
        if position < count, bytes[position] == Self.quote {
            var escaped = false
            var search = position + 1
            while true {
                guard search < count, let found = memchr(bytes + search, Int32(Self.quote), count - search) else {
                    var shown = start + 1  // the opening quote and the rest of its line
                    while shown < count, shown - start < 40, bytes[shown] != Self.lineFeed, bytes[shown] != Self.carriageReturn { shown += 1 }
                    throw Failure(kind: .unterminatedQuote, offset: start, column: column,
                                  valueStart: start, valueLength: shown - start)
                }
                let at = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 1 < count, bytes[at + 1] == Self.quote {
                    escaped = true
                    search = at + 2
                    continue
                }
                position = at + 1
                if position < count {
                    let next = bytes[position]
                    if next != delimiter, next != Self.lineFeed, next != Self.carriageReturn {
                        throw Failure(kind: .unexpectedCharacterAfterQuote, offset: position, column: column,
                                      valueStart: start, valueLength: position + 1 - start)
                    }
                }
                let length = at - start - 1
                guard length <= FieldSpan.maximumLength else {
                    throw Failure(kind: .fieldTooLong, offset: start, column: column, valueStart: start, valueLength: 40)
                }
                return (FieldSpan.pack(start: start + 1, length: length, quoted: true, escaped: escaped), position)
            }
        }
        while position < count {
            let byte = bytes[position]
            if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            if byte == Self.quote {
                var end = position
                while end < count, bytes[end] != delimiter, bytes[end] != Self.lineFeed, bytes[end] != Self.carriageReturn { end += 1 }
                throw Failure(kind: .quoteInUnquotedField, offset: position, column: column,
                              valueStart: start, valueLength: end - start)
            }
            position += 1
        }
        guard position - start <= FieldSpan.maximumLength else {
            throw Failure(kind: .fieldTooLong, offset: start, column: column, valueStart: start, valueLength: 40)
        }
        return (FieldSpan.pack(start: start, length: position - start, quoted: false, escaped: false), position)
    }

    // MARK: - Records of a chunk

    /// Tokenizes the records that start in `start..<end` (the last one may run past `end`), each of
    /// which must have `columns` fields. A line with nothing on it is skipped when there are several
    /// columns, and is a missing value when there is one.
    ///
    /// Relies on the line feed that ``CSVBytes`` keeps after the content: unquoted scans stop there
    /// without a bounds test per byte.
    func chunk(from start: Int, to end: Int, columns: Int, expectedRows: Int) -> Chunk {
        let table = SpanTable(columns: columns, capacity: expectedRows)
        let p = bytes, n = count, delimiter = self.delimiter
        // Byte-parallel search (SWAR) for the four bytes that end an unquoted field.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delimiters = ones &* UInt64(delimiter), quotes = ones &* UInt64(Self.quote)
        let lineFeeds = ones &* UInt64(Self.lineFeed), returns = ones &* UInt64(Self.carriageReturn)
        let raw = UnsafeRawPointer(p)
        var position = start
        do throws(Failure) {
            while position < end {
                table.reserveRow()
                let row = table.rows
                var column = 0
                var lastSpan: UInt64 = 0
                var firstExtra: UInt64 = 0
                while true {
                    let span: UInt64
                    if p[position] == Self.quote, position < n {
                        (span, position) = try field(at: position, column: column + 1)
                    } else {
                        let fieldStart = position
                        while true {
                            // The padding after the content keeps these loads inside the buffer,
                            // and its line feed stops the scan.
                            let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                            let a = word ^ delimiters, b = word ^ quotes, c = word ^ lineFeeds, d = word ^ returns
                            let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c | (d &- ones) & ~d) & highs
                            if found != 0 {
                                position += found.trailingZeroBitCount >> 3
                                break
                            }
                            position += 8
                        }
                        if position < n, p[position] == Self.quote {
                            (_, _) = try field(at: fieldStart, column: column + 1)  // throws the quote error
                        }
                        if position > n { position = n }
                        let length = position - fieldStart
                        guard length <= FieldSpan.maximumLength else {
                            throw Failure(kind: .fieldTooLong, offset: fieldStart, column: column + 1, valueStart: fieldStart, valueLength: 40)
                        }
                        span = FieldSpan.pack(start: fieldStart, length: length, quoted: false, escaped: false)
                    }
                    if column < columns { table.columnBases[column][row] = span } else if column == columns { firstExtra = span }
                    column += 1
                    lastSpan = span
                    if position >= n { break }
                    let byte = p[position]
                    position += 1
                    if byte == delimiter { continue }
                    if byte == Self.carriageReturn, position < n, p[position] == Self.lineFeed { position += 1 }
                    break
                }
                if column != columns {
                    if column == 1, FieldSpan.length(lastSpan) == 0, !FieldSpan.isQuoted(lastSpan) {
                        continue  // a blank line
                    }
                    if column > columns {
                        throw Failure(kind: .tooManyFields(expected: columns, found: column),
                                      offset: FieldSpan.start(firstExtra), column: columns + 1,
                                      valueStart: FieldSpan.start(firstExtra), valueLength: FieldSpan.length(firstExtra))
                    }
                    throw Failure(kind: .tooFewFields(expected: columns, found: column),
                                  offset: Swift.max(start, position - 1), column: column + 1,
                                  valueStart: 0, valueLength: -1)
                }
                table.commitRow()
            }
            return Chunk(table: table, start: start, stop: position, failure: nil)
        } catch {
            return Chunk(table: table, start: start, stop: position, failure: error)
        }
    }

    /// Tokenizes `start..<count` into chunks, on all cores when `parallel` and the input is large.
    /// - Returns: the chunks in order, or the first failure in the file.
    func records(from start: Int, columns: Int, parallel: Bool) throws(Failure) -> [Chunk] {
        let length = count - start
        // Estimate rows from the first 64 KiB to size the span buffers.
        let sample = Swift.min(length, 1 << 16)
        var breaks = 0
        for offset in start..<(start + sample) where bytes[offset] == Self.lineFeed { breaks += 1 }
        let bytesPerRow = breaks > 0 ? Swift.max(1, sample / breaks) : Swift.max(1, sample)
        let cores = parallel ? System.activeProcessorCount : 1
        let chunkCount = length < (1 << 20) || cores < 2 ? 1 : Swift.min(cores * 4, length / (1 << 18))
        guard chunkCount > 1 else {
            let chunk = chunk(from: start, to: count, columns: columns, expectedRows: length / bytesPerRow + 16)
            if let failure = chunk.failure { throw failure }
            return [chunk]
        }
        var starts = [start]
        for index in 1..<chunkCount {
            var cut = start + length / chunkCount * index
            while cut < count, bytes[cut] != Self.lineFeed { cut += 1 }
            cut = Swift.min(count, cut + 1)
            if cut > starts[starts.count - 1] { starts.append(cut) }
        }
        let ends = Array(starts.dropFirst()) + [count]
        let slots = UnsafeMutableBufferPointer<Chunk?>.allocate(capacity: starts.count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize().deallocate() }
        let shared = SendablePointer(slots)
        let tokenizer = self
        let cuts = starts
        DispatchQueue.concurrentPerform(iterations: cuts.count) { index in
            let rows = (ends[index] - cuts[index]) / bytesPerRow + 16
            shared.buffer[index] = tokenizer.chunk(from: cuts[index], to: ends[index], columns: columns, expectedRows: rows)
        }
        var chunks: [Chunk] = []
        var stop = start
        for index in 0..<starts.count {
            guard var chunk = slots[index] else { continue }
            if chunk.start != stop {
                // The guessed cut fell inside a quoted field (or a record ran past it): redo from
                // where the previous chunk really stopped.
                chunk = self.chunk(from: stop, to: Swift.max(stop, ends[index]), columns: columns,
                                   expectedRows: (ends[index] - starts[index]) / bytesPerRow + 16)
            }
            if let failure = chunk.failure { throw failure }
            stop = chunk.stop
            chunks.append(chunk)
        }
        return chunks
    }
}

/// A buffer shared by the iterations of `concurrentPerform`, each writing its own index.
struct SendablePointer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

enum System {
    /// The cores this process may use.
    static var activeProcessorCount: Int { Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
