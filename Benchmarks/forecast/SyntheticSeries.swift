import Inventory
import Tabular

/// The benchmark's synthetic series: weekly units sold per SKU over four years of the synthetic
/// retailer, with its yearly seasonality, holidays (a Christmas peak each year) and slow movers.
///
/// The settings are fixed here, before any model was tuned on the benchmark, so that it cannot be
/// won by tuning the generator. `synth --seed 42 --scale 3 --start 2022-01-03 --weeks 208` writes the
/// same world as files.
enum SyntheticSeries {
    /// Seed 42 as the sample; scale 3 (7,500 customers, 36 stores) so that the median SKU sells
    /// about 15 units a week; 208 whole Monday-to-Sunday weeks from 2022-01-03 to 2025-12-28, so
    /// that the 13 weeks held out end with Christmas 2025 and the history before them holds three
    /// Christmas peaks.
    static let configuration = SyntheticWorld.Configuration(
        seed: 42, scale: 3, customers: 2500, start: CivilDate(year: 2022, month: 1, day: 3), days: 208 * 7)

    /// Weekly units per SKU (all stores, fulfillment centers and channels together), one series per
    /// SKU in catalog order, every week present (weeks without a sale are zero).
    static func weekly(_ world: SyntheticWorld) -> [BenchSeries] {
        let first = world.configuration.start.daysSince1970
        let weekCount = world.configuration.days / 7
        var units = [[Double]](repeating: [Double](repeating: 0, count: weekCount), count: world.skus.count)
        let sales = world.sales
        for row in 0..<sales.count {
            let week = (sales.day[row] - first) / 7
            guard week < weekCount else { continue }   // a last partial week is left out
            units[Int(sales.sku[row])][week] += Double(sales.quantity[row])
        }
        let weeks = (0..<weekCount).map { CivilDate(days: first + 7 * $0) }
        return world.skus.indices.map { BenchSeries(set: "synthetic", id: world.skus[$0].id, weeks: weeks, values: units[$0]) }
    }
}
