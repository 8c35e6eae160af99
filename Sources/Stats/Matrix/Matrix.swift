/// A small dense matrix of `Double`, stored row-major in one contiguous array.
///
/// Rows are observations and columns are features throughout `Stats`, as in scikit-learn.
public struct Matrix: Sendable, Hashable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements, row after row (`values[i * columns + j]` is row `i`, column `j`).
    public internal(set) var values: [Double]

    /// A matrix from its row-major elements.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `values.count != rows * columns`,
    ///   `StatsError.invalidParameter` for a negative dimension.
    public init(rows: Int, columns: Int, values: [Double]) throws {
        guard rows >= 0, columns >= 0 else {
            throw StatsError.invalidParameter(name: "shape", value: "\(rows)x\(columns)", reason: "must not be negative")
        }
        guard values.count == rows * columns else {
            throw StatsError.dimensionMismatch("Matrix(rows: \(rows), columns: \(columns))", expected: rows * columns, actual: values.count)
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix filled with one value.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.values = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix from an array of rows.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when the rows differ in length.
    public init(rows nested: [[Double]]) throws {
        let width = nested.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(nested.count * width)
        for (index, row) in nested.enumerated() {
            guard row.count == width else {
                throw StatsError.dimensionMismatch("Matrix(rows:) row \(index)", expected: width, actual: row.count)
            }
            values.append(contentsOf: row)
        }
        try self.init(rows: nested.count, columns: width, values: values)
    }

    /// A matrix from an array of columns (for example the feature columns of a table).
    ///
    /// - Throws: `StatsError.dimensionMismatch` when the columns differ in length.
    public init(columns nested: [[Double]]) throws {
        let height = nested.first?.count ?? 0
        for (index, column) in nested.enumerated() where column.count != height {
            throw StatsError.dimensionMismatch("Matrix(columns:) column \(index)", expected: height, actual: column.count)
        }
        var values = [Double](repeating: 0, count: height * nested.count)
        for (j, column) in nested.enumerated() {
            for (i, value) in column.enumerated() { values[i * nested.count + j] = value }
        }
        try self.init(rows: height, columns: nested.count, values: values)
    }

    /// The element at row `i`, column `j` (indices are checked).
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// Row `i` as a new array.
    public func row(_ i: Int) -> [Double] {
        Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` as a new array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { values[$0 * columns + j] }
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { result.values[j * rows + i] = values[i * columns + j] }
        }
        return result
    }

    /// The matrix product `self * other`.
    ///
    /// - Throws: `StatsError.dimensionMismatch` when `columns != other.rows`.
    /// - Complexity: O(rows · columns · other.columns).
    public func multiplied(by other: Matrix) throws -> Matrix {
        guard columns == other.rows else {
            throw StatsError.dimensionMismatch("matrix product inner dimension", expected: columns, actual: other.rows)
        }
        var result = Matrix(rows: rows, columns: other.columns)
        let m = other.columns
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        for k in 0..<columns {
                            let aik = a[i * columns + k]
                            for j in 0..<m { c[i * m + j] += aik * b[k * m + j] }
                        }
                    }
                }
            }
        }
        return result
    }
}
