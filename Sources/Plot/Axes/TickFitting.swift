/// Chooses how many ticks an axis shows and how their labels are set so that no two labels collide:
/// numeric and date axes drop to fewer ticks; category axes keep every label and rotate it
/// 45° then 90°, thinning only when even upright labels cannot fit.
enum TickFitting {
    /// Ticks and label rotation (degrees) for a horizontal axis.
    struct Horizontal {
        var ticks: [Tick]
        var widths: [Double]
        var rotation: Double
    }

    static func horizontal(scale: any Scale, format: NumberFormat, font: Font, length: Double, pixelScale: Double,
                           maxLabelLength: Double, measure: TextMeasurer) throws -> Horizontal {
        let gap = 10 * pixelScale
        if scale is BandScale {
            var ticks = scale.ticks(count: 0, format: format)
            for index in ticks.indices {
                ticks[index].label = try measure.truncated(ticks[index].label, font: font, toWidth: maxLabelLength)
            }
            let widths = try ticks.map { try measure.width($0.label, font: font) }
            let positions = ticks.map { scale.position(of: $0.value) }
            if fitsSideBySide(positions, widths, gap: gap) {
                return Horizontal(ticks: ticks, widths: widths, rotation: 0)
            }
            let spacing = minimumSpacing(positions)
            if spacing >= font.lineHeight * 1.45 {
                return Horizontal(ticks: ticks, widths: widths, rotation: 45)
            }
            let every = max(1, Int((font.lineHeight * 1.1 / max(spacing, 1e-9)).rounded(.up)))
            let kept = ticks.indices.filter { $0 % every == 0 }
            return Horizontal(ticks: kept.map { ticks[$0] }, widths: kept.map { widths[$0] }, rotation: 90)
        }
        // Three ticks are tried even on a narrow axis: asked for two, the tick search can pick a step
        // so wide that one tick falls inside the range.
        let target = max(3, Int(length / (100 * pixelScale)))
        var last: Horizontal?
        for count in stride(from: target, through: 2, by: -1) {
            let ticks = scale.ticks(count: count, format: format)
            if ticks.count < 2, last != nil { continue }
            let widths = try ticks.map { try measure.width($0.label, font: font) }
            let fit = Horizontal(ticks: ticks, widths: widths, rotation: 0)
            if fitsSideBySide(ticks.map { scale.position(of: $0.value) }, widths, gap: gap) { return fit }
            last = fit
        }
        if var last { last.rotation = 45; return last }
        return Horizontal(ticks: [], widths: [], rotation: 0)
    }

    /// Ticks for a vertical axis, spaced at least 1.6 lines apart.
    static func vertical(scale: any Scale, format: NumberFormat, font: Font, length: Double, pixelScale: Double,
                         maxLabelLength: Double, measure: TextMeasurer) throws -> [Tick] {
        if scale is BandScale {
            var ticks = scale.ticks(count: 0, format: format)
            for index in ticks.indices {
                ticks[index].label = try measure.truncated(ticks[index].label, font: font, toWidth: maxLabelLength)
            }
            let spacing = minimumSpacing(ticks.map { scale.position(of: $0.value) })
            let every = max(1, Int((font.lineHeight / max(spacing, 1e-9)).rounded(.up)))
            return ticks.indices.filter { $0 % every == 0 }.map { ticks[$0] }
        }
        let target = max(2, Int(length / (60 * pixelScale)))
        var ticks: [Tick] = []
        for count in stride(from: target, through: 2, by: -1) {
            ticks = scale.ticks(count: count, format: format)
            if minimumSpacing(ticks.map { scale.position(of: $0.value) }) >= font.size * 1.6 { return ticks }
        }
        return ticks
    }

    /// Whether labels of `widths` centred at `positions` leave `gap` between neighbours.
    static func fitsSideBySide(_ positions: [Double], _ widths: [Double], gap: Double) -> Bool {
        guard positions.count > 1 else { return true }
        for i in 1..<positions.count {
            let distance = abs(positions[i] - positions[i - 1])
            if distance < (widths[i] + widths[i - 1]) / 2 + gap { return false }
        }
        return true
    }

    static func minimumSpacing(_ positions: [Double]) -> Double {
        guard positions.count > 1 else { return .infinity }
        var smallest = Double.infinity
        for i in 1..<positions.count { smallest = min(smallest, abs(positions[i] - positions[i - 1])) }
        return smallest
    }
}

/// Measures label text for layout (widths come from the process-wide ``TextCache``).
struct TextMeasurer {
    func width(_ text: String, font: Font) throws -> Double {
        try font.width(of: text)
    }

    /// `text`, cut short with an ellipsis when it is wider than `limit`.
    func truncated(_ text: String, font: Font, toWidth limit: Double) throws -> String {
        guard try width(text, font: font) > limit else { return text }
        var characters = Array(text)
        while characters.count > 1 {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces + "…"
            if try width(candidate, font: font) <= limit { return candidate }
        }
        return "…"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
