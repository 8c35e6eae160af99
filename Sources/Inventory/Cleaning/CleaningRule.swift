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
    /// A quantity above Tukey's far fence on the log scale, Q3 + k·IQR of log quantity over the
    /// lines left by the rules before (k = ``Cleaning/outlierFence``).
    case outliers

    public var description: String {
        switch self {
        case .cancellations: "cancellations and returns (invoice starting with C, or quantity ≤ 0)"
        case .missingCustomer: "missing customer"
        case .nonProductCodes: "non-product codes (postage, discounts, manual, fees, vouchers)"
        case .nonPositivePrices: "unit price ≤ 0 or missing"
        case .outliers: "quantity outliers (log-scale Tukey fence)"
        }
    }
}
