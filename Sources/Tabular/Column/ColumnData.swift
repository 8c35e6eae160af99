/// The storage of one column: a contiguous array of values and, when any value is missing, a mask.
///
/// Strings are dictionary-encoded: `codes[i]` indexes `categories`, and `-1` marks a missing value.
/// Dates are days since 1970-01-01 and date-times seconds since 1970-01-01T00:00:00Z, both UTC.
public enum ColumnData: Sendable, Equatable {
    case integer([Int], missing: MissingMask?)
    case double([Double], missing: MissingMask?)
    case string(codes: [Int32], categories: [String])
    case boolean([Bool], missing: MissingMask?)
    case date([Int], missing: MissingMask?)
    case dateTime([Int], missing: MissingMask?)

    /// The column type this storage holds.
    public var type: ColumnType {
        switch self {
        case .integer: .integer
        case .double: .double
        case .string: .string
        case .boolean: .boolean
        case .date: .date
        case .dateTime: .dateTime
        }
    }

    /// The number of rows.
    public var count: Int {
        switch self {
        case let .integer(values, _), let .date(values, _), let .dateTime(values, _): values.count
        case let .double(values, _): values.count
        case let .string(codes, _): codes.count
        case let .boolean(values, _): values.count
        }
    }

    /// Whether the value at `row` is missing.
    @inlinable
    public func isMissing(_ row: Int) -> Bool {
        switch self {
        case let .integer(_, missing), let .date(_, missing), let .dateTime(_, missing),
             let .double(_, missing), let .boolean(_, missing):
            missing?[row] ?? false
        case let .string(codes, _):
            codes[row] < 0
        }
    }

    /// The number of missing values.
    public var missingCount: Int {
        switch self {
        case let .integer(_, missing), let .date(_, missing), let .dateTime(_, missing),
             let .double(_, missing), let .boolean(_, missing):
            missing?.count ?? 0
        case let .string(codes, _):
            codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }
}

/// Which rows of a column are missing, one flag per row, with the number of missing rows cached.
public struct MissingMask: Sendable, Equatable {
    public private(set) var flags: [Bool]
    /// The number of `true` flags.
    public private(set) var count: Int

    public init(_ flags: [Bool]) {
        self.flags = flags
        self.count = flags.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// A mask of `rows` rows, none missing, to be filled with `setMissing`.
    public init(rows: Int) {
        flags = Array(repeating: false, count: rows)
        count = 0
    }

    @inlinable
    public subscript(row: Int) -> Bool { flags[row] }

    public mutating func setMissing(_ row: Int) {
        if !flags[row] {
            flags[row] = true
            count += 1
        }
    }

    /// The mask itself, or nil when no row is missing (the storage convention).
    public var nilIfEmpty: MissingMask? { count == 0 ? nil : self }
}
