import Foundation
import TOMLKit
import Tabular

extension DatasetManifest {
    /// Reads and checks a manifest file.
    ///
    /// - Parameters:
    ///   - url: the `dataset.toml` file; relative paths inside it are resolved against its folder.
    ///   - transactionsPath: a transactions file to read instead of `transactions.path` (a
    ///     command-line override), relative to the current directory; the manifest's own path then
    ///     need not exist.
    /// - Throws: ``ManifestError`` naming the file, the key and what was expected.
    public init(contentsOf url: URL, transactionsPath: String? = nil) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ManifestError(file: url.relativePath, key: "", problem: .unreadable(String(describing: error)))
        }
        try self.init(toml: text, file: url, transactionsPath: transactionsPath)
    }

    /// Parses manifest text as if it were read from `file` (whose folder anchors relative paths).
    /// - Throws: ``ManifestError`` naming the file, the key and what was expected.
    public init(toml text: String, file: URL, transactionsPath: String? = nil) throws {
        let name = file.relativePath
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ManifestError(file: name, key: "", problem: .syntax(error.description, line: error.source.begin.line,
                                                                        column: error.source.begin.column))
        }
        let reader = ManifestTable(table: root, path: "", file: name, directory: file.deletingLastPathComponent())
        try reader.rejectUnknownKeys(allowed: ["name", "description", "currency", "transactions", "skus", "stock", "costs", "regions", "locations",
                                              "events"])

        let regions = try Self.regions(reader)
        let locations = try Self.locations(reader, regions: regions)
        self.init(
            file: file,
            name: try reader.optionalString("name") ?? file.deletingLastPathComponent().lastPathComponent,
            summary: try reader.optionalString("description"),
            currency: try reader.optionalString("currency") ?? "$",
            transactions: try Self.transactions(reader, override: transactionsPath),
            skus: try reader.optionalTable("skus").map(Self.skus),
            stock: try reader.optionalTable("stock").map(Self.stock),
            regions: regions,
            locations: locations,
            costs: try reader.optionalTable("costs").map(Self.costs),
            events: try Self.events(reader))
    }

    private static func transactions(_ root: ManifestTable, override: String?) throws -> TransactionsSource {
        let table = try root.table("transactions", expected: "a [transactions] table with the file's path and column names")
        try table.rejectUnknownKeys(allowed: ["path", "date", "sku", "quantity", "unit_price", "customer", "location",
                                              "channel", "category", "invoice", "description", "region", "measure", "week_start"])
        let file: URL
        if let override {
            file = URL(fileURLWithPath: override).standardizedFileURL
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw table.error("path", .missingFile(override))
            }
        } else {
            file = try table.file("path", expected: "the transactions file's path (CSV, optionally .csv.gz)")
        }
        let columns = TransactionColumns(
            date: try table.string("date", expected: "the name of the date column"),
            sku: try table.string("sku", expected: "the name of the SKU (product code) column"),
            quantity: try table.string("quantity", expected: "the name of the quantity column"),
            unitPrice: try table.optionalString("unit_price"),
            customer: try table.optionalString("customer"),
            location: try table.optionalString("location"),
            channel: try table.optionalString("channel"),
            category: try table.optionalString("category"),
            invoice: try table.optionalString("invoice"),
            description: try table.optionalString("description"),
            region: try table.optionalString("region"))
        let measure = try table.optionalString("measure") ?? "units"
        guard !measure.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw table.error("measure", .invalid("expected what the quantity counts (units, sales, ...), found an empty string"))
        }
        var weekStart: Weekday?
        if let text = try table.optionalString("week_start") {
            guard let day = Weekday(name: text) else {
                throw table.error("week_start", .unknownValue(text, allowed: Weekday.allCases.map(\.name)))
            }
            weekStart = day
        }
        return TransactionsSource(file: file, columns: columns, measure: measure, weekStart: weekStart)
    }

    private static func skus(_ table: ManifestTable) throws -> SKUSource {
        try table.rejectUnknownKeys(allowed: ["path", "sku", "category", "unit_cost", "volume", "shelf_life", "price", "description"])
        return SKUSource(
            file: try table.file("path", expected: "the SKU attributes file's path"),
            sku: try table.optionalString("sku") ?? "sku",
            category: try table.optionalString("category"),
            unitCost: try table.optionalString("unit_cost"),
            volume: try table.optionalString("volume"),
            shelfLife: try table.optionalString("shelf_life"),
            price: try table.optionalString("price"),
            description: try table.optionalString("description"))
    }

    private static func stock(_ table: ManifestTable) throws -> StockSource {
        try table.rejectUnknownKeys(allowed: ["path", "location", "sku", "on_hand"])
        return StockSource(
            file: try table.file("path", expected: "the current-stock file's path"),
            location: try table.optionalString("location") ?? "location",
            sku: try table.optionalString("sku") ?? "sku",
            onHand: try table.optionalString("on_hand") ?? "on_hand")
    }

    private static func regions(_ root: ManifestTable) throws -> [Region] {
        let tables = try root.tables("regions")
        var seen: Set<String> = []
        return try tables.map { table in
            try table.rejectUnknownKeys(allowed: ["name", "latitude", "longitude", "note"])
            let name = try table.string("name", expected: "the region's name as written in the data")
            guard seen.insert(name).inserted else { throw table.error("name", .invalid("the region '\(name)' is declared twice")) }
            return Region(
                name: name,
                latitude: try table.double("latitude", in: -90...90, expected: "a latitude in degrees (-90...90)"),
                longitude: try table.double("longitude", in: -180...180, expected: "a longitude in degrees (-180...180)"),
                note: try table.optionalString("note"))
        }
    }

    private static func locations(_ root: ManifestTable, regions: [Region]) throws -> [Location] {
        let tables = try root.tables("locations")
        let regionNames = regions.map(\.name)
        var seen: Set<String> = []
        return try tables.map { table in
            try table.rejectUnknownKeys(allowed: ["name", "region", "kind", "latitude", "longitude", "capacity", "serves", "stock"])
            let name = try table.string("name", expected: "the location's name as written in the data")
            guard seen.insert(name).inserted else { throw table.error("name", .invalid("the location '\(name)' is declared twice")) }
            let region = try table.string("region", expected: "the name of one of the [[regions]]")
            guard regionNames.contains(region) else { throw table.error("region", .unknownValue(region, allowed: regionNames)) }
            let kindText = try table.string("kind", expected: "store or fulfillment_center")
            guard let kind = LocationKind(rawValue: kindText) else {
                throw table.error("kind", .unknownValue(kindText, allowed: LocationKind.allCases.map(\.rawValue)))
            }
            guard let capacity = try table.optionalInt("capacity", expected: "a whole number of units") else {
                throw table.error("capacity", .missingKey(expected: "the capacity in units"))
            }
            guard capacity >= 0 else { throw table.error("capacity", .invalid("expected a capacity of 0 or more units, found \(capacity)")) }
            let serves = try table.strings("serves", expected: "an array of region names")
            for (index, served) in serves.enumerated() where !regionNames.contains(served) {
                throw ManifestError(file: table.file, key: "\(table.key("serves"))[\(index)]", problem: .unknownValue(served, allowed: regionNames))
            }
            return Location(
                name: name, region: region, kind: kind,
                latitude: try table.double("latitude", in: -90...90, expected: "a latitude in degrees (-90...90)"),
                longitude: try table.double("longitude", in: -180...180, expected: "a longitude in degrees (-180...180)"),
                capacity: capacity, serves: serves, stockFile: try table.optionalFile("stock"))
        }
    }

    private static func events(_ root: ManifestTable) throws -> [DatasetEvent] {
        var seen: Set<String> = []
        return try root.tables("events").map { table in
            try table.rejectUnknownKeys(allowed: ["name", "dates", "days_before", "days_after"])
            let name = try table.string("name", expected: "the event's name")
            guard seen.insert(name).inserted else { throw table.error("name", .invalid("the event '\(name)' is declared twice")) }
            guard table.has("dates") else {
                throw table.error("dates", .missingKey(expected: "a list of ISO dates such as [\"2011-11-25\"]"))
            }
            let texts = try table.strings("dates", expected: "a list of ISO dates such as [\"2011-11-25\"]")
            guard !texts.isEmpty else { throw table.error("dates", .invalid("expected at least one date, found an empty list")) }
            let dates = try texts.enumerated().map { index, text in
                guard let date = CivilDate(iso: text), text.count == 10 else {
                    throw ManifestError(file: table.file, key: "\(table.key("dates"))[\(index)]",
                                        problem: .invalid("expected an ISO date (yyyy-MM-dd), found '\(text)'"))
                }
                return date
            }
            func window(_ key: String) throws -> Int {
                let days = try table.optionalInt(key, expected: "a whole number of days") ?? 0
                guard (0...366).contains(days) else { throw table.error(key, .invalid("expected 0 to 366 days, found \(days)")) }
                return days
            }
            return DatasetEvent(name: name, dates: dates, daysBefore: try window("days_before"), daysAfter: try window("days_after"))
        }
    }

    private static func costs(_ table: ManifestTable) throws -> CostModel {
        try table.rejectUnknownKeys(allowed: ["holding_rate", "matrix", "rate_per_unit_km", "fixed_per_unit",
                                              "transfer_matrix", "transfer_rate_per_unit_km", "transfer_fixed_per_unit"])
        let holdingRate = try table.double("holding_rate", expected: "the holding cost per unit of value per year (0.25 = 25%)")
        guard holdingRate >= 0 else { throw table.error("holding_rate", .invalid("expected a rate of 0 or more, found \(holdingRate)")) }
        let shipping = try rate(table, matrixKey: "matrix", rateKey: "rate_per_unit_km", fixedKey: "fixed_per_unit")
        guard let shipping else {
            throw table.error("rate_per_unit_km", .missingKey(expected: "a shipping rate per unit and km, or a cost matrix file in `matrix`"))
        }
        let transfer = try rate(table, matrixKey: "transfer_matrix", rateKey: "transfer_rate_per_unit_km", fixedKey: "transfer_fixed_per_unit")
        return CostModel(shipping: shipping, transfer: transfer, holdingRate: holdingRate)
    }

    private static func rate(_ table: ManifestTable, matrixKey: String, rateKey: String, fixedKey: String) throws -> CostModel.Rate? {
        let hasRate = table.has(rateKey) || table.has(fixedKey)
        if table.has(matrixKey) {
            guard !hasRate else {
                throw table.error(matrixKey, .invalid("give either a cost matrix file or \(rateKey)/\(fixedKey), not both"))
            }
            return .matrix(try table.file(matrixKey, expected: "a cost matrix file with columns from, to, cost_per_unit"))
        }
        guard hasRate else { return nil }
        let perKm = try table.double(rateKey, expected: "a cost per unit and km (a number of 0 or more)")
        let fixed = try table.optionalDouble(fixedKey, expected: "a fixed cost per unit (a number of 0 or more)") ?? 0
        guard perKm >= 0 else { throw table.error(rateKey, .invalid("expected a rate of 0 or more, found \(perKm)")) }
        guard fixed >= 0, fixed.isFinite else { throw table.error(fixedKey, .invalid("expected a cost of 0 or more, found \(fixed)")) }
        return .distance(ratePerUnitKm: perKm, fixedPerUnit: fixed)
    }
}
