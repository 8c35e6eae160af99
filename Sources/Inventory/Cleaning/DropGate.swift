import Tabular

/// How much of the data a cleaning rule may drop before a stage stops: a rule that can drop a large
/// share by mistake (``CleaningRule/isGated``: a threshold estimated from the data, a manifest that
/// does not match it) fails the stage when it drops more than ``maxShareOfUnits`` of the units
/// still there when it ran, unless the user allowed it.
///
/// ```swift
/// let gate = try DropGate(maxShareOfUnits: 0.05, allowing: ["outliers"])
/// try report.check(gate)
/// ```
public struct DropGate: Sendable, Equatable {
    /// The largest share of units a gated rule may drop (0...1).
    public var maxShareOfUnits: Double = 0.05
    /// Rules allowed to drop any share.
    public var allowed: Set<CleaningRule> = []

    public init(maxShareOfUnits: Double = 0.05, allowed: Set<CleaningRule> = []) {
        self.maxShareOfUnits = maxShareOfUnits
        self.allowed = allowed
    }

    /// A gate from rule names as a user types them (`outliers`, `far_dates`, or `all`).
    /// - Throws: ``CleaningError/unknownRule(_:)`` for a name that is not a rule.
    public init(maxShareOfUnits: Double, allowing names: [String]) throws {
        self.maxShareOfUnits = maxShareOfUnits
        for name in names {
            if name == "all" {
                allowed.formUnion(CleaningRule.allCases)
            } else if let rule = CleaningRule(rawValue: name) {
                allowed.insert(rule)
            } else {
                throw CleaningError.unknownRule(name)
            }
        }
    }
}

/// Why cleaned data cannot go on to a stage.
public enum CleaningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A gated rule dropped more than the gate allows.
    case tooMuchDropped(rule: CleaningRule, share: Double, maxShare: Double, detail: String)
    /// Every row was dropped; the report's one-line summaries say by which rules.
    case nothingLeft(inputRows: Int, summary: [String])
    /// The transactions have no rows at all.
    case noTransactions
    /// `--allow-drop` named no rule.
    case unknownRule(String)

    public var description: String {
        switch self {
        case let .tooMuchDropped(rule, share, maxShare, detail):
            return "cleaning rule '\(rule.rawValue)' would drop \(CleaningReport.percent(share)) of the units, more than the \(CleaningReport.percent(maxShare)) allowed"
                + (detail.isEmpty ? "" : " (\(detail))")
                + ". Check the data; to accept the drop, pass --allow-drop \(rule.rawValue) or a larger --max-drop-share"
        case let .nothingLeft(inputRows, summary):
            let reasons = summary.isEmpty ? "" : ":\n  " + summary.joined(separator: "\n  ")
            return "cleaning left no rows of the \(DigitGrouping.grouped(inputRows)) transactions\(reasons)\nCheck the quantity, unit price and customer columns the manifest maps"
        case .noTransactions:
            return "the transactions have no rows: check the file the manifest's [transactions] path names"
        case let .unknownRule(name):
            return "--allow-drop: no cleaning rule '\(name)'; the rules are \(CleaningRule.allCases.map(\.rawValue).joined(separator: ", ")) (or all)"
        }
    }
}

extension CleaningReport {
    /// Checks the report against a gate, and that some rows are left.
    /// - Throws: ``CleaningError/noTransactions`` for an empty input,
    ///   ``CleaningError/nothingLeft(inputRows:summary:)`` when no row is left; ``CleaningError/tooMuchDropped(rule:share:maxShare:detail:)`` for the first
    ///   gated rule, in order, above the gate's share and not allowed.
    public func check(_ gate: DropGate) throws {
        if inputRows == 0 { throw CleaningError.noTransactions }
        if outputRows == 0 {
            throw CleaningError.nothingLeft(inputRows: inputRows, summary: summaryLines)
        }
        for step in steps where step.rule.isGated && !gate.allowed.contains(step.rule) && step.shareOfUnits > gate.maxShareOfUnits {
            throw CleaningError.tooMuchDropped(rule: step.rule, share: step.shareOfUnits, maxShare: gate.maxShareOfUnits, detail: step.detail)
        }
    }

    /// Gated rules above the gate's share that the gate allowed: worth a warning.
    public func allowedExcess(_ gate: DropGate) -> [String] {
        steps.filter { $0.rule.isGated && gate.allowed.contains($0.rule) && $0.shareOfUnits > gate.maxShareOfUnits }.map {
            "cleaning rule '\($0.rule.rawValue)' dropped \(CleaningReport.percent($0.shareOfUnits)) of the units (allowed by --allow-drop \($0.rule.rawValue))"
        }
    }
}
