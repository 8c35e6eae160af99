import Foundation

extension DataFrame: CustomStringConvertible {
    /// The frame as an aligned text table for the terminal; see ``formatted(maxRows:maxColumnWidth:)``.
    public var description: String { formatted() }

    /// The frame as an aligned text table for the terminal, as pandas prints one.
    ///
    /// Numbers are right-aligned, other values left-aligned; the row number leads each line. Doubles
    /// in a column share one number of decimals (at most 6, trailing zeros trimmed column-wide);
    /// missing values print as `NaN`. A frame of more than `maxRows` rows shows its first and last
    /// `maxRows / 2` rows around a `...` line, followed by its shape (`[541909 rows x 8 columns]`).
    /// Text longer than `maxColumnWidth` characters is cut with `…`.
    public func formatted(maxRows: Int = 20, maxColumnWidth: Int = 30) -> String {
        let table = TableText(frame: self, maxRows: maxRows, maxDecimals: 6, missing: "NaN", maxWidth: maxColumnWidth)
        var headers = [""] + table.headers
        var cells = [table.rowLabels] + table.cells
        var rightAligned = [true] + table.rightAligned
        if rowCount == 0 {
            headers.removeFirst()
            cells.removeFirst()
            rightAligned.removeFirst()
        }
        if table.columnsShown == 0 {
            headers = ["Empty DataFrame"]
            cells = [[]]
            rightAligned = [false]
        }
        let widths = headers.indices.map { column in
            ([headers[column]] + cells[column]).map(\.count).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            values.indices.map { column in
                pad(values[column], to: widths[column], right: rightAligned[column])
            }.joined(separator: "  ")
        }
        var lines = [line(headers)]
        for row in 0..<(cells.first?.count ?? 0) {
            if row == table.ellipsisAt { lines.append(line(widths.map { _ in "..." })) }
            lines.append(line(cells.map { $0[row] }))
        }
        if table.ellipsisAt == cells.first?.count { lines.append(line(widths.map { _ in "..." })) }
        if table.isTruncated || columns.isEmpty || rowCount == 0 {
            lines.append("")
            lines.append("[\(rowCount) rows x \(columnCount) columns]")
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    /// The frame as a Markdown (GitHub) table: a header, an alignment row (numbers right-aligned) and
    /// the rows, `|` escaped and line breaks replaced by spaces.
    ///
    /// Doubles in a column share one number of decimals: `decimals` when given, otherwise the fewest
    /// that show every value exactly, at most 4. Missing values are empty cells. A frame of more than
    /// `maxRows` rows shows its first and last `maxRows / 2` rows around a `…` row, with a line below
    /// giving its shape.
    public func markdownTable(maxRows: Int = 20, decimals: Int? = nil) -> String {
        let table = TableText(frame: self, maxRows: maxRows, maxDecimals: decimals ?? 4, fixedDecimals: decimals != nil,
                              missing: "", maxWidth: Int.max)
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
        func row(_ values: [String]) -> String { "| " + values.map(escape).joined(separator: " | ") + " |" }
        guard table.columnsShown > 0 else { return "*(empty table: \(rowCount) rows x \(columnCount) columns)*\n" }
        var lines = [row(table.headers), "|" + table.rightAligned.map { $0 ? " ---: |" : " --- |" }.joined()]
        let shown = table.cells.first?.count ?? 0
        for index in 0..<shown {
            if index == table.ellipsisAt { lines.append(row(table.headers.map { _ in "…" })) }
            lines.append(row(table.cells.map { $0[index] }))
        }
        if table.ellipsisAt == shown { lines.append(row(table.headers.map { _ in "…" })) }
        if table.isTruncated { lines.append(""); lines.append("\(rowCount) rows × \(columnCount) columns") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Pads `text` with spaces to `width` characters on the left (`right` aligned) or the right.
private func pad(_ text: String, to width: Int, right: Bool) -> String {
    let padding = String(repeating: " ", count: Swift.max(0, width - text.count))
    return right ? padding + text : text + padding
}

/// The cells of a frame as text, ready to lay out.
struct TableText {
    var headers: [String]
    /// Per column, the cell of each shown row.
    var cells: [[String]]
    var rightAligned: [Bool]
    /// The row numbers of the shown rows.
    var rowLabels: [String]
    /// The shown row before which the `...` line goes, if rows were left out.
    var ellipsisAt: Int?
    var isTruncated: Bool { ellipsisAt != nil }
    var columnsShown: Int { headers.count }

    init(frame: DataFrame, maxRows: Int, maxDecimals: Int, fixedDecimals: Bool = false, missing: String, maxWidth: Int) {
        let n = frame.rowCount
        let limit = Swift.max(maxRows, 2)
        var shown = Array(0..<n)
        if n > limit {
            let half = limit / 2
            shown = Array(0..<half) + Array((n - half)..<n)
            ellipsisAt = half
        }
        headers = frame.columnNames
        rowLabels = shown.map(String.init)
        rightAligned = frame.columns.map { $0.type == .integer || $0.type == .double }
        cells = frame.columns.map { column in
            TableText.format(column, rows: shown, maxDecimals: maxDecimals, fixed: fixedDecimals, missing: missing, maxWidth: maxWidth)
        }
    }

    static func format(_ column: Column, rows: [Int], maxDecimals: Int, fixed: Bool, missing: String, maxWidth: Int) -> [String] {
        if case let .double(values, _) = column.data {
            let present = rows.filter { !column.isMissingOrNaN($0) }.map { values[$0] }
            let finite = present.filter(\.isFinite)
            let largest = finite.map(abs).max() ?? 0
            let smallestNonZero = finite.map(abs).filter { $0 > 0 }.min() ?? 1
            let scientific = largest >= 1e15 || (!fixed && smallestNonZero < pow(10, -Double(maxDecimals)) / 2 && largest < 1)
            let decimals = fixed ? maxDecimals : (finite.map { decimalsNeeded($0, max: maxDecimals) }.max() ?? 0)
            return rows.map { row in
                if column.isMissingOrNaN(row) { return missing }
                let value = values[row]
                if !value.isFinite { return value > 0 ? "inf" : "-inf" }
                if scientific { return String(format: "%.\(Swift.max(decimals, 3))e", value) }
                return String(format: "%.\(decimals)f", value)
            }
        }
        return rows.map { row in
            let value = column[row]
            if value.isMissing { return missing }
            let text = value.description
            return text.count > maxWidth ? String(text.prefix(Swift.max(1, maxWidth - 1))) + "…" : text
        }
    }

    /// The fewest decimals (up to `max`) that write `value` without rounding it visibly.
    static func decimalsNeeded(_ value: Double, max: Int) -> Int {
        var scaled = value
        for decimals in 0..<max {
            if abs(scaled - scaled.rounded()) <= 1e-9 * Swift.max(1, abs(scaled)) { return decimals }
            scaled *= 10
        }
        return max
    }
}
