import CGD
import Foundation
import Testing
@testable import Plot

@Suite struct CanvasTests {
    @Test func backgroundFillsTheImage() throws {
        let canvas = try Canvas(width: 40, height: 30, background: Color(hex: 0x123456))
        #expect(canvas.pixel(x: 0, y: 0) == Color(hex: 0x123456))
        #expect(canvas.pixel(x: 39, y: 29) == Color(hex: 0x123456))
        #expect(canvas.pixel(x: 40, y: 0) == nil)
    }

    @Test func emptyOrHugeCanvasIsAnError() {
        #expect(throws: PlotError.self) { try Canvas(width: 0, height: 10, background: .white) }
        #expect(throws: PlotError.self) { try Canvas(width: 10, height: 50_000, background: .white) }
    }

    @Test func rectanglesSnapToWholePixels() throws {
        let canvas = try Canvas(width: 20, height: 20, background: .white)
        canvas.fill(Rect(x: 2.4, y: 3.6, width: 5.2, height: 4), color: .black)
        #expect(canvas.pixel(x: 2, y: 4) == .black)
        #expect(canvas.pixel(x: 7, y: 7) == .black)
        #expect(canvas.pixel(x: 1, y: 4) == .white)
        #expect(canvas.pixel(x: 8, y: 4) == .white)
        #expect(canvas.pixel(x: 2, y: 3) == .white)
    }

    /// Exact-area anti-aliasing: the ink summed over all pixels equals the polygon's area.
    @Test(arguments: [(3.25, 2.5, 7.5, 4.75), (0.5, 0.5, 10, 10), (5.1, 6.7, 0.6, 0.3)])
    func polygonCoverageSumsToItsArea(x: Double, y: Double, width: Double, height: Double) throws {
        let canvas = try Canvas(width: 24, height: 24, background: .white)
        canvas.fill(polygons: [[Point(x, y), Point(x + width, y), Point(x + width, y + height), Point(x, y + height)]],
                    color: .black)
        var ink = 0.0
        for py in 0..<24 {
            for px in 0..<24 { ink += 1 - Double(canvas.pixel(x: px, y: py)?.red ?? 255) / 255 }
        }
        // Each pixel's coverage is rounded to 1/256 when blended.
        #expect(abs(ink - width * height) < 0.02 * width * height + 0.05)
    }

    @Test func overlappingPolygonsOfOneShapeBlendOnce() throws {
        let canvas = try Canvas(width: 20, height: 20, background: .white)
        let a = [Point(2, 2), Point(12, 2), Point(12, 12), Point(2, 12)]
        let b = [Point(8, 8), Point(8, 18), Point(18, 18), Point(18, 8)]  // wound the other way
        canvas.fill(polygons: [a, b], color: Color(hex: 0x000000, opacity: 0.5))
        let overlap = canvas.pixel(x: 10, y: 10), single = canvas.pixel(x: 4, y: 4)
        #expect(overlap == single)
        #expect(single?.red == 127 || single?.red == 128)
    }

    /// libgd ignores thickness when anti-aliasing; our strokes keep their width at any angle.
    @Test(arguments: [0.0, 30.0, 90.0])
    func thickStrokesKeepTheirWidth(degrees: Double) throws {
        let canvas = try Canvas(width: 100, height: 100, background: .white)
        let angle = degrees * .pi / 180
        let start = Point(50 - 40 * cos(angle), 50 - 40 * sin(angle)), end = Point(50 + 40 * cos(angle), 50 + 40 * sin(angle))
        canvas.stroke([start, end], width: 10, color: .black)
        // Pixels 4 px either side of the line's centre are inside, 7 px away are outside.
        let normal = Point(-sin(angle), cos(angle))
        for offset in [-4.0, 0, 4] {
            let p = Point(50 + offset * normal.x, 50 + offset * normal.y)
            #expect(canvas.pixel(x: Int(p.x), y: Int(p.y)) == .black)
        }
        for offset in [-7.0, 7] {
            let p = Point(50 + offset * normal.x, 50 + offset * normal.y)
            #expect(canvas.pixel(x: Int(p.x), y: Int(p.y)) == .white)
        }
    }

