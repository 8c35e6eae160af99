import Foundation

/// What a run was made of: its inputs with their fingerprints, parameters, seed, the Restock version
/// and git commit, and the time each section took. Printed at the end of every notebook.
public struct RunRecord: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        public let path: String
        public let sha256: String
    }

    public struct Timing: Sendable, Equatable {
        public let section: String
        public let seconds: Double
    }

    public var seed: UInt64
    public var inputs: [Input] = []
    public var parameters: [Metric] = []
    public var sectionSeconds: [Timing] = []
    /// The warnings the run gave (``Notebook/warning(_:)``), in order.
    public var warnings: [String] = []
    public var version: String = RestockVersion.current
    public var commit: String = RestockVersion.gitCommit()

    public init(seed: UInt64) {
        self.seed = seed
    }
}

/// The toolkit's version, and the commit of the working tree when run from a git checkout.
public enum RestockVersion {
    public static let current = "0.1.0"

    /// The commit `HEAD` points at, read from `.git` in the current directory or a parent; "unknown"
    /// outside a checkout.
    public static func gitCommit(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> String {
        var directory = start.standardizedFileURL
        for _ in 0..<8 {
            let git = directory.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
                let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.hasPrefix("ref: ") else { return String(trimmed.prefix(12)) }
                let ref = String(trimmed.dropFirst(5))
                if let commit = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
                    return String(commit.prefix(12))
                }
                if let packed = try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8),
                   let line = packed.split(separator: "\n").first(where: { $0.hasSuffix(" " + ref) }) {
                    return String(line.prefix(12))
                }
                return "unknown"
            }
            directory.deleteLastPathComponent()
        }
        return "unknown"
    }
}
