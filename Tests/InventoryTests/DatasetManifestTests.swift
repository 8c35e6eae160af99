import Foundation
import Testing
@testable import Inventory

/// A throw-away folder with the files a manifest refers to.
struct ManifestFolder {
    let url: URL

    init(files: [String: String] = ["transactions.csv": "date,sku,quantity,price\n2024-01-02,A,1,2.5\n"]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("restock-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    }

    var manifestURL: URL { url.appendingPathComponent("dataset.toml") }

    func parse(_ text: String, transactionsPath: String? = nil) throws -> DatasetManifest {
        try text.write(to: manifestURL, atomically: true, encoding: .utf8)
        return try DatasetManifest(contentsOf: manifestURL, transactionsPath: transactionsPath)
    }

    /// The manifest error `text` gives; fails the test when it parses.
    func error(_ text: String) throws -> ManifestError {
        do {
            _ = try parse(text)
        } catch let error as ManifestError {
            return error
        }
        Issue.record("the manifest parsed, an error was expected")
        return ManifestError(file: "", key: "", problem: .invalid("none"))
    }
}

/// A valid manifest; tests replace one part of it to provoke each error.
let validManifest = """
name = "Test shop"

[transactions]
path = "transactions.csv"
date = "date"
sku = "sku"
quantity = "quantity"
unit_price = "price"
customer = "customer"

\(twoRegionNetwork)
"""

@Suite struct DatasetManifestTests {
    @Test func parsesEveryPart() throws {
        let folder = try ManifestFolder()
        let manifest = try folder.parse(validManifest)
        #expect(manifest.name == "Test shop")
        #expect(manifest.transactions.file.lastPathComponent == "transactions.csv")
        #expect(manifest.transactions.columns.unitPrice == "price")
        #expect(manifest.transactions.columns.customer == "customer")
        #expect(manifest.transactions.columns.location == nil)
        #expect(manifest.regions.map(\.name) == ["West", "East"])
        #expect(manifest.regions[1].latitude == 41)   // a TOML integer where a float is expected
        #expect(manifest.locations.count == 2)
        #expect(manifest.stores.map(\.name) == ["Seattle"])
        #expect(manifest.fulfillmentCenters.first?.servedRegions == ["West", "East"])
        #expect(manifest.location(named: "Seattle")?.servedRegions == ["West"])
        #expect(manifest.location(named: "Seattle")?.capacity == 1200)
        #expect(manifest.costs?.shipping == .distance(ratePerUnitKm: 0.001, fixedPerUnit: 1))
        #expect(manifest.costs?.transfer == manifest.costs?.shipping)
        #expect(manifest.costs?.holdingRate == 0.2)
        #expect(manifest.skus == nil && manifest.stock == nil)
        #expect(manifest.locationsFrame().rowCount == 2)
        #expect(manifest.regionsFrame().columnNames == ["region", "latitude", "longitude", "note"])
    }

    @Test func readsOptionalTablesAndMatrices() throws {
        let folder = try ManifestFolder(files: ["transactions.csv": "x\n", "skus.csv": "sku\n", "stock.csv": "x\n",
                                                "costs.csv": "from,to,cost_per_unit\n", "seattle.csv": "sku,on_hand\n"])
        let text = validManifest
            .replacingOccurrences(of: "rate_per_unit_km = 0.001\nfixed_per_unit = 1", with: "matrix = \"costs.csv\"\ntransfer_rate_per_unit_km = 0.002")
            .replacingOccurrences(of: "capacity = 1200", with: "capacity = 1200\nstock = \"seattle.csv\"")
            + "\n[skus]\npath = \"skus.csv\"\ncategory = \"cat\"\nunit_cost = \"cost\"\n\n[stock]\npath = \"stock.csv\"\non_hand = \"units\"\n"
        let manifest = try folder.parse(text)
        guard case let .matrix(url)? = manifest.costs?.shipping else {
            Issue.record("expected a cost matrix")
            return
        }
        #expect(url.lastPathComponent == "costs.csv")
        #expect(manifest.costs?.transfer == .distance(ratePerUnitKm: 0.002, fixedPerUnit: 0))
        #expect(manifest.skus?.category == "cat")
        #expect(manifest.skus?.sku == "sku")
        #expect(manifest.stock?.onHand == "units")
        #expect(manifest.stock?.location == "location")
        #expect(manifest.location(named: "Seattle")?.stockFile?.lastPathComponent == "seattle.csv")
    }

    @Test func transactionsPathCanBeOverridden() throws {
        let folder = try ManifestFolder()
        let elsewhere = folder.url.appendingPathComponent("other.csv")
        try "date\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        let text = validManifest.replacingOccurrences(of: "path = \"transactions.csv\"", with: "path = \"not-here.csv\"")
        let manifest = try folder.parse(text, transactionsPath: elsewhere.path)
        #expect(manifest.transactions.file.lastPathComponent == "other.csv")
        // Without the override the missing file is an error.
        #expect(throws: ManifestError.self) { try folder.parse(text) }
        // An override that names no file is an error naming the override.
        #expect(throws: ManifestError(file: folder.manifestURL.relativePath, key: "transactions.path", problem: .missingFile("/nowhere.csv"))) {
            try folder.parse(validManifest, transactionsPath: "/nowhere.csv")
        }
        let moved = try folder.parse(validManifest).withTransactions(at: elsewhere)
        #expect(moved.transactions.file == elsewhere)
    }

