extension DataFrame {
    /// A wide table from a long one: one row per distinct `index` key, one column per distinct value
    /// of `columns`, each cell `function` of the `values` of its rows (pandas'
    /// `pivot_table(index=, columns=, values=, aggfunc=, fill_value=)`).
    ///
    /// ```swift
    /// let monthly = try sales.pivot(index: ["Month"], columns: "Country", values: "Revenue",
    ///                               aggregate: .sum, fill: .double(0))
    /// ```
    /// Rows and columns come in ascending key order, as pandas sorts them; the new columns are named
    /// by the text of their key (`2011-01-01`, `France`). Rows with a missing index or column key are
    /// left out. A cell with no rows is missing, or `fill` when given.
    /// - Throws: ``TabularError/missingColumn(_:available:)``, a type mismatch for an aggregation
    ///   the value column does not support, ``TabularError/duplicateColumn(_:)`` when a new column's
    ///   name is an index column's.
    public func pivot(
        index: [String], columns: String, values: String,
        aggregate function: Aggregation.Function = .sum, fill: Value? = nil
    ) throws -> DataFrame {
        let rowFactors = try factorization(of: index, keepingMissing: false)
        let columnFactors = try column(columns).factorized()
        let cells = rowFactors.combined(with: columnFactors)
        let valueColumn = try column(values)
        let aggregated = try GroupKernels.aggregate(function, valueColumn, codes: cells.codes, groupCount: cells.groupCount) {
            GroupedRows(codes: cells.codes, groupCount: cells.groupCount)
        }

        let rowOrder = try selecting(index).rows(rowFactors.firstRows).sortPermutation(index.map { SortKey($0) })
        let columnKeys = try column(columns).gathered(columnFactors.firstRows)
        let columnOrder = try DataFrame(columns: [columnKeys]).sortPermutation([SortKey(columns)])
        var rowPosition = [Int](repeating: 0, count: rowFactors.groupCount)
        for (position, group) in rowOrder.enumerated() { rowPosition[group] = position }

        // cellOf[column group][row position] = the cell's group, or -1 when no row fell there.
        var cellOf = [[Int]](repeating: [Int](repeating: -1, count: rowOrder.count), count: columnFactors.groupCount)
        for cell in 0..<cells.groupCount {
            let first = cells.firstRows[cell]
            cellOf[Int(columnFactors.codes[first])][rowPosition[Int(rowFactors.codes[first])]] = cell
        }
        var result = try selecting(index).rows(rowOrder.map { rowFactors.firstRows[$0] })
        for group in columnOrder {
            var wide = aggregated.gathered(cellOf[group])
            wide.name = columnKeys[group].description
            if let fill { wide = try wide.fillingMissing(with: fill) }
            try result.append(wide)
        }
        return result
    }

    /// A pivot on one index column; see the variant taking an array of index columns.
    public func pivot(
        index: String, columns: String, values: String,
        aggregate function: Aggregation.Function = .sum, fill: Value? = nil
    ) throws -> DataFrame {
        try pivot(index: [index], columns: columns, values: values, aggregate: function, fill: fill)
    }
}
