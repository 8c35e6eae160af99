import Tabular
import Foundation
import Testing
@testable import Plot

@Suite struct ExtendedTicksTests {
    /// Worked by hand from Talbot et al.'s scoring: step 25 (q = 2.5) gives five ticks and full coverage,
    /// beating step 20's six ticks.
    @Test func zeroToHundredInFiveTicks() {
        #expect(ExtendedTicks.ticks(from: 0, to: 100, count: 5) == [0, 25, 50, 75, 100])
    }

    @Test func decimalsComeOutExact() {
        #expect(ExtendedTicks.ticks(from: 0, to: 1, count: 5) == [0, 0.25, 0.5, 0.75, 1])
        #expect(ExtendedTicks.ticks(from: 3.7, to: 9.2, count: 6) == [4, 5, 6, 7, 8, 9])
    }

    @Test(arguments: [
        (0.0, 100.0, 5), (-31.0, 27.0, 5), (0.001, 0.0123, 5), (0.0, 2_345_678.0, 6), (-5e-7, 3e-7, 4),
        (1e9, 1e9 + 3, 5), (17.0, 23.0, 8), (-1e12, 5e12, 6), (2.5, 2.6, 3),
    ])
    func ticksAreNiceEvenlySpacedAndNearTheData(lower: Double, upper: Double, count: Int) throws {
        let count: Int = count
        let ticks = ExtendedTicks.ticks(from: lower, to: upper, count: count)
        #expect(ticks.count >= 2 && ticks.count <= 2 * count + 1)
        let step = ticks[1] - ticks[0]
        #expect(step > 0)
        for (a, b) in zip(ticks, ticks.dropFirst()) {
            #expect(abs((b - a) - step) <= 1e-9 * max(abs(a), abs(b), step))
        }
        // The step is 1, 2, 2.5, 3, 4 or 5 times a power of ten (Q of the extended algorithm).
        let mantissa = step / pow(10, floor(log10(step)))
        #expect([1, 2, 2.5, 3, 4, 5, 10].contains { abs($0 - mantissa) < 1e-6 })
        // Coverage: the ticks span most of the data and reach at most one step beyond it.
        let span = upper - lower
        #expect(ticks.first! <= lower + 0.35 * span && ticks.last! >= upper - 0.35 * span)
        #expect(ticks.first! >= lower - step && ticks.last! <= upper + step)
    }

    @Test func onlyLooseTicksEncloseTheData() {
        let ticks = ExtendedTicks.ticks(from: 3.2, to: 97.1, count: 5, onlyLoose: true)
        #expect(ticks.first! <= 3.2 && ticks.last! >= 97.1)
    }

    @Test func degenerateRangesStillGiveTicks() {
        #expect(ExtendedTicks.ticks(from: 5, to: 5, count: 5).contains(5))
        #expect(ExtendedTicks.ticks(from: 0, to: 0, count: 5).contains(0))
        #expect(ExtendedTicks.ticks(from: .nan, to: 1, count: 5) == ExtendedTicks.ticks(from: 0, to: 1, count: 5))
        #expect(ExtendedTicks.ticks(from: 10, to: 0, count: 5) == ExtendedTicks.ticks(from: 0, to: 10, count: 5))
    }
}

@Suite struct LogTicksTests {
    @Test func manyDecadesArePowersOfTen() {
        #expect(LogTicks.ticks(from: 1, to: 1e6, count: 8) == [1, 10, 100, 1000, 10_000, 100_000, 1_000_000])
        #expect(LogTicks.ticks(from: 1, to: 1e12, count: 5) == [1, 1e3, 1e6, 1e9, 1e12])
    }

    @Test func aNarrowRangeAddsTwosAndFives() {
        #expect(LogTicks.ticks(from: 4, to: 300, count: 8) == [5, 10, 20, 50, 100, 200])
    }

    @Test func nonPositiveBoundsFallBack() {
        #expect(LogTicks.ticks(from: -1, to: 10, count: 5) == LogTicks.ticks(from: 1, to: 10, count: 5))
    }
}

@Suite struct NumberFormatTests {
    @Test func automaticGroupsThousandsThenCompacts() {
        #expect(NumberFormat.automatic.labels(for: [0, 2500, 5000, 7500]) == ["0", "2,500", "5,000", "7,500"])
        #expect(NumberFormat.automatic.labels(for: [0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000])
            == ["0", "250k", "500k", "750k", "1M", "1.25M"])
        #expect(NumberFormat.automatic.labels(for: [0, 0.25, 0.5]) == ["0.00", "0.25", "0.50"])
    }

    @Test func currencyPercentAndNegatives() {
        #expect(NumberFormat.currency("£").labels(for: [-1e6, 0, 1.5e6, 3e9]) == ["−£1M", "£0", "£1.5M", "£3B"])
        #expect(NumberFormat.currency("$").labels(for: [0, 500, 1000]) == ["$0", "$500", "$1,000"])
        #expect(NumberFormat.percent.labels(for: [0, 0.05, 0.125]) == ["0.0%", "5.0%", "12.5%"])
        #expect(NumberFormat.compact.labels(for: [1200, 3_400_000]) == ["1.2k", "3.4M"])
    }

    @Test func singleValuesKeepThreeSignificantDigits() {
        #expect(NumberFormat.automatic.string(12_345.6) == "12.3k")
        #expect(NumberFormat.compact.string(1_234_567) == "1.23M")
        #expect(NumberFormat.currency("£").string(8_000_000) == "£8M")
        #expect(NumberFormat.automatic.string(0.123456) == "0.12")
        #expect(NumberFormat.plain(decimals: 1).string(2.25) == "2.2" || NumberFormat.plain(decimals: 1).string(2.25) == "2.3")
        #expect(NumberFormat.percent.string(0.8) == "80%")
    }

    @Test func nonFiniteValuesAreWrittenOut() {
        #expect(NumberFormat.automatic.labels(for: [.nan, .infinity, -.infinity]) == ["NaN", "∞", "−∞"])
    }
}

