import Foundation
import Tabular
import Testing
@testable import Inventory

/// The manifest keys the forecasting stage reads: a transactions-only manifest, `measure`,
/// `week_start`, an absent `unit_price`, and `[[events]]`.
@Suite struct ForecastingManifestTests {
    static let transactionsOnly = """
    [transactions]
    path = "transactions.csv"
    date = "date"
    sku = "sku"
    quantity = "quantity"
    """

    @Test func transactionsAloneAreEnoughUntilAllocation() throws {
        let folder = try ManifestFolder()
        let manifest = try folder.parse(Self.transactionsOnly)
        #expect(manifest.regions.isEmpty && manifest.locations.isEmpty && manifest.costs == nil)
        #expect(manifest.transactions.columns.unitPrice == nil)
        #expect(manifest.transactions.measure == "units")
        #expect(manifest.transactions.weekStart == nil)
        #expect(manifest.events.isEmpty)
        let error = try #require(throws: ManifestError.self) { try manifest.requireAllocationInputs() }
        #expect(error.key == "regions")
        #expect(error.description.contains("dataset.toml: regions: missing key"))

        // Regions and locations but no costs: the costs are named.
        let noCosts = try folder.parse(validManifest.components(separatedBy: "[costs]")[0]
            + "[[regions]]\nname = \"West\"\nlatitude = 1\nlongitude = 2\n"
            + "[[locations]]\nname = \"S\"\nregion = \"West\"\nkind = \"store\"\nlatitude = 1\nlongitude = 2\ncapacity = 5\n")
        let costs = try #require(throws: ManifestError.self) { try noCosts.requireAllocationInputs() }
        #expect(costs.key == "costs")
        #expect(throws: ManifestError.self) { try CostTable(manifest: noCosts) }
        #expect(try folder.parse(validManifest).requireAllocationInputs().holdingRate == 0.2)
    }

    @Test func datasetWithoutPricesCountsEveryUnitAtOne() throws {
        let folder = try ManifestFolder(files: ["transactions.csv": "date,sku,quantity\n2024-01-05,A,3\n2024-01-12,A,4\n"])
        let dataset = try Dataset(contentsOf: { _ = try folder.parse(Self.transactionsOnly); return folder.manifestURL }())
        #expect(!dataset.hasPrices)
        #expect(try dataset.transactions.doubles("unit_price") == [1, 1])
        #expect(try dataset.transactions.doubles("revenue") == [3, 4])
    }

    @Test func measureAndWeekStartAreRead() throws {
        let folder = try ManifestFolder()
        let text = Self.transactionsOnly + "\nmeasure = \"sales\"\nweek_start = \"Friday\"\n"
        let manifest = try folder.parse(text)
        #expect(manifest.transactions.measure == "sales")
        #expect(manifest.transactions.weekStart == .friday)
        let bad = try folder.error(Self.transactionsOnly + "\nweek_start = \"someday\"\n")
        #expect(bad.key == "transactions.week_start")
        #expect(bad.description.contains("'friday'"))
        let empty = try folder.error(Self.transactionsOnly + "\nmeasure = \" \"\n")
        #expect(empty.key == "transactions.measure")
    }

    @Test func eventsAreParsedAndExposed() throws {
        let folder = try ManifestFolder()
        let manifest = try folder.parse(Self.transactionsOnly + """

            [[events]]
            name = "black_friday"
            dates = ["2011-11-25", "2010-11-26", "2011-11-25"]
            days_after = 3

            [[events]]
            name = "christmas"
            dates = ["2010-12-25"]
            days_before = 7
            """)
        #expect(manifest.events.map(\.name) == ["black_friday", "christmas"])
        let friday = manifest.events[0]
        #expect(friday.dates == [CivilDate(year: 2010, month: 11, day: 26), CivilDate(year: 2011, month: 11, day: 25)])
        #expect(friday.daysBefore == 0 && friday.daysAfter == 3)
        #expect(friday.covers(CivilDate(year: 2011, month: 11, day: 28)))
        #expect(!friday.covers(CivilDate(year: 2011, month: 11, day: 29)))
        #expect(!friday.covers(CivilDate(year: 2011, month: 11, day: 24)))
        // The week from Monday 2010-11-22: Friday 26 to Sunday 28 are event days.
        #expect(friday.days(inWeekStarting: CivilDate(year: 2010, month: 11, day: 22)) == 3)
        #expect(manifest.events[1].covers(CivilDate(year: 2010, month: 12, day: 18)))
    }

    @Test(arguments: [
        ("name = \"x\"\n", "events[0].dates"),
        ("name = \"x\"\ndates = []\n", "events[0].dates"),
        ("name = \"x\"\ndates = \"2011-01-01\"\n", "events[0].dates"),
        ("name = \"x\"\ndates = [\"2011-02-30\"]\n", "events[0].dates[0]"),
        ("name = \"x\"\ndates = [\"2011-01-01\", \"1/2/2011\"]\n", "events[0].dates[1]"),
        ("name = \"x\"\ndates = [\"2011-01-01\"]\ndays_before = -1\n", "events[0].days_before"),
        ("name = \"x\"\ndates = [\"2011-01-01\"]\ndays_after = 1.5\n", "events[0].days_after"),
        ("name = \"x\"\ndates = [\"2011-01-01\"]\nweeks = 2\n", "events[0].weeks"),
        ("dates = [\"2011-01-01\"]\n", "events[0].name"),
    ])
    func badEventsNameTheirKey(body: String, key: String) throws {
        let folder = try ManifestFolder()
        let error = try folder.error(Self.transactionsOnly + "\n[[events]]\n" + body)
        #expect(error.key == key, "\(error)")
        #expect(error.description.hasPrefix("\(folder.manifestURL.relativePath): \(key):"))
    }

    @Test func duplicateEventsAreErrors() throws {
        let folder = try ManifestFolder()
        let event = "\n[[events]]\nname = \"x\"\ndates = [\"2011-01-01\"]\n"
        #expect(try folder.error(Self.transactionsOnly + event + event).key == "events[1].name")
    }

    @Test func weekdayNames() {
        #expect(Weekday(name: "fri") == .friday)
        #expect(Weekday(name: "SUNDAY") == .sunday)
        #expect(Weekday(name: "fr") == nil)
        #expect(Weekday(CivilDate(year: 2024, month: 1, day: 5)) == .friday)
        #expect(Weekday.friday.weekEnd == .thursday)
        #expect(Weekday.monday.weekEnd == .sunday)
        #expect(Weekday.friday.offset(ofWeekday: Weekday.monday.rawValue) == 3)
    }
}
