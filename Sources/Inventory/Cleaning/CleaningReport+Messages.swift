import Foundation
import Tabular

extension CleaningReport {
    /// One line per rule that dropped rows, for a log: `cleaning: outliers dropped 12 of 396,337
    /// rows (<0.1% of rows, 3.7% of units): quantity above 2592 units (Q3 + 3·IQR of log quantity)`.
    public var summaryLines: [String] {
        steps.filter { $0.dropped > 0 }.map { step in
            let before = step.remaining + step.dropped
            var line = "cleaning: \(step.rule.rawValue) dropped \(Self.count(step.dropped)) of \(Self.count(before)) rows"
            line += " (\(Self.percent(Double(step.dropped) / Double(max(1, before)))) of rows, \(Self.percent(step.shareOfUnits)) of units)"
            return step.detail.isEmpty ? line : line + ": " + step.detail
        }
    }

    /// One sentence for a notebook: `Cleaning kept 10,502 of 10,751 transaction rows (dropped:
    /// cancellations 240, outliers 9); the exploration notebook shows each rule.` Nil when nothing
    /// was dropped.
    public var sentence: String? {
        let dropping = steps.filter { $0.dropped > 0 }
        guard !dropping.isEmpty else { return nil }
        let list = dropping.map { "\($0.rule.rawValue) \(Self.count($0.dropped))" }.joined(separator: ", ")
        return "Cleaning kept \(Self.count(outputRows)) of \(Self.count(inputRows)) transaction rows (dropped: \(list)); the exploration notebook shows each rule."
    }

    /// What a reader should know before trusting results on this data: rows outside the manifest's
    /// network, dates far from the rest. Empty when there is nothing to say.
    public var warnings: [String] {
        var messages: [String] = []
        if let step = step(.unknownLocations), step.dropped > 0 {
            messages.append("dropped \(Self.rows(step.dropped)) at locations the manifest does not list (\(step.detail)); add them under [[locations]] in the manifest to keep them")
        }
        if let step = step(.farDates), step.dropped > 0 {
            messages.append("dropped \(Self.rows(step.dropped)) dated far from the rest (\(step.detail)); check the date column of the transactions")
        }
        if unknownRegions.rows > 0 {
            messages.append("\(Self.rows(unknownRegions.rows)) in regions the manifest does not list (\(Cleaning.list(unknownRegions.names))): kept in the totals, but no region-level plan places stock for them")
        }
        if rowsWithoutLocation > 0 {
            messages.append("\(Self.rows(rowsWithoutLocation)) without a location (a blank location, or a region no location of the manifest serves): kept in the totals, but not planned")
        }
        return messages
    }

    /// `1 row`, `2,345 rows`.
    static func rows(_ value: Int) -> String { count(value) + (value == 1 ? " row" : " rows") }

    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }

    static func percent(_ share: Double) -> String {
        share > 0 && share < 0.001 ? "<0.1%" : String(format: "%.1f%%", share * 100)
    }
}
