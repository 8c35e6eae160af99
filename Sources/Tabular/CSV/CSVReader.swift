import Dispatch
import Foundation

/// Reads CSV files (RFC 4180) and gzip-compressed CSV files into a ``DataFrame``.
///
/// ```swift
/// var options = CSVReadingOptions()
/// options.types["CustomerID"] = .integer
/// let frame = try CSVReader(options: options).read(path: "../shared/data/online-retail.csv.gz")
/// ```
///
/// - Dialect: fields separated by ``CSVReadingOptions/delimiter``, records by LF, CR LF or CR; a
///   field in double quotes may hold delimiters, line breaks and doubled quotes (`""`). A UTF-8 byte
///   order mark is skipped. Text must be UTF-8.
/// - Header: the first record names the columns. Empty or repeated names are an error (pass
///   ``CSVReadingOptions/columnNames`` to rename them): a silent `Name.1` would break every script
///   that refers to the column by name. A file with only a header gives a frame of zero rows.
/// - Blank lines are skipped (in a one-column file they are missing values).
/// - Types: the schema's (``CSVReadingOptions/types``), otherwise inferred over the whole column
///   (a cancellation `C536379` after 17 kB of numeric invoice numbers makes the column text):
///   - integer: `[+-]digits` within Int64; beyond it an inferred column becomes double, a schema's
///     integer column throws ``CSVError/Kind/integerOverflow``.
///   - double: `[+-]digits[.digits][(e|E)[+-]digits]`, `.5`, `5.`, `inf`/`infinity` in any case,
///     correctly rounded. `17850.0` is a double; a schema's `.integer` accepts it (exactly integral).
///   - boolean: `true` / `false` in any case.
///   - date: `yyyy-MM-dd`; dateTime: `yyyy-MM-dd HH:mm[:ss[.fraction]][Z]` with a space or `T`,
///     UTC; the fraction is truncated to the second (the column stores seconds); other zones are
///     text. A date-shaped value that names no real date (`2011-02-30`, `25:00`) is an error
///     (``CSVError/Kind/invalidDate``) unless another value makes the column text.
///   - a column mixing integers and doubles is double, dates and date-times dateTime, anything
///     else string; a column with no value at all is text.
/// - Missing values: unquoted ``CSVReadingOptions/missingValues`` tokens in columns of numbers,
///   booleans and dates; in text columns only ``CSVReadingOptions/missingTextValues`` (by default
///   the empty field), so that a code `NA` stays a code.
/// - Errors: every malformed input throws a ``CSVError`` naming the file, the physical line, the
///   column, the value and what was expected.
///
/// - Complexity: O(bytes). The file is read (or inflated) once into memory; the bytes are tokenized on all
///   cores into field spans (8 bytes per field), then the columns are converted on all cores from
///   the spans, a column whose inferred type widens being converted again from its spans, never
///   from the file.
public struct CSVReader: Sendable {
    /// The longest field the reader accepts, in bytes (16 MiB).
    public static let maximumFieldLength = FieldSpan.maximumLength

    public var options: CSVReadingOptions

    public init(options: CSVReadingOptions = CSVReadingOptions()) {
        self.options = options
    }

    /// Reads the file at `url`; a gzip file (by its magic number) is inflated first.
    public func read(contentsOf url: URL) throws -> DataFrame {
        try read(path: url.path)
    }

    /// Reads the file at `path`; a gzip file (by its magic number) is inflated first.
    public func read(path: String) throws -> DataFrame {
        let raw = try CSVBytes.read(path: path)
        if raw.isGzip { return try readGzip(raw, file: path) }
        if path.hasSuffix(".gz"), raw.count > 0 {
            throw CSVError(.corruptGzip(reason: "no gzip header"), file: path)
        }
        return try parse(raw, file: path)
    }

    /// Reads CSV text from memory (gzip-compressed bytes are inflated first).
    /// - Parameter name: how errors name the source.
    public func read<Bytes: Collection>(bytes: Bytes, name: String = "<memory>") throws -> DataFrame where Bytes.Element == UInt8 {
        let raw = CSVBytes(bytes)
        return try parse(raw.isGzip ? raw.gunzipped(file: name) : raw, file: name)
    }

    /// Reads CSV text from a string.
    public func read(string: String, name: String = "<memory>") throws -> DataFrame {
        try read(bytes: Array(string.utf8), name: name)
    }

    // MARK: - Parsing

