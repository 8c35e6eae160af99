/// Vectorised arithmetic on columns, as pandas' Series arithmetic.
///
/// ```swift
/// let revenue = try frame["Quantity"] * frame["UnitPrice"]      // a double column
/// let dozens = try frame["Quantity"] / 12                         // int ÷ int is a double
/// ```
///
/// Rules: integer op integer stays integer for `+ − ×` (wrapping on overflow, as NumPy's int64) and
/// is a double for `÷` (true division: x ÷ 0 is ±inf, 0 ÷ 0 NaN); any double makes a double. A
/// missing operand makes the result missing. Dates take part as days and date-times as seconds:
/// date − date gives whole days and date-time − date-time whole seconds (integers), date ± integer
/// a date. The result carries the left operand's name (rename it with ``DataFrame/withColumn(_:_:)``).
/// Every operator throws ``TabularError/typeMismatch(column:expected:actual:)`` for text or another
/// unsupported type, and ``TabularError/lengthMismatch(column:expected:actual:)`` for columns of
/// different lengths.
extension Column {
    public static func + (lhs: Column, rhs: Column) throws -> Column { try arithmetic(.add, .column(lhs), .column(rhs)) }
    public static func - (lhs: Column, rhs: Column) throws -> Column { try arithmetic(.subtract, .column(lhs), .column(rhs)) }
    public static func * (lhs: Column, rhs: Column) throws -> Column { try arithmetic(.multiply, .column(lhs), .column(rhs)) }
    public static func / (lhs: Column, rhs: Column) throws -> Column { try arithmetic(.divide, .column(lhs), .column(rhs)) }

    public static func + (lhs: Column, rhs: Int) throws -> Column { try arithmetic(.add, .column(lhs), .integer(rhs)) }
    public static func - (lhs: Column, rhs: Int) throws -> Column { try arithmetic(.subtract, .column(lhs), .integer(rhs)) }
    public static func * (lhs: Column, rhs: Int) throws -> Column { try arithmetic(.multiply, .column(lhs), .integer(rhs)) }
    public static func / (lhs: Column, rhs: Int) throws -> Column { try arithmetic(.divide, .column(lhs), .integer(rhs)) }

    public static func + (lhs: Column, rhs: Double) throws -> Column { try arithmetic(.add, .column(lhs), .double(rhs)) }
    public static func - (lhs: Column, rhs: Double) throws -> Column { try arithmetic(.subtract, .column(lhs), .double(rhs)) }
    public static func * (lhs: Column, rhs: Double) throws -> Column { try arithmetic(.multiply, .column(lhs), .double(rhs)) }
    public static func / (lhs: Column, rhs: Double) throws -> Column { try arithmetic(.divide, .column(lhs), .double(rhs)) }

    public static func + (lhs: Int, rhs: Column) throws -> Column { try arithmetic(.add, .integer(lhs), .column(rhs)) }
    public static func - (lhs: Int, rhs: Column) throws -> Column { try arithmetic(.subtract, .integer(lhs), .column(rhs)) }
    public static func * (lhs: Int, rhs: Column) throws -> Column { try arithmetic(.multiply, .integer(lhs), .column(rhs)) }
    public static func / (lhs: Int, rhs: Column) throws -> Column { try arithmetic(.divide, .integer(lhs), .column(rhs)) }

    public static func + (lhs: Double, rhs: Column) throws -> Column { try arithmetic(.add, .double(lhs), .column(rhs)) }
    public static func - (lhs: Double, rhs: Column) throws -> Column { try arithmetic(.subtract, .double(lhs), .column(rhs)) }
    public static func * (lhs: Double, rhs: Column) throws -> Column { try arithmetic(.multiply, .double(lhs), .column(rhs)) }
    public static func / (lhs: Double, rhs: Column) throws -> Column { try arithmetic(.divide, .double(lhs), .column(rhs)) }

    /// The negated values (integers wrap at `Int.min`).
    public static prefix func - (operand: Column) throws -> Column { try arithmetic(.subtract, .integer(0), .column(operand)) }
}

// MARK: - Kernel

extension Column {
    enum ArithmeticOperator { case add, subtract, multiply, divide }

    /// A column or a scalar taking part in an element-wise operation.
    enum Operand {
        case column(Column)
        case integer(Int)
        case double(Double)
    }

    /// How an operand's values read as numbers: integers (dates and date-times by their day or
    /// second counts) or doubles, with the missing flags.
    enum NumericView {
        case integers([Int], missing: [Bool]?)
        case doubles([Double], missing: [Bool]?)
    }

    /// The type tag of integer storage: plain integers, days or seconds.
    enum IntegerUnit { case plain, days, seconds }

    func numericView() throws -> (NumericView, IntegerUnit) {
        switch data {
        case let .integer(values, missing): return (.integers(values, missing: missing?.flags), .plain)
        case let .date(values, missing): return (.integers(values, missing: missing?.flags), .days)
        case let .dateTime(values, missing): return (.integers(values, missing: missing?.flags), .seconds)
        case let .double(values, missing): return (.doubles(values, missing: missing?.flags), .plain)
        case let .boolean(values, missing): return (.integers(values.map { $0 ? 1 : 0 }, missing: missing?.flags), .plain)
        case .string: throw TabularError.typeMismatch(column: name, expected: "a numeric, date or boolean type", actual: type)
        }
    }

