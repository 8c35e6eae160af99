/// Amounts of money in prose and tables: the dataset's currency symbol and whole units with
/// thousands separators, a true minus sign when negative (`$1,493`, `−£20`; never `−$0`).
///
/// ```swift
/// let money = Money(symbol: dataset.manifest.currency)
/// notebook.text("Shipping costs \(money(1493.2)).")   // "Shipping costs $1,493."
/// ```
public struct Money: Sendable, Hashable {
    /// The currency symbol written before the amount.
    public var symbol: String

    public init(symbol: String = "$") {
        self.symbol = symbol
    }

    /// The amount rounded to whole units, with thousands separators; "n/a" for NaN.
    public func callAsFunction(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        let whole = DigitGrouping.grouped(abs(value).rounded(), decimals: 0)
        return (value < 0 && whole != "0" ? "−" : "") + symbol + whole
    }

    /// An axis or legend label with the symbol in parentheses: `Cost over the horizon ($)`.
    public func label(_ text: String) -> String { "\(text) (\(symbol))" }
}
