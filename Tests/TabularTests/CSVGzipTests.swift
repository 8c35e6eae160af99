import CZlib
import Foundation
import Testing
@testable import Tabular

/// Gzip input: the streaming read (inflate on one thread, tokenizer behind it) must give the same
/// frame, and the same located errors, as reading the plain text.
@Suite struct CSVGzipTests {
    /// `text` gzip-compressed with zlib (one member).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw TabularError.invalidArgument("deflateInit2") }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw TabularError.invalidArgument("deflate \(status)") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    static func write(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }

    static func retailLike(rows: Int, quotedLineBreakEvery: Int? = nil, badRow: Int? = nil) -> String {
        var text = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
        for row in 0..<rows {
            let invoice = row > rows / 2 && row % 50 == 0 ? "C\(536_365 + row / 10)" : "\(536_365 + row / 10)"
            var description = "\"SET OF \(row % 40), PINK\""
            if let every = quotedLineBreakEvery, row % every == 0 { description = "\"two\nlines \(row)\"" }
            if row == badRow {
                text += "\(invoice),8512\(row % 9)A,\(description),\(row % 12 + 1)\n"
                continue
            }
            text += "\(invoice),8512\(row % 9)A,\(description),\(row % 12 + 1),2010-12-01 08:\(String(format: "%02d", row % 60)):00,"
                + "\(Double(row % 400) / 100),\(row % 7 == 0 ? "" : "\(17850 + row % 300).0"),United Kingdom\n"
        }
        return text
    }

    func compare(_ text: String) throws {
        let bytes = Array(text.utf8)
        let plain = try Self.write(bytes, suffix: ".csv")
        let packed = try Self.write(try Self.gzip(bytes), suffix: ".csv.gz")
        defer {
            try? FileManager.default.removeItem(at: plain)
            try? FileManager.default.removeItem(at: packed)
        }
        let expected = try DataFrame(contentsOfCSVFile: plain)
        let streamed = try DataFrame(contentsOfCSVFile: packed)
        #expect(CSVWriterTests.sameCells(streamed, expected))
        var sequential = CSVReadingOptions()
        sequential.usesAllCores = false
        #expect(CSVWriterTests.sameCells(try DataFrame(contentsOfCSVFile: packed, options: sequential), expected))
    }

    @Test func streamedEqualsPlain() throws {
        try compare(Self.retailLike(rows: 80_000))
    }

    @Test func quotedLineBreaksStopTheStreamingButNotTheRead() throws {
        try compare(Self.retailLike(rows: 80_000, quotedLineBreakEvery: 2))
    }

    @Test func errorsAreLocatedAsInThePlainFile() throws {
        let text = Self.retailLike(rows: 80_000, badRow: 70_000)
        let packed = try Self.write(try Self.gzip(Array(text.utf8)), suffix: ".csv.gz")
        defer { try? FileManager.default.removeItem(at: packed) }
        #expect {
            try DataFrame(contentsOfCSVFile: packed)
        } throws: { error in
            let error = error as? CSVError
            return error?.line == 70_002 && error?.kind == .tooFewFields(expected: 8, found: 4) && error?.file == packed.path
        }
    }

    /// The trailer states the last member's size only: the buffer sized from it overflows.
    @Test func severalMembersOutgrowTheTrailersGuess() throws {
        let first = Array(Self.retailLike(rows: 20_000).utf8)
        let second = Array(Self.retailLike(rows: 60_000).utf8.split(separator: 0x0A, maxSplits: 1)[1])
        let url = try Self.write(try Self.gzip(first) + (try Self.gzip(second)), suffix: ".csv.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        let frame = try DataFrame(contentsOfCSVFile: url)
        #expect(frame.rowCount == 80_000)
    }

    @Test func truncatedLargeGzipIsAnError() throws {
        let packed = try Self.gzip(Array(Self.retailLike(rows: 80_000).utf8))
        let url = try Self.write(Array(packed.prefix(packed.count * 2 / 3)), suffix: ".csv.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try DataFrame(contentsOfCSVFile: url)
        } throws: { error in
            if case .corruptGzip = (error as? CSVError)?.kind { return true }
            return false
        }
    }
}
