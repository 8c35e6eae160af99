import Tabular

/// The columns of a canonical transactions frame as plain arrays and group codes, read once for
/// the feature loops.
struct TransactionArrays {
    /// Calendar day of each row (days since 1970-01-01); date-times are truncated to their UTC day.
    var day: [Int]
    var revenue: [Double]
    var quantity: [Double]
    var rowCount: Int { day.count }

    /// Reads `date`, `quantity` and `revenue` (or quantity × `unit_price`).
    /// - Throws: `TabularError` when a column is missing or of the wrong type.
    init(_ frame: DataFrame) throws {
        typealias Canonical = TransactionColumns.Canonical
        let date = try frame.column(Canonical.date)
        switch date.data {
        case let .date(values, _):
            day = values
        case let .dateTime(values, _):
            day = values.map { $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400 }
        default:
            throw TabularError.typeMismatch(column: Canonical.date, expected: "date or dateTime", actual: date.type)
        }
        quantity = try frame.doubles(Canonical.quantity)
        if frame.contains(column: Canonical.revenue) {
            revenue = try frame.doubles(Canonical.revenue)
        } else {
            let price = try frame.doubles(Canonical.unitPrice)
            revenue = zip(quantity, price).map { $0 * $1 }
        }
        // Missing dates cannot be placed in time: their rows count as missing keys below.
        if date.missingCount > 0 {
            for row in 0..<date.count where date.isMissing(row) { day[row] = Int.min }
        }
    }
}

/// Group codes of one key column, with the groups' labels sorted so that output order never
/// depends on row order.
struct SortedGroups {
    /// The group of each row in 0..<labels.count, or -1 when the key is missing.
    var codes: [Int]
    /// The label of each group, in ascending order.
    var labels: [String]
    var count: Int { labels.count }

    init(_ column: Column) {
        let factorization = column.factorized()
        let firstLabels = factorization.firstRows.map { column[$0].description }
        let order = firstLabels.indices.sorted { firstLabels[$0] < firstLabels[$1] }
        var rank = [Int](repeating: 0, count: order.count)
        for (position, group) in order.enumerated() { rank[group] = position }
        codes = factorization.codes.map { $0 < 0 ? -1 : rank[Int($0)] }
        labels = order.map { firstLabels[$0] }
    }

    /// An optional key column: nil when the frame lacks it.
    init?(_ frame: DataFrame, _ name: String) {
        guard let column = try? frame.column(name) else { return nil }
        self.init(column)
    }
}

/// Column-name pieces for features.
enum FeatureName {
    /// `Wine & Spirits` → `wine_spirits`: lower case, runs of other characters as one `_`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingSeparator, !result.isEmpty { result += "_" }
                result.unicodeScalars.append(scalar)
                pendingSeparator = false
            } else {
                pendingSeparator = true
            }
        }
        return result.isEmpty ? "blank" : result
    }

    /// `share_<slug>` per category label, made unique when two labels share a slug.
    static func shareColumns(_ labels: [String]) -> [String] {
        var used: Set<String> = []
        return labels.map { label in
            var name = "share_" + slug(label)
            var suffix = 2
            while used.contains(name) {
                name = "share_\(slug(label))_\(suffix)"
                suffix += 1
            }
            used.insert(name)
            return name
        }
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}
