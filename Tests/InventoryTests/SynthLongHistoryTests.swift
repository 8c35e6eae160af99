import Testing
import Tabular
@testable import Inventory

/// A longer history than the sample's two years keeps the generator's yearly pattern: every year
/// has its Christmas peak, and the world starts and ends on the days asked for.
@Suite struct SynthLongHistoryTests {
    /// Three years and a quarter of whole weeks from Monday 2022-01-03, a small world.
    static let configuration = SyntheticWorld.Configuration(
        seed: 11, customers: 500, start: CivilDate(year: 2022, month: 1, day: 3), days: 170 * 7)
    static let world = SyntheticWorld(configuration: configuration)

    @Test func salesSpanTheDaysAskedFor() {
        let first = Self.configuration.start.daysSince1970
        let sales = Self.world.sales
        #expect(sales.day.first.map { $0 - first }.map { (0..<7).contains($0) } == true)
        #expect(sales.day.last.map { first + Self.configuration.days - 1 - $0 }.map { (0..<7).contains($0) } == true)
        #expect(sales.day.allSatisfy { $0 >= first && $0 < first + Self.configuration.days })
    }

    @Test(arguments: [2022, 2023, 2024])
    func everyYearHasAChristmasPeak(year: Int) {
        var unitsByDay: [Int: Double] = [:]
        let sales = Self.world.sales
        for row in 0..<sales.count { unitsByDay[sales.day[row], default: 0] += Double(sales.quantity[row]) }
        func mean(from start: CivilDate, days: Int) -> Double {
            (0..<days).map { unitsByDay[start.daysSince1970 + $0] ?? 0 }.reduce(0, +) / Double(days)
        }
        let runUp = mean(from: CivilDate(year: year, month: 12, day: 10), days: 14)
        let autumn = mean(from: CivilDate(year: year, month: 9, day: 1), days: 30)
        #expect(runUp > 1.3 * autumn, "the Christmas run-up of \(year) outsells its September")
    }

    /// The default configuration is untouched by the longer-history option: the sample still starts
    /// on 2023-01-01 and lasts 731 days.
    @Test func defaultsAreTheSample() {
        let defaults = SyntheticWorld.Configuration(seed: 42)
        #expect(defaults.start == CivilDate(year: 2023, month: 1, day: 1))
        #expect(defaults.days == 731)
    }
}
