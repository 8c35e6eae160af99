import Foundation
import Tabular
import Testing
@testable import Notebook

@Suite struct NotebookTests {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("notebook-\(UUID().uuidString)")
    }

    func sample() throws -> Notebook {
        var notebook = Notebook(number: 2, name: "segmentation", title: "Customer segmentation", seed: 7)
        notebook.section("Features")
        notebook.text("Recency, frequency and monetary value per customer.")
        let frame = try DataFrame(columns: [
            Column("segment", ["Loyal | big", "New"]), Column("customers", [1234, 56]),
            Column("revenue", [12345.678, 9.5]),
        ])
        notebook.table(frame, caption: "Segments", maxRows: 1)
        notebook.figure(png, name: "pca", caption: "PCA projection")
        notebook.metrics([Metric("Silhouette", "0.412")])
        notebook.recordParameter("clusters", "auto")
        notebook.attach(Array("a,b\n1,2\n".utf8), as: "segments.csv")
        return notebook
    }

    @Test func writesMarkdownJupyterFiguresAndAttachments() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var notebook = try sample()
        try notebook.write(to: directory)

        let markdown = try String(contentsOf: directory.appendingPathComponent("02_segmentation.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Customer segmentation\n\n## Features"))
        #expect(markdown.contains("| Loyal \\| big | 1,234 | 12,346 |"))
        #expect(markdown.contains("*showing 1 of 2 rows*"))
        #expect(markdown.contains("![PCA projection](figures/02_segmentation_pca.png)"))
        #expect(markdown.contains("| Seed | 7 |"))
        #expect(try Data(contentsOf: directory.appendingPathComponent("figures/02_segmentation_pca.png")) == Data(png))
        #expect(try String(contentsOf: directory.appendingPathComponent("segments.csv"), encoding: .utf8) == "a,b\n1,2\n")

        let json = try Data(contentsOf: directory.appendingPathComponent("02_segmentation.ipynb"))
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(document["nbformat"] as? Int == 4)
        let cells = try #require(document["cells"] as? [[String: Any]])
        let outputs = cells.compactMap { $0["outputs"] as? [[String: Any]] }.flatMap { $0 }
        let data = outputs.compactMap { $0["data"] as? [String: Any] }
        #expect(data.contains { ($0["image/png"] as? String) == Data(png).base64EncodedString() })
        #expect(data.contains { (($0["text/html"] as? [String])?.joined() ?? "").contains("<td style=\"text-align: right\">1,234</td>") })
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".02_segmentation.set"])
    }

    @Test func sameContentGivesSameJupyterBytes() throws {
        let first = try JupyterRenderer.render(sample()), second = try JupyterRenderer.render(sample())
        #expect(first == second)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownVectors(text: String, digest: String) {
        #expect(SHA256.hex(of: Array(text.utf8)) == digest)
    }

    @Test func sha256OfLongInputInChunksEqualsOneShot() {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        hasher.update(bytes[0..<1234])
        hasher.update(bytes[1234...])
        #expect(hasher.finalize().map { String(format: "%02x", $0) }.joined() == SHA256.hex(of: bytes))
    }

    @Test func numbersAreRoundedPerColumn() {
        #expect(CellFormat.strings(for: Column("x", [0.012345, 0.5])) == ["0.0123", "0.5000"])
        #expect(CellFormat.strings(for: Column("x", [1234.5, -0.4, 2_000])) == ["1,235", "0", "2,000"])
        #expect(CellFormat.strings(for: Column("x", [124_278, 1.63, 0.9])) == ["124,278.00", "1.63", "0.90"])
        #expect(CellFormat.strings(for: Column("x", [20.0, 4])) == ["20", "4"])
        #expect(CellFormat.strings(for: Column("x", [12.345, nil])) == ["12.35", ""])
        #expect(CellFormat.grouped(-1_234_567) == "-1,234,567")
    }
}
