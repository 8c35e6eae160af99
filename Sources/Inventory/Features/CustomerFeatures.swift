import Tabular

/// Behavioural features of each customer, for segmentation: recency, frequency and monetary value
/// (RFM), average order value, category mix, seasonality, channel and home region.
///
/// ```swift
/// let (clean, _) = try Cleaning().clean(dataset.transactions)
/// let features = try CustomerFeatures().compute(clean)
/// ```
///
/// Input is a canonical transactions frame (a loaded ``Dataset``, cleaned): `date`, `customer`,
/// `quantity` and `revenue` or `unit_price` are required; `invoice`, `category`, `channel`, `region`
/// and `location` add their features when present. Rows without a customer or date are ignored.
/// Output has one row per customer, sorted by customer id, with the columns:
///
/// - `customer`
/// - `recency_days`: days from the customer's last purchase to the reference day (the last day of
///   the data unless ``asOf`` is set)
/// - `frequency`: distinct orders (invoices; customer-days when there is no invoice column)
/// - `monetary`: revenue; `average_order_value`: monetary / frequency; `units`
/// - `tenure_days`: days from the first purchase to the reference day
/// - `share_<category>`: revenue share per category (slugged name, categories in ascending order)
/// - `q4_share`: revenue share in October–December; `peak_month_share`: the largest share of any
///   calendar month (1/12 for a perfectly even spender, 1 for someone who buys in one month)
/// - `online_share`: revenue share of lines whose channel is `online`
/// - `home_region`, `home_location`: where the customer spent most (ties: the first in ascending order)
///
/// Shares of a customer with zero total revenue are 0.
public struct CustomerFeatures: Sendable {
    /// The day recency and tenure count to; nil for the last day in the data.
    public var asOf: CivilDate?

    public init(asOf: CivilDate? = nil) {
        self.asOf = asOf
    }

    /// One row of features per customer.
    /// - Throws: `TabularError` when a required column is missing or of the wrong type.
    /// - Complexity: O(rows + customers × categories).
    public func compute(_ transactions: DataFrame) throws -> DataFrame {
        typealias Canonical = TransactionColumns.Canonical
        let arrays = try TransactionArrays(transactions)
        let customers = SortedGroups(try transactions.column(Canonical.customer))
        let categories = SortedGroups(transactions, Canonical.category)
        let regions = SortedGroups(transactions, Canonical.region)
        let locations = SortedGroups(transactions, Canonical.location)
        let online: [Bool]? = try transactions.contains(column: Canonical.channel)
            ? transactions[Canonical.channel, String.self].map { $0?.lowercased() == "online" } : nil
        let orders: Factorization = try transactions.contains(column: Canonical.invoice)
            ? transactions.column(Canonical.invoice).factorized()
            : Column("day", arrays.day).factorized()

        let n = customers.count
        let validDays = arrays.day.filter { $0 != Int.min }
        let reference = asOf?.daysSince1970 ?? validDays.max() ?? 0
        var first = [Int](repeating: .max, count: n), last = [Int](repeating: .min, count: n)
        var monetary = [Double](repeating: 0, count: n), units = [Double](repeating: 0, count: n)
        var onlineRevenue = [Double](repeating: 0, count: n)
        let categoryCount = categories?.count ?? 0
        var categoryRevenue = [Double](repeating: 0, count: n * categoryCount)
        var monthRevenue = [Double](repeating: 0, count: n * 12)
        var regionRevenue = [Double](repeating: 0, count: n * (regions?.count ?? 0))
        var locationRevenue = [Double](repeating: 0, count: n * (locations?.count ?? 0))
        // Distinct orders per customer: (customer, order) pairs seen, by order code.
        var orderSeen = Set<Int>()
        var frequency = [Int](repeating: 0, count: n)
        let orderWidth = max(1, orders.groupCount)

        for row in 0..<arrays.rowCount {
            let customer = customers.codes[row]
            let day = arrays.day[row]
            guard customer >= 0, day != Int.min else { continue }
            let revenue = arrays.revenue[row].isNaN ? 0 : arrays.revenue[row]
            first[customer] = min(first[customer], day)
            last[customer] = max(last[customer], day)
            monetary[customer] += revenue
            if !arrays.quantity[row].isNaN { units[customer] += arrays.quantity[row] }
            if online?[row] == true { onlineRevenue[customer] += revenue }
            if let categories, categories.codes[row] >= 0 { categoryRevenue[customer * categoryCount + categories.codes[row]] += revenue }
            monthRevenue[customer * 12 + CivilDate(days: day).month - 1] += revenue
            if let regions, regions.codes[row] >= 0 { regionRevenue[customer * regions.count + regions.codes[row]] += revenue }
            if let locations, locations.codes[row] >= 0 { locationRevenue[customer * locations.count + locations.codes[row]] += revenue }
            let order = Int(orders.codes[row])
            let key = customer * orderWidth + (order < 0 ? 0 : order)
            if orderSeen.insert(key).inserted { frequency[customer] += 1 }
        }

        func share(_ part: Double, _ total: Double) -> Double { total > 0 ? part / total : 0 }
        func argmax(_ values: ArraySlice<Double>, labels: [String]) -> String? {
            guard let best = values.indices.max(by: { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }),
                  values[best] > 0 else { return nil }
            return labels[best - values.startIndex]
        }
        let recency: [Int] = (0..<n).map { reference - last[$0] }
        let tenure: [Int] = (0..<n).map { reference - first[$0] }
        let averageOrder: [Double] = (0..<n).map { frequency[$0] > 0 ? monetary[$0] / Double(frequency[$0]) : 0 }
        var columns: [Column] = [Column("customer", customers.labels)]
        columns.append(Column("recency_days", recency))
        columns.append(Column("frequency", frequency))
        columns.append(Column("monetary", monetary))
        columns.append(Column("average_order_value", averageOrder))
        columns.append(Column("units", units))
        columns.append(Column("tenure_days", tenure))
        if let categories {
            for (index, name) in FeatureName.shareColumns(categories.labels).enumerated() {
                columns.append(Column(name, (0..<n).map { share(categoryRevenue[$0 * categoryCount + index], monetary[$0]) }))
            }
        }
        let q4: [Double] = (0..<n).map { customer in
            let base = customer * 12
            return share(monthRevenue[base + 9] + monthRevenue[base + 10] + monthRevenue[base + 11], monetary[customer])
        }
        columns.append(Column("q4_share", q4))
        columns.append(Column("peak_month_share", (0..<n).map { customer in
            share(monthRevenue[(customer * 12)..<(customer * 12 + 12)].max() ?? 0, monetary[customer])
        }))
        if online != nil {
            columns.append(Column("online_share", (0..<n).map { share(onlineRevenue[$0], monetary[$0]) }))
        }
        if let regions {
            columns.append(Column("home_region", (0..<n).map { argmax(regionRevenue[($0 * regions.count)..<(($0 + 1) * regions.count)], labels: regions.labels) }))
        }
        if let locations {
            columns.append(Column("home_location", (0..<n).map { argmax(locationRevenue[($0 * locations.count)..<(($0 + 1) * locations.count)], labels: locations.labels) }))
        }
        return try DataFrame(columns: columns)
    }
}
