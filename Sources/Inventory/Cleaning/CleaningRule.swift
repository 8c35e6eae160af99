/// One rule of ``Cleaning``, applied in the order of ``allCases``.
public enum CleaningRule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Cancellations and returns: an invoice starting with `C`, or a quantity that is not positive
    /// (negative, zero or missing).
    case cancellations
    /// Lines without a customer (only when the data has a customer column).
    case missingCustomer = "missing_customer"
    /// Codes that are not products: postage, discounts, manual adjustments, fees, gift vouchers
    /// (``Cleaning/nonProductCodes`` and ``Cleaning/nonProductPrefixes``).
    case nonProductCodes = "non_product_codes"
    /// A unit price of 0 or less, or missing (free samples, bad-debt adjustments).
    case nonPositivePrices = "non_positive_prices"
    /// Lines sold at a location the manifest does not list (only when ``Cleaning/knownLocations``
    /// is set): rows outside the dataset's network, which no stage can plan for.
    case unknownLocations = "unknown_locations"
    /// Lines dated far from the rest (a 1900 or 2100 typo): outside the quartiles of the dates by
    /// ``Cleaning/dateFence`` times their interquartile range, the range taken as at least
    /// ``Cleaning/minimumDateSpreadDays``.
    case farDates = "far_dates"
    /// A quantity above Tukey's far fence on the log scale, Q3 + k·IQR of log quantity over the
    /// lines left by the rules before (k = ``Cleaning/outlierFence``), the fence never below the
    /// ``Cleaning/outlierFloorQuantile`` quantile of the quantities.
    case outliers

    public var description: String {
        switch self {
        case .cancellations: "cancellations and returns (invoice starting with C, or quantity ≤ 0)"
        case .missingCustomer: "missing customer"
        case .nonProductCodes: "non-product codes (postage, discounts, manual, fees, vouchers)"
        case .nonPositivePrices: "unit price ≤ 0 or missing"
        case .unknownLocations: "location not in the manifest"
        case .farDates: "dates far from the rest"
        case .outliers: "quantity outliers (log-scale Tukey fence)"
        }
    }

    /// Whether the rule can drop a large share of the data by mistake — a threshold estimated
    /// from the data that goes wrong, or a manifest that does not match the data — rather than by
    /// what a row is; a ``DropGate`` checks these rules.
    public var isGated: Bool {
        switch self {
        case .unknownLocations, .farDates, .outliers: true
        default: false
        }
    }
}
