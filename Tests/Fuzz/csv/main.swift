import Foundation
import FuzzSupport
import Tabular

/// The CSV reader on any bytes, plain or gzip: the first byte chooses the options (delimiter,
/// header, inference, a schema for the first columns, one core or all) and whether the bytes are
/// read from memory or from a file (the file path inflates gzip while tokenizing). Any
/// `CSVError` is a fine answer; a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let selector = data[0]
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var options = CSVReadingOptions()
    options.delimiter = [",", ";", "\t", "|"][Int(selector & 3)]
    options.hasHeader = selector & 4 == 0
    options.infersTypes = selector & 8 == 0
    options.usesAllCores = selector & 16 != 0
    if selector & 32 != 0 {
        // A schema for the columns `a`, `b`, `c` when the header names them.
        let types: [ColumnType] = [.integer, .double, .string, .date, .dateTime, .boolean]
        options.types = ["a": types[Int(selector >> 6) % types.count], "b": .double, "c": .string]
        options.missingTextValues = options.missingValues
    }
    let reader = CSVReader(options: options)
    do {
        let frame: DataFrame
        if selector & 64 != 0 {
            frame = try withScratchFolder { folder in
                let file = folder.appendingPathComponent(selector & 128 != 0 ? "input.csv.gz" : "input.csv")
                try Data(buffer: bytes).write(to: file)
                return try reader.read(path: file.path)
            }
        } else {
            frame = try reader.read(bytes: bytes)
        }
        // What a reader of the frame does next: print it, write it, read it back.
        _ = frame.description
        let text = try frame.csvBytes()
        var again = CSVReadingOptions()
        again.types = frame.columnTypes
        again.missingTextValues = []
        _ = try? CSVReader(options: again).read(bytes: text)
    } catch {}
    return 0
}

exit(runFuzzTarget(fuzzCSV))
