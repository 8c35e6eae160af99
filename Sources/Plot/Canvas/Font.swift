import CGD
import Foundation

/// A TrueType face at a pixel size, drawn and measured through libgd's FreeType renderer.
struct Font: Sendable {
    /// The font file.
    let file: String
    /// `file` NUL-terminated, as libgd takes it.
    let path: [CChar]
    /// The em size in device pixels.
    let size: Double

    /// DejaVu Sans metrics as fractions of the em (from the font's hhea/OS2 tables).
    static let ascentRatio = 0.928
    static let descentRatio = 0.236
    static let capHeightRatio = 0.729

    var ascent: Double { size * Font.ascentRatio }
    var descent: Double { size * Font.descentRatio }
    var capHeight: Double { size * Font.capHeightRatio }
    /// Distance between baselines of two lines of text.
    var lineHeight: Double { size * 1.2 }

    init(path: String, size: Double) {
        self.file = path
        self.path = Array(path.utf8CString)
        self.size = size
    }

    /// Finds a font file: `file` itself when it is a path, else the first of `directories` holding it.
    /// - Throws: ``PlotError/fontNotFound(file:searched:)`` naming every path looked at.
    static func locate(_ file: String, in directories: [String]) throws -> String {
        let candidates = file.contains("/") ? [file] : directories.map { ($0 as NSString).appendingPathComponent(file) }
        for candidate in candidates where FileManager.default.isReadableFile(atPath: candidate) {
            return candidate
        }
        throw PlotError.fontNotFound(file: file, searched: candidates)
    }

    /// The same face at another size.
    func resized(_ newSize: Double) -> Font {
        Font(path: file, size: newSize)
    }

    /// The width of `text` in device pixels (libgd's bounding box, unrotated).
    func width(of text: String) throws -> Double {
        guard !text.isEmpty else { return 0 }
        return try TextCache.shared.width(of: text, font: self)
    }

    /// Renders (or, with no image, only measures) through libgd, the one place FreeType is called.
    func render(_ text: String, on image: gdImagePtr?, box: inout [Int32], color: Int32,
                        x: Int, y: Int, angle: Double) throws {
        _ = Font.cacheReady
        var extra = gdFTStringExtra()
        // 72 dpi makes libgd's point size equal to the em size in pixels.
        extra.flags = Int32(gdFTEX_RESOLUTION)
        extra.hdpi = 72
        extra.vdpi = 72
        var characters = Array(text.utf8CString)
        let failure: UnsafeMutablePointer<CChar>? = path.withUnsafeBufferPointer { fontPath in
            characters.withUnsafeMutableBufferPointer { string in
                gdImageStringFTEx(image, &box, color, fontPath.baseAddress, size, angle, Int32(x), Int32(y),
                                  string.baseAddress, &extra)
            }
        }
        if let failure {
            throw PlotError.renderingFailed("FreeType text \"\(text)\" with \(file): "
                + String(cString: failure))
        }
    }

    /// libgd's font cache must be set up once before text is drawn from more than one thread.
    private static let cacheReady: Bool = gdFontCacheSetup() == 0
}
