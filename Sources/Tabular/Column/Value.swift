import Foundation

/// One cell of a data frame, type-erased.
///
/// Values of different types order as missing < boolean < numbers < dates < text, and integers and
/// doubles compare by numeric value, so that a mixed list sorts sensibly.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case missing
    case integer(Int)
    case double(Double)
    case string(String)
    case boolean(Bool)
    /// Days since 1970-01-01 (UTC).
    case date(days: Int)
    /// Seconds since 1970-01-01T00:00:00Z.
    case dateTime(seconds: Int)

    public var isMissing: Bool { if case .missing = self { true } else { false } }

    /// The value as a double: integers and doubles as they are, booleans as 0/1, dates as days,
    /// date-times as seconds; nil for text and missing.
    public var doubleValue: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .double(value): value
        case let .boolean(value): value ? 1 : 0
        case let .date(days): Double(days)
        case let .dateTime(seconds): Double(seconds)
        case .string, .missing: nil
        }
    }

    /// The text as written in a CSV file; empty for missing.
    public var description: String {
        switch self {
        case .missing: ""
        case let .integer(value): String(value)
        case let .double(value): ValueFormat.shortest(value)
        case let .string(value): value
        case let .boolean(value): value ? "true" : "false"
        case let .date(days): CivilDate(days: days).description
        case let .dateTime(seconds): CivilDate.dateTimeString(seconds: seconds)
        }
    }
}

extension Value: Comparable {
    private var rank: Int {
        switch self {
        case .missing: 0
        case .boolean: 1
        case .integer, .double: 2
        case .date, .dateTime: 3
        case .string: 4
        }
    }

    public static func < (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): return a < b
        case let (.string(a), .string(b)): return a < b
        case let (.boolean(a), .boolean(b)): return !a && b
        case let (.date(a), .date(b)): return a < b
        case let (.dateTime(a), .dateTime(b)): return a < b
        case let (.date(a), .dateTime(b)): return a * 86_400 < b
        case let (.dateTime(a), .date(b)): return a < b * 86_400
        default:
            if lhs.rank == 2, rhs.rank == 2, let a = lhs.doubleValue, let b = rhs.doubleValue { return a < b }
            return lhs.rank < rhs.rank
        }
    }
}

/// Number formatting shared by CSV writing and printing.
enum ValueFormat {
    /// The shortest text that reads back as the same double ("2.55", "17850", "1e-07").
    static func shortest(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
