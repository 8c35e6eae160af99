/// Element-wise comparisons that give boolean masks, and the logic to combine masks.
///
/// ```swift
/// let mask = try frame["Quantity"] > 0 && frame["Country"] == "United Kingdom"
/// let kept = try frame.filter(mask)
/// ```
///
/// As in pandas, a comparison with a missing value (or NaN) is false, except `!=`, which is true;
/// the masks themselves have no missing values. Integers and doubles compare by numeric value,
/// text by Unicode code point, dates and date-times with ``CivilDate`` (a date-time against a date
/// compares with that date's midnight). Comparing incompatible types throws
/// ``TabularError/typeMismatch(column:expected:actual:)``.
extension Column {
    public static func == (lhs: Column, rhs: Int) throws -> Column { try compare(lhs, .integer(rhs), .equal) }
    public static func != (lhs: Column, rhs: Int) throws -> Column { try compare(lhs, .integer(rhs), .notEqual) }
    public static func < (lhs: Column, rhs: Int) throws -> Column { try compare(lhs, .integer(rhs), .less) }
    public static func <= (lhs: Column, rhs: Int) throws -> Column { try compare(lhs, .integer(rhs), .lessOrEqual) }
    public static func > (lhs: Column, rhs: Int) throws -> Column { try compare(lhs, .integer(rhs), .greater) }
    public static func >= (lhs: Column, rhs: Int) throws -> Column { try compare(lhs, .integer(rhs), .greaterOrEqual) }

    public static func == (lhs: Column, rhs: Double) throws -> Column { try compare(lhs, .double(rhs), .equal) }
    public static func != (lhs: Column, rhs: Double) throws -> Column { try compare(lhs, .double(rhs), .notEqual) }
    public static func < (lhs: Column, rhs: Double) throws -> Column { try compare(lhs, .double(rhs), .less) }
    public static func <= (lhs: Column, rhs: Double) throws -> Column { try compare(lhs, .double(rhs), .lessOrEqual) }
    public static func > (lhs: Column, rhs: Double) throws -> Column { try compare(lhs, .double(rhs), .greater) }
    public static func >= (lhs: Column, rhs: Double) throws -> Column { try compare(lhs, .double(rhs), .greaterOrEqual) }

    public static func == (lhs: Column, rhs: String) throws -> Column { try compare(lhs, .text(rhs), .equal) }
    public static func != (lhs: Column, rhs: String) throws -> Column { try compare(lhs, .text(rhs), .notEqual) }
    public static func < (lhs: Column, rhs: String) throws -> Column { try compare(lhs, .text(rhs), .less) }
    public static func <= (lhs: Column, rhs: String) throws -> Column { try compare(lhs, .text(rhs), .lessOrEqual) }
    public static func > (lhs: Column, rhs: String) throws -> Column { try compare(lhs, .text(rhs), .greater) }
    public static func >= (lhs: Column, rhs: String) throws -> Column { try compare(lhs, .text(rhs), .greaterOrEqual) }

    public static func == (lhs: Column, rhs: CivilDate) throws -> Column { try compare(lhs, .date(rhs), .equal) }
    public static func != (lhs: Column, rhs: CivilDate) throws -> Column { try compare(lhs, .date(rhs), .notEqual) }
    public static func < (lhs: Column, rhs: CivilDate) throws -> Column { try compare(lhs, .date(rhs), .less) }
    public static func <= (lhs: Column, rhs: CivilDate) throws -> Column { try compare(lhs, .date(rhs), .lessOrEqual) }
    public static func > (lhs: Column, rhs: CivilDate) throws -> Column { try compare(lhs, .date(rhs), .greater) }
    public static func >= (lhs: Column, rhs: CivilDate) throws -> Column { try compare(lhs, .date(rhs), .greaterOrEqual) }

    /// Element-wise `<` between two columns of comparable types.
    public static func < (lhs: Column, rhs: Column) throws -> Column { try compare(lhs, rhs, .less) }
    public static func <= (lhs: Column, rhs: Column) throws -> Column { try compare(lhs, rhs, .lessOrEqual) }
    public static func > (lhs: Column, rhs: Column) throws -> Column { try compare(lhs, rhs, .greater) }
    public static func >= (lhs: Column, rhs: Column) throws -> Column { try compare(lhs, rhs, .greaterOrEqual) }

    /// Element-wise equality with another column (`==` between columns compares whole columns).
    public func elementsEqual(_ other: Column) throws -> Column { try Column.compare(self, other, .equal) }

