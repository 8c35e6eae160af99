import Foundation
import Testing
@testable import Tabular

@Suite struct DataFrameTests {
    let frame = try! DataFrame(columns: [
        Column("Country", ["UK", "France", "UK", nil]),
        Column("Quantity", [6, nil, 2, 4] as [Int?]),
        Column("Price", [2.55, 3.39, nil, 1.0] as [Double?]),
    ])

    @Test func shapeAndTypedAccess() throws {
        #expect(frame.shape == (4, 3))
        #expect(try frame["Quantity", Int.self] == [6, nil, 2, 4])
        #expect(try frame["Quantity", Double.self] == [6, nil, 2, 4])
        #expect(try frame["Country", String.self] == ["UK", "France", "UK", nil])
        #expect(try frame["Price"].missingCount == 1)
        #expect(try frame["Country"][3] == .missing)
    }

    @Test func missingColumnNamesTheAlternatives() {
        #expect(throws: TabularError.missingColumn("Qty", available: ["Country", "Quantity", "Price"])) {
            try frame.column("Qty")
        }
        #expect(throws: TabularError.self) { try frame["Country", Int.self] }
    }

    @Test func appendChecksLengthAndName() {
        var copy = frame
        #expect(throws: TabularError.lengthMismatch(column: "X", expected: 4, actual: 1)) { try copy.append(Column("X", [1])) }
        #expect(throws: TabularError.duplicateColumn("Price")) { try copy.append(Column("Price", [1, 2, 3, 4])) }
    }

    @Test func rowsHeadTailFilter() throws {
        #expect(try frame.head(2)["Quantity", Int.self] == [6, nil])
        #expect(try frame.tail(1)["Country", String.self] == [nil])
        #expect(frame.head(10).rowCount == 4)
        #expect(frame.tail(0).rowCount == 0)
        let filtered = try frame.filter([true, false, true, false])
        #expect(try filtered["Price", Double.self] == [2.55, nil])
        let gathered = frame.rows([2, -1, 0])
        #expect(try gathered["Country", String.self] == ["UK", nil, "UK"])
        #expect(try gathered["Quantity", Int.self] == [2, nil, 6])
    }

    @Test func emptyFrame() throws {
        let empty = DataFrame()
        #expect(empty.shape == (0, 0))
        #expect(empty.head().rowCount == 0)
        let noRows = frame.filter { _ in false }
        #expect(noRows.shape == (0, 3))
        #expect(try noRows["Country", String.self] == [])
    }

    @Test func factorizeNumbersByFirstAppearance() throws {
        #expect(try frame["Country"].factorized() == Factorization(codes: [0, 1, 0, -1], firstRows: [0, 1]))
        let doubles = Column("x", [0.0, -0.0, .nan, 1.5, 0.0])
        #expect(doubles.factorized().codes == [0, 0, -1, 1, 0])
        let wide = Column("id", [1_000_000_000, 5, 1_000_000_000, -7])
        #expect(wide.factorized().codes == [0, 1, 0, 2])
        let combined = try frame["Country"].factorized().combined(with: Column("k", [1, 1, 1, 2]).factorized())
        #expect(combined.codes == [0, 1, 0, -1])
    }

    @Test func wholeNumberDoublesFactorizeByValue() {
        // Identifiers read as `17850.0` take the integer path; anything else hashes bit patterns.
        let ids = Column("CustomerID", [17850.0, 12583.0, .nan, 17850.0, -0.0, 0.0] as [Double?])
        #expect(ids.factorized() == Factorization(codes: [0, 1, -1, 0, 2, 2], firstRows: [0, 1, 4]))
        let missing = Column("CustomerID", [nil, 3.0, nil] as [Double?])
        #expect(missing.factorized().codes == [-1, 0, -1])
        let huge = Column("x", [1e300, 1e300, 2.0])
        #expect(huge.factorized().codes == [0, 0, 1])
    }

    @Test func civilDatesRoundTrip() {
        #expect(CivilDate(year: 2010, month: 12, day: 1).daysSince1970 == 14_944)
        #expect(CivilDate(days: 14_944) == CivilDate(year: 2010, month: 12, day: 1))
        #expect(CivilDate(days: -1).description == "1969-12-31")
        #expect(CivilDate(year: 2024, month: 2, day: 29).weekday == 3)  // a Thursday
        #expect(CivilDate.dateTimeString(seconds: 1_291_191_960) == "2010-12-01 08:26:00")
        #expect(!CivilDate.isValid(year: 2011, month: 2, day: 29))
        for days in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CivilDate(days: days).daysSince1970 == days)
        }
    }
}
