/// Which unquoted fields are missing values, matched on bytes.
struct CSVMissingTokens: Sendable {
    private let tokens: [[UInt8]]
    /// Which bytes start a token, as a 256-bit set: most fields are rejected on their first byte.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    let emptyIsMissing: Bool

    init(_ tokens: Set<String>) {
        let nonEmpty = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.tokens = nonEmpty
        emptyIsMissing = tokens.contains("")
        var first: [UInt64] = [0, 0, 0, 0]
        for token in nonEmpty { if let byte = token.first { first[Int(byte) >> 6] |= 1 << UInt64(byte & 63) } }
        firstBytes = (first[0], first[1], first[2], first[3])
    }

    @inline(__always)
    private func mayStartToken(_ byte: UInt8) -> Bool {
        let bit: UInt64 = 1 << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return firstBytes.0 & bit != 0
        case 1: return firstBytes.1 & bit != 0
        case 2: return firstBytes.2 & bit != 0
        default: return firstBytes.3 & bit != 0
        }
    }

    /// Whether the text is a missing-value token (before considering quotes).
    @inline(__always)
    func matches(_ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        if length == 0 { return emptyIsMissing }
        guard mayStartToken(p[0]) else { return false }
        return matchesSlowly(p, length)
    }

    private func matchesSlowly(_ p: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for token in tokens where token.count == length {
            if token.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memcmp($0, p, length) } }) == 0 { return true }
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
    /// Missing in columns of numbers, booleans and dates.
    let missing: CSVMissingTokens
    /// Missing in text columns.
    let missingText: CSVMissingTokens

    /// Where a conversion stopped: the row and span of the value that did not fit.
    struct Stop: Error {
        var row: Int
        var span: UInt64
    }

    /// The bytes of the column's first 1,000 fields: a guess at its conversion's cost.
    func sampledBytes() -> Int {
        var total = 0
        _ = spans.forEach { row, span in
            total += FieldSpan.length(span) + (FieldSpan.isQuoted(span) ? 8 : 0)
            return row < 1000
        }
        return total
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
            let (values, mask) = strict ? try values(LenientIntegerField.self) : try values(IntegerField.self)
            return .integer(values, missing: mask)
        case .double:
            let (values, mask) = try values(DoubleField.self)
            return .double(values, missing: mask)
        case .boolean:
            let (values, mask) = try values(BooleanField.self)
            return .boolean(values, missing: mask)
        case .date:
            let (values, mask) = try values(DateField.self)
            return .date(values, missing: mask)
        case .dateTime:
            let (values, mask) = try values(DateTimeField.self)
            return .dateTime(values, missing: mask)
        }
    }

    /// Parses every non-missing field; throws ``Stop`` at the first that does not parse.
    @inline(__always)
    private func values<Field: CSVTypedField>(_: Field.Type) throws -> ([Field.Value], MissingMask?) {
        let base = bytes.base
        var flags: [Bool]? = nil
        var stop: Stop?
        let missing = self.missing
        let values = [Field.Value](unsafeUninitializedCapacity: rows) { buffer, initialized in
            _ = spans.forEach { row, span in
                if missing.isMissingValue(base, span) {
                    if flags == nil { flags = [Bool](repeating: false, count: rows) }
                    flags?[row] = true
                    buffer.initializeElement(at: row, to: Field.absent)
                } else if let value = Field.parse(base + FieldSpan.start(span), FieldSpan.length(span)) {
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
        let encoder = CSVStringEncoder()
        let missing = self.missingText
        // Neighbouring rows often repeat a value (the lines of one invoice): compare with the
        // previous field before hashing.
        var previousStart = 0, previousLength = -1
        var previousCode: Int32 = -1
        let codes = [Int32](unsafeUninitializedCapacity: rows) { buffer, initialized in
            _ = spans.forEach { row, span in
                let code: Int32
                let start = FieldSpan.start(span), length = FieldSpan.length(span)
                if missing.isMissingText(base, span) {
                    code = -1
                } else if FieldSpan.isEscaped(span) {
                    code = encoder.code(escaped: base + start, length, row: row)
                } else if length == previousLength, CSVStringEncoder.equal(base + start, base + previousStart, length) {
                    code = previousCode
                } else {
                    code = encoder.code(base + start, length, row: row)
                    previousStart = start
                    previousLength = length
                    previousCode = code
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

// MARK: - Typed fields

/// How the fields of one column type parse, as a type so that the conversion loop is specialized
/// for each (no closure call per field).
protocol CSVTypedField {
    associatedtype Value
    /// The value stored under a missing one.
    static var absent: Value { get }
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Value?
}

enum IntegerField: CSVTypedField {
    static var absent: Int { 0 }
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        if case let .value(value) = CSVFieldParser.integer(p, length) { return value }
        return nil
    }
}

/// A schema's integers: also integers written as exactly integral decimals (`17850.0`).
enum LenientIntegerField: CSVTypedField {
    static var absent: Int { 0 }
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        switch CSVFieldParser.integer(p, length) {
        case let .value(value): return value
        case .overflow: return nil
        case .notInteger:
            guard let value = CSVFieldParser.double(p, length), value == value.rounded(),
                  value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else { return nil }
            return Int(value)
        }
    }
}

enum DoubleField: CSVTypedField {
    static var absent: Double { .nan }
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Double? { CSVFieldParser.double(p, length) }
}

enum BooleanField: CSVTypedField {
    static var absent: Bool { false }
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Bool? { CSVFieldParser.boolean(p, length) }
}

enum DateField: CSVTypedField {
    static var absent: Int { 0 }
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        if case let .value(days) = CSVFieldParser.date(p, length) { return days }
        return nil
    }
}

/// Date-times; a bare date is midnight.
enum DateTimeField: CSVTypedField {
    static var absent: Int { 0 }
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        if length == 10, case let .value(days) = CSVFieldParser.date(p, length) { return days * 86_400 }
        if case let .value(seconds) = CSVFieldParser.dateTime(p, length) { return seconds }
        return nil
    }
}
