import Foundation
import Tabular

extension DemandSeriesSet {
    /// The description of each selected SKU, for labelling charts: from the SKU attributes when they
    /// have a `description` column, else the first non-empty `description` of the SKU's transactions.
    /// SKUs without one are left out.
    /// - Complexity: O(rows of the frame read).
    public func descriptions(transactions: DataFrame, skuAttributes: DataFrame?) throws -> [String: String] {
        let wanted = Set(skus)
        let source: DataFrame
        if let skuAttributes, skuAttributes.contains(column: Dataset.SKUColumn.description) {
            source = skuAttributes
        } else if transactions.contains(column: TransactionColumns.Canonical.description) {
            source = transactions
        } else {
            return [:]
        }
        let codes = try source[TransactionColumns.Canonical.sku, String.self]
        let texts = try source[TransactionColumns.Canonical.description, String.self]
        var found: [String: String] = [:]
        for (code, text) in zip(codes, texts) {
            guard let code, wanted.contains(code), found[code] == nil,
                  let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            found[code] = text
        }
        return found
    }
}
