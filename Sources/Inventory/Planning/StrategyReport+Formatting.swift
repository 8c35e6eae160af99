import Foundation
import Tabular

extension StrategyReport {
    /// `value` with thousands separators and `decimals` decimals ("1,234.50"); `value` ≥ 0.
    static func grouped(_ value: Double, decimals: Int) -> String { DigitGrouping.grouped(value, decimals: decimals) }

    /// A whole number with thousands separators and a true minus sign ("−1,234"); "n/a" for NaN.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        let rounded = value.rounded()
        return (rounded < 0 ? "−" : "") + DigitGrouping.grouped(abs(rounded), decimals: 0)
    }

    public static func signedAmount(_ value: Double) -> String {
        value.isFinite && value.rounded() > 0 ? "+" + amount(value) : amount(value)
    }

    /// An amount of money in whole units of `symbol`, as the notebooks write it ("£1,493", "−£20").
    public static func money(_ value: Double, symbol: String) -> String { Money(symbol: symbol)(value) }

    /// The report's currency, whole units.
    func money(_ value: Double) -> String { Self.money(value, symbol: currency) }

    /// A change of money with its sign ("+£12", "−£3", "£0").
    func signedMoney(_ value: Double) -> String { Self.signedMoney(value, symbol: currency) }

    static func signedMoney(_ value: Double, symbol: String) -> String {
        value.isFinite && value.rounded() > 0 ? "+" + money(value, symbol: symbol) : money(value, symbol: symbol)
    }

    /// How a difference of `kpi` between two plans is written: fill rate in points, total cost as
    /// signed money, counts as signed whole numbers.
    public static func changeFormatter(kpi: String, currency: String) -> (Double) -> String {
        switch kpi {
        case "fill_rate": return { points($0) }
        case "total_cost": return { signedMoney($0, symbol: currency) }
        default: return { signedAmount($0) }
        }
    }

    /// A small amount of money with pence or cents ("£0.42"), for costs per unit.
    func unitMoney(_ value: Double) -> String {
        guard value.isFinite else { return Self.amount(value) }
        return (value < 0 ? "−" : "") + currency + String(format: "%.2f", abs(value))
    }

    public static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f%%", 100 * value) : "n/a"
    }

    public static func points(_ value: Double) -> String {
        value.isFinite ? (value >= 0 ? "+" : "−") + String(format: "%.1f points", 100 * abs(value)) : "n/a"
    }

    static func one(_ value: Double) -> String { value.isFinite ? String(format: "%.1f", value) : amount(value) }
}
