import Tabular
import Foundation

/// How numbers on an axis, in annotations and in labels are written.
public enum NumberFormat: Sendable, Hashable {
    /// Plain digits with thousands separators below 10,000 in magnitude, compact (`12k`, `3.4M`) above.
    case automatic
    /// Plain digits with thousands separators; `decimals` fixed, or as few as the values need.
    case plain(decimals: Int? = nil)
    /// Thousands, millions, billions as `1.2k`, `3.4M`, `5B`.
    case compact
    /// A currency symbol in front of the automatic form: `£950`, `£1,200`, `$3.4M`.
    case currency(String)
    /// Fractions as percentages: `0.25` is `25%`.
    case percent

    static let minus = "\u{2212}"

    /// The labels of a set of ticks: one number of decimals for all, as few as tell them apart.
    ///
    /// NaN and infinite values are written `NaN`, `∞`, `−∞`.
    public func labels(for values: [Double]) -> [String] {
        let finite = values.filter(\.isFinite)
        let largest = finite.map { abs($0) }.max() ?? 0
        guard compacts(largest) else {
            let decimals = fixedDecimals ?? Self.decimalsNeeded(finite.map { $0 * multiplier })
            return values.map { format($0, divisor: 1, suffix: "", decimals: decimals) }
        }
        // Each compact label takes its own unit (250k, 500k, 750k, 1M, 1.25M), with the decimals its
        // unit's values need, trimmed; zero needs no unit at all.
        let units = values.map { compactUnit(abs($0)) }
        var decimalsByUnit: [Double: Int] = [:]
        for (value, unit) in zip(values, units) where value.isFinite && decimalsByUnit[unit.0] == nil {
            let sameUnit = zip(finite, finite.map { compactUnit(abs($0)).0 }).filter { $0.1 == unit.0 }.map { $0.0 / unit.0 }
            decimalsByUnit[unit.0] = Self.decimalsNeeded(sameUnit)
        }
        return zip(values, units).map { value, unit in
            if value == 0 { return format(0, divisor: 1, suffix: "", decimals: 0) }
            let text = format(value, divisor: unit.0, suffix: unit.1, decimals: decimalsByUnit[unit.0] ?? 0)
            return Self.trimmingZeros(text)
        }
    }

    /// One number on its own, with up to three significant digits in compact forms.
    ///
    /// NaN and infinite values are written `NaN`, `∞`, `−∞`.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return format(value, divisor: 1, suffix: "", decimals: 0) }
        let (divisor, suffix) = compacts(abs(value)) ? compactUnit(abs(value)) : (1, "")
        let scaled = abs(value * multiplier / divisor)
        let decimals: Int
        if let fixed = fixedDecimals {
            decimals = fixed
        } else if scaled == 0 || scaled >= 100 {
            decimals = 0
        } else if scaled >= 10 {
            decimals = 1
        } else {
            decimals = 2
        }
        let text = format(value, divisor: divisor, suffix: suffix, decimals: decimals)
        return fixedDecimals == nil ? Self.trimmingZeros(text) : text
    }

    private var multiplier: Double {
        if case .percent = self { return 100 }
        return 1
    }

    private var fixedDecimals: Int? {
        if case let .plain(decimals) = self, let decimals { return max(0, min(12, decimals)) }
        return nil
    }

    /// Whether numbers up to `magnitude` are written with k, M, B, T.
    private func compacts(_ magnitude: Double) -> Bool {
        switch self {
        case .compact: return magnitude >= 1000
        case .automatic, .currency: return magnitude >= 10_000
        case .plain, .percent: return false
        }
    }

    /// The unit of one number in a compact set: none below 1,000.
    private func compactUnit(_ magnitude: Double) -> (Double, String) {
        guard magnitude >= 1000 else { return (1, "") }
        if magnitude >= 1e12 { return (1e12, "T") }
        if magnitude >= 1e9 { return (1e9, "B") }
        if magnitude >= 1e6 { return (1e6, "M") }
        return (1e3, "k")
    }

    private func format(_ value: Double, divisor: Double, suffix: String, decimals: Int) -> String {
        if value.isNaN { return "NaN" }
        let sign = value < 0 ? Self.minus : ""
        if value.isInfinite { return sign + "∞" }
        var digits = Self.grouped(abs(value) * multiplier / divisor, decimals: decimals)
        if digits.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) {
            return prefix + digits + suffix + percentSign
        }
        digits = prefix + digits + suffix + percentSign
        return sign + digits
    }

    private var prefix: String {
        if case let .currency(symbol) = self { return symbol }
        return ""
    }

    private var percentSign: String {
        if case .percent = self { return "%" }
        return ""
    }

    /// The fewest decimals (up to 10) that write every value without losing its tick step.
    static func decimalsNeeded(_ values: [Double]) -> Int {
        for decimals in 0...10 {
            let scale = Foundation.pow(10, Double(decimals))
            let exact = values.allSatisfy { value in
                let rounded = (value * scale).rounded() / scale
                return abs(rounded - value) <= 1e-9 * max(1, abs(value))
            }
            if exact { return decimals }
        }
        return 10
    }

    /// A non-negative number with `decimals` decimals and commas between thousands.
    static func grouped(_ magnitude: Double, decimals: Int) -> String {
        DigitGrouping.grouped(magnitude, decimals: decimals)
    }

    static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var characters = Array(text)
        let dot = characters.lastIndex(of: ".") ?? 0
        var end = dot + 1
        while end < characters.count, characters[end].isNumber { end += 1 }
        var cut = end
        while cut > dot + 1, characters[cut - 1] == "0" { cut -= 1 }
        if cut == dot + 1 { cut = dot }
        characters.removeSubrange(cut..<end)
        return String(characters)
    }
}
