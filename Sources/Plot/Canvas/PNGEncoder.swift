import CGD
import Foundation

/// Writes truecolor canvases as 8-bit RGB PNG with a per-row filter choice (None, Sub or Up, whichever
/// leaves the smallest residuals) and zlib at a fast level.
///
/// libpng, as libgd drives it, tries all five PNG filters on every row, which costs more than drawing
/// the whole chart; figures are mostly flat colour, where Sub and Up already leave long zero runs.
/// zlib is the one libgd and libpng themselves load; it is opened at run time so that the module
/// needs no link flags beyond libgd's. Without it, encoding falls back to libgd's own PNG writer.
enum PNGEncoder {
    /// RGB PNG bytes of `image`, or nil when zlib is not available.
    static func encode(_ image: gdImagePtr, width: Int, height: Int, level: Int) -> [UInt8]? {
        guard let zlib = Zlib.shared, width > 0, height > 0 else { return nil }
        let stride = width * 3
        guard let rows = image.pointee.tpixels else { return nil }
        // Every byte is written by `filterRow`, so the buffer needs no zeroing first.
        // The two halves of the image are filtered on both cores; each writes only its own rows.
        let raw = [UInt8](unsafeUninitializedCapacity: (stride + 1) * height) { output, count in
            nonisolated(unsafe) let output = output
            nonisolated(unsafe) let rows = rows
            let parts = height >= 64 ? 2 : 1
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                for y in (part * height / parts)..<((part + 1) * height / parts) {
                    if let row = rows[y] {
                        filterRow(row, above: y > 0 ? rows[y - 1] : nil, width: width, into: output, at: y * (stride + 1))
                    } else {
                        for i in 0...stride { output[y * (stride + 1) + i] = 0 }
                    }
                }
            }
            count = (stride + 1) * height
        }
        guard let compressed = zlib.compress(raw, level: level) else { return nil }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(contentsOf: bigEndian(UInt32(width)))
        header.append(contentsOf: bigEndian(UInt32(height)))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8-bit RGB, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &png, zlib: zlib)
        appendChunk("IDAT", compressed, to: &png, zlib: zlib)
        appendChunk("IEND", [], to: &png, zlib: zlib)
        return png
    }

    /// Writes the filter byte and the filtered row at `offset`, choosing the filter with the smallest sum
    /// of absolute residuals (the PNG specification's recommended heuristic) among None, Sub and Up.
    private static func filterRow(_ row: UnsafeMutablePointer<Int32>, above: UnsafeMutablePointer<Int32>?, width: Int,
                                  into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        // Residuals are computed on whole pixels: each channel's byte difference, summed as signed bytes.
        @inline(__always) func cost(_ a: Int32, _ b: Int32) -> Int {
            let r = Int8(truncatingIfNeeded: (a >> 16) &- (b >> 16)).magnitude
            let g = Int8(truncatingIfNeeded: (a >> 8) &- (b >> 8)).magnitude
            let b = Int8(truncatingIfNeeded: a &- b).magnitude
            return Int(r) + Int(g) + Int(b)
        }
        // Every fourth pixel is a close enough sample to choose by, at a quarter of the cost.
        var noneCost = 0, subCost = 0, upCost = 0
        var x = 1
        while x < width {
            let value = row[x]
            noneCost &+= cost(value, 0)
            subCost &+= cost(value, row[x - 1])
            upCost &+= cost(value, above?[x] ?? 0)
            x += 4
        }
        var left: Int32 = 0
        let filter: UInt8 = upCost <= subCost && upCost <= noneCost ? 2 : (subCost <= noneCost ? 1 : 0)
        output[offset] = filter
        guard let out = output.baseAddress?.advanced(by: offset + 1) else { return }
        @inline(__always) func put(_ index: Int, _ value: Int32, _ base: Int32) {
            out[3 * index] = UInt8(truncatingIfNeeded: (value >> 16) &- (base >> 16))
            out[3 * index + 1] = UInt8(truncatingIfNeeded: (value >> 8) &- (base >> 8))
            out[3 * index + 2] = UInt8(truncatingIfNeeded: value &- base)
        }
        switch filter {
        case 1:
            for x in 0..<width {
                put(x, row[x], left)
                left = row[x]
            }
        case 2:
            if let above {
                for x in 0..<width { put(x, row[x], above[x]) }
            } else {
                for x in 0..<width { put(x, row[x], 0) }
            }
        default:
            for x in 0..<width { put(x, row[x], 0) }
        }
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8], zlib: Zlib) {
        png.append(contentsOf: bigEndian(UInt32(data.count)))
        let typeBytes = Array(type.utf8)
        let crc = zlib.crc32(zlib.crc32(0, typeBytes), data)
        png.append(contentsOf: typeBytes)
        png.append(contentsOf: data)
        png.append(contentsOf: bigEndian(UInt32(truncatingIfNeeded: crc)))
    }
}

/// The few zlib functions PNG writing needs, looked up in the shared library at run time.
final class Zlib: Sendable {
    private typealias CompressBound = @convention(c) (UInt) -> UInt
    private typealias Compress2 = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?,
                                                  UnsafePointer<UInt8>?, UInt, Int32) -> Int32
    private typealias CRC32 = @convention(c) (UInt, UnsafePointer<UInt8>?, UInt32) -> UInt

    private let compressBound: CompressBound
    private let compress2: Compress2
    private let crc: CRC32

    /// The process's zlib, or nil when it cannot be opened.
    static let shared: Zlib? = Zlib()

    private init?() {
        let names = ["libz.so.1", "libz.so", "libz.1.dylib", "libz.dylib"]
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first,
              let bound = dlsym(handle, "compressBound"), let compress = dlsym(handle, "compress2"),
              let crc = dlsym(handle, "crc32") else { return nil }
        compressBound = unsafeBitCast(bound, to: CompressBound.self)
        compress2 = unsafeBitCast(compress, to: Compress2.self)
        self.crc = unsafeBitCast(crc, to: CRC32.self)
    }

    /// `data` as a zlib stream at `level` (0...9), or nil on failure.
    func compress(_ data: [UInt8], level: Int) -> [UInt8]? {
        let bound = compressBound(UInt(data.count))
        var status: Int32 = -1
        let output = [UInt8](unsafeUninitializedCapacity: Int(bound)) { out, count in
            var capacity = bound
            status = data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &capacity, input.baseAddress, UInt(data.count), Int32(level))
            }
            count = status == 0 ? Int(capacity) : 0
        }
        return status == 0 ? output : nil
    }

    func crc32(_ crc: UInt, _ data: [UInt8]) -> UInt {
        data.withUnsafeBufferPointer { self.crc(crc, $0.baseAddress, UInt32(data.count)) }
    }
}
