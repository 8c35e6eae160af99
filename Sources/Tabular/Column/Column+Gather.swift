extension Column {
    /// A column of the rows at `rows`, in that order; a negative row gives a missing value
    /// (how a left or outer join marks rows without a match).
    /// - Complexity: O(`rows.count`).
    public func gathered(_ rows: [Int]) -> Column {
        let hasAbsent = rows.contains { $0 < 0 }
        func gatherMask(_ missing: MissingMask?) -> MissingMask? {
            guard missing != nil || hasAbsent else { return nil }
            return MissingMask(rows.map { $0 < 0 || (missing?[$0] ?? false) }).nilIfEmpty
        }
        func gather<T>(_ values: [T], absent: T) -> [T] {
            hasAbsent ? rows.map { $0 < 0 ? absent : values[$0] } : rows.map { values[$0] }
        }
        switch data {
        case let .integer(values, missing):
            return Column(name: name, data: .integer(gather(values, absent: 0), missing: gatherMask(missing)))
        case let .double(values, missing):
            return Column(name: name, data: .double(gather(values, absent: .nan), missing: gatherMask(missing)))
        case let .string(codes, categories):
            return Column(name: name, data: .string(codes: gather(codes, absent: -1), categories: categories))
        case let .boolean(values, missing):
            return Column(name: name, data: .boolean(gather(values, absent: false), missing: gatherMask(missing)))
        case let .date(values, missing):
            return Column(name: name, data: .date(gather(values, absent: 0), missing: gatherMask(missing)))
        case let .dateTime(values, missing):
            return Column(name: name, data: .dateTime(gather(values, absent: 0), missing: gatherMask(missing)))
        }
    }

    /// The rows where `mask` is true.
    public func filtered(_ mask: [Bool]) -> Column {
        gathered(mask.indices.filter { mask[$0] })
    }

    /// A column of `count` missing values of this column's type.
    public func emptied(count: Int) -> Column {
        gathered(Array(repeating: -1, count: count))
    }
}
