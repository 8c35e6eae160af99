import Foundation
import Testing
@testable import Tabular

/// Restock's reading of a 5,000-record slice of Online Retail against pandas.read_csv's
/// (`Fixtures/make_csv_fixtures.py`).
///
/// Deliberate differences: pandas leaves InvoiceDate as text (object) where Restock infers a
/// date-time; pandas' object columns are Restock's dictionary-encoded text. Sums are compared to
/// 1e-9 relative: both add the same doubles, in different orders.
@Suite struct CSVReaderPandasTests {
    struct Reference: Decodable {
        var rows: Int
        var columns: [String]
        var dtypes: [String: String]
        var null_counts: [String: Int]
        var sums: [String: Double]
        var distinct: [String: Int]
        var cancellations: Int
        var invoice_date_min: String
        var invoice_date_max: String
        var invoice_date_seconds_sum: Int
        var samples: [Sample]
    }

    struct Sample: Decodable {
        var row: Int
        var values: [String: Cell]
    }

    enum Cell: Decodable, Equatable {
        case number(Double), text(String), null
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .text(try container.decode(String.self)) }
        }
    }

    let reference: Reference
    let frame: DataFrame

    init() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: folder.appendingPathComponent("csv_online_retail_slice.json")))
        frame = try DataFrame(contentsOfCSVFile: folder.appendingPathComponent("csv_online_retail_slice.csv"))
    }

    @Test func shapeAndTypes() throws {
        #expect(frame.rowCount == reference.rows)
        #expect(frame.columnNames == reference.columns)
        let expected: [String: ColumnType] = ["int64": .integer, "float64": .double, "object": .string]
        for name in reference.columns where name != "InvoiceDate" {
            #expect(try frame[name].type == expected[reference.dtypes[name] ?? ""], "\(name)")
        }
        #expect(reference.dtypes["InvoiceDate"] == "object")
        #expect(try frame["InvoiceDate"].type == .dateTime)
        #expect(reference.dtypes["InvoiceNo"] == "object" && reference.cancellations > 0)
    }

    @Test func nullCounts() throws {
        for (name, count) in reference.null_counts {
            #expect(try frame[name].missingCount == count, "\(name)")
        }
    }

    @Test func sumsOfNumericColumns() throws {
        for (name, sum) in reference.sums {
            let total = try frame.doubles(name).filter { !$0.isNaN }.reduce(0, +)
            #expect(abs(total - sum) <= 1e-9 * abs(sum), "\(name): \(total) vs \(sum)")
        }
    }

    @Test func distinctTextAndCancellations() throws {
        for (name, count) in reference.distinct where name != "InvoiceDate" {
            let values = try frame[name, String.self].compactMap { $0 }
            #expect(Set(values).count == count, "\(name)")
        }
        let invoices = try frame["InvoiceNo", String.self].compactMap { $0 }
        #expect(invoices.filter { $0.hasPrefix("C") }.count == reference.cancellations)
    }

    @Test func invoiceDates() throws {
        let seconds = try frame["InvoiceDate"].doubles ?? []
        #expect(Int(seconds.reduce(0, +)) == reference.invoice_date_seconds_sum)
        #expect(Set(seconds).count == reference.distinct["InvoiceDate"])
        let column = try frame["InvoiceDate"]
        let values = (0..<column.count).map { column[$0] }
        #expect(values.min()?.description == reference.invoice_date_min)
        #expect(values.max()?.description == reference.invoice_date_max)
    }

    @Test func sampleCells() throws {
        for sample in reference.samples {
            for (name, cell) in sample.values {
                let value = try frame[name][sample.row]
                switch cell {
                case .null: #expect(value == .missing, "\(name) row \(sample.row)")
                case let .number(number): #expect(value.doubleValue == number, "\(name) row \(sample.row)")
                case let .text(text): #expect(value.description == text, "\(name) row \(sample.row)")
                }
            }
        }
    }
}
