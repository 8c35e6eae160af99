/// One aggregation of a group-by or a pivot: a function, the column it reads and the name of the
/// column it makes.
///
/// ```swift
/// frame.grouped(by: "Country").aggregate(.sum("Revenue"), .distinctCount("InvoiceNo"), .count())
/// ```
/// Default output names follow `<column>_<function>`: `Revenue_sum`, `InvoiceNo_nunique`,
/// `UnitPrice_q0.9`; `.count()` (rows per group) is named `count`. Pass `as:` for another name.
///
/// Missing values (and NaN) are skipped, as pandas does: a group's sum of no values is 0, its mean,
/// min, max, median, quantile, first and last are missing, and its std needs two values. A sum of
/// integers that overflows Int64 is a column of doubles rather than a wrapped-around integer.
public struct Aggregation: Sendable, Hashable {
    /// What an aggregation computes per group.
    public enum Function: Sendable, Hashable {
        /// Rows in the group, missing values included (pandas' `size`).
        case size
        /// Present values.
        case count
        /// Sum of the present values: integer for integer and boolean columns, double for doubles.
        case sum
        /// Arithmetic mean (double).
        case mean
        /// Distinct present values (pandas' `nunique`).
        case distinctCount
        /// Smallest value, of the column's type (text by code point).
        case min
        /// Largest value, of the column's type.
        case max
        /// Median (double), as `quantile(0.5)`.
        case median
        /// Sample standard deviation, ddof 1 (double).
        case std
        /// Sample variance, ddof 1 (double).
        case variance
        /// Quantile `q` in [0, 1] with linear interpolation between order statistics (NumPy's
        /// default `method="linear"`, Hyndman & Fan (1996) definition 7).
        case quantile(Double)
        /// First present value in row order (pandas' `first`, which skips missing values).
        case first
        /// Last present value in row order.
        case last

        /// The suffix of default output names.
        public var suffix: String {
            switch self {
            case .size: "size"
            case .count: "count"
            case .sum: "sum"
            case .mean: "mean"
            case .distinctCount: "nunique"
            case .min: "min"
            case .max: "max"
            case .median: "median"
            case .std: "std"
            case .variance: "var"
            case let .quantile(q): "q" + ValueFormat.shortest(q)
            case .first: "first"
            case .last: "last"
            }
        }
    }

    public var function: Function
    /// The column read; nil for ``count(as:)``, which counts rows.
    public var column: String?
    /// The output column's name.
    public var name: String

    public init(_ function: Function, _ column: String?, as name: String? = nil) {
        self.function = function
        self.column = column
        self.name = name ?? column.map { "\($0)_\(function.suffix)" } ?? (function == .size ? "count" : function.suffix)
    }

    /// The number of rows per group (pandas' `size()`), named `count` unless `name` is given.
    public static func count(as name: String? = nil) -> Aggregation { Aggregation(.size, nil, as: name ?? "count") }
    /// The number of present values of `column` per group.
    public static func count(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.count, column, as: name) }
    public static func sum(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.sum, column, as: name) }
    public static func mean(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.mean, column, as: name) }
    public static func distinctCount(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.distinctCount, column, as: name) }
    public static func min(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.min, column, as: name) }
    public static func max(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.max, column, as: name) }
    public static func median(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.median, column, as: name) }
    public static func std(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.std, column, as: name) }
    public static func variance(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.variance, column, as: name) }
    public static func quantile(_ column: String, _ q: Double, as name: String? = nil) -> Aggregation { Aggregation(.quantile(q), column, as: name) }
    public static func first(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.first, column, as: name) }
    public static func last(_ column: String, as name: String? = nil) -> Aggregation { Aggregation(.last, column, as: name) }
}

// MARK: - Kernels

/// Rows grouped by a counting sort on their group codes: the rows of group `g` are
/// `rows[offsets[g]..<offsets[g + 1]]`, in input order.
struct GroupedRows: Sendable {
    var offsets: [Int]
    var rows: [Int32]

    init(codes: [Int32], groupCount: Int) {
        var offsets = [Int](repeating: 0, count: groupCount + 1)
        for code in codes where code >= 0 { offsets[Int(code) + 1] += 1 }
        for g in 0..<groupCount { offsets[g + 1] += offsets[g] }
        var next = offsets
        var rows = [Int32](repeating: 0, count: offsets[groupCount])
        codes.withUnsafeBufferPointer { codes in
            rows.withUnsafeMutableBufferPointer { rows in
                for row in 0..<codes.count {
                    let code = Int(codes[row])
                    if code < 0 { continue }
                    rows[next[code]] = Int32(row)
                    next[code] += 1
                }
            }
        }
        self.offsets = offsets
        self.rows = rows
    }
}

