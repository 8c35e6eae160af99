/// Why an operation on a data frame could not be done.
public enum TabularError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No column of that name; `available` lists the frame's columns.
    case missingColumn(String, available: [String])
    /// Two columns share a name.
    case duplicateColumn(String)
    /// A column's length differs from the frame's row count.
    case lengthMismatch(column: String, expected: Int, actual: Int)
    /// A column holds another type than the operation needs.
    case typeMismatch(column: String, expected: String, actual: ColumnType)
    /// A join's cardinality check failed: these keys repeat on the side that must be unique.
    case duplicateKeys(side: String, keys: [String], total: Int)
    /// Any other invalid argument, with a sentence that says what was expected.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .missingColumn(name, available):
            return "no column named '\(name)'; the columns are \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case let .duplicateColumn(name):
            return "two columns are named '\(name)'"
        case let .lengthMismatch(column, expected, actual):
            return "column '\(column)' has \(actual) rows, the frame has \(expected)"
        case let .typeMismatch(column, expected, actual):
            return "column '\(column)' holds \(actual) values, expected \(expected)"
        case let .duplicateKeys(side, keys, total):
            let shown = keys.prefix(5).joined(separator: ", ")
            return "the \(side) side of the join must have unique keys, but \(total) keys repeat: \(shown)\(total > 5 ? ", ..." : "")"
        case let .invalidArgument(message):
            return message
        }
    }
}
