import Tabular

/// The validation stage's tables, read off `kpis.csv` and the bootstrap differences.
public enum ValidationTables {
    /// One scope of `kpis.csv` in wide form: a row per KPI, a column per plan (in the order the plans
    /// first appear).
    /// - Throws: `TabularError` for a frame without the `plan`, `scope`, `kpi`, `value` columns.
    public static func wide(_ kpis: DataFrame, scope: String) throws -> DataFrame {
        let plans = try kpis["plan", String.self], scopes = try kpis["scope", String.self]
        let names = try kpis["kpi", String.self], values = try kpis.doubles("value")
        var planOrder: [String] = [], kpiOrder: [String] = []
        var cells: [String: Double] = [:]
        for row in 0..<kpis.rowCount where scopes[row] == scope {
            guard let plan = plans[row], let kpi = names[row] else { continue }
            if !planOrder.contains(plan) { planOrder.append(plan) }
            if !kpiOrder.contains(kpi) { kpiOrder.append(kpi) }
            cells[plan + "\u{1F}" + kpi] = values[row]
        }
        return try DataFrame(columns: [Column("kpi", kpiOrder)] + planOrder.map { plan in
            Column(plan, kpiOrder.map { cells[plan + "\u{1F}" + $0] ?? .nan })
        })
    }

    /// Per location: each plan's fill rate and units lost (columns `location`, `fill_<plan>`,
    /// `lost_<plan>`), locations in the order given.
    public static func locations(_ kpis: DataFrame, sites: [String]) throws -> DataFrame {
        var columns = [Column("location", sites)]
        let wideFrames = try sites.map { try wide(kpis, scope: ValidationScope.location($0).description) }
        for (kpi, prefix) in [("fill_rate", "fill_"), ("stockout_units", "lost_")] {
            guard let first = wideFrames.first else { break }
            for plan in first.columnNames.dropFirst() {
                columns.append(Column(prefix + plan, try wideFrames.map { frame in
                    let names = try frame["kpi", String.self]
                    guard let row = names.firstIndex(of: kpi) else { return Double.nan }
                    return try frame.doubles(plan)[row]
                }))
            }
        }
        return try DataFrame(columns: columns)
    }

    /// The bootstrap differences as a table (`kpi_intervals.csv`): `kpi`, `estimate`, `lower`,
    /// `upper`, `level`, `resamples`.
    public static func intervals(_ differences: [PlanDifference], resamples: Int) throws -> DataFrame {
        try DataFrame(columns: [
            Column("kpi", differences.map { "\($0.kpi) (\($0.comparison))" }),
            Column("estimate", differences.map(\.estimate)), Column("lower", differences.map(\.lower)),
            Column("upper", differences.map(\.upper)), Column("level", differences.map(\.level)),
            Column("resamples", differences.map { _ in resamples }),
        ])
    }

    /// A table whose numbers are formatted by the KPI of their row (named in column `kpi`): rates as
    /// percentages (differences, named with "−", in points), costs as whole amounts of `currency`
    /// (differences signed), units and events whole, turnover with two decimals and days with one, so
    /// that a column mixing KPIs keeps every row's precision.
    public static func formatted(_ frame: DataFrame, currency: String = "$") throws -> DataFrame {
        let kpis = try frame["kpi", String.self]
        func text(_ value: Double, _ kpi: String) -> String {
            guard value.isFinite else { return StrategyReport.amount(value) }
            let isDifference = kpi.contains("−")
            if kpi.hasPrefix("fill_rate") { return isDifference ? StrategyReport.points(value) : StrategyReport.percent(value) }
            if kpi.contains("cost") {
                let money = StrategyReport.money(value, symbol: currency)
                return isDifference && value.rounded() > 0 ? "+" + money : money
            }
            if kpi == "turnover" { return String(format: "%.2f", value) }
            if kpi == "days_of_supply" || kpi == "average_on_hand" { return StrategyReport.grouped(value, decimals: 1) }
            return isDifference ? StrategyReport.signedAmount(value) : StrategyReport.amount(value)
        }
        return try DataFrame(columns: frame.columns.map { column in
            guard column.name != "kpi", let values = column.doubles, column.name != "level", column.name != "resamples" else { return column }
            return Column(column.name, values.indices.map { text(values[$0], kpis[$0] ?? "") })
        })
    }

    /// Running sums: `[a, a + b, a + b + c, …]`.
    public static func runningTotal(_ values: [Double]) -> [Double] {
        var total = 0.0
        return values.map { total += $0; return total }
    }
}

extension ValidationReplay {
    /// A plan's KPIs for the network, then each region (in ``scopes`` order), as `(name, KPIs)`.
    public func networkAndRegions(_ trace: ReplayTrace) -> [(name: String, kpis: ValidationKPIs)] {
        scopes.compactMap { scope, members in
            switch scope {
            case .network: return ("Network", trace.kpis(of: members, in: self))
            case let .region(name): return (name, trace.kpis(of: members, in: self))
            case .location: return nil
            }
        }
    }
}
