import Tabular

/// One row of `allocation.csv`: today's stock of a SKU at a location and the stock the allocation
/// stage places there at the start of the held-out period, under the one-size-fits-all baseline and
/// the recommended plan.
///
/// Baseline and recommended place the same total, which may exceed today's stock (purchases received
/// at the fulfillment centers). Demand figures cover the whole held-out horizon. Columns of the file:
/// `sku`, `location`, `region`, `kind` (`store` or `fc`), `demand_mean`, `demand_sd`, `safety_stock`,
/// `target`, `current`, `baseline`, `recommended`, `expected_fill_baseline`, `expected_fill_recommended`,
/// and optionally `receipt` (units bought and received there at the start); further columns are ignored.
public struct PlacementRow: Sendable, Hashable {
    public var sku: String
    public var location: String
    public var region: String
    public var isStore: Bool
    public var demandMean: Double
    public var demandSD: Double
    public var safetyStock: Double
    public var target: Double
    public var current: Double
    public var baseline: Double
    public var recommended: Double
    /// Units bought and received here at the start (0 when the file has no `receipt` column).
    public var receipt: Double

    public init(sku: String, location: String, region: String, isStore: Bool, demandMean: Double, demandSD: Double,
                safetyStock: Double, target: Double, current: Double, baseline: Double, recommended: Double, receipt: Double = 0) {
        self.sku = sku
        self.location = location
        self.region = region
        self.isStore = isStore
        self.demandMean = demandMean
        self.demandSD = demandSD
        self.safetyStock = safetyStock
        self.target = target
        self.current = current
        self.baseline = baseline
        self.recommended = recommended
        self.receipt = receipt
    }
}

/// One row of `transfers.csv`: a store-to-store move of today's stock (`current` of `allocation.csv`).
/// Columns: `sku`, `from`, `to`, `quantity`, `distance_km`, `cost`, `benefit`.
public struct TransferRow: Sendable, Hashable {
    public var sku: String
    public var from: String
    public var to: String
    public var quantity: Double
    /// The allocation stage's estimate of the move's cost and benefit (the replay costs it itself).
    public var cost: Double
    public var benefit: Double

    public init(sku: String, from: String, to: String, quantity: Double, cost: Double = 0, benefit: Double = 0) {
        self.sku = sku
        self.from = from
        self.to = to
        self.quantity = quantity
        self.cost = cost
        self.benefit = benefit
    }
}

/// The schemas of the allocation stage's outputs as the validation stage reads them.
public enum ValidationInputs {
    /// The allocation stage's columns; `receipt` may be absent (files written before purchases).
    public static let allocationColumns = AllocationPlan.allocationColumns.filter { $0 != "receipt" }
    public static let transferColumns = RebalancingPlan.transferColumns

    /// The rows of an `allocation.csv` frame.
    /// - Parameter file: the name used in error messages.
    /// - Throws: ``ValidationInputError`` for a missing column, an empty text field, a `kind` other than
    ///   `store` or `fc`, a quantity that is missing, negative or not finite, or a repeated SKU × location.
    /// - Complexity: O(rows).
    public static func placements(_ frame: DataFrame, file: String = "allocation.csv") throws -> [PlacementRow] {
        try requireColumns(allocationColumns, in: frame, file: file)
        let text = try ["sku", "location", "region", "kind"].map { try textColumn($0, frame, file: file) }
        let numbers = try ["demand_mean", "demand_sd", "safety_stock", "target", "current", "baseline", "recommended"]
            .map { try numberColumn($0, frame, file: file) }
        let receipts = frame.contains(column: "receipt") ? try numberColumn("receipt", frame, file: file) : nil
        var rows: [PlacementRow] = []
        var seen: Set<[String]> = []
        for row in 0..<frame.rowCount {
            let kind = text[3][row]
            let store = AllocationPlan.kindLabel(.store), center = AllocationPlan.kindLabel(.fulfillmentCenter)
            guard kind == store || kind == center else {
                throw ValidationInputError.badValue(file: file, line: row + 2, column: "kind", value: kind, expected: "store or fc")
            }
            guard seen.insert([text[0][row], text[1][row]]).inserted else {
                throw ValidationInputError.duplicateRow(file: file, line: row + 2, sku: text[0][row], location: text[1][row])
            }
            rows.append(PlacementRow(sku: text[0][row], location: text[1][row], region: text[2][row], isStore: kind == store,
                                     demandMean: numbers[0][row], demandSD: numbers[1][row], safetyStock: numbers[2][row],
                                     target: numbers[3][row], current: numbers[4][row], baseline: numbers[5][row],
                                     recommended: numbers[6][row], receipt: receipts?[row] ?? 0))
        }
        return rows
    }