    @Test func missingKeyIsNamed() throws {
        let folder = try ManifestFolder()
        let error = try folder.error(validManifest.replacingOccurrences(of: "date = \"date\"\n", with: ""))
        #expect(error.key == "transactions.date")
        guard case .missingKey = error.problem else {
            Issue.record("expected a missing key, got \(error)")
            return
        }
        #expect(error.description.contains("dataset.toml: transactions.date: missing key"))
    }

    @Test func wrongTypeIsNamed() throws {
        let folder = try ManifestFolder()
        let error = try folder.error(validManifest.replacingOccurrences(of: "capacity = 1200", with: "capacity = \"big\""))
        #expect(error.key == "locations[0].capacity")
        #expect(error.problem == .wrongType(expected: "a whole number of units", found: "string"))
        let latitude = try folder.error(validManifest.replacingOccurrences(of: "latitude = 37.2", with: "latitude = true"))
        #expect(latitude.key == "regions[0].latitude")
        #expect(latitude.problem == .wrongType(expected: "a latitude in degrees (-90...90)", found: "bool"))
    }

    @Test func unknownKindIsNamed() throws {
        let folder = try ManifestFolder()
        let error = try folder.error(validManifest.replacingOccurrences(of: "kind = \"store\"", with: "kind = \"warehouse\""))
        #expect(error.key == "locations[0].kind")
        #expect(error.problem == .unknownValue("warehouse", allowed: ["store", "fulfillment_center"]))
        #expect(error.description.contains("'warehouse'"))
    }

    @Test func locationWithoutCoordinatesIsNamed() throws {
        let folder = try ManifestFolder()
        let error = try folder.error(validManifest.replacingOccurrences(of: "latitude = 39.5296\n", with: ""))
        #expect(error.key == "locations[1].latitude")
        guard case .missingKey = error.problem else {
            Issue.record("expected a missing key, got \(error)")
            return
        }
        let outOfRange = try folder.error(validManifest.replacingOccurrences(of: "longitude = -122.3321", with: "longitude = 222"))
        #expect(outOfRange.key == "locations[0].longitude")
    }

    @Test func missingFileIsNamed() throws {
        let folder = try ManifestFolder()
        let error = try folder.error(validManifest.replacingOccurrences(of: "path = \"transactions.csv\"", with: "path = \"gone.csv\""))
        #expect(error.key == "transactions.path")
        #expect(error.problem == .missingFile("gone.csv"))
        let matrix = try folder.error(validManifest.replacingOccurrences(of: "rate_per_unit_km = 0.001\nfixed_per_unit = 1", with: "matrix = \"nope.csv\""))
        #expect(matrix.key == "costs.matrix")
        #expect(matrix.problem == .missingFile("nope.csv"))
    }

