import Foundation
import Testing

/// A JSON fixture written by Fixtures/make_forecast_fixtures.py, read as loosely typed values.
struct Fixture {
    let root: [String: Any]

    init(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let data = try Data(contentsOf: url)
        root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    subscript(key: String) -> Any? { root[key] }
}

extension Dictionary where Key == String, Value == Any {
    /// A numeric array; JSON null becomes NaN.
    func doubles(_ key: String) -> [Double] {
        guard let raw = self[key] as? [Any] else { return [] }
        return raw.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    func double(_ key: String) -> Double { (self[key] as? NSNumber)?.doubleValue ?? .nan }
    func int(_ key: String) -> Int { (self[key] as? NSNumber)?.intValue ?? -1 }
    func string(_ key: String) -> String { self[key] as? String ?? "" }
    func bool(_ key: String) -> Bool { (self[key] as? NSNumber)?.boolValue ?? false }
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
}

extension Fixture {
    func doubles(_ key: String) -> [Double] { root.doubles(key) }
    func double(_ key: String) -> Double { root.double(key) }
    func objects(_ key: String) -> [[String: Any]] { root.objects(key) }
}

/// The largest absolute difference, treating two NaNs as equal and a NaN against a number as infinite.
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a, b) {
        if x.isNaN && y.isNaN { continue }
        let d = abs(x - y)
        worst = max(worst, d.isNaN ? .infinity : d)
    }
    return worst
}

/// The largest relative difference |a − b| / max(|b|, floor).
func maxRelativeDifference(_ a: [Double], _ b: [Double], floor: Double = 1) -> Double {
    guard a.count == b.count else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a, b) {
        let d = abs(x - y) / max(abs(y), floor)
        worst = max(worst, d.isNaN ? .infinity : d)
    }
    return worst
}
