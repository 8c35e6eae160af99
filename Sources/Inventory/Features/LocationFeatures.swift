import Tabular

/// Sales-pattern features of each location (or of any other key, such as the region), for store
/// clustering by how a location sells rather than where it is: size, sales velocity, category mix,
/// weekly and yearly profiles and their amplitudes.
///
/// ```swift
/// let stores = try LocationFeatures().compute(clean)
/// let countries = try LocationFeatures(key: "region").compute(clean)   // Online Retail: per country
/// ```
///
/// Input is a canonical transactions frame with `date`, `quantity`, `revenue` (or `unit_price`) and
/// the key column; `invoice`, `customer`, `category` and `region` add their features when present.
/// Rows with a missing key or date are ignored. Output has one row per key value, sorted, with:
///
/// - the key; `region` (where the location has most revenue, when the key is not the region)
/// - `revenue`, `units`, `orders` (distinct invoices, or lines without an invoice column), `customers`
/// - `active_days`: days from the first to the last sale, inclusive; `selling_days`: days with a sale
/// - `units_per_day`, `revenue_per_day`: sales velocity over the active days
/// - `share_<category>`: revenue share per category
/// - `weekday_mon` ... `weekday_sun`: average units on that weekday relative to the average day
///   (1 = an ordinary day), counting the weekdays in the active span, sales or not
/// - `month_01` ... `month_12`: the same for calendar months; missing for a month outside the span
/// - `weekly_amplitude`, `yearly_amplitude`: (max − min) / mean of the weekday and month profiles
/// - `peak_month` (1–12, by the month profile; ties: the earlier month), `weekend_share` (units sold on Saturday and Sunday)
public struct LocationFeatures: Sendable {
    /// The column whose values are the "locations".
    public var key: String

    public init(key: String = TransactionColumns.Canonical.location) {
        self.key = key
    }

