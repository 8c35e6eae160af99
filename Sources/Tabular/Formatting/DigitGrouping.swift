/// Numbers written with commas between thousands, the one implementation the tables, axis ticks,
/// notebooks and reports share.
public enum DigitGrouping {
    /// A non-negative number with `decimals` decimals and commas between thousands: "1,234,567.50".
    public static func grouped(_ magnitude: Double, decimals: Int) -> String {
        let text = String(format: "%.\(max(0, decimals))f", magnitude)
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first else { return text }
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return parts.count > 1 ? grouped + "." + parts[1] : grouped
    }

    /// An integer with commas between thousands and a hyphen-minus when negative: "-1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = grouped(Double(value.magnitude), decimals: 0)
        return value < 0 ? "-" + digits : digits
    }
}
