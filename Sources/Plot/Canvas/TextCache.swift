import CGD
import Foundation

/// Text as libgd's FreeType renderer draws it, kept for the life of the process: widths, and coverage
/// masks that are blended onto canvases in any colour.
///
/// FreeType's hinting interpreter runs on every libgd text call, which costs more than drawing a chart;
/// tick labels, legend names and annotations repeat from figure to figure, so each distinct
/// (font, size, angle, text) is rendered once. matplotlib keeps a similar process-wide text cache.
/// The cache is emptied when it grows past `limit` entries.
final class TextCache: @unchecked Sendable {
    static let shared = TextCache()
    static let limit = 50_000

    struct Key: Hashable {
        var file: String
        var size: Double
        var degrees: Double
        var text: String
    }

    /// Coverage (0...255) of the rendered text in a box placed relative to the baseline origin.
    struct Mask: Sendable {
        var width: Int
        var height: Int
        var offsetX: Int
        var offsetY: Int
        var coverage: [UInt8]
    }

    private let lock = NSLock()
    private var widths: [Key: Double] = [:]
    private var masks: [Key: Mask] = [:]

    func width(of text: String, font: Font) throws -> Double {
        let key = Key(file: font.file, size: font.size, degrees: 0, text: text)
        if let known = lock.withLock({ widths[key] }) { return known }
        var box = [Int32](repeating: 0, count: 8)
        try font.render(text, on: nil, box: &box, color: 0, x: 0, y: 0, angle: 0)
        let width = Double(box[2] - box[0])
        lock.withLock {
            if widths.count >= Self.limit { widths.removeAll() }
            widths[key] = width
        }
        return width
    }

    func mask(of text: String, font: Font, degrees: Double) throws -> Mask {
        let key = Key(file: font.file, size: font.size, degrees: degrees, text: text)
        if let known = lock.withLock({ masks[key] }) { return known }
        let mask = try render(text, font: font, degrees: degrees)
        lock.withLock {
            if masks.count >= Self.limit { masks.removeAll() }
            masks[key] = mask
        }
        return mask
    }

    /// Draws black text on a white scratch image and reads the coverage back from its darkness.
    private func render(_ text: String, font: Font, degrees: Double) throws -> Mask {
        let angle = degrees * .pi / 180
        var box = [Int32](repeating: 0, count: 8)
        try font.render(text, on: nil, box: &box, color: 0, x: 0, y: 0, angle: angle)
        let xs = [box[0], box[2], box[4], box[6]], ys = [box[1], box[3], box[5], box[7]]
        let minX = Int(xs.min() ?? 0) - 2, maxX = Int(xs.max() ?? 0) + 2
        let minY = Int(ys.min() ?? 0) - 2, maxY = Int(ys.max() ?? 0) + 2
        let width = maxX - minX + 1, height = maxY - minY + 1
        guard width > 0, height > 0, width < 20_000, height < 20_000,
              let scratch = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            throw PlotError.renderingFailed("cannot allocate a \(width)x\(height) image for the text \"\(text)\"")
        }
        defer { gdImageDestroy(scratch) }
        gdImageAlphaBlending(scratch, 1)
        gdImageFilledRectangle(scratch, 0, 0, Int32(width - 1), Int32(height - 1), 0xFFFFFF)
        try font.render(text, on: scratch, box: &box, color: 0, x: -minX, y: -minY, angle: angle)
        var coverage = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            guard let row = scratch.pointee.tpixels[y] else { continue }
            for x in 0..<width {
                coverage[y * width + x] = 255 - UInt8(truncatingIfNeeded: row[x] >> 8)
            }
        }
        return Mask(width: width, height: height, offsetX: minX, offsetY: minY, coverage: coverage)
    }
}
