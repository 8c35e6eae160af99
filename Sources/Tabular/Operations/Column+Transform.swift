import Foundation

/// Filling missing values, mapping values to a new column and casting between types.
extension Column {
    /// This column with every missing value (and NaN) replaced by `value`: pandas' `fillna`.
    ///
    /// An integer value fills a double column as a double; any other mix of types throws.
    /// - Throws: ``TabularError/typeMismatch(column:expected:actual:)``.
    public func fillingMissing(with value: Value) throws -> Column {
        func mismatch() -> TabularError {
            TabularError.typeMismatch(column: name, expected: "a fill value of the column's type, not \(value)", actual: type)
        }
        func fill<T>(_ values: [T], _ missing: MissingMask?, _ replacement: T) -> [T] {
            guard let missing else { return values }
            var filled = values
            for i in filled.indices where missing[i] { filled[i] = replacement }
            return filled
        }
        switch (data, value) {
        case (_, .missing):
            return self
        case let (.integer(values, missing), .integer(x)):
            return Column(name: name, data: .integer(fill(values, missing, x), missing: nil))
        case let (.double(values, missing), _):
            guard let x = value.doubleValue, value.isNumeric else { throw mismatch() }
            var filled = fill(values, missing, x)
            for i in filled.indices where filled[i].isNaN { filled[i] = x }
            return Column(name: name, data: .double(filled, missing: nil))
        case let (.boolean(values, missing), .boolean(x)):
            return Column(name: name, data: .boolean(fill(values, missing, x), missing: nil))
        case let (.date(values, missing), .date(x)):
            return Column(name: name, data: .date(fill(values, missing, x), missing: nil))
        case let (.dateTime(values, missing), .dateTime(x)):
            return Column(name: name, data: .dateTime(fill(values, missing, x), missing: nil))
        case let (.string(codes, categories), .string(x)):
            var categories = categories
            var code = categories.firstIndex(of: x).map(Int32.init)
            if code == nil {
                code = Int32(categories.count)
                categories.append(x)
            }
            let fillCode = code ?? 0
            return Column(name: name, data: .string(codes: codes.map { $0 < 0 ? fillCode : $0 }, categories: categories))
        default:
            throw mismatch()
        }
    }

    /// Replaces every missing value (and NaN) by `value`; see ``fillingMissing(with:)``.
    public mutating func fillMissing(with value: Value) throws {
        self = try fillingMissing(with: value)
    }

    /// A new column of `transform` applied to every present value, read as `T`; missing values stay
    /// missing and a nil result is missing.
    ///
    /// ```swift
    /// let initials = try frame["Country"].map(String.self) { String($0.prefix(1)) }
    /// ```
    /// For text, `transform` runs once per distinct value, not once per row.
    /// - Throws: when the column cannot be read as `T`, or what `transform` throws.
    public func map<T: ColumnElement, U: ColumnElement>(_ type: T.Type, _ transform: (T) throws -> U?) throws -> Column {
        if case let .string(codes, categories) = data, let typed = categories as? [T] {
            let mapped = U.column(named: name, try typed.map(transform))
            return mapped.gathered(codes.map(Int.init))
        }
        let values = try T.values(of: self)
        return U.column(named: name, try values.map { value in try value.flatMap(transform) })
    }

