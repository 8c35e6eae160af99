import Foundation
import Testing
@testable import Tabular

@Suite struct DataFrameSortTests {
    @Test(arguments: [
        ("sortCountryQuantityDate", [SortKey.ascending("Country"), .descending("Quantity"), .ascending("InvoiceDate")]),
        ("sortCustomerDescending", [SortKey.descending("CustomerID")]),
        ("sortPriceStock", [SortKey.ascending("UnitPrice"), .ascending("StockCode")]),
    ])
    func permutationMatchesPandasStableSort(fixture: String, keys: [SortKey]) throws {
        let frame = try OpsFixtures.inputFrame()
        #expect(try frame.sortPermutation(keys) == OpsFixtures.expectedValue(fixture).ints)
    }

    @Test func tiesKeepInputOrderInBothDirections() throws {
        let frame = try DataFrame(columns: [
            Column("k", [2, 1, 2, 1, 2, 1]),
            Column("id", [0, 1, 2, 3, 4, 5]),
        ])
        #expect(try frame.sorted(by: "k")["id", Int.self] == [1, 3, 5, 0, 2, 4])
        #expect(try frame.sorted(by: "k", descending: true)["id", Int.self] == [0, 2, 4, 1, 3, 5])
    }

    @Test func missingValuesSortLastInBothDirections() throws {
        let frame = try DataFrame(columns: [
            Column("x", [2.0, nil, .nan, -1.0, 2.0] as [Double?]),
            Column("s", ["b", nil, "a", "B", "é"] as [String?]),
        ])
        #expect(try frame.sortPermutation([.ascending("x")]) == [3, 0, 4, 1, 2])
        #expect(try frame.sortPermutation([.descending("x")]) == [0, 4, 3, 1, 2])
        // Code-point order: "B" < "a" < "b" < "é"; missing last.
        #expect(try frame.sortPermutation(["s"]) == [3, 2, 0, 4, 1])
        #expect(try frame.sortPermutation([.descending("s")]) == [4, 0, 2, 3, 1])
    }

    @Test func wideKeysFallBackToComparisons() throws {
        // 70 bits of combined key: more than the radix path holds.
        let n = 3000
        let a = (0..<n).map { ($0 * 7919) % 2999 }
        let b = (0..<n).map { ($0 * 104_729) % 2997 }
        let c = (0..<n).map { ($0 * 31) % 2995 }
        let d = (0..<n).map { ($0 * 17) % 2993 }
        let e = (0..<n).map { ($0 * 13) % 2991 }
        let f = (0..<n).map { ($0 * 11) % 2989 }
        let frame = try DataFrame(columns: [Column("a", a.map { $0 % 5 }), Column("b", b), Column("c", c), Column("d", d), Column("e", e), Column("f", f)])
        let order = try frame.sortPermutation(["a", .descending("b"), "c", "d", "e", "f"])
        let rowKeys: [[Int]] = (0..<n).map { (x: Int) -> [Int] in [a[x] % 5, -b[x], c[x], d[x], e[x], f[x], x] }
        let expected = (0..<n).sorted { (x: Int, y: Int) -> Bool in rowKeys[x].lexicographicallyPrecedes(rowKeys[y]) }
        #expect(order == expected)
    }

    @Test func emptyAndOneRowAndBooleansAndDates() throws {
        let empty = try DataFrame(columns: [Column("x", [Int]())])
        #expect(try empty.sorted(by: "x").rowCount == 0)
        let one = try DataFrame(columns: [Column("x", [1])])
        #expect(try one.sorted(by: .descending("x"))["x", Int.self] == [1])
        let flags = try DataFrame(columns: [Column("b", [true, false, nil, true] as [Bool?])])
        #expect(try flags.sortPermutation(["b"]) == [1, 0, 3, 2])
        #expect(throws: TabularError.self) { try flags.sorted(by: "nope") }
    }
}
