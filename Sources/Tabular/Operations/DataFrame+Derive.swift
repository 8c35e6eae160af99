/// Adding derived columns and filtering with boolean masks.
///
/// ```swift
/// let sales = try frame
///     .withColumn("Revenue", frame["Quantity"] * frame["UnitPrice"])
///     .filter(!frame["InvoiceNo"].hasPrefix("C"))
/// ```
extension DataFrame {
    /// This frame with `column` under `name`, replacing a column of that name or added at the end:
    /// pandas' `assign`.
    /// - Throws: ``TabularError/lengthMismatch(column:expected:actual:)`` when the length differs.
    public func withColumn(_ name: String, _ column: Column) throws -> DataFrame {
        var renamed = column
        renamed.name = name
        return try withColumn(renamed)
    }

    /// This frame with `column` under its own name, replacing a column of that name or added at the end.
    public func withColumn(_ column: Column) throws -> DataFrame {
        guard columnCount == 0 || column.count == rowCount else {
            throw TabularError.lengthMismatch(column: column.name, expected: rowCount, actual: column.count)
        }
        var copy = self
        try copy.set(column)
        return copy
    }

    /// This frame with the column `derive` computes from it under `name`.
    ///
    /// ```swift
    /// let priced = try frame.withColumn("Revenue") { try $0["Quantity"] * $0["UnitPrice"] }
    /// ```
    public func withColumn(_ name: String, _ derive: (DataFrame) throws -> Column) throws -> DataFrame {
        try withColumn(name, derive(self))
    }

    /// This frame with `column` added at the end (under `name` when given).
    /// - Throws: ``TabularError/duplicateColumn(_:)`` when the name is taken, or a length mismatch.
    public func adding(_ column: Column, as name: String? = nil) throws -> DataFrame {
        var renamed = column
        if let name { renamed.name = name }
        var copy = self
        try copy.append(renamed)
        return copy
    }

    /// The rows where the boolean column `mask` is true (missing counts as false).
    /// - Throws: when `mask` is not boolean or its length differs from the frame's.
    public func filter(_ mask: Column) throws -> DataFrame {
        try filter(mask.maskFlags())
    }

    /// This frame without the named columns.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for a name that is not there.
    public func removing(_ names: String...) throws -> DataFrame {
        var copy = self
        for name in names { try copy.remove(column: name) }
        return copy
    }
}
