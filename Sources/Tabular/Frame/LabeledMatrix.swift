import Foundation

/// A numeric matrix with row and column labels: what a heatmap draws and a pivot table holds.
public struct LabeledMatrix: Sendable, Equatable {
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`.
    public var values: [[Double]]

    public init(rows: [String], columns: [String], values: [[Double]]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The matrix of a pivot of `frame`: rows by `index`, columns by `columns`, cells the `aggregate`
    /// of `values` (0 where no row falls).
    public init(pivoting frame: DataFrame, index: String, columns: String, values: String,
                aggregate: Aggregation.Function = .sum) throws {
        let wide = try frame.pivot(index: index, columns: columns, values: values, aggregate: aggregate)
        let valueColumns = wide.columns.filter { $0.name != index }
        let labels = try wide.column(index)
        rows = (0..<wide.rowCount).map { labels[$0].description }
        self.columns = valueColumns.map(\.name)
        let series = valueColumns.map { $0.doubles ?? [] }
        self.values = (0..<wide.rowCount).map { row in series.map { $0[row].isNaN ? 0 : $0[row] } }
    }

    /// The row labels read as ISO dates (`2011-01-03`), for the time axis of a chart; nil when a
    /// label is not a date.
    public var rowDates: [Date]? {
        let dates = rows.compactMap { CivilDate(iso: $0)?.date }
        return dates.count == rows.count ? dates : nil
    }

    /// The column `name` as a series down the rows; zeros when there is no such column (nothing
    /// was sold there).
    public func series(_ name: String) -> [Double] {
        guard let index = columns.firstIndex(of: name) else { return Array(repeating: 0, count: rows.count) }
        return values.map { $0[index] }
    }

    /// Each row divided by its total, so rows sum to 1 (a row of zeros stays zeros).
    public var rowShares: LabeledMatrix {
        var copy = self
        copy.values = values.map { row in
            let total = row.reduce(0, +)
            return total > 0 ? row.map { $0 / total } : row
        }
        return copy
    }

    /// The `count` rows of largest total, largest first (ties in row order); all rows, in that
    /// order, when there are no more than `count`.
    public func largestRows(_ count: Int) -> LabeledMatrix {
        let totals = values.map { $0.reduce(0, +) }
        let order = rows.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }.prefix(max(0, count))
        return LabeledMatrix(rows: order.map { rows[$0] }, columns: columns, values: order.map { values[$0] })
    }

    /// Each column divided by its total.
    public var columnShares: LabeledMatrix {
        var copy = self
        let totals = columns.indices.map { column in values.reduce(0) { $0 + $1[column] } }
        copy.values = values.map { row in row.indices.map { totals[$0] > 0 ? row[$0] / totals[$0] : 0 } }
        return copy
    }

    /// As a frame: a label column named `label`, then one double column per matrix column.
    public func frame(label: String) throws -> DataFrame {
        var frame = try DataFrame(columns: [Column(label, rows)])
        for (index, name) in columns.enumerated() {
            try frame.append(Column(name, values.map { $0[index] }))
        }
        return frame
    }
}
