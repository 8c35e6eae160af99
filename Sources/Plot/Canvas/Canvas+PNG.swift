import CGD
import Core
import Foundation

extension Canvas {
    /// The image encoded as PNG (8-bit RGB, no timestamps, so equal pictures give equal bytes).
    func png() throws -> [UInt8] {
        PNGEncoder.encode(image, width: width, height: height)
    }
}

/// Writes `bytes` to `url` atomically and durably (``AtomicFile``), so that a reader never sees half a PNG.
func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
    do {
        try AtomicFile.write(bytes, to: url)
    } catch let error as FileSystemError {
        throw PlotError.writeFailed(path: url.path, reason: error.reason)
    }
}