    static func arithmetic(_ op: ArithmeticOperator, _ lhs: Operand, _ rhs: Operand) throws -> Column {
        var name = ""
        var rows: Int?
        func view(_ operand: Operand) throws -> (NumericView?, Int?, Double?, IntegerUnit) {
            switch operand {
            case let .column(column):
                if name.isEmpty { name = column.name }
                if let rows, rows != column.count {
                    throw TabularError.lengthMismatch(column: column.name, expected: rows, actual: column.count)
                }
                rows = column.count
                let (view, unit) = try column.numericView()
                return (view, nil, nil, unit)
            case let .integer(value): return (nil, value, nil, .plain)
            case let .double(value): return (nil, nil, value, .plain)
            }
        }
        let (leftView, leftInt, leftDouble, leftUnit) = try view(lhs)
        let (rightView, rightInt, rightDouble, rightUnit) = try view(rhs)
        let n = rows ?? 0

        // The unit of the result, or an error for date arithmetic that means nothing.
        let resultUnit: IntegerUnit
        switch (leftUnit, rightUnit, op) {
        case (.plain, .plain, _): resultUnit = .plain
        case (.days, .days, .subtract), (.seconds, .seconds, .subtract): resultUnit = .plain
        case (.days, .plain, .add), (.days, .plain, .subtract), (.plain, .days, .add): resultUnit = .days
        case (.seconds, .plain, .add), (.seconds, .plain, .subtract), (.plain, .seconds, .add): resultUnit = .seconds
        default:
            let offending = [lhs, rhs].compactMap { if case let .column(c) = $0, c.type == .date || c.type == .dateTime { c } else { nil } }.first
            throw TabularError.typeMismatch(
                column: offending?.name ?? name, expected: "date − date, date ± integer or numbers", actual: offending?.type ?? .date)
        }

        func isInteger(_ view: NumericView?, _ scalar: Int?) -> Bool {
            if let view, case .integers = view { return true }
            return scalar != nil
        }
        let integerResult = isInteger(leftView, leftInt) && isInteger(rightView, rightInt) && op != .divide
        if resultUnit != .plain, !integerResult {
            throw TabularError.typeMismatch(column: name, expected: "whole days or seconds added to a date", actual: .double)
        }
        let missing = mergedMissing(leftView, rightView, rows: n)

        if integerResult {
            let a = integerValues(leftView, leftInt, rows: n)
            let b = integerValues(rightView, rightInt, rows: n)
            var out = [Int](repeating: 0, count: n)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { out in
                        switch op {
                        case .add: for i in 0..<n { out[i] = a[i] &+ b[i] }
                        case .subtract: for i in 0..<n { out[i] = a[i] &- b[i] }
                        case .multiply: for i in 0..<n { out[i] = a[i] &* b[i] }
                        case .divide: break
                        }
                    }
                }
            }
            if let missing { for i in 0..<n where missing.flags[i] { out[i] = 0 } }
            switch resultUnit {
            case .plain: return Column(name: name, data: .integer(out, missing: missing))
            case .days: return Column(name: name, data: .date(out, missing: missing))
            case .seconds: return Column(name: name, data: .dateTime(out, missing: missing))
            }
        }
        let a = doubleValues(leftView, leftInt, leftDouble, rows: n)
        let b = doubleValues(rightView, rightInt, rightDouble, rows: n)
        var out = [Double](repeating: 0, count: n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { out in
                    switch op {
                    case .add: for i in 0..<n { out[i] = a[i] + b[i] }
                    case .subtract: for i in 0..<n { out[i] = a[i] - b[i] }
                    case .multiply: for i in 0..<n { out[i] = a[i] * b[i] }
                    case .divide: for i in 0..<n { out[i] = a[i] / b[i] }
                    }
                }
            }
        }
        if let missing { for i in 0..<n where missing.flags[i] { out[i] = .nan } }
        return Column(name: name, data: .double(out, missing: missing))
    }

    private static func mergedMissing(_ a: NumericView?, _ b: NumericView?, rows: Int) -> MissingMask? {
        func flags(_ view: NumericView?) -> [Bool]? {
            switch view {
            case let .integers(_, missing)?, let .doubles(_, missing)?: missing
            case nil: nil
            }
        }
        switch (flags(a), flags(b)) {
        case (nil, nil): return nil
        case let (x?, nil), let (nil, x?): return MissingMask(x).nilIfEmpty
        case let (x?, y?): return MissingMask((0..<rows).map { x[$0] || y[$0] }).nilIfEmpty
        }
    }

    private static func integerValues(_ view: NumericView?, _ scalar: Int?, rows: Int) -> [Int] {
        if case let .integers(values, _)? = view { return values }
        return Array(repeating: scalar ?? 0, count: rows)
    }

    private static func doubleValues(_ view: NumericView?, _ int: Int?, _ double: Double?, rows: Int) -> [Double] {
        switch view {
        case let .doubles(values, _)?: return values
        case let .integers(values, _)?: return values.map(Double.init)
        case nil: return Array(repeating: double ?? Double(int ?? 0), count: rows)
        }
    }
}
