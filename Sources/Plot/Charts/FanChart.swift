import Foundation

/// A prediction interval of a forecast: the bounds that hold the future value with probability `level`.
public struct ForecastInterval: Sendable, Hashable {
    /// Coverage probability, e.g. 0.8 or 0.95.
    public var level: Double
    public var lower: [Double]
    public var upper: [Double]

    public init(level: Double, lower: [Double], upper: [Double]) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// History as a line, then the forecast's mean line inside shaded prediction intervals, the widest
/// palest, joined to the last observed point.
struct FanLayer: Layer {
    var historyX: XValues
    var history: [Double]
    var forecastX: XValues
    var forecast: [Double]
    /// Widest first, so that narrower (darker) bands are drawn on top.
    var intervals: [ForecastInterval]
    var historyColor: ColorChoice
    var forecastColor: ColorChoice

    var kind: String { "fan chart" }
    var x: Extent { historyX.extent(padded: false).merged(with: forecastX.extent(padded: false)) ?? .none }
    var y: Extent {
        .numeric(of: history + forecast + intervals.flatMap { $0.lower + $0.upper })
    }

    static func label(for level: Double) -> String {
        NumberFormat.percent.string(level) + " interval"
    }

    /// Band opacities from the widest interval to the narrowest.
    func opacity(at index: Int) -> Double {
        let count = max(1, intervals.count)
        return 0.18 + 0.17 * Double(index) / Double(max(1, count - 1)) * (count > 1 ? 1 : 0)
    }

    func legendEntries(palette: Palette) -> [LegendEntry] {
        let forecastColor = forecastColor.resolve(palette)
        var entries = [
            LegendEntry(label: "History", color: historyColor.resolve(palette), symbol: .line),
            LegendEntry(label: "Forecast", color: forecastColor, symbol: .line),
        ]
        for (index, interval) in intervals.enumerated().reversed() {
            // The swatch shows the band as it looks on white, where the bands overlap.
            let shade = (0...index).reduce(Color.white) { $0.mixed(with: forecastColor, amount: opacity(at: $1)) }
            entries.append(LegendEntry(label: Self.label(for: interval.level), color: shade, symbol: .box))
        }
        return entries
    }

    /// The last finite history point, where the forecast line and bands start.
    private var anchor: (x: Double, y: Double)? {
        let xs = historyX.coordinates
        for index in history.indices.reversed() where history[index].isFinite && xs[index].isFinite {
            return (xs[index], history[index])
        }
        return nil
    }

    private func bandPolygon(_ interval: ForecastInterval, in context: LayoutContext) -> [Point] {
        var xs = forecastX.coordinates, lower = interval.lower, upper = interval.upper
        if let anchor {
            xs.insert(anchor.x, at: 0); lower.insert(anchor.y, at: 0); upper.insert(anchor.y, at: 0)
        }
        var top: [Point] = [], bottom: [Point] = []
        for index in xs.indices where xs[index].isFinite && lower[index].isFinite && upper[index].isFinite {
            top.append(context.point(xs[index], upper[index]))
            bottom.append(context.point(xs[index], lower[index]))
        }
        return top + bottom.reversed()
    }

    func footprint(in context: LayoutContext) -> [Rect] {
        let reach = context.px(context.theme.lineWidth)
        var boxes = segmentBoxes(zip(historyX.coordinates, history).map { context.point($0, $1) }, reach: reach)
        if let widest = intervals.first {
            let xs = forecastX.coordinates
            for index in xs.indices {
                let a = context.point(xs[index], widest.upper[index]), b = context.point(xs[index], widest.lower[index])
                guard a.x.isFinite, a.y.isFinite, b.y.isFinite else { continue }
                let next = index + 1 < xs.count ? context.x.position(of: xs[index + 1]) : a.x
                boxes.append(Rect(x: min(a.x, next) - reach, y: min(a.y, b.y) - reach,
                                  width: abs(next - a.x) + 2 * reach, height: abs(a.y - b.y) + 2 * reach))
            }
        }
        boxes += segmentBoxes(zip(forecastX.coordinates, forecast).map { context.point($0, $1) }, reach: reach)
        return boxes
    }

