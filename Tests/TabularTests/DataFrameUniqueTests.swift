import Foundation
import Testing
@testable import Tabular

@Suite struct DataFrameUniqueTests {
    @Test func distinctRowsMatchPandasDropDuplicates() throws {
        let frame = try OpsFixtures.inputFrame()
        expectFrame(try frame.unique(["Country", "CustomerID"]), equals: try OpsFixtures.expectedFrame("unique"))
    }

    @Test func distinctCountsMatchPandasNunique() throws {
        let frame = try OpsFixtures.inputFrame()
        let expected = try OpsFixtures.expectedValue("nunique")
        for (name, count) in frame.distinctCounts() {
            #expect(count == expected[name].int, "\(name)")
        }
    }

    @Test(arguments: [("Country", "valueCountsCountry"), ("StockCode", "valueCountsStockCode")])
    func valueCountsMatchPandas(column: String, fixture: String) throws {
        let counts = try OpsFixtures.inputFrame().valueCounts(column)
        let expected = try OpsFixtures.expectedValue(fixture)
        let values = try counts[column, String.self].compactMap { $0 }
        let frequencies = try counts["count", Int.self].compactMap { $0 }
        // The same (value, count) pairs and the same counts in the same order; pandas' order of ties
        // is that of an unstable sort, so ties are compared as sets.
        #expect(frequencies == expected["counts"].ints)
        let pairs = Set(zip(values, frequencies).map { "\($0)=\($1)" })
        #expect(pairs == Set(zip(expected["values"].strings, expected["counts"].ints).map { "\($0)=\($1)" }))
        #expect(frequencies == frequencies.sorted(by: >))
    }

    @Test func tiesKeepFirstAppearanceAndMissingHandling() throws {
        let frame = try DataFrame(columns: [
            Column("s", ["b", "a", nil, "a", "b", nil, "c"] as [String?]),
            Column("n", [1, 2, 3, 2, 1, 3, 3]),
        ])
        let counts = try frame.valueCounts("s")
        #expect(try counts["s", String.self] == ["b", "a", "c"])
        #expect(try counts["count", Int.self] == [2, 2, 1])
        let withMissing = try frame.valueCounts("s", includingMissing: true)
        #expect(try withMissing["s", String.self] == ["b", "a", nil, "c"])
        #expect(try frame.unique(["s"])["s", String.self] == ["b", "a", nil, "c"])
        #expect(try frame.unique()["n", Int.self] == [1, 2, 3, 3])
        #expect(try frame.droppingDuplicates(on: ["n"])["s", String.self] == ["b", "a", nil])
        #expect(try frame["s"].distinctCount == 3)
        #expect(try String.values(of: frame["s"].unique()) == ["b", "a", nil, "c"])
        let empty = try DataFrame(columns: [Column("s", [String]())])
        #expect(try empty.unique().rowCount == 0)
        #expect(try empty.valueCounts("s").shape == (0, 2))
        let pairs = try frame.valueCounts(["s", "n"])
        #expect(try pairs["count", Int.self] == [2, 2, 1])
    }
}
