import Foundation

extension RebalancingProblem {
    /// A transfer cost matrix from store coordinates: `handlingPerUnit + ratePerUnitKm × d(i, j)`
    /// with d the great-circle (haversine) distance in km on a sphere of radius 6371.0088 km (the
    /// mean Earth radius), 0 on the diagonal.
    ///
    /// - Parameters:
    ///   - latitudes: Degrees north, one per store.
    ///   - longitudes: Degrees east, one per store (same count).
    ///   - ratePerUnitKm: Cost of moving one unit one km, ≥ 0.
    ///   - handlingPerUnit: Fixed cost per unit moved (picking, packing), ≥ 0.
    ///   - maximumKilometres: Pairs farther apart get `.infinity` (no transfer); default no limit.
    /// - Throws: ``RebalancingError`` for mismatched counts or non-finite coordinates or rates.
    public static func distanceBasedCosts(latitudes: [Double], longitudes: [Double], ratePerUnitKm: Double,
                                          handlingPerUnit: Double = 0,
                                          maximumKilometres: Double = .infinity) throws(RebalancingError) -> [[Double]] {
        guard latitudes.count == longitudes.count else {
            throw .shapeMismatch("\(latitudes.count) latitudes for \(longitudes.count) longitudes")
        }
        for value in latitudes + longitudes where !value.isFinite { throw .invalidValue("coordinate", value) }
        guard ratePerUnitKm.isFinite, ratePerUnitKm >= 0 else { throw .invalidValue("rate per unit km", ratePerUnitKm) }
        guard handlingPerUnit.isFinite, handlingPerUnit >= 0 else { throw .invalidValue("handling per unit", handlingPerUnit) }
        let n = latitudes.count
        var costs = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                let km = greatCircleKilometres(latitudes[i], longitudes[i], latitudes[j], longitudes[j])
                costs[i][j] = km > maximumKilometres ? .infinity : handlingPerUnit + ratePerUnitKm * km
            }
        }
        return costs
    }

    /// Haversine distance in km between two points given in degrees.
    static func greatCircleKilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0088 * asin(min(1, a.squareRoot()))
    }
}

extension RebalancingPlan {
    /// The transfers as simulation events on `day`, to replay the plan in an ``InventorySimulation``.
    public func scheduledTransfers(day: Int) -> [ScheduledTransfer] {
        transfers.map { ScheduledTransfer(day: day, sku: $0.sku, from: $0.from, to: $0.to, units: $0.units) }
    }
}
