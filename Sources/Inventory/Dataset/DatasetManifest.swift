import Foundation

/// The description of a dataset that lives beside its files (`dataset.toml`): where the
/// transactions are and how their columns are named, the locations, the demand regions, the SKU
/// attributes and current stock when known, and the cost model. Every key is documented in
/// `data/README.md`.
///
/// ```swift
/// let manifest = try DatasetManifest(contentsOf: URL(fileURLWithPath: "data/sample/dataset.toml"))
/// let other = try DatasetManifest(contentsOf: onlineRetail, transactionsPath: "retail.csv.gz")
/// ```
public struct DatasetManifest: Sendable, Equatable {
    /// The manifest file.
    public var file: URL
    /// A short human-readable name for reports.
    public var name: String
    /// One or two sentences about the data, for the notebooks.
    public var summary: String?
    /// The symbol money is written with in reports (`$` unless the manifest says otherwise).
    public var currency: String
    public var transactions: TransactionsSource
    /// SKU attributes (category, unit cost, volume, shelf life), when known.
    public var skus: SKUSource?
    /// Current stock per location and SKU, when known.
    public var stock: StockSource?
    /// The demand regions, in manifest order; empty when the manifest declares none (enough for
    /// exploration and forecasting, not for allocation).
    public var regions: [Region]
    /// The stores and fulfillment centers, in manifest order; empty when the manifest declares none.
    public var locations: [Location]
    /// The cost model; nil when the manifest has no `[costs]` (required from the allocation stage
    /// on: see ``requireAllocationInputs()``).
    public var costs: CostModel?
    /// The dated events of `[[events]]`, in manifest order.
    public var events: [DatasetEvent]

    public init(file: URL, name: String, summary: String? = nil, currency: String = "$", transactions: TransactionsSource,
                skus: SKUSource? = nil, stock: StockSource? = nil, regions: [Region], locations: [Location],
                costs: CostModel?, events: [DatasetEvent] = []) {
        self.file = file
        self.name = name
        self.summary = summary
        self.currency = currency
        self.transactions = transactions
        self.skus = skus
        self.stock = stock
        self.regions = regions
        self.locations = locations
        self.costs = costs
        self.events = events
    }

    /// The folder relative paths are resolved against.
    public var directory: URL { file.deletingLastPathComponent() }

    /// The location named `name`, if any.
    public func location(named name: String) -> Location? { locations.first { $0.name == name } }

    /// The region named `name`, if any.
    public func region(named name: String) -> Region? { regions.first { $0.name == name } }

    /// The stores, in manifest order.
    public var stores: [Location] { locations.filter { $0.kind == .store } }

    /// The fulfillment centers, in manifest order.
    public var fulfillmentCenters: [Location] { locations.filter { $0.kind == .fulfillmentCenter } }

    /// Checks that the manifest has what the allocation and validation stages need beyond the
    /// transactions: at least one region and one location, and the `[costs]` table.
    /// - Returns: the cost model.
    /// - Throws: ``ManifestError`` naming the missing key (exploration and forecasting run without them).
    @discardableResult
    public func requireAllocationInputs() throws -> CostModel {
        let file = self.file.relativePath
        guard !regions.isEmpty else {
            throw ManifestError(file: file, key: "regions", problem: .missingKey(
                expected: "at least one [[regions]] table with name, latitude and longitude (allocation places stock for the regions' demand)"))
        }
        guard !locations.isEmpty else {
            throw ManifestError(file: file, key: "locations", problem: .missingKey(
                expected: "at least one [[locations]] table with name, region, kind, latitude, longitude and capacity (allocation places stock at them)"))
        }
        guard let costs else {
            throw ManifestError(file: file, key: "costs", problem: .missingKey(
                expected: "a [costs] table with holding_rate and a shipping rate or matrix (allocation weighs moving stock against holding it)"))
        }
        return costs
    }

    /// The same manifest with the transactions read from another file (a command-line override).
    /// - Throws: ``ManifestError/Problem/missingFile(_:)`` when no file is there.
    public func withTransactions(at url: URL) throws -> DatasetManifest {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ManifestError(file: file.relativePath, key: "transactions.path", problem: .missingFile(url.relativePath))
        }
        var copy = self
        copy.transactions.file = url
        return copy
    }
}

