// swift-tools-version:6.0
import PackageDescription

/// Release builds of the numeric kernels skip exclusivity checks; bounds checks stay on.
let fast: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

// The notebook scripts import the umbrella module; naming every module too makes an incremental
// build recompile a script when a module's layout changes behind the re-exports.
let notebookScript: [Target.Dependency] = ["Restock", "Tabular", "Stats", "Forecast", "Plot", "Optimize", "Inventory", "Notebook"]

let package = Package(
    name: "Restock",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Restock", targets: ["Restock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: System libraries
        .systemLibrary(name: "CGD", providers: [.apt(["libgd-dev"])]),  // gdlib.pc carries flags SwiftPM refuses
        .systemLibrary(name: "CClp", pkgConfig: "clp", providers: [.apt(["coinor-libclp-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Libraries
        .target(name: "Core"),
        .target(name: "Tabular", dependencies: ["CZlib", "Core"], swiftSettings: fast),
        .target(name: "Stats", swiftSettings: fast),
        .target(name: "Forecast", dependencies: ["Stats"], swiftSettings: fast),
        .target(name: "Plot", dependencies: ["CGD", "CZlib", "Core", "Tabular"], swiftSettings: fast),
        .target(name: "Optimize", dependencies: ["CClp"], swiftSettings: fast),
        .target(
            name: "Inventory",
            dependencies: ["Core", "Tabular", "Stats", "Forecast", "Optimize", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: fast),
        .target(
            name: "Notebook",
            dependencies: ["Core", "Tabular", "Plot", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: fast),
        .target(name: "Restock", dependencies: ["Core", "Tabular", "Stats", "Forecast", "Plot", "Optimize", "Inventory", "Notebook"]),

        // MARK: Benchmarks (run by scripts/bench against the Python peers)
        .target(name: "BenchSupport", path: "Benchmarks/BenchSupport"),
        .executableTarget(name: "bench-tabular", dependencies: ["Tabular", "BenchSupport"], path: "Benchmarks/tabular"),
        .executableTarget(name: "bench-plot", dependencies: ["Plot", "BenchSupport"], path: "Benchmarks/plot"),
        .executableTarget(name: "bench-stats", dependencies: ["Tabular", "Stats", "Forecast", "BenchSupport"], path: "Benchmarks/stats"),
        .executableTarget(name: "bench-inventory", dependencies: ["Inventory", "Optimize", "BenchSupport"], path: "Benchmarks/inventory"),
        .executableTarget(name: "bench-forecast", dependencies: ["Inventory", "Tabular", "Forecast", "BenchSupport"], path: "Benchmarks/forecast"),

        // MARK: Scripts
        .executableTarget(
            name: "gallery",
            dependencies: ["Plot", "Tabular", "Forecast", "Inventory", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "scripts/gallery"),
        .executableTarget(name: "exploration", dependencies: notebookScript, path: "scripts/exploration"),
        .executableTarget(name: "segmentation", dependencies: notebookScript, path: "scripts/segmentation"),
        .executableTarget(name: "forecasting", dependencies: notebookScript, path: "scripts/forecasting"),
        .executableTarget(name: "allocation", dependencies: notebookScript, path: "scripts/allocation"),
        .executableTarget(name: "validation", dependencies: notebookScript, path: "scripts/validation"),
        .executableTarget(name: "synth", dependencies: ["Inventory", "Tabular", .product(name: "ArgumentParser", package: "swift-argument-parser")], path: "scripts/synth"),

        // MARK: Fuzz targets (scripts/fuzz builds them with libFuzzer; a plain build replays files)
        .target(name: "FuzzSupport", path: "Tests/Fuzz/Support"),
        .executableTarget(name: "fuzz-csv", dependencies: ["Tabular", "FuzzSupport"], path: "Tests/Fuzz/csv"),
        .executableTarget(name: "fuzz-manifest", dependencies: ["Inventory", "FuzzSupport"], path: "Tests/Fuzz/manifest"),
        .executableTarget(name: "fuzz-dataset", dependencies: ["Inventory", "FuzzSupport"], path: "Tests/Fuzz/dataset"),

        // MARK: Tests
        .testTarget(name: "TabularTests", dependencies: ["Tabular"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StatsTests", dependencies: ["Stats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ForecastTests", dependencies: ["Forecast"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Tabular"]),
        .testTarget(name: "OptimizeTests", dependencies: ["Optimize"], resources: [.copy("Fixtures")]),
        .testTarget(name: "InventoryTests", dependencies: ["Inventory"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Core"]),
        // Runs the built executables: the dependencies only make sure they are built first.
        .testTarget(name: "EndToEndTests", dependencies: ["Restock", "synth", "exploration", "segmentation", "forecasting", "allocation", "validation"]),
    ]
)
