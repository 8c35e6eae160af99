/// Days of supply: how many days the stock on hand lasts at the average daily demand.
///
/// - Returns: `onHand / averageDailyDemand`; +∞ when demand is 0 and stock is positive, 0 when both are 0.
/// - Throws: ``PolicyError`` for negative, NaN or infinite input.
public func daysOfSupply(onHand: Double, averageDailyDemand: Double) throws(PolicyError) -> Double {
    try requireNonNegative(onHand, "stock on hand")
    try requireNonNegative(averageDailyDemand, "average daily demand")
    if averageDailyDemand == 0 { return onHand == 0 ? 0 : .infinity }
    return onHand / averageDailyDemand
}

/// Inventory turnover: cost of goods sold over average inventory value, for the same period
/// (or units sold over average units on hand).
///
/// - Returns: The ratio; +∞ when the average inventory is 0 and something was sold, 0 when both are 0.
/// - Throws: ``PolicyError`` for negative, NaN or infinite input.
public func inventoryTurnover(costOfGoodsSold: Double, averageInventory: Double) throws(PolicyError) -> Double {
    try requireNonNegative(costOfGoodsSold, "cost of goods sold")
    try requireNonNegative(averageInventory, "average inventory")
    if averageInventory == 0 { return costOfGoodsSold == 0 ? 0 : .infinity }
    return costOfGoodsSold / averageInventory
}

/// Carrying (holding) cost of an average inventory value over a number of days at an annual rate:
/// `value × rate × days / 365`.
///
/// - Parameters:
///   - averageInventoryValue: Average value of the stock held, ≥ 0.
///   - annualRate: Carrying cost as a fraction of value per year (capital, storage, shrinkage,
///     obsolescence; typically 0.15–0.35), ≥ 0.
///   - days: Length of the period; default 365.
/// - Throws: ``PolicyError`` for negative, NaN or infinite input.
public func carryingCost(averageInventoryValue: Double, annualRate: Double, days: Double = 365) throws(PolicyError) -> Double {
    try requireNonNegative(averageInventoryValue, "average inventory value")
    try requireNonNegative(annualRate, "annual carrying rate")
    try requireNonNegative(days, "days")
    return averageInventoryValue * annualRate * days / 365
}
