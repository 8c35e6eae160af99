/// Internal building blocks shared by sorting, grouping, joins and pivots: order-preserving ranks,
/// factorizations that keep missing values as a key, and concatenation of key columns.
extension Column {
    /// Whether `a` sorts before `b` as pandas compares Python strings: by Unicode code point, which is
    /// the order of the UTF-8 bytes.
    @inline(__always)
    static func textPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The rank of each string category in code-point order.
    static func categoryRanks(_ categories: [String]) -> [Int32] {
        let order = categories.indices.sorted { textPrecedes(categories[$0], categories[$1]) }
        var ranks = [Int32](repeating: 0, count: categories.count)
        for (rank, category) in order.enumerated() { ranks[category] = Int32(rank) }
        return ranks
    }

    /// An order-preserving rank per row: rows with equal values get equal ranks, smaller values smaller
    /// ranks, and missing values (NaN included) the rank `cardinality - 1`, after every value.
    ///
    /// With `descending`, values rank in reverse but missing values still rank last (pandas'
    /// `na_position="last"`).
    /// - Complexity: O(n + k log k) for k distinct values.
    func sortRanks(descending: Bool = false) -> (ranks: [Int32], cardinality: Int) {
        let n = count
        var ranks = [Int32](repeating: 0, count: n)
        let distinct: Int
        if case let .string(codes, categories) = data {
            var categoryRank = Column.categoryRanks(categories)
            distinct = categories.count
            if descending { for i in categoryRank.indices { categoryRank[i] = Int32(distinct - 1) - categoryRank[i] } }
            let missingRank = Int32(distinct)
            codes.withUnsafeBufferPointer { codes in
                categoryRank.withUnsafeBufferPointer { categoryRank in
                    for row in 0..<n {
                        let code = Int(codes[row])
                        ranks[row] = code < 0 ? missingRank : categoryRank[code]
                    }
                }
            }
            return (ranks, distinct + 1)
        }
        let factors = factorized()
        distinct = factors.groupCount
        let representatives = factors.firstRows
        let order: [Int]
        switch data {
        case let .integer(values, _), let .date(values, _), let .dateTime(values, _):
            order = representatives.indices.sorted { values[representatives[$0]] < values[representatives[$1]] }
        case let .double(values, _):
            order = representatives.indices.sorted { values[representatives[$0]] < values[representatives[$1]] }
        case let .boolean(values, _):
            order = representatives.indices.sorted { !values[representatives[$0]] && values[representatives[$1]] }
        case .string:
            order = []
        }
        var groupRank = [Int32](repeating: 0, count: distinct)
        for (rank, group) in order.enumerated() {
            groupRank[group] = Int32(descending ? distinct - 1 - rank : rank)
        }
        let missingRank = Int32(distinct)
        factors.codes.withUnsafeBufferPointer { codes in
            for row in 0..<n {
                let code = Int(codes[row])
                ranks[row] = code < 0 ? missingRank : groupRank[code]
            }
        }
        return (ranks, distinct + 1)
    }

    /// The factorization of this column in which missing values form one more group of their own,
    /// all groups numbered in order of first appearance.
    func factorizedKeepingMissing() -> Factorization {
        var factors = factorized()
        guard let firstMissing = factors.codes.firstIndex(where: { $0 < 0 }) else { return factors }
        // The missing group takes the place of its first row; later groups move up by one.
        let missingCode = Int32(factors.firstRows.firstIndex(where: { $0 > firstMissing }) ?? factors.groupCount)
        for row in factors.codes.indices {
            let code = factors.codes[row]
            factors.codes[row] = code < 0 ? missingCode : (code >= missingCode ? code + 1 : code)
        }
        factors.firstRows.insert(firstMissing, at: Int(missingCode))
        return factors
    }

    /// The codes of this column's values for counting distinct values: dense codes in
    /// `0..<alphabet`, -1 where missing.
    func distinctCodes() -> (codes: [Int32], alphabet: Int) {
        if case let .string(codes, categories) = data { return (codes, categories.count) }
        let factors = factorized()
        return (factors.codes, factors.groupCount)
    }

