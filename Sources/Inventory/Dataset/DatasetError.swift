/// Why a dataset's files do not match its manifest.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The manifest maps `key` to a column the file does not have.
    case missingColumn(file: String, key: String, column: String, available: [String])
    /// A mapped column holds another type than the field needs.
    case wrongColumnType(file: String, key: String, column: String, expected: String, found: String)
    /// The cost matrix has no entry for this pair.
    case missingCost(file: String, from: String, to: String)
    /// A cost matrix entry is missing, negative or not a number.
    case invalidCost(file: String, line: Int, value: String)

    public var description: String {
        switch self {
        case let .missingColumn(file, key, column, available):
            return "\(file): no column '\(column)' (manifest key \(key)); the columns are \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case let .wrongColumnType(file, key, column, expected, found):
            return "\(file): column '\(column)' (manifest key \(key)) holds \(found) values, expected \(expected)"
        case let .missingCost(file, from, to):
            return "\(file): no cost from '\(from)' to '\(to)'"
        case let .invalidCost(file, line, value):
            return "\(file), line \(line): cost_per_unit '\(value)' is not a number of 0 or more"
        }
    }
}