@Suite struct TimeTicksTests {
    static func seconds(_ year: Int, _ month: Int, _ day: Int) -> Double {
        CivilDate(year: year, month: month, day: day).secondsSinceEpoch
    }

    @Test func civilDatesRoundTrip() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).daysSince1970 == 0)
        #expect(CivilDate(year: 2011, month: 12, day: 9).daysSince1970 == 15_317)
        #expect(CivilDate(days: 15_317) == CivilDate(year: 2011, month: 12, day: 9))
        #expect(CivilDate(year: 2000, month: 2, day: 29).weekday == 1)  // a Tuesday
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(days: days).daysSince1970 == days)
        }
    }

    @Test func aYearGetsMonthTicksWithTheYearWhereItChanges() {
        let (values, interval) = TimeTicks.ticks(from: Self.seconds(2010, 12, 1), to: Self.seconds(2011, 12, 9), count: 14)
        #expect(interval == .months(1))
        #expect(values.first == Self.seconds(2010, 12, 1))
        let labels = TimeTicks.labels(for: values, interval: interval)
        #expect(labels.prefix(3) == ["Dec 2010", "Jan 2011", "Feb"])
    }

    @Test func fewerTicksStepByQuartersThenYears() {
        let quarters = TimeTicks.ticks(from: Self.seconds(2010, 12, 1), to: Self.seconds(2011, 12, 9), count: 5)
        #expect(quarters.interval == .months(3))
        #expect(TimeTicks.labels(for: quarters.values, interval: quarters.interval) == ["Jan 2011", "Apr", "Jul", "Oct"])
        let years = TimeTicks.ticks(from: Self.seconds(2001, 3, 1), to: Self.seconds(2011, 3, 1), count: 6)
        #expect(years.interval == .years(2))
        #expect(TimeTicks.labels(for: years.values, interval: years.interval) == ["2002", "2004", "2006", "2008", "2010"])
    }

    @Test func shortSpansGetDaysOrMondays() {
        let days = TimeTicks.ticks(from: Self.seconds(2011, 3, 1), to: Self.seconds(2011, 3, 8), count: 10)
        #expect(days.interval == .days(1))
        #expect(TimeTicks.labels(for: days.values, interval: days.interval).prefix(2) == ["1 Mar 2011", "2 Mar"])
        let weeks = TimeTicks.ticks(from: Self.seconds(2011, 3, 1), to: Self.seconds(2011, 5, 1), count: 10)
        #expect(weeks.interval == .weeks(1))
        #expect(weeks.values.allSatisfy { CivilDate(secondsSinceEpoch: $0).weekday == 0 })
    }
}

@Suite struct ScaleTests {
    @Test func linearMapsEndsAndMidpoints() {
        let scale = LinearScale(lower: 0, upper: 10, rangeStart: 500, rangeEnd: 100)
        #expect(scale.position(of: 0) == 500 && scale.position(of: 10) == 100 && scale.position(of: 5) == 300)
        #expect(scale.value(at: 300) == 5)
        #expect(scale.position(of: .nan).isNaN)
        #expect(LinearScale(lower: 3, upper: 3, rangeStart: 0, rangeEnd: 100).position(of: 3) == 50)
    }

    @Test func logPlacesDecadesEvenlyAndDropsNonPositives() {
        let scale = LogScale(lower: 1, upper: 1000, rangeStart: 0, rangeEnd: 300)
        #expect(abs(scale.position(of: 10) - 100) < 1e-9 && abs(scale.position(of: 100) - 200) < 1e-9)
        #expect(scale.position(of: 0).isNaN && scale.position(of: -5).isNaN)
    }

    @Test func bandsSplitTheRangeWithPadding() {
        let scale = BandScale(categories: ["a", "b", "c", "d"], rangeStart: 0, rangeEnd: 400, paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(scale.step - 400 / 4) < 1e-9)
        #expect(abs(scale.bandwidth - 80) < 1e-9)
        #expect(abs(scale.start(of: 0) - 10) < 1e-9)
        #expect(abs(scale.position(of: 3) - (10 + 300 + 40)) < 1e-9)
        let ticks = scale.ticks(count: 0, format: .automatic)
        #expect(ticks.map(\.label) == ["a", "b", "c", "d"])
    }

    @Test func timeScaleWidensAnEmptySpan() {
        let scale = TimeScale(lower: 1000, upper: 1000, rangeStart: 0, rangeEnd: 100)
        #expect(scale.position(of: 1000) == 50)
    }

    @Test func domainsIncludeZeroAndPadTheFreeEnds() {
        let bars = ScaleBuilder.linearDomain(NumericExtent(lower: 10, upper: 110, includesZero: true), limits: nil)
        #expect(bars.0 == 0 && abs(bars.1 - 115.5) < 1e-9)
        let lines = ScaleBuilder.linearDomain(NumericExtent(lower: 10, upper: 110), limits: nil)
        #expect(lines.0 == 5 && lines.1 == 115)
        let constant = ScaleBuilder.linearDomain(NumericExtent(lower: 50, upper: 50, padded: false), limits: nil)
        #expect(constant.0 == 45 && constant.1 == 55)
        let fixed = ScaleBuilder.linearDomain(NumericExtent(lower: 10, upper: 110), limits: 0...200)
        #expect(fixed.0 == 0 && fixed.1 == 200)
    }
}
