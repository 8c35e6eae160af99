import Foundation
import Testing
@testable import Tabular

@Suite struct ColumnArithmeticTests {
    @Test func revenueAndMasksMatchPandas() throws {
        let frame = try OpsFixtures.inputFrame()
        let revenue = try frame["Quantity"] * frame["UnitPrice"]
        #expect(revenue.type == .double)
        let expected = try OpsFixtures.expectedValue("revenue").array.compactMap(\.double)
        #expect(try Double.values(of: revenue).compactMap { $0 } == expected)   // one IEEE product each: exact

        let signs = try frame["Quantity"] / abs(frame["Quantity"])
        #expect(signs.type == .double)
        #expect(try Double.values(of: signs) == OpsFixtures.expectedValue("quantityPerPrice").array.map(\.double))

        let cancelled = try frame["InvoiceNo"].hasPrefix("C")
        #expect(try cancelled.maskFlags() == OpsFixtures.expectedValue("cancelled").array.compactMap(\.bool))
        let bigUK = try frame["Quantity"] > 10 && frame["Country"] == "United Kingdom"
        #expect(try bigUK.maskFlags() == OpsFixtures.expectedValue("bigUK").array.compactMap(\.bool))
        #expect(try frame["CustomerID"].isMissing().maskFlags() == OpsFixtures.expectedValue("customerMissing").array.compactMap(\.bool))
        let kept = try frame.filter(!cancelled)
        #expect(kept.rowCount == frame.rowCount - (try cancelled.maskFlags().filter { $0 }.count))
    }

    /// |x| written with the operators under test, so the fixture's `Quantity / |Quantity|` is built here too.
    func abs(_ column: Column) throws -> Column {
        let negative = try (column < 0).cast(to: .integer)
        return try column * (1 - 2 * negative)
    }

    @Test func typesAndMissingPropagation() throws {
        let a = Column("a", [6, nil, 4, 9] as [Int?])
        let b = Column("b", [4, 2, 0, nil] as [Int?])
        let sum = try a + b
        #expect(sum.type == .integer)
        #expect(try Int.values(of: sum) == [10, nil, 4, nil])
        #expect(sum.name == "a")
        let ratio = try a / b
        #expect(ratio.type == .double)
        #expect(try Double.values(of: ratio) == [1.5, nil, .infinity, nil])
        #expect(try Int.values(of: a * 2) == [12, nil, 8, 18])
        #expect(try Double.values(of: a * 0.5) == [3, nil, 2, 4.5])
        #expect(try Int.values(of: 10 - a) == [4, nil, 6, 1])
        #expect(try Int.values(of: -a) == [-6, nil, -4, -9])
        #expect(try Int.values(of: Column("big", [Int.max]) + 1) == [Int.min])   // wraps as NumPy's int64
        #expect(throws: TabularError.self) { try Column("t", ["x"]) + 1 }
        #expect(throws: TabularError.lengthMismatch(column: "c", expected: 4, actual: 1)) { try a + Column("c", [1]) }
    }

    @Test func dateArithmetic() throws {
        let days = Column(name: "d", data: .date([14_944, 14_950], missing: nil))
        let later = try days + 7
        #expect(later.type == .date)
        #expect(try Int.values(of: days - days) == [0, 0])
        #expect(try (later - days).type == .integer)
        #expect(throws: TabularError.self) { try days * 2 }
        #expect(throws: TabularError.self) { try days + 0.5 }
    }

    @Test func comparisonsWithMissingFollowPandas() throws {
        let x = Column("x", [1.0, nil, .nan, 3.0] as [Double?])
        #expect(try (x > 2).maskFlags() == [false, false, false, true])
        #expect(try (x == 1).maskFlags() == [true, false, false, false])
        #expect(try (x != 1).maskFlags() == [false, true, true, true])
        let s = Column("s", ["UK", nil, "France", "UK"] as [String?])
        #expect(try (s == "UK").maskFlags() == [true, false, false, true])
        #expect(try (s != "UK").maskFlags() == [false, true, true, false])
        #expect(try (s < "V").maskFlags() == [true, false, true, true])
        #expect(try (s == "Atlantis").maskFlags() == [false, false, false, false])
        #expect(throws: TabularError.self) { try s > 3 }
        #expect(throws: TabularError.self) { try x == "UK" }
        let dates = Column(name: "t", data: .dateTime([1_291_191_960, 1_293_840_000], missing: nil))
        #expect(try (dates >= CivilDate(year: 2011, month: 1, day: 1)).maskFlags() == [false, true])
        let n = Column("n", [1, 5, 3])
        #expect(try (n < Column("m", [2.0, 2.0, 3.0])).maskFlags() == [true, false, false])
        #expect(try n.elementsEqual(Column("m", [1, 2, 3])).maskFlags() == [true, false, true])
    }

