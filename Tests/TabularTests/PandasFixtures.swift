import Foundation
import Testing
@testable import Tabular

/// A JSON document as written by the fixture generators, read by a small byte parser (the
/// fixtures are large, and decoding them through `Decodable` one guess at a time is slow).
enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    struct SyntaxError: Error { var offset: Int }

    static func parse(_ data: Data) throws -> JSON {
        let bytes = [UInt8](data)
        var index = 0
        let value = try bytes.withUnsafeBufferPointer { try parseValue($0, &index) }
        return value
    }

    private static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private static func parseValue(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws -> JSON {
        skipSpace(b, &i)
        guard i < b.count else { throw SyntaxError(offset: i) }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [String: JSON] = [:]
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipSpace(b, &i)
                guard case let .string(key) = try parseValue(b, &i) else { throw SyntaxError(offset: i) }
                skipSpace(b, &i)
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw SyntaxError(offset: i) }
                i += 1
                members[key] = try parseValue(b, &i)
                skipSpace(b, &i)
                guard i < b.count else { throw SyntaxError(offset: i) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "}") else { throw SyntaxError(offset: i) }
                i += 1
                return .object(members)
            }
        case UInt8(ascii: "["):
            i += 1
            var values: [JSON] = []
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(values) }
            while true {
                values.append(try parseValue(b, &i))
                skipSpace(b, &i)
                guard i < b.count else { throw SyntaxError(offset: i) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "]") else { throw SyntaxError(offset: i) }
                i += 1
                return .array(values)
            }
        case UInt8(ascii: "\""):
            i += 1
            var bytes: [UInt8] = []
            while i < b.count, b[i] != UInt8(ascii: "\"") {
                if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
                    i += 1
                    switch b[i] {
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "b"): bytes.append(0x08)
                    case UInt8(ascii: "f"): bytes.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard i + 4 < b.count, var scalar = UInt32(String(decoding: b[(i + 1)...(i + 4)], as: UTF8.self), radix: 16) else {
                            throw SyntaxError(offset: i)
                        }
                        i += 4
                        if (0xD800..<0xDC00).contains(scalar), i + 6 < b.count, b[i + 1] == UInt8(ascii: "\\"),
                           let low = UInt32(String(decoding: b[(i + 3)...(i + 6)], as: UTF8.self), radix: 16) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                        bytes.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "?")).utf8))
                    default: bytes.append(b[i])
                    }
                } else {
                    bytes.append(b[i])
                }
                i += 1
            }
            i += 1
            return .string(String(decoding: bytes, as: UTF8.self))
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default:
            let start = i
            var isInteger = true
            while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "]"), b[i] != UInt8(ascii: "}"), b[i] > 0x20 {
                if b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") { isInteger = false }
                i += 1
            }
            let text = String(decoding: b[start..<i], as: UTF8.self)
            if isInteger, let value = Int(text) { return .int(value) }
            if text == "NaN" { return .double(.nan) }
            guard let value = Double(text) else { throw SyntaxError(offset: start) }
            return .double(value)
        }
    }

    subscript(key: String) -> JSON {
        if case let .object(members) = self { return members[key] ?? .null }
        return .null
    }

    var array: [JSON] { if case let .array(values) = self { values } else { [] } }
    var string: String? { if case let .string(value) = self { value } else { nil } }
    var int: Int? {
        switch self {
        case let .int(value): value
        case let .double(value): Int(exactly: value)
        default: nil
        }
    }
    var double: Double? {
        switch self {
        case let .int(value): Double(value)
        case let .double(value): value
        default: nil
        }
    }
    var bool: Bool? { if case let .bool(value) = self { value } else { nil } }
    var ints: [Int] { array.compactMap(\.int) }
    var strings: [String] { array.compactMap(\.string) }
}

/// The pandas reference fixtures of the operations (written by `Fixtures/make_ops_fixtures.py`).
enum OpsFixtures {
    static let input: JSON? = load("ops_input")
    static let expected: JSON? = load("ops_expected")

    static func load(_ name: String) -> JSON? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url) else { return nil }
        return try? JSON.parse(data)
    }

    /// The input slice of the Online Retail file.
    static func inputFrame() throws -> DataFrame {
        try frame(#require(input))
    }

    /// The expected result stored under `key`.
    static func expectedFrame(_ key: String) throws -> DataFrame {
        try frame(#require(expected)[key])
    }

    static func expectedValue(_ key: String) throws -> JSON {
        let value = try #require(expected)[key]
        if case .null = value { Issue.record("no fixture named \(key)") }
        return value
    }

    /// A frame from `{"columns": [{"name", "type", "values"}]}`.
    static func frame(_ json: JSON) throws -> DataFrame {
        try DataFrame(columns: json["columns"].array.map { column in
            let name = column["name"].string ?? ""
            let values = column["values"].array
            switch column["type"].string {
            case "integer": return Column(name, values.map(\.int))
            case "double": return Column(name, values.map(\.double))
            case "boolean": return Column(name, values.map(\.bool))
            case "date":
                let days = values.map { $0.string.flatMap { Column.parse($0, as: .date) } }
                return try Column.build(name: name, type: .date, values: days.map { $0 ?? .missing })
            case "dateTime":
                let seconds = values.map { $0.string.flatMap { Column.parse($0, as: .dateTime) } }
                return try Column.build(name: name, type: .dateTime, values: seconds.map { $0 ?? .missing })
            default: return Column(name, values.map(\.string))
            }
        })
    }
}

/// Whether two cells agree: numbers within `relative` tolerance (integers and doubles compare by
/// value), everything else exactly.
func cellsAgree(_ a: Value, _ b: Value, relative: Double) -> Bool {
    if a.isMissing || b.isMissing { return a.isMissing && b.isMissing }
    if a.isNumeric, b.isNumeric, let x = a.doubleValue, let y = b.doubleValue {
        return abs(x - y) <= relative * Swift.max(1, abs(x), abs(y))
    }
    return a == b
}

/// Checks that `actual` has `expected`'s columns in order and the same cells.
/// - Parameter relative: 1e-9 by default: sums and means are compensated on both sides, so they
///   agree far below that; anything beyond is a real difference.
func expectFrame(
    _ actual: DataFrame, equals expected: DataFrame, relative: Double = 1e-9,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.columnNames == expected.columnNames, sourceLocation: sourceLocation)
    #expect(actual.rowCount == expected.rowCount, sourceLocation: sourceLocation)
    guard actual.columnNames == expected.columnNames, actual.rowCount == expected.rowCount else { return }
    for (a, e) in zip(actual.columns, expected.columns) {
        var mismatches = 0
        for row in 0..<a.count where !cellsAgree(a[row], e[row], relative: relative) {
            mismatches += 1
            if mismatches <= 3 {
                Issue.record("column \(a.name) row \(row): \(a[row]) ≠ expected \(e[row])", sourceLocation: sourceLocation)
            }
        }
        #expect(mismatches == 0, "column \(a.name): \(mismatches) cells differ", sourceLocation: sourceLocation)
    }
}

/// The rows of a frame as text lines, sorted: for comparing results whose row order is unspecified.
func sortedRowTexts(_ frame: DataFrame) -> [String] {
    (0..<frame.rowCount).map { row in
        frame.columns.map { column -> String in
            let value = column[row]
            if let number = value.doubleValue, value.isNumeric { return String(format: "%.6f", number) }
            return value.description
        }.joined(separator: "|")
    }.sorted()
}
