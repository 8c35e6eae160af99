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
    private var drawable: (x0: Int, y0: Int, x1: Int, y1: Int) {
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
        let alpha = Float(color.opacity) * coverage
        if alpha >= 0.998 {
            row[x] = (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
            return
        }
        let old = row[x]
        let r = Float((old >> 16) & 0xFF), g = Float((old >> 8) & 0xFF), b = Float(old & 0xFF)
        let nr = Int32(r + (Float(color.red) - r) * alpha + 0.5)
        let ng = Int32(g + (Float(color.green) - g) * alpha + 0.5)
        let nb = Int32(b + (Float(color.blue) - b) * alpha + 0.5)
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
        for y in y0..<y1 {
            guard let row = image.pointee.tpixels[y] else { continue }
            for x in x0..<x1 { blend(row, x, color, 1) }
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
        guard color.opacity > 0 else { return }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for polygon in polygons {
            for p in polygon where p.x.isFinite && p.y.isFinite {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        guard minX <= maxX, minY <= maxY else { return }
        let bounds = clip ?? self.clip ?? Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        let x0 = max(0, Int(max(minX, bounds.minX).rounded(.down)))
        let y0 = max(0, Int(max(minY, bounds.minY).rounded(.down)))
        let x1 = min(width, Int(min(maxX, bounds.maxX).rounded(.up)))
        let y1 = min(height, Int(min(maxY, bounds.maxY).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        rasterizer.begin(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        for polygon in polygons { rasterizer.addPolygon(polygon) }
        let pixels = image.pointee.tpixels
        rasterizer.finish { x, y, coverage in
            if let row = pixels?[y] { self.blend(row, x, color, coverage) }
        }
    }

    /// Strokes a polyline `width` pixels wide with round joins; non-finite points are skipped.
    ///
    /// Long polylines are filled in pieces of `chunk` segments so that each piece's bounding box, which
    /// the rasterizer scans, stays small; pieces meet at a vertex, where only their anti-aliased rims
    /// overlap.
    func stroke(_ points: [Point], width lineWidth: Double, color: Color, roundCaps: Bool = false, clip: Rect? = nil) {
        let chunk = 48
        guard points.count > 2 * chunk else {
            fill(polygons: Stroke.polygons(points, width: lineWidth, roundCaps: roundCaps), color: color, clip: clip)
            return
        }
        var start = 0
        while start < points.count - 1 {
            let end = min(points.count, start + chunk + 1)
            var piece = Array(points[start..<end])
            // The join at the piece's last vertex belongs to the next piece: end with a butt.
            let isLast = end == points.count
            if !isLast { piece.append(Point(.nan, .nan)) }
            var polygons = Stroke.polygons(piece, width: lineWidth, roundCaps: roundCaps && (start == 0 || isLast))
            if start > 0, points[start].x.isFinite, points[start].y.isFinite {
                polygons.append(Stroke.disc(points[start], radius: lineWidth / 2))
            }
            fill(polygons: polygons, color: color, clip: clip)
            start = end - 1
        }
    }

    /// Fills a disc, optionally ringed by `edge` of `edgeWidth` pixels, anti-aliased analytically.
    func fillCircle(center: Point, radius: Double, color: Color, edge: Color? = nil, edgeWidth: Double = 0) {
        guard center.x.isFinite, center.y.isFinite, radius > 0, radius.isFinite else { return }
        let box = drawable
        let x0 = max(box.x0, Int((center.x - radius - 1).rounded(.down)))
        let x1 = min(box.x1 - 1, Int((center.x + radius + 1).rounded(.up)))
        let y0 = max(box.y0, Int((center.y - radius - 1).rounded(.down)))
        let y1 = min(box.y1 - 1, Int((center.y + radius + 1).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let inner = edge == nil ? radius : max(0, radius - edgeWidth)
        for y in y0...y1 {
            guard let row = image.pointee.tpixels[y] else { continue }
            let dy = Double(y) + 0.5 - center.y
            for x in x0...x1 {
                let dx = Double(x) + 0.5 - center.x
                let distance = (dx * dx + dy * dy).squareRoot()
                let outer = min(1, max(0, radius - distance + 0.5))
                guard outer > 0 else { continue }
                if let edge {
                    let core = min(1, max(0, inner - distance + 0.5))
                    let mixed = edge.mixed(with: color, amount: core)
                    blend(row, x, mixed.withOpacity(color.opacity), Float(outer))
                } else {
                    blend(row, x, color, Float(outer))
                }
            }
        }
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
