import Foundation

/// Turns a polyline into polygons whose union is the stroked line: one quad per segment and a round
/// join (a small regular polygon) at each vertex. libgd draws anti-aliased lines only one pixel wide
/// (libgd issue 317), so wide lines are filled as shapes instead.
enum Stroke {
    /// The polygons covering `points` stroked `width` pixels wide; runs are broken at non-finite points.
    static func polygons(_ points: [Point], width: Double, roundCaps: Bool) -> [[Point]] {
        guard width > 0, width.isFinite else { return [] }
        let half = width / 2
        let circle = unitCircle(sides: sides(radius: half))
        func disc(_ center: Point, radius: Double) -> [Point] {
            circle.map { Point(center.x + radius * $0.x, center.y + radius * $0.y) }
        }
        var polygons: [[Point]] = []
        polygons.reserveCapacity(points.count * 2)
        var previous: Point?
        var runStart = true
        for (index, point) in points.enumerated() {
            guard point.x.isFinite, point.y.isFinite else {
                if let previous, roundCaps { polygons.append(disc(previous, radius: half)) }
                previous = nil
                runStart = true
                continue
            }
            if let start = previous {
                let dx = point.x - start.x, dy = point.y - start.y
                let length = (dx * dx + dy * dy).squareRoot()
                if length > 1e-9 {
                    let nx = -dy / length * half, ny = dx / length * half
                    polygons.append([
                        Point(start.x + nx, start.y + ny), Point(point.x + nx, point.y + ny),
                        Point(point.x - nx, point.y - ny), Point(start.x - nx, start.y - ny),
                    ])
                }
                let isLast = index == points.count - 1 || !(points[index + 1].x.isFinite && points[index + 1].y.isFinite)
                if !isLast || roundCaps, half > 0.75 { polygons.append(disc(point, radius: half)) }
            } else if roundCaps || !runStart {
                polygons.append(disc(point, radius: half))
            }
            runStart = false
            previous = point
        }
        return polygons
    }

    /// A regular polygon standing in for a disc.
    static func disc(_ center: Point, radius: Double) -> [Point] {
        unitCircle(sides: sides(radius: radius)).map { Point(center.x + radius * $0.x, center.y + radius * $0.y) }
    }

    /// Enough sides for a regular polygon to pass for a disc of `radius` pixels when anti-aliased.
    static func sides(radius: Double) -> Int {
        min(48, max(8, Int(radius * 3)))
    }

    /// The vertices of a regular polygon on the unit circle.
    static func unitCircle(sides: Int) -> [Point] {
        (0..<sides).map { k in
            let angle = Double(k) * 2 * .pi / Double(sides)
            return Point(cos(angle), sin(angle))
        }
    }
}
