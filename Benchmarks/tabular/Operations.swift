import BenchSupport
import Tabular

/// `groupby-country path=<file> [repeats=5]`: revenue, distinct invoices and units per country.
@Sendable func groupByCountry(_ arguments: BenchArguments) throws {
    let frame = try salesFrame(arguments)
    var groups = 0
    try benchmark("groupby-country", repeats: arguments.int("repeats", default: 5)) {
        let result = try frame.grouped(by: "Country").aggregate(.sum("Revenue"), .distinctCount("InvoiceNo"), .sum("Quantity"))
        groups = result.rowCount
    }
    report("groupby-country", ["groups": Double(groups)])
}

/// `groupby-customer path=<file> [repeats=5]`: the RFM inputs per customer (last purchase,
/// distinct invoices, revenue).
@Sendable func groupByCustomer(_ arguments: BenchArguments) throws {
    let frame = try salesFrame(arguments)
    var groups = 0
    try benchmark("groupby-customer", repeats: arguments.int("repeats", default: 5)) {
        let result = try frame.grouped(by: "CustomerID")
            .aggregate(.max("InvoiceDate"), .distinctCount("InvoiceNo"), .sum("Revenue"))
        groups = result.rowCount
    }
    report("groupby-customer", ["groups": Double(groups)])
}

/// `pivot-month-country path=<file> [repeats=5]`: revenue by calendar month (rows) and country
/// (columns), the month floored from the invoice date-time inside the timed work.
@Sendable func pivotMonthCountry(_ arguments: BenchArguments) throws {
    let frame = try salesFrame(arguments)
    var shape = (rows: 0, columns: 0)
    try benchmark("pivot-month-country", repeats: arguments.int("repeats", default: 5)) {
        let months = try frame.withColumn("Month", try frame.column("InvoiceDate").floored(to: .month))
        shape = try months.pivot(index: "Month", columns: "Country", values: "Revenue", aggregate: .sum).shape
    }
    report("pivot-month-country", ["rows": Double(shape.rows), "columns": Double(shape.columns)])
}

/// The Online Retail file with `Revenue = Quantity × UnitPrice`, read outside the timed work.
private func salesFrame(_ arguments: BenchArguments) throws -> DataFrame {
    let frame = try DataFrame(contentsOfCSVFile: arguments.string("path", default: "../shared/data/online-retail.csv.gz"))
    return try frame.withColumn("Revenue", try frame.column("Quantity") * frame.column("UnitPrice"))
}
