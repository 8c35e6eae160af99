// synth: writes the synthetic gourmet-retailer dataset (the bundled sample is `synth --out data/sample --seed 42`).
import ArgumentParser
import Foundation
import Inventory

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

    @Option(help: "Days of transactions from 2023-01-01.")
    var days: Int = 731

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale must be 1 or more") }
        guard customers >= 1 else { throw ValidationError("--customers must be 1 or more") }
        guard days >= 1 else { throw ValidationError("--days must be 1 or more") }
    }

    func run() throws {
        let started = Date()
        let world = SyntheticWorld(configuration: .init(seed: seed, scale: scale, customers: customers, days: days))
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