    @Test func clipKeepsShapesInside() throws {
        let canvas = try Canvas(width: 30, height: 30, background: .white)
        canvas.clip = Rect(x: 10, y: 10, width: 10, height: 10)
        canvas.fill(Rect(x: 0, y: 0, width: 30, height: 30), color: .black)
        canvas.fillCircle(center: Point(5, 5), radius: 4, color: .black)
        #expect(canvas.pixel(x: 9, y: 15) == .white)
        #expect(canvas.pixel(x: 5, y: 5) == .white)
        #expect(canvas.pixel(x: 15, y: 15) == .black)
    }

    @Test func pngDecodesToTheSamePixels() throws {
        let canvas = try Canvas(width: 64, height: 48, background: Color(hex: 0xF0F0F0))
        canvas.fill(Rect(x: 10, y: 10, width: 20, height: 12), color: Color(hex: 0x0173B2))
        canvas.fillCircle(center: Point(45, 30), radius: 8.3, color: Color(hex: 0xD55E00))
        let bytes = try canvas.png()
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var copy = bytes
        let decoded = copy.withUnsafeMutableBytes { gdImageCreateFromPngPtr(Int32($0.count), $0.baseAddress) }
        let image = try #require(decoded)
        defer { gdImageDestroy(image) }
        #expect(image.pointee.sx == 64 && image.pointee.sy == 48)
        for (x, y) in [(0, 0), (15, 15), (45, 30), (38, 30), (63, 47)] {
            let value = gdImageGetTrueColorPixel(image, Int32(x), Int32(y))
            let expected = try #require(canvas.pixel(x: x, y: y))
            #expect(value & 0xFFFFFF == expected.gdValue & 0xFFFFFF)
        }
    }
}

/// Markers drawn from stamps match the exact circles at the stamps' centres (eighths of a pixel).
@Suite struct CircleStampTests {
    @Test func stampsMatchExactCirclesAtTheirCentres() throws {
        let stamped = try Canvas(width: 200, height: 150, background: .white)
        let exact = try Canvas(width: 200, height: 150, background: .white)
        let colors = [Color(hex: 0x0173B2), Color(hex: 0xDE8F05)]
        var circles: [Canvas.Circle] = []
        for i in 0..<400 {
            let x = 5 + Double((i * 37) % 190) + Double(i % 13) / 13, y = 5 + Double((i * 53) % 140) + Double(i % 7) / 7
            circles.append(Canvas.Circle(center: Point(x, y), radius: 3.5, color: colors[i % 2].withOpacity(0.9)))
        }
        stamped.fillCircles(circles, edge: .white, edgeWidth: 0.75)
        for circle in circles {
            let snap = { (v: Double) in v.rounded(.down) + ((v - v.rounded(.down)) * 8).rounded(.down) / 8 + 1.0 / 16 }
            exact.fillCircle(center: Point(snap(circle.center.x), snap(circle.center.y)), radius: circle.radius,
                             color: circle.color, edge: .white, edgeWidth: 0.75)
        }
        var largest = 0, differing = 0, painted = 0
        for y in 0..<150 {
            for x in 0..<200 {
                let a = try #require(stamped.pixel(x: x, y: y)), b = try #require(exact.pixel(x: x, y: y))
                let difference = max(abs(Int(a.red) - Int(b.red)), abs(Int(a.green) - Int(b.green)), abs(Int(a.blue) - Int(b.blue)))
                largest = max(largest, difference)
                if difference > 0 { differing += 1 }
                if a != .white { painted += 1 }
            }
        }
        #expect(painted > 5000)
        #expect(largest <= 2)
        #expect(differing <= painted / 100)
    }
}
