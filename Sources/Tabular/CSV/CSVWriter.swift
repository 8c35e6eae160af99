import Core
import Foundation

/// How ``CSVWriter`` writes a frame.
public struct CSVWritingOptions: Sendable, Equatable {
    /// The field separator: one ASCII character other than `"`, CR and LF.
    public var delimiter: Character = ","
    /// Whether to write the column names first.
    public var includesHeader = true
    /// Whether records end with CR LF (RFC 4180) instead of LF.
    public var usesCRLF = false

    public init() {}
}

/// Writes a ``DataFrame`` as CSV that ``CSVReader`` reads back to an equal frame.
///
/// - Text is quoted when it holds the delimiter, a quote, CR or LF, when it is empty, when it starts
///   or ends with a space, or when it equals a missing-value token of the reader's defaults (`NA`, ...);
///   quotes inside are doubled.
/// - Missing values are empty fields.
/// - Doubles are written in the shortest form that reads back to the same double (`2.55`,
///   `17850.0`, `1e-07`, `inf`), integral doubles keeping their `.0` so that they read back as
///   doubles.
/// - Dates are `yyyy-MM-dd`, date-times `yyyy-MM-dd HH:mm:ss` (UTC), booleans `true` / `false`.
///
/// Round trip: `read(write(frame)) == frame` when every text column holds some value that does not
/// look like a number, boolean or date (otherwise inference reads a more specific type: pass the
/// frame's types in ``CSVReadingOptions/types``), and no column is entirely missing (read as text).
public struct CSVWriter: Sendable {
    public var options: CSVWritingOptions

    public init(options: CSVWritingOptions = CSVWritingOptions()) {
        self.options = options
    }

    /// The CSV text of `frame` as UTF-8 bytes (none for a frame without columns).
    /// - Throws: ``CSVError/Kind/invalidOptions(_:)`` for a delimiter that cannot be used.
    /// - Complexity: O(cells); each distinct text value is escaped once.
    public func bytes(of frame: DataFrame) throws -> [UInt8] {
        guard let delimiter = options.delimiter.asciiValue, options.delimiter.unicodeScalars.count == 1,
              delimiter != 0x22, delimiter != 0x0A, delimiter != 0x0D else {
            throw CSVError(.invalidOptions("the delimiter must be one ASCII character other than a quote or a line break, not '\(options.delimiter)'"),
                           file: "<output>")
        }
        guard frame.columnCount > 0 else { return [] }
        let lineEnd: [UInt8] = options.usesCRLF ? [0x0D, 0x0A] : [0x0A]
        var out: [UInt8] = []
        out.reserveCapacity(frame.rowCount * frame.columnCount * 8 + 64)
        if options.includesHeader {
            for (index, column) in frame.columns.enumerated() {
                if index > 0 { out.append(delimiter) }
                Self.appendText(column.name, delimiter: delimiter, to: &out)
            }
            out.append(contentsOf: lineEnd)
        }
        // Each column's cells are rendered once into a buffer of its own, then the rows are
        // interleaved: the type dispatch happens per column, not per cell.
        let rendered = frame.columns.map { Self.render($0, delimiter: delimiter) }
        var cursors = [Int](repeating: 0, count: rendered.count)
        for _ in 0..<frame.rowCount {
            for index in rendered.indices {
                if index > 0 { out.append(delimiter) }
                let (text, ends) = rendered[index]
                let cell = cursors[index]
                let start = cell == 0 ? 0 : ends[cell - 1]
                out.append(contentsOf: text[start..<ends[cell]])
                cursors[index] = cell + 1
            }
            out.append(contentsOf: lineEnd)
        }
        return out
    }

    /// Writes `frame` to `url` atomically and durably (``AtomicFile``: a temporary file beside
    /// it, synced, then renamed over it), so that a reader never sees half a file.
    public func write(_ frame: DataFrame, to url: URL) throws {
        let bytes = try bytes(of: frame)
        do {
            try AtomicFile.write(bytes, to: url)
        } catch let error as FileSystemError {
            throw CSVError(.unreadable(reason: "cannot write: \(error.reason)"), file: url.path)
        }
    }

    // MARK: - Cells

    /// The column's cells back to back and the end offset of each.
    private static func render(_ column: Column, delimiter: UInt8) -> (text: [UInt8], ends: [Int]) {
        var text: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(column.count)
        func emit(_ missing: MissingMask?, _ body: (Int, inout [UInt8]) -> Void) {
            for row in 0..<column.count {
                if missing?[row] != true { body(row, &text) }
                ends.append(text.count)
            }
        }
        switch column.data {
        case let .integer(values, missing):
            text.reserveCapacity(column.count * 6)
            emit(missing) { row, out in appendInteger(values[row], to: &out) }
        case let .double(values, missing):
            text.reserveCapacity(column.count * 6)
            emit(missing) { row, out in
                let value = values[row]
                if !value.isNaN { out.append(contentsOf: value.description.utf8) }
            }
        case let .boolean(values, missing):
            emit(missing) { row, out in out.append(contentsOf: values[row] ? Array("true".utf8) : Array("false".utf8)) }
        case let .date(values, missing):
            emit(missing) { row, out in appendDate(days: values[row], to: &out) }
        case let .dateTime(values, missing):
            emit(missing) { row, out in
                let seconds = values[row]
                let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
                let second = seconds - days * 86_400
                appendDate(days: days, to: &out)
                out.append(0x20)
                appendTwoDigits(second / 3600, to: &out)
                out.append(0x3A)
                appendTwoDigits(second / 60 % 60, to: &out)
                out.append(0x3A)
                appendTwoDigits(second % 60, to: &out)
            }
        case let .string(codes, categories):
            let escaped = categories.map { category -> [UInt8] in
                var bytes: [UInt8] = []
                appendText(category, delimiter: delimiter, to: &bytes)
                return bytes
            }
            for code in codes {
                if code >= 0 { text.append(contentsOf: escaped[Int(code)]) }
                ends.append(text.count)
            }
        }
        return (text, ends)
    }

    /// The reader's default missing-value tokens: text equal to one is quoted to stay text.
    private static let tokens: Set<String> = CSVReadingOptions().missingValues

    static func appendText(_ text: String, delimiter: UInt8, to out: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes = utf8.isEmpty || tokens.contains(text) || utf8.first == 0x20 || utf8.last == 0x20
            || utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    private static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value / 10) + 0x30)
        out.append(UInt8(truncatingIfNeeded: value % 10) + 0x30)
    }

    private static func appendDate(days: Int, to out: inout [UInt8]) {
        let date = CivilDate(days: days)
        if date.year < 0 || date.year > 9999 {
            out.append(contentsOf: date.description.utf8)
            return
        }
        appendTwoDigits(date.year / 100, to: &out)
        appendTwoDigits(date.year % 100, to: &out)
        out.append(0x2D)
        appendTwoDigits(date.month, to: &out)
        out.append(0x2D)
        appendTwoDigits(date.day, to: &out)
    }
}