    /// A mask that is true where the value is missing (or NaN): pandas' `isna()`.
    public func isMissing() -> Column {
        Column(name: name, data: .boolean((0..<count).map { isMissingOrNaN($0) }, missing: nil))
    }

    /// A mask that is true where a value is present: pandas' `notna()`.
    public func isPresent() -> Column {
        Column(name: name, data: .boolean((0..<count).map { !isMissingOrNaN($0) }, missing: nil))
    }

    /// Whether the value at `row` is missing or a NaN double.
    @inline(__always)
    func isMissingOrNaN(_ row: Int) -> Bool {
        if case let .double(values, _) = data, values[row].isNaN { return true }
        return data.isMissing(row)
    }
}

// MARK: - Mask logic

extension Column {
    /// Element-wise AND of two boolean columns with three-valued logic: false && missing is false,
    /// true && missing is missing (pandas' nullable booleans).
    public static func && (lhs: Column, rhs: Column) throws -> Column {
        let (a, am, b, bm) = try booleanPair(lhs, rhs)
        var missing = [Bool](repeating: false, count: a.count)
        var values = [Bool](repeating: false, count: a.count)
        for i in a.indices {
            let leftFalse = !am[i] && !a[i], rightFalse = !bm[i] && !b[i]
            if leftFalse || rightFalse { continue }
            if am[i] || bm[i] { missing[i] = true } else { values[i] = true }
        }
        return Column(name: lhs.name, data: .boolean(values, missing: MissingMask(missing).nilIfEmpty))
    }

    /// Element-wise OR of two boolean columns with three-valued logic: true || missing is true,
    /// false || missing is missing.
    public static func || (lhs: Column, rhs: Column) throws -> Column {
        let (a, am, b, bm) = try booleanPair(lhs, rhs)
        var missing = [Bool](repeating: false, count: a.count)
        var values = [Bool](repeating: false, count: a.count)
        for i in a.indices {
            let leftTrue = !am[i] && a[i], rightTrue = !bm[i] && b[i]
            if leftTrue || rightTrue { values[i] = true } else if am[i] || bm[i] { missing[i] = true }
        }
        return Column(name: lhs.name, data: .boolean(values, missing: MissingMask(missing).nilIfEmpty))
    }

    /// Element-wise NOT of a boolean column; missing stays missing.
    public static prefix func ! (operand: Column) throws -> Column {
        guard case let .boolean(values, missing) = operand.data else {
            throw TabularError.typeMismatch(column: operand.name, expected: "boolean", actual: operand.type)
        }
        var flipped = values.map { !$0 }
        if let missing { for i in flipped.indices where missing[i] { flipped[i] = false } }
        return Column(name: operand.name, data: .boolean(flipped, missing: missing))
    }

    /// The mask as plain flags for filtering: missing counts as false.
    /// - Throws: when the column is not boolean.
    public func maskFlags() throws -> [Bool] {
        guard case let .boolean(values, missing) = data else {
            throw TabularError.typeMismatch(column: name, expected: "boolean", actual: type)
        }
        guard let missing else { return values }
        return values.indices.map { values[$0] && !missing[$0] }
    }

    private static func booleanPair(_ lhs: Column, _ rhs: Column) throws -> ([Bool], [Bool], [Bool], [Bool]) {
        guard case let .boolean(a, am) = lhs.data else {
            throw TabularError.typeMismatch(column: lhs.name, expected: "boolean", actual: lhs.type)
        }
        guard case let .boolean(b, bm) = rhs.data else {
            throw TabularError.typeMismatch(column: rhs.name, expected: "boolean", actual: rhs.type)
        }
        guard a.count == b.count else { throw TabularError.lengthMismatch(column: rhs.name, expected: a.count, actual: b.count) }
        return (a, am?.flags ?? Array(repeating: false, count: a.count), b, bm?.flags ?? Array(repeating: false, count: b.count))
    }
}

// MARK: - Kernels

extension Column {
    enum Comparison {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

        @inline(__always)
        func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch self {
            case .equal: a == b
            case .notEqual: a != b
            case .less: a < b
            case .lessOrEqual: a <= b
            case .greater: a > b
            case .greaterOrEqual: a >= b
            }
        }

