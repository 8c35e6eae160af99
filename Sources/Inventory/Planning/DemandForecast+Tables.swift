import Forecast
import Tabular

extension DemandForecast {
    /// The rows of `forecasts.csv` (``ForecastTable``'s columns, in order): one per series and week.
    ///
    /// `week` is the first day of the step's week (the cutoff for step 1). `mean` and every bound are clipped
    /// at zero — demand is not negative — while `sd` comes from the model's 95% interval before
    /// clipping (``ForecastTable/standardDeviation(lower95:upper95:)``); without a 95% interval it
    /// comes from the 80% one, and without either it is 0.
    public static func forecastsFrame(_ results: [SeriesForecast], cutoff: CivilDate) throws -> DataFrame {
        var sku: [String] = [], location: [String] = [], region: [String] = [], segment: [String] = []
        var week: [Int] = [], step: [Int] = [], model: [String] = []
        var mean: [Double] = [], sd: [Double] = [], lower80: [Double] = [], upper80: [Double] = []
        var lower95: [Double] = [], upper95: [Double] = []
        for result in results {
            let f = result.forecast
            let i80 = f.interval(level: 0.8), i95 = f.interval(level: 0.95)
            for h in f.mean.indices {
                sku.append(result.series.key.sku)
                location.append(result.series.key.location)
                region.append(result.series.key.region)
                segment.append(result.series.key.segment)
                week.append(cutoff.daysSince1970 + 7 * h)
                step.append(h + 1)
                model.append(result.model)
                let m = f.mean[h]
                mean.append(clip(m))
                if let i95 {
                    sd.append(ForecastTable.standardDeviation(lower95: i95.lower[h], upper95: i95.upper[h]))
                } else if let i80 {
                    sd.append(max(0, i80.upper[h] - i80.lower[h]) / (2 * 1.2815515655446004))
                } else {
                    sd.append(0)
                }
                lower80.append(clip(i80?.lower[h] ?? m))
                upper80.append(clip(i80?.upper[h] ?? m))
                lower95.append(clip(i95?.lower[h] ?? m))
                upper95.append(clip(i95?.upper[h] ?? m))
            }
        }
        return try DataFrame(columns: [
            Column(ForecastTable.sku, sku), Column(ForecastTable.location, location), Column(ForecastTable.region, region),
            Column(ForecastTable.segment, segment), Column(name: ForecastTable.week, data: .date(week, missing: nil)),
            Column(ForecastTable.step, step), Column(ForecastTable.mean, mean), Column(ForecastTable.sd, sd),
            Column(ForecastTable.lower80, lower80), Column(ForecastTable.upper80, upper80),
            Column(ForecastTable.lower95, lower95), Column(ForecastTable.upper95, upper95),
            Column(ForecastTable.model, model),
        ])
    }

    /// `forecast_accuracy.csv`: one row per series with its keys, whether it is intermittent, the
    /// chosen candidate and fitted model, the backtest MASE of every candidate (`mase_<name>`, NaN
    /// where the series did not get or could not fit that candidate), of naive (`mase_naive`, the
    /// benchmark, also a candidate for short histories) and of the chosen model, and the note of a
    /// fallback.
    public func accuracyFrame(_ results: [SeriesForecast]) throws -> DataFrame {
        let names = allCandidateNames
        var columns: [Column] = [
            Column("sku", results.map(\.series.key.sku)), Column("location", results.map(\.series.key.location)),
            Column("region", results.map(\.series.key.region)), Column("segment", results.map(\.series.key.segment)),
            Column("training_units", results.map(\.series.total)),
            Column("zero_weeks_share", results.map(\.series.zeroShare)),
            Column("intermittent", results.map(\.intermittent)),
            Column("chosen", results.map(\.chosen)), Column("model", results.map(\.model)),
        ]
        for name in names where name != Naive().name {
            columns.append(Column(Self.maseColumn(name), results.map { $0.candidateMASE[name] ?? .nan }))
        }
        columns.append(Column("mase_naive", results.map(\.naiveMASE)))
        columns.append(Column("mase_chosen", results.map(\.chosenMASE)))
        columns.append(Column("note", results.map { $0.note ?? "" }))
        return try DataFrame(columns: columns)
    }

    /// How many series each candidate won (fallbacks by their labels), most first, with the share.
    public static func modelChoice(_ results: [SeriesForecast]) throws -> DataFrame {
        var counts: [String: Int] = [:]
        for result in results { counts[result.chosen, default: 0] += 1 }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let total = Double(max(1, results.count))
        return try DataFrame(columns: [
            Column("model", sorted.map(\.key)), Column("series", sorted.map(\.value)),
            Column("share", sorted.map { Double($0.value) / total }),
        ])
    }

    /// The accuracy summary against naive over the backtested series: per candidate, the series it
    /// was scored on and its mean and median MASE (naive, when a candidate, only in the last row);
    /// then the chosen model's and naive's, each over the series where both are finite.
    ///
    /// A MASE is infinite when a training window has no week-to-week change; such values are left
    /// out of the means (the `series` column counts what is averaged).
    public func accuracySummary(_ results: [SeriesForecast]) throws -> DataFrame {
        let backtested = results.filter(\.isBacktested)
        var labels: [String] = [], counts: [Int] = [], means: [Double] = [], medians: [Double] = []
        func add(_ label: String, _ values: [Double]) {
            let finite = values.filter(\.isFinite).sorted()
            labels.append(label)
            counts.append(finite.count)
            means.append(finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count))
            medians.append(Self.median(sorted: finite))
        }
        for name in allCandidateNames where name != Naive().name {
            let scored = backtested.compactMap { $0.candidateMASE[name] }
            if !scored.isEmpty { add(name, scored) }
        }
        let paired = backtested.filter { $0.chosenMASE.isFinite && $0.naiveMASE.isFinite }
        add("chosen model", paired.map(\.chosenMASE))
        add("naive", paired.map(\.naiveMASE))
        return try DataFrame(columns: [
            Column("model", labels), Column("series", counts), Column("mean_mase", means), Column("median_mase", medians),
        ])
    }

    /// The share of backtested series (with finite MASE for both) where the chosen model's MASE is
    /// below naive's; NaN when there is none.
    public static func shareBeatingNaive(_ results: [SeriesForecast]) -> Double {
        let paired = results.filter { $0.isBacktested && $0.chosenMASE.isFinite && $0.naiveMASE.isFinite }
        guard !paired.isEmpty else { return .nan }
        return Double(paired.filter { $0.chosenMASE < $0.naiveMASE }.count) / Double(paired.count)
    }

    /// `mase_<name>` in lower case, each run of characters other than ASCII letters and digits one
    /// underscore (`auto-ARIMA` → `mase_auto_arima`, `AutoETS × category-region` →
    /// `mase_autoets_category_region`).
    static func maseColumn(_ name: String) -> String {
        var column = "mase_", pending = false
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pending && column.last != "_" { column.append("_") }
                column.append(character)
                pending = false
            } else {
                pending = true
            }
        }
        return column
    }

    static func clip(_ value: Double) -> Double { value.isNaN ? 0 : max(0, value) }

    static func median(sorted values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }
}
