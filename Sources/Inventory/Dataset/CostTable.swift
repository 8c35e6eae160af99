import Foundation
import Tabular

/// Per-unit shipping and transfer costs resolved for a manifest's locations and regions: from the
/// great-circle distance and the manifest's rates, or looked up in its cost matrix files.
public struct CostTable: Sendable {
    public let model: CostModel
    private let shippingMatrix: [String: Double]?
    private let transferMatrix: [String: Double]?
    private let shippingFile: String
    private let transferFile: String

    /// Resolves the cost model of `manifest`, reading its matrix files when it has them.
    /// - Throws: ``ManifestError`` when the manifest has no `[costs]`, regions or locations
    ///   (``DatasetManifest/requireAllocationInputs()``), the CSV reader's errors, ``DatasetError/missingColumn(file:key:column:available:)`` for a
    ///   matrix without `from`, `to`, `cost_per_unit`, ``DatasetError/invalidCost(file:line:value:)``.
    public init(manifest: DatasetManifest) throws {
        model = try manifest.requireAllocationInputs()
        (shippingMatrix, shippingFile) = try Self.matrix(model.shipping, key: "costs.matrix")
        (transferMatrix, transferFile) = try Self.matrix(model.transfer, key: "costs.transfer_matrix")
    }

    /// The cost of shipping one unit from `location` to `region`.
    /// - Throws: ``DatasetError/missingCost(file:from:to:)`` when a matrix lacks the pair.
    public func shipping(from location: Location, to region: Region) throws -> Double {
        try cost(model.shipping, matrix: shippingMatrix, file: shippingFile, from: location.name, to: region.name,
                 distance: location.distanceKm(toLatitude: region.latitude, longitude: region.longitude))
    }

    /// The cost of transferring one unit from one location to another (0 to itself).
    /// - Throws: ``DatasetError/missingCost(file:from:to:)`` when a matrix lacks the pair.
    public func transfer(from source: Location, to target: Location) throws -> Double {
        if source.name == target.name { return 0 }
        return try cost(model.transfer, matrix: transferMatrix, file: transferFile, from: source.name, to: target.name,
                        distance: source.distanceKm(toLatitude: target.latitude, longitude: target.longitude))
    }

    /// Shipping costs as a matrix: `result[l][r]` from `locations[l]` to `regions[r]`.
    public func shippingMatrix(locations: [Location], regions: [Region]) throws -> [[Double]] {
        try locations.map { location in try regions.map { try shipping(from: location, to: $0) } }
    }

    /// Transfer costs between locations: `result[i][j]` from `locations[i]` to `locations[j]`.
    public func transferMatrix(locations: [Location]) throws -> [[Double]] {
        try locations.map { source in try locations.map { try transfer(from: source, to: $0) } }
    }

    private func cost(_ rate: CostModel.Rate, matrix: [String: Double]?, file: String, from: String, to: String,
                      distance: Double) throws -> Double {
        switch rate {
        case let .distance(perKm, fixed):
            return fixed + perKm * distance
        case .matrix:
            guard let value = matrix?[Self.key(from, to)] else { throw DatasetError.missingCost(file: file, from: from, to: to) }
            return value
        }
    }

    private static func key(_ from: String, _ to: String) -> String { from + "\u{1F}" + to }

    private static func matrix(_ rate: CostModel.Rate, key: String) throws -> ([String: Double]?, String) {
        guard case let .matrix(url) = rate else { return (nil, "") }
        var options = CSVReadingOptions()
        options.types = ["from": .string, "to": .string]
        let frame: DataFrame
        do {
            frame = try CSVReader(options: options).read(contentsOf: url)
        } catch let error as CSVError {
            if case let .unknownColumn(available) = error.kind, let column = error.columnName {
                throw DatasetError.missingColumn(file: url.relativePath, key: key, column: column, available: available)
            }
            throw error
        }
        guard frame.contains(column: "cost_per_unit") else {
            throw DatasetError.missingColumn(file: url.relativePath, key: key, column: "cost_per_unit", available: frame.columnNames)
        }
        let from = try frame["from", String.self], to = try frame["to", String.self]
        let costColumn = try frame.column("cost_per_unit")
        let costs = costColumn.doubles ?? Array(repeating: .nan, count: frame.rowCount)
        var table: [String: Double] = [:]
        for row in 0..<frame.rowCount {
            guard let source = from[row], let target = to[row] else { continue }
            let cost = costs[row]
            guard cost.isFinite, cost >= 0 else {
                throw DatasetError.invalidCost(file: url.relativePath, line: row + 2, value: costColumn[row].description)
            }
            table[Self.key(source, target)] = cost
        }
        return (table, url.relativePath)
    }
}
