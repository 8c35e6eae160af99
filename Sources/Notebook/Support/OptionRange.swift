/// Checks a numeric option of a stage script against its allowed range, for `validate()`:
/// `--name must be between lower and upper[ unit], got value`.
///
/// - Throws: `ValidationError`, which ArgumentParser reports with the usage and a non-zero exit.
public func requireOption<Value: Comparable>(_ name: String, _ value: Value, within range: ClosedRange<Value>,
                                             unit: String? = nil) throws {
    guard !range.contains(value) else { return }
    let bounds = "\(range.lowerBound) and \(range.upperBound)" + (unit.map { " \($0)" } ?? "")
    throw ValidationError("--\(name) must be between \(bounds), got \(value)")
}
