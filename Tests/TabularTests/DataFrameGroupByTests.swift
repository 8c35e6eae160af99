import Foundation
import Testing
@testable import Tabular

@Suite struct DataFrameGroupByTests {
    func sales() throws -> DataFrame {
        let frame = try OpsFixtures.inputFrame()
        return try frame.withColumn("Revenue", frame["Quantity"] * frame["UnitPrice"])
    }

    @Test func oneKeyMatchesPandas() throws {
        let result = try sales().grouped(by: "Country").aggregate(
            .sum("Revenue"), .mean("Revenue"), .std("Revenue"), .median("Revenue"), .quantile("Revenue", 0.9),
            .min("Revenue"), .max("Revenue"), .sum("Quantity"), .count(), .count("CustomerID"),
            .distinctCount("InvoiceNo"), .distinctCount("CustomerID"), .first("CustomerID"), .last("CustomerID"),
            .min("InvoiceDate"), .max("InvoiceDate"), .min("StockCode"), .max("Description"))
        expectFrame(result, equals: try OpsFixtures.expectedFrame("groupByCountry"))
        #expect(try result["Quantity_sum"].type == .integer)
        #expect(try result["InvoiceDate_max"].type == .dateTime)
        #expect(try result["StockCode_min"].type == .string)
    }

    @Test func twoKeysWithMissingValuesMatchPandas() throws {
        let result = try sales().grouped(by: "Country", "CustomerID").aggregate(
            .sum("Revenue"), .count(), .distinctCount("StockCode"), .max("InvoiceDate"))
        expectFrame(result, equals: try OpsFixtures.expectedFrame("groupByCountryCustomer"))
    }

    @Test func firstAppearanceOrderMatchesPandasSortFalse() throws {
        let result = try sales().grouped(by: ["Country"], order: .firstAppearance).size()
        expectFrame(result, equals: try OpsFixtures.expectedFrame("groupByCountryUnsorted"))
    }

    @Test func outputNamesAndErrors() throws {
        let frame = try DataFrame(columns: [Column("k", ["a", "b", "a"]), Column("x", [1.0, 2.0, 4.0]), Column("t", ["p", "q", "r"])])
        let grouped = try frame.grouped(by: "k")
        let result = try grouped.aggregate(.sum("x", as: "total"), .quantile("x", 0.25), .variance("x"))
        #expect(result.columnNames == ["k", "total", "x_q0.25", "x_var"])
        #expect(try result["total", Double.self] == [5, 2])
        #expect(try result["x_q0.25", Double.self] == [1.75, 2])
        #expect(try result["x_var", Double.self] == [4.5, nil])
        #expect(throws: TabularError.self) { try grouped.aggregate(.sum("t")) }
        #expect(throws: TabularError.self) { try grouped.aggregate(.mean("nope")) }
        #expect(throws: TabularError.duplicateColumn("x_sum")) { try grouped.aggregate(.sum("x"), .sum("x")) }
        #expect(throws: TabularError.self) { try grouped.aggregate(.quantile("x", 1.5)) }
        #expect(throws: TabularError.self) { try frame.grouped(by: "missing") }
        #expect(grouped.groupRows() == [[0, 2], [1]])
    }

    @Test func missingKeysAreDroppedAndAllMissingValuesGiveMissingStatistics() throws {
        let frame = try DataFrame(columns: [
            Column("k", [1, nil, 1, 2, nil] as [Int?]),
            Column("x", [nil, 5.0, nil, 3.0, 1.0] as [Double?]),
        ])
        let result = try frame.grouped(by: "k").aggregate(
            .sum("x"), .mean("x"), .min("x"), .median("x"), .std("x"), .first("x"), .count("x"), .count())
        #expect(try result["k", Int.self] == [1, 2])
        #expect(try result["x_sum", Double.self] == [0, 3])        // pandas: the sum of nothing is 0
        #expect(try result["x_mean", Double.self] == [nil, 3])
        #expect(try result["x_min", Double.self] == [nil, 3])
        #expect(try result["x_median", Double.self] == [nil, 3])
        #expect(try result["x_std", Double.self] == [nil, nil])      // ddof 1 needs two values
        #expect(try result["x_first", Double.self] == [nil, 3])
        #expect(try result["x_count", Int.self] == [0, 1])
        #expect(try result["count", Int.self] == [2, 1])
    }

    @Test func emptyFrameAndOneRow() throws {
        let empty = try DataFrame(columns: [Column("k", [String]()), Column("x", [Double]())])
        let none = try empty.grouped(by: "k").aggregate(.sum("x"), .median("x"), .distinctCount("x"))
        #expect(none.shape == (0, 4))
        let one = try DataFrame(columns: [Column("k", ["a"]), Column("x", [2.5])])
        let result = try one.grouped(by: "k").aggregate(.sum("x"), .std("x"), .median("x"), .max("x"))
        #expect(try result["x_sum", Double.self] == [2.5])
        #expect(try result["x_std", Double.self] == [nil])
        #expect(try result["x_median", Double.self] == [2.5])
        let allMissing = try DataFrame(columns: [Column("k", [nil, nil] as [String?]), Column("x", [1.0, 2.0])])
        #expect(try allMissing.grouped(by: "k").aggregate(.sum("x")).rowCount == 0)
    }

    @Test func largeIntegerSumsStayExact() throws {
        let frame = try DataFrame(columns: [Column("k", [0, 0, 1]), Column("x", [Int.max / 2, Int.max / 2, -7])])
        let result = try frame.grouped(by: "k").aggregate(.sum("x"), .mean("x"))
        #expect(try result["x_sum", Int.self] == [Int.max - 1, -7])
        #expect(try result["x_mean", Double.self] == [Double(Int.max / 2), -7])
    }
}
