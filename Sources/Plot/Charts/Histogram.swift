import Foundation

/// Counts of values in equal-width bins, drawn as touching bars.
struct HistogramLayer: Layer {
    var name: String
    var edges: [Double]
    var counts: [Double]
    var color: ColorChoice
    /// Several histograms on one panel are drawn translucent so that they show through one another.
    var opacity: Double

    var kind: String { "histogram" }
    var x: Extent { .numeric(of: edges) }
    var y: Extent { .numeric(of: counts, includesZero: true) }

    func legendEntries(palette: Palette) -> [LegendEntry] {
        name.isEmpty ? [] : [LegendEntry(label: name, color: color.resolve(palette), symbol: .box)]
    }

    func rectangles(in context: LayoutContext) -> [Rect] {
        counts.indices.compactMap { index in
            guard counts[index] > 0 else { return nil }
            let left = context.x.position(of: edges[index]), right = context.x.position(of: edges[index + 1])
            let top = context.y.position(of: counts[index]), bottom = context.y.position(of: 0)
            return Rect(x: left, y: top, width: right - left, height: bottom - top)
        }
    }

    func footprint(in context: LayoutContext) -> [Rect] { rectangles(in: context) }

    func draw(in context: DrawContext) throws {
        let color = color.resolve(context.theme.palette).withOpacity(opacity)
        let seam = context.px(1)
        for rect in rectangles(in: context.layout) {
            // Bars wide enough keep a one-pixel gap so that neighbouring bins read apart.
            let left = rect.minX.rounded(), right = rect.maxX.rounded()
            let width = right - left > 4 * seam ? right - left - seam : right - left
            context.canvas.fill(Rect(x: left, y: rect.minY, width: width, height: rect.height), color: color)
        }
    }

    /// Bin edges for `values` (finite only): `bins` equal bins from the smallest to the largest value,
    /// or numpy's "auto" rule, the larger of Sturges' and Freedman–Diaconis' bin counts, capped at 200.
    /// A constant sample gets one bin of width 1 around its value.
    static func binEdges(_ values: [Double], bins: Int?) -> [Double] {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return [] }
        var (lower, upper) = (low, high)
        let constant = upper == lower
        if constant { (lower, upper) = (lower - 0.5, upper + 0.5) }
        let count: Int
        if let bins {
            count = max(1, bins)
        } else if constant {
            count = 1
        } else {
            let finite = values.filter(\.isFinite).sorted()
            let n = Double(finite.count)
            let sturges = Int((log2(n) + 1).rounded(.up))
            let iqr = quantile(finite, 0.75) - quantile(finite, 0.25)
            var freedman = 1
            if iqr > 0 {
                let width = 2 * iqr / cbrt(n)
                // Compared before converting: a range near the largest double gives an infinite ratio.
                let ratio = ((upper - lower) / width).rounded(.up)
                freedman = ratio.isNaN || ratio > 200 ? 200 : Int(ratio)
            }
            count = min(200, max(1, sturges, freedman))
        }
        let width = (upper - lower) / Double(count)
        guard width.isFinite else {
            // A range wider than the largest double (-1e308 to 1e308): steps of half a bin.
            let half = (upper / 2 - lower / 2) / Double(count)
            return (0...count).map { $0 == count ? upper : lower + Double($0) * half + Double($0) * half }
        }
        return (0...count).map { $0 == count ? upper : lower + Double($0) * width }
    }

    /// How many finite values fall in each bin; the last bin includes its right edge (as numpy does).
    static func counts(_ values: [Double], edges: [Double]) -> [Double] {
        guard edges.count > 1, let lower = edges.first, let upper = edges.last else { return [] }
        let bins = edges.count - 1
        var counts = [Double](repeating: 0, count: bins)
        let scale = Double(bins) / (upper / 2 - lower / 2)
        for value in values where value.isFinite && value >= lower && value <= upper {
            // The position is a fraction of the bins, or NaN or infinite for a range of a few
            // subnormals: pinned to the bins before converting.
            let position = (value / 2 - lower / 2) * scale
            var bin = position.isNaN ? 0 : Int(min(Double(bins - 1), max(0, position)))
            // Correct for rounding right at an edge.
            if bin > 0, value < edges[bin] { bin -= 1 }
            if bin < bins - 1, value >= edges[bin + 1] { bin += 1 }
            counts[bin] += 1
        }
        return counts
    }
}

/// The `p` quantile of sorted values by linear interpolation (numpy's default, Hyndman & Fan type 7).
func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    guard sorted.count > 1 else { return first }
    let position = p * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down)), upper = min(sorted.count - 1, lower + 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
}

extension Panel {
    /// Draws a histogram of `values`: how many fall into each of `bins` equal-width bins.
    ///
    /// NaN and infinite values are left out. Without `bins`, the count follows numpy's "auto" rule.
    /// Several histograms on one panel are drawn translucent and named in the legend.
    /// - Throws: ``PlotError/invalidValue(chart:argument:reason:)`` for fewer than one bin.
    public mutating func histogram(_ values: [Double], bins: Int? = nil, name: String? = nil, color: Color? = nil) throws {
        if let bins, bins < 1 || bins > 100_000 {
            throw PlotError.invalidValue(chart: "histogram", argument: "bins \(bins)", reason: "must be from 1 to 100,000")
        }
        let edges = HistogramLayer.binEdges(values, bins: bins)
        let counts = HistogramLayer.counts(values, edges: edges)
        let others = layers.filter { $0 is HistogramLayer }.count
        try add(HistogramLayer(name: name ?? "", edges: edges, counts: counts, color: nextColor(color),
                               opacity: others > 0 || name != nil ? 0.6 : 0.85))
    }
}
