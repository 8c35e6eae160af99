/// The five-number summary of one group as a box plot draws it (Tukey, 1977).
struct BoxSummary: Sendable, Equatable {
    var lowerQuartile: Double
    var median: Double
    var upperQuartile: Double
    /// The most extreme values within 1.5 interquartile ranges of the box.
    var lowerWhisker: Double
    var upperWhisker: Double
    var outliers: [Double]

    /// The summary of the finite values, or nil when there are none. Quartiles interpolate linearly
    /// (numpy's default), as seaborn's and matplotlib's box plots do.
    init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        lowerQuartile = quantile(sorted, 0.25)
        median = quantile(sorted, 0.5)
        upperQuartile = quantile(sorted, 0.75)
        let reach = 1.5 * (upperQuartile - lowerQuartile)
        let low = lowerQuartile - reach, high = upperQuartile + reach
        lowerWhisker = sorted.first { $0 >= low } ?? first
        upperWhisker = sorted.last { $0 <= high } ?? last
        outliers = sorted.filter { $0 < low || $0 > high }
    }
}

/// One box per group: quartile box, median line, whiskers and outlier points.
struct BoxLayer: Layer {
    var groups: [String]
    var summaries: [BoxSummary?]
    var color: ColorChoice

    var kind: String { "box plot" }
    var x: Extent { .categories(groups, padding: .bars) }
    var y: Extent {
        .numeric(of: summaries.compactMap { $0 }.flatMap { [$0.lowerWhisker, $0.upperWhisker] + $0.outliers })
    }

    func footprint(in context: LayoutContext) -> [Rect] {
        guard let band = context.x as? BandScale else { return [] }
        var boxes: [Rect] = []
        for (index, summary) in summaries.enumerated() {
            guard let summary else { continue }
            let top = context.y.position(of: summary.upperWhisker), bottom = context.y.position(of: summary.lowerWhisker)
            boxes.append(Rect(x: band.start(of: index), y: top, width: band.bandwidth, height: bottom - top))
            for outlier in summary.outliers {
                let y = context.y.position(of: outlier)
                boxes.append(Rect(x: band.start(of: index), y: y - 3, width: band.bandwidth, height: 6))
            }
        }
        return boxes
    }

    func draw(in context: DrawContext) throws {
        guard let band = context.x as? BandScale else { return }
        let fill = color.resolve(context.theme.palette).desaturated(by: 0.75)
        let ink = Color(gray: 0.26)
        let line = max(1, context.px(1.25).rounded())
        for (index, summary) in summaries.enumerated() {
            guard let summary else { continue }
            let left = band.start(of: index), width = band.bandwidth, center = band.position(of: Double(index))
            let y = { context.y.position(of: $0) }
            let boxTop = y(summary.upperQuartile), boxBottom = y(summary.lowerQuartile)
            let canvas = context.canvas
            canvas.rule(from: Point(center, y(summary.upperWhisker)), to: Point(center, boxTop), thickness: line, color: ink)
            canvas.rule(from: Point(center, boxBottom), to: Point(center, y(summary.lowerWhisker)), thickness: line, color: ink)
            for whisker in [summary.upperWhisker, summary.lowerWhisker] {
                canvas.rule(from: Point(center - width / 4, y(whisker)), to: Point(center + width / 4, y(whisker)),
                            thickness: line, color: ink)
            }
            let box = Rect(x: left, y: boxTop, width: width, height: boxBottom - boxTop)
            canvas.fill(box, color: ink)
            canvas.fill(Rect(x: box.minX + line, y: box.minY + line, width: box.width - 2 * line,
                             height: box.height - 2 * line), color: fill)
            canvas.rule(from: Point(left, y(summary.median)), to: Point(left + width, y(summary.median)),
                        thickness: line * 1.5, color: ink)
            for outlier in summary.outliers {
                canvas.fillCircle(center: Point(center, y(outlier)), radius: context.px(3), color: ink.withOpacity(0.7))
            }
        }
    }
}

extension Panel {
    /// Draws one box plot per group: the box spans the quartiles, the line marks the median, whiskers
    /// reach the most extreme values within 1.5 interquartile ranges, and points beyond are drawn singly.
    ///
    /// NaN values are left out; a group with no finite value draws nothing.
    /// - Parameters:
    ///   - groups: Group names in display order.
    ///   - values: The sample of each group.
    /// - Throws: ``PlotError/lengthMismatch(chart:expected:actual:argument:)`` when there is not one sample per group.
    public mutating func boxPlot(groups: [String], values: [[Double]], color: Color? = nil) throws {
        guard values.count == groups.count else {
            throw PlotError.lengthMismatch(chart: "box plot", expected: groups.count, actual: values.count, argument: "values")
        }
        try add(BoxLayer(groups: groups, summaries: values.map(BoxSummary.init), color: nextColor(color)))
    }
}
