import Foundation

/// A named, typed column of a ``DataFrame``.
///
/// ```swift
/// let quantity = Column("Quantity", [6, 8, nil, 2])      // integers with one missing value
/// let country = Column("Country", ["UK", "France", "UK", "UK"])
/// ```
public struct Column: Sendable, Equatable {
    public var name: String
    public var data: ColumnData

    public init(name: String, data: ColumnData) {
        self.name = name
        self.data = data
    }

    /// The element type.
    public var type: ColumnType { data.type }
    /// The number of rows.
    public var count: Int { data.count }
    /// The number of missing values.
    public var missingCount: Int { data.missingCount }

    /// Whether the value at `row` is missing.
    @inlinable
    public func isMissing(_ row: Int) -> Bool { data.isMissing(row) }

    /// The value at `row`, type-erased; ``Value/missing`` for a missing value.
    public subscript(row: Int) -> Value {
        if data.isMissing(row) { return .missing }
        switch data {
        case let .integer(values, _): return .integer(values[row])
        case let .double(values, _): return values[row].isNaN ? .missing : .double(values[row])
        case let .string(codes, categories): return .string(categories[Int(codes[row])])
        case let .boolean(values, _): return .boolean(values[row])
        case let .date(values, _): return .date(days: values[row])
        case let .dateTime(values, _): return .dateTime(seconds: values[row])
        }
    }

    /// The values as doubles, NaN where missing; integers, dates (days) and date-times (seconds)
    /// are converted, booleans become 0 and 1, and text gives nil.
    public var doubles: [Double]? {
        func convert(_ values: [Int], _ missing: MissingMask?) -> [Double] {
            guard let missing else { return values.map(Double.init) }
            return values.indices.map { missing[$0] ? .nan : Double(values[$0]) }
        }
        switch data {
        case let .double(values, missing):
            guard let missing else { return values }
            return values.indices.map { missing[$0] ? .nan : values[$0] }
        case let .integer(values, missing), let .date(values, missing), let .dateTime(values, missing):
            return convert(values, missing)
        case let .boolean(values, missing):
            return values.indices.map { missing?[$0] == true ? .nan : (values[$0] ? 1 : 0) }
        case .string:
            return nil
        }
    }
}

// MARK: - Construction from Swift arrays

extension Column {
    /// An integer column; nil elements are missing.
    public init(_ name: String, _ values: [Int?]) {
        self.init(name: name, data: .integer(values.map { $0 ?? 0 }, missing: Column.mask(values)))
    }

    /// An integer column with no missing values.
    public init(_ name: String, _ values: [Int]) {
        self.init(name: name, data: .integer(values, missing: nil))
    }

    /// A double column; nil elements are missing (NaN is kept as a value).
    public init(_ name: String, _ values: [Double?]) {
        self.init(name: name, data: .double(values.map { $0 ?? .nan }, missing: Column.mask(values)))
    }

    /// A double column with no missing values.
    public init(_ name: String, _ values: [Double]) {
        self.init(name: name, data: .double(values, missing: nil))
    }

    /// A text column, dictionary-encoded in order of first appearance; nil elements are missing.
    public init(_ name: String, _ values: [String?]) {
        var lookup: [String: Int32] = [:]
        var categories: [String] = []
        let codes = values.map { value -> Int32 in
            guard let value else { return -1 }
            if let code = lookup[value] { return code }
            let code = Int32(categories.count)
            lookup[value] = code
            categories.append(value)
            return code
        }
        self.init(name: name, data: .string(codes: codes, categories: categories))
    }

    /// A text column with no missing values.
    public init(_ name: String, _ values: [String]) {
        self.init(name, values.map(Optional.some))
    }

    /// A boolean column; nil elements are missing.
    public init(_ name: String, _ values: [Bool?]) {
        self.init(name: name, data: .boolean(values.map { $0 ?? false }, missing: Column.mask(values)))
    }

    /// A boolean column with no missing values.
    public init(_ name: String, _ values: [Bool]) {
        self.init(name: name, data: .boolean(values, missing: nil))
    }

    /// A date-time column (or a date column with `dateOnly`), truncated to whole seconds (days), UTC.
    public init(_ name: String, _ values: [Date?], dateOnly: Bool = false) {
        let missing = Column.mask(values)
        if dateOnly {
            let days = values.map { $0.map { CivilDate.days(since1970: $0) } ?? 0 }
            self.init(name: name, data: .date(days, missing: missing))
        } else {
            let seconds = values.map { $0.map { Int(($0.timeIntervalSince1970).rounded(.down)) } ?? 0 }
            self.init(name: name, data: .dateTime(seconds, missing: missing))
        }
    }

    static func mask<T>(_ values: [T?]) -> MissingMask? {
        guard values.contains(where: { $0 == nil }) else { return nil }
        return MissingMask(values.map { $0 == nil })
    }
}
