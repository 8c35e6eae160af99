import Tabular

extension TableCell {
    /// Formats `frame` for a notebook: numbers rounded per column to a sensible precision, missing
    /// values blank, and at most `maxRows` rows (the first ones), with a note saying how many there are.
    public init(_ frame: DataFrame, caption: String? = nil, maxRows: Int = 20) {
        let shown = frame.head(maxRows)
        self.caption = caption
        header = shown.columnNames
        numeric = shown.columns.map { [.integer, .double].contains($0.type) }
        let formatted = shown.columns.map { column in CellFormat.strings(for: column) }
        rows = (0..<shown.rowCount).map { row in formatted.map { $0[row] } }
        note = frame.rowCount > maxRows
            ? "showing \(maxRows) of \(CellFormat.grouped(frame.rowCount)) rows" : nil
    }
}

/// How numbers look in notebook tables.
enum CellFormat {
    /// The column's values as text; doubles get one number of decimals for the whole column,
    /// chosen from its median magnitude (12,345 · 123.4 · 1.23 · 0.0123), so that one large entry
    /// (a count in a describe() table) does not round the others away; integral columns get none.
    static func strings(for column: Column) -> [String] {
        switch column.data {
        case let .integer(values, missing):
            return values.indices.map { missing?[$0] == true ? "" : grouped(values[$0]) }
        case let .double(values, missing):
            let present = values.indices.filter { missing?[$0] != true && values[$0].isFinite }.map { abs(values[$0]) }
            let typical = present.sorted()[safe: present.count / 2] ?? 0
            let integral = present.allSatisfy { $0 == $0.rounded() }
            let decimals = integral || typical >= 1000 ? 0 : typical >= 100 ? 1 : typical >= 1 ? 2 : 4
            return values.indices.map { row in
                missing?[row] == true || values[row].isNaN ? "" : fixed(values[row], decimals: decimals)
            }
        default:
            return (0..<column.count).map { column[$0].description }
        }
    }

    /// An integer with thousands separators: 1,234,567.
    static func grouped(_ value: Int) -> String { DigitGrouping.grouped(value) }

    /// A double with `decimals` decimals, thousands separated, with no "-0"; "inf" and "-inf" for
    /// infinities, "" for NaN. Any finite value prints, however large (1e308 has 309 digits).
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value > 0 ? "inf" : value < 0 ? "-inf" : "" }
        let scale = pow10(decimals)
        let rounded = (abs(value) * scale).rounded() / scale
        // Past 2^53 a double has no fraction and an integer conversion may overflow: print its digits.
        guard rounded < 0x1p53, rounded * scale < 0x1p53 else {
            let text = DigitGrouping.grouped(abs(value), decimals: decimals)
            return value < 0 ? "-" + text : text
        }
        let whole = Int(rounded.rounded(.down))
        var text = grouped(whole)
        if decimals > 0 {
            let fraction = Int(((rounded - Double(whole)) * scale).rounded())
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return value < 0 && rounded != 0 ? "-" + text : text
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
