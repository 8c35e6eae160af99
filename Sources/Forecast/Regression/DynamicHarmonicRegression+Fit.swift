extension DynamicHarmonicRegression {
    /// A fitted dynamic harmonic regression, ready to forecast.
    public struct Fit: Sendable {
        /// One value of K tried and the AICc of its best model (infinite when no model fitted).
        public struct Step: Sendable, Hashable {
            public let harmonics: Int
            public let aicc: Double
        }
        /// The regression with ARIMA errors chosen; its regressors are the Fourier terms (sin1,
        /// cos1, …) followed by the kept events.
        public let arima: FittedARIMA
        /// K, the number of Fourier pairs chosen (0: no yearly cycle).
        public let harmonics: Int
        /// The events used as regressors, in the order of their coefficients after the Fourier terms.
        public let keptEvents: [CalendarEvent]
        /// The names of the events left out (never, always, or on the same weeks as another).
        public let droppedEvents: [String]
        /// The values of K tried, in order.
        public let steps: [Step]
        /// The model that fitted, with the phase origin and the history's length.
        let model: DynamicHarmonicRegression
        let count: Int

        /// For example "ARIMA(1,1,0) with drift + Fourier(52.18, 4) + Christmas".
        public var name: String {
            var text = arima.name
            if harmonics > 0 {
                let shown = (model.period * 100).rounded() / 100
                text += " + Fourier(\(shown), \(harmonics))"
            }
            for event in keptEvents { text += " + \(event.name)" }
            return text
        }

        /// Forecasts `horizon` steps past the history, continuing the Fourier phase and the event
        /// calendar.
        /// - Throws: `ForecastError.invalidArgument` for a horizon below 1 or a level outside (0, 1).
        public func forecast(horizon: Int, levels: [Double] = [0.8, 0.95]) throws -> ForecastResult {
            try Validation.horizon(horizon)
            let future = try model.regressors(harmonics: harmonics, events: keptEvents, from: count, count: horizon)
            let result = try arima.forecast(horizon: horizon, regressors: future, levels: levels)
            return ForecastResult(model: name, mean: result.mean, intervals: result.intervals)
        }
    }

    /// Chooses K and the ARIMA errors for `history` and fits them (see the type's description).
    ///
    /// A constant history (all zeros included) gets its constant as forecast with no harmonics.
    /// - Parameter history: weekly (or other) values, oldest first, all finite, at least one full
    ///   period long (⌈period⌉ observations).
    /// - Throws: `ForecastError.nonFinite`, `.tooShort` for less than one period, `.invalidArgument`
    ///   for a period not above 2, K limits below 0, or events without `firstWeekStart`;
    ///   `.fitFailed` when no model fits.
    /// - Complexity: one stepwise auto-ARIMA search per K tried.
    public func fit(_ history: [Double]) throws -> Fit {
        guard period.isFinite, period > 2 else {
            throw ForecastError.invalidArgument("the harmonic regression period must be above 2, got \(period)")
        }
        guard maxHarmonics >= 0, patience >= 1, maxP >= 0, maxQ >= 0 else {
            throw ForecastError.invalidArgument("harmonic regression limits must be non-negative (patience at least 1)")
        }
        guard events.isEmpty || firstWeekStart != nil else {
            throw ForecastError.invalidArgument("calendar events need the first week's start day (firstWeekStart)")
        }
        let needed = Int(period.rounded(.up))
        try Validation.history(history, minimum: needed, method: name)
        let n = history.count
        let arima = AutoARIMA(seasonalPeriod: 1, maxP: maxP, maxQ: maxQ, approximation: approximation)

        if Stationarity.isConstant(history) {
            let fit = try arima.fit(history)
            return Fit(arima: fit, harmonics: 0, keptEvents: [], droppedEvents: events.map(\.name),
                       steps: [], model: self, count: n)
        }
        let (kept, dropped) = try usableEvents(count: n)
        let mostHarmonics = min(maxHarmonics, FourierTerms.maxHarmonics(period: period), max(0, (n - 10) / 4))
        // d once, on what the richest regression leaves, so that every K's AICc is comparable.
        let richest = try regressors(harmonics: mostHarmonics, events: kept, from: 0, count: n)
        let residuals = richest.isEmpty ? history : AutoARIMA.regressionResiduals(history, richest)
        var search = arima
        search.d = Stationarity.differencingOrder(residuals, alpha: arima.alpha, maxOrder: arima.maxD)

        // The ARMA orders of the errors, from the stepwise search on what the richest regression
        // leaves; K is then chosen with those orders by the CSS approximation of the AICc.
        let errorsModel = fitErrors(history, regressors: richest, search: search)?.specification
            ?? ARIMA(order: (0, search.d ?? 0, 0), includeConstant: (search.d ?? 0) <= 1)
        var best: (harmonics: Int, aicc: Double)?
        var steps: [Fit.Step] = []
        var misses = 0
        let approximate = ARIMA(order: errorsModel.order, includeConstant: errorsModel.includeConstant,
                                method: approximation ? .conditionalSumOfSquares : .conditionalSumOfSquaresThenMaximumLikelihood)
        for k in 0...mostHarmonics {
            let columns = try regressors(harmonics: k, events: kept, from: 0, count: n)
            let fit = try? approximate.fit(history, regressors: columns)
            let aicc = fit.map { $0.aicc.isNaN ? .infinity : $0.aicc } ?? .infinity
            steps.append(Fit.Step(harmonics: k, aicc: aicc))
            if aicc < (best?.aicc ?? .infinity) {
                best = (k, aicc)
                misses = 0
            } else {
                misses += 1
                if misses >= patience { break }
            }
        }
        // The chosen K gets its own order search and a maximum-likelihood fit.
        let k = best?.harmonics ?? 0
        let columns = try regressors(harmonics: k, events: kept, from: 0, count: n)
        guard let chosen = fitErrors(history, regressors: columns, search: search)
                ?? (try? ARIMA(order: errorsModel.order, includeConstant: errorsModel.includeConstant)
                    .fit(history, regressors: columns)) else {
            throw ForecastError.fitFailed(method: name, reason: "no regression with ARIMA errors could be fitted")
        }
        return Fit(arima: chosen, harmonics: k, keptEvents: kept, droppedEvents: dropped,
                   steps: steps, model: self, count: n)
    }

    /// The regression with ARIMA errors for one set of regressors, in two stages: the ARMA orders
    /// and the constant come from the stepwise search on the residuals of the least-squares
    /// regression (on the differenced scale), then that one model is fitted by maximum likelihood
    /// with the regressors. A full search with the regressors in every candidate (as
    /// `AutoARIMA.search(_:regressors:)`) costs one concentrated likelihood per candidate and
    /// regressor, some fifty times more, for nearly always the same orders.
    /// - Returns: nil when no model could be fitted.
    func fitErrors(_ history: [Double], regressors columns: [[Double]], search: AutoARIMA) -> FittedARIMA? {
        guard !columns.isEmpty else { return try? search.fit(history) }
        let d = search.d ?? 0
        guard let regression = try? ARIMARegressors(columns, count: history.count, d: d, seasonalD: 0, period: 1,
                                                    constant: d <= 1),
              let w = try? Stationarity.difference(history, lag: 1, order: d),
              let ols = ARIMARegressors.leastSquares(w, regression.profileColumns) else { return nil }
        let errors = regression.removingEffect(of: regression.split(ols.beta).beta, from: history)
        guard let chosen = try? search.fit(errors) else { return nil }
        let spec = ARIMA(order: chosen.specification.order, includeConstant: chosen.specification.hasConstant)
        return try? spec.fit(history, regressors: columns)
    }

    /// The events whose weekly indicators over the history can be estimated, and the names of
    /// the others.
    func usableEvents(count: Int) throws -> (kept: [CalendarEvent], dropped: [String]) {
        var kept: [CalendarEvent] = [], dropped: [String] = []
        var columns: [[Double]] = []
        for event in events {
            let column = try regressors(harmonics: 0, events: [event], from: 0, count: count).first ?? []
            if Stationarity.isConstant(column) || columns.contains(column) {
                dropped.append(event.name)
            } else {
                kept.append(event)
                columns.append(column)
            }
        }
        return (kept, dropped)
    }

    /// Fourier terms then event indicators for observations `from` … `from + count − 1` of the
    /// history (which may run past its end, for forecasts).
    func regressors(harmonics: Int, events: [CalendarEvent], from offset: Int, count: Int) throws -> [[Double]] {
        var columns: [[Double]] = []
        if harmonics > 0 {
            columns += try FourierTerms(period: period, harmonics: harmonics)
                .columns(from: timeIndex(offset), count: count)
        }
        if !events.isEmpty, let start = firstWeekStart {
            let weeks = (0..<count).map { start + 7 * (offset + $0) }
            columns += CalendarEvent.weeklyIndicators(events, weekStarts: weeks)
        }
        return columns
    }
}
