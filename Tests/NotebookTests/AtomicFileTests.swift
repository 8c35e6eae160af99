import Core
import Foundation
import Testing

/// The one single-file writer: replaces a file whole, leaves no temporary file, says what failed.
@Suite struct AtomicFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesAFileWhole() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.csv")
        try AtomicFile.write(Array("old,longer content\n".utf8), to: url)
        try AtomicFile.write(Array("new\n".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("new\n".utf8))
        try AtomicFile.write([], to: url)
        #expect(try Data(contentsOf: url).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.csv"])
    }

    @Test func failureLeavesThePreviousFileAndNoTemporary() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the file should go: the rename fails after the temporary file was written.
        let url = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("inside"), withIntermediateDirectories: true)
        do {
            try AtomicFile.write([1, 2, 3], to: url)
            Issue.record("expected an error")
        } catch let error as FileSystemError {
            #expect(error.path == url.path && "\(error)".hasPrefix("cannot rename into \(url.path)"), "\(error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
        #expect(throws: FileSystemError.self) {
            try AtomicFile.write([1], to: folder.appendingPathComponent("missing/x.csv"))
        }
    }
}