    func draw(in context: DrawContext) throws {
        let palette = context.theme.palette
        let forecastColor = forecastColor.resolve(palette)
        for (index, interval) in intervals.enumerated() {
            context.canvas.fill(polygons: [bandPolygon(interval, in: context.layout)],
                                color: forecastColor.withOpacity(opacity(at: index)))
        }
        let width = context.px(context.theme.lineWidth)
        let historyPoints = zip(historyX.coordinates, history).map { x, y in
            y.isFinite ? context.point(x, y) : Point(.nan, .nan)
        }
        context.canvas.stroke(historyPoints, width: width, color: historyColor.resolve(palette))
        var forecastPoints = zip(forecastX.coordinates, forecast).map { x, y in
            y.isFinite ? context.point(x, y) : Point(.nan, .nan)
        }
        if let anchor { forecastPoints.insert(context.point(anchor.x, anchor.y), at: 0) }
        context.canvas.stroke(forecastPoints, width: width, color: forecastColor)
    }
}

extension Panel {
    /// Draws history, then a forecast with shaded prediction intervals (a fan chart), over dates.
    ///
    /// The forecast line and bands start at the last observed point so that the two read as one
    /// series. NaN values leave gaps.
    /// - Parameters:
    ///   - history: Observed values, one per date in `historyDates`.
    ///   - forecast: Point forecasts (means), one per date in `forecastDates`.
    ///   - intervals: Prediction intervals, each with one lower and upper bound per forecast date,
    ///     e.g. 80% and 95%; wider intervals are drawn paler.
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)``, or
    ///   ``PlotError/invalidValue(chart:argument:reason:)`` for a level outside (0, 1).
    public mutating func fanChart(history: [Double], at historyDates: [Date], forecast: [Double], at forecastDates: [Date],
                                  intervals: [ForecastInterval] = []) throws {
        try addFan(history: history, at: XValues(historyDates), forecast: forecast, at: XValues(forecastDates),
                   intervals: intervals)
    }

    /// Draws history and a forecast with shaded prediction intervals over numeric x positions (e.g. periods).
    public mutating func fanChart(history: [Double], at historyX: [Double], forecast: [Double], at forecastX: [Double],
                                  intervals: [ForecastInterval] = []) throws {
        try addFan(history: history, at: .numbers(historyX), forecast: forecast, at: .numbers(forecastX),
                   intervals: intervals)
    }

    private mutating func addFan(history: [Double], at historyX: XValues, forecast: [Double], at forecastX: XValues,
                                 intervals: [ForecastInterval]) throws {
        let chart = "fan chart"
        guard history.count == historyX.count else {
            throw PlotError.lengthMismatch(chart: chart, expected: historyX.count, actual: history.count, argument: "history")
        }
        guard forecast.count == forecastX.count else {
            throw PlotError.lengthMismatch(chart: chart, expected: forecastX.count, actual: forecast.count, argument: "forecast")
        }
        for interval in intervals {
            guard interval.level > 0, interval.level < 1 else {
                throw PlotError.invalidValue(chart: chart, argument: "interval level \(interval.level)", reason: "is not between 0 and 1")
            }
            for (bound, name) in [(interval.lower, "lower"), (interval.upper, "upper")] where bound.count != forecast.count {
                throw PlotError.lengthMismatch(chart: chart, expected: forecast.count, actual: bound.count,
                                               argument: "\(name) bound of the \(FanLayer.label(for: interval.level))")
            }
        }
        let historyColor = nextColor()
        let forecastColor = nextColor()
        try add(FanLayer(historyX: historyX, history: history, forecastX: forecastX, forecast: forecast,
                         intervals: intervals.sorted { $0.level > $1.level }, historyColor: historyColor,
                         forecastColor: forecastColor))
    }
}
