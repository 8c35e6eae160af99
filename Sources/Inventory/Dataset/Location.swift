import Foundation

/// Whether a location sells to walk-in customers or ships online orders.
public enum LocationKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A shop that serves the demand of its own region.
    case store
    /// A warehouse that ships online orders to the regions it serves.
    case fulfillmentCenter = "fulfillment_center"

    public var description: String { rawValue }
}

/// A place that holds stock: a store or a fulfillment center, with its coordinates and capacity.
public struct Location: Sendable, Hashable {
    /// The name used in the transactions' location column and in stock files.
    public var name: String
    /// The demand region the location lies in.
    public var region: String
    public var kind: LocationKind
    /// Degrees north.
    public var latitude: Double
    /// Degrees east.
    public var longitude: Double
    /// How many units the location can hold.
    public var capacity: Int
    /// The regions whose orders this location may fill; a store serves its own region when empty.
    public var serves: [String]
    /// A file of this location's current stock (`sku`, `on_hand`), when it has one of its own.
    public var stockFile: URL?

    public init(name: String, region: String, kind: LocationKind, latitude: Double, longitude: Double,
                capacity: Int, serves: [String] = [], stockFile: URL? = nil) {
        self.name = name
        self.region = region
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
        self.serves = serves
        self.stockFile = stockFile
    }

    /// The regions this location can ship to: `serves`, or its own region when that is empty.
    public var servedRegions: [String] { serves.isEmpty ? [region] : serves }

    /// The great-circle distance to a point, in kilometres.
    public func distanceKm(toLatitude latitude: Double, longitude: Double) -> Double {
        GreatCircle.distanceKm(latitude: self.latitude, longitude: self.longitude, latitude: latitude, longitude: longitude)
    }
}

/// A demand region (a sales territory or, in the Online Retail data, a country) with the point that
/// stands for it in distance-based shipping costs.
public struct Region: Sendable, Hashable {
    public var name: String
    /// Degrees north of the region's demand centre.
    public var latitude: Double
    /// Degrees east of the region's demand centre.
    public var longitude: Double
    /// Why the coordinate is what it is, when it is a stand-in (for example an unspecified country).
    public var note: String?

    public init(name: String, latitude: Double, longitude: Double, note: String? = nil) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.note = note
    }
}
