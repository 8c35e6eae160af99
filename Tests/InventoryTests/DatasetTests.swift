import Foundation
import Testing
import Tabular
@testable import Inventory

@Suite struct DatasetTests {
    static let retailCSV = """
    InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
    536365,85123A,"WHITE HANGING HEART T-LIGHT HOLDER, LARGE",6,2010-12-01 08:26:00,2.55,17850.0,West
    C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,East
    536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,West
    536367,22745,POPPY'S PLAYHOUSE BEDROOM,6,2010-12-01 08:34:00,2.1,13047.0,East

    """

    static let retailManifest = """
    [transactions]
    path = "retail.csv"
    date = "InvoiceDate"
    invoice = "InvoiceNo"
    customer = "CustomerID"
    sku = "StockCode"
    description = "Description"
    quantity = "Quantity"
    unit_price = "UnitPrice"
    region = "Country"

    \(twoRegionNetwork)
    """

    func load(_ manifest: String = retailManifest, files: [String: String] = [:]) throws -> Dataset {
        var all = ["retail.csv": Self.retailCSV]
        for (name, text) in files { all[name] = text }
        let folder = try ManifestFolder(files: all)
        try manifest.write(to: folder.manifestURL, atomically: true, encoding: .utf8)
        return try Dataset(contentsOf: folder.manifestURL)
    }

