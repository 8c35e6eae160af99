import BenchSupport
import Tabular

/// `read-csv path=<file.csv> [repeats=5]`: reads the plain CSV file into a frame.
@Sendable func readCSV(_ arguments: BenchArguments) throws {
    try readFile(arguments.string("path", default: "online-retail.csv"), case: "read-csv", arguments: arguments)
}

/// `read-csv-gz path=<file.csv.gz> [repeats=5]`: reads the gzip-compressed CSV file into a frame.
@Sendable func readCSVGzip(_ arguments: BenchArguments) throws {
    try readFile(arguments.string("path", default: "../shared/data/online-retail.csv.gz"), case: "read-csv-gz", arguments: arguments)
}

private func readFile(_ path: String, case name: String, arguments: BenchArguments) throws {
    var shape = (rows: 0, columns: 0)
    var types = ""
    try benchmark(name, repeats: arguments.int("repeats", default: 5)) {
        let frame = try DataFrame(contentsOfCSVFile: path)
        shape = frame.shape
        types = frame.columns.map { "\($0.name):\($0.type)" }.joined(separator: ",")
    }
    report(name, ["rows": Double(shape.rows), "columns": Double(shape.columns)])
    if arguments.string("verbose", default: "0") == "1" { print("types: \(types)") }
}
