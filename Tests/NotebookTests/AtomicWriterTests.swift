import Foundation
import Testing
@testable import Notebook

/// A stage's output set is replaced as a unit in a folder shared with other stages: whatever step
/// fails, the folder holds the whole previous set or the whole new one, and no temporary file.
@Suite struct AtomicWriterTests {
    static let previous: [(path: String, bytes: [UInt8])] = [
        ("03_forecasting.md", Array("old notebook".utf8)), ("forecasts.csv", Array("sku,mean\nA,1\n".utf8)),
        ("figures/03_forecasting_fans.png", [1, 2, 3]), ("figures/03_forecasting_old.png", [9]),
    ]
    static let next: [(path: String, bytes: [UInt8])] = [
        ("03_forecasting.md", Array("new notebook, longer".utf8)), ("forecasts.csv", Array("sku,mean\nA,2\nB,3\n".utf8)),
        ("figures/03_forecasting_fans.png", [4, 5, 6, 7]), ("forecast_accuracy.csv", Array("sku,mase\n".utf8)),
    ]
    /// Files of the new set (4), sync of the staging folders, commit record.
    static let commitStep = next.count + 2
    /// Then a rename per file, the removals and syncs, the record, the staging folder.
    static let lastStep = commitStep + next.count + 3

    /// A folder holding the previous set of stage 3 and one file of stage 1.
    func folderWithPreviousSet() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicWriter.replaceSet(stem: "01_exploration", with: [("sku_classes.csv", Array("sku,abc\n".utf8))], in: folder)
        try AtomicWriter.replaceSet(stem: "03_forecasting", with: Self.previous, in: folder)
        return folder
    }

    /// The files of the folder (hidden ones too) with their bytes.
    func contents(_ folder: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if exists, !isFolder.boolValue { result[path] = Array(try Data(contentsOf: folder.appendingPathComponent(path))) }
        }
        return result
    }

    /// Whether the folder holds exactly `set` as stage 3's files, each verified through its record.
    func holds(_ set: [(path: String, bytes: [UInt8])], in folder: URL) throws -> Bool {
        let files = try contents(folder)
        let stage3 = files.keys.filter { $0 != "sku_classes.csv" && !$0.hasPrefix(".") }
        guard Set(stage3) == Set(set.map(\.path)) else { return false }
        for file in set where files[file.path] != file.bytes { return false }
        for file in set { _ = try OutputSet.verified(file.path, in: folder, stage: "forecasting") }
        return files["sku_classes.csv"] == Array("sku,abc\n".utf8)
    }

    func noTemporaries(_ folder: URL) throws -> Bool {
        let hidden = try contents(folder).keys.filter { $0.hasPrefix(".") || $0.contains("/.") }
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return Set(hidden) == [".01_exploration.set", ".03_forecasting.set"] && !entries.contains { $0.hasPrefix(AtomicWriter.stagingPrefix) }
    }

    @Test func replacesTheSetAndRemovesFilesItNoLongerHas() throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try holds(Self.previous, in: folder))
        try AtomicWriter.replaceSet(stem: "03_forecasting", with: Self.next, in: folder)
        #expect(try holds(Self.next, in: folder))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/03_forecasting_old.png").path))
        #expect(try noTemporaries(folder))
        let record = try #require(OutputSet.read(folder.appendingPathComponent(".03_forecasting.set")))
        #expect(record.files.map(\.path) == Self.next.map(\.path))
        #expect(Self.lastStep == 13)
    }

    /// A failure after any step before the commit point leaves the previous set; after it, the
    /// writer completes the new set before it reports the error. Either way no temporary file stays.
    @Test(arguments: 1...13) func failureAfterStep(_ step: Int) throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: OutputError.injected(step: step)) {
            try AtomicWriter.replaceSet(stem: "03_forecasting", with: Self.next, in: folder, fault: WriteFault(mode: .fail, after: step))
        }
        #expect(try holds(step < Self.commitStep ? Self.previous : Self.next, in: folder), "step \(step)")
        #expect(try noTemporaries(folder), "step \(step)")
    }

    /// A process killed after any step: the next run's recovery keeps the previous set when the
    /// kill came before the commit point and completes the new one after it.
    @Test(arguments: 1...13) func killAfterStepIsRecovered(_ step: Int) throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: (any Error).self) {
            try AtomicWriter.replaceSet(stem: "03_forecasting", with: Self.next, in: folder, fault: WriteFault(mode: .halt, after: step))
        }
        if step < Self.commitStep {
            // Before the commit point the visible files are still the previous set.
            #expect(try contents(folder)["forecasts.csv"] == Self.previous[1].bytes)
        }
        try AtomicWriter.recover(in: folder)
        #expect(try holds(step < Self.commitStep ? Self.previous : Self.next, in: folder), "step \(step)")
        #expect(try noTemporaries(folder), "step \(step)")
    }

    @Test func readersRefuseAnIncompleteSet() throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("sku,mean\nA,7\n".utf8).write(to: folder.appendingPathComponent("forecasts.csv"))
        #expect(throws: OutputError.self) { try OutputSet.verified("forecasts.csv", in: folder, stage: "forecasting") }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("03_forecasting.md"))
        do {
            _ = try OutputSet.verified("forecasts.csv", in: folder, stage: "forecasting")
            Issue.record("expected an error")
        } catch let error as OutputError {
            #expect("\(error)".contains("03_forecasting.md of the same set is missing") && "\(error)".contains("run the forecasting stage again"), "\(error)")
        }
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("loose.csv"))
        #expect(throws: OutputError.self) { try OutputSet.verified("loose.csv", in: folder, stage: "allocation") }
    }

    @Test func pathsOutsideTheFolderAreRefused() throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["../escape.csv", "/tmp/x.csv", "figures//a.png", ""] {
            #expect(throws: OutputError.self, "\(path)") { try AtomicWriter.replaceSet(stem: "03_forecasting", with: [(path, [1])], in: folder) }
        }
        #expect(try holds(Self.previous, in: folder))
    }

    @Test func recoveryRemovesStrayTemporaryFiles() throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([1]).write(to: folder.appendingPathComponent(".forecasts.csv.123.tmp"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".staging-04_allocation-99"), withIntermediateDirectories: true)
        try Data([1]).write(to: folder.appendingPathComponent(".staging-04_allocation-99/allocation.csv"))
        try AtomicWriter.recover(in: folder)
        #expect(try noTemporaries(folder))
        #expect(try holds(Self.previous, in: folder))
    }

    /// A staging folder whose commit record does not parse was never committed: it is discarded.
    @Test func damagedCommitRecordIsDiscarded() throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = folder.appendingPathComponent(".staging-03_forecasting-77")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("sku,mean\nZ,9\n".utf8).write(to: staging.appendingPathComponent("forecasts.csv"))
        try Data("{\"stem\": \"03_fore".utf8).write(to: staging.appendingPathComponent(AtomicWriter.commitName))
        try AtomicWriter.recover(in: folder)
        #expect(try holds(Self.previous, in: folder))
        #expect(try noTemporaries(folder))
    }

    /// A second holder of the lock fails at once with timeout 0 and gets it once the first is gone.
    @Test func lockIsExclusive() throws {
        let folder = try folderWithPreviousSet()
        defer { try? FileManager.default.removeItem(at: folder) }
        var first: OutputFolder? = try OutputFolder(folder, lockTimeout: 0)
        #expect(first != nil)
        do {
            _ = try OutputFolder(folder, lockTimeout: 0.3)
            Issue.record("expected the lock to be held")
        } catch let error as OutputError {
            #expect("\(error)".contains("another run is writing into \(folder.path)"), "\(error)")
        }
        first = nil
        _ = try OutputFolder(folder, lockTimeout: 0)
    }
}
