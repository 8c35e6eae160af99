import Foundation
import FuzzSupport
import Inventory

/// The TOML manifest loader on any text: a `ManifestError` (or TOML's) is a fine answer; a trap
/// or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = URL(fileURLWithPath: "/nonexistent/restock-fuzz/dataset.toml")
    _ = try? DatasetManifest(toml: text, file: file)
    _ = try? DatasetManifest(toml: text, file: file, transactionsPath: "transactions.csv")
    return 0
}

exit(runFuzzTarget(fuzzManifest))
