import BenchSupport
import Foundation

/// `bench-tabular <case> [key=value ...]`: one case per process, so that the peak resident set is
/// the case's own. Each case lives in its own file as one function; add a case by adding a file and
/// a line here.
let cases: [String: @Sendable (BenchArguments) throws -> Void] = [
    "read-csv": readCSV,
    "read-csv-gz": readCSVGzip,
    "groupby-country": groupByCountry,
    "groupby-customer": groupByCustomer,
    "pivot-month-country": pivotMonthCountry,
]

let arguments = BenchArguments()
guard let run = cases[arguments.caseName] else {
    let known = cases.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("bench-tabular: no case named '\(arguments.caseName)'; the cases are \(known)\n".utf8))
    exit(2)
}
do {
    try run(arguments)
} catch {
    FileHandle.standardError.write(Data("bench-tabular: \(arguments.caseName) failed: \(error)\n".utf8))
    exit(1)
}
