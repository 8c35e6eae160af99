import Tabular

/// The schema of `forecasts.csv`, which the forecasting stage writes and the allocation and
/// validation stages read: one row per series and forecast week.
///
/// | column | type | meaning |
/// | --- | --- | --- |
/// | `sku` | text | the SKU |
/// | `location` | text | the location (store or fulfillment center) whose demand it is |
/// | `region` | text | the location's region |
/// | `segment` | text | the customer segment, or `all` when the level does not split by segment |
/// | `week` | date | the first day of the forecast week, on the data's week start (the first is the planning cutoff) |
/// | `step` | integer | 1 for the first week after the cutoff |
/// | `mean` | double | point forecast of units |
/// | `sd` | double | standard deviation of that week's forecast error (from the model's 95% interval before clipping at zero, under normality) |
/// | `lower_80`, `upper_80`, `lower_95`, `upper_95` | double | prediction interval bounds (≥ 0) |
/// | `model` | text | the model the backtest chose, e.g. `ETS(A,N,N)` |
public enum ForecastTable {
    public static let sku = "sku"
    public static let location = "location"
    public static let region = "region"
    public static let segment = "segment"
    public static let week = "week"
    public static let step = "step"
    public static let mean = "mean"
    public static let sd = "sd"
    public static let lower80 = "lower_80"
    public static let upper80 = "upper_80"
    public static let lower95 = "lower_95"
    public static let upper95 = "upper_95"
    public static let model = "model"

    /// Every column, in file order.
    public static let columns = [sku, location, region, segment, week, step, mean, sd, lower80, upper80, lower95, upper95, model]

    /// Checks that a frame read from `forecasts.csv` has the schema's columns.
    /// - Throws: ``TabularError/missingColumn(_:available:)`` for the first column that is not there.
    public static func validate(_ frame: DataFrame) throws {
        for name in columns where !frame.contains(column: name) {
            throw TabularError.missingColumn(name, available: frame.columnNames)
        }
    }

    /// The standard deviation implied by an unclipped 95% interval under normality:
    /// (upper − lower) / (2 · 1.959964).
    public static func standardDeviation(lower95: Double, upper95: Double) -> Double {
        max(0, upper95 - lower95) / (2 * 1.959963984540054)
    }
}
