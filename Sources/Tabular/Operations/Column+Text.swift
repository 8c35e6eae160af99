import Foundation

/// Text operations for cleaning, computed once per distinct value of a dictionary-encoded column.
///
/// ```swift
/// let cancelled = try frame["InvoiceNo"].hasPrefix("C")      // a boolean mask
/// ```
/// Masks are false where the value is missing; transformed columns keep missing values missing.
/// Every operation throws ``TabularError/typeMismatch(column:expected:actual:)`` on a non-text column.
extension Column {
    /// A mask of the values that start with `prefix`.
    public func hasPrefix(_ prefix: String) throws -> Column { try textMask { $0.hasPrefix(prefix) } }

    /// A mask of the values that end with `suffix`.
    public func hasSuffix(_ suffix: String) throws -> Column { try textMask { $0.hasSuffix(suffix) } }

    /// A mask of the values that contain `substring`.
    public func contains(_ substring: String) throws -> Column { try textMask { $0.contains(substring) } }

    /// A mask of the values equal to one of `values`: pandas' `isin`.
    public func isIn(_ values: Set<String>) throws -> Column { try textMask { values.contains($0) } }

    /// The values in lower case.
    public func lowercased() throws -> Column { try textMap { $0.lowercased() } }

    /// The values in upper case.
    public func uppercased() throws -> Column { try textMap { $0.uppercased() } }

    /// The values without leading and trailing white space.
    public func trimmed() throws -> Column { try textMap { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }

    /// The values with every occurrence of `target` replaced by `replacement`.
    public func replacing(_ target: String, with replacement: String) throws -> Column {
        try textMap { $0.replacingOccurrences(of: target, with: replacement) }
    }

    /// The length of each value in characters (missing stays missing).
    public func textLength() throws -> Column {
        guard case let .string(codes, categories) = data else {
            throw TabularError.typeMismatch(column: name, expected: "string", actual: type)
        }
        let lengths = categories.map(\.count)
        return Column(name, codes.map { $0 < 0 ? nil : lengths[Int($0)] })
    }

    private func textMask(_ predicate: (String) -> Bool) throws -> Column {
        guard case let .string(codes, categories) = data else {
            throw TabularError.typeMismatch(column: name, expected: "string", actual: type)
        }
        let perCategory = categories.map(predicate)
        return Column(name: name, data: .boolean(codes.map { $0 >= 0 && perCategory[Int($0)] }, missing: nil))
    }

    private func textMap(_ transform: (String) -> String) throws -> Column {
        guard case let .string(codes, categories) = data else {
            throw TabularError.typeMismatch(column: name, expected: "string", actual: type)
        }
        let mapped = categories.map(transform)
        return Column(name, codes.map { $0 < 0 ? nil : mapped[Int($0)] })
    }
}
