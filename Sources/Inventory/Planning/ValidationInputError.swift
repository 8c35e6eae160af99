/// Why the validation stage cannot replay the plans: a stage output with the wrong schema or values,
/// or data that leave nothing to replay.
public enum ValidationInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required column is not in a stage output.
    case missingColumn(file: String, column: String, available: [String])
    /// A field holds a value the schema does not allow (`line` counts the header as line 1).
    case badValue(file: String, line: Int, column: String, value: String, expected: String)
    /// A row names a location the dataset's manifest does not have, or a SKU the allocation lacks.
    case unknownName(file: String, line: Int, column: String, value: String)
    /// The same SKU and location appear twice.
    case duplicateRow(file: String, line: Int, sku: String, location: String)
    /// Nothing to replay, with a sentence that says why.
    case nothingToReplay(String)

    public var description: String {
        switch self {
        case let .missingColumn(file, column, available):
            return "\(file) has no column '\(column)' (columns: \(available.joined(separator: ", ")))"
        case let .badValue(file, line, column, value, expected):
            return "\(file), line \(line), column '\(column)': '\(value)' is not \(expected)"
        case let .unknownName(file, line, column, value):
            return "\(file), line \(line), column '\(column)': '\(value)' is unknown"
        case let .duplicateRow(file, line, sku, location):
            return "\(file), line \(line): SKU '\(sku)' at '\(location)' appears twice"
        case let .nothingToReplay(why):
            return why
        }
    }
}
