import Foundation

/// Why a stage's outputs could not be written or read.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path of a stage's set that would land outside the output folder.
    case unsafePath(String)
    /// Another run holds the lock on the output folder.
    case locked(folder: String, waited: Double)
    /// `--out` names no folder.
    case emptyOutputPath
    /// A stage's output set is missing a file, or a file differs from what the set recorded.
    case incompleteSet(file: String, stage: String, reason: String)
    /// A failure injected for testing (`RESTOCK_WRITE_FAULT`).
    case injected(step: Int)

    public var description: String {
        switch self {
        case let .unsafePath(path):
            return "'\(path)' is not a path inside the output folder"
        case let .locked(folder, waited):
            let wait = waited > 0 ? " after waiting \(Int(waited)) s" : ""
            return "another run is writing into \(folder) (it holds the lock)\(wait): wait for it to finish, pass --lock-timeout SECONDS to wait longer, or use another --out"
        case .emptyOutputPath:
            return "--out must name a folder, got an empty path"
        case let .incompleteSet(file, stage, reason):
            return "\(file) is not part of a complete output set (\(reason)): run the \(stage) stage again (with the same --data and --out)"
        case let .injected(step):
            return "write failed at step \(step) (injected by RESTOCK_WRITE_FAULT)"
        }
    }
}
