import Foundation
import Testing
@testable import Tabular

@Suite struct CSVReaderTests {
    func read(_ text: String, _ configure: (inout CSVReadingOptions) -> Void = { _ in }) throws -> DataFrame {
        var options = CSVReadingOptions()
        configure(&options)
        return try DataFrame(csvString: text, options: options)
    }

    // MARK: - RFC 4180

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let frame = try read("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"crlf\r\ninside\"\n")
        #expect(try frame["text", String.self] == ["a, b", "say \"hi\"", "two\nlines", "crlf\r\ninside"])
        #expect(try frame["id", Int.self] == [1, 2, 3, 4])
    }

    @Test func byteOrderMarkCRLFAndNoFinalLineBreak() throws {
        let frame = try read("\u{FEFF}id,name\r\n1,a\r\n2,b")
        #expect(frame.columnNames == ["id", "name"])
        #expect(try frame["name", String.self] == ["a", "b"])
    }

    @Test func otherDelimiters() throws {
        let semicolons = try read("id;price\n1;2.5\n2;\"3;5\"\n") { $0.delimiter = ";" }
        #expect(try semicolons["price", String.self] == ["2.5", "3;5"])
        let tabs = try read("id\tprice\n1\t2.5\n2\t3\n") { $0.delimiter = "\t" }
        #expect(try tabs["price", Double.self] == [2.5, 3])
    }

    @Test func withoutHeaderColumnsAreNamed() throws {
        let frame = try read("1,a\n2,b\n") { $0.hasHeader = false }
        #expect(frame.columnNames == ["column_1", "column_2"])
        #expect(try frame["column_1", Int.self] == [1, 2])
        let named = try read("1,a\n") { $0.hasHeader = false; $0.columnNames = ["id", "name"] }
        #expect(named.columnNames == ["id", "name"])
        #expect(throws: CSVError.self) { try read("1,a\n") { $0.hasHeader = false; $0.columnNames = ["id"] } }
    }

    @Test func headerOnlyGivesZeroRows() throws {
        let frame = try read("id,name\n")
        #expect(frame.shape == (0, 2))
        let typed = try read("id,name") { $0.types = ["id": .integer] }
        #expect(try typed["id"].type == .integer)
        #expect(typed.rowCount == 0)
    }

    @Test func blankLinesAreSkippedUnlessOneColumn() throws {
        let frame = try read("id,name\n1,a\n\n2,b\n\n")
        #expect(try frame["id", Int.self] == [1, 2])
        let single = try read("x\n1\n\n3\n")
        #expect(try single["x", Int.self] == [1, nil, 3])
    }

    @Test func trailingDelimiterMakesAnEmptyLastField() throws {
        let frame = try read("a,b\n1,\n2,3\n")
        #expect(try frame["b", Int.self] == [nil, 3])
    }

    // MARK: - Missing values

    @Test func missingTokensAreMissingInNumbersAndOnlyEmptyInText() throws {
        let frame = try read("i,d,s\n1,2.5,x\nNA,N/A,null\n,NaN,NULL\n3,,\n")
        #expect(try frame["i", Int.self] == [1, nil, nil, 3])
        #expect(try frame["d", Double.self] == [2.5, nil, nil, nil])
        #expect(try frame["s", String.self] == ["x", "null", "NULL", nil])
    }

    @Test func codesSpelledLikeMissingTokensStayCodesInDeclaredText() throws {
        let frame = try read("sku,units\nNA,1\nNULL,2\nN/A,3\n000001,4\n,5\n") { $0.types["sku"] = .string }
        #expect(try frame["sku", String.self] == ["NA", "NULL", "N/A", "000001", nil])
    }

    @Test func pandasMissingTextIsAnOption() throws {
        let frame = try read("s\nx\nNA\nnull\n") { $0.missingTextValues = $0.missingValues }
        #expect(try frame["s", String.self] == ["x", nil, nil])
    }

    @Test func quotedTokensAreText() throws {
        let frame = try read("s\n\"NA\"\nNA\n\"\"\n")
        #expect(try frame["s", String.self] == ["NA", "NA", ""])
        // In a numeric column a quoted empty field can only be missing.
        let numbers = try read("n\n1\n\"\"\n\"3\"\n")
        #expect(try numbers["n", Int.self] == [1, nil, 3])
    }

    @Test func missingTokensAreConfigurable() throws {
        let frame = try read("n,s\n-999,x\n1,NA\n") { $0.missingValues = ["-999", ""] }
        #expect(try frame["n", Int.self] == [nil, 1])
        #expect(try frame["s", String.self] == ["x", "NA"])
    }

    @Test func allMissingColumnIsText() throws {
        let frame = try read("a,b\n1,\n2,\n")
        #expect(try frame["b"].type == .string)
        #expect(try frame["b"].missingCount == 2)
        // A token skipped by inference is a value once the column is text.
        let tokens = try read("a,b\n1,\n2,NA\n")
        #expect(try tokens["b", String.self] == [nil, "NA"])
    }

    // MARK: - Inference over the whole column

    @Test func infersEachType() throws {
        let frame = try read("""
            i,d,b,day,at,s
            1,1.5,true,2010-12-01,2010-12-01 08:26:00,x
            -2,17850.0,FALSE,2011-02-28,2010-12-01T08:26:00.123Z,y
            +3,1e-3,True,1900-01-01,2010-12-01 08:26,3
            """)
        #expect(frame.columns.map(\.type) == [.integer, .double, .boolean, .date, .dateTime, .string])
        #expect(try frame["i", Int.self] == [1, -2, 3])
        #expect(try frame["d", Double.self] == [1.5, 17850, 0.001])
        #expect(try frame["b", Bool.self] == [true, false, true])
        #expect(try frame["day"][0] == .date(days: 14_944))
        #expect(try frame["day"][2] == .date(days: CivilDate(year: 1900, month: 1, day: 1).daysSince1970))
        let at = 14_944 * 86_400 + 8 * 3600 + 26 * 60
        #expect(try frame["at"][0] == .dateTime(seconds: at))
        #expect(try frame["at"][1] == .dateTime(seconds: at))  // fraction truncated, Z is UTC
        #expect(try frame["at"][2] == .dateTime(seconds: at))
        #expect(try frame["s", String.self] == ["x", "y", "3"])
    }

    @Test func lateTextMakesTheColumnText() throws {
        // InvoiceNo in Online Retail: numbers for 17 kB, then a cancellation.
        var text = "InvoiceNo,Quantity\n"
        for invoice in 0..<5000 { text += "\(536_365 + invoice),\(invoice % 7 + 1)\n" }
        text += "C537132,-1\n"
        let frame = try read(text)
        #expect(try frame["InvoiceNo"].type == .string)
        #expect(try frame["InvoiceNo", String.self].last == "C537132")
        #expect(try frame["InvoiceNo", String.self].first == "536365")
        #expect(try frame["Quantity"].type == .integer)
    }

    @Test func wideningFollowsTheLattice() throws {
        let frame = try read("a,b,c,d,e\n1,2010-12-01,true,1,x\n2.5,2010-12-01 10:00:00,1,99999999999999999999,2\n")
        #expect(frame.columns.map(\.type) == [.double, .dateTime, .string, .double, .string])
        #expect(try frame["b"][0] == .dateTime(seconds: 14_944 * 86_400))
    }

    @Test func invalidDateInATextColumnIsText() throws {
        let frame = try read("d\n2011-02-27\n2011-02-30\nsoon\n")
        #expect(try frame["d", String.self] == ["2011-02-27", "2011-02-30", "soon"])
    }

    @Test func integersWrittenAsFloatsAreDoublesUnlessTheSchemaSaysInteger() throws {
        let text = "CustomerID\n17850.0\n\n13047.0\nNA\n"  // one column: the blank line is missing
        #expect(try read(text)["CustomerID"].type == .double)
        let typed = try read(text) { $0.types["CustomerID"] = .integer }
        #expect(try typed["CustomerID", Int.self] == [17850, nil, 13047, nil])
    }

    @Test func schemaOverridesInference() throws {
        let frame = try read("zip,price,flag\n00123,2,true\n04567,3,false\n") {
            $0.types = ["zip": .string, "price": .double]
        }
        #expect(try frame["zip", String.self] == ["00123", "04567"])
        #expect(try frame["price"].type == .double)
        let untyped = try read("a,b\n1,true\n") { $0.infersTypes = false }
        #expect(untyped.columns.map(\.type) == [.string, .string])
    }

    @Test func extremeNumbers() throws {
        let frame = try read("""
            i,d
            9223372036854775807,1.7976931348623157e308
            -9223372036854775808,4.9e-324
            0,-0.0
            42,0.1000000000000000055511151231257827
            7,-inf
            """)
        #expect(try frame["i", Int.self] == [Int.max, Int.min, 0, 42, 7])
        let doubles = try frame["d", Double.self].map { $0 ?? .nan }
        #expect(doubles[0] == .greatestFiniteMagnitude)
        #expect(doubles[1] == .leastNonzeroMagnitude)
        #expect(doubles[2] == 0 && doubles[2].sign == .minus)
        #expect(doubles[3] == 0.1)
        #expect(doubles[4] == -.infinity)
    }

    @Test func decimalParsingRoundsCorrectly() throws {
        // Values whose nearest double needs the slow path, and the fast path's edges.
        let texts = ["2.55", "3.39", "0.3", "123456789012345678", "9007199254740993", "1e22", "1e23",
                     "2.2250738585072011e-308", "0.000001", "1234.5678e-2", ".5", "5.", "-1E+2"]
        let frame = try read("x\n" + texts.joined(separator: "\n") + "\n")
        let parsed = try frame["x", Double.self]
        for (text, value) in zip(texts, parsed) {
            #expect(value == Double(text) ?? Double(text + "0"), "\(text)")
        }
    }

    @Test func unicodeText() throws {
        let frame = try read("name,city\nCafé,Zürich\n日本,東京\n")
        #expect(try frame["name", String.self] == ["Café", "日本"])
    }

    @Test func repeatedTextSharesCategories() throws {
        let frame = try read("c\nUK\nUK\nFrance\nUK\nFrance\n")
        guard case let .string(codes, categories) = try frame["c"].data else {
            Issue.record("not text")
            return
        }
        #expect(categories == ["UK", "France"])
        #expect(codes == [0, 0, 1, 0, 1])
    }

    // MARK: - Gzip and files

    static func fixture(_ name: String) -> URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("csv").appendingPathComponent(name)
    }

    @Test func readsGzip() throws {
        let url = try #require(Self.fixture("small.csv.gz"))
        let frame = try DataFrame(contentsOfCSVFile: url)
        #expect(try frame["name", String.self] == ["a, b", "c"])
        #expect(try frame["price", Double.self] == [2.5, nil])
        let members = try DataFrame(contentsOfCSVFile: try #require(Self.fixture("two_members.csv.gz")))
        #expect(try members["id", Int.self] == [1, 2, 3])
    }

    @Test func readsGzipBytesFromMemory() throws {
        let url = try #require(Self.fixture("small.csv.gz"))
        let frame = try CSVReader().read(bytes: try Data(contentsOf: url))
        #expect(frame.shape == (2, 3))
    }

    // MARK: - Chunks on all cores

    /// A file large enough to be cut into chunks, whose records hold quoted line breaks so that some
    /// guessed cuts fall inside quotes: the parallel result must equal the sequential one.
    @Test func parallelChunksEqualSequentialReading() throws {
        var text = "id,note,amount,day\n"
        for row in 0..<60_000 {
            let note = row % 3 == 0 ? "\"line one\nline two, \(row)\nline \"\"three\"\"\"" : "plain \(row % 100)"
            text += "\(row),\(note),\(Double(row) / 4),2011-01-\(String(format: "%02d", row % 28 + 1))\n"
        }
        #expect(text.utf8.count > 2 << 20)
        var sequential = CSVReadingOptions()
        sequential.usesAllCores = false
        let one = try DataFrame(csvString: text, options: sequential)
        let all = try DataFrame(csvString: text)
        #expect(one == all)
        #expect(all.rowCount == 60_000)
        #expect(try all["note", String.self][3] == "line one\nline two, 3\nline \"three\"")
        #expect(try all["id", Int.self].last == 59_999)
    }

    @Test func errorLinesCountQuotedLineBreaksInLargeFiles() throws {
        var text = "id,note\n"
        for row in 0..<50_000 { text += "\(row),\"a\nb\"\n" }
        text += "oops\n"
        #expect {
            try DataFrame(csvString: text)
        } throws: { error in
            (error as? CSVError)?.line == 2 + 50_000 * 2 && (error as? CSVError)?.kind == .tooFewFields(expected: 2, found: 1)
        }
    }
}

