import Plot

/// Amounts of money in prose and tables: the dataset's currency symbol and whole units with
/// thousands separators (`$1,493`, `£-20`, `£1.2M` with `compact`).
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

    /// The amount rounded to whole units, with thousands separators.
    public func callAsFunction(_ value: Double) -> String {
        value < 0 ? "−" + symbol + NumberFormat.plain(decimals: 0).string(-value) : symbol + NumberFormat.plain(decimals: 0).string(value)
    }

    /// An axis or legend label with the symbol in parentheses: `Cost over the horizon ($)`.
    public func label(_ text: String) -> String { "\(text) (\(symbol))" }
}
