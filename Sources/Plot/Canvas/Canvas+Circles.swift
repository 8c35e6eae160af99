extension Canvas {
    /// Fills a disc, optionally ringed by `edge` of `edgeWidth` pixels, anti-aliased analytically.
    func fillCircle(center: Point, radius: Double, color: Color, edge: Color? = nil, edgeWidth: Double = 0) {
        fillCircle(center: center, paint: CirclePaint(radius: radius, color: color, edge: edge, edgeWidth: edgeWidth),
                   rows: 0..<height)
    }

    /// One filled circle of many, drawn in order by `fillCircles`.
    struct Circle {
        var center: Point
        var radius: Double
        var color: Color
    }

    /// Fills many circles in order, on both cores (see `inBandsOfRows`).
    ///
    /// A scatter's markers usually repeat a few sizes and colours at every sub-pixel position; then
    /// each is drawn from a stamp: its pixels and their paint, computed once per radius, colour and
    /// centre position rounded to an eighth of a pixel (matplotlib snaps markers to whole pixels).
    /// Stamps are built before the bands draw.
    func fillCircles(_ circles: [Circle], edge: Color? = nil, edgeWidth: Double = 0) {
        // Markers sized by value rarely repeat a radius: they are drawn exactly.
        let radii = Set(circles.lazy.map(\.radius))
        guard radii.count * 16 <= circles.count else {
            nonisolated(unsafe) let canvas = self
            let paints = circles.map { CirclePaint(radius: $0.radius, color: $0.color, edge: edge, edgeWidth: edgeWidth) }
            inBandsOfRows(split: circles.count >= 256) { _, rows in
                for (circle, paint) in zip(circles, paints) {
                    canvas.fillCircle(center: circle.center, paint: paint, rows: rows)
                }
            }
            return
        }
        var stamps: [CircleStamp] = [], stampIndex: [CircleStamp.Key: Int] = [:]
        var placed: [(stamp: Int, column: Int, row: Int)] = []
        placed.reserveCapacity(circles.count)
        for circle in circles {
            guard circle.center.x.isFinite, circle.center.y.isFinite, circle.radius > 0, circle.radius.isFinite,
                  abs(circle.center.x) < 1e6, abs(circle.center.y) < 1e6 else { continue }
            let column = Int(circle.center.x.rounded(.down)), row = Int(circle.center.y.rounded(.down))
            let key = CircleStamp.Key(radius: circle.radius, color: circle.color,
                                      subX: Int((circle.center.x - Double(column)) * 8), subY: Int((circle.center.y - Double(row)) * 8))
            let index = stampIndex[key] ?? {
                stamps.append(CircleStamp(key, paint: CirclePaint(radius: circle.radius, color: circle.color, edge: edge, edgeWidth: edgeWidth)))
                stampIndex[key] = stamps.count - 1
                return stamps.count - 1
            }()
            placed.append((index, column, row))
        }
        nonisolated(unsafe) let canvas = self
        let box = drawable, finalStamps = stamps, finalPlaced = placed
        inBandsOfRows(split: circles.count >= 256) { _, rows in
            let top = max(box.y0, rows.lowerBound), bottom = min(box.y1, rows.upperBound)
            for circle in finalPlaced {
                finalStamps[circle.stamp].draw(at: circle.column, circle.row, columns: box.x0..<box.x1, rows: top..<bottom, on: canvas)
            }
        }
    }

    /// The exact circle: every pixel's distance to the true centre.
    private func fillCircle(center: Point, paint: CirclePaint, rows: Range<Int>) {
        guard center.x.isFinite, center.y.isFinite, paint.radius > 0, paint.radius.isFinite else { return }
        let box = drawable
        let radius = paint.radius
        let x0 = max(box.x0, Int((center.x - radius - 1).rounded(.down)))
        let x1 = min(box.x1 - 1, Int((center.x + radius + 1).rounded(.up)))
        let y0 = max(box.y0, rows.lowerBound, Int((center.y - radius - 1).rounded(.down)))
        let y1 = min(box.y1 - 1, rows.upperBound - 1, Int((center.y + radius + 1).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let cx = Float(center.x), cy = Float(center.y)
        for y in y0...y1 {
            guard let row = image.pointee.tpixels[y] else { continue }
            let dy = Float(y) + 0.5 - cy
            guard paint.outerRadius > abs(dy) else { continue }
            let outerHalf = (paint.outerRadius * paint.outerRadius - dy * dy).squareRoot()
            let first = max(x0, Int((cx - outerHalf - 0.5).rounded(.down)))
            let last = min(x1, Int((cx + outerHalf - 0.5).rounded(.up)))
            guard first <= last else { continue }
            // Pixels whose centres lie a pixel inside the core are plain fill; only the rim needs distances.
            let coreReach = paint.innerRadius - 1.5
            let coreHalf = coreReach > abs(dy) ? (coreReach * coreReach - dy * dy).squareRoot() : -1
            let coreFirst = coreHalf > 0 ? Int((cx - coreHalf).rounded(.up)) : Int.max
            let coreLast = coreHalf > 0 ? Int((cx + coreHalf - 1).rounded(.down)) : Int.min
            for x in first...last {
                if x >= coreFirst && x <= coreLast {
                    blend(row, x, source: paint.fillSource, alpha: paint.solid)
                    continue
                }
                let dx = Float(x) + 0.5 - cx
                let (source, alpha) = paint.pixel(distance: (dx * dx + dy * dy).squareRoot())
                blend(row, x, source: source, alpha: alpha)
            }
        }
    }
}

/// How a filled, optionally ringed, circle paints a pixel by the distance of its centre from the
/// circle's: fill colour inside the ring, edge colour on it, coverage falling off over the last pixel.
struct CirclePaint {
    let radius: Double
    let outerRadius: Float
    let innerRadius: Float
    let fillRGB: (Float, Float, Float)
    let edgeRGB: (Float, Float, Float)
    /// Opacity × 256.
    let opacity: Float
    let solid: Int32
    let fillSource: Int32

    init(radius: Double, color: Color, edge: Color?, edgeWidth: Double) {
        self.radius = radius
        let inner = edge == nil ? radius : max(0, radius - edgeWidth)
        fillRGB = (Float(color.red), Float(color.green), Float(color.blue))
        let edgeColor = edge ?? color
        edgeRGB = (Float(edgeColor.red), Float(edgeColor.green), Float(edgeColor.blue))
        opacity = Float(min(1, color.opacity)) * 256
        outerRadius = Float(radius) + 0.5
        innerRadius = Float(inner) + 0.5
        solid = Int32(opacity + 0.5)
        fillSource = (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
    }

    /// The colour (0xRRGGBB) and alpha (0...256) of a pixel whose centre is `distance` pixels from
    /// the circle's centre; alpha 0 outside.
    @inline(__always)
    func pixel(distance: Float) -> (source: Int32, alpha: Int32) {
        let outer = min(1, max(0, outerRadius - distance))
        guard outer > 0 else { return (0, 0) }
        let core = min(1, max(0, innerRadius - distance))
        let r = edgeRGB.0 + (fillRGB.0 - edgeRGB.0) * core
        let g = edgeRGB.1 + (fillRGB.1 - edgeRGB.1) * core
        let b = edgeRGB.2 + (fillRGB.2 - edgeRGB.2) * core
        return ((Int32(r + 0.5) << 16) | (Int32(g + 0.5) << 8) | Int32(b + 0.5), Int32(opacity * outer + 0.5))
    }
}

/// The painted pixels of one circle whose centre sits at a given eighth-of-a-pixel position within
/// its pixel, row by row, relative to that pixel.
struct CircleStamp {
    struct Key: Hashable {
        let radius: Double
        let color: Color
        let subX: Int
        let subY: Int
    }

    /// First and last row offsets; per row, the first column offset and the row's run of pixels.
    let top: Int
    private let rowStarts: [Int]
    private let firstColumn: [Int]
    private let sources: [Int32]
    private let alphas: [Int32]

    init(_ key: Key, paint: CirclePaint) {
        // The centre of the eighth-pixel cell, relative to the pixel's top-left corner.
        let cx = (Float(key.subX) + 0.5) / 8, cy = (Float(key.subY) + 0.5) / 8
        let reach = Int((paint.radius + 1).rounded(.up))
        top = -reach
        var rowStarts = [0], firstColumn: [Int] = [], sources: [Int32] = [], alphas: [Int32] = []
        for y in -reach...reach {
            let dy = Float(y) + 0.5 - cy
            var first: Int?
            for x in -reach...reach {
                let dx = Float(x) + 0.5 - cx
                let (source, alpha) = paint.pixel(distance: (dx * dx + dy * dy).squareRoot())
                if alpha == 0 && first == nil { continue }
                if first == nil { first = x }
                sources.append(source)
                alphas.append(alpha)
            }
            while sources.count > rowStarts[rowStarts.count - 1], alphas.last == 0 {
                sources.removeLast()
                alphas.removeLast()
            }
            firstColumn.append(first ?? 0)
            rowStarts.append(sources.count)
        }
        self.rowStarts = rowStarts
        self.firstColumn = firstColumn
        self.sources = sources
        self.alphas = alphas
    }

    /// Blends the stamp with its reference pixel at (`column`, `row`), within the given pixels.
    func draw(at column: Int, _ row: Int, columns: Range<Int>, rows: Range<Int>, on canvas: Canvas) {
        let firstRow = max(rows.lowerBound, row + top), lastRow = min(rows.upperBound, row + top + firstColumn.count)
        guard firstRow < lastRow else { return }
        for y in firstRow..<lastRow {
            guard let pixels = canvas.image.pointee.tpixels[y] else { continue }
            let index = y - row - top
            let x0 = column + firstColumn[index]
            let start = rowStarts[index], end = rowStarts[index + 1]
            let from = max(start, start + columns.lowerBound - x0), to = min(end, start + columns.upperBound - x0)
            guard from < to else { continue }
            for k in from..<to {
                canvas.blend(pixels, x0 + k - start, source: sources[k], alpha: alphas[k])
            }
        }
    }
}