@Suite struct CSVFileReadingTests {
    /// A CSV file of at least `minimum` bytes whose size is `size % 4096 == remainder`.
    static func file(minimum: Int, remainder: Int) throws -> (URL, rows: Int) {
        var text = "id,name,price\n"
        var rows = 0
        while text.utf8.count < minimum {
            text += "\(rows),\"name, \(rows % 97)\",\(Double(rows) / 8)\n"
            rows += 1
        }
        var padding = (remainder - (text.utf8.count + "\(rows),,0\n".utf8.count) % 4096 + 4096) % 4096
        if padding == 1 { padding += 4096 }  // an empty quoted name needs two quotes
        let name = padding == 0 ? "" : "\"" + String(repeating: "x", count: padding - 2) + "\""
        text += "\(rows),\(name),0\n"
        rows += 1
        #expect(text.utf8.count % 4096 == remainder)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url, rows)
    }

    /// Files are read in one pass, or in parallel parts when large (into a huge-page buffer), at
    /// every size modulo the page: all must give the frame the same bytes give from memory.
    @Test(arguments: [(5 << 20, 0), (5 << 20, 4090), (5 << 20, 100), (100_000, 0), (100_000, 2000)])
    func filesAndMemoryAgree(minimum: Int, remainder: Int) throws {
        let (url, rows) = try Self.file(minimum: minimum, remainder: remainder)
        defer { try? FileManager.default.removeItem(at: url) }
        let frame = try DataFrame(contentsOfCSVFile: url)
        #expect(frame.rowCount == rows)
        #expect(try frame["name", String.self][1] == "name, 1")
        #expect(try frame["price", Double.self][8] == 1)
        let memory = try CSVReader().read(bytes: try Data(contentsOf: url))
        #expect(memory == frame)
    }

    @Test func directoryIsUnreadable() throws {
        #expect {
            try DataFrame(contentsOfCSVFile: FileManager.default.temporaryDirectory)
        } throws: { error in
            if case .unreadable = (error as? CSVError)?.kind { return true }
            return false
        }
    }
}