    @Test func threeValuedMaskLogic() throws {
        let a = Column("a", [true, true, false, nil, nil, false] as [Bool?])
        let b = Column("b", [nil, true, nil, false, nil, true] as [Bool?])
        #expect(try Bool.values(of: a && b) == [nil, true, false, false, nil, false])
        #expect(try Bool.values(of: a || b) == [true, true, nil, nil, nil, true])
        #expect(try Bool.values(of: !a) == [false, false, true, nil, nil, true])
        #expect(try (a && b).maskFlags() == [false, true, false, false, false, false])
        #expect(throws: TabularError.self) { try a && Column("x", [1, 2, 3, 4, 5, 6]) }
    }

    @Test func fillMapCastAndText() throws {
        let ids = Column("CustomerID", [17850, nil, 12583] as [Int?])
        #expect(try Int.values(of: ids.fillingMissing(with: .integer(0))) == [17850, 0, 12583])
        #expect(throws: TabularError.self) { try ids.fillingMissing(with: .string("none")) }
        let prices = Column("p", [2.5, nil, .nan] as [Double?])
        #expect(try Double.values(of: prices.fillingMissing(with: .integer(0))) == [2.5, 0, 0])
        var country = Column("c", ["UK", nil] as [String?])
        try country.fillMissing(with: .string("Unknown"))
        #expect(try String.values(of: country) == ["UK", "Unknown"])

        #expect(try Int.values(of: ids.map(Int.self) { $0 / 100 }) == [178, nil, 125])
        #expect(try String.values(of: country.map(String.self) { $0.count > 2 ? nil : $0 }) == ["UK", nil])
        #expect(try Int.values(of: country.map(String.self) { $0.count }) == [2, 7])

        #expect(try ids.cast(to: .double).type == .double)
        #expect(try Int.values(of: Column("d", [2.9, -2.9, nil] as [Double?]).cast(to: .integer)) == [2, -2, nil])
        #expect(throws: TabularError.self) { try Column("d", [1e300]).cast(to: .integer) }
        let stamps = Column(name: "t", data: .dateTime([1_291_191_960, -1], missing: nil))
        #expect(try stamps.cast(to: .date) == Column(name: "t", data: .date([14_944, -1], missing: nil)))
        #expect(try String.values(of: ids.cast(to: .string)) == ["17850", nil, "12583"])
        #expect(try Int.values(of: Column("s", ["17850.0", "3"]).cast(to: .integer)) == [17850, 3])
        #expect(throws: TabularError.self) { try Column("s", ["12x"]).cast(to: .integer) }

        let invoices = Column("InvoiceNo", ["536365", "C536379", nil, " c1 "] as [String?])
        #expect(try invoices.hasPrefix("C").maskFlags() == [false, true, false, false])
        #expect(try invoices.trimmed().uppercased().hasPrefix("C").maskFlags() == [false, true, false, true])
        #expect(try invoices.contains("36").maskFlags() == [true, true, false, false])
        #expect(try invoices.isIn(["536365"]).maskFlags() == [true, false, false, false])
        #expect(try String.values(of: invoices.replacing("C", with: "")) == ["536365", "536379", nil, " c1 "])
        #expect(try Int.values(of: invoices.textLength()) == [6, 7, nil, 4])
        #expect(throws: TabularError.self) { try ids.hasPrefix("1") }
    }

    @Test func derivedColumnsReadAsEnglish() throws {
        let frame = try DataFrame(columns: [Column("Quantity", [2, 3]), Column("UnitPrice", [1.5, 2.0])])
        let priced = try frame.withColumn("Revenue") { try $0["Quantity"] * $0["UnitPrice"] }
        #expect(priced.columnNames == ["Quantity", "UnitPrice", "Revenue"])
        #expect(try priced["Revenue", Double.self] == [3, 6])
        let replaced = try priced.withColumn("Quantity", priced["Quantity"] * 10)
        #expect(try replaced["Quantity", Int.self] == [20, 30])
        #expect(throws: TabularError.duplicateColumn("Quantity")) { try frame.adding(Column("Quantity", [1, 2])) }
        #expect(try frame.adding(Column("x", [1, 2]), as: "Units").columnNames == ["Quantity", "UnitPrice", "Units"])
        #expect(throws: TabularError.self) { try frame.withColumn("Short", Column("x", [1])) }
        #expect(try frame.filter(frame["UnitPrice"] > 1.8)["Quantity", Int.self] == [3])
        #expect(try frame.removing("UnitPrice").columnNames == ["Quantity"])
    }
}
