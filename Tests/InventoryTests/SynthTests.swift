import Foundation
import Testing
import Tabular
@testable import Inventory

/// FNV-1a over bytes: a stable fingerprint of generated text.
func fingerprint(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}

@Suite struct SynthTests {
    static let small = SyntheticWorld.Configuration(seed: 42, customers: 150, days: 90)
    /// A year of a mid-sized world, shared by the tests of aggregate behaviour.
    static let year = SyntheticWorld(configuration: .init(seed: 7, customers: 900, days: 366))

    @Test func sameSeedGivesIdenticalBytes() {
        let first = SyntheticWorld(configuration: Self.small).files()
        let second = SyntheticWorld(configuration: Self.small).files()
        #expect(first.map(\.name) == SyntheticWorld.fileNames)
        #expect(first.map(\.contents) == second.map(\.contents))
    }

    /// The fingerprint of the small world's files. It was recorded once from this generator; any
    /// machine, compiler or library that changes a single byte fails here (the generator uses only
    /// its own random stream, its own exp/log/cos and integer formatting).
    @Test func bytesAreTheSameOnEveryMachine() {
        let files = SyntheticWorld(configuration: Self.small).files()
        let combined = files.map { "\($0.name)\n\($0.contents)" }.joined()
        #expect(fingerprint(combined) == 492_923_694_480_608_955)
    }

    @Test func anotherSeedGivesAnotherWorld() {
        var other = Self.small
        other.seed = 43
        let first = SyntheticWorld(configuration: Self.small).transactionsCSV()
        let second = SyntheticWorld(configuration: other).transactionsCSV()
        #expect(first != second)
        #expect(fingerprint(first) != fingerprint(second))
    }

    @Test func worldHasTheDescribedShape() {
        let world = Self.year
        #expect(world.locations.filter { $0.kind == .store }.count == 12)
        #expect(world.locations.filter { $0.kind == .fulfillmentCenter }.count == 3)
        for name in ["Beverly Hills Gourmet", "South Beach", "Manhattan", "Chicago", "Seattle"] {
            #expect(world.locations.contains { $0.name == name })
        }
        #expect(Set(world.skus.map(\.category)) == Set(SyntheticCategory.allCases))
        #expect((150...300).contains(world.skus.count))
        #expect(Set(world.skus.map(\.id)).count == world.skus.count)
        #expect(world.skus.allSatisfy { $0.costCents < $0.priceCents && $0.volumeML > 0 && $0.shelfLifeDays > 0 })
        #expect(Set(world.customers.map(\.segment)) == Set(SyntheticSegment.allCases))
        #expect(world.stock.count == world.locations.count * world.skus.count)
        // Rows are in date order and invoices increase.
        #expect(zip(world.sales.day, world.sales.day.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(world.sales.invoice, world.sales.invoice.dropFirst()).allSatisfy { $0 <= $1 })
        // Stock never exceeds capacity.
        var held = [Int](repeating: 0, count: world.locations.count)
        for level in world.stock { held[level.location] += level.onHand }
        #expect(zip(held, world.locations).allSatisfy { $0 <= $1.capacity })
    }

    /// Revenue share of each category within each region.
    func categoryShares(_ world: SyntheticWorld, units: Bool = false) -> [[Double]] {
        var totals = [[Double]](repeating: [Double](repeating: 0, count: 6), count: world.regions.count)
        for row in 0..<world.sales.count {
            let category = world.skus[Int(world.sales.sku[row])].category.rawValue
            let amount = units ? Double(world.sales.quantity[row]) : Double(world.sales.quantity[row]) * Double(world.sales.priceCents[row])
            totals[Int(world.sales.region[row])][category] += amount
        }
        return totals.map { row in row.map { $0 / row.reduce(0, +) } }
    }

    @Test func regionsLeanToTheirCategories() {
        let shares = categoryShares(Self.year, units: true)
        let (west, east, north, south) = (0, 1, 2, 3)
        let luxuryAndWine = shares.map { $0[SyntheticCategory.luxury.rawValue] + $0[SyntheticCategory.wine.rawValue] }
        #expect(luxuryAndWine[west] > max(luxuryAndWine[east], luxuryAndWine[north], luxuryAndWine[south]))
        let specialty = shares.map { $0[SyntheticCategory.specialty.rawValue] }
        #expect(specialty[east] > max(specialty[west], specialty[north], specialty[south]))
        let produce = shares.map { $0[SyntheticCategory.produce.rawValue] }
        #expect(produce[south] > max(produce[west], produce[east], produce[north]))
    }

    @Test func holidaysShowInTheSales() {
        let world = Self.year
        var revenueByDay: [Int: Double] = [:]
        var storeLinesOnChristmas = 0
        for row in 0..<world.sales.count {
            let date = CivilDate(days: world.sales.day[row])
            revenueByDay[date.month * 100 + date.day, default: 0] += Double(world.sales.quantity[row] * world.sales.priceCents[row])
            if date.month == 12, date.day == 25, !world.sales.online[row] { storeLinesOnChristmas += 1 }
        }
        func mean(_ month: Int, _ days: ClosedRange<Int>) -> Double {
            days.map { revenueByDay[month * 100 + $0] ?? 0 }.reduce(0, +) / Double(days.count)
        }
        #expect(storeLinesOnChristmas == 0, "stores are closed on Christmas Day")
        #expect(mean(12, 10...23) > 1.8 * mean(9, 1...30), "the Christmas run-up outsells September")
        #expect(mean(2, 8...14) > 1.1 * mean(3, 1...31), "Valentine's week outsells March")
        // Thanksgiving 2023 was on November 23: the week before sells more specialty foods.
        #expect(HolidayEffects.thanksgivingDay(year: 2023) == 23)
        #expect(HolidayEffects.thanksgivingDay(year: 2024) == 28)
        #expect(mean(11, 16...22) > 1.3 * mean(11, 1...14))
    }

