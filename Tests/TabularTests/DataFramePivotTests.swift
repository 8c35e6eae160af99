import Foundation
import Testing
@testable import Tabular

@Suite struct DataFramePivotTests {
    func sales() throws -> DataFrame {
        let frame = try OpsFixtures.inputFrame()
        return try frame
            .withColumn("Revenue", frame["Quantity"] * frame["UnitPrice"])
            .withColumn("Month", frame["InvoiceDate"].floored(to: .month))
    }

    @Test func monthByCountryRevenueMatchesPandas() throws {
        let wide = try sales().pivot(index: "Month", columns: "Country", values: "Revenue", aggregate: .sum, fill: .double(0))
        expectFrame(wide, equals: try OpsFixtures.expectedFrame("pivotSum"))
    }

    @Test func meanWithoutFillLeavesEmptyCellsMissing() throws {
        let wide = try sales().pivot(index: ["Month"], columns: "Country", values: "Quantity", aggregate: .mean)
        expectFrame(wide, equals: try OpsFixtures.expectedFrame("pivotMean"))
    }

    @Test func meltUndoesThePivotAsPandas() throws {
        let wide = try OpsFixtures.expectedFrame("pivotSum")
        let long = try wide.melted(ids: ["Month"], variableName: "Country", valueName: "Revenue")
        expectFrame(long, equals: try OpsFixtures.expectedFrame("melt"))
    }

    @Test func meltMixesTypesAndEdgeCases() throws {
        let frame = try DataFrame(columns: [Column("id", ["a", "b"]), Column("n", [1, nil] as [Int?]), Column("x", [0.5, 2.0]), Column("t", ["u", "v"])])
        let numeric = try frame.melted(ids: ["id"], valueColumns: ["n", "x"])
        #expect(numeric.columnNames == ["id", "variable", "value"])
        #expect(try numeric["value", Double.self] == [1, nil, 0.5, 2])
        #expect(try numeric["variable", String.self] == ["n", "n", "x", "x"])
        #expect(try numeric["id", String.self] == ["a", "b", "a", "b"])
        let mixed = try frame.melted(ids: ["id"])
        #expect(try mixed["value", String.self] == ["1", nil, "0.5", "2", "u", "v"])
        #expect(try frame.melted(ids: ["id"], valueColumns: []).rowCount == 0)
        #expect(throws: TabularError.self) { try frame.melted(ids: ["nope"]) }
    }

    @Test func pivotEdgeCases() throws {
        let frame = try DataFrame(columns: [
            Column("r", ["x", "y", "x", nil] as [String?]), Column("c", [2, 1, 2, 1]), Column("v", [1, 2, 3, 4]),
        ])
        let wide = try frame.pivot(index: "r", columns: "c", values: "v", aggregate: .sum)
        #expect(wide.columnNames == ["r", "1", "2"])
        #expect(try wide["1", Int.self] == [nil, 2])
        #expect(try wide["2", Int.self] == [4, nil])
        let counted = try frame.pivot(index: "r", columns: "c", values: "v", aggregate: .size, fill: .integer(0))
        #expect(try counted["2", Int.self] == [2, 0])
        let empty = try frame.filter { _ in false }.pivot(index: "r", columns: "c", values: "v")
        #expect(empty.shape == (0, 1))
    }
}
