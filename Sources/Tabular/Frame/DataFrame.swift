/// A table of named, typed columns of equal length: the data frame everything in Restock stands on.
///
/// ```swift
/// var frame = try DataFrame(columns: [Column("Country", ["UK", "France"]), Column("Units", [6, 8])])
/// let units = try frame["Units", Int.self]          // [Int?]
/// try frame.append(Column("Price", [2.55, 3.39]))
/// ```
public struct DataFrame: Sendable, Equatable {
    public private(set) var columns: [Column]
    private var positions: [String: Int]
    private var rows: Int

    /// An empty frame: no columns, no rows.
    public init() {
        columns = []
        positions = [:]
        rows = 0
    }

    /// A frame of these columns.
    /// - Throws: ``TabularError/duplicateColumn(_:)`` or ``TabularError/lengthMismatch(column:expected:actual:)``.
    public init(columns: [Column]) throws {
        self.init()
        for column in columns { try append(column) }
    }

    /// A frame of columns known to be consistent: equal lengths, distinct names (operations that
    /// derive every column from one frame's rows).
    init(consistentColumns: [Column]) {
        columns = consistentColumns
        positions = Dictionary(consistentColumns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        rows = consistentColumns.first?.count ?? 0
    }

    /// The number of rows.
    public var rowCount: Int { rows }
    /// The number of columns.
    public var columnCount: Int { columns.count }
    /// (rows, columns), as pandas' `shape`.
    public var shape: (rows: Int, columns: Int) { (rows, columns.count) }
    /// The column names in order.
    public var columnNames: [String] { columns.map(\.name) }
    public var isEmpty: Bool { rows == 0 }

    /// Whether a column of this name exists.
    public func contains(column name: String) -> Bool { positions[name] != nil }

    /// The column named `name`.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` naming the columns there are.
    public func column(_ name: String) throws -> Column {
        guard let position = positions[name] else {
            throw TabularError.missingColumn(name, available: columnNames)
        }
        return columns[position]
    }

    /// The column named `name`: `try frame["Quantity"]`.
    public subscript(name: String) -> Column {
        get throws { try column(name) }
    }

    /// The column named `name` as typed values, nil where missing: `try frame["Quantity", Int.self]`.
    public subscript<T: ColumnElement>(name: String, type: T.Type) -> [T?] {
        get throws { try T.values(of: column(name)) }
    }

    /// A numeric column as doubles with NaN where missing, ready for statistics.
    /// - Throws: when the column is missing or holds text.
    public func doubles(_ name: String) throws -> [Double] {
        let column = try column(name)
        guard let values = column.doubles else {
            throw TabularError.typeMismatch(column: name, expected: "a numeric type", actual: column.type)
        }
        return values
    }

    /// Adds a column at the end.
    /// - Throws: when the name is taken or the length differs from the frame's.
    public mutating func append(_ column: Column) throws {
        guard positions[column.name] == nil else { throw TabularError.duplicateColumn(column.name) }
        if columns.isEmpty {
            rows = column.count
        } else if column.count != rows {
            throw TabularError.lengthMismatch(column: column.name, expected: rows, actual: column.count)
        }
        positions[column.name] = columns.count
        columns.append(column)
    }

    /// Adds the column, or replaces the one of the same name in place.
    public mutating func set(_ column: Column) throws {
        guard let position = positions[column.name] else { return try append(column) }
        guard column.count == rows || columns.count == 1 else {
            throw TabularError.lengthMismatch(column: column.name, expected: rows, actual: column.count)
        }
        columns[position] = column
        rows = column.count
    }

    /// Removes the column named `name`.
    public mutating func remove(column name: String) throws {
        guard let position = positions[name] else { throw TabularError.missingColumn(name, available: columnNames) }
        columns.remove(at: position)
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        if columns.isEmpty { rows = 0 }
    }

    /// Renames a column.
    public mutating func rename(_ name: String, to newName: String) throws {
        guard let position = positions[name] else { throw TabularError.missingColumn(name, available: columnNames) }
        guard name == newName || positions[newName] == nil else { throw TabularError.duplicateColumn(newName) }
        positions[name] = nil
        positions[newName] = position
        columns[position].name = newName
    }

    public static func == (lhs: DataFrame, rhs: DataFrame) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns
    }
}
