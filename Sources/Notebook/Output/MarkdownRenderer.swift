/// Renders a notebook as a Markdown document whose figures are linked from `figures/`.
enum MarkdownRenderer {
    static func render(_ notebook: Notebook) -> String {
        var blocks = ["# \(notebook.title)"]
        for cell in notebook.cells {
            switch cell {
            case let .markdown(text): blocks.append(text)
            case let .table(table): blocks.append(table.markdown)
            case let .figure(file, caption, _): blocks.append("![\(caption)](figures/\(file))\n\n*\(caption)*")
            case let .metrics(metrics): blocks.append(metrics.markdown)
            }
        }
        blocks.append(notebook.record.markdown)
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