    /// This column as another type: pandas' `astype`.
    ///
    /// - integer ↔ double (a double becomes an integer by rounding toward zero, as NumPy; NaN
    ///   becomes missing, and values outside the range of `Int` throw),
    /// - boolean → integer or double (0 and 1),
    /// - date-time → date (the calendar day, UTC) and date → date-time (midnight),
    /// - anything → text (as written in a CSV file),
    /// - text → integer, double, boolean or date when every present value parses (a value that does
    ///   not parse throws, naming it).
    /// - Throws: ``TabularError/typeMismatch(column:expected:actual:)`` for another pair of types,
    ///   ``TabularError/invalidArgument(_:)`` for a value that cannot be converted.
    public func cast(to target: ColumnType) throws -> Column {
        if target == type { return self }
        func missingFlags() -> MissingMask? {
            let mask = MissingMask((0..<count).map { isMissingOrNaN($0) })
            return mask.nilIfEmpty
        }
        switch (data, target) {
        case let (.integer(values, missing), .double):
            let doubles = values.indices.map { missing?[$0] == true ? Double.nan : Double(values[$0]) }
            return Column(name: name, data: .double(doubles, missing: missing))
        case let (.double(values, _), .integer):
            let missing = missingFlags()
            var out = [Int](repeating: 0, count: values.count)
            for i in values.indices where missing?[i] != true {
                guard let converted = Int(exactly: values[i].rounded(.towardZero)) else {
                    throw TabularError.invalidArgument("column '\(name)' row \(i): \(values[i]) does not fit in an integer")
                }
                out[i] = converted
            }
            return Column(name: name, data: .integer(out, missing: missing))
        case let (.boolean(values, missing), .integer):
            return Column(name: name, data: .integer(values.map { $0 ? 1 : 0 }, missing: missing))
        case let (.boolean(values, missing), .double):
            return Column(name: name, data: .double(values.indices.map { missing?[$0] == true ? .nan : (values[$0] ? 1 : 0) }, missing: missing))
        case let (.dateTime(values, missing), .date):
            return Column(name: name, data: .date(values.map { $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400 }, missing: missing))
        case let (.date(values, missing), .dateTime):
            return Column(name: name, data: .dateTime(values.map { $0 &* 86_400 }, missing: missing))
        case (_, .string):
            return Column(name, (0..<count).map { row -> String? in
                let value = self[row]
                return value.isMissing ? nil : value.description
            })
        case let (.string(codes, categories), _):
            let parsed = try categories.map { text -> Value in
                guard let value = Column.parse(text, as: target) else {
                    throw TabularError.invalidArgument("column '\(name)': '\(text)' is not a valid \(target)")
                }
                return value
            }
            return try Column.build(name: name, type: target, values: codes.map { $0 < 0 ? .missing : parsed[Int($0)] })
        default:
            throw TabularError.typeMismatch(column: name, expected: "a type that converts to \(target)", actual: type)
        }
    }

    /// Parses text written as in a CSV file.
    static func parse(_ text: String, as type: ColumnType) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .integer:
            if let value = Int(trimmed) { return .integer(value) }
            if let value = Double(trimmed), value == value.rounded(), let int = Int(exactly: value) { return .integer(int) }
            return nil
        case .double: return Double(trimmed).map(Value.double)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "1": return .boolean(true)
            case "false", "0": return .boolean(false)
            default: return nil
            }
        case .date:
            let parts = trimmed.prefix(10).split(separator: "-")
            guard trimmed.count >= 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                  CivilDate.isValid(year: y, month: m, day: d) else { return nil }
            return .date(days: CivilDate(year: y, month: m, day: d).daysSince1970)
        case .dateTime:
            guard case let .date(days)? = parse(trimmed, as: .date) else { return nil }
            let time = trimmed.dropFirst(11).split(separator: ":")
            if time.isEmpty { return .dateTime(seconds: days * 86_400) }
            guard time.count >= 2, let h = Int(time[0]), let mi = Int(time[1]) else { return nil }
            let s = time.count > 2 ? Int(Double(time[2]) ?? -1) : 0
            guard (0..<24).contains(h), (0..<60).contains(mi), (0..<61).contains(s) else { return nil }
            return .dateTime(seconds: days * 86_400 + h * 3600 + mi * 60 + s)
        case .string: return .string(text)
        }
    }

    /// A column of `type` from type-erased values (missing where `.missing`).
    /// - Throws: when a value does not match `type`.
    static func build(name: String, type: ColumnType, values: [Value]) throws -> Column {
        let missing = MissingMask(values.map(\.isMissing)).nilIfEmpty
        func bad(_ value: Value) -> TabularError {
            TabularError.invalidArgument("column '\(name)': the value \(value) is not \(type)")
        }
        switch type {
        case .integer:
            return Column(name: name, data: .integer(try values.map { v in
                switch v { case .missing: 0; case let .integer(x): x; default: throw bad(v) }
            }, missing: missing))
        case .double:
            return Column(name: name, data: .double(try values.map { v in
                if v.isMissing { return .nan }
                guard v.isNumeric, let x = v.doubleValue else { throw bad(v) }
                return x
            }, missing: missing))
        case .boolean:
            return Column(name: name, data: .boolean(try values.map { v in
                switch v { case .missing: false; case let .boolean(x): x; default: throw bad(v) }
            }, missing: missing))
        case .date:
            return Column(name: name, data: .date(try values.map { v in
                switch v { case .missing: 0; case let .date(x): x; default: throw bad(v) }
            }, missing: missing))
        case .dateTime:
            return Column(name: name, data: .dateTime(try values.map { v in
                switch v { case .missing: 0; case let .dateTime(x): x; case let .date(x): x * 86_400; default: throw bad(v) }
            }, missing: missing))
        case .string:
            return Column(name, values.map { $0.isMissing ? nil : $0.description })
        }
    }
}

extension Value {
    /// Whether the value is an integer or a double.
    var isNumeric: Bool {
        switch self {
        case .integer, .double: true
        default: false
        }
    }
}
