import Core
import Foundation

/// Replaces one stage's output set in a shared output folder as a unit: a reader of the folder sees
/// the whole previous set or the whole new one, whatever happens during the write.
///
/// The steps, each synced to disk before the next relies on it:
/// 1. every file is written into a staging folder `.staging-<stem>-<pid>` inside the output folder
///    (the same file system, so that renames are atomic), then the staging folders are synced;
/// 2. the new set's record (``OutputSet``) is written into the staging folder as `.commit`: the
///    commit point. Before it, a failure or a kill leaves the previous set untouched;
/// 3. the files are renamed into place, files of the previous set that the new one lacks are
///    removed, and the record is renamed to `.<stem>.set`; the staging folder is removed.
///    A kill during step 3 leaves a committed staging folder, which the next run into the folder
///    completes (``recover(in:)``) before it reads anything.
///
/// Callers hold the folder's ``OutputLock`` (``OutputFolder`` takes it). For tests, the environment
/// variable `RESTOCK_WRITE_FAULT=fail:N` (or `kill:N`) makes the writer fail (or kill its process)
/// after step N, counting each file written, each sync, each rename and each removal.
public enum AtomicWriter {
    /// The prefix of staging folders.
    static let stagingPrefix = ".staging-"
    /// The commit record's name inside a staging folder.
    static let commitName = ".commit"

    /// Replaces the set of `stem` in `folder` by `files` (relative paths such as `segments.csv` or
    /// `figures/02_segmentation_pca.png`).
    /// - Throws: ``OutputError/unsafePath(_:)`` for a path outside the folder, `FileSystemError` for
    ///   a failed system call (it names the call and the path); on a failure before the
    ///   commit point the staging folder is removed and the previous set stays as it was; after it
    ///   the writer completes the new set before it rethrows.
    public static func replaceSet(stem: String, with files: [(path: String, bytes: [UInt8])], in folder: URL) throws {
        try replaceSet(stem: stem, with: files, in: folder, fault: WriteFault.fromEnvironment())
    }

    static func replaceSet(stem: String, with files: [(path: String, bytes: [UInt8])], in folder: URL, fault: WriteFault) throws {
        for file in files where !isSafeRelativePath(file.path) {
            throw OutputError.unsafePath(file.path)
        }
        var fault = fault
        let staging = folder.appendingPathComponent("\(stagingPrefix)\(stem)-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        let record = OutputSet(stem: stem, files: files)
        do {
            try DurableFile.makeFolder(staging)
            var folders: Set<String> = [staging.path]
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let parent = target.deletingLastPathComponent()
                if !folders.contains(parent.path) {
                    try DurableFile.makeFolder(parent)
                    folders.insert(parent.path)
                }
                try DurableFile.write(file.bytes, to: target.path)
                try fault.step()
            }
            for path in folders.sorted(by: >) { try DurableFile.syncFolder(path) }
            try fault.step()
            // Written under another name and renamed, so that a commit record is whole or absent.
            let partial = staging.appendingPathComponent(commitName + ".partial")
            try DurableFile.write(try record.encoded(), to: partial.path)
            try DurableFile.rename(partial.path, to: staging.appendingPathComponent(commitName).path)
            try DurableFile.syncFolder(staging.path)
        } catch {
            if !WriteFault.isHalt(error) { try? FileManager.default.removeItem(at: staging) }
            throw error
        }
        do {
            try fault.step()
            try complete(staging, in: folder, fault: &fault)
        } catch {
            if WriteFault.isHalt(error) { throw error }
            var none = WriteFault()
            try? complete(staging, in: folder, fault: &none)
            throw error
        }
    }