    @Test func transactionsGetCanonicalNames() throws {
        let frame = try load().transactions
        #expect(frame.columnNames == ["date", "invoice", "customer", "sku", "description", "quantity", "unit_price",
                                      "region", "revenue", "category", "location", "channel"])
        // No category and no SKU attributes: the kind of product the description ends with.
        #expect(try frame["category", String.self] == ["Holder", "Discount", "Jack", "Bedroom"])
        #expect(try frame["date"].type == .dateTime)
        #expect(try frame["customer", String.self] == ["17850", "14527", nil, "13047"])
        #expect(try frame["invoice", String.self] == ["536365", "C536379", "536366", "536367"])
        #expect(try frame["sku", String.self] == ["85123A", "D", "22633", "22745"])
        #expect(try frame.doubles("revenue") == [15.299999999999999, -27.5, 11.100000000000001, 12.600000000000001])
        // No location column: each region's first serving location; no channel: from the location's kind.
        #expect(try frame["location", String.self] == ["Seattle", "Reno FC", "Seattle", "Reno FC"])
        #expect(try frame["channel", String.self] == ["store", "online", "store", "online"])
    }

    @Test func categoryComesFromTheSKUs() throws {
        let manifest = Self.retailManifest + "\n[skus]\npath = \"skus.csv\"\nsku = \"code\"\ncategory = \"group\"\nunit_cost = \"cost\"\n"
        let skus = "code,group,cost\n85123A,Home,1.2\n22633,Gifts,0.9\n22745,Toys,1\n"
        let dataset = try load(manifest, files: ["skus.csv": skus])
        #expect(try dataset.transactions["category", String.self] == ["Home", nil, "Gifts", "Toys"])
        #expect(dataset.skus?.columnNames == ["sku", "category", "unit_cost"])
        #expect(try dataset.skus?.doubles("unit_cost") == [1.2, 0.9, 1])
    }

    @Test func stockFilesAreMerged() throws {
        let manifest = Self.retailManifest
            .replacingOccurrences(of: "capacity = 1200", with: "capacity = 1200\nstock = \"seattle.csv\"")
            + "\n[stock]\npath = \"stock.csv\"\nlocation = \"site\"\n"
        let dataset = try load(manifest, files: ["stock.csv": "site,sku,on_hand\nReno FC,85123A,40\n", "seattle.csv": "sku,on_hand\n85123A,3\n22633,0\n"])
        let stock = try #require(dataset.stock)
        #expect(try stock["location", String.self] == ["Reno FC", "Seattle", "Seattle"])
        #expect(try stock.doubles("on_hand") == [40, 3, 0])
    }

    @Test func missingMappedColumnNamesTheKey() throws {
        let manifest = Self.retailManifest.replacingOccurrences(of: "customer = \"CustomerID\"", with: "customer = \"Client\"")
        do {
            _ = try load(manifest)
            Issue.record("expected an error")
        } catch let error as DatasetError {
            guard case let .missingColumn(_, key, column, available) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(key == "transactions.customer" && column == "Client")
            #expect(available.contains("CustomerID"))
            #expect(error.description.contains("manifest key transactions.customer"))
        }
    }

    @Test func wrongColumnTypesNameTheKey() throws {
        // Numbers are declared to the reader: the first word in a number column is reported at its line.
        let quantity = Self.retailManifest.replacingOccurrences(of: "quantity = \"Quantity\"", with: "quantity = \"Description\"")
        #expect {
            _ = try load(quantity)
        } throws: { error in
            guard let error = error as? CSVError, case .typeMismatch(.double) = error.kind else { return false }
            return error.line == 2 && error.columnName == "Description" && error.value == "WHITE HANGING HEART T-LIGHT HOLDER, LARGE"
        }
        let date = Self.retailManifest.replacingOccurrences(of: "date = \"InvoiceDate\"", with: "date = \"Country\"")
        #expect {
            _ = try load(date)
        } throws: { error in
            guard case let .wrongColumnType(_, key, _, _, _)? = error as? DatasetError else { return false }
            return key == "transactions.date"
        }
        let skus = Self.retailManifest + "\n[skus]\npath = \"skus.csv\"\nunit_cost = \"cost\"\n"
        #expect {
            _ = try load(skus, files: ["skus.csv": "sku,price\nA,1\n"])
        } throws: { error in
            guard case let .missingColumn(_, key, _, _)? = error as? DatasetError else { return false }
            return key == "skus.unit_cost"
        }
    }

    /// Reference distances: scikit-learn's `haversine_distances` × 6371.0088 km.
    @Test func greatCircleMatchesScikitLearn() {
        let seattleToReno = GreatCircle.distanceKm(latitude: 47.6062, longitude: -122.3321, latitude: 39.5296, longitude: -119.8138)
        #expect(abs(seattleToReno - 920.5721977432653) < 1e-9)
        let londonToParis = GreatCircle.distanceKm(latitude: 51.5074, longitude: -0.1278, latitude: 48.8566, longitude: 2.3522)
        #expect(abs(londonToParis - 343.55653488088313) < 1e-9)
        #expect(GreatCircle.distanceKm(latitude: 10, longitude: 20, latitude: 10, longitude: 20) == 0)
        // Antipodes: half the circumference, no NaN from rounding.
        let antipodes = GreatCircle.distanceKm(latitude: 0, longitude: 0, latitude: 0, longitude: 180)
        #expect(abs(antipodes - Double.pi * GreatCircle.earthRadiusKm) < 1e-6)
    }

    @Test func distanceCostsUseTheRates() throws {
        let dataset = try load()
        let costs = try CostTable(manifest: dataset.manifest)
        let reno = try #require(dataset.manifest.location(named: "Reno FC"))
        let seattle = try #require(dataset.manifest.location(named: "Seattle"))
        let east = try #require(dataset.manifest.region(named: "East"))
        #expect(abs(try costs.shipping(from: reno, to: east) - (1 + 0.001 * 3845.6406832310836)) < 1e-9)
        #expect(abs(try costs.transfer(from: seattle, to: reno) - (1 + 0.001 * 920.5721977432653)) < 1e-9)
        let transfers = try costs.transferMatrix(locations: dataset.manifest.locations)
        #expect(transfers[0][0] == 0 && transfers[1][1] == 0 && transfers[0][1] == transfers[1][0])
        let shipping = try costs.shippingMatrix(locations: dataset.manifest.locations, regions: dataset.manifest.regions)
        #expect(shipping.count == 2 && shipping[0].count == 2)
        #expect(abs(costs.model.holdingRate - 0.2) < 1e-15)
        #expect(abs(costs.model.holdingCost(unitCost: 10, days: 73) - 0.4) < 1e-12)
    }

    @Test func matrixCostsAreLookedUp() throws {
        let manifest = Self.retailManifest.replacingOccurrences(of: "rate_per_unit_km = 0.001\nfixed_per_unit = 1", with: "matrix = \"costs.csv\"")
        let dataset = try load(manifest, files: ["costs.csv": "from,to,cost_per_unit\nReno FC,East,4.5\nReno FC,West,1.25\nSeattle,Reno FC,0.8\n"])
        let costs = try CostTable(manifest: dataset.manifest)
        let reno = try #require(dataset.manifest.location(named: "Reno FC"))
        let seattle = try #require(dataset.manifest.location(named: "Seattle"))
        #expect(try costs.shipping(from: reno, to: #require(dataset.manifest.region(named: "East"))) == 4.5)
        #expect(try costs.transfer(from: seattle, to: reno) == 0.8)
        #expect(throws: DatasetError.missingCost(file: dataset.manifest.directory.appendingPathComponent("costs.csv").standardizedFileURL.relativePath,
                                                  from: "Seattle", to: "East")) {
            try costs.shipping(from: seattle, to: #require(dataset.manifest.region(named: "East")))
        }
        let negative = try load(manifest, files: ["costs.csv": "from,to,cost_per_unit\nReno FC,East,-1\n"])
        #expect(throws: DatasetError.self) { try CostTable(manifest: negative.manifest) }
        let noCost = try load(manifest, files: ["costs.csv": "from,to,price\nReno FC,East,1\n"])
        #expect(throws: DatasetError.self) { try CostTable(manifest: noCost.manifest) }
    }

    @Test func identifiersLoseAFloatSuffixOnly() throws {
        let column = Dataset.identifiers(Column("customer", ["17850.0", "A1.0", "12.5", nil]))
        #expect(try String.values(of: column) == ["17850", "A1.0", "12.5", nil])
        let numbers = Dataset.identifiers(Column("customer", [17850.0, nil, 3.5]))
        #expect(try String.values(of: numbers) == ["17850", nil, "3.5"])
    }
}
