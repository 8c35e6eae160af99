import Testing
@testable import Plot

@Suite struct CanvasTests {
    @Test func backgroundFillsTheImage() throws {
        let canvas = try Canvas(width: 40, height: 30, background: Color(hex: 0x123456))
        #expect(canvas.pixel(x: 0, y: 0) == Color(hex: 0x123456))
        #expect(canvas.pixel(x: 39, y: 29) == Color(hex: 0x123456))
        #expect(canvas.pixel(x: 40, y: 0) == nil)
    }
}
