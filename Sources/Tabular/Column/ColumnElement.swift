import Foundation

/// A Swift type a column can be read as and built from: `Int`, `Double`, `String`, `Bool`, `Date`.
public protocol ColumnElement: Sendable {
    /// The column's values as this type, nil where missing.
    /// - Throws: ``TabularError/typeMismatch(column:expected:actual:)`` when the column holds
    ///   another type (integers read as `Double` are converted).
    static func values(of column: Column) throws -> [Self?]
    /// A column of these values.
    static func column(named name: String, _ values: [Self?]) -> Column
}

extension Int: ColumnElement {
    public static func values(of column: Column) throws -> [Int?] {
        guard case let .integer(values, missing) = column.data else {
            throw TabularError.typeMismatch(column: column.name, expected: "integer", actual: column.type)
        }
        guard let missing else { return values }
        return values.indices.map { missing[$0] ? nil : values[$0] }
    }

    public static func column(named name: String, _ values: [Int?]) -> Column { Column(name, values) }
}

extension Double: ColumnElement {
    public static func values(of column: Column) throws -> [Double?] {
        switch column.data {
        case .double, .integer:
            return (column.doubles ?? []).map { $0.isNaN ? nil : $0 }
        default:
            throw TabularError.typeMismatch(column: column.name, expected: "double", actual: column.type)
        }
    }

    public static func column(named name: String, _ values: [Double?]) -> Column { Column(name, values) }
}

extension String: ColumnElement {
    public static func values(of column: Column) throws -> [String?] {
        guard case let .string(codes, categories) = column.data else {
            throw TabularError.typeMismatch(column: column.name, expected: "string", actual: column.type)
        }
        return codes.map { $0 < 0 ? nil : categories[Int($0)] }
    }

    public static func column(named name: String, _ values: [String?]) -> Column { Column(name, values) }
}

extension Bool: ColumnElement {
    public static func values(of column: Column) throws -> [Bool?] {
        guard case let .boolean(values, missing) = column.data else {
            throw TabularError.typeMismatch(column: column.name, expected: "boolean", actual: column.type)
        }
        return values.indices.map { missing?[$0] == true ? nil : values[$0] }
    }

    public static func column(named name: String, _ values: [Bool?]) -> Column { Column(name, values) }
}

extension Date: ColumnElement {
    public static func values(of column: Column) throws -> [Date?] {
        switch column.data {
        case let .date(days, missing):
            return days.indices.map { missing?[$0] == true ? nil : Date(timeIntervalSince1970: Double(days[$0]) * 86_400) }
        case let .dateTime(seconds, missing):
            return seconds.indices.map { missing?[$0] == true ? nil : Date(timeIntervalSince1970: Double(seconds[$0])) }
        default:
            throw TabularError.typeMismatch(column: column.name, expected: "date or dateTime", actual: column.type)
        }
    }

    public static func column(named name: String, _ values: [Date?]) -> Column { Column(name, values) }
}
