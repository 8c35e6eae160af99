/// Squarified treemap layout: tiles a rectangle with one rectangle per value, areas proportional to
/// the values, laying values in rows along the shorter side and starting a new row when adding a value
/// would worsen the row's worst aspect ratio.
/// Bruls, Huizing & van Wijk (2000), "Squarified Treemaps".
enum Squarify {
    /// Rectangles for `values` (all > 0, sorted largest first for the best aspect ratios) tiling `bounds`.
    /// - Complexity: O(n) amortised, O(n²) worst case from recomputing row sums.
    static func layout(_ values: [Double], in bounds: Rect) -> [Rect] {
        let total = values.reduce(0, +)
        guard total > 0, bounds.width > 0, bounds.height > 0 else {
            return values.map { _ in Rect(x: bounds.x, y: bounds.y, width: 0, height: 0) }
        }
        let areaScale = bounds.width * bounds.height / total
        let areas = values.map { $0 * areaScale }
        var result: [Rect] = []
        result.reserveCapacity(values.count)
        var remaining = bounds
        var row: [Double] = []
        var index = 0
        while index < areas.count {
            let side = min(remaining.width, remaining.height)
            let candidate = row + [areas[index]]
            if row.isEmpty || worstRatio(candidate, side: side) <= worstRatio(row, side: side) {
                row = candidate
                index += 1
            } else {
                result += place(row, in: &remaining)
                row = []
            }
        }
        if !row.isEmpty { result += place(row, in: &remaining) }
        return result
    }

    /// The largest aspect ratio (≥ 1) among rectangles of `areas` laid in a row along a side of `side`.
    static func worstRatio(_ areas: [Double], side: Double) -> Double {
        let sum = areas.reduce(0, +)
        guard let largest = areas.max(), let smallest = areas.min(), sum > 0, smallest > 0 else { return .infinity }
        let side2 = side * side, sum2 = sum * sum
        return max(side2 * largest / sum2, sum2 / (side2 * smallest))
    }

    /// Lays `areas` along the shorter side of `remaining` and cuts that strip off it.
    private static func place(_ areas: [Double], in remaining: inout Rect) -> [Rect] {
        let sum = areas.reduce(0, +)
        var rects: [Rect] = []
        if remaining.width >= remaining.height {
            // A column at the left, as wide as the row's total area over the height.
            let width = remaining.height > 0 ? sum / remaining.height : 0
            var y = remaining.minY
            for area in areas {
                let height = width > 0 ? area / width : 0
                rects.append(Rect(x: remaining.minX, y: y, width: width, height: height))
                y += height
            }
            remaining = Rect(x: remaining.minX + width, y: remaining.minY, width: max(0, remaining.width - width),
                             height: remaining.height)
        } else {
            let height = remaining.width > 0 ? sum / remaining.width : 0
            var x = remaining.minX
            for area in areas {
                let width = height > 0 ? area / height : 0
                rects.append(Rect(x: x, y: remaining.minY, width: width, height: height))
                x += width
            }
            remaining = Rect(x: remaining.minX, y: remaining.minY + height, width: remaining.width,
                             height: max(0, remaining.height - height))
        }
        return rects
    }
}
