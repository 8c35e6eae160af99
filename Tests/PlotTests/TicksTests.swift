import Testing
@testable import Plot

@Suite struct TicksTests {
    @Test func probe() {
        for (a, b, m) in [(0.0, 100.0, 5), (-31.0, 27.0, 5), (0.0, 1.0, 5), (3.7, 9.2, 6), (0, 2_345_678, 6), (0.001, 0.0123, 5), (1e9, 1e9 + 3, 5)] {
            print(a, b, m, ExtendedTicks.ticks(from: a, to: b, count: m))
        }
        print(NumberFormat.automatic.labels(for: [0, 2500, 5000, 7500]))
        print(NumberFormat.automatic.labels(for: [0, 20000, 40000, 1.5e6]))
        print(NumberFormat.currency("£").labels(for: [-1e6, 0, 1.25e6, 2.5e6]))
        print(NumberFormat.percent.labels(for: [0, 0.05, 0.1, 0.15]))
        print(NumberFormat.automatic.string(12345.6), NumberFormat.automatic.string(0.123456), NumberFormat.compact.string(1_234_567))
    }
}