    /// One row of features per value of ``key``.
    /// - Throws: `TabularError` when a required column is missing or of the wrong type.
    /// - Complexity: O(rows + locations × (active days + categories)).
    public func compute(_ transactions: DataFrame) throws -> DataFrame {
        typealias Canonical = TransactionColumns.Canonical
        let arrays = try TransactionArrays(transactions)
        let groups = SortedGroups(try transactions.column(key))
        let categories = SortedGroups(transactions, Canonical.category)
        let regions = key == Canonical.region ? nil : SortedGroups(transactions, Canonical.region)
        let invoices = transactions.contains(column: Canonical.invoice) ? try transactions.column(Canonical.invoice).factorized() : nil
        let customers = transactions.contains(column: Canonical.customer) ? try transactions.column(Canonical.customer).factorized() : nil

        let n = groups.count
        let categoryCount = categories?.count ?? 0
        let regionCount = regions?.count ?? 0
        var first = [Int](repeating: .max, count: n), last = [Int](repeating: .min, count: n)
        var revenue = [Double](repeating: 0, count: n), units = [Double](repeating: 0, count: n)
        var categoryRevenue = [Double](repeating: 0, count: n * categoryCount)
        var regionRevenue = [Double](repeating: 0, count: n * regionCount)
        var weekdayUnits = [Double](repeating: 0, count: n * 7), monthUnits = [Double](repeating: 0, count: n * 12)
        var orders = [Int](repeating: 0, count: n), buyers = [Int](repeating: 0, count: n), sellingDays = [Int](repeating: 0, count: n)
        var seenOrders = Set<Int>(), seenBuyers = Set<Int>(), seenDays = Set<Int>()

        for row in 0..<arrays.rowCount {
            let group = groups.codes[row]
            let day = arrays.day[row]
            guard group >= 0, day != Int.min else { continue }
            let amount = arrays.revenue[row].isNaN ? 0 : arrays.revenue[row]
            let quantity = arrays.quantity[row].isNaN ? 0 : arrays.quantity[row]
            first[group] = min(first[group], day)
            last[group] = max(last[group], day)
            revenue[group] += amount
            units[group] += quantity
            if let categories, categories.codes[row] >= 0 { categoryRevenue[group * categoryCount + categories.codes[row]] += amount }
            if let regions, regions.codes[row] >= 0 { regionRevenue[group * regionCount + regions.codes[row]] += amount }
            let date = CivilDate(days: day)
            weekdayUnits[group * 7 + date.weekday] += quantity
            monthUnits[group * 12 + date.month - 1] += quantity
            if let invoices {
                let code = Int(invoices.codes[row])
                if code >= 0, seenOrders.insert(group * invoices.groupCount + code).inserted { orders[group] += 1 }
            } else {
                orders[group] += 1
            }
            if let customers {
                let code = Int(customers.codes[row])
                if code >= 0, seenBuyers.insert(group * customers.groupCount + code).inserted { buyers[group] += 1 }
            }
            // Days since 1970 stay far below 2^40, so (group, day) packs into one Int.
            if seenDays.insert(group << 40 | (day & 0xFF_FFFF_FFFF)).inserted { sellingDays[group] += 1 }
        }

        var activeDays = [Int](repeating: 0, count: n)
        var weekdayProfile = [[Double]](repeating: [], count: n)
        var monthProfile = [[Double?]](repeating: [], count: n)
        for group in 0..<n where first[group] <= last[group] {
            activeDays[group] = last[group] - first[group] + 1
            var weekdayCount = [Int](repeating: 0, count: 7), monthCount = [Int](repeating: 0, count: 12)
            for day in first[group]...last[group] {
                let date = CivilDate(days: day)
                weekdayCount[date.weekday] += 1
                monthCount[date.month - 1] += 1
            }
            let perDay = units[group] / Double(activeDays[group])
            weekdayProfile[group] = (0..<7).map { weekday in
                weekdayCount[weekday] == 0 || perDay == 0 ? 0 : weekdayUnits[group * 7 + weekday] / Double(weekdayCount[weekday]) / perDay
            }
            monthProfile[group] = (0..<12).map { month in
                guard monthCount[month] > 0 else { return nil }
                return perDay == 0 ? 0 : monthUnits[group * 12 + month] / Double(monthCount[month]) / perDay
            }
        }

        func amplitude(_ values: [Double]) -> Double {
            guard let low = values.min(), let high = values.max() else { return 0 }
            let mean = values.reduce(0, +) / Double(values.count)
            return mean > 0 ? (high - low) / mean : 0
        }
        func share(_ part: Double, _ total: Double) -> Double { total > 0 ? part / total : 0 }

        var columns: [Column] = [Column(key, groups.labels)]
        if let regions {
            let home: [String?] = (0..<n).map { group in
                let slice = regionRevenue[(group * regionCount)..<((group + 1) * regionCount)]
                guard let best = slice.indices.max(by: { slice[$0] < slice[$1] || (slice[$0] == slice[$1] && $0 > $1) }), slice[best] > 0 else { return nil }
                return regions.labels[best - slice.startIndex]
            }
            columns.append(Column(Canonical.region, home))
        }
        columns.append(Column("revenue", revenue))
        columns.append(Column("units", units))
        columns.append(Column("orders", orders))
        if customers != nil { columns.append(Column("customers", buyers)) }
        columns.append(Column("active_days", activeDays))
        columns.append(Column("selling_days", sellingDays))
        let unitsPerDay: [Double] = (0..<n).map { activeDays[$0] > 0 ? units[$0] / Double(activeDays[$0]) : 0 }
        let revenuePerDay: [Double] = (0..<n).map { activeDays[$0] > 0 ? revenue[$0] / Double(activeDays[$0]) : 0 }
        columns.append(Column("units_per_day", unitsPerDay))
        columns.append(Column("revenue_per_day", revenuePerDay))
        if let categories {
            for (index, name) in FeatureName.shareColumns(categories.labels).enumerated() {
                let shares: [Double] = (0..<n).map { share(categoryRevenue[$0 * categoryCount + index], revenue[$0]) }
                columns.append(Column(name, shares))
            }
        }
        for (weekday, name) in FeatureName.weekdays.enumerated() {
            let profile: [Double] = (0..<n).map { weekdayProfile[$0].isEmpty ? 0 : weekdayProfile[$0][weekday] }
            columns.append(Column("weekday_" + name, profile))
        }
        for month in 0..<12 {
            let profile: [Double?] = (0..<n).map { monthProfile[$0].isEmpty ? nil : monthProfile[$0][month] }
            columns.append(Column(month < 9 ? "month_0\(month + 1)" : "month_\(month + 1)", profile))
        }
        columns.append(Column("weekly_amplitude", (0..<n).map { amplitude(weekdayProfile[$0]) }))
        columns.append(Column("yearly_amplitude", (0..<n).map { amplitude(monthProfile[$0].compactMap { $0 }) }))
        let peakMonth: [Int?] = (0..<n).map { group in
            // By average units per day, so that a month seen twice in the span does not win by count.
            let profile = monthProfile[group].map { $0 ?? -1 }
            guard units[group] > 0, let best = profile.indices.max(by: { profile[$0] < profile[$1] || (profile[$0] == profile[$1] && $0 > $1) }) else { return nil }
            return best + 1
        }
        columns.append(Column("peak_month", peakMonth))
        let weekend: [Double] = (0..<n).map { share(weekdayUnits[$0 * 7 + 5] + weekdayUnits[$0 * 7 + 6], units[$0]) }
        columns.append(Column("weekend_share", weekend))
        return try DataFrame(columns: columns)
    }
}
