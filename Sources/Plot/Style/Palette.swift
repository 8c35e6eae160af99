/// The colours charts draw with: categorical for groups, colour maps for values.
///
/// The categorical default is seaborn's "colorblind" palette (after Okabe & Ito, 2008), readable by
/// viewers with the common forms of colour-vision deficiency. The sequential map is matplotlib's viridis
/// (perceptually uniform, van der Walt & Smith 2015) and the diverging map ColorBrewer's RdBu reversed.
public struct Palette: Sendable, Hashable {
    /// Colours given to series in order; the list repeats when there are more series than colours.
    public var categorical: [Color]

    public init(categorical: [Color]) {
        self.categorical = categorical
    }

    /// seaborn's "colorblind": blue, orange, green, vermilion, purple, brown, pink, grey, yellow, sky.
    public static let colorblind = Palette(categorical: [
        0x0173B2, 0xDE8F05, 0x029E73, 0xD55E00, 0xCC78BC, 0xCA9161, 0xFBAFE4, 0x949494, 0xECE133, 0x56B4E9,
    ].map { Color(hex: $0) })

    /// The colour of the series at `index` (0-based), cycling through the palette; each later cycle is
    /// paler so that the tenth and twentieth series stay apart.
    public func color(at index: Int) -> Color {
        guard !categorical.isEmpty else { return Color(gray: 0.3) }
        let count = categorical.count
        let position = index < 0 ? 0 : index
        let cycle = position / count
        let base = categorical[position % count]
        return cycle == 0 ? base : base.mixed(with: .white, amount: min(0.7, 0.4 * Double(cycle)))
    }
}

/// A continuous colour map from a value in 0...1 to a colour.
public struct ColorMap: Sendable, Hashable {
    /// Evenly spaced anchor colours from 0 to 1, interpolated linearly in sRGB.
    public var anchors: [Color]
    /// Whether the map is centred on a midpoint (diverging) rather than running low to high.
    public var isDiverging: Bool

    public init(anchors: [Color], isDiverging: Bool = false) {
        self.anchors = anchors
        self.isDiverging = isDiverging
    }

    /// matplotlib's viridis, sampled at 17 points.
    public static let viridis = ColorMap(anchors: [
        0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D, 0x2C728E, 0x26828E, 0x21918C,
        0x1FA088, 0x28AE80, 0x3FBC73, 0x5EC962, 0x84D44B, 0xADDC30, 0xD8E219, 0xFDE725,
    ].map { Color(hex: $0) })

    /// ColorBrewer's RdBu reversed: blue for low, near-white for the midpoint, red for high.
    public static let blueRed = ColorMap(anchors: [
        0x053061, 0x2065AB, 0x4393C3, 0x90C4DD, 0xD1E5F0, 0xF7F6F6, 0xFDDBC7, 0xF3A481, 0xD6604D, 0xB1182B,
        0x67001F,
    ].map { Color(hex: $0) }, isDiverging: true)

    /// The colour at `t` in 0...1; values outside are clamped and NaN gives light grey.
    public func color(at t: Double) -> Color {
        guard !t.isNaN, let first = anchors.first else { return Color(gray: 0.85) }
        guard anchors.count > 1 else { return first }
        let position = min(1, max(0, t)) * Double(anchors.count - 1)
        let lower = min(anchors.count - 2, Int(position))
        return anchors[lower].mixed(with: anchors[lower + 1], amount: position - Double(lower))
    }
}
