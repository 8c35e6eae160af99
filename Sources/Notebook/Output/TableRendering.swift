extension TableCell {
    /// A GitHub-flavoured Markdown table, numbers right-aligned, `|` escaped.
    var markdown: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines: [String] = []
        if let caption { lines.append("**\(escape(caption))**\n") }
        lines.append("| " + header.map(escape).joined(separator: " | ") + " |")
        lines.append("|" + numeric.map { $0 ? " ---: |" : " :--- |" }.joined())
        for row in rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
        if let note { lines.append("\n*\(note)*") }
        return lines.joined(separator: "\n")
    }

    /// An HTML table in the style Jupyter shows pandas frames.
    var html: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        func cell(_ tag: String, _ text: String, _ right: Bool) -> String {
            "<\(tag) style=\"text-align: \(right ? "right" : "left")\">\(escape(text))</\(tag)>"
        }
        var html = "<table class=\"dataframe\">\n"
        if let caption { html += "<caption>\(escape(caption))</caption>\n" }
        html += "<thead><tr>" + zip(header, numeric).map { cell("th", $0, $1) }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + zip(row, numeric).map { cell("td", $0, $1) }.joined() + "</tr>\n" }
        html += "</tbody>\n</table>"
        if let note { html += "\n<p><em>\(escape(note))</em></p>" }
        return html
    }

    /// Aligned plain text, for terminals and the notebook's text/plain output.
    var plainText: String {
        let widths = header.indices.map { column in
            rows.reduce(header[column].count) { max($0, $1[column].count) }
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return numeric[column] ? padding + cells[column] : cells[column] + padding
            }.joined(separator: "  ")
        }
        var lines = (caption.map { [$0] } ?? []) + [line(header)] + rows.map(line)
        if let note { lines.append(note) }
        return lines.joined(separator: "\n")
    }
}

extension RunRecord {
    /// The run record as a Markdown section.
    var markdown: String {
        var lines = ["## Run record", ""]
        lines.append("| | |")
        lines.append("| :--- | :--- |")
        lines.append("| Restock | \(version) (commit `\(commit)`) |")
        lines.append("| Seed | \(seed) |")
        for parameter in parameters { lines.append("| \(parameter.name) | `\(parameter.value)` |") }
        for input in inputs { lines.append("| Input `\(input.path)` | SHA-256 `\(input.sha256)` |") }
        if !sectionSeconds.isEmpty {
            lines.append("")
            lines.append("| Section | Seconds |")
            lines.append("| :--- | ---: |")
            for timing in sectionSeconds {
                lines.append("| \(timing.section) | \(CellFormat.fixed(timing.seconds, decimals: 3)) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Array where Element == Metric {
    /// Metrics as a two-column Markdown table.
    var markdown: String {
        (["| Metric | Value |", "| :--- | ---: |"] + map { "| \($0.name) | \($0.value) |" }).joined(separator: "\n")
    }
}