/// The per-group kernels: each makes one pass over contiguous buffers indexed by group code.
enum GroupKernels {
    /// Computes `function` of `column` for every group, in group-code order.
    static func aggregate(
        _ function: Aggregation.Function, _ column: Column?, codes: [Int32], groupCount: Int,
        groupedRows: () -> GroupedRows
    ) throws -> Column {
        guard let column else {
            return Column(name: "", data: .integer(size(codes: codes, groupCount: groupCount), missing: nil))
        }
        let missing = missingFlags(column)
        func numericOnly() throws {
            switch column.type {
            case .integer, .double, .boolean: break
            default: throw TabularError.typeMismatch(column: column.name, expected: "a numeric type for \(function.suffix)", actual: column.type)
            }
        }
        switch function {
        case .size:
            return Column(name: "", data: .integer(size(codes: codes, groupCount: groupCount), missing: nil))
        case .count:
            return Column(name: "", data: .integer(count(codes: codes, missing: missing, groupCount: groupCount), missing: nil))
        case .sum:
            switch column.data {
            case let .double(values, _):
                let (sums, _) = kahanSums(values, codes: codes, missing: missing, groupCount: groupCount)
                return Column(name: "", data: .double(sums, missing: nil))
            case let .integer(values, _):
                if let sums = integerSums(values, codes: codes, missing: missing, groupCount: groupCount) {
                    return Column(name: "", data: .integer(sums, missing: nil))
                }
                // A sum past Int64 (where numpy and pandas wrap around silently): summed as doubles.
                let (sums, _) = kahanSums(values.map(Double.init), codes: codes, missing: missing, groupCount: groupCount)
                return Column(name: "", data: .double(sums, missing: nil))
            case let .boolean(values, _):
                let sums = integerSums(values.map { $0 ? 1 : 0 }, codes: codes, missing: missing, groupCount: groupCount) ?? []
                return Column(name: "", data: .integer(sums, missing: nil))
            default:
                try numericOnly()
                return column
            }
        case .mean:
            try numericOnly()
            let values = column.doubles ?? []
            let (sums, counts) = kahanSums(values, codes: codes, missing: missing, groupCount: groupCount)
            return doubleColumn((0..<groupCount).map { counts[$0] == 0 ? .nan : sums[$0] / Double(counts[$0]) })
        case .std, .variance:
            try numericOnly()
            let variances = variance(column.doubles ?? [], codes: codes, missing: missing, groupCount: groupCount)
            return doubleColumn(function == .std ? variances.map { $0.squareRoot() } : variances)
        case .min, .max:
            let rows = extremeRows(column, codes: codes, missing: missing, groupCount: groupCount, largest: function == .max)
            return column.gathered(rows)
        case .first, .last:
            var rows = [Int](repeating: -1, count: groupCount)
            for row in 0..<codes.count {
                let code = Int(codes[row])
                if code < 0 || missing?[row] == true { continue }
                if function == .last || rows[code] < 0 { rows[code] = row }
            }
            return column.gathered(rows)
        case .median:
            try numericOnly()
            return doubleColumn(quantiles(column.doubles ?? [], q: 0.5, grouped: groupedRows(), groupCount: groupCount))
        case let .quantile(q):
            try numericOnly()
            guard (0...1).contains(q) else { throw TabularError.invalidArgument("a quantile must be in [0, 1], not \(q)") }
            return doubleColumn(quantiles(column.doubles ?? [], q: q, grouped: groupedRows(), groupCount: groupCount))
        case .distinctCount:
            return Column(name: "", data: .integer(distinctCounts(column, grouped: groupedRows(), groupCount: groupCount), missing: nil))
        }
    }

    /// Which rows are missing (NaN included), or nil when none is.
    static func missingFlags(_ column: Column) -> [Bool]? {
        switch column.data {
        case let .double(values, missing):
            guard missing != nil || values.contains(where: \.isNaN) else { return nil }
            return values.indices.map { values[$0].isNaN || (missing?[$0] ?? false) }
        case let .integer(_, missing), let .date(_, missing), let .dateTime(_, missing), let .boolean(_, missing):
            return missing?.flags
        case let .string(codes, _):
            guard codes.contains(where: { $0 < 0 }) else { return nil }
            return codes.map { $0 < 0 }
        }
    }

    static func doubleColumn(_ values: [Double]) -> Column {
        Column(name: "", data: .double(values, missing: MissingMask(values.map(\.isNaN)).nilIfEmpty))
    }

