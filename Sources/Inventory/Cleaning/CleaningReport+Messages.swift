import Foundation
import Tabular

extension CleaningReport {
    /// One line per rule that dropped rows, for a log: `cleaning: outliers dropped 12 of 397,884
    /// rows (3.8% of units): quantity above 2592 units (Q3 + 3·IQR of log quantity)`.
    public var summaryLines: [String] {
        steps.filter { $0.dropped > 0 }.map { step in
            let before = step.remaining + step.dropped
            var line = "cleaning: \(step.rule.rawValue) dropped \(Self.count(step.dropped)) of \(Self.count(before)) rows"
            line += " (\(Self.percent(step.shareOfUnits)) of units)"
            return step.detail.isEmpty ? line : line + ": " + step.detail
        }
    }

    /// What a reader should know before trusting results on this data: rows outside the manifest's
    /// network, dates far from the rest. Empty when there is nothing to say.
    public var warnings: [String] {
        var messages: [String] = []
        if let step = step(.unknownLocations), step.dropped > 0 {
            messages.append("\(Self.count(step.dropped)) rows at locations the manifest does not list were dropped (\(step.detail)); add them under [[locations]] in the manifest to keep them")
        }
        if let step = step(.farDates), step.dropped > 0 {
            messages.append("\(Self.count(step.dropped)) rows dated far from the rest were dropped (\(step.detail)); check the date column of the transactions")
        }
        if unknownRegions.rows > 0 {
            messages.append("\(Self.count(unknownRegions.rows)) rows are in regions the manifest does not list (\(Cleaning.list(unknownRegions.names))); they count in the totals but no region-level figure places stock for them")
        }
        if rowsWithoutLocation > 0 {
            messages.append("\(Self.count(rowsWithoutLocation)) rows have no location (their region is served by no location of the manifest); they count in the totals but are not planned")
        }
        return messages
    }

    static func count(_ value: Int) -> String { DigitGrouping.grouped(value) }

    static func percent(_ share: Double) -> String {
        share > 0 && share < 0.001 ? "<0.1%" : String(format: "%.1f%%", share * 100)
    }
}
