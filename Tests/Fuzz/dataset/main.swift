import Foundation
import FuzzSupport
import Inventory

/// The dataset loader on any files: the input, split at NUL bytes, is a manifest, the
/// transactions, the SKU attributes and the stock, written to a scratch folder and loaded as
/// `Dataset(contentsOf:)` does. An error is a fine answer; a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let parts = splitInput(data, size, parts: 4)
    withScratchFolder { folder in
        let names = ["dataset.toml", "transactions.csv", "skus.csv", "stock.csv"]
        for (part, name) in zip(parts, names) {
            try? Data(part).write(to: folder.appendingPathComponent(name))
        }
        _ = try? Dataset(contentsOf: folder.appendingPathComponent("dataset.toml"))
    }
    return 0
}

exit(runFuzzTarget(fuzzDataset))
