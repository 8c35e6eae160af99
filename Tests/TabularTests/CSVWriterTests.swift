import Foundation
import Testing
@testable import Tabular

@Suite struct CSVWriterTests {
    /// Whether two frames hold the same names, types and cells (missing doubles are NaN in storage,
    /// which `==` on arrays would call unequal).
    static func sameCells(_ a: DataFrame, _ b: DataFrame) -> Bool {
        guard a.columnNames == b.columnNames, a.rowCount == b.rowCount else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.type == y.type else { return false }
            for row in 0..<x.count {
                let (u, v) = (x[row], y[row])
                if case let .double(p) = u, case let .double(q) = v {
                    if p.bitPattern != q.bitPattern { return false }
                } else if u != v {
                    return false
                }
            }
        }
        return true
    }

    static let awkward = try! DataFrame(columns: [
        Column("text", ["plain", "a, b", "say \"hi\"", "two\nlines", "", nil, "NA", " padded ", "crlf\r\nx", "Zürich"]),
        Column("count", [1, nil, -3, Int.max, Int.min, 0, 7, 8, 9, 10] as [Int?]),
        Column("price", [2.55, 17850.0, nil, 1e-7, -0.0, 1e300, .infinity, 0.1, 3.39, .leastNonzeroMagnitude] as [Double?]),
        Column("flag", [true, false, nil, true, true, false, false, true, nil, true] as [Bool?]),
        Column(name: "day", data: .date([14_944, 0, -1, 2_932_896, 14_945, 0, 1, 2, 3, 4],
                                        missing: MissingMask([false, false, false, false, false, true, false, false, false, false]))),
        Column(name: "at", data: .dateTime([1_291_191_960, 0, -1, 86_399, 5, 6, 7, 8, 9, 10],
                                           missing: MissingMask([false, false, false, false, true, false, false, false, false, false]))),
    ])

    @Test func roundTripsAwkwardValues() throws {
        let text = try Self.awkward.csvString()
        let back = try DataFrame(csvString: text)
        #expect(Self.sameCells(back, Self.awkward), "\(text)")
    }

    @Test func roundTripsWithOtherDialects() throws {
        var writing = CSVWritingOptions()
        writing.delimiter = ";"
        writing.usesCRLF = true
        let bytes = try Self.awkward.csvBytes(options: writing)
        #expect(bytes.starts(with: Array("text;count;price;flag;day;at\r\n".utf8)))
        let back = try CSVReader(options: CSVReadingOptions(delimiter: ";")).read(bytes: bytes)
        #expect(Self.sameCells(back, Self.awkward))
    }

    @Test func quotesOnlyWhenNeeded() throws {
        let frame = try DataFrame(columns: [Column("a", ["x", "y,z", "", "NA", nil]), Column("b", [1, 2, 3, 4, nil] as [Int?])])
        #expect(try frame.csvString() == "a,b\nx,1\n\"y,z\",2\n\"\",3\n\"NA\",4\n,\n")
    }

    @Test func doublesInShortestRoundTripForm() throws {
        let frame = try DataFrame(columns: [Column("x", [2.55, 17850.0, 1e-7, 0.1 + 0.2, 1e16] as [Double])])
        #expect(try frame.csvString() == "x\n2.55\n17850.0\n1e-07\n0.30000000000000004\n1e+16\n")
    }

    @Test func datesAreISO() throws {
        let frame = try DataFrame(columns: [
            Column(name: "day", data: .date([14_944], missing: nil)),
            Column(name: "at", data: .dateTime([1_291_191_960], missing: nil)),
        ])
        #expect(try frame.csvString() == "day,at\n2010-12-01,2010-12-01 08:26:00\n")
    }

    @Test func textThatLooksNumericNeedsTheSchemaToRoundTrip() throws {
        let frame = try DataFrame(columns: [Column("zip", ["00123", "04567"]), Column("n", [1, 2])])
        let text = try frame.csvString()
        #expect(try DataFrame(csvString: text)["zip"].type == .integer)
        var options = CSVReadingOptions()
        options.types = frame.columnTypes
        #expect(try DataFrame(csvString: text, options: options) == frame)
    }

    @Test func edgeFrames() throws {
        #expect(try DataFrame().csvString() == "")
        let noRows = Self.awkward.head(0)
        let back = try DataFrame(csvString: try noRows.csvString(), options: { var o = CSVReadingOptions(); o.types = noRows.columnTypes; return o }())
        #expect(Self.sameCells(back, noRows))
        let oneColumn = try DataFrame(columns: [Column("x", [1, nil, 3, nil] as [Int?])])
        #expect(try oneColumn.csvString() == "x\n1\n\n3\n\n")
        #expect(try DataFrame(csvString: try oneColumn.csvString()) == oneColumn)
    }

    @Test func writesAtomicallyAndReplaces() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.csv")
        try "stale".write(to: url, atomically: false, encoding: .utf8)
        try Self.awkward.writeCSV(to: url)
        #expect(Self.sameCells(try DataFrame(contentsOfCSVFile: url), Self.awkward))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
        #expect(throws: CSVError.self) {
            try Self.awkward.writeCSV(to: folder.appendingPathComponent("missing-folder").appendingPathComponent("x.csv"))
        }
    }

    @Test func roundTripsTheRetailSlice() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
            .appendingPathComponent("csv_online_retail_slice.csv"))
        let frame = try DataFrame(contentsOfCSVFile: url)
        #expect(Self.sameCells(try DataFrame(csvString: try frame.csvString()), frame))
    }
}
