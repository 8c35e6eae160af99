import Tabular

/// ABC and XYZ classes of every SKU: ABC by its share of revenue, XYZ by the coefficient of variation
/// of its weekly demand.
public enum SKUClasses {
    typealias Name = TransactionColumns.Canonical

    /// One row per SKU, by revenue descending: `sku`, `revenue`, `revenue_share`, `abc`,
    /// `weekly_mean`, `weekly_cv`, `xyz`.
    /// - Throws: ``PolicyError`` when there is no revenue at all.
    public static func classify(_ transactions: DataFrame, aThreshold: Double = 0.8, bThreshold: Double = 0.95,
                                xThreshold: Double = 0.5, yThreshold: Double = 1.0) throws -> DataFrame {
        let weekly = try LabeledMatrix(
            pivoting: transactions.withColumn("week", transactions[Name.date].floored(to: .week)),
            index: Name.sku, columns: "week", values: Name.quantity)
        // Group-by and pivot both list SKUs in ascending order, so the rows line up.
        let revenues = try transactions.grouped(by: Name.sku).aggregate(.sum(Name.revenue, as: "revenue")).doubles("revenue")
        let abc = try ABCClassification(revenue: revenues, aThreshold: aThreshold, bThreshold: bThreshold)
        let xyz = try XYZClassification(demand: weekly.values, xThreshold: xThreshold, yThreshold: yThreshold)
        let means = weekly.values.map { $0.reduce(0, +) / Double(max(1, $0.count)) }
        let frame = try DataFrame(columns: [
            Column("sku", weekly.rows),
            Column("revenue", revenues),
            Column("revenue_share", abc.shares),
            Column("abc", abc.classes.map(\.rawValue)),
            Column("weekly_mean", means),
            Column("weekly_cv", xyz.coefficientsOfVariation),
            Column("xyz", xyz.classes.map(\.rawValue)),
        ])
        return try frame.sorted(by: .descending("revenue"), .ascending("sku"))
    }

    /// SKU counts by ABC (rows) and XYZ (columns) class.
    public static func matrix(_ classes: DataFrame) throws -> LabeledMatrix {
        let counted = try classes.withColumn("skus", Column("skus", Array(repeating: 1.0, count: classes.rowCount)))
        return try LabeledMatrix(pivoting: counted, index: "abc", columns: "xyz", values: "skus")
    }
}
