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
                var stats = [Double](repeating: .nan, count: 8)
                stats[0] = Double(values.count)
                if !values.isEmpty {
                    let codes = [Int32](repeating: 0, count: values.count)
                    let (sums, _) = GroupKernels.kahanSums(values, codes: codes, missing: nil, groupCount: 1)
                    stats[1] = sums[0] / Double(values.count)
                    stats[2] = GroupKernels.variance(values, codes: codes, missing: nil, groupCount: 1)[0].squareRoot()
                    values = GroupKernels.sortedAscending(values)
                    stats[4] = GroupKernels.sortedQuantile(values, 0.25)
                    stats[5] = GroupKernels.sortedQuantile(values, 0.5)
                    stats[6] = GroupKernels.sortedQuantile(values, 0.75)
                    stats[3] = values[0]
                    stats[7] = values[values.count - 1]
                }
                output.append(GroupKernels.doubleColumn(stats).renamed(column.name))
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

extension Column {
    /// This column under another name.
    public func renamed(_ name: String) -> Column {
        var copy = self
        copy.name = name
        return copy
    }
}
