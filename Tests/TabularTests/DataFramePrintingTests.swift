import Foundation
import Testing
@testable import Tabular

@Suite struct DataFramePrintingTests {
    let frame = try! DataFrame(columns: [
        Column("Country", ["United Kingdom", "France", nil]),
        Column("Quantity", [6, -12, 100] as [Int?]),
        Column("UnitPrice", [2.55, 3.5, nil] as [Double?]),
    ])

    @Test func terminalTableIsAligned() {
        let expected = """
               Country         Quantity  UnitPrice
            0  United Kingdom         6       2.55
            1  France               -12       3.50
            2  NaN                  100        NaN
            """
        #expect(frame.description == expected)
    }

    @Test func longFramesAreTruncatedWithTheirShape() throws {
        let long = try DataFrame(columns: [Column("i", Array(0..<100)), Column("x", (0..<100).map { Double($0) / 4 })])
        let lines = long.formatted(maxRows: 6).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 1 + 3 + 1 + 3 + 2)
        #expect(lines[1] == " 0   0   0.00")
        #expect(lines[4] == "...  ...    ...")
        #expect(lines[7] == "99  99  24.75")
        #expect(lines.last == "[100 rows x 2 columns]")
    }

    @Test func markdownEscapesAndRounds() throws {
        let table = try DataFrame(columns: [
            Column("name", ["a|b", "line\nbreak"]),
            Column("x", [1.0 / 3, 2.0]),
            Column("n", [1, nil] as [Int?]),
        ])
        let expected = """
            | name | x | n |
            | --- | ---: | ---: |
            | a\\|b | 0.3333 | 1 |
            | line break | 2.0000 |  |

            """
        #expect(table.markdownTable() == expected)
        #expect(table.markdownTable(decimals: 1).contains("| a\\|b | 0.3 | 1 |"))
    }

    @Test func markdownTruncatesAndEmptyFrames() throws {
        let long = try DataFrame(columns: [Column("i", Array(0..<30))])
        let lines = long.markdownTable(maxRows: 4).split(separator: "\n").map(String.init)
        #expect(lines == ["| i |", "| ---: |", "| 0 |", "| 1 |", "| … |", "| 28 |", "| 29 |", "30 rows × 1 columns"])
        #expect(DataFrame().markdownTable().contains("empty table"))
        #expect(DataFrame().description.contains("[0 rows x 0 columns]"))
        let noRows = try DataFrame(columns: [Column("a", [Int]())])
        #expect(noRows.description == "a\n\n[0 rows x 1 columns]")
    }

    @Test func hugeAndTinyNumbersUseExponents() throws {
        let numbers = try DataFrame(columns: [Column("x", [1e20, 2.5])])
        #expect(numbers.description.contains("1.000e+20"))
        let tiny = try DataFrame(columns: [Column("x", [1e-9, 0.0])])
        #expect(tiny.markdownTable().contains("1.000e-09"))
    }
}
