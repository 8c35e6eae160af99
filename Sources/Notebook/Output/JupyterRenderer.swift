import Foundation

/// Renders a notebook as a Jupyter notebook (nbformat 4.4): prose as Markdown cells, tables and
/// figures as the display outputs of code cells (HTML and plain text; embedded PNG), so that it opens
/// with its figures in Jupyter, VS Code and GitHub.
enum JupyterRenderer {
    static func render(_ notebook: Notebook) throws -> [UInt8] {
        var cells: [[String: Any]] = [markdown("# \(notebook.title)")]
        for cell in notebook.cells {
            switch cell {
            case let .markdown(text):
                cells.append(markdown(text))
            case let .table(table):
                cells.append(display(source: "# table: \(table.caption ?? "")", data: [
                    "text/html": lines(table.html), "text/plain": lines(table.plainText),
                ]))
            case let .figure(file, caption, png):
                cells.append(display(source: "# figure: \(file)", data: [
                    "image/png": Data(png).base64EncodedString(), "text/plain": [caption],
                ]))
            case let .metrics(metrics):
                cells.append(markdown(metrics.markdown))
            }
        }
        cells.append(markdown(notebook.record.markdown))
        let document: [String: Any] = [
            "cells": cells,
            "metadata": [
                "kernelspec": ["display_name": "Swift", "language": "swift", "name": "swift"],
                "language_info": ["name": "swift", "file_extension": ".swift"],
            ],
            "nbformat": 4,
            "nbformat_minor": 4,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Array(data) + [0x0A]
    }

    private static func markdown(_ text: String) -> [String: Any] {
        ["cell_type": "markdown", "metadata": [String: Any](), "source": lines(text)]
    }

    private static func display(source: String, data: [String: Any]) -> [String: Any] {
        [
            "cell_type": "code", "execution_count": NSNull(), "metadata": [String: Any](),
            "source": lines(source),
            "outputs": [["output_type": "display_data", "data": data, "metadata": [String: Any]()]],
        ]
    }

    /// Jupyter's multi-line strings: a list of lines, each but the last ending in a newline.
    private static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }
    }
}
