import Foundation
import Tabular

/// The outlier limit of the quantities: Tukey's far fence Q3 + k·IQR on log quantity (Tukey 1977,
/// *Exploratory Data Analysis*, §2), never below a high quantile of the quantities.
///
/// The floor keeps the rule sane when the interquartile range is 0: when most lines are single
/// units the log fence is exp(0) = 1 unit and would drop every line of 2 or more; when every
/// quantity is equal it would sit on the common value. With the floor at the 99.9% order statistic
/// at most about 0.1% of the rows (and never a row at the most common quantity) fall above it.
/// The limit is compared in whole units: a limit within 1e-9 (relative) of an integer is that
/// integer, so that a line at the fence (`exp(log(n))` can come out a hair below `n`) is kept.
struct QuantityFence: Sendable, CustomStringConvertible {
    /// exp(Q3 + k·IQR) of log quantity, in units.
    let tukey: Double
    /// The floor quantile's order statistic, a quantity of the data.
    let floor: Double
    let floorQuantile: Double
    let k: Double
    /// The larger of the two, snapped to a whole unit when within rounding of one.
    let limit: Double

    /// Nil when there are no quantities; every quantity must be positive.
    init?(_ quantities: [Double], k: Double, floorQuantile: Double) {
        guard !quantities.isEmpty else { return nil }
        let sorted = quantities.sorted()
        let logs = sorted.map { Foundation.log($0) }
        let q1 = Cleaning.quantile(logs, 0.25), q3 = Cleaning.quantile(logs, 0.75)
        tukey = Foundation.exp(q3 + k * (q3 - q1))
        let clamped = min(1, max(0, floorQuantile))
        floor = sorted[Int((clamped * Double(sorted.count - 1)).rounded(.down))]
        self.floorQuantile = clamped
        self.k = k
        let larger = max(tukey, floor)
        let whole = larger.rounded()
        limit = abs(larger - whole) <= 1e-9 * max(1, whole) ? whole : larger
    }

    /// Whether a quantity lies above the fence.
    func isAbove(_ quantity: Double) -> Bool { quantity > limit }

    var description: String {
        let rule = "Q3 + \(ValueText.number(k))·IQR of log quantity"
        guard floor > tukey else { return "quantity above \(Self.units(limit)) units (\(rule))" }
        let percentile = ValueText.number((floorQuantile * 1000).rounded() / 10)
        return "quantity above \(Self.units(limit)) units (the \(percentile)th percentile of quantities, above \(rule), \(Self.units(tukey)))"
    }

    static func units(_ value: Double) -> String {
        value >= 1e6 ? String(format: "%.3g", value) : String(format: "%.0f", value.rounded(.down))
    }
}

/// The range of days not far from the rest: the quartiles of the day numbers widened by k times
/// their interquartile range (Tukey's far fences, as for the quantities), the range taken as at least
/// `minimumSpread` days so that data bunched on a few days keeps its neighbouring days.
enum DateFence {
    /// Nil when there are no days.
    static func range(_ days: [Int], k: Double, minimumSpread: Int) -> ClosedRange<Int>? {
        guard !days.isEmpty else { return nil }
        let sorted = days.sorted().map(Double.init)
        let q1 = Cleaning.quantile(sorted, 0.25), q3 = Cleaning.quantile(sorted, 0.75)
        let spread = max(q3 - q1, Double(max(0, minimumSpread)))
        let low = Int((q1 - k * spread).rounded(.up)), high = Int((q3 + k * spread).rounded(.down))
        return low...max(low, high)
    }
}
