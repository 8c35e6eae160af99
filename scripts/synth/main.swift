// synth: writes the synthetic gourmet-retailer dataset (the bundled sample is `synth --out data/sample --seed 42`).
// A longer history keeps the same yearly seasonality, holidays and intermittency: for example
// `synth --start 2022-01-03 --weeks 208` writes four years of whole Monday-to-Sunday weeks.
import ArgumentParser
import Foundation
import Inventory
import Tabular

@main
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a synthetic gourmet-retailer dataset: manifest, transactions, SKUs, stock and customer truth.",
        discussion: "The same seed and scale give byte-identical files on every machine.")

    @Option(help: "The folder to write into (created when missing).")
    var out: String = "data/sample"

    @Option(help: "The random seed.")
    var seed: UInt64 = 42

    @Option(help: "Multiplies the customers and the stores, for benchmarks.")
    var scale: Int = 1

    @Option(help: "Customers at scale 1.")
    var customers: Int = 2500

    @Option(help: "The first day of transactions, YYYY-MM-DD.")
    var start: String = "2023-01-01"

    @Option(help: "Days of transactions from --start.")
    var days: Int = 731

    @Option(help: "Whole weeks of transactions from --start, instead of --days (156 or more for three years).")
    var weeks: Int?

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale must be 1 or more") }
        guard customers >= 1 else { throw ValidationError("--customers must be 1 or more") }
        guard days >= 1 else { throw ValidationError("--days must be 1 or more") }
        guard CivilDate(iso: start) != nil else { throw ValidationError("--start must be a date YYYY-MM-DD, got '\(start)'") }
        if let weeks {
            guard weeks >= 1 else { throw ValidationError("--weeks must be 1 or more") }
            guard weeks <= 100 * 53 else { throw ValidationError("--weeks must be at most a century (5300)") }
        }
    }

    func run() throws {
        let started = Date()
        let first = CivilDate(iso: start) ?? CivilDate(year: 2023, month: 1, day: 1)
        let length = weeks.map { $0 * 7 } ?? days
        let world = SyntheticWorld(configuration: .init(seed: seed, scale: scale, customers: customers, start: first, days: length))
        let folder = URL(fileURLWithPath: out)
        try world.write(to: folder)
        var total = 0
        for (name, contents) in world.files() {
            let bytes = contents.utf8.count
            total += bytes
            print("\(name): \(bytes) bytes")
        }
        let seconds = Date().timeIntervalSince(started)
        print("\(world.sales.count) transaction lines, \(world.customers.count) customers, \(world.skus.count) SKUs, "
              + "\(world.locations.count) locations; \(total) bytes in \(out) (\(String(format: "%.2f", seconds)) s)")
    }
}
