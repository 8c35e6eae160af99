/// The element type of a column, as inferred from a CSV file or given in a schema.
public enum ColumnType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 64-bit signed integers.
    case integer
    /// 64-bit floating point numbers.
    case double
    /// Text, stored dictionary-encoded: each row holds a code into the column's categories.
    case string
    /// `true` / `false`.
    case boolean
    /// Calendar dates (UTC), `yyyy-MM-dd`.
    case date
    /// Date and time (UTC) to the second, `yyyy-MM-dd HH:mm:ss` or ISO 8601 with a `T`.
    case dateTime

    public var description: String { rawValue }
}
