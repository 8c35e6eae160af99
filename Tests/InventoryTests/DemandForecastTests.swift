import Forecast
import Foundation
import Tabular
import Testing
@testable import Inventory

@Suite struct DemandForecastTests {
    static let start = CivilDate(year: 2024, month: 1, day: 1)

    static func series(_ sku: String, _ units: [Double], location: String = "L1") -> DemandSeries {
        DemandSeries(key: DemandSeriesKey(sku: sku, location: location, region: "North"), start: start, units: units)
    }

    /// A smooth, noisy weekly demand around 20 units (deterministic).
    static func regular(_ n: Int) -> [Double] {
        (0..<n).map { (t: Int) -> Double in
            let wave: Double = 5 * sin(Double(t) * 0.7)
            return 20 + wave + Double((t * 7) % 5)
        }
    }

    /// Demand every third week.
    static func intermittent(_ n: Int) -> [Double] {
        (0..<n).map { (t: Int) -> Double in t % 3 == 2 ? Double(2 + t % 4) : 0 }
    }

    @Test func intermittencyRuleIsTheAverageDemandInterval() {
        let planner = DemandForecast(horizon: 4)
        #expect(planner.isIntermittent(Self.intermittent(30)))          // ADI 3
        #expect(!planner.isIntermittent(Self.regular(30)))              // ADI 1
        // 25 weeks with demand out of 33: ADI 1.32, not above the cut-off.
        let boundary = (0..<33).map { $0 < 25 ? 1.0 : 0 }
        #expect(!planner.isIntermittent(boundary))
        #expect(planner.isIntermittent(boundary + [0]))
        #expect(planner.candidateNames(for: Self.intermittent(30)).suffix(2) == ["Croston", "SBA"])
        #expect(!planner.candidateNames(for: Self.regular(30)).contains("Croston"))
        // Naive (the last week, usually zero) is only the benchmark of intermittent series.
        #expect(planner.candidateNames(for: Self.intermittent(30)) == ["AutoETS", "Croston", "SBA"])
        #expect(planner.candidateNames(for: Self.regular(30)) == ["Naive", "AutoETS", "auto-ARIMA"])  // auto-ARIMA only for regular series
    }

    @Test func seasonalModelsNeedTwoYearsOfARegularSeries() {
        let planner = DemandForecast(horizon: 8)
        let short = planner.candidateNames(for: Self.series("A", Self.regular(103)), aggregates: nil)
        let long = planner.candidateNames(for: Self.series("A", Self.regular(104)), aggregates: nil)
        let sparse = planner.candidateNames(for: Self.series("A", Self.intermittent(156)), aggregates: nil)
        #expect(!short.contains("MSTL") && !short.contains("harmonic regression"))
        #expect(long.suffix(2) == ["MSTL", "harmonic regression"])
        #expect(!sparse.contains("MSTL") && !sparse.contains("harmonic regression"))
        #expect(planner.allCandidateNames.contains("MSTL") && planner.allCandidateNames.contains("harmonic regression"))
    }

    @Test func seasonalNaiveNeedsTwoYears() {
        let planner = DemandForecast(horizon: 8)
        #expect(planner.candidateNames(for: Self.regular(103)).first == "Naive")
        #expect(planner.candidateNames(for: Self.regular(104)).first == "Seasonal naive")
        #expect(planner.candidateNames(for: Self.regular(104)).contains("AutoETS"))
    }

