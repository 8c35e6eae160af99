import Foundation
import Tabular

/// A notebook a script writes as it goes: prose, tables, figures and metrics, under timed sections,
/// plus the files it produces. Nothing touches the disk until ``write(to:)``, which replaces the
/// stage's previous files as a unit (``AtomicWriter``), so a script that fails half-way leaves the
/// previous outputs whole.
///
/// ```swift
/// var notebook = Notebook(number: 1, name: "exploration", title: "Exploration", seed: 42)
/// try notebook.recordInput(transactionsURL)
/// notebook.section("Store performance")
/// notebook.text("Revenue by store over the two years.")
/// notebook.table(byStore, caption: "Revenue by store")
/// notebook.figure(png, name: "store_revenue", caption: "Revenue by store")
/// notebook.attach(csvBytes, as: "segments.csv")
/// try notebook.write(to: outputFolder)
/// ```
public struct Notebook: Sendable {
    public let number: Int
    public let name: String
    public let title: String
    public private(set) var cells: [Cell] = []
    public private(set) var record: RunRecord
    private var attachments: [(name: String, bytes: [UInt8])] = []
    private var openSection: (title: String, start: UInt64)?

    /// - Parameters:
    ///   - number: the stage number, giving file names like `01_exploration.md`.
    ///   - seed: the random seed the script uses, recorded in the run record.
    public init(number: Int, name: String, title: String, seed: UInt64) {
        self.number = number
        self.name = name
        self.title = title
        record = RunRecord(seed: seed)
    }

    /// The base of the file names, `NN_name`.
    public var stem: String { (number < 10 ? "0" : "") + "\(number)_\(name)" }

    // MARK: Cells

    /// Starts a section: a `##` heading, timed until the next section or the end.
    public mutating func section(_ heading: String) {
        closeSection()
        cells.append(.markdown("## \(heading)"))
        openSection = (heading, DispatchTime.now().uptimeNanoseconds)
    }

    /// A paragraph of prose (Markdown).
    public mutating func text(_ markdown: String) {
        cells.append(.markdown(markdown))
    }

    /// A table of `frame`, rounded and truncated to `maxRows` rows with a note.
    public mutating func table(_ frame: DataFrame, caption: String? = nil, maxRows: Int = 20) {
        cells.append(.table(TableCell(frame, caption: caption, maxRows: maxRows)))
    }

    /// A PNG figure, saved as `figures/NN_<name>.png`.
    public mutating func figure(_ png: [UInt8], name: String, caption: String) {
        cells.append(.figure(file: "\(stem)_\(name).png", caption: caption, png: png))
    }

    /// Key metrics, in order.
    public mutating func metrics(_ items: [Metric]) {
        cells.append(.metrics(items))
    }

    // MARK: Outputs and the run record

    /// A result file written beside the notebook (for example `segments.csv`), atomically with it.
    public mutating func attach(_ bytes: [UInt8], as fileName: String) {
        attachments.append((fileName, bytes))
    }

    /// Records an input file with its SHA-256.
    public mutating func recordInput(_ url: URL) throws {
        record.inputs.append(.init(path: url.lastPathComponent, sha256: try SHA256.hex(ofFile: url)))
    }

    /// Records a parameter of the run (`--horizon 12`).
    public mutating func recordParameter(_ name: String, _ value: String) {
        record.parameters.append(Metric(name, value))
    }

    // MARK: Writing

    /// Writes `NN_name.md`, `NN_name.ipynb`, the figures under `figures/` and the attached files into
    /// an open run folder, replacing this stage's previous set of files there as a unit (see
    /// ``AtomicWriter``): a failure at any point leaves the previous set whole.
    public mutating func write(to output: OutputFolder) throws {
        try output.replaceSet(stem: stem, with: try files())
    }

    /// Writes into `directory` (created if needed), taking its lock for the time of the write.
    public mutating func write(to directory: URL) throws {
        try write(to: OutputFolder(directory))
    }

    /// A warning for the reader: `warning: ...` on standard error at once, and a highlighted
    /// paragraph here, listed again with the run record.
    public mutating func warning(_ message: String) {
        StageLog.warning(message)
        cells.append(.markdown("> **Warning:** " + message))
        record.warnings.append(message)
    }

    /// Every file of the notebook: Markdown, Jupyter, figures, attachments.
    mutating func files() throws -> [(path: String, bytes: [UInt8])] {
        closeSection()
        let figures = cells.compactMap { cell -> (path: String, bytes: [UInt8])? in
            if case let .figure(file, _, png) = cell { return ("figures/" + file, png) }
            return nil
        }
        var files: [(path: String, bytes: [UInt8])] = [
            ("\(stem).md", Array(MarkdownRenderer.render(self).utf8)),
            ("\(stem).ipynb", try JupyterRenderer.render(self)),
        ]
        files += figures
        files += attachments.map { ($0.name, $0.bytes) }
        return files
    }

    private mutating func closeSection() {
        guard let (title, start) = openSection else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        record.sectionSeconds.append(.init(section: title, seconds: seconds))
        openSection = nil
    }
}
