import Foundation

/// A small dataset written into a temporary folder for the bad-input tests: a manifest with two
/// regions, `stores` stores and one fulfillment center serving both regions, and transactions
/// spread over `days` days, `customers` customers and `skus` SKUs. Stages run on it in well under
/// a second each, so that many cases stay cheap.
struct TinyDataset {
    var customers = 24
    var stores = 3
    var days = 120
    var skus = 6
    var linesPerDay = 6
    /// Text appended to the transactions (whole lines, each ending with a newline).
    var extraLines = ""

    static let header = "date,invoice,customer,sku,quantity,unit_price,location,channel,region,category"

    func storeName(_ index: Int) -> String { "Store \(index + 1)" }
    func region(ofStore index: Int) -> String { index % 2 == 0 ? "North" : "South" }

    /// The transactions CSV: one invoice per line, deterministic.
    var transactions: String {
        var lines = [Self.header]
        var invoice = 100_000
        let start = 19_358  // 2023-01-01
        for day in 0..<days {
            let date = Self.isoDate(start + day)
            for line in 0..<linesPerDay {
                invoice += 1
                let store = (day + line) % stores
                let sku = (day * 5 + line * 3) % skus
                let customer = (day * 7 + line * 11) % customers
                let quantity = 1 + (day + 2 * line) % 3
                let price = 2.5 + Double(sku)
                lines.append("\(date),\(invoice),C\(customer),SKU\(sku),\(quantity),\(price),\(storeName(store)),store,\(region(ofStore: store)),Kind \(sku % 3)")
            }
        }
        return lines.joined(separator: "\n") + "\n" + extraLines
    }

    var manifest: String {
        var text = """
            name = "Tiny"
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
            category = "category"

            [costs]
            rate_per_unit_km = 0.0006
            fixed_per_unit = 1.5
            transfer_rate_per_unit_km = 0.0004
            transfer_fixed_per_unit = 0.75
            holding_rate = 0.25

            [[regions]]
            name = "North"
            latitude = 42.0
            longitude = -88.0

            [[regions]]
            name = "South"
            latitude = 30.0
            longitude = -89.0

            """
        for store in 0..<stores {
            text += """

                [[locations]]
                name = "\(storeName(store))"
                region = "\(region(ofStore: store))"
                kind = "store"
                latitude = \(36.0 + Double(store))
                longitude = \(-90.0 + Double(store))
                capacity = 5000

                """
        }
        text += """

            [[locations]]
            name = "Central FC"
            region = "North"
            kind = "fulfillment_center"
            latitude = 38.0
            longitude = -87.0
            capacity = 20000
            serves = ["North", "South"]

            """
        return text
    }

    /// Writes the manifest and transactions into a fresh folder, each text passed through its
    /// transform first, and returns the manifest's URL.
    func write(manifest editManifest: (String) -> String = { $0 }, transactions editTransactions: (String) -> String = { $0 }) throws -> URL {
        let folder = try StageRunner.temporaryFolder("tiny")
        try editManifest(manifest).write(to: folder.appendingPathComponent("dataset.toml"), atomically: true, encoding: .utf8)
        try editTransactions(transactions).write(to: folder.appendingPathComponent("transactions.csv"), atomically: true, encoding: .utf8)
        return folder.appendingPathComponent("dataset.toml")
    }

    static func isoDate(_ days: Int) -> String {
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
