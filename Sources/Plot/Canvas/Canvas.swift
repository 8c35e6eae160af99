import CGD
import Foundation

/// A truecolor libgd image that figures are drawn on, in device pixels with y growing downwards.
///
/// Filled shapes go through ``Rasterizer`` (exact-area anti-aliasing at any stroke width), axis-aligned
/// rectangles are snapped to whole pixels so that bars and grid lines stay crisp, and text goes through
/// libgd's FreeType renderer. The image is opaque: every pixel starts as the background colour.
final class Canvas {
    let image: gdImagePtr
    let width: Int
    let height: Int
    private var rasterizer = Rasterizer()
    /// When set, shapes are drawn only inside this rectangle (text is never clipped).
    var clip: Rect?

    /// The whole-pixel box drawing may touch: the image, cut to `clip` when set.
    var drawable: (x0: Int, y0: Int, x1: Int, y1: Int) {
        guard let clip else { return (0, 0, width, height) }
        return (max(0, Int(clip.minX.rounded())), max(0, Int(clip.minY.rounded())),
                min(width, Int(clip.maxX.rounded())), min(height, Int(clip.maxY.rounded())))
    }

    /// A canvas of `width` x `height` device pixels filled with `background`.
    /// - Throws: ``PlotError/invalidSize(width:height:scale:)`` for empty or oversized images,
    ///   ``PlotError/renderingFailed(_:)`` when libgd cannot allocate it.
    init(width: Int, height: Int, background: Color) throws {
        guard width > 0, height > 0, width <= 20_000, height <= 20_000 else {
            throw PlotError.invalidSize(width: width, height: height, scale: 1)
        }
        guard let image = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            throw PlotError.renderingFailed("libgd could not allocate a \(width)x\(height) image")
        }
        self.image = image
        self.width = width
        self.height = height
        gdImageAlphaBlending(image, 1)
        gdImageSaveAlpha(image, 0)
        // libgd fills rectangles pixel by pixel; whole rows are faster.
        let value = background.withOpacity(1).gdValue
        for y in 0..<height {
            image.pointee.tpixels[y]?.update(repeating: value, count: width)
        }
    }

    deinit {
        gdImageDestroy(image)
    }

    // MARK: - Pixels

    /// The colour of one pixel (opaque), or nil outside the image.
    func pixel(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < width, y < height, let row = image.pointee.tpixels[y] else { return nil }
        let value = UInt32(bitPattern: row[x])
        return Color(red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// Blends `color` over the pixel at (`x`, `y`) with the colour's opacity times `coverage`.
    @inline(__always)
    private func blend(_ row: UnsafeMutablePointer<Int32>, _ x: Int, _ color: Color, _ coverage: Float) {
        let alpha = Int32(Float(color.opacity) * coverage * 256 + 0.5)
        let source = (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
        blend(row, x, source: source, alpha: alpha)
    }

    /// Source-over blending in 8.8 fixed point: `alpha` 0...256 of `source` (0xRRGGBB) over the pixel.
    @inline(__always)
    func blend(_ row: UnsafeMutablePointer<Int32>, _ x: Int, source: Int32, alpha: Int32) {
        if alpha >= 256 {
            row[x] = source
            return
        }
        guard alpha > 0 else { return }
        let old = row[x]
        let r = (old >> 16) & 0xFF, g = (old >> 8) & 0xFF, b = old & 0xFF
        let nr = r + ((((source >> 16) & 0xFF) - r) * alpha + 128) >> 8
        let ng = g + ((((source >> 8) & 0xFF) - g) * alpha + 128) >> 8
        let nb = b + (((source & 0xFF) - b) * alpha + 128) >> 8
        row[x] = (nr << 16) | (ng << 8) | nb
    }

    // MARK: - Rectangles

    /// Fills `rect` snapped to whole pixels (edges rounded to the nearest pixel boundary).
    func fill(_ rect: Rect, color: Color) {
        guard rect.width.isFinite, rect.height.isFinite, rect.x.isFinite, rect.y.isFinite,
              color.opacity > 0 else { return }
        let box = drawable
        let x0 = max(box.x0, Int(rect.minX.rounded())), x1 = min(box.x1, Int(rect.maxX.rounded()))
        let y0 = max(box.y0, Int(rect.minY.rounded())), y1 = min(box.y1, Int(rect.maxY.rounded()))
        guard x0 < x1, y0 < y1 else { return }
        let alpha = Int32(min(1, color.opacity) * 256 + 0.5)
        let source = (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
        for y in y0..<y1 {
            guard let row = image.pointee.tpixels[y] else { continue }
            if alpha >= 256 {
                (row + x0).update(repeating: source, count: x1 - x0)
            } else {
                for x in x0..<x1 { blend(row, x, source: source, alpha: alpha) }
            }
        }
    }

    /// Draws a horizontal or vertical line `thickness` pixels wide, snapped to whole pixels.
    func rule(from start: Point, to end: Point, thickness: Double, color: Color) {
        let t = max(1, thickness.rounded())
        if abs(start.y - end.y) < 0.5 {
            let top = (start.y - t / 2).rounded()
            fill(Rect(x: min(start.x, end.x), y: top, width: abs(end.x - start.x), height: t), color: color)
        } else {
            let left = (start.x - t / 2).rounded()
            fill(Rect(x: left, y: min(start.y, end.y), width: t, height: abs(end.y - start.y)), color: color)
        }
    }

    // MARK: - Anti-aliased shapes

    /// Fills the union of `polygons` (each closed implicitly) with exact-area anti-aliasing.
    func fill(polygons: [[Point]], color: Color, clip: Rect? = nil) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for polygon in polygons {
            for p in polygon where p.x.isFinite && p.y.isFinite {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        rasterize(minX: minX, minY: minY, maxX: maxX, maxY: maxY, color: color, clip: clip) { rasterizer in
            for polygon in polygons { rasterizer.addPolygon(polygon) }
        }
    }

    /// Runs `add` on a rasterizer spanning the given box (cut to the clip and the image), then blends
    /// the shape it built in `color`.
    private func rasterize(minX: Double, minY: Double, maxX: Double, maxY: Double, color: Color, clip: Rect?,
                           using rasterizer: Rasterizer? = nil, _ add: (Rasterizer) -> Void) {
        let rasterizer = rasterizer ?? self.rasterizer
        guard color.opacity > 0, minX <= maxX, minY <= maxY else { return }
        let bounds = clip ?? self.clip ?? Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        let x0 = max(0, Int(max(minX, bounds.minX).rounded(.down)))
        let y0 = max(0, Int(max(minY, bounds.minY).rounded(.down)))
        let x1 = min(width, Int(min(maxX, bounds.maxX).rounded(.up)))
        let y1 = min(height, Int(min(maxY, bounds.maxY).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        rasterizer.begin(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        add(rasterizer)
        let pixels = image.pointee.tpixels
        let source = (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
        let opacity = Float(min(1, color.opacity)) * 256
        rasterizer.finish { x, y, coverage in
            if let row = pixels?[y] { self.blend(row, x, source: source, alpha: Int32(opacity * coverage + 0.5)) }
        }
    }

    /// Strokes a polyline `width` pixels wide; non-finite points break it into separate runs.
    ///
    /// Long polylines are filled in pieces of `chunk` segments so that each piece's bounding box, which
    /// the rasterizer scans, stays small; a piece draws the join at its first vertex, and neighbouring
    /// pieces overlap only in the anti-aliased rim there.
    func stroke(_ points: [Point], width lineWidth: Double, color: Color, roundCaps: Bool = false, clip: Rect? = nil) {
        stroke(PolylineSimplifier.simplified(points), width: lineWidth, color: color, roundCaps: roundCaps, clip: clip,
               using: rasterizer)
    }

    /// Strokes several polylines in order, on both cores (see `inBandsOfRows`), each band with its
    /// own rasterizer: the pixels come out exactly as `stroke` one after another draws them.
    func strokes(_ lines: [(points: [Point], color: Color)], width lineWidth: Double) {
        let lines = lines.map { (points: PolylineSimplifier.simplified($0.points), color: $0.color) }
        let count = lines.reduce(0) { $0 + $1.points.count }
        let bounds = clip ?? Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        nonisolated(unsafe) let canvas = self
        nonisolated(unsafe) let rasterizers = [rasterizer, Rasterizer()]
        inBandsOfRows(split: count >= 1000) { band, rows in
            let minY = max(bounds.minY, Double(rows.lowerBound)), maxY = min(bounds.maxY, Double(rows.upperBound))
            guard minY < maxY else { return }
            let clip = Rect(x: bounds.minX, y: minY, width: bounds.width, height: maxY - minY)
            for line in lines {
                canvas.stroke(line.points, width: lineWidth, color: line.color, roundCaps: false, clip: clip, using: rasterizers[band])
            }
        }
    }

    /// Draws in two bands of the image's rows on both cores (see `inBands(ofRows:split:_:)`): each
    /// band draws everything but writes only its own rows, so the pixels come out as one drawing
    /// in order makes them.
    func inBandsOfRows(split: Bool, _ draw: @Sendable (_ band: Int, _ rows: Range<Int>) -> Void) {
        inBands(ofRows: height, split: split, draw)
    }

    private func stroke(_ points: [Point], width lineWidth: Double, color: Color, roundCaps: Bool, clip: Rect?, using rasterizer: Rasterizer) {
        guard lineWidth > 0, lineWidth.isFinite, points.count > 0 else { return }
        let chunk = 48
        let reach = lineWidth / 2 + 1
        var start = 0
        repeat {
            let end = min(points.count, start + chunk + 1)
            let piece = points[start..<end]
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for p in piece where p.x.isFinite && p.y.isFinite {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
            let before = start > 0 ? points[start - 1] : nil
            rasterize(minX: minX - reach, minY: minY - reach, maxX: maxX + reach, maxY: maxY + reach, color: color,
                      clip: clip, using: rasterizer) { rasterizer in
                Stroke.add(piece, after: before, width: lineWidth, capStart: roundCaps && start == 0,
                           capEnd: roundCaps && end == points.count, to: rasterizer)
            }
            start = end - 1
        } while start < points.count - 1
    }

    // MARK: - Text

    /// Draws `text` with `font`, placed by `anchor` relative to `point`, rotated `degrees`
    /// counter-clockwise.
    func draw(_ text: String, font: Font, color: Color, at point: Point, anchor: TextAnchor,
              degrees: Double = 0) throws {
        guard !text.isEmpty, point.x.isFinite, point.y.isFinite else { return }
        let origin = try TextLayout.origin(of: text, font: font, at: point, anchor: anchor, degrees: degrees)
        let mask = try TextCache.shared.mask(of: text, font: font, degrees: degrees)
        let left = Int(origin.x.rounded()) + mask.offsetX, top = Int(origin.y.rounded()) + mask.offsetY
        let x0 = max(0, -left), x1 = min(mask.width, width - left)
        let y0 = max(0, -top), y1 = min(mask.height, height - top)
        guard x0 < x1, y0 < y1 else { return }
        mask.coverage.withUnsafeBufferPointer { coverage in
            for y in y0..<y1 {
                guard let row = image.pointee.tpixels[top + y] else { continue }
                for x in x0..<x1 {
                    let value = coverage[y * mask.width + x]
                    if value > 0 { blend(row, left + x, color, Float(value) / 255) }
                }
            }
        }
    }
}

/// Calls `body(band, rows)` for two bands of `0..<height` on both cores when `split` and there are
/// enough rows to be worth it, else once for all rows.
func inBands(ofRows height: Int, split: Bool, _ body: @Sendable (_ band: Int, _ rows: Range<Int>) -> Void) {
    let bands = split && height >= 64 ? 2 : 1
    DispatchQueue.concurrentPerform(iterations: bands) { band in
        body(band, (band * height / bands)..<((band + 1) * height / bands))
    }
}
