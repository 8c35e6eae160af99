import Foundation
@testable import Stats

/// Reads the committed reference files written by `Fixtures/make_fixtures.py`.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is not in the test bundle" }
    }

    static func url(_ name: String) throws -> URL {
        let parts = name.split(separator: ".")
        guard parts.count == 2,
              let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]), subdirectory: "Fixtures")
        else { throw Missing(name: name) }
        return url
    }

    /// Decodes a JSON fixture; NaN and infinities are written as the strings "nan", "inf", "-inf".
    static func load<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(T.self, from: Data(contentsOf: url(name)))
    }

    /// A numeric CSV fixture with a header row, as a matrix.
    static func csv(_ name: String) throws -> Matrix {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",").compactMap { Double(String($0)) }
        }
        return try Matrix(rows: Array(rows))
    }
}

/// |a - b| ≤ tolerance · max(1, |b|), with NaN equal to NaN.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// Relative closeness |a - b| ≤ tolerance · |b| (for values spanning many magnitudes).
func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= tolerance * abs(b)
}

func allClose(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}
