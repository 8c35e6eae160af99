import Foundation

/// The record of one stage's output set: every file the stage wrote into the shared output folder,
/// with its size and SHA-256. The folder holds the outputs of all stages together, so each stage's
/// set is its own files there, and this record, `.<stem>.set` (`.03_forecasting.set`), is the
/// last thing a write puts in place: a set whose record is there and whose files match it is
/// complete. The next stages read an earlier stage's files only through ``verified(_:in:stage:)``.
public struct OutputSet: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    /// The stage's file stem, `NN_name`.
    public var stem: String
    public var files: [File]

    public init(stem: String, files: [(path: String, bytes: [UInt8])]) {
        self.stem = stem
        self.files = files.map { File(path: $0.path, bytes: $0.bytes.count, sha256: SHA256.hex(of: $0.bytes)) }
    }

    /// The record's file name in the output folder.
    public static func recordName(stem: String) -> String { ".\(stem).set" }

    /// Whether a name in the output folder is a set record.
    static func isRecord(_ name: String) -> Bool { name.hasPrefix(".") && name.hasSuffix(".set") }

    /// The record's bytes: sorted-key JSON, one file per line, the same for the same files.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Reads a record; nil when there is none or it does not parse (an interrupted write never
    /// leaves a half record in place, so an unreadable one was damaged by hand).
    static func read(_ url: URL) -> OutputSet? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(OutputSet.self, from: data)
    }

    /// Every set recorded in `folder`.
    static func all(in folder: URL) -> [OutputSet] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(isRecord).sorted().compactMap { read(folder.appendingPathComponent($0)) }
    }

    /// The file `name` of `folder`, after checking that the set recording it is complete: every
    /// file of the set there with its recorded size, and `name` itself with its recorded SHA-256.
    /// - Parameter stage: the stage that writes the file, named in the error.
    /// - Throws: ``OutputError/incompleteSet(file:stage:reason:)``.
    public static func verified(_ name: String, in folder: URL, stage: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard let set = all(in: folder).first(where: { set in set.files.contains { $0.path == name } }) else {
            throw OutputError.incompleteSet(file: url.path, stage: stage, reason: "no output-set record lists it")
        }
        for file in set.files {
            let path = folder.appendingPathComponent(file.path).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            guard let size else {
                throw OutputError.incompleteSet(file: url.path, stage: stage, reason: "\(file.path) of the same set is missing")
            }
            guard size == file.bytes else {
                throw OutputError.incompleteSet(file: url.path, stage: stage, reason: "\(file.path) has \(size) bytes, the set recorded \(file.bytes)")
            }
            if file.path == name {
                let digest = try SHA256.hex(ofFile: url)
                guard digest == file.sha256 else {
                    throw OutputError.incompleteSet(file: url.path, stage: stage, reason: "its content differs from the one the set recorded")
                }
            }
        }
        return url
    }
}
