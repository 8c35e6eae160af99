import Foundation
import FuzzSupport
import Inventory

/// The dataset loader on any files: the input, split at NUL bytes, is the transactions, the SKU
/// attributes and the stock of a fixed manifest (the manifest loader has its own target), written to
/// a scratch folder and loaded as `Dataset(contentsOf:)` does. An error is a fine answer; a trap or
/// a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let parts = splitInput(data, size, parts: 3)
    withScratchFolder { folder in
        for (part, name) in zip(parts, ["transactions.csv", "skus.csv", "stock.csv"]) {
            try? Data(part).write(to: folder.appendingPathComponent(name))
        }
        let manifest = folder.appendingPathComponent("dataset.toml")
        try? manifestText.write(to: manifest, atomically: false, encoding: .utf8)
        _ = try? Dataset(contentsOf: manifest)
    }
    return 0
}

/// The bundled sample's manifest, read once from the checkout this target was built from.
let manifestText: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../data/sample/dataset.toml").standardizedFileURL
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("fuzz-dataset: cannot read the sample manifest at \(url.path)\n".utf8))
        exit(2)
    }
    return text
}()

exit(runFuzzTarget(fuzzDataset))
