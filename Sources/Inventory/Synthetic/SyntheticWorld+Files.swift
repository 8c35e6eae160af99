import Core
import Foundation
import Tabular

extension SyntheticWorld {
    /// The names of the files ``files()`` produces, in order.
    public static let fileNames = ["dataset.toml", "transactions.csv", "skus.csv", "stock.csv", "customers_truth.csv"]

    /// The dataset's files as (name, text), in a fixed order: the manifest, transactions, SKU
    /// attributes, current stock and the hidden customer segments.
    public func files() -> [(name: String, contents: String)] {
        [("dataset.toml", manifestText()), ("transactions.csv", transactionsCSV()), ("skus.csv", skusCSV()),
         ("stock.csv", stockCSV()), ("customers_truth.csv", customersCSV())]
    }

    /// Writes the files into `directory` (created when missing), each atomically (``AtomicFile``).
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files() {
            try AtomicFile.write(Array(contents.utf8), to: directory.appendingPathComponent(name))
        }
    }

    /// `date,invoice,customer,sku,quantity,unit_price,location,channel,region`, one row per order line.
    public func transactionsCSV() -> String {
        var text = "date,invoice,customer,sku,quantity,unit_price,location,channel,region\n"
        text.reserveCapacity(sales.count * 72)
        let locationNames = locations.map { SyntheticFormat.field($0.name) }
        let regionNames = regions.map(\.name)
        var lastDay = Int.min
        var dateText = ""
        for row in 0..<sales.count {
            if sales.day[row] != lastDay {
                lastDay = sales.day[row]
                dateText = CivilDate(days: lastDay).description
            }
            text += dateText
            text += ","
            text += String(sales.invoice[row])
            text += ","
            text += customers[Int(sales.customer[row])].id
            text += ","
            text += skus[Int(sales.sku[row])].id
            text += ","
            text += String(sales.quantity[row])
            text += ","
            text += SyntheticFormat.cents(Int(sales.priceCents[row]))
            text += ","
            text += locationNames[Int(sales.location[row])]
            text += sales.online[row] ? ",online," : ",store,"
            text += regionNames[Int(sales.region[row])]
            text += "\n"
        }
        return text
    }

    /// `sku,description,category,unit_price,unit_cost,volume_l,shelf_life_days`.
    public func skusCSV() -> String {
        var text = "sku,description,category,unit_price,unit_cost,volume_l,shelf_life_days\n"
        for sku in skus {
            let fields = [sku.id, SyntheticFormat.field(sku.description), SyntheticFormat.field(sku.category.description),
                          SyntheticFormat.cents(sku.priceCents), SyntheticFormat.cents(sku.costCents),
                          SyntheticFormat.fixed(Double(sku.volumeML) / 1000, decimals: 2), String(sku.shelfLifeDays)]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `location,sku,on_hand`, every location and SKU.
    public func stockCSV() -> String {
        var text = "location,sku,on_hand\n"
        for level in stock {
            text += "\(SyntheticFormat.field(locations[level.location].name)),\(skus[level.sku].id),\(level.onHand)\n"
        }
        return text
    }

    /// `customer,segment,home_region,home_store,online_share`: the hidden truth for validating segmentation.
    public func customersCSV() -> String {
        var text = "customer,segment,home_region,home_store,online_share\n"
        for customer in customers {
            text += "\(customer.id),\(customer.segment),\(customer.homeRegion),\(SyntheticFormat.field(customer.homeStore)),"
            text += SyntheticFormat.fixed(customer.onlineShare, decimals: 3) + "\n"
        }
        return text
    }

    /// The `dataset.toml` manifest describing the other files.
    public func manifestText() -> String {
        let last = CivilDate(days: configuration.start.daysSince1970 + configuration.days - 1)
        var text = """
        # Written by `synth --seed \(configuration.seed) --scale \(configuration.scale)`; see data/README.md for every key.
        name = "Restock gourmet sample"
        description = "A synthetic gourmet retailer: \(locations.filter { $0.kind == .store }.count) stores and \
        \(locations.filter { $0.kind == .fulfillmentCenter }.count) fulfillment centers in four regions, \(skus.count) SKUs, \
        \(customers.count) customers, \(configuration.start) to \(last)."

        [transactions]
        path = "transactions.csv"
        date = "date"
        invoice = "invoice"
        customer = "customer"
        sku = "sku"
        quantity = "quantity"
        unit_price = "unit_price"
        location = "location"
        channel = "channel"
        region = "region"

        [skus]
        path = "skus.csv"
        sku = "sku"
        description = "description"
        category = "category"
        price = "unit_price"
        unit_cost = "unit_cost"
        volume = "volume_l"
        shelf_life = "shelf_life_days"

        [stock]
        path = "stock.csv"
        location = "location"
        sku = "sku"
        on_hand = "on_hand"

        [costs]
        # Shipping to a region or transferring between locations: fixed cost per unit plus a rate per unit and km.
        rate_per_unit_km = 0.0006
        fixed_per_unit = 1.5
        transfer_rate_per_unit_km = 0.0004
        transfer_fixed_per_unit = 0.75
        holding_rate = 0.25

        """
        for region in regions {
            text += """

            [[regions]]
            name = \(SyntheticFormat.toml(region.name))
            latitude = \(SyntheticFormat.fixed(region.latitude, decimals: 4))
            longitude = \(SyntheticFormat.fixed(region.longitude, decimals: 4))

            """
        }
        for location in locations {
            text += """

            [[locations]]
            name = \(SyntheticFormat.toml(location.name))
            region = \(SyntheticFormat.toml(location.region))
            kind = "\(location.kind.rawValue)"
            latitude = \(SyntheticFormat.fixed(location.latitude, decimals: 4))
            longitude = \(SyntheticFormat.fixed(location.longitude, decimals: 4))
            capacity = \(location.capacity)

            """
            if !location.serves.isEmpty {
                text += "serves = [\(location.serves.map(SyntheticFormat.toml).joined(separator: ", "))]\n"
            }
        }
        return text
    }
}
