import Forecast
import Foundation
import Tabular
import Testing
@testable import Inventory

@Suite struct DemandAggregatesTests {
    /// Monday 2023-01-02; 104 weeks of data, the last 8 held out.
    static let monday = CivilDate(year: 2023, month: 1, day: 2).daysSince1970
    static let locations = [
        Location(name: "L1", region: "North", kind: .store, latitude: 0, longitude: 0, capacity: 10),
        Location(name: "L2", region: "South", kind: .store, latitude: 0, longitude: 0, capacity: 10),
    ]
    static let gifts = ["G1", "G2", "G3", "G4"], staples = ["S1", "S2", "S3"]

    /// A December peak (about 2.5× at its top) on a flat year.
    static func giftShape(_ week: Int) -> Double {
        let day = Double(monday + 7 * week) + 3.5
        let dayOfYear = (day / 365.25 - floor(day / 365.25)) * 365.25
        let distance = min(abs(dayOfYear - 354), 365.25 - abs(dayOfYear - 354))
        return 1 + 1.5 * exp(-0.5 * pow(distance / 12, 2))
    }

    /// One row per SKU, location and week, on a weekday that depends on the SKU; gifts follow
    /// ``giftShape(_:)`` and staples are flat, each with a small deterministic wobble.
    static func transactions() throws -> DataFrame {
        var days: [Int] = [], skus: [String] = [], categories: [String] = [], quantities: [Double] = [], places: [String] = []
        for week in 0..<104 {
            for (s, sku) in (gifts + staples).enumerated() {
                for (l, location) in ["L1", "L2"].enumerated() {
                    let base = Double(10 + 4 * s + 3 * l)
                    let shape = s < gifts.count ? giftShape(week) : 1
                    let wobble = 1 + 0.04 * Double((week * 7 + s * 3 + l) % 5 - 2)
                    days.append(monday + 7 * week + s % 7)
                    skus.append(sku)
                    categories.append(s < gifts.count ? "Gift" : "Staple")
                    quantities.append((base * shape * wobble).rounded())
                    places.append(location)
                }
            }
        }
        return try DataFrame(columns: [
            Column(name: "date", data: .date(days, missing: nil)), Column("sku", skus), Column("category", categories),
            Column("quantity", quantities), Column("unit_price", quantities.map { _ in 1.0 }), Column("revenue", quantities),
            Column("location", places),
        ])
    }

    static func build() throws -> (DataFrame, PlanningCalendar, DemandAggregates) {
        let frame = try transactions()
        let calendar = try PlanningCalendar(transactions: frame, horizon: 8)
        return (frame, calendar, try DemandAggregates(transactions: frame, calendar: calendar, locations: locations))
    }

    @Test func aggregatesSumTheTrainingWeeksAtEachLevel() throws {
        let (frame, calendar, aggregates) = try Self.build()
        #expect(calendar.trainingWeeks == 96)
        #expect(aggregates.weeks == 96 && aggregates.firstWeekStart == Self.monday)
        #expect(aggregates.units.count == 1 + 2 + 4)
        let quantities = try frame.doubles("quantity"), skus = try frame["sku", String.self], places = try frame["location", String.self]
        let network = try #require(aggregates.units[.init(level: .network, category: "all", region: "all")])
        let giftNorth = try #require(aggregates.units[.init(level: .categoryRegion, category: "Gift", region: "North")])
        let staple = try #require(aggregates.units[.init(level: .category, category: "Staple", region: "all")])
        // Rows are in week order, 14 per week.
        for week in [0, 50, 95] {
            let rows = (14 * week)..<(14 * week + 14)
            #expect(network[week] == rows.reduce(0) { $0 + quantities[$1] })
            #expect(giftNorth[week] == rows.filter { skus[$0]!.hasPrefix("G") && places[$0] == "L1" }.reduce(0) { $0 + quantities[$1] })
            #expect(staple[week] == rows.filter { skus[$0]!.hasPrefix("S") }.reduce(0) { $0 + quantities[$1] })
        }
        #expect(aggregates.categoryOf["G3"] == "Gift" && aggregates.categoryOf["S1"] == "Staple")
        #expect(aggregates.key(.categoryRegion, for: DemandSeriesKey(sku: "G1")) == nil)  // not split by region
        #expect(aggregates.key(.category, for: DemandSeriesKey(sku: "unknown")) == nil)
    }

