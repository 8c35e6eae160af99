/// Numbers written with commas between thousands, the one implementation the tables, axis ticks,
/// notebooks and reports share.
public enum DigitGrouping {
    /// A non-negative number with `decimals` decimals and commas between thousands: "1,234,567.50".
    public static func grouped(_ magnitude: Double, decimals: Int) -> String {
        let text = String(format: "%.\(max(0, decimals))f", magnitude)
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first else { return text }
        let grouped = commas(whole)
        return parts.count > 1 ? grouped + "." + parts[1] : grouped
    }

    /// An integer with commas between thousands and a hyphen-minus when negative: "-1,234,567"
    /// (every digit exact, however large).
    public static func grouped(_ value: Int) -> String {
        let digits = commas(Substring(String(value.magnitude)))
        return value < 0 ? "-" + digits : digits
    }

    /// `digits` with a comma before every group of three from the right.
    private static func commas(_ digits: Substring) -> String {
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
