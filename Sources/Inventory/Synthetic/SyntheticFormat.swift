import Foundation

/// Number formatting from integers only, so that generated files are the same on every machine.
enum SyntheticFormat {
    /// `value` with leading zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// An amount in cents as dollars with two decimals: 3499 → "34.99".
    static func cents(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        return "\(sign)\(magnitude / 100).\(padded(magnitude % 100, width: 2))"
    }

    /// `value` rounded to `decimals` places and written with exactly that many (no exponent).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var factor = 1
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int((value * Double(factor)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        guard decimals > 0 else { return "\(sign)\(magnitude)" }
        return "\(sign)\(magnitude / factor).\(padded(magnitude % factor, width: decimals))"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A TOML basic string.
    static func toml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
