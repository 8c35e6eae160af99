import Foundation
import Testing
@testable import Plot

@Suite struct PolylineSimplifierTests {
    /// The distance from `p` to the nearest segment of `line`.
    static func distance(_ p: Point, to line: [Point]) -> Double {
        zip(line, line.dropFirst()).map { PolylineSimplifier.squaredDistance(p, toSegmentFrom: $0, to: $1).squareRoot() }
            .min() ?? .infinity
    }

    @Test func everyDroppedPointStaysWithinTheTolerance() {
        // A dense wiggly series, half a pixel per point, as a 2,000-point line on a wide chart.
        let points = (0..<2000).map { i -> Point in
            let x = Double(i)
            return Point(50 + 0.55 * x, 400 + 80 * sin(x / 50) + 20 * cos(x / 7))
        }
        let kept = PolylineSimplifier.simplified(points)
        #expect(kept.count < points.count / 2)
        #expect(kept.first == points.first && kept.last == points.last)
        #expect(points.allSatisfy { Self.distance($0, to: kept) <= PolylineSimplifier.tolerance + 1e-12 })
        // Kept vertices are original ones, in order.
        var index = 0
        for vertex in kept {
            while index < points.count && points[index] != vertex { index += 1 }
            #expect(index < points.count)
        }
    }

    @Test func straightRunsShrinkAndCornersStay() {
        let corner = (0...100).map { Point(Double($0), 0) } + (1...100).map { Point(100, Double($0)) }
        let kept = PolylineSimplifier.simplified(corner)
        #expect(kept.contains(Point(100, 0)))
        #expect(kept.count <= 2 + 2 * (100 / PolylineSimplifier.reach + 1))
    }

    @Test func breaksAndTheirNeighboursAreKept() {
        let points = [Point(0, 0), Point(1, 0), Point(2, 0), Point(.nan, .nan), Point(3, 0), Point(4, 0), Point(5, 0)]
        let kept = PolylineSimplifier.simplified(points)
        #expect(kept.count == 5)
        #expect(kept[0] == Point(0, 0) && kept[1] == Point(2, 0) && kept[2].x.isNaN && kept[3] == Point(3, 0) && kept[4] == Point(5, 0))
    }

    @Test func aReversalIsNotSimplifiedAway() {
        // Going out and back along the same line: the far end must stay.
        let points = [Point(0, 0), Point(10, 0), Point(5, 0)]
        #expect(PolylineSimplifier.simplified(points) == points)
    }
}
