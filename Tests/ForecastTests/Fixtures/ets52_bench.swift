// AutoETS(period: 52) on the weekly series of ets52.json: per series the CPU time of the whole
// search (median of three), the chosen model, the 13-week forecast and its 80%/95% intervals, as
// JSON on standard output for ets52_compare.py. Not part of the test target (Fixtures is copied).
//
// Build (release) in a throw-away package next to the sources, from the repository root:
//   d=$(mktemp -d); mkdir -p $d/Sources/bench; ln -s $PWD/Sources/Stats $PWD/Sources/Forecast $d/Sources/
//   cp Tests/ForecastTests/Fixtures/ets52_bench.swift $d/Sources/bench/main.swift
//   printf '%s\n' '// swift-tools-version:6.0' 'import PackageDescription' \
//     'let f: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]' \
//     'let package = Package(name: "b", targets: [.target(name: "Stats", swiftSettings: f),' \
//     '  .target(name: "Forecast", dependencies: ["Stats"], swiftSettings: f),' \
//     '  .executableTarget(name: "bench", dependencies: ["Forecast"])])' > $d/Package.swift
//   swift build -c release --package-path $d && $d/.build/release/bench Tests/ForecastTests/Fixtures/ets52.json
// A second argument sets AutoETS.maxSeasonalPeriod.
import Forecast
import Foundation

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "ets52.json"
let maxPeriod = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) : nil
guard let data = FileManager.default.contents(atPath: path),
      let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let series = root["series"] as? [[String: Any]],
      let history = root["history"] as? Int, let holdout = root["holdout"] as? Int else {
    FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
    exit(1)
}
var rows: [[String: Any]] = []
for s in series {
    let name = s["name"] as? String ?? "?"
    let y = Array((s["values"] as? [Double] ?? []).prefix(history))
    var auto = AutoETS(period: 52)
    if let maxPeriod { auto.maxSeasonalPeriod = maxPeriod }
    var times: [Double] = []
    var result: ForecastResult?
    var model = ""
    for _ in 0..<3 {
        let t0 = cpuSeconds()
        do {
            let fit = try auto.fit(y)
            result = try fit.forecast(horizon: holdout, levels: [0.8, 0.95])
            model = fit.name
        } catch {
            FileHandle.standardError.write("\(name): \(error)\n".data(using: .utf8)!)
        }
        times.append(cpuSeconds() - t0)
    }
    guard let r = result, let i80 = r.interval(level: 0.8), let i95 = r.interval(level: 0.95) else { continue }
    FileHandle.standardError.write("\(name) \(model) \(times.sorted()[1])\n".data(using: .utf8)!)
    rows.append(["name": name, "seconds": times.sorted()[1], "model": model, "mean": r.mean,
                 "lo80": i80.lower, "hi80": i80.upper, "lo95": i95.lower, "hi95": i95.upper])
}
let out = try JSONSerialization.data(withJSONObject: rows)
print(String(decoding: out, as: UTF8.self))