    func parse(_ bytes: CSVBytes, file: String) throws -> DataFrame {
        let delimiter = try delimiterByte(file: file)
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter)
        guard let layout = try layout(tokenizer, bytes: bytes, file: file) else {
            throw CSVError(.emptyFile, file: file, line: 1)
        }
        let chunks: [CSVTokenizer.Chunk]
        do {
            chunks = try tokenizer.records(from: layout.dataStart, columns: layout.names.count, parallel: usesAllCores)
        } catch {
            throw error.csvError(bytes: bytes, file: file, names: layout.names)
        }
        return try frame(bytes: bytes, chunks: chunks, names: layout.names, file: file)
    }

    var usesAllCores: Bool { options.usesAllCores && System.activeProcessorCount > 1 }

    func delimiterByte(file: String) throws -> UInt8 {
        guard let delimiter = options.delimiter.asciiValue, options.delimiter.unicodeScalars.count == 1,
              delimiter != CSVTokenizer.quote, delimiter != CSVTokenizer.lineFeed, delimiter != CSVTokenizer.carriageReturn
        else {
            throw CSVError(.invalidOptions("the delimiter must be one ASCII character other than a quote or a line break, not '\(options.delimiter)'"),
                           file: file)
        }
        return delimiter
    }

    /// The column names and where the records start.
    struct Layout {
        var names: [String]
        var dataStart: Int
    }

    /// Reads the header (or counts the first record's fields) within the tokenizer's bytes.
    /// - Returns: nil when the bytes hold nothing but a byte order mark and line breaks.
    func layout(_ tokenizer: CSVTokenizer, bytes: CSVBytes, file: String) throws -> Layout? {
        guard tokenizer.count <= FieldSpan.maximumOffset else {
            throw CSVError(.unreadable(reason: "larger than 256 GiB"), file: file)
        }
        let base = bytes.base, count = tokenizer.count
        var start = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        while start < count, base[start] == CSVTokenizer.lineFeed || base[start] == CSVTokenizer.carriageReturn { start += 1 }
        guard start < count else { return nil }
        let header: (spans: [UInt64], next: Int)
        do {
            header = try tokenizer.record(at: start)
        } catch {
            throw error.csvError(bytes: bytes, file: file, names: [])
        }
        var names: [String]
        if options.hasHeader {
            names = try header.spans.enumerated().map { column, span in
                try Self.headerName(span, column: column, bytes: bytes, file: file)
            }
        } else {
            names = (1...header.spans.count).map { "column_\($0)" }
        }
        if let given = options.columnNames {
            guard given.count == names.count else {
                throw CSVError(.invalidOptions("\(given.count) column names given for \(names.count) columns"), file: file, line: 1)
            }
            names = given
        }
        try Self.checkNames(names, file: file)
        for name in options.types.keys where !names.contains(name) {
            throw CSVError(.unknownColumn(available: names), file: file, columnName: name)
        }
        return Layout(names: names, dataStart: options.hasHeader ? header.next : start)
    }

    /// The frame of the tokenized records.
    func frame(bytes: CSVBytes, chunks: [CSVTokenizer.Chunk], names: [String], file: String) throws -> DataFrame {
        DataFrame(consistentColumns: try buildColumns(bytes: bytes, chunks: chunks, names: names, file: file))
    }

    /// Converts the columns, on all cores; the error reported is the earliest in the file.
    private func buildColumns(bytes: CSVBytes, chunks: [CSVTokenizer.Chunk], names: [String], file: String) throws -> [Column] {
        let rows = chunks.reduce(0) { $0 + $1.table.rows }
        let missing = CSVMissingTokens(options.missingValues)
        let missingText = CSVMissingTokens(options.missingTextValues)
        let options = self.options
        let builders = names.indices.map { index in
            CSVColumnBuilder(bytes: bytes, spans: ColumnSpans(tables: chunks.map(\.table), column: index), rows: rows,
                             index: index, name: names[index], file: file, missing: missing, missingText: missingText)
        }
        let slots = UnsafeMutableBufferPointer<Result<Column, CSVError>?>.allocate(capacity: builders.count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize().deallocate() }
        let shared = SendablePointer(slots)
        let work: @Sendable (Int) -> Void = { index in
            let builder = builders[index]
            do {
                let column = try builder.build(type: options.types[builder.name], infers: options.infersTypes)
                shared.buffer[index] = .success(column)
            } catch let error as CSVError {
                shared.buffer[index] = .failure(error)
            } catch {
                shared.buffer[index] = .failure(CSVError(.unreadable(reason: "\(error)"), file: file))
            }
        }
        if options.usesAllCores, builders.count > 1, rows > 10_000 {
            // Longest columns first (by their first rows' bytes), so that no long column is left
            // to run alone at the end.
            let order = builders.indices.sorted { builders[$0].sampledBytes() > builders[$1].sampledBytes() }
            DispatchQueue.concurrentPerform(iterations: order.count) { work(order[$0]) }
        } else {
            for index in builders.indices { work(index) }
        }
        var columns: [Column] = []
        var firstError: CSVError?
        for slot in slots {
            switch slot {
            case let .success(column)?: columns.append(column)
            case let .failure(error)?:
                if firstError == nil || (error.line ?? 0) < (firstError?.line ?? 0) { firstError = error }
            case nil: break
            }
        }
        if let firstError { throw firstError }
        return columns
    }

    private static func headerName(_ span: UInt64, column: Int, bytes: CSVBytes, file: String) throws -> String {
        let start = FieldSpan.start(span), length = FieldSpan.length(span)
        var raw = Array(UnsafeBufferPointer(start: bytes.base + start, count: length))
        if FieldSpan.isEscaped(span) {
            var unescaped: [UInt8] = []
            var index = 0
            while index < raw.count {
                unescaped.append(raw[index])
                index += raw[index] == CSVTokenizer.quote && index + 1 < raw.count && raw[index + 1] == CSVTokenizer.quote ? 2 : 1
            }
            raw = unescaped
        }
        guard let name = String(validating: raw, as: UTF8.self) else {
            throw CSVError(.invalidUTF8, file: file, line: bytes.line(at: start), column: column + 1,
                           value: bytes.excerpt(start: start, count: length))
        }
        return name
    }

    private static func checkNames(_ names: [String], file: String) throws {
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty { throw CSVError(.emptyColumnName, file: file, line: 1, column: index + 1, value: "") }
            if let first = seen[name] {
                throw CSVError(.duplicateColumnName(firstColumn: first + 1), file: file, line: 1, column: index + 1,
                               columnName: name, value: name)
            }
            seen[name] = index
        }
    }
}

extension CSVTokenizer.Failure {
    func csvError(bytes: CSVBytes, file: String, names: [String]) -> CSVError {
        CSVError(kind, file: file, line: bytes.line(at: offset), column: column,
                 columnName: column.flatMap { $0 >= 1 && $0 <= names.count ? names[$0 - 1] : nil },
                 value: valueLength >= 0 ? bytes.excerpt(start: valueStart, count: valueLength) : nil)
    }
}
