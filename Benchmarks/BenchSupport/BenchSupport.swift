import Foundation

/// Times one benchmark case the way `scripts/bench` expects: runs `body` `repeats` times, then prints
/// one line `result: <case> median_s=<seconds> rss_mb=<peak resident set>` for the Python harness.
///
/// Each case runs in its own process (the harness starts one per case), so the peak resident set
/// reported is the case's own.
public func benchmark(_ name: String, repeats: Int = 5, _ body: () throws -> Void) rethrows {
    var seconds: [Double] = []
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    let median = seconds.count % 2 == 1
        ? seconds[seconds.count / 2]
        : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
    print("result: \(name) median_s=\(median) rss_mb=\(peakResidentMegabytes())")
}

/// Prints an extra measured quantity (an accuracy, an objective) for the harness to pass through.
public func report(_ name: String, _ values: KeyValuePairs<String, Double>) {
    let fields = values.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    print("metric: \(name) \(fields)")
}

/// The process's peak resident set size in MiB: `VmHWM` of /proc/self/status. (`ru_maxrss` would
/// also count the parent's resident set the process was forked with before exec.)
public func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) }) else { return .nan }
    return kilobytes / 1024
}

/// The arguments after the case name: `bench-x <case> [key=value ...]`.
public struct BenchArguments: Sendable {
    public let caseName: String
    public let options: [String: String]

    public init(_ arguments: [String] = CommandLine.arguments) {
        caseName = arguments.count > 1 ? arguments[1] : ""
        var options: [String: String] = [:]
        for argument in arguments.dropFirst(2) {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { options[parts[0]] = parts[1] }
        }
        self.options = options
    }

    public func string(_ key: String, default value: String) -> String { options[key] ?? value }
    public func int(_ key: String, default value: Int) -> Int { options[key].flatMap { Int($0) } ?? value }
}