    @Test func profilesSeeTheGiftPeakAndNoStaplePeak() throws {
        let (_, _, aggregates) = try Self.build()
        #expect(aggregates.failures.isEmpty)
        let gift = try #require(aggregates.profiles[.init(level: .category, category: "Gift", region: "all")])
        let staple = try #require(aggregates.profiles[.init(level: .category, category: "Staple", region: "all")])
        let december = Self.monday + 7 * 50   // the week of 18 December 2023
        let june = Self.monday + 7 * 24
        #expect(gift.factor(weekStartingOn: december) / gift.factor(weekStartingOn: june) > 2)
        #expect(abs(staple.factor(weekStartingOn: december) / staple.factor(weekStartingOn: june) - 1) < 0.1)
    }

    @Test func aSeriesIsAdjustedByItsAggregateWithoutItself() throws {
        let (frame, calendar, aggregates) = try Self.build()
        let demand = try DemandSeriesSet(transactions: frame, calendar: calendar, level: .skuLocation, selection: .top(7), locations: Self.locations)
        let series = try #require(demand.series.first { $0.key.sku == "G1" && $0.key.location == "L1" })
        let key = try #require(aggregates.key(.categoryRegion, for: series.key))
        let whole = try #require(aggregates.profiles[key])
        let rest = zip(try #require(aggregates.units[key]), series.units).map { $0 - $1 }
        let expected = try SeasonalProfile(aggregate: rest, firstWeekStart: Self.monday, harmonics: whole.harmonics)
        #expect(aggregates.profile(.categoryRegion, for: series) == expected)
        #expect(aggregates.profile(.categoryRegion, for: series) != whole)
        // A series shifted off the aggregates' weeks gets the whole aggregate's profile.
        let shifted = DemandSeries(key: series.key, start: CivilDate(days: Self.monday + 7), units: series.units)
        #expect(aggregates.profile(.categoryRegion, for: shifted) == whole)
    }

    @Test func seriesThatFollowTheirGroupChooseAProfileAndForecastTheDecemberPeak() throws {
        let (frame, calendar, aggregates) = try Self.build()
        let demand = try DemandSeriesSet(transactions: frame, calendar: calendar, level: .skuLocation, selection: .top(7), locations: Self.locations)
        let planner = DemandForecast(horizon: 8, origins: 3, step: 4)
        let gifts = demand.series.filter { $0.key.sku.hasPrefix("G") }
        #expect(gifts.count == 8)
        let names = planner.candidateNames(for: gifts[0], aggregates: aggregates)
        #expect(names == ["Naive", "AutoETS", "auto-ARIMA", "AutoETS × category-region", "AutoETS × category", "AutoETS × network"])
        #expect(planner.candidateNames(for: gifts[0], aggregates: nil) == ["Naive", "AutoETS", "auto-ARIMA"])
        let results = try planner.run(gifts, aggregates: aggregates)
        for result in results {
            #expect(result.chosen.contains("×"), "\(result.series.key): \(result.chosen)")
            #expect(result.model.contains("×"))
            // The held-out weeks run from 4 November to 29 December 2024; the peak is in the
            // seventh (16 December), the first is flat.
            #expect(result.forecast.mean[6] > 1.8 * result.forecast.mean[0], "\(result.series.key)")
        }
        // Without aggregates the same series get the plain candidates only, blind to December.
        let plain = try planner.run(Array(gifts.prefix(2)))
        #expect(plain.allSatisfy { !$0.chosen.contains("×") && $0.forecast.mean[6] < 1.3 * $0.forecast.mean[0] })
        let accuracy = try planner.accuracyFrame(results)
        #expect(accuracy.contains(column: "mase_autoets_category_region") && accuracy.contains(column: "mase_sba_network"))
        #expect(try accuracy.doubles("mase_autoets_network").allSatisfy(\.isFinite))
    }

    @Test func withoutCategoriesOnlyTheNetworkLevelExists() throws {
        var frame = try Self.transactions()
        try frame.remove(column: "category")
        let calendar = try PlanningCalendar(transactions: frame, horizon: 8)
        let aggregates = try DemandAggregates(transactions: frame, calendar: calendar, locations: Self.locations)
        #expect(aggregates.units.keys.map(\.level) == [.network])
        let series = DemandSeries(key: DemandSeriesKey(sku: "G1", location: "L1", region: "North"), start: calendar.firstWeek,
                                  units: [Double](repeating: 1, count: 96))
        #expect(DemandForecast(horizon: 8).candidateNames(for: series, aggregates: aggregates).last == "AutoETS × network")
    }
}
