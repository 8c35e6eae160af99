/// One piece of a notebook, in reading order.
public enum Cell: Sendable, Equatable {
    /// Prose, as Markdown.
    case markdown(String)
    /// A table already formatted to text.
    case table(TableCell)
    /// A PNG figure with its caption; `file` is its name under `figures/`.
    case figure(file: String, caption: String, png: [UInt8])
    /// Key metrics, shown as a two-column table.
    case metrics([Metric])
}

/// A named figure of merit: "Fill rate" — "97.4%".
public struct Metric: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A table as text cells, ready for Markdown, HTML and plain-text rendering.
public struct TableCell: Sendable, Equatable {
    public let caption: String?
    public let header: [String]
    public let rows: [[String]]
    /// Which columns hold numbers (right-aligned).
    public let numeric: [Bool]
    /// A note under the table, such as "showing 20 of 1,204 rows".
    public let note: String?
}