/// The transactions file, the names of its columns, what its quantity measures and the day its
/// weeks start on.
public struct TransactionsSource: Sendable, Equatable {
    public var file: URL
    public var columns: TransactionColumns
    /// What the quantity column counts, for prose and axis labels (`units` unless the manifest's
    /// `measure` says otherwise, e.g. `sales`).
    public var measure: String
    /// The day weeks start on when the manifest sets `week_start`; nil to detect it from the dates
    /// (``PlanningCalendar/weekStart(ofDays:)``).
    public var weekStart: Weekday?

    public init(file: URL, columns: TransactionColumns, measure: String = "units", weekStart: Weekday? = nil) {
        self.file = file
        self.columns = columns
        self.measure = measure
        self.weekStart = weekStart
    }
}

/// Which column of the transactions file holds each field; optional fields may be absent.
///
/// ``Dataset`` renames the mapped columns to the canonical names in ``TransactionColumns/canonical``
/// (`date`, `sku`, `quantity`, `unit_price`, `customer`, ...), so that downstream code never sees
/// a file's own spelling.
public struct TransactionColumns: Sendable, Equatable {
    /// Date or date-time of the sale.
    public var date: String
    /// The product code.
    public var sku: String
    /// Units sold (negative for returns in some files).
    public var quantity: String
    /// Price of one unit; nil when the file has none (loading then counts every unit at 1, so that
    /// revenue equals the quantity).
    public var unitPrice: String?
    public var customer: String?
    /// Where the sale was made or shipped from.
    public var location: String?
    /// `store` or `online`.
    public var channel: String?
    public var category: String?
    /// The order (basket) number.
    public var invoice: String?
    public var description: String?
    /// The demand region of the sale (the customer's region or country).
    public var region: String?

    public init(date: String, sku: String, quantity: String, unitPrice: String?, customer: String? = nil,
                location: String? = nil, channel: String? = nil, category: String? = nil, invoice: String? = nil,
                description: String? = nil, region: String? = nil) {
        self.date = date
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.customer = customer
        self.location = location
        self.channel = channel
        self.category = category
        self.invoice = invoice
        self.description = description
        self.region = region
    }

    /// The canonical column names a loaded transactions frame uses.
    public enum Canonical {
        public static let date = "date"
        public static let sku = "sku"
        public static let quantity = "quantity"
        public static let unitPrice = "unit_price"
        public static let customer = "customer"
        public static let location = "location"
        public static let channel = "channel"
        public static let category = "category"
        public static let invoice = "invoice"
        public static let description = "description"
        public static let region = "region"
        /// Added by loading: quantity × unit price.
        public static let revenue = "revenue"
    }

    /// (canonical name, the file's column name) for every mapped field, in a fixed order.
    public var mapping: [(canonical: String, source: String)] {
        let fields: [(String, String?)] = [
            (Canonical.date, date), (Canonical.invoice, invoice), (Canonical.customer, customer),
            (Canonical.sku, sku), (Canonical.description, description), (Canonical.quantity, quantity),
            (Canonical.unitPrice, unitPrice), (Canonical.location, location), (Canonical.channel, channel),
            (Canonical.category, category), (Canonical.region, region),
        ]
        return fields.compactMap { canonical, source in source.map { (canonical, $0) } }
    }
}

/// The SKU attributes file and its column names.
public struct SKUSource: Sendable, Equatable {
    public var file: URL
    public var sku: String
    public var category: String?
    /// Cost of one unit to the retailer (for holding cost and margin).
    public var unitCost: String?
    /// Volume of one unit in litres.
    public var volume: String?
    /// Shelf life in days.
    public var shelfLife: String?
    /// List price of one unit.
    public var price: String?
    public var description: String?

    public init(file: URL, sku: String, category: String? = nil, unitCost: String? = nil, volume: String? = nil,
                shelfLife: String? = nil, price: String? = nil, description: String? = nil) {
        self.file = file
        self.sku = sku
        self.category = category
        self.unitCost = unitCost
        self.volume = volume
        self.shelfLife = shelfLife
        self.price = price
        self.description = description
    }
}

/// The current-stock file (one row per location and SKU) and its column names.
public struct StockSource: Sendable, Equatable {
    public var file: URL
    public var location: String
    public var sku: String
    public var onHand: String

    public init(file: URL, location: String = "location", sku: String = "sku", onHand: String = "on_hand") {
        self.file = file
        self.location = location
        self.sku = sku
        self.onHand = onHand
    }
}

extension DatasetManifest {
    /// The manifest file a `--data` argument names: the path itself when it is a file, or
    /// `dataset.toml` inside it when it is a folder (`--data data/sample`).
    public static func fileURL(forDataArgument path: String) -> URL {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url.appendingPathComponent("dataset.toml")
        }
        return url
    }
}