    @Test func stockIsDeliberatelyUnbalanced() {
        let world = Self.year
        let lastDay = world.configuration.start.daysSince1970 + world.configuration.days - 1
        var recent = [Double](repeating: 0, count: world.locations.count)
        for row in 0..<world.sales.count where world.sales.day[row] > lastDay - 56 {
            recent[Int(world.sales.location[row])] += Double(world.sales.quantity[row]) / 8
        }
        var held = [Double](repeating: 0, count: world.locations.count)
        for level in world.stock { held[level.location] += Double(level.onHand) }
        let cover = zip(held, recent).map { $0 / max(1, $1) }
        #expect(cover.max()! > 4 * cover.min()!, "weeks of cover differ widely between locations: \(cover)")
    }

    @Test func segmentsBehaveDifferently() {
        let world = Self.year
        var orders = [Set<Int>](repeating: [], count: SyntheticSegment.allCases.count)
        var online = [Int](repeating: 0, count: SyntheticSegment.allCases.count)
        var lines = [Int](repeating: 0, count: SyntheticSegment.allCases.count)
        var customers = [Int](repeating: 0, count: SyntheticSegment.allCases.count)
        for customer in world.customers { customers[customer.segment.rawValue] += 1 }
        for row in 0..<world.sales.count {
            let segment = world.customers[Int(world.sales.customer[row])].segment.rawValue
            orders[segment].insert(world.sales.invoice[row])
            lines[segment] += 1
            if world.sales.online[row] { online[segment] += 1 }
        }
        let onlineShare = (0..<5).map { Double(online[$0]) / Double(max(1, lines[$0])) }
        #expect(onlineShare[SyntheticSegment.onlineFirst.rawValue] > 0.6)
        #expect(onlineShare[SyntheticSegment.weeklyRegular.rawValue] < 0.2)
        let ordersPerCustomer = (0..<5).map { Double(orders[$0].count) / Double(max(1, customers[$0])) }
        #expect(ordersPerCustomer[SyntheticSegment.weeklyRegular.rawValue] > 5 * ordersPerCustomer[SyntheticSegment.occasionalGifter.rawValue])
    }

    @Test func slowMoversAreIntermittent() {
        let world = Self.year
        var units = [Int](repeating: 0, count: world.skus.count)
        for row in 0..<world.sales.count { units[Int(world.sales.sku[row])] += Int(world.sales.quantity[row]) }
        let slow = world.skus.indices.filter { world.skus[$0].isSlowMover }
        #expect(!slow.isEmpty)
        // Most slow movers sell less than once a week across the whole chain.
        #expect(slow.filter { units[$0] < 52 }.count * 2 > slow.count)
        #expect(units.max()! > 50 * max(1, units.min()!))
    }

    @Test func scaleMultipliesStoresAndCustomers() {
        let scaled = SyntheticWorld(configuration: .init(seed: 1, scale: 3, customers: 40, days: 14))
        #expect(scaled.locations.filter { $0.kind == .store }.count == 36)
        #expect(scaled.customers.count == 120)
        #expect(Set(scaled.locations.map(\.name)).count == scaled.locations.count)
        #expect(scaled.locations.contains { $0.name == "Seattle 3" })
    }

    @Test func writtenFilesLoadAsADataset() throws {
        let world = SyntheticWorld(configuration: Self.small)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("restock-synth-\(UUID().uuidString)")
        try world.write(to: folder)
        let dataset = try Dataset(contentsOf: folder.appendingPathComponent("dataset.toml"))
        #expect(dataset.transactions.rowCount == world.sales.count)
        #expect(dataset.manifest.locations.map(\.name) == world.locations.map(\.name))
        #expect(dataset.transactions.contains(column: "category"), "category comes from skus.csv")
        #expect(try dataset.transactions["date"].type == .date)
        let revenue = try dataset.transactions.doubles("revenue").reduce(0, +)
        let expected = (0..<world.sales.count).reduce(0.0) { $0 + Double(world.sales.quantity[$1] * world.sales.priceCents[$1]) / 100 }
        #expect(abs(revenue - expected) < 1e-6 * expected)
        #expect(dataset.stock?.rowCount == world.stock.count)
        #expect(dataset.skus?.rowCount == world.skus.count)
        // The files written are the files described.
        for (name, contents) in world.files() {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == contents)
        }
    }

    /// The committed sample is exactly what `synth --seed 42` writes.
    @Test func committedSampleIsReproducible() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let world = SyntheticWorld(seed: 42)
        for (name, contents) in world.files() {
            let committed = try String(contentsOf: root.appendingPathComponent("data/sample").appendingPathComponent(name), encoding: .utf8)
            #expect(committed == contents, "data/sample/\(name) differs from `synth --seed 42`")
        }
    }
}
