import CGD
import Foundation

extension Canvas {
    /// The image encoded as PNG (8-bit RGB, no timestamps, so equal pictures give equal bytes).
    func png() throws -> [UInt8] {
        PNGEncoder.encode(image, width: width, height: height)
    }
}

/// Writes `bytes` to `url` atomically: to a temporary file beside it, then renamed over it, so that a
/// reader never sees half a PNG.
func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
        try Data(bytes).write(to: temporary)
    } catch {
        throw PlotError.writeFailed(path: url.path, reason: "\(error)")
    }
    if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw PlotError.writeFailed(path: url.path, reason: reason)
    }
}
