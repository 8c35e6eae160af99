import Inventory
import Notebook
import Tabular

extension Notebook {
    /// The dataset's transactions cleaned for a stage: rows at locations the manifest lacks are
    /// dropped, the stage's drop gate (`--max-drop-share`, `--allow-drop`) is applied, each rule
    /// that dropped rows is logged on standard error, and warnings go to standard error and to this
    /// notebook.
    /// - Parameter summarize: whether to add a sentence of what cleaning dropped (a stage that
    ///   shows the whole report, like exploration, passes false).
    /// - Throws: ``CleaningError`` when a gated rule drops too much, when no row is left, or when
    ///   `--allow-drop` names no rule.
    public mutating func cleanTransactions(of dataset: Dataset, options: StageOptions,
                                           summarize: Bool = true) throws -> (frame: DataFrame, report: CleaningReport) {
        let gate = try DropGate(maxShareOfUnits: options.maxDropShare, allowing: options.allowDrop)
        let cleaned = try Cleaning(dataset: dataset).clean(dataset.transactions)
        for line in cleaned.report.summaryLines { StageLog.note(line) }
        try cleaned.report.check(gate)
        for message in cleaned.report.warnings + cleaned.report.allowedExcess(gate) { warning(message) }
        if summarize, let sentence = cleaned.report.sentence { text(sentence) }
        return cleaned
    }
}