    /// This column followed by the rows of `other`, under this column's name.
    ///
    /// Text is re-encoded by value, so two columns with different dictionaries combine correctly;
    /// integers and doubles combine as doubles, and dates with date-times as date-times.
    /// - Throws: ``TabularError/typeMismatch(column:expected:actual:)`` for any other mix of types.
    func concatenated(with other: Column) throws -> Column {
        func masks(_ a: MissingMask?, _ aCount: Int, _ b: MissingMask?, _ bCount: Int) -> MissingMask? {
            guard a != nil || b != nil else { return nil }
            return MissingMask((a?.flags ?? Array(repeating: false, count: aCount)) + (b?.flags ?? Array(repeating: false, count: bCount)))
        }
        switch (data, other.data) {
        case let (.integer(a, am), .integer(b, bm)):
            return Column(name: name, data: .integer(a + b, missing: masks(am, a.count, bm, b.count)))
        case let (.double(a, am), .double(b, bm)):
            return Column(name: name, data: .double(a + b, missing: masks(am, a.count, bm, b.count)))
        case let (.boolean(a, am), .boolean(b, bm)):
            return Column(name: name, data: .boolean(a + b, missing: masks(am, a.count, bm, b.count)))
        case let (.date(a, am), .date(b, bm)):
            return Column(name: name, data: .date(a + b, missing: masks(am, a.count, bm, b.count)))
        case let (.dateTime(a, am), .dateTime(b, bm)):
            return Column(name: name, data: .dateTime(a + b, missing: masks(am, a.count, bm, b.count)))
        case let (.date(a, am), .dateTime(b, bm)):
            return Column(name: name, data: .dateTime(a.map { $0 &* 86_400 } + b, missing: masks(am, a.count, bm, b.count)))
        case let (.dateTime(a, am), .date(b, bm)):
            return Column(name: name, data: .dateTime(a + b.map { $0 &* 86_400 }, missing: masks(am, a.count, bm, b.count)))
        case (.integer, .double), (.double, .integer):
            let values = (doubles ?? []) + (other.doubles ?? [])
            return Column(name: name, data: .double(values, missing: MissingMask(values.map(\.isNaN)).nilIfEmpty))
        case let (.string(a, categories), .string(b, otherCategories)):
            var lookup = [String: Int32](minimumCapacity: categories.count + otherCategories.count)
            for (code, text) in categories.enumerated() where lookup[text] == nil { lookup[text] = Int32(code) }
            var merged = categories
            let remap = otherCategories.map { text -> Int32 in
                if let code = lookup[text] { return code }
                let code = Int32(merged.count)
                merged.append(text)
                lookup[text] = code
                return code
            }
            let mapped = b.map { $0 < 0 ? Int32(-1) : remap[Int($0)] }
            return Column(name: name, data: .string(codes: a + mapped, categories: merged))
        default:
            throw TabularError.typeMismatch(column: other.name, expected: "\(type) (to match '\(name)')", actual: other.type)
        }
    }
}

extension DataFrame {
    /// The groups of the combined key over `names` (in order of first appearance).
    /// - Parameter keepingMissing: whether a missing key value is a key of its own (unique,
    ///   drop-duplicates) or puts the row in no group (group-by, as pandas' `dropna=True`).
    func factorization(of names: [String], keepingMissing: Bool) throws -> Factorization {
        guard let first = names.first else {
            throw TabularError.invalidArgument("at least one key column is needed")
        }
        func factors(_ name: String) throws -> Factorization {
            let column = try column(name)
            return keepingMissing ? column.factorizedKeepingMissing() : column.factorized()
        }
        var result = try factors(first)
        for name in names.dropFirst() { result = result.combined(with: try factors(name)) }
        return result
    }

    /// The text of the key of `row` over `names`: `UK` for one key, `(UK, 17850)` for several.
    func keyText(_ names: [String], row: Int) -> String {
        let parts = names.map { name in (try? column(name)).map { $0[row].description } ?? "" }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: ", ") + ")"
    }
}
