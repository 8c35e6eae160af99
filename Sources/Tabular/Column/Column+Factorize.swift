/// Dense integer codes for the distinct values of one or more columns: the building block of
/// group-by, unique, value counts and joins.
public struct Factorization: Sendable, Equatable {
    /// The group of each row, numbered 0..<groupCount in order of first appearance; -1 for rows
    /// whose key has a missing value (they belong to no group, as in pandas' `dropna=True`).
    public var codes: [Int32]
    /// The first row of each group.
    public var firstRows: [Int]

    public var groupCount: Int { firstRows.count }
}

extension Column {
    /// Numbers the distinct values of this column in order of first appearance.
    ///
    /// Doubles compare by value with `-0.0 == 0.0`; NaN counts as missing.
    /// - Complexity: O(n) expected.
    public func factorized() -> Factorization {
        switch data {
        case let .string(codes, categories):
            return Self.factorize(codes: codes, alphabet: categories.count)
        case let .boolean(values, missing):
            return Self.factorize(values.indices.map { missing?[$0] == true ? -1 : (values[$0] ? 1 : 0) }, alphabet: 2)
        case let .integer(values, missing), let .date(values, missing), let .dateTime(values, missing):
            return Self.factorize(values, missing: missing)
        case let .double(values, missing):
            if let integral = Self.integralValues(values, missing: missing) {
                // Whole numbers (identifiers read as `17850.0`): numbered by value, like integers.
                return Self.factorize(integral.values, missing: integral.missing)
            }
            var bits = [Int](repeating: 0, count: values.count)
            var mask = missing ?? MissingMask(rows: values.count)
            for row in values.indices {
                let value = values[row]
                if value.isNaN { mask.setMissing(row) } else { bits[row] = Int(bitPattern: UInt((value + 0.0).bitPattern)) }
            }
            return Self.factorize(bits, missing: mask.nilIfEmpty)
        }
    }

    /// The values as integers with NaN as missing, when every present value is a whole number of
    /// magnitude below 2^53; nil otherwise.
    static func integralValues(_ values: [Double], missing: MissingMask?) -> (values: [Int], missing: MissingMask?)? {
        var ints = [Int](repeating: 0, count: values.count)
        var mask = missing ?? MissingMask(rows: values.count)
        for row in values.indices {
            let value = values[row]
            if value.isNaN || mask[row] {
                mask.setMissing(row)
                continue
            }
            guard abs(value) < 9_007_199_254_740_992, value == value.rounded(.towardZero) else { return nil }
            ints[row] = Int(value)
        }
        return (ints, mask.nilIfEmpty)
    }

    /// Codes already dense in 0..<alphabet (negative = missing): renumbered by first appearance.
    static func factorize(codes: [Int32], alphabet: Int) -> Factorization {
        var renumber = [Int32](repeating: -1, count: alphabet)
        var firstRows: [Int] = []
        var result = [Int32](repeating: -1, count: codes.count)
        for row in codes.indices {
            let code = Int(codes[row])
            guard code >= 0 else { continue }
            if renumber[code] < 0 {
                renumber[code] = Int32(firstRows.count)
                firstRows.append(row)
            }
            result[row] = renumber[code]
        }
        return Factorization(codes: result, firstRows: firstRows)
    }

    static func factorize(_ codes: [Int], alphabet: Int) -> Factorization {
        factorize(codes: codes.map { Int32($0) }, alphabet: alphabet)
    }

    static func factorize(_ values: [Int], missing: MissingMask?) -> Factorization {
        if let (low, high) = Self.range(values, missing: missing), high - low < max(1024, values.count) {
            // A small range: direct addressing beats hashing.
            let codes = values.indices.map { missing?[$0] == true ? Int32(-1) : Int32(values[$0] - low) }
            return factorize(codes: codes, alphabet: high - low + 1)
        }
        var lookup: [Int: Int32] = [:]
        lookup.reserveCapacity(min(values.count, 1 << 16))
        var firstRows: [Int] = []
        var result = [Int32](repeating: -1, count: values.count)
        for row in values.indices where missing?[row] != true {
            let next = Int32(firstRows.count)
            let code = lookup[values[row], default: next]
            if code == next {
                lookup[values[row]] = next
                firstRows.append(row)
            }
            result[row] = code
        }
        return Factorization(codes: result, firstRows: firstRows)
    }

    private static func range(_ values: [Int], missing: MissingMask?) -> (Int, Int)? {
        var low = Int.max, high = Int.min
        for row in values.indices where missing?[row] != true {
            low = Swift.min(low, values[row])
            high = Swift.max(high, values[row])
        }
        guard low <= high, high.subtractingReportingOverflow(low).overflow == false else { return nil }
        return (low, high)
    }
}

extension Factorization {
    /// The groups of the combined key (`self`, `other`), in order of first appearance; a row missing
    /// in either part is missing in the combination.
    public func combined(with other: Factorization) -> Factorization {
        let width = Int(other.groupCount)
        var result = [Int32](repeating: -1, count: codes.count)
        var firstRows: [Int] = []
        if groupCount.multipliedReportingOverflow(by: width).partialValue <= max(1 << 20, codes.count * 2) {
            var renumber = [Int32](repeating: -1, count: max(1, groupCount * width))
            for row in codes.indices where codes[row] >= 0 && other.codes[row] >= 0 {
                let key = Int(codes[row]) * width + Int(other.codes[row])
                if renumber[key] < 0 {
                    renumber[key] = Int32(firstRows.count)
                    firstRows.append(row)
                }
                result[row] = renumber[key]
            }
        } else {
            var lookup: [Int: Int32] = [:]
            for row in codes.indices where codes[row] >= 0 && other.codes[row] >= 0 {
                let key = Int(codes[row]) * width + Int(other.codes[row])
                let next = Int32(firstRows.count)
                let code = lookup[key, default: next]
                if code == next {
                    lookup[key] = next
                    firstRows.append(row)
                }
                result[row] = code
            }
        }
        return Factorization(codes: result, firstRows: firstRows)
    }
}
