extension DataFrame {
    /// Summary statistics per column, as pandas' `describe()`: one row per statistic, one column per
    /// described column, after a first column `statistic` naming the row.
    ///
    /// - Numeric columns (integers and doubles; booleans, dates and text are left out, as pandas
    ///   does by default): `count`, `mean`, `std` (ddof 1), `min`, `25%`, `50%`, `75%`, `max`, as
    ///   doubles; quantiles interpolate linearly (NumPy's default). Missing values and NaN are
    ///   skipped; a column without values gives count 0 and missing statistics, std needs two values.
    /// - When the frame has no numeric column, its text columns instead: `count`, `unique`, `top`
    ///   (the most frequent value; the first to appear among ties) and `freq`, as text cells.
    /// - Throws: ``TabularError/invalidArgument(_:)`` when there is no numeric or text column.
    public func describe() throws -> DataFrame {
        let numeric = columns.filter { $0.type == .integer || $0.type == .double }
        if !numeric.isEmpty {
            var output = [Column("statistic", ["count", "mean", "std", "min", "25%", "50%", "75%", "max"])]
            for column in numeric {
                var values = (column.doubles ?? []).filter { !$0.isNaN }
                output.append(GroupKernels.doubleColumn(Self.numericSummary(&values)).renamed(column.name))
            }
            return try DataFrame(columns: output)
        }
        let text = columns.filter { $0.type == .string }
        guard !text.isEmpty else {
            throw TabularError.invalidArgument("describe() needs a numeric or text column; the frame has \(columnCount) columns of other types")
        }
        var output = [Column("statistic", ["count", "unique", "top", "freq"])]
        for column in text {
            let counts = try DataFrame(columns: [column]).valueCounts(column.name)
            let present = column.count - column.missingCount
            let top: String? = counts.rowCount > 0 ? counts.columns[0][0].description : nil
            let freq: String? = counts.rowCount > 0 ? counts.columns[1][0].description : nil
            output.append(Column(column.name, [String(present), String(counts.rowCount), top, freq]))
        }
        return try DataFrame(columns: output)
    }
}

extension DataFrame {
    /// count, mean, std, min, 25%, 50%, 75%, max of `values` (no NaN; reordered in place).
    static func numericSummary(_ values: inout [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return [0] + Array(repeating: .nan, count: 7) }
        // Kahan-compensated mean (as pandas), then squared deviations from it.
        var sum = 0.0, compensation = 0.0
        for value in values {
            let y = value - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        let mean = sum / Double(n)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        let std = n < 2 ? Double.nan : (squares / Double(n - 1)).squareRoot()
        let quartiles = GroupKernels.quantiles(of: &values, [0, 0.25, 0.5, 0.75, 1])
        return [Double(n), mean, std, quartiles[0], quartiles[1], quartiles[2], quartiles[3], quartiles[4]]
    }
}

extension Column {
    /// This column under another name.
    public func renamed(_ name: String) -> Column {
        var copy = self
        copy.name = name
        return copy
    }
}
