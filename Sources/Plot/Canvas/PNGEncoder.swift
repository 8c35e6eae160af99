import CGD
import CZlib
import Foundation

/// Writes truecolor canvases as 8-bit RGB PNG with a per-row filter choice (None, Sub or Up, whichever
/// leaves the smallest residuals), deflated by ``RunLengthDeflate``.
///
/// libpng, as libgd drives it, tries all five PNG filters on every row, which costs more than drawing
/// the whole chart; figures are mostly flat colour, where Sub and Up already leave long zero runs.
/// The deflate stream is made on both cores (see ``ZlibStream/compress(_:parts:)``).
enum PNGEncoder {
    /// RGB PNG bytes of `image`, a truecolor image (as every canvas is) of `width` × `height` > 0.
    static func encode(_ image: gdImagePtr, width: Int, height: Int) -> [UInt8] {
        let stride = width * 3
        guard let rows = image.pointee.tpixels else { preconditionFailure("a canvas is a truecolor image") }
        // Every byte is written by `filterRow`, so the buffer needs no zeroing first.
        // The two halves of the image are filtered on both cores; each writes only its own rows.
        let raw = [UInt8](unsafeUninitializedCapacity: (stride + 1) * height) { output, count in
            nonisolated(unsafe) let output = output
            nonisolated(unsafe) let rows = rows
            inBands(ofRows: height, split: true) { _, band in
                for y in band {
                    if let row = rows[y] {
                        filterRow(row, above: y > 0 ? rows[y - 1] : nil, width: width, into: output, at: y * (stride + 1))
                    } else {
                        for i in 0...stride { output[y * (stride + 1) + i] = 0 }
                    }
                }
            }
            count = (stride + 1) * height
        }
        let compressed = ZlibStream.compress(raw)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(contentsOf: bigEndianBytes(UInt32(width)))
        header.append(contentsOf: bigEndianBytes(UInt32(height)))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8-bit RGB, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
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
        // A row the same as the one above (margins, bars, flat fills) is all zeros under Up, which
        // is what the costs below would choose.
        if let above, memcmp(row, above, width * MemoryLayout<Int32>.size) == 0, let out = output.baseAddress {
            output[offset] = 2
            memset(out.advanced(by: offset + 1), 0, 3 * width)
            return
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

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.append(contentsOf: bigEndianBytes(UInt32(data.count)))
        let typeBytes = Array(type.utf8)
        let crc = ZlibStream.crc32(ZlibStream.crc32(0, typeBytes), data)
        png.append(contentsOf: typeBytes)
        png.append(contentsOf: data)
        png.append(contentsOf: bigEndianBytes(UInt32(truncatingIfNeeded: crc)))
    }
}

/// The zlib container (RFC 1950) around ``RunLengthDeflate``, with zlib's checksums.
enum ZlibStream {
    /// `data` as one zlib stream (RFC 1950). Large inputs are deflated in `parts` pieces on as many
    /// threads, each piece ending on a byte boundary (a full flush), then joined with one Adler-32
    /// checksum — the way pigz parallelises gzip.
    static func compress(_ data: [UInt8], parts: Int = 2) -> [UInt8] {
        let count = data.count
        let pieces = count >= 1 << 16 ? max(1, parts) : 1
        let bounds = (0...pieces).map { $0 * count / pieces }
        var outputs = [[UInt8]](repeating: [], count: pieces)
        var checksums = [UInt](repeating: 0, count: pieces)
        data.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            outputs.withUnsafeMutableBufferPointer { outputs in
                checksums.withUnsafeMutableBufferPointer { checksums in
                    nonisolated(unsafe) let outputs = outputs, checksums = checksums
                    DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                        let slice = UnsafeBufferPointer(rebasing: input[bounds[piece]..<bounds[piece + 1]])
                        outputs[piece] = RunLengthDeflate.compress(slice, last: piece == pieces - 1)
                        checksums[piece] = CZlib.adler32(1, slice.baseAddress, UInt32(slice.count))
                    }
                }
            }
        }
        var stream: [UInt8] = [0x78, 0x01]  // deflate, 32 KiB window, fastest-compression hint
        var adler = checksums[0]
        for piece in 0..<pieces {
            stream.append(contentsOf: outputs[piece])
            if piece > 0 {
                adler = CZlib.adler32_combine(adler, checksums[piece], off_t(bounds[piece + 1] - bounds[piece]))
            }
        }
        stream.append(contentsOf: bigEndianBytes(UInt32(truncatingIfNeeded: adler)))
        return stream
    }

    static func crc32(_ crc: UInt, _ data: [UInt8]) -> UInt {
        data.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, UInt32(data.count)) }
    }
}

/// `value` as four bytes, most significant first, as PNG and zlib store integers.
private func bigEndianBytes(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
}
