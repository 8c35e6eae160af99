/// How ``CSVReader`` reads a file: the dialect, the header, missing-value tokens and the schema.
///
/// ```swift
/// var options = CSVReadingOptions()
/// options.types["CustomerID"] = .integer      // accepts 17850.0, rejects 17850.5
/// let frame = try DataFrame(contentsOfCSVFile: "../shared/data/online-retail.csv.gz", options: options)
/// ```
public struct CSVReadingOptions: Sendable, Equatable {
    /// The field separator: one ASCII character other than `"`, CR and LF (`,` `;` tab `|` ...).
    public var delimiter: Character = ","
    /// Whether the first record holds the column names. Without a header the columns are named
    /// `column_1`, `column_2`, ... unless ``columnNames`` is given.
    public var hasHeader = true
    /// Names replacing the header's (or naming the columns of a file without a header); their
    /// count must equal the number of fields.
    public var columnNames: [String]? = nil
    /// Unquoted fields equal to one of these are missing values in columns of numbers, booleans and
    /// dates (and are skipped when inferring a column's type). A quoted field is always a value (so
    /// that the text `"NA"` survives a round trip), except that a quoted empty field is missing in a
    /// non-text column.
    public var missingValues: Set<String> = ["", "NA", "N/A", "NaN", "null", "NULL"]
    /// Unquoted fields equal to one of these are missing values in text columns, declared or
    /// inferred. By default only the empty field: a product code `NA`, `NULL` or `N/A` is a code, not
    /// a gap. Set it to ``missingValues`` for pandas' behaviour, where those are missing everywhere.
    public var missingTextValues: Set<String> = [""]
    /// The type of a column by name, overriding inference. A value that does not fit is an error.
    /// `.integer` also accepts exactly integral decimals (`17850.0`).
    public var types: [String: ColumnType] = [:]
    /// Whether to infer the type of the columns not in ``types``; when false they are text.
    public var infersTypes = true
    /// Whether to use all cores (files of a few hundred kilobytes and more).
    public var usesAllCores = true

    public init() {}

    /// Options declaring the key columns as text, so that a code `000123` keeps its zeros and a
    /// code `NA` stays a code; the other columns are inferred.
    ///
    /// ```swift
    /// let stock = try DataFrame(contentsOfCSVFile: "stock.csv", options: .init(textColumns: ["location", "sku"]))
    /// ```
    /// Reading a file without one of these columns throws ``CSVError/Kind/unknownColumn(available:)``.
    public init(textColumns: some Sequence<String>) {
        for name in textColumns { types[name] = .string }
    }

    /// Options for a delimiter: `.init(delimiter: ";")`.
    public init(delimiter: Character, hasHeader: Bool = true) {
        self.delimiter = delimiter
        self.hasHeader = hasHeader
    }
}
