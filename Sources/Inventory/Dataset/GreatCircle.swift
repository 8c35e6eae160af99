import Foundation

/// Great-circle distances on a spherical Earth.
public enum GreatCircle {
    /// The mean Earth radius in kilometres (IUGG).
    public static let earthRadiusKm = 6371.0088

    /// The haversine distance in kilometres between two points given in degrees.
    ///
    /// Accurate to about 0.5% (the Earth is not a sphere); symmetric, and 0 for identical points.
    /// Sinnott (1984), "Virtues of the haversine".
    public static func distanceKm(latitude lat1: Double, longitude lon1: Double,
                                  latitude lat2: Double, longitude lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let sinLat = sin(dLat / 2), sinLon = sin(dLon / 2)
        let h = sinLat * sinLat + cos(lat1 * radians) * cos(lat2 * radians) * sinLon * sinLon
        // min() guards asin against h creeping past 1 by rounding for antipodal points.
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }
}
