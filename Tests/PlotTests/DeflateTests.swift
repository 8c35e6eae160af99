import Foundation
import CGD
import CZlib
import Testing
@testable import Plot

/// The PNG deflate stream, decoded by zlib itself: every kind of input comes back byte for byte.
@Suite struct DeflateTests {
    static func inflate(_ stream: [UInt8], expectedCount: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: max(1, expectedCount))
        var length = uLongf(output.count)
        let status = stream.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { uncompress($0.baseAddress, &length, input.baseAddress, uLong(input.count)) }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(Int(length)))
    }

    static var inputs: [(name: String, bytes: [UInt8])] {
        var generator = SystemRandomNumberGenerator()
        var random = [UInt8](repeating: 0, count: 70_000)
        for i in random.indices { random[i] = UInt8.random(in: 0...255, using: &generator) }
        // Runs of every length near deflate's limits, separated by a different byte.
        var runs: [UInt8] = []
        for length in [1, 2, 3, 4, 5, 257, 258, 259, 260, 261, 262, 516, 517, 518, 1000] {
            runs += [UInt8](repeating: UInt8(length % 7), count: length) + [255]
        }
        // Rows like a filtered figure: zeros with short stretches of small residuals.
        var rows = [UInt8](repeating: 0, count: 200_000)
        for i in stride(from: 37, to: rows.count, by: 1013) { for j in 0..<9 { rows[i + j] = UInt8(truncatingIfNeeded: j * 29 + i) } }
        return [("empty", []), ("one byte", [7]), ("two bytes", [0, 0]), ("zeros", [UInt8](repeating: 0, count: 100_000)),
                ("random", random), ("runs", runs), ("figure-like rows", rows)]
    }

    @Test func oneBlockRoundTrips() throws {
        for input in Self.inputs {
            let deflated = input.bytes.withUnsafeBufferPointer { RunLengthDeflate.compress($0, last: true) }
            // A zlib stream: header, the raw deflate stream, Adler-32.
            let adler = input.bytes.withUnsafeBufferPointer { CZlib.adler32(1, $0.baseAddress, UInt32($0.count)) }
            let stream = [0x78, 0x01] + deflated + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: adler >> $0) }
            #expect(Self.inflate(stream, expectedCount: input.bytes.count) == input.bytes, "\(input.name)")
        }
    }

    @Test func piecesOnTwoThreadsJoinIntoOneStream() throws {
        for input in Self.inputs {
            for parts in [1, 2, 3] {
                let stream = ZlibStream.compress(input.bytes, parts: parts)
                #expect(Self.inflate(stream, expectedCount: input.bytes.count) == input.bytes, "\(input.name), \(parts) parts")
            }
        }
    }

    @Test func figureRowsCompressWell() throws {
        let rows = try #require(Self.inputs.last?.bytes)
        let deflated = rows.withUnsafeBufferPointer { RunLengthDeflate.compress($0, last: true) }
        #expect(deflated.count < rows.count / 20)
    }

    @Test func codeLengthsStayWithinTheLimit() {
        // Fibonacci-like counts make the deepest unrestricted Huffman tree.
        var counts = [1, 1]
        while counts.count < 30 { counts.append(counts[counts.count - 1] + counts[counts.count - 2]) }
        for limit in [7, 15] {
            let lengths = RunLengthDeflate.huffmanLengths(counts, limit: limit)
            #expect(lengths.allSatisfy { $0 >= 1 && Int($0) <= limit })
            // A complete prefix code: the Kraft sum is exactly one.
            let kraft = lengths.reduce(0.0) { $0 + 1 / Double(1 << Int($1)) }
            #expect(kraft == 1)
            // More frequent symbols never get longer codes.
            for i in 1..<counts.count { #expect(lengths[i] <= lengths[i - 1]) }
        }
    }
}

/// A whole picture, filtered and deflated in two pieces, decoded back by libgd.
@Suite struct PNGRowTests {
    @Test func aLargePictureDecodesToTheSamePixels() throws {
        // Rows of every kind: flat, repeated, gradients, shapes; tall enough to be filtered and
        // deflated in two pieces.
        let canvas = try Canvas(width: 300, height: 260, background: .white)
        for y in stride(from: 0, to: 260, by: 2) {
            canvas.fill(Rect(x: 0, y: Double(y), width: Double(y), height: 1), color: Color(hex: UInt32(y * 0x010305)))
        }
        canvas.fillCircle(center: Point(150, 130), radius: 60, color: Color(hex: 0xD55E00), edge: .white, edgeWidth: 2)
        canvas.stroke((0..<300).map { Point(Double($0), 130 + 80 * sin(Double($0) / 9)) }, width: 2, color: Color(hex: 0x0173B2))
        var bytes = try canvas.png()
        let decoded = bytes.withUnsafeMutableBytes { gdImageCreateFromPngPtr(Int32($0.count), $0.baseAddress) }
        let image = try #require(decoded)
        defer { gdImageDestroy(image) }
        var mismatches = 0
        for y in 0..<260 {
            for x in 0..<300 {
                let value = gdImageGetTrueColorPixel(image, Int32(x), Int32(y)) & 0xFFFFFF
                if value != (try #require(canvas.pixel(x: x, y: y))).gdValue & 0xFFFFFF { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
