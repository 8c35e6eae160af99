import Foundation
import TOMLKit

/// A TOML table being read into manifest values, with the key path and file that errors name.
struct ManifestTable {
    let table: TOMLTable
    /// The dotted path of this table (`""` for the root, `locations[2]` for an array element).
    let path: String
    /// The manifest file as the user named it, for error messages.
    let file: String
    /// The folder relative paths are resolved against.
    let directory: URL

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func error(_ name: String, _ problem: ManifestError.Problem) -> ManifestError {
        ManifestError(file: file, key: key(name), problem: problem)
    }

    /// Fails on any key that is not in `allowed`, so that a typo never silently drops a setting.
    func rejectUnknownKeys(allowed: [String]) throws {
        for name in table.keys.sorted() where !allowed.contains(name) {
            throw error(name, .unknownKey(allowed: allowed))
        }
    }

    func has(_ name: String) -> Bool { table[name] != nil }

    func optionalString(_ name: String) throws -> String? {
        guard let value = table[name] else { return nil }
        guard let text = value.string else { throw error(name, .wrongType(expected: "a string", found: value.type.description)) }
        return text
    }

    func string(_ name: String, expected: String) throws -> String {
        guard let text = try optionalString(name) else { throw error(name, .missingKey(expected: expected)) }
        guard !text.isEmpty else { throw error(name, .invalid("expected \(expected), found an empty string")) }
        return text
    }

    /// A number; TOML integers are accepted where a float is expected (`capacity = 500`, `latitude = 52`).
    func optionalDouble(_ name: String, expected: String) throws -> Double? {
        guard let value = table[name] else { return nil }
        if let number = value.double { return number }
        if let number = value.int { return Double(number) }
        throw error(name, .wrongType(expected: expected, found: value.type.description))
    }

    func double(_ name: String, expected: String) throws -> Double {
        guard let number = try optionalDouble(name, expected: expected) else { throw error(name, .missingKey(expected: expected)) }
        guard number.isFinite else { throw error(name, .invalid("expected \(expected), found \(number)")) }
        return number
    }

    /// A number within `range`.
    func double(_ name: String, in range: ClosedRange<Double>, expected: String) throws -> Double {
        let number = try double(name, expected: expected)
        guard range.contains(number) else { throw error(name, .invalid("expected \(expected), found \(number)")) }
        return number
    }

    func optionalInt(_ name: String, expected: String) throws -> Int? {
        guard let value = table[name] else { return nil }
        if let number = value.int { return number }
        if let number = value.double, number == number.rounded(), abs(number) < 9e15 { return Int(number) }
        throw error(name, .wrongType(expected: expected, found: value.type.description))
    }

    func strings(_ name: String, expected: String) throws -> [String] {
        guard let value = table[name] else { return [] }
        guard let array = value.array else { throw error(name, .wrongType(expected: expected, found: value.type.description)) }
        return try array.enumerated().map { index, element in
            guard let text = element.string else {
                throw ManifestError(file: file, key: "\(key(name))[\(index)]",
                                    problem: .wrongType(expected: "a string", found: element.type.description))
            }
            return text
        }
    }

    func optionalTable(_ name: String) throws -> ManifestTable? {
        guard let value = table[name] else { return nil }
        guard let inner = value.table else { throw error(name, .wrongType(expected: "a table ([\(key(name))])", found: value.type.description)) }
        return ManifestTable(table: inner, path: key(name), file: file, directory: directory)
    }

    func table(_ name: String, expected: String) throws -> ManifestTable {
        guard let inner = try optionalTable(name) else { throw error(name, .missingKey(expected: expected)) }
        return inner
    }

    /// An array of tables (`[[locations]]`); empty when the key is absent.
    func tables(_ name: String) throws -> [ManifestTable] {
        guard let value = table[name] else { return [] }
        guard let array = value.array else {
            throw error(name, .wrongType(expected: "an array of tables ([[\(key(name))]])", found: value.type.description))
        }
        return try array.enumerated().map { index, element in
            let elementPath = "\(key(name))[\(index)]"
            guard let inner = element.table else {
                throw ManifestError(file: file, key: elementPath, problem: .wrongType(expected: "a table", found: element.type.description))
            }
            return ManifestTable(table: inner, path: elementPath, file: file, directory: directory)
        }
    }

    /// A path relative to the manifest's folder (or absolute) that must name an existing file.
    func file(_ name: String, expected: String) throws -> URL {
        let text = try string(name, expected: expected)
        return try existingFile(text, key: name)
    }

    func optionalFile(_ name: String) throws -> URL? {
        guard let text = try optionalString(name) else { return nil }
        return try existingFile(text, key: name)
    }

    func existingFile(_ text: String, key name: String) throws -> URL {
        let url = Self.resolve(text, against: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw error(name, .missingFile(text))
        }
        return url
    }

    /// `text` as a file URL: absolute paths as they are, relative ones against `directory`.
    static func resolve(_ text: String, against directory: URL) -> URL {
        text.hasPrefix("/") ? URL(fileURLWithPath: text).standardizedFileURL
            : URL(fileURLWithPath: text, relativeTo: directory).standardizedFileURL
    }
}
