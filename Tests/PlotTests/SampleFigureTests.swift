import Foundation
import Testing
@testable import Plot

@Suite struct SampleFigureTests {
    @Test(arguments: SampleFigures.all.map(\.0))
    func rendersWithoutError(name: String) throws {
        guard let make = SampleFigures.all.first(where: { $0.0 == name })?.1 else { return }
        let figure = try make()
        let bytes = try figure.png()
        #expect(bytes.count > 1000)
        if let directory = ProcessInfo.processInfo.environment["PLOT_SAMPLE_DIR"] {
            try figure.save(to: URL(fileURLWithPath: directory).appendingPathComponent("\(name).png"))
        }
    }
}
