/// Why a CSV file could not be read, and where: the file, the physical line (1-based, counting every
/// line break in the file, including those inside quoted fields), the column, the offending value and
/// what was expected there.
///
/// ```
/// online-retail.csv:4203: column 7 'CustomerID': expected an integer, found '17850.5'
/// ```
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but could not be read (a directory, no permission, an I/O error).
        case unreadable(reason: String)
        /// The file holds no bytes (after the byte order mark), or only line breaks.
        case emptyFile
        /// A quoted field has no closing quote before the end of the file.
        case unterminatedQuote
        /// A `"` inside a field that does not start with a quote (RFC 4180 requires quoting it).
        case quoteInUnquotedField
        /// Something other than a delimiter or a line break follows a field's closing quote.
        case unexpectedCharacterAfterQuote
        /// A row has more fields than the header.
        case tooManyFields(expected: Int, found: Int)
        /// A row has fewer fields than the header.
        case tooFewFields(expected: Int, found: Int)
        /// Two header names are equal; `firstColumn` is the 1-based position of the first one.
        case duplicateColumnName(firstColumn: Int)
        /// A header name is empty.
        case emptyColumnName
        /// Bytes that are not valid UTF-8 in a text field or a header name.
        case invalidUTF8
        /// A value that does not parse as the column's type (given in the schema, or inferred).
        case typeMismatch(expected: ColumnType)
        /// A value shaped like a date or date-time that names no real one (`2011-02-30`, `25:00`).
        case invalidDate
        /// An integer outside -2^63 ..< 2^63 in a column the schema declares `.integer`.
        case integerOverflow
        /// A field longer than ``CSVReader/maximumFieldLength`` bytes.
        case fieldTooLong
        /// A gzip stream that is corrupt or ends early; `reason` is zlib's message.
        case corruptGzip(reason: String)
        /// The schema names a column the file does not have.
        case unknownColumn(available: [String])
        /// The options cannot be used (a delimiter that is not one ASCII character, names of the
        /// wrong count).
        case invalidOptions(String)
    }

    public var kind: Kind
    /// The file's path, or `<memory>` for bytes read from memory.
    public var file: String
    /// The 1-based physical line in the file, when the error has a place.
    public var line: Int?
    /// The 1-based position of the column, when the error concerns one.
    public var column: Int?
    /// The column's name, when known.
    public var columnName: String?
    /// The offending text (shortened to 80 characters), when there is one.
    public var value: String?

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, value: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.value = value
    }

    /// What the reader expected at the error's place, in words.
    public var expected: String {
        switch kind {
        case .fileNotFound: "an existing file"
        case .unreadable: "a readable file"
        case .emptyFile: "a header row or at least one record"
        case .unterminatedQuote: "a closing quote"
        case .quoteInUnquotedField: "no quote inside an unquoted field (quote the field and double the quote)"
        case .unexpectedCharacterAfterQuote: "a delimiter or a line break after the closing quote"
        case let .tooManyFields(expected, _), let .tooFewFields(expected, _): "\(expected) fields"
        case .duplicateColumnName: "distinct column names"
        case .emptyColumnName: "a non-empty column name"
        case .invalidUTF8: "UTF-8 text"
        case let .typeMismatch(type): Self.phrase(type)
        case .invalidDate: "a real calendar date and time of day"
        case .integerOverflow: "an integer between -9223372036854775808 and 9223372036854775807"
        case .fieldTooLong: "a field of at most \(CSVReader.maximumFieldLength) bytes"
        case .corruptGzip: "a complete gzip stream"
        case .unknownColumn: "a column of the file"
        case .invalidOptions: "valid options"
        }
    }

    static func phrase(_ type: ColumnType) -> String {
        switch type {
        case .integer: "an integer"
        case .double: "a number"
        case .string: "text"
        case .boolean: "true or false"
        case .date: "a date yyyy-MM-dd"
        case .dateTime: "a date-time yyyy-MM-dd HH:mm:ss"
        }
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ":"
        if let column {
            text += " column \(column)"
            if let columnName { text += " '\(columnName)'" }
            text += ":"
        } else if let columnName {
            text += " column '\(columnName)':"
        }
        switch kind {
        case .fileNotFound: return "\(text) no such file"
        case let .unreadable(reason): return "\(text) cannot be read: \(reason)"
        case .emptyFile: return "\(text) the file is empty; expected \(expected)"
        case let .tooManyFields(expected, found), let .tooFewFields(expected, found):
            return "\(text) expected \(expected) fields as in the header, found \(found)"
        case let .duplicateColumnName(first):
            return "\(text) the name '\(value ?? "")' is already used by column \(first); expected \(expected) (rename it, or pass options.columnNames)"
        case let .corruptGzip(reason): return "\(text) the gzip data is corrupt or truncated (\(reason))"
        case let .unknownColumn(available):
            return "\(text) the schema names a column the file does not have; the columns are \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case let .invalidOptions(reason): return "\(text) invalid options: \(reason)"
        default:
            if let value { return "\(text) expected \(expected), found '\(value)'" }
            return "\(text) expected \(expected)"
        }
    }
}
