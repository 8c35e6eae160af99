import Foundation
import Testing
@testable import Tabular

@Suite struct DataFrameJoinTests {
    @Test(arguments: JoinKind.allCases)
    func manyToOneOnTextMatchesPandas(kind: JoinKind) throws {
        let lines = try OpsFixtures.expectedFrame("joinLines")
        let regions = try OpsFixtures.expectedFrame("joinRegions")
        let joined = try lines.joined(regions, on: "Country", kind: kind, validate: .manyToOne)
        expectFrame(joined, equals: try OpsFixtures.expectedFrame("join_\(kind.rawValue)"))
    }

    @Test func oneToOneOnIntegersMatchesPandas() throws {
        let first = try OpsFixtures.expectedFrame("joinFirstHalf")
        let second = try OpsFixtures.expectedFrame("joinSecondHalf")
        expectFrame(try first.joined(second, on: "CustomerID", kind: .outer, validate: .oneToOne),
                    equals: try OpsFixtures.expectedFrame("join_outer_customers"))
        expectFrame(try first.joined(second, on: "CustomerID", kind: .inner, validate: .oneToOne),
                    equals: try OpsFixtures.expectedFrame("join_inner_customers"))
    }

    @Test func manyToManyMatchesPandas() throws {
        let a = try OpsFixtures.expectedFrame("mmLeft")
        let b = try OpsFixtures.expectedFrame("mmRight")
        expectFrame(try a.joined(b, on: "StockCode", kind: .left), equals: try OpsFixtures.expectedFrame("join_mm_left"))
        expectFrame(try a.joined(b, on: ["StockCode", "Country"], kind: .left),
                    equals: try OpsFixtures.expectedFrame("join_two_keys_left"))
        // pandas orders the inner many-to-many rows differently from its left join (a key's extra
        // matches come later), so compare the rows as a set.
        let inner = try a.joined(b, on: "StockCode", kind: .inner)
        let expected = try OpsFixtures.expectedFrame("join_mm_inner")
        #expect(inner.columnNames == expected.columnNames)
        #expect(sortedRowTexts(inner) == sortedRowTexts(expected))
    }

    @Test func noMatches() throws {
        let lines = try OpsFixtures.expectedFrame("joinLines")
        let nowhere = try OpsFixtures.expectedFrame("noMatchRight")
        let inner = try lines.joined(nowhere, on: "Country")
        #expect(inner.rowCount == 0)
        expectFrame(inner, equals: try OpsFixtures.expectedFrame("join_nomatch_inner"))
        let left = try lines.joined(nowhere, on: "Country", kind: .left)
        expectFrame(left, equals: try OpsFixtures.expectedFrame("join_nomatch_left"))
        #expect(try left["Region"].missingCount == lines.rowCount)
    }

    @Test func cardinalityErrorsNameTheKeys() throws {
        let left = try DataFrame(columns: [Column("k", ["a", "b", "a", "c", "c"]), Column("x", [1, 2, 3, 4, 5])])
        let right = try DataFrame(columns: [Column("k", ["a", "b"]), Column("y", [1.0, 2.0])])
        #expect(throws: TabularError.duplicateKeys(side: "left", keys: ["a", "c"], total: 2)) {
            try left.joined(right, on: "k", validate: .oneToOne)
        }
        #expect(throws: TabularError.duplicateKeys(side: "left", keys: ["a", "c"], total: 2)) {
            try left.joined(right, on: "k", validate: .oneToMany)
        }
        #expect(throws: Never.self) { try left.joined(right, on: "k", validate: .manyToOne) }
        #expect(throws: TabularError.duplicateKeys(side: "right", keys: ["(a, 1)"], total: 1)) {
            let twoKeys = try left.withColumn("n", Column("n", [1, 1, 1, 1, 2]))
            return try right.withColumn("n", Column("n", [1, 1])).joined(twoKeys, on: ["k", "n"], validate: .oneToOne)
        }
    }

    @Test func keysOfDifferentTypes() throws {
        let ints = try DataFrame(columns: [Column("k", [1, 2, 3]), Column("x", ["a", "b", "c"])])
        let doubles = try DataFrame(columns: [Column("k", [2.0, 3.5]), Column("y", [true, false])])
        let joined = try ints.joined(doubles, on: "k", kind: .left)
        #expect(try joined["y", Bool.self] == [nil, true, nil])
        let text = try DataFrame(columns: [Column("k", ["1"]), Column("z", [0])])
        #expect(throws: TabularError.self) { try ints.joined(text, on: "k") }
        #expect(throws: TabularError.self) { try ints.joined(doubles, on: "x") }
    }

    @Test func missingKeysNeverMatchAndOuterListsThemLast() throws {
        let left = try DataFrame(columns: [Column("k", ["b", nil, "a"] as [String?]), Column("x", [1, 2, 3])])
        let right = try DataFrame(columns: [Column("k", [nil, "a", "c"] as [String?]), Column("y", [10, 20, 30])])
        let inner = try left.joined(right, on: "k")
        #expect(try inner["x", Int.self] == [3])
        let outer = try left.joined(right, on: "k", kind: .outer)
        #expect(try outer["k", String.self] == ["a", "b", "c", nil, nil])
        #expect(try outer["x", Int.self] == [3, 1, nil, 2, nil])
        #expect(try outer["y", Int.self] == [20, nil, 30, nil, 10])
    }

    @Test func suffixesAndEmptySides() throws {
        let left = try DataFrame(columns: [Column("k", [1, 2]), Column("v", [1, 2])])
        let right = try DataFrame(columns: [Column("k", [2]), Column("v", [5])])
        let joined = try left.joined(right, on: "k", kind: .left, suffixes: ("_left", "_right"))
        #expect(joined.columnNames == ["k", "v_left", "v_right"])
        #expect(try joined["v_right", Int.self] == [nil, 5])
        let empty = try DataFrame(columns: [Column("k", [Int]()), Column("w", [Double]())])
        #expect(try left.joined(empty, on: "k").rowCount == 0)
        #expect(try left.joined(empty, on: "k", kind: .left)["w", Double.self] == [nil, nil])
        #expect(try empty.joined(left, on: "k", kind: .outer)["k", Int.self] == [1, 2])
    }
}
