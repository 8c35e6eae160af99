/// Names clusters from their numbers: each cluster is named after the feature on which its centroid
/// stands out most (in standard deviations from the mean of all rows), in words a planner reads, such
/// as "Lapsed" or "Online-first". A name two clusters would share gets the next most distinctive
/// feature added ("High spenders, frequent buyers").
public struct SegmentNaming: Sendable {
    /// Words for a feature: what a high value means, and what a low one means (nil: not worth naming).
    public struct Descriptor: Sendable, Hashable {
        public let high: String
        public let low: String?

        public init(high: String, low: String?) {
            self.high = high
            self.low = low
        }
    }

    public var descriptors: [String: Descriptor]

    public init(descriptors: [String: Descriptor]) {
        self.descriptors = descriptors
    }

    /// Words for customer features (``CustomerFeatures``), with category shares named after their category.
    public static func customers(featureNames: [String]) -> SegmentNaming {
        var descriptors: [String: Descriptor] = [
            "recency_days": .init(high: "Lapsed", low: "Recently active"),
            "frequency": .init(high: "Frequent buyers", low: "Occasional buyers"),
            "monetary": .init(high: "High spenders", low: "Low spenders"),
            "average_order_value": .init(high: "Big baskets", low: "Small baskets"),
            "units": .init(high: "Bulk buyers", low: "Light buyers"),
            "tenure_days": .init(high: "Long-standing", low: "Newcomers"),
            "online_share": .init(high: "Online-first", low: "In-store"),
            "q4_share": .init(high: "Holiday shoppers", low: "Off-season buyers"),
            "peak_month_share": .init(high: "Seasonal", low: "Year-round"),
        ]
        for name in featureNames where name.hasPrefix("share_") {
            descriptors[name] = .init(high: "\(humanized(name.dropFirst(6))) lovers", low: nil)
        }
        return SegmentNaming(descriptors: descriptors)
    }

    /// Words for location features (``LocationFeatures``).
    public static func locations(featureNames: [String]) -> SegmentNaming {
        var descriptors: [String: Descriptor] = [
            "revenue_per_day": .init(high: "High-velocity", low: "Low-velocity"),
            "units_per_day": .init(high: "High-volume", low: "Low-volume"),
            "weekly_amplitude": .init(high: "Weekend-peaked", low: "Steady through the week"),
            "yearly_amplitude": .init(high: "Strongly seasonal", low: "Steady through the year"),
            "weekend_share": .init(high: "Weekend-led", low: "Weekday-led"),
        ]
        for name in featureNames where name.hasPrefix("share_") {
            descriptors[name] = .init(high: "\(humanized(name.dropFirst(6)))-led", low: nil)
        }
        return SegmentNaming(descriptors: descriptors)
    }

    /// One name per centroid.
    /// - Parameters:
    ///   - standardizedCentroids: each cluster's mean of every feature in standard deviations from
    ///     the mean of all rows (`[cluster][feature]`).
    ///   - featureNames: the feature of each column.
    public func names(standardizedCentroids: [[Double]], featureNames: [String]) -> [String] {
        let ranked = standardizedCentroids.map { centroid -> [String] in
            centroid.indices
                .compactMap { index -> (String, Double)? in
                    guard let descriptor = descriptors[featureNames[index]] else { return nil }
                    let z = centroid[index]
                    if z >= 0 { return (descriptor.high, z) }
                    return descriptor.low.map { ($0, -z) }
                }
                .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
                .map(\.0)
        }
        var words = ranked.map { Array($0.prefix(1)) }
        for depth in 2...4 {
            let names = words.map { $0.joined(separator: ", ") }
            let repeated = Set(names.filter { name in names.filter { $0 == name }.count > 1 })
            guard !repeated.isEmpty else { break }
            for cluster in words.indices where repeated.contains(names[cluster]) {
                words[cluster] = Array(ranked[cluster].prefix(depth))
            }
        }
        return words.enumerated().map { cluster, parts in
            parts.isEmpty ? "Segment \(cluster + 1)" : Self.sentenceCase(parts)
        }
    }

    private static func sentenceCase(_ parts: [String]) -> String {
        guard let first = parts.first else { return "" }
        return ([first] + parts.dropFirst().map { $0.prefix(1).lowercased() + $0.dropFirst() }).joined(separator: ", ")
    }

    /// `wine_spirits` → `Wine spirits`.
    static func humanized<S: StringProtocol>(_ slug: S) -> String {
        let words = String(slug).split(separator: Character("_")).map(String.init)
        guard let first = words.first else { return String(slug) }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }
}
