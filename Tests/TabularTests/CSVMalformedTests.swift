import Foundation
import Testing
@testable import Tabular

/// The catalogue of malformed inputs in `Fixtures/csv`: each must throw a ``CSVError`` of the
/// expected kind at the expected physical line and column, naming the file.
@Suite struct CSVMalformedTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var kind: CSVError.Kind
        var line: Int?
        var column: Int?
        var value: String? = nil
        var types: [String: ColumnType] = [:]
        var delimiter: Character = ","

        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "unterminated_quote.csv", kind: .unterminatedQuote, line: 2, column: 2, value: "\"open quote,2.5"),
        Case(file: "quote_in_unquoted_field.csv", kind: .quoteInUnquotedField, line: 3, column: 2, value: "ab\"c"),
        Case(file: "character_after_quote.csv", kind: .unexpectedCharacterAfterQuote, line: 2, column: 2, value: "\"ab\"c"),
        Case(file: "too_many_fields.csv", kind: .tooManyFields(expected: 3, found: 4), line: 4, column: 4, value: "extra"),
        Case(file: "too_few_fields.csv", kind: .tooFewFields(expected: 3, found: 2), line: 3, column: 3),
        Case(file: "empty.csv", kind: .emptyFile, line: 1, column: nil),
        Case(file: "only_line_breaks.csv", kind: .emptyFile, line: 1, column: nil),
        Case(file: "duplicate_header.csv", kind: .duplicateColumnName(firstColumn: 1), line: 1, column: 3, value: "id"),
        Case(file: "empty_header_name.csv", kind: .emptyColumnName, line: 1, column: 2),
        Case(file: "invalid_utf8.csv", kind: .invalidUTF8, line: 3, column: 2),
        Case(file: "invalid_utf8_header.csv", kind: .invalidUTF8, line: 1, column: 2),
        Case(file: "invalid_date.csv", kind: .invalidDate, line: 4, column: 2, value: "2011-02-30"),
        Case(file: "invalid_time.csv", kind: .invalidDate, line: 3, column: 2, value: "2011-01-01 25:00:00"),
        Case(file: "schema_integer_violation.csv", kind: .typeMismatch(expected: .integer), line: 3, column: 2,
             value: "17850.5", types: ["CustomerID": .integer]),
        Case(file: "schema_boolean_violation.csv", kind: .typeMismatch(expected: .boolean), line: 4, column: 2,
             value: "yes", types: ["flag": .boolean]),
        Case(file: "integer_overflow.csv", kind: .integerOverflow, line: 3, column: 2,
             value: "9223372036854775808", types: ["count": .integer]),
        Case(file: "error_after_embedded_newline.csv", kind: .tooFewFields(expected: 3, found: 2), line: 5, column: 3),
        Case(file: "crlf_too_few_fields.csv", kind: .tooFewFields(expected: 3, found: 2), line: 3, column: 3),
        Case(file: "semicolon_wrong_delimiter_count.csv", kind: .tooFewFields(expected: 3, found: 2), line: 3, column: 3,
             delimiter: ";"),
        Case(file: "truncated.csv.gz", kind: .corruptGzip(reason: "the stream ends before its end marker"), line: nil, column: nil),
        Case(file: "corrupt.csv.gz", kind: .corruptGzip(reason: "invalid block type"), line: nil, column: nil),
        Case(file: "not_gzip.csv.gz", kind: .corruptGzip(reason: "no gzip header"), line: nil, column: nil),
        Case(file: "no_such_file.csv", kind: .fileNotFound, line: nil, column: nil),
    ]

    static func path(_ name: String) -> String {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return name }
        return folder.appendingPathComponent("csv").appendingPathComponent(name).path
    }

    @Test(arguments: cases)
    func throwsLocatedError(_ expected: Case) throws {
        var options = CSVReadingOptions()
        options.types = expected.types
        options.delimiter = expected.delimiter
        let path = Self.path(expected.file)
        do {
            let frame = try DataFrame(contentsOfCSVFile: path, options: options)
            Issue.record("\(expected.file) was read as \(frame.shape), expected \(expected.kind)")
        } catch let error as CSVError {
            #expect(error.kind == expected.kind)
            #expect(error.file == path)
            #expect(error.line == expected.line)
            #expect(error.column == expected.column)
            if let value = expected.value { #expect(error.value == value) }
            // The message names the file, the line and the column.
            #expect(error.description.hasPrefix(path + (expected.line.map { ":\($0)" } ?? "")))
            if let column = expected.column { #expect(error.description.contains("column \(column)")) }
        }
    }

    @Test func messagesReadAsSentences() throws {
        let error = CSVError(.typeMismatch(expected: .integer), file: "retail.csv", line: 4203, column: 7,
                             columnName: "CustomerID", value: "17850.5")
        #expect(error.description == "retail.csv:4203: column 7 'CustomerID': expected an integer, found '17850.5'")
        let short = CSVError(.tooFewFields(expected: 8, found: 7), file: "retail.csv", line: 12, column: 8, columnName: "Country")
        #expect(short.description == "retail.csv:12: column 8 'Country': expected 8 fields as in the header, found 7")
    }

    @Test func columnNamesAppearInTypeErrors() throws {
        var options = CSVReadingOptions()
        options.types = ["CustomerID": .integer]
        #expect {
            try DataFrame(contentsOfCSVFile: Self.path("schema_integer_violation.csv"), options: options)
        } throws: { error in
            (error as? CSVError)?.columnName == "CustomerID"
        }
    }

    @Test func schemaNamingAnAbsentColumnIsAnError() {
        var options = CSVReadingOptions()
        options.types = ["CustomerId": .integer]
        #expect(throws: CSVError.self) { try DataFrame(csvString: "CustomerID\n1\n", options: options) }
    }

    @Test func unusableDelimiterIsAnError() {
        #expect(throws: CSVError.self) { try DataFrame(csvString: "a\"b\n", options: CSVReadingOptions(delimiter: "\"")) }
        #expect(throws: CSVError.self) { try DataFrame(csvString: "a\n", options: CSVReadingOptions(delimiter: "é")) }
    }
}
