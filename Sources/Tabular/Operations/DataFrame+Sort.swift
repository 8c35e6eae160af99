/// One key of a multi-key sort: a column and its direction.
///
/// ```swift
/// frame.sorted(by: .descending("Revenue"), .ascending("Country"))
/// ```
public struct SortKey: Sendable, Hashable {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    public static func ascending(_ column: String) -> SortKey { SortKey(column) }
    public static func descending(_ column: String) -> SortKey { SortKey(column, descending: true) }
}

extension SortKey: ExpressibleByStringLiteral {
    /// An ascending key: `frame.sorted(by: "Country", .descending("Revenue"))`.
    public init(stringLiteral column: String) { self.init(column) }
}

extension DataFrame {
    /// The rows sorted by these keys, the first key first.
    ///
    /// The sort is stable: rows with equal keys keep their input order (pandas' `kind="stable"`).
    /// Missing values (and NaN) sort after every value, in both directions (pandas'
    /// `na_position="last"`). Text sorts by Unicode code point, as Python compares strings;
    /// booleans as false < true.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for an unknown column.
    /// - Complexity: O(n) radix passes over dense ranks when the combined key fits in 64 bits,
    ///   O(n log n) otherwise.
    public func sorted(by keys: [SortKey]) throws -> DataFrame {
        rows(try sortPermutation(keys))
    }

    /// The rows sorted by these keys, the first key first; see the variant taking an array.
    public func sorted(by keys: SortKey...) throws -> DataFrame { try sorted(by: keys) }

    /// The rows sorted by one column.
    public func sorted(by column: String, descending: Bool) throws -> DataFrame {
        try sorted(by: [SortKey(column, descending: descending)])
    }

    /// The row order that sorts the frame by `keys` (pandas' `argsort`, stable).
    public func sortPermutation(_ keys: [SortKey]) throws -> [Int] {
        let ranked = try keys.map { key in try column(key.column).sortRanks(descending: key.descending) }
        return Self.stablePermutation(ranked, rowCount: rowCount)
    }

    /// The stable permutation that orders rows by their ranks, lexicographically over the keys.
    static func stablePermutation(_ keys: [(ranks: [UInt64], cardinality: Int)], rowCount n: Int) -> [Int] {
        guard n > 1, !keys.isEmpty else { return Array(0..<n) }
        var bits = 0
        for key in keys { bits += bitWidth(key.cardinality) }
        if bits <= 64 {
            var composite = [UInt64](repeating: 0, count: n)
            composite.withUnsafeMutableBufferPointer { composite in
                for key in keys {
                    let shift = UInt64(bitWidth(key.cardinality))
                    key.ranks.withUnsafeBufferPointer { ranks in
                        for row in 0..<n { composite[row] = composite[row] << shift | ranks[row] }
                    }
                }
            }
            return radixSortedRows(composite, bits: bits)
        }
        return (0..<n).sorted { a, b in
            for key in keys where key.ranks[a] != key.ranks[b] { return key.ranks[a] < key.ranks[b] }
            return a < b
        }
    }

    /// Bits needed to hold `0..<cardinality`.
    private static func bitWidth(_ cardinality: Int) -> Int {
        cardinality <= 1 ? 0 : Int.bitWidth - (cardinality - 1).leadingZeroBitCount
    }

    /// Rows ordered by `keys` with a least-significant-digit radix sort, stable by construction.
    private static func radixSortedRows(_ keys: [UInt64], bits: Int) -> [Int] {
        let n = keys.count
        var rows = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for row in 0..<n { buffer[row] = Int32(row) }
            count = n
        }
        guard bits > 0 else { return rows.map(Int.init) }
        let digitBits = 11
        let passes = (bits + digitBits - 1) / digitBits
        var scratch = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        keys.withUnsafeBufferPointer { keys in
            for pass in 0..<passes {
                let shift = UInt64(pass * digitBits)
                let mask = UInt64((1 << digitBits) - 1)
                rows.withUnsafeMutableBufferPointer { source in
                    scratch.withUnsafeMutableBufferPointer { target in
                        counts.withUnsafeMutableBufferPointer { counts in
                            for i in counts.indices { counts[i] = 0 }
                            for i in 0..<n { counts[Int((keys[Int(source[i])] >> shift) & mask)] += 1 }
                            var total = 0
                            for i in counts.indices {
                                let c = counts[i]
                                counts[i] = total
                                total += c
                            }
                            for i in 0..<n {
                                let row = source[i]
                                let digit = Int((keys[Int(row)] >> shift) & mask)
                                target[counts[digit]] = row
                                counts[digit] += 1
                            }
                        }
                    }
                }
                swap(&rows, &scratch)
            }
        }
        return rows.map(Int.init)
    }
}