    @Test func unknownRegionsAndKeysAreNamed() throws {
        let folder = try ManifestFolder()
        let region = try folder.error(validManifest.replacingOccurrences(of: "region = \"West\"\nkind = \"store\"", with: "region = \"Mars\"\nkind = \"store\""))
        #expect(region.key == "locations[0].region")
        #expect(region.problem == .unknownValue("Mars", allowed: ["West", "East"]))
        let served = try folder.error(validManifest.replacingOccurrences(of: "serves = [\"West\", \"East\"]", with: "serves = [\"West\", \"Nowhere\"]"))
        #expect(served.key == "locations[1].serves[1]")
        let typo = try folder.error(validManifest.replacingOccurrences(of: "holding_rate", with: "holdng_rate"))
        #expect(typo.key == "costs.holdng_rate")
        guard case .unknownKey = typo.problem else {
            Issue.record("expected an unknown key, got \(typo)")
            return
        }
    }

    @Test func costModelMustBeComplete() throws {
        let folder = try ManifestFolder()
        let none = try folder.error(validManifest.replacingOccurrences(of: "rate_per_unit_km = 0.001\nfixed_per_unit = 1\n", with: ""))
        #expect(none.key == "costs.rate_per_unit_km")
        let negative = try folder.error(validManifest.replacingOccurrences(of: "holding_rate = 0.2", with: "holding_rate = -1"))
        #expect(negative.key == "costs.holding_rate")
        let folderWithMatrix = try ManifestFolder(files: ["transactions.csv": "x\n", "m.csv": "from,to,cost_per_unit\n"])
        let both = try folderWithMatrix.error(validManifest.replacingOccurrences(of: "fixed_per_unit = 1", with: "fixed_per_unit = 1\nmatrix = \"m.csv\""))
        #expect(both.key == "costs.matrix")
    }

    @Test func emptyAndDuplicateListsAreErrors() throws {
        let folder = try ManifestFolder()
        // Without regions a location's region names none of them.
        let noRegions = try folder.error(validManifest.components(separatedBy: "[[regions]]")[0] + "[[locations]]\nname = \"x\"\nregion = \"West\"\n")
        #expect(noRegions.key == "locations[0].region")
        let twice = validManifest + "\n[[regions]]\nname = \"West\"\nlatitude = 1\nlongitude = 1\n"
        let duplicate = try folder.error(twice)
        #expect(duplicate.key == "regions[2].name")
    }

    @Test func syntaxErrorsGiveTheLine() throws {
        let folder = try ManifestFolder()
        let error = try folder.error("name = \"open\n[transactions]\n")
        guard case let .syntax(_, line, _) = error.problem else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(line == 1)
        #expect(error.key.isEmpty)
    }

    @Test func dataArgumentMayNameTheFolder() throws {
        let folder = try ManifestFolder()
        #expect(DatasetManifest.fileURL(forDataArgument: folder.url.path) == folder.manifestURL)
        #expect(DatasetManifest.fileURL(forDataArgument: folder.manifestURL.path).path == folder.manifestURL.path)
        #expect(DatasetManifest.fileURL(forDataArgument: "/nowhere/x.toml").path == "/nowhere/x.toml")
    }

    @Test func unreadableFileIsReported() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/dataset.toml")
        #expect(throws: ManifestError.self) { try DatasetManifest(contentsOf: missing) }
    }

    @Test func bundledManifestsParse() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = try DatasetManifest(contentsOf: root.appendingPathComponent("data/sample/dataset.toml"))
        #expect(sample.stores.count == 12)
        #expect(sample.fulfillmentCenters.count == 3)
        #expect(sample.regions.map(\.name) == ["West", "East", "North", "South"])
        // The Online Retail manifest points outside the repository; an override stands in for the real file.
        let folder = try ManifestFolder()
        let retail = try DatasetManifest(contentsOf: root.appendingPathComponent("data/online-retail/dataset.toml"),
                                         transactionsPath: folder.url.appendingPathComponent("transactions.csv").path)
        #expect(retail.regions.count == 38)
        #expect(retail.fulfillmentCenters.count == 4)
        #expect(retail.stores.isEmpty)
        let served = Set(retail.locations.flatMap(\.serves))
        #expect(served == Set(retail.regions.map(\.name)), "every country is served by a fulfillment center")
    }
}
