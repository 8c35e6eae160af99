import Foundation
import Tabular

/// One weekly series of the benchmark: which set it belongs to (`synthetic` or `public`), its id,
/// the first day of each week and the values.
struct BenchSeries: Sendable {
    let set: String
    let id: String
    let weeks: [CivilDate]
    let values: [Double]
}

/// The long CSV both sides of the benchmark read: `set,series,week,value`, one row per series and
/// week, weeks in order within a series.
enum LongCSV {
    struct FormatError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func write(_ series: [BenchSeries], to path: String) throws {
        var text = "set,series,week,value\n"
        for s in series {
            for (week, value) in zip(s.weeks, s.values) {
                text += "\(s.set),\(s.id),\(week),\(value == value.rounded() ? String(Int(value)) : "\(value)")\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The series in order of first appearance (the week column is read as a date, in days). Values are parsed correctly rounded, so a value
    /// written by Python's `repr` reads back as the same double.
    static func read(_ path: String) throws -> [BenchSeries] {
        let frame = try CSVReader().read(path: path)
        let sets = try frame["set", String.self], ids = try frame["series", String.self]
        let weeks = try frame.doubles("week"), values = try frame.doubles("value")
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        for row in 0..<frame.rowCount {
            guard let id = ids[row], sets[row] != nil, weeks[row].isFinite, values[row].isFinite else {
                throw FormatError(message: "\(path): row \(row + 2) has a missing or non-finite field")
            }
            if rows[id] == nil { order.append(id) }
            rows[id, default: []].append(row)
        }
        return order.map { id in
            let members = rows[id] ?? []
            return BenchSeries(set: sets[members[0]] ?? "", id: id, weeks: members.map { CivilDate(days: Int(weeks[$0])) },
                               values: members.map { values[$0] })
        }
    }
}
