import Foundation
import Testing
@testable import Tabular

@Suite struct ColumnDateBucketTests {
    @Test(arguments: [("day", DateUnit.day), ("week", .week), ("month", .month)])
    func bucketsMatchPandas(fixture: String, unit: DateUnit) throws {
        let dates = try OpsFixtures.inputFrame()["InvoiceDate"].floored(to: unit)
        #expect(dates.type == .date)
        let texts = (0..<dates.count).map { dates[$0].description }
        #expect(texts == (try OpsFixtures.expectedValue(fixture).strings))
    }

    @Test func weeksStartOnMondayAndQuartersAndYears() throws {
        // 2011-01-02 is a Sunday, 2011-01-03 a Monday; 1969-12-31 (before the epoch) a Wednesday.
        let days = [CivilDate(year: 2011, month: 1, day: 2), CivilDate(year: 2011, month: 1, day: 3),
                    CivilDate(year: 1969, month: 12, day: 31), CivilDate(year: 2011, month: 8, day: 17)]
        let column = Column(name: "d", data: .date(days.map(\.daysSince1970) + [0], missing: MissingMask([false, false, false, false, true])))
        func texts(_ unit: DateUnit) throws -> [String] {
            let floored = try column.floored(to: unit)
            return (0..<floored.count).map { floored[$0].description }
        }
        #expect(try texts(.week) == ["2010-12-27", "2011-01-03", "1969-12-29", "2011-08-15", ""])
        #expect(try texts(.quarter) == ["2011-01-01", "2011-01-01", "1969-10-01", "2011-07-01", ""])
        #expect(try texts(.year) == ["2011-01-01", "2011-01-01", "1969-01-01", "2011-01-01", ""])
        let beforeEpoch = Column(name: "t", data: .dateTime([-1], missing: nil))
        #expect(try beforeEpoch.floored(to: .day)[0].description == "1969-12-31")
        #expect(throws: TabularError.self) { try Column("x", [1]).floored(to: .month) }
    }
}
