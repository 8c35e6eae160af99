/// Which unquoted fields are missing values, matched on bytes.
struct CSVMissingTokens: Sendable {
    private let tokens: [[UInt8]]
    private let firstBytes: [Bool]
    let emptyIsMissing: Bool

    init(_ tokens: Set<String>) {
        let nonEmpty = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.tokens = nonEmpty
        emptyIsMissing = tokens.contains("")
        var first = [Bool](repeating: false, count: 256)
        for token in nonEmpty { if let byte = token.first { first[Int(byte)] = true } }
        firstBytes = first
    }

    /// Whether the text is a missing-value token (before considering quotes).
    @inline(__always)
    func matches(_ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        if length == 0 { return emptyIsMissing }
        guard firstBytes[Int(p[0])] else { return false }
        for token in tokens where token.count == length {
            if token.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, length) }) == 0 { return true }
        }
        return false
    }

    /// Missing in a column of numbers, booleans or dates: a token, or a quoted empty field.
    @inline(__always)
    func isMissingValue(_ bytes: UnsafePointer<UInt8>, _ span: UInt64) -> Bool {
        let length = FieldSpan.length(span)
        if length == 0 { return emptyIsMissing || FieldSpan.isQuoted(span) }
        return !FieldSpan.isQuoted(span) && matches(bytes + FieldSpan.start(span), length)
    }

    /// Missing in a text column: an unquoted token.
    @inline(__always)
    func isMissingText(_ bytes: UnsafePointer<UInt8>, _ span: UInt64) -> Bool {
        !FieldSpan.isQuoted(span) && matches(bytes + FieldSpan.start(span), FieldSpan.length(span))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns one column's field spans into a typed ``Column``: the schema's type, or the narrowest type
/// that holds every value of the column (inferred over the whole column).
///
/// Inference starts from the type of the first value and converts the column; a value that does
/// not fit widens the type (integer → double, date → dateTime, anything else → string) and the
/// conversion restarts from the spans in memory, never from the file. A column needs at most three
/// conversions, and nearly always one.
struct CSVColumnBuilder: Sendable {
    let bytes: CSVBytes
    let spans: ColumnSpans
    let rows: Int
    let index: Int
    let name: String
    let file: String
    let missing: CSVMissingTokens

    /// Where a conversion stopped: the row and span of the value that did not fit.
    struct Stop: Error {
        var row: Int
        var span: UInt64
    }

    func build(type schemaType: ColumnType?, infers: Bool) throws -> Column {
        if let schemaType {
            do {
                return Column(name: name, data: try convert(as: schemaType, strict: true))
            } catch let stop as Stop {
                throw diagnose(stop, expected: schemaType)
            }
        }
        guard infers else { return Column(name: name, data: try strings()) }
        let base = bytes.base
        var type: ColumnType = .string
        _ = spans.forEach { _, span in
            if missing.isMissingValue(base, span) { return true }
            type = CSVFieldParser.classify(base + FieldSpan.start(span), FieldSpan.length(span))
            return false
        }
        while true {
            do {
                return Column(name: name, data: try convert(as: type, strict: false))
            } catch let stop as Stop {
                let found = CSVFieldParser.classify(base + FieldSpan.start(stop.span), FieldSpan.length(stop.span))
                let widened = CSVFieldParser.join(type, found)
                if widened != type {
                    type = widened
                    continue
                }
                // Only a date or time that names no real one fits the type's shape but not the type:
                // an error, unless some other value makes the column text anyway.
                let isText = !spans.forEach { _, span in
                    if missing.isMissingValue(base, span) { return true }
                    let other = CSVFieldParser.classify(base + FieldSpan.start(span), FieldSpan.length(span))
                    return CSVFieldParser.join(type, other) != .string
                }
                if isText {
                    type = .string
                    continue
                }
                throw diagnose(stop, expected: type)
            }
        }
    }

    /// The error for a value that does not fit `expected`.
    private func diagnose(_ stop: Stop, expected: ColumnType) -> CSVError {
        let start = FieldSpan.start(stop.span), length = FieldSpan.length(stop.span)
        let p = bytes.base + start
        var kind = CSVError.Kind.typeMismatch(expected: expected)
        switch expected {
        case .integer:
            if case .overflow = CSVFieldParser.integer(p, length) { kind = .integerOverflow }
        case .date:
            if case .invalid = CSVFieldParser.date(p, length) { kind = .invalidDate }
        case .dateTime:
            if case .invalid = CSVFieldParser.dateTime(p, length) { kind = .invalidDate }
            if case .invalid = CSVFieldParser.date(p, length) { kind = .invalidDate }
        default:
            break
        }
        return CSVError(kind, file: file, line: bytes.line(at: start), column: index + 1, columnName: name,
                        value: bytes.excerpt(start: start, count: length))
    }

    // MARK: - Conversion

    private func convert(as type: ColumnType, strict: Bool) throws -> ColumnData {
        switch type {
        case .string:
            return try strings()
        case .integer:
            let (values, mask) = try values(absent: 0) { p, length -> Int? in
                switch CSVFieldParser.integer(p, length) {
                case let .value(value): return value
                case .overflow: return nil
                case .notInteger:
                    // A schema's integer column accepts integers written as decimals: 17850.0.
                    guard strict, let value = CSVFieldParser.double(p, length), value == value.rounded(),
                          value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else { return nil }
                    return Int(value)
                }
            }
            return .integer(values, missing: mask)
        case .double:
            let (values, mask) = try values(absent: Double.nan) { p, length in CSVFieldParser.double(p, length) }
            return .double(values, missing: mask)
        case .boolean:
            let (values, mask) = try values(absent: false) { p, length in CSVFieldParser.boolean(p, length) }
            return .boolean(values, missing: mask)
        case .date:
            let (values, mask) = try values(absent: 0) { p, length -> Int? in
                if case let .value(days) = CSVFieldParser.date(p, length) { return days }
                return nil
            }
            return .date(values, missing: mask)
        case .dateTime:
            let (values, mask) = try values(absent: 0) { p, length -> Int? in
                if length == 10, case let .value(days) = CSVFieldParser.date(p, length) { return days * 86_400 }
                if case let .value(seconds) = CSVFieldParser.dateTime(p, length) { return seconds }
                return nil
            }
            return .dateTime(values, missing: mask)
        }
    }

    /// Parses every non-missing field with `parse`; throws ``Stop`` at the first that gives nil.
    @inline(__always)
    private func values<T>(absent: T, _ parse: (UnsafePointer<UInt8>, Int) -> T?) throws -> ([T], MissingMask?) {
        let base = bytes.base
        var flags: [Bool]? = nil
        var stop: Stop?
        let values = [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
            _ = spans.forEach { row, span in
                if missing.isMissingValue(base, span) {
                    if flags == nil { flags = [Bool](repeating: false, count: rows) }
                    flags?[row] = true
                    buffer.initializeElement(at: row, to: absent)
                } else if let value = parse(base + FieldSpan.start(span), FieldSpan.length(span)) {
                    buffer.initializeElement(at: row, to: value)
                } else {
                    stop = Stop(row: row, span: span)
                    return false
                }
                initialized = row + 1
                return true
            }
        }
        if let stop { throw stop }
        return (values, flags.map(MissingMask.init))
    }

    /// Dictionary-encodes the column as text.
    private func strings() throws -> ColumnData {
        let base = bytes.base
        var encoder = CSVStringEncoder()
        let codes = [Int32](unsafeUninitializedCapacity: rows) { buffer, initialized in
            _ = spans.forEach { row, span in
                let code: Int32
                if missing.isMissingText(base, span) {
                    code = -1
                } else if FieldSpan.isEscaped(span) {
                    code = encoder.code(escaped: base + FieldSpan.start(span), FieldSpan.length(span), row: row)
                } else {
                    code = encoder.code(base + FieldSpan.start(span), FieldSpan.length(span), row: row)
                }
                buffer.initializeElement(at: row, to: code)
                initialized = row + 1
                return true
            }
        }
        switch encoder.categories() {
        case let .success(categories):
            return .string(codes: codes, categories: categories)
        case let .failure(invalid):
            let row = encoder.firstRows[invalid.index]
            let span = spans.span(row: row) ?? 0
            let start = FieldSpan.start(span)
            throw CSVError(.invalidUTF8, file: file, line: bytes.line(at: start), column: index + 1, columnName: name,
                           value: bytes.excerpt(start: start, count: FieldSpan.length(span)))
        }
    }
}
