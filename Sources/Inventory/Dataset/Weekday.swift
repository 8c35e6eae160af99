import Tabular

/// A day of the week, numbered as ``CivilDate/weekday`` numbers them (Monday 0 … Sunday 6): the day
/// a dataset's weeks start on.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of a date.
    public init(_ date: CivilDate) {
        self = Weekday(rawValue: date.weekday) ?? .monday
    }

    /// The weekday named `text` in English (`friday`, `Friday`, `fri`); nil for anything else.
    public init?(name text: String) {
        let lower = text.lowercased()
        guard lower.count >= 3, let day = Self.allCases.first(where: { $0.name.hasPrefix(lower) }) else { return nil }
        self = day
    }

    /// The name in lower case (`friday`), as a manifest writes it.
    public var name: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue]
    }

    /// The name capitalised (`Friday`), for prose.
    public var description: String { name.prefix(1).uppercased() + name.dropFirst() }

    /// The last day of a week that starts on this day.
    public var weekEnd: Weekday { Weekday(rawValue: (rawValue + 6) % 7) ?? .sunday }

    /// Days from the start of the week containing a day of weekday `weekday` back to that day's
    /// weekday: 0 when `weekday` is this day, up to 6.
    public func offset(ofWeekday weekday: Int) -> Int { ((weekday - rawValue) % 7 + 7) % 7 }
}
