/// Why a dataset manifest could not be read: the file, the key and what was expected.
///
/// ```
/// data/sample/dataset.toml: locations[2].latitude: missing key; expected a latitude in degrees (-90...90)
/// ```
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong at ``key``.
    public enum Problem: Sendable, Equatable {
        /// The manifest file could not be read.
        case unreadable(String)
        /// The text is not valid TOML.
        case syntax(String, line: Int, column: Int)
        /// A required key is absent; `expected` says what it should hold.
        case missingKey(expected: String)
        /// The key holds a value of another TOML type.
        case wrongType(expected: String, found: String)
        /// The key holds a value outside the allowed set (an unknown location kind, region, ...).
        case unknownValue(String, allowed: [String])
        /// A key the manifest format does not define (often a typo); `allowed` lists the keys there are.
        case unknownKey(allowed: [String])
        /// A path that names no existing file.
        case missingFile(String)
        /// Any other invalid value, with a sentence that says what was expected.
        case invalid(String)
    }

    /// The manifest file as given (relative or absolute).
    public var file: String
    /// The dotted key path, such as `transactions.path` or `locations[2].latitude`; empty for the file itself.
    public var key: String
    public var problem: Problem

    public init(file: String, key: String, problem: Problem) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    public var description: String {
        let place = key.isEmpty ? file : "\(file): \(key)"
        switch problem {
        case let .unreadable(reason):
            return "\(place): cannot read the manifest (\(reason))"
        case let .syntax(message, line, column):
            return "\(place): invalid TOML at line \(line), column \(column): \(message)"
        case let .missingKey(expected):
            return "\(place): missing key; expected \(expected)"
        case let .wrongType(expected, found):
            return "\(place): expected \(expected), found a \(found)"
        case let .unknownValue(value, allowed):
            return "\(place): unknown value '\(value)'; expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))"
        case let .unknownKey(allowed):
            return "\(place): unknown key; the keys here are \(allowed.joined(separator: ", "))"
        case let .missingFile(path):
            return "\(place): no file at '\(path)' (paths are relative to the manifest's folder)"
        case let .invalid(message):
            return "\(place): \(message)"
        }
    }
}
