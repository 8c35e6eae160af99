import Foundation

extension DataFrame {
    /// Reads a CSV or gzip-compressed CSV file; see ``CSVReader`` for the dialect, inference and errors.
    ///
    /// ```swift
    /// let retail = try DataFrame(contentsOfCSVFile: URL(fileURLWithPath: "../shared/data/online-retail.csv.gz"))
    /// ```
    /// - Throws: ``CSVError`` naming the file, line, column, value and what was expected.
    public init(contentsOfCSVFile url: URL, options: CSVReadingOptions = CSVReadingOptions()) throws {
        self = try CSVReader(options: options).read(contentsOf: url)
    }

    /// Reads a CSV or gzip-compressed CSV file; see ``CSVReader`` for the dialect, inference and errors.
    public init(contentsOfCSVFile path: String, options: CSVReadingOptions = CSVReadingOptions()) throws {
        self = try CSVReader(options: options).read(path: path)
    }

    /// Reads CSV text; see ``CSVReader``.
    public init(csvString: String, options: CSVReadingOptions = CSVReadingOptions()) throws {
        self = try CSVReader(options: options).read(string: csvString)
    }

    /// The column types, ready to pass as ``CSVReadingOptions/types`` to read a written frame back
    /// with exactly these types.
    public var columnTypes: [String: ColumnType] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.type) })
    }

    /// Writes the frame as CSV to `url`, atomically (a temporary file, then a rename); see
    /// ``CSVWriter`` for quoting and formats.
    public func writeCSV(to url: URL, options: CSVWritingOptions = CSVWritingOptions()) throws {
        try CSVWriter(options: options).write(self, to: url)
    }

    /// The frame as CSV text.
    public func csvString(options: CSVWritingOptions = CSVWritingOptions()) throws -> String {
        String(decoding: try CSVWriter(options: options).bytes(of: self), as: UTF8.self)
    }

    /// The frame as CSV, UTF-8 bytes.
    public func csvBytes(options: CSVWritingOptions = CSVWritingOptions()) throws -> [UInt8] {
        try CSVWriter(options: options).bytes(of: self)
    }
}