    static func size(codes: [Int32], groupCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: groupCount)
        counts.withUnsafeMutableBufferPointer { counts in
            for code in codes where code >= 0 { counts[Int(code)] += 1 }
        }
        return counts
    }

    static func count(codes: [Int32], missing: [Bool]?, groupCount: Int) -> [Int] {
        guard let missing else { return size(codes: codes, groupCount: groupCount) }
        var counts = [Int](repeating: 0, count: groupCount)
        for row in codes.indices where codes[row] >= 0 && !missing[row] { counts[Int(codes[row])] += 1 }
        return counts
    }

    /// Per-group sums with Kahan compensation (as pandas' group sums and means) and counts of the
    /// values summed.
    static func kahanSums(_ values: [Double], codes: [Int32], missing: [Bool]?, groupCount: Int) -> ([Double], [Int]) {
        var sums = [Double](repeating: 0, count: groupCount)
        var compensation = [Double](repeating: 0, count: groupCount)
        var counts = [Int](repeating: 0, count: groupCount)
        values.withUnsafeBufferPointer { values in
            codes.withUnsafeBufferPointer { codes in
                sums.withUnsafeMutableBufferPointer { sums in
                    compensation.withUnsafeMutableBufferPointer { compensation in
                        counts.withUnsafeMutableBufferPointer { counts in
                            for row in 0..<codes.count {
                                let g = Int(codes[row])
                                let value = values[row]
                                if g < 0 || value.isNaN || missing?[row] == true { continue }
                                let y = value - compensation[g]
                                let t = sums[g] + y
                                compensation[g] = (t - sums[g]) - y
                                sums[g] = t
                                counts[g] += 1
                            }
                        }
                    }
                }
            }
        }
        return (sums, counts)
    }

    /// Per-group integer sums, or nil when one overflows Int64.
    static func integerSums(_ values: [Int], codes: [Int32], missing: [Bool]?, groupCount: Int) -> [Int]? {
        var sums = [Int](repeating: 0, count: groupCount)
        var overflowed = false
        values.withUnsafeBufferPointer { values in
            codes.withUnsafeBufferPointer { codes in
                sums.withUnsafeMutableBufferPointer { sums in
                    @inline(__always) func add(_ row: Int) {
                        let (sum, overflow) = sums[Int(codes[row])].addingReportingOverflow(values[row])
                        sums[Int(codes[row])] = sum
                        overflowed = overflowed || overflow
                    }
                    if let missing {
                        for row in 0..<codes.count where codes[row] >= 0 && !missing[row] { add(row) }
                    } else {
                        for row in 0..<codes.count where codes[row] >= 0 { add(row) }
                    }
                }
            }
        }
        return overflowed ? nil : sums
    }

    /// Sample variances (ddof 1) by two passes: the mean, then the squared deviations from it.
    /// Groups of fewer than two values give NaN.
    static func variance(_ values: [Double], codes: [Int32], missing: [Bool]?, groupCount: Int) -> [Double] {
        let (sums, counts) = kahanSums(values, codes: codes, missing: missing, groupCount: groupCount)
        let means = (0..<groupCount).map { counts[$0] == 0 ? 0 : sums[$0] / Double(counts[$0]) }
        var squares = [Double](repeating: 0, count: groupCount)
        for row in codes.indices {
            let g = Int(codes[row])
            let value = values[row]
            if g < 0 || value.isNaN || missing?[row] == true { continue }
            let d = value - means[g]
            squares[g] += d * d
        }
        return (0..<groupCount).map { counts[$0] < 2 ? .nan : squares[$0] / Double(counts[$0] - 1) }
    }

    /// The row of each group's smallest (or largest) present value; the first such row on ties, -1
    /// for a group without values.
    static func extremeRows(_ column: Column, codes: [Int32], missing: [Bool]?, groupCount: Int, largest: Bool) -> [Int] {
        var best = [Int](repeating: -1, count: groupCount)
        func scan<T: Comparable>(_ values: [T]) {
            values.withUnsafeBufferPointer { values in
                for row in 0..<codes.count {
                    let g = Int(codes[row])
                    if g < 0 || missing?[row] == true { continue }
                    let current = best[g]
                    if current < 0 || (largest ? values[row] > values[current] : values[row] < values[current]) { best[g] = row }
                }
            }
        }
        switch column.data {
        case let .integer(values, _), let .date(values, _), let .dateTime(values, _): scan(values)
        case let .double(values, _): scan(values)
        case let .boolean(values, _): scan(values.map { $0 ? 1 : 0 })
        case let .string(codes, categories):
            let ranks = Column.categoryRanks(categories)
            scan(codes.map { $0 < 0 ? Int32(-1) : ranks[Int($0)] })
        }
        return best
    }

    /// Linear-interpolation quantiles of each group's present values (NumPy's default method).
    static func quantiles(_ values: [Double], q: Double, grouped: GroupedRows, groupCount: Int) -> [Double] {
        var result = [Double](repeating: .nan, count: groupCount)
        var scratch: [Double] = []
        for g in 0..<groupCount {
            scratch.removeAll(keepingCapacity: true)
            for i in grouped.offsets[g]..<grouped.offsets[g + 1] {
                let value = values[Int(grouped.rows[i])]
                if !value.isNaN { scratch.append(value) }
            }
            result[g] = linearQuantile(&scratch, q)
        }
        return result
    }

    /// The `q` quantile of `values` (reordered in place), NaN when empty.
    static func linearQuantile(_ values: inout [Double], _ q: Double) -> Double {
        values.sort()
        return sortedQuantile(values, q)
    }

    /// Linear-interpolation quantiles `qs` (ascending, in [0, 1]) of `values` (no NaN, not empty),
    /// by selection rather than sorting: each order statistic is found by quickselect in the part of
    /// the array to the right of the previous one, so the whole costs O(n) on average.
    static func quantiles(of values: inout [Double], _ qs: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return qs.map { _ in .nan } }
        var from = 0
        return values.withUnsafeMutableBufferPointer { buffer in
            qs.map { q in
                let h = Double(n - 1) * q
                let low = Swift.min(Int(h.rounded(.down)), n - 1)
                select(buffer, low, from: from)
                from = low
                let a = buffer[low]
                guard low + 1 < n else { return a }
                // The next order statistic is the smallest value right of `low`.
                var b = buffer[low + 1]
                for i in (low + 2)..<n where buffer[i] < b { b = buffer[i] }
                let t = h - Double(low)
                return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
            }
        }
    }

    /// Rearranges `values[from...]` so that position `k` holds the value it would hold sorted, with
    /// no larger value before it and no smaller after (Hoare's quickselect, median-of-three pivots).
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int, from: Int) {
        var low = from, high = values.count - 1
        while high > low {
            let middle = low + (high - low) / 2
            // Median of three as the pivot, which also guards against sorted input.
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }

    /// `values` (no NaN) in ascending order: a least-significant-digit radix sort on the IEEE bit
    /// patterns for large inputs (four passes of 16 bits), the standard sort for small ones.
    static func sortedAscending(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 4096 else { return values.sorted() }
        // Order-preserving map from doubles to unsigned integers: flip all bits of negatives, the
        // sign bit of the rest.
        var keys = values.map { value -> UInt64 in
            let bits = (value + 0.0).bitPattern
            return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        }
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for i in counts.indices { counts[i] = 0 }
                        for key in source { counts[Int((key >> shift) & 0xFFFF)] += 1 }
                        var total = 0
                        for i in counts.indices {
                            let c = counts[i]
                            counts[i] = total
                            total += c
                        }
                        for key in source {
                            let digit = Int((key >> shift) & 0xFFFF)
                            target[counts[digit]] = key
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        return keys.map { key in
            Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
        }
    }

    /// The `q` quantile of values sorted ascending, NaN when empty.
    static func sortedQuantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let h = Double(values.count - 1) * q
        let low = Int(h.rounded(.down))
        let high = Swift.min(low + 1, values.count - 1)
        let t = h - Double(low)
        let a = values[low], b = values[high]
        // NumPy's lerp: the form that is exact at both ends.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
    }

    /// Distinct present values per group: one pass over the grouped rows, remembering the last group
    /// that saw each value.
    static func distinctCounts(_ column: Column, grouped: GroupedRows, groupCount: Int) -> [Int] {
        let (valueCodes, alphabet) = column.distinctCodes()
        var lastSeen = [Int32](repeating: -1, count: alphabet)
        var counts = [Int](repeating: 0, count: groupCount)
        valueCodes.withUnsafeBufferPointer { valueCodes in
            grouped.rows.withUnsafeBufferPointer { rows in
                lastSeen.withUnsafeMutableBufferPointer { lastSeen in
                    for g in 0..<groupCount {
                        var distinct = 0
                        let group = Int32(g)
                        for i in grouped.offsets[g]..<grouped.offsets[g + 1] {
                            let code = Int(valueCodes[Int(rows[i])])
                            if code >= 0 && lastSeen[code] != group {
                                lastSeen[code] = group
                                distinct += 1
                            }
                        }
                        counts[g] = distinct
                    }
                }
            }
        }
        return counts
    }
}