    @Test func degenerateSeriesGetFallbacksNotErrors() throws {
        let planner = DemandForecast(horizon: 4, origins: 3)
        let results = try planner.run([
            Self.series("zeros", [Double](repeating: 0, count: 40)),
            Self.series("short", [3, 1, 4, 1, 5]),
            Self.series("empty", []),
            Self.series("one", [7]),
        ])
        #expect(results.map(\.model) == [DemandForecast.zeroModel, DemandForecast.fallbackModel, DemandForecast.zeroModel,
                                         DemandForecast.fallbackModel])
        #expect(results[0].forecast.mean == [0, 0, 0, 0])
        #expect(results[1].forecast.mean == [5, 5, 5, 5])
        #expect(results[1].note?.contains("Backtest") == true)
        #expect(results[2].forecast.mean == [0, 0, 0, 0])
        #expect(results[3].forecast.mean == [7, 7, 7, 7])
        #expect(results.allSatisfy { !$0.isBacktested && $0.chosenMASE.isNaN })
        #expect(results.allSatisfy { $0.forecast.intervals.map(\.level) == [0.8, 0.95] })
    }

    @Test func seriesThatStartLateFallBackToNaive() throws {
        // The first origin trains on 32 weeks without demand: every MASE is infinite.
        let late = [Double](repeating: 0, count: 33) + [3, 0, 5, 2, 0, 4, 1]
        let result = try #require(try DemandForecast(horizon: 4, origins: 3, step: 2).run([Self.series("L", late)]).first)
        #expect(result.model == DemandForecast.fallbackModel)
        #expect(result.note?.contains("infinite MASE") == true)
        #expect(result.candidateMASE["AutoETS"] == .infinity)
        #expect(result.forecast.mean == [1, 1, 1, 1])
    }

    @Test func backtestChoosesAmongTheCandidatesAndBeatsOrMatchesItsScores() throws {
        var planner = DemandForecast(horizon: 4, origins: 3)
        #expect(planner.selectionMetric == .rmse)
        planner.selectionMetric = .mase   // the scores kept per candidate are MASE
        let input = [Self.series("R", Self.regular(60)), Self.series("I", Self.intermittent(60))]
        let results = try planner.run(input)
        for (result, series) in zip(results, input) {
            #expect(result.series == series)
            #expect(result.isBacktested)
            let names = planner.candidateNames(for: series.units)
            #expect(names.contains(result.chosen))
            #expect(Set(result.candidateMASE.keys) == Set(names))
            // The winner has the smallest finite MASE among the candidates.
            let best = result.candidateMASE.values.filter(\.isFinite).min()
            #expect(result.chosenMASE == best)
            #expect(result.naiveMASE.isFinite)
            #expect(result.forecast.mean.count == 4)
        }
        #expect(!results[0].intermittent && results[1].intermittent)
        // Naive is a candidate for short histories, so the benchmark's MASE is its score too.
        #expect(results[0].candidateMASE["Naive"] == results[0].naiveMASE)
    }

    @Test func runsAreDeterministicAndReportProgress() throws {
        let planner = DemandForecast(horizon: 4, origins: 2)
        let input = (0..<6).map { Self.series("S\($0)", $0 % 2 == 0 ? Self.regular(50 + $0) : Self.intermittent(50 + $0)) }
            + [Self.series("Z", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]
        let seen = Counter()
        let first = try planner.run(input, progress: { done, total in seen.record(done, total) })
        let second = try planner.run(input)
        #expect(first.map(\.forecast) == second.map(\.forecast))
        #expect(seen.values.last == 7)
        #expect(seen.total == 7)
        #expect(seen.values == seen.values.sorted())
    }

    @Test func badSettingsThrow() {
        #expect(throws: PlanningError.self) { try DemandForecast(horizon: 0).run([]) }
        #expect(throws: PlanningError.self) { try DemandForecast(horizon: 4, origins: 0).run([]) }
    }

    @Test func forecastsFrameHasTheSchemaAndNonNegativeBounds() throws {
        let planner = DemandForecast(horizon: 3, origins: 2)
        // A falling series: its naive-like forecasts have intervals reaching below zero.
        let falling = Self.series("F", (0..<30).map { Double(max(0, 30 - $0)) + Double($0 % 3) })
        let results = try planner.run([falling, Self.series("I", Self.intermittent(30)), Self.series("Z", [0, 0, 0])])
        let frame = try DemandForecast.forecastsFrame(results, cutoff: CivilDate(year: 2024, month: 7, day: 29))
        try ForecastTable.validate(frame)
        #expect(frame.columnNames == ForecastTable.columns)
        #expect(frame.rowCount == 9)
        #expect(try frame["step", Int.self] == [1, 2, 3, 1, 2, 3, 1, 2, 3])
        let weeks = try frame.column("week")
        guard case let .date(days, _) = weeks.data else { Issue.record("week is not a date column"); return }
        let cutoff = CivilDate(year: 2024, month: 7, day: 29).daysSince1970
        #expect(days == [0, 7, 14, 0, 7, 14, 0, 7, 14].map { cutoff + $0 })
        for name in [ForecastTable.mean, ForecastTable.sd, ForecastTable.lower80, ForecastTable.upper80, ForecastTable.lower95, ForecastTable.upper95] {
            #expect(try frame.doubles(name).allSatisfy { $0 >= 0 && $0.isFinite }, "\(name)")
        }
        let lower80 = try frame.doubles(ForecastTable.lower80), upper80 = try frame.doubles(ForecastTable.upper80)
        let lower95 = try frame.doubles(ForecastTable.lower95), upper95 = try frame.doubles(ForecastTable.upper95)
        let mean = try frame.doubles(ForecastTable.mean)
        for row in 0..<frame.rowCount {
            #expect(lower95[row] <= lower80[row] && lower80[row] <= mean[row] + 1e-9)
            #expect(mean[row] <= upper80[row] + 1e-9 && upper80[row] <= upper95[row])
        }
        // sd comes from the unclipped 95% interval.
        let i95 = try #require(results[0].forecast.interval(level: 0.95))
        let sd = try frame.doubles(ForecastTable.sd)
        #expect(abs(sd[0] - (i95.upper[0] - i95.lower[0]) / (2 * 1.959963984540054)) < 1e-12)
        #expect(try frame[ForecastTable.model, String.self].suffix(3) == Array(repeating: DemandForecast.zeroModel, count: 3))
        #expect(sd.suffix(3) == [0, 0, 0])
    }

    @Test func accuracyTables() throws {
        var planner = DemandForecast(horizon: 4, origins: 2)
        planner.selectionMetric = .mase
        let results = try planner.run([Self.series("R", Self.regular(40)), Self.series("I", Self.intermittent(40)),
                                       Self.series("Z", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])])
        let accuracy = try planner.accuracyFrame(results)
        #expect(accuracy.rowCount == 3)
        for name in ["sku", "location", "region", "segment", "chosen", "model", "mase_autoets", "mase_croston", "mase_sba",
                     "mase_naive", "mase_chosen", "note"] {
            #expect(accuracy.contains(column: name), "\(name)")
        }
        #expect(try accuracy.doubles("mase_croston")[0].isNaN)  // a regular series gets no Croston
        #expect(try accuracy.doubles("mase_croston")[1].isFinite)

        let choice = try DemandForecast.modelChoice(results)
        #expect(try choice["series", Int.self].compactMap { $0 }.reduce(0, +) == 3)
        #expect(try choice["model", String.self].contains(DemandForecast.zeroModel))

        let summary = try planner.accuracySummary(results)
        let labels = try summary["model", String.self].compactMap { $0 }
        #expect(labels.suffix(2) == ["chosen model", "naive"])
        #expect(!labels.contains("Naive"))
        let counts = try summary["series", Int.self].compactMap { $0 }
        #expect(counts.last == 2)  // the all-zero series is not backtested
        let means = try summary.doubles("mean_mase")
        let finite = means.suffix(2).allSatisfy { $0.isFinite }
        #expect(finite)
        // Naive is a candidate for the short regular series, so its chosen model is never worse.
        #expect(results[0].chosenMASE <= results[0].naiveMASE)
        let share = DemandForecast.shareBeatingNaive(results)
        let beaten = results.filter { $0.isBacktested && $0.chosenMASE < $0.naiveMASE }.count
        #expect(share == Double(beaten) / 2)
        #expect(DemandForecast.shareBeatingNaive([]).isNaN)
    }

    @Test func maseColumnNames() {
        #expect(DemandForecast.maseColumn("Seasonal naive") == "mase_seasonal_naive")
        #expect(DemandForecast.maseColumn("auto-ARIMA") == "mase_auto_arima")
    }
}

/// Progress calls seen by a test, from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    private var lastTotal = 0

    func record(_ done: Int, _ total: Int) {
        lock.lock(); defer { lock.unlock() }
        seen.append(done)
        lastTotal = total
    }

    var values: [Int] { lock.lock(); defer { lock.unlock() }; return seen }
    var total: Int { lock.lock(); defer { lock.unlock() }; return lastTotal }
}
