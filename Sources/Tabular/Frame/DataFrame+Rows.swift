extension DataFrame {
    /// A frame of the rows at `indices`, in that order; a negative index gives a row of missing values.
    public func rows(_ indices: [Int]) -> DataFrame {
        DataFrame(consistentColumns: columns.map { $0.gathered(indices) })
    }

    /// The rows where `mask` is true.
    /// - Throws: when `mask` has another length than the frame.
    public func filter(_ mask: [Bool]) throws -> DataFrame {
        guard mask.count == rowCount else {
            throw TabularError.invalidArgument("the filter mask has \(mask.count) entries, the frame has \(rowCount) rows")
        }
        return rows(mask.indices.filter { mask[$0] })
    }

    /// The rows for which `isIncluded` returns true.
    public func filter(_ isIncluded: (Int) throws -> Bool) rethrows -> DataFrame {
        try rows((0..<rowCount).filter(isIncluded))
    }

    /// The first `count` rows (all of them when there are fewer).
    public func head(_ count: Int = 5) -> DataFrame {
        rows(Array(0..<Swift.max(0, Swift.min(count, rowCount))))
    }

    /// The last `count` rows (all of them when there are fewer).
    public func tail(_ count: Int = 5) -> DataFrame {
        rows(Array(Swift.max(0, rowCount - Swift.max(0, count))..<rowCount))
    }

    /// A frame of these columns, in this order.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for a name that is not there.
    public func selecting(_ names: [String]) throws -> DataFrame {
        if let repeated = names.indices.first(where: { names[..<$0].contains(names[$0]) }) {
            throw TabularError.duplicateColumn(names[repeated])
        }
        return DataFrame(consistentColumns: try names.map { try column($0) })
    }

    /// A frame of these columns, in this order.
    public func selecting(_ names: String...) throws -> DataFrame { try selecting(names) }
}