    /// The rows of a `transfers.csv` frame (a header alone gives none).
    /// - Throws: ``ValidationInputError`` for a missing column, an empty name, a move from a location to
    ///   itself, or a quantity or cost that is missing, negative or not finite.
    public static func transfers(_ frame: DataFrame, file: String = "transfers.csv") throws -> [TransferRow] {
        try requireColumns(transferColumns, in: frame, file: file)
        guard frame.rowCount > 0 else { return [] }
        let sku = try textColumn("sku", frame, file: file), from = try textColumn("from", frame, file: file)
        let to = try textColumn("to", frame, file: file)
        let quantity = try numberColumn("quantity", frame, file: file), cost = try numberColumn("cost", frame, file: file)
        let benefit = try numberColumn("benefit", frame, file: file, allowNegative: true)
        return try (0..<frame.rowCount).map { row in
            guard from[row] != to[row] else {
                throw ValidationInputError.badValue(file: file, line: row + 2, column: "to", value: to[row], expected: "a location other than 'from'")
            }
            return TransferRow(sku: sku[row], from: from[row], to: to[row], quantity: quantity[row], cost: cost[row], benefit: benefit[row])
        }
    }

    private static func requireColumns(_ names: [String], in frame: DataFrame, file: String) throws {
        for name in names where !frame.contains(column: name) {
            throw ValidationInputError.missingColumn(file: file, column: name, available: frame.columnNames)
        }
    }

    private static func textColumn(_ name: String, _ frame: DataFrame, file: String) throws -> [String] {
        let values = try Dataset.identifiers(frame.column(name))[String.self]
        return try values.enumerated().map { row, value in
            guard let value, !value.isEmpty else {
                throw ValidationInputError.badValue(file: file, line: row + 2, column: name, value: "", expected: "a name")
            }
            return value
        }
    }

    private static func numberColumn(_ name: String, _ frame: DataFrame, file: String, allowNegative: Bool = false) throws -> [Double] {
        let column = try frame.column(name)
        guard let values = column.doubles else {
            let first = (0..<column.count).first { !column.isMissing($0) } ?? 0
            throw ValidationInputError.badValue(file: file, line: first + 2, column: name,
                                           value: column.count > 0 ? column[first].description : "", expected: "a number")
        }
        for (row, value) in values.enumerated() where !value.isFinite || (!allowNegative && value < 0) {
            throw ValidationInputError.badValue(file: file, line: row + 2, column: name, value: value.isNaN ? "" : "\(value)",
                                           expected: allowNegative ? "a finite number" : "a number ≥ 0")
        }
        return values
    }
}

extension ValidationInputs {
    /// The horizon in weeks of a `forecasts.csv` frame (its largest `step`) and its first forecast
    /// week, or nil for a frame without rows.
    /// - Throws: `TabularError` without the `step` or `week` columns.
    public static func forecastHorizon(_ forecasts: DataFrame) throws -> (weeks: Int, firstWeek: CivilDate)? {
        let steps = try forecasts.doubles(ForecastTable.step).filter(\.isFinite)
        let weeks = try DemandSeriesSet.days(forecasts[ForecastTable.week]).compactMap { $0 }
        guard let last = steps.max(), let first = weeks.min(), last >= 1 else { return nil }
        return (Int(last), CivilDate(days: first))
    }
}