        /// Whether the comparison holds when the sign of a three-way comparison is `order`.
        func holds(order: Int) -> Bool { holds(order, 0) }
    }

    enum Scalar {
        case integer(Int)
        case double(Double)
        case text(String)
        case date(CivilDate)
    }

    static func compare(_ column: Column, _ scalar: Scalar, _ comparison: Comparison) throws -> Column {
        let n = column.count
        let missingResult = comparison == .notEqual
        var out = [Bool](repeating: false, count: n)
        func mismatch(_ expected: String) -> TabularError {
            TabularError.typeMismatch(column: column.name, expected: expected, actual: column.type)
        }
        switch (column.data, scalar) {
        case let (.integer(values, missing), .integer(b)):
            for i in 0..<n { out[i] = comparison.holds(values[i], b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case let (.integer(values, missing), .double(b)):
            for i in 0..<n { out[i] = b.isNaN ? missingResult : comparison.holds(Double(values[i]), b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case let (.double(values, missing), .integer(b)):
            let b = Double(b)
            for i in 0..<n { out[i] = values[i].isNaN ? missingResult : comparison.holds(values[i], b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case let (.double(values, missing), .double(b)):
            for i in 0..<n { out[i] = values[i].isNaN || b.isNaN ? missingResult : comparison.holds(values[i], b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case let (.boolean(values, missing), .integer(b)):
            for i in 0..<n { out[i] = comparison.holds(values[i] ? 1 : 0, b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case let (.string(codes, categories), .text(b)):
            let perCategory = categories.map { text -> Bool in
                let order = text == b ? 0 : (textPrecedes(text, b) ? -1 : 1)
                return comparison.holds(order: order)
            }
            for i in 0..<n {
                let code = Int(codes[i])
                out[i] = code < 0 ? missingResult : perCategory[code]
            }
        case let (.date(values, missing), .date(b)):
            let b = b.daysSince1970
            for i in 0..<n { out[i] = comparison.holds(values[i], b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case let (.dateTime(values, missing), .date(b)):
            let b = b.daysSince1970 * 86_400
            for i in 0..<n { out[i] = comparison.holds(values[i], b) }
            if let missing { for i in 0..<n where missing[i] { out[i] = missingResult } }
        case (.string, _): throw mismatch("a text value to compare with")
        case (.date, _), (.dateTime, _): throw mismatch("a CivilDate to compare with")
        case (_, .text): throw mismatch("string")
        case (_, .date): throw mismatch("date or dateTime")
        default: throw mismatch("a number to compare with")
        }
        return Column(name: column.name, data: .boolean(out, missing: nil))
    }

    static func compare(_ lhs: Column, _ rhs: Column, _ comparison: Comparison) throws -> Column {
        guard lhs.count == rhs.count else {
            throw TabularError.lengthMismatch(column: rhs.name, expected: lhs.count, actual: rhs.count)
        }
        let n = lhs.count
        let missingResult = comparison == .notEqual
        var out = [Bool](repeating: false, count: n)
        switch (lhs.data, rhs.data) {
        case let (.string(a, ac), .string(b, bc)):
            for i in 0..<n {
                if a[i] < 0 || b[i] < 0 { out[i] = missingResult; continue }
                let x = ac[Int(a[i])], y = bc[Int(b[i])]
                out[i] = comparison.holds(order: x == y ? 0 : (textPrecedes(x, y) ? -1 : 1))
            }
        case let (.integer(a, am), .integer(b, bm)), let (.date(a, am), .date(b, bm)), let (.dateTime(a, am), .dateTime(b, bm)):
            for i in 0..<n { out[i] = (am?[i] ?? false) || (bm?[i] ?? false) ? missingResult : comparison.holds(a[i], b[i]) }
        case let (.boolean(a, am), .boolean(b, bm)):
            for i in 0..<n { out[i] = (am?[i] ?? false) || (bm?[i] ?? false) ? missingResult : comparison.holds(a[i] ? 1 : 0, b[i] ? 1 : 0) }
        case (.integer, .double), (.double, .integer), (.double, .double):
            let a = lhs.doubles ?? [], b = rhs.doubles ?? []
            for i in 0..<n { out[i] = a[i].isNaN || b[i].isNaN ? missingResult : comparison.holds(a[i], b[i]) }
        default:
            throw TabularError.typeMismatch(column: rhs.name, expected: "\(lhs.type) (to compare with '\(lhs.name)')", actual: rhs.type)
        }
        return Column(name: lhs.name, data: .boolean(out, missing: nil))
    }
}
