import Forecast

/// The models Restock chooses among per series, by rolling-origin backtest.
///
/// A new model joins the choice with one line in ``all``; `offered` says which series it is tried
/// on (all of them unless it says otherwise).
struct Candidate: Sendable {
    let model: any Forecaster
    let offered: @Sendable ([Double]) -> Bool

    init(_ model: any Forecaster, offered: @escaping @Sendable ([Double]) -> Bool = { _ in true }) {
        self.model = model
        self.offered = offered
    }
}

enum Candidates {
    /// Weeks per year.
    static let period = 52

    /// Restock's candidates, in the order that breaks ties in the backtest.
    static let all: [Candidate] = [
        Candidate(AutoETS(period: period)),
        Candidate(DynamicHarmonicRegression(period: 365.25 / 7)),
        Candidate(MSTLForecaster(period: period)),
        Candidate(SeasonalNaive(period: period)),
        Candidate(Naive()),
        Candidate(Croston(variant: .sba), offered: isIntermittent),
    ]

    /// The candidates offered for `history`.
    static func offered(for history: [Double]) -> [Candidate] {
        all.filter { $0.offered(history) }
    }

    /// Whether demand is intermittent: an average inter-demand interval of 1.32 periods or more
    /// (Syntetos, Boylan & Croston 2005, the ADI cut-off).
    @Sendable static func isIntermittent(_ history: [Double]) -> Bool {
        let demands = history.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        return demands > 0 && Double(history.count) / Double(demands) >= 1.32
    }
}
