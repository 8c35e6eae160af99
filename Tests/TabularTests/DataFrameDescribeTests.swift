import Foundation
import Testing
@testable import Tabular

@Suite struct DataFrameDescribeTests {
    @Test func numericMatchesPandas() throws {
        let frame = try OpsFixtures.inputFrame()
        let sales = try frame.withColumn("Revenue", frame["Quantity"] * frame["UnitPrice"])
        let described = try sales.selecting("Quantity", "UnitPrice", "CustomerID", "Revenue").describe()
        expectFrame(described, equals: try OpsFixtures.expectedFrame("describe"))
        // Text and dates are left out when numbers are there, as pandas does.
        #expect(try sales.describe().columnNames == ["statistic", "Quantity", "UnitPrice", "CustomerID", "Revenue"])
    }

    @Test func textMatchesPandas() throws {
        let frame = try OpsFixtures.inputFrame()
        let described = try frame.selecting("Country", "StockCode").describe()
        let expected = try OpsFixtures.expectedValue("describeText")
        #expect(try described["statistic", String.self] == ["count", "unique", "top", "freq"])
        #expect(try described["Country", String.self] == expected["Country"].strings)
        // pandas breaks ties for the top value in no stated order: check the count and the frequency.
        let stock = try described["StockCode", String.self]
        #expect([stock[0], stock[1], stock[3]] == [0, 1, 3].map { expected["StockCode"].strings[$0] })
        let counts = try frame.valueCounts("StockCode")
        let top = try #require(stock[2])
        let topCount = try counts.filter(counts["StockCode"] == top)["count", Int.self]
        #expect(topCount == [Int(stock[3] ?? "")])
    }

    @Test func largeColumnsUseTheRadixSortAndAgreeWithTheStandardSort() throws {
        // A deterministic scramble of negatives, positives, signed zeros and one huge value.
        let values: [Double] = (0..<10_000).map { (i: Int) -> Double in
            if i % 97 == 0 { return -0.0 }
            if i % 89 == 0 { return 1e300 }
            let scrambled: Int = (i &* 7_919) % 10_007
            return Double(scrambled - 5_000) * 0.37
        }
        #expect(GroupKernels.sortedAscending(values) == values.sorted())
        let described = try DataFrame(columns: [Column("x", values)]).describe()
        let sorted = values.sorted()
        #expect(try described["x", Double.self][3] == sorted.first)
        let median: Double = try #require(try described["x", Double.self][5])
        let middle: Double = (sorted[4999] + sorted[5000]) / 2
        #expect(Swift.abs(median - middle) <= 1e-12 * Swift.abs(middle))
        #expect(try described["x", Double.self][7] == 1e300)
    }

    @Test func edgeCases() throws {
        let allMissing = try DataFrame(columns: [Column("x", [nil, nil] as [Double?])]).describe()
        #expect(try allMissing["x", Double.self] == [0, nil, nil, nil, nil, nil, nil, nil])
        let one = try DataFrame(columns: [Column("x", [4])]).describe()
        #expect(try one["x", Double.self] == [1, 4, nil, 4, 4, 4, 4, 4])
        let constant = try DataFrame(columns: [Column("x", [2.0, 2.0, 2.0])]).describe()
        #expect(try constant["x", Double.self] == [3, 2, 0, 2, 2, 2, 2, 2])
        #expect(throws: TabularError.self) { try DataFrame().describe() }
        let emptyText = try DataFrame(columns: [Column("s", [String]())]).describe()
        #expect(try emptyText["s", String.self] == ["0", "0", nil, nil])
    }
}
