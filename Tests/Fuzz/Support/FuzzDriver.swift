import Foundation

/// The entry point libFuzzer calls with each input: `LLVMFuzzerTestOneInput`'s signature.
public typealias FuzzEntry = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

#if FUZZING
/// libFuzzer's driver (compiler-rt), linked by `-sanitize=fuzzer`: parses libFuzzer's flags and runs
/// the fuzzing loop.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzEntry) -> Int32
#endif

/// Runs a fuzz target: under `-sanitize=fuzzer -DFUZZING` (as `scripts/fuzz` builds it) libFuzzer's
/// loop with the command line's flags; in a plain build, each file named on the command line (or
/// found in a named folder) once, so that a corpus or a crash input can be replayed anywhere.
/// - Returns: the process's exit status.
public func runFuzzTarget(_ entry: FuzzEntry) -> Int32 {
    #if FUZZING
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, entry)
    #else
    var files: [URL] = []
    for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
        let url = URL(fileURLWithPath: argument)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            FileHandle.standardError.write(Data("no file at \(argument)\n".utf8))
            return 2
        }
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.sorted().map { url.appendingPathComponent($0) }
        } else {
            files.append(url)
        }
    }
    for file in files {
        guard let data = try? Data(contentsOf: file) else { continue }
        _ = data.withUnsafeBytes { raw in entry(raw.bindMemory(to: UInt8.self).baseAddress, raw.count) }
    }
    print("replayed \(files.count) inputs")
    return 0
    #endif
}

/// A private folder for the files one input becomes, removed after `body`.
public func withScratchFolder<T>(_ body: (URL) throws -> T) rethrows -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("restock-fuzz-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The bytes of one input, split at NUL bytes into at most `parts` pieces (the last keeps the rest).
public func splitInput(_ data: UnsafePointer<UInt8>?, _ size: Int, parts: Int) -> [[UInt8]] {
    guard let data, size > 0 else { return [[]] }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    return bytes.split(separator: 0, maxSplits: max(0, parts - 1), omittingEmptySubsequences: false).map(Array.init)
}
