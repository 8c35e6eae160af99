extension DataFrame {
    /// A long table from a wide one: for each column of `valueColumns` in turn, every row's `ids`
    /// and the column's name and value (pandas' `melt(id_vars=, value_vars=, var_name=, value_name=)`).
    ///
    /// ```swift
    /// let long = try wide.melted(ids: ["Month"], variableName: "Country", valueName: "Revenue")
    /// ```
    /// - Parameters:
    ///   - ids: columns repeated on every output row.
    ///   - valueColumns: the columns to stack; all columns not in `ids` when nil.
    /// - Returns: the id columns, then `variableName` (text) and `valueName`. The value column has
    ///   the stacked columns' type when they share one, doubles for a mix of integers and doubles,
    ///   text otherwise (as written in a CSV file).
    /// - Throws: ``TabularError/missingColumn(_:available:)``, ``TabularError/duplicateColumn(_:)``
    ///   when an output name repeats.
    public func melted(
        ids: [String], valueColumns: [String]? = nil,
        variableName: String = "variable", valueName: String = "value"
    ) throws -> DataFrame {
        let stackedNames = valueColumns ?? columnNames.filter { !ids.contains($0) }
        let stacked = try stackedNames.map { try column($0) }
        let n = rowCount
        let repeatedRows = Array(repeating: Array(0..<n), count: stacked.count).flatMap { $0 }
        var output = try ids.map { try column($0).gathered(repeatedRows) }

        let variableCodes = stacked.indices.flatMap { Array(repeating: Int32($0), count: n) }
        output.append(Column(name: variableName, data: .string(codes: variableCodes, categories: stackedNames)))

        var value: Column
        let types = Set(stacked.map(\.type))
        if stacked.isEmpty {
            value = Column(name: valueName, data: .double([], missing: nil))
        } else if types.count == 1 || types == [.integer, .double] || types == [.date, .dateTime] {
            value = stacked[0]
            for column in stacked.dropFirst() { value = try value.concatenated(with: column) }
        } else {
            value = try stacked[0].cast(to: .string)
            for column in stacked.dropFirst() { value = try value.concatenated(with: column.cast(to: .string)) }
        }
        value.name = valueName
        output.append(value)
        return try DataFrame(columns: output)
    }
}
