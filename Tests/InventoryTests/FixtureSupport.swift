import Foundation
import Testing

/// Decodes a committed fixture written by Fixtures/make_fixtures.py.
func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// |a − b| ≤ tolerance · max(1, |b|).
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

/// The manifest tables of a small network: a distance cost model, two regions, a store and a
/// fulfillment center serving both.
let twoRegionNetwork = """
[costs]
rate_per_unit_km = 0.001
fixed_per_unit = 1
holding_rate = 0.2

[[regions]]
name = "West"
latitude = 37.2
longitude = -119.6

[[regions]]
name = "East"
latitude = 41
longitude = -74

[[locations]]
name = "Seattle"
region = "West"
kind = "store"
latitude = 47.6062
longitude = -122.3321
capacity = 1200

[[locations]]
name = "Reno FC"
region = "West"
kind = "fulfillment_center"
latitude = 39.5296
longitude = -119.8138
capacity = 50000
serves = ["West", "East"]
"""