    /// Finishes or discards what interrupted writes left in `folder`: committed staging folders are
    /// completed, the others removed, with stray temporary files (`.name.tmp`). Call with the
    /// folder's lock held, before reading any stage output.
    public static func recover(in folder: URL) throws {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasPrefix(stagingPrefix) {
            let staging = folder.appendingPathComponent(name)
            if manager.fileExists(atPath: staging.appendingPathComponent(commitName).path) {
                var none = WriteFault()
                try complete(staging, in: folder, fault: &none)
                StageLog.note("completed the output set an interrupted run had committed in \(folder.path)")
            } else {
                try? manager.removeItem(at: staging)
            }
        }
        for sub in [folder, folder.appendingPathComponent("figures")] {
            for name in (try? manager.contentsOfDirectory(atPath: sub.path)) ?? [] where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                try? manager.removeItem(at: sub.appendingPathComponent(name))
            }
        }
    }

    /// Step 3: moves a committed staging folder's files into place, removes the previous set's
    /// files the new one lacks, installs the record, removes the staging folder. Idempotent, so
    /// that a run interrupted here can be completed by the next.
    static func complete(_ staging: URL, in folder: URL, fault: inout WriteFault) throws {
        let commit = staging.appendingPathComponent(commitName)
        if !FileManager.default.fileExists(atPath: commit.path) {
            // The record was installed already: only the staging folder is left to remove.
            try? FileManager.default.removeItem(at: staging)
            return
        }
        guard let record = OutputSet.read(commit) else {
            // A record damaged by hand: no file was moved before it was whole, so the staging
            // folder is discarded and the previous set stays.
            try? FileManager.default.removeItem(at: staging)
            return
        }
        let manager = FileManager.default
        var touched: Set<String> = [folder.path]
        for file in record.files {
            let source = staging.appendingPathComponent(file.path), target = folder.appendingPathComponent(file.path)
            guard manager.fileExists(atPath: source.path) else { continue }
            let parent = target.deletingLastPathComponent()
            if !touched.contains(parent.path) {
                try DurableFile.makeFolder(parent)
                touched.insert(parent.path)
            }
            try DurableFile.rename(source.path, to: target.path)
            try fault.step()
        }
        let recordURL = folder.appendingPathComponent(OutputSet.recordName(stem: record.stem))
        if let previous = OutputSet.read(recordURL) {
            let kept = Set(record.files.map(\.path))
            for file in previous.files where !kept.contains(file.path) && isSafeRelativePath(file.path) {
                let url = folder.appendingPathComponent(file.path)
                touched.insert(url.deletingLastPathComponent().path)
                try? manager.removeItem(at: url)
            }
        }
        for path in touched.sorted(by: >) { try DurableFile.syncFolder(path) }
        try fault.step()
        try DurableFile.rename(commit.path, to: recordURL.path)
        try DurableFile.syncFolder(folder.path)
        try fault.step()
        try? manager.removeItem(at: staging)
        try DurableFile.syncFolder(folder.path)
        try fault.step()
    }

    /// A path inside the folder: relative, no `..`, no empty part.
    static func isSafeRelativePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}

/// A failure injected after a numbered write step, read from `RESTOCK_WRITE_FAULT`
/// (`fail:N` throws, `kill:N` kills the process with SIGKILL), for the failure tests; `halt`
/// (tests in-process only) throws and skips every clean-up, leaving the folder as a kill would.
struct WriteFault {
    enum Mode { case fail, kill, halt }
    var mode: Mode?
    var after = 0
    private(set) var count = 0

    init(mode: Mode? = nil, after: Int = 0) {
        self.mode = mode
        self.after = after
    }

    static func fromEnvironment() -> WriteFault {
        var fault = WriteFault()
        guard let text = ProcessInfo.processInfo.environment["RESTOCK_WRITE_FAULT"] else { return fault }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let step = Int(parts[1]), step >= 1 else { return fault }
        fault.mode = parts[0] == "kill" ? .kill : parts[0] == "fail" ? .fail : nil
        fault.after = step
        return fault
    }

    /// Counts a step done, then fails or dies if this is the chosen one.
    mutating func step() throws {
        count += 1
        guard let mode, count == after else { return }
        switch mode {
        case .fail: throw OutputError.injected(step: count)
        case .kill: kill(getpid(), SIGKILL)
        case .halt: throw Halt()
        }
    }

    struct Halt: Error {}

    static func isHalt(_ error: any Error) -> Bool { error is Halt }
}
