import Foundation
import Tabular

/// A synthetic gourmet retailer: stores and fulfillment centers in four regions, a catalog of SKUs,
/// customers with a hidden behavioural segment, two years of daily transactions and the current
/// (deliberately unbalanced) stock, all determined by a seed.
///
/// ```swift
/// let world = SyntheticWorld(seed: 42)
/// try world.write(to: URL(fileURLWithPath: "data/sample"))
/// ```
///
/// The same seed and configuration give byte-identical files on every machine: the generator has
/// its own random stream (``SeededRandom``), its own elementary functions, integer prices in cents
/// and formats every number itself.
public struct SyntheticWorld: Sendable {
    /// How big a world to generate.
    public struct Configuration: Sendable, Equatable {
        public var seed: UInt64
        /// Multiplies the customers and the stores (each store gets `scale − 1` sister stores nearby).
        public var scale: Int
        /// Customers at scale 1.
        public var customers: Int
        /// The first day of transactions.
        public var start: CivilDate
        /// How many days of transactions.
        public var days: Int

        /// - Parameters:
        ///   - seed: the random seed.
        ///   - scale: a multiplier of customers and stores, at least 1.
        ///   - customers: customers at scale 1 (2,500 by default).
        ///   - start: the first day (2023-01-01 by default).
        ///   - days: the number of days (731 by default: two years).
        public init(seed: UInt64, scale: Int = 1, customers: Int = 2500,
                    start: CivilDate = CivilDate(year: 2023, month: 1, day: 1), days: Int = 731) {
            self.seed = seed
            self.scale = max(1, scale)
            self.customers = max(1, customers)
            self.start = start
            self.days = max(1, days)
        }
    }

    /// One product of the catalog.
    public struct SKU: Sendable, Hashable {
        public var id: String
        public var description: String
        public var category: SyntheticCategory
        public var priceCents: Int
        public var costCents: Int
        public var volumeML: Int
        public var shelfLifeDays: Int
        /// Whether the SKU was made a slow, intermittent mover.
        public var isSlowMover: Bool
    }

    /// One customer and the hidden truth about them.
    public struct Customer: Sendable, Hashable {
        public var id: String
        public var segment: SyntheticSegment
        public var homeRegion: String
        public var homeStore: String
        /// The customer's own share of orders placed online, before the online trend.
        public var onlineShare: Double
    }

    /// The transactions, one row per order line, as parallel arrays in date and invoice order.
    public struct Sales: Sendable, Equatable {
        /// Days since 1970-01-01.
        public var day: [Int] = []
        public var invoice: [Int] = []
        /// Index into ``SyntheticWorld/customers``.
        public var customer: [Int32] = []
        /// Index into ``SyntheticWorld/skus``.
        public var sku: [Int32] = []
        public var quantity: [Int32] = []
        public var priceCents: [Int32] = []
        /// Index into ``SyntheticWorld/locations``.
        public var location: [Int16] = []
        public var online: [Bool] = []
        /// Index into ``SyntheticWorld/regions``.
        public var region: [Int8] = []

        public var count: Int { day.count }
    }

    /// Units on hand at one location for one SKU.
    public struct StockLevel: Sendable, Hashable {
        /// Index into ``SyntheticWorld/locations``.
        public var location: Int
        /// Index into ``SyntheticWorld/skus``.
        public var sku: Int
        public var onHand: Int
    }

    public let configuration: Configuration
    public let regions: [Region]
    public let locations: [Location]
    public let skus: [SKU]
    public let customers: [Customer]
    public let sales: Sales
    public let stock: [StockLevel]

    /// Generates the world for `seed` at `scale` with the default size (2,500 customers per scale
    /// unit, 2023-01-01 to 2024-12-31).
    public init(seed: UInt64, scale: Int = 1) {
        self.init(configuration: Configuration(seed: seed, scale: scale))
    }

    /// Generates the world a configuration describes.
    /// - Complexity: O(customers × days + transactions).
    public init(configuration: Configuration) {
        var generator = SyntheticGenerator(configuration: configuration)
        let world = generator.run()
        self.configuration = configuration
        regions = world.regions
        locations = world.locations
        skus = world.skus
        customers = world.customers
        sales = world.sales
        stock = world.stock
    }
}
