import Foundation

/// Turns a polyline into polygons whose union is the stroked line: one quad per segment and a join at
/// each vertex. libgd draws anti-aliased lines only one pixel wide (libgd issue 317), so wide lines
/// are filled as shapes instead.
///
/// Joins are round (a small regular polygon) for lines wider than four pixels; thinner lines get bevel
/// joins (two triangles), which look the same at that width for a fraction of the edges.
enum Stroke {
    /// The polygons covering `points` stroked `width` pixels wide; runs are broken at non-finite points.
    static func polygons(_ points: [Point], width: Double, roundCaps: Bool) -> [[Point]] {
        guard width > 0, width.isFinite else { return [] }
        let half = width / 2
        let roundJoins = half > 2
        let circle = unitCircle(sides: sides(radius: half))
        func disc(_ center: Point) -> [Point] {
            circle.map { Point(center.x + half * $0.x, center.y + half * $0.y) }
        }
        var polygons: [[Point]] = []
        polygons.reserveCapacity(points.count * 2)
        var previous: Point?
        var previousNormal: Point?
        for point in points {
            guard point.x.isFinite, point.y.isFinite else {
                if let previous, roundCaps { polygons.append(disc(previous)) }
                previous = nil
                previousNormal = nil
                continue
            }
            guard let start = previous else {
                if roundCaps { polygons.append(disc(point)) }
                previous = point
                continue
            }
            let dx = point.x - start.x, dy = point.y - start.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 1e-9 else { continue }
            let n = Point(-dy / length * half, dx / length * half)
            if let p = previousNormal {
                if roundJoins {
                    polygons.append(disc(start))
                } else {
                    polygons.append([start, Point(start.x + p.x, start.y + p.y), Point(start.x + n.x, start.y + n.y)])
                    polygons.append([start, Point(start.x - p.x, start.y - p.y), Point(start.x - n.x, start.y - n.y)])
                }
            }
            polygons.append([
                Point(start.x + n.x, start.y + n.y), Point(point.x + n.x, point.y + n.y),
                Point(point.x - n.x, point.y - n.y), Point(start.x - n.x, start.y - n.y),
            ])
            previousNormal = n
            previous = point
        }
        if let previous, roundCaps, previousNormal != nil { polygons.append(disc(previous)) }
        return polygons
    }

    /// Adds the stroke of `points` straight to a rasterizer, with the join at the first point when the
    /// line continues from `after` (the point before this piece of a longer line).
    static func add(_ points: ArraySlice<Point>, after: Point?, width: Double, capStart: Bool, capEnd: Bool,
                    to rasterizer: Rasterizer) {
        let half = width / 2
        let roundJoins = half > 2
        var previous: Point? = after.flatMap { $0.x.isFinite && $0.y.isFinite ? $0 : nil }
        var previousNormal: Point?
        var first = true
        func normal(_ a: Point, _ b: Point) -> Point? {
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            return length > 1e-9 ? Point(-dy / length * half, dx / length * half) : nil
        }
        func join(at vertex: Point, from p: Point, to n: Point) {
            if roundJoins {
                rasterizer.addPolygon(disc(vertex, radius: half))
                return
            }
            // The gap opens on the outside of the turn: the side the new direction turns away from.
            // Its area is half the cross product of the normals; a gap under a fiftieth of a pixel
            // (a nearly straight vertex) would shift one pixel's coverage by under 2%: left unfilled.
            let turn = p.x * n.y - p.y * n.x
            if abs(turn) < 0.04 { return }
            let sign: Double = turn > 0 ? -1 : 1
            rasterizer.addTriangle(vertex, Point(vertex.x + sign * p.x, vertex.y + sign * p.y),
                                   Point(vertex.x + sign * n.x, vertex.y + sign * n.y))
        }
        for point in points {
            defer { first = false }
            guard point.x.isFinite, point.y.isFinite else {
                if let previous, capEnd { rasterizer.addPolygon(disc(previous, radius: half)) }
                previous = nil
                previousNormal = nil
                continue
            }
            guard let start = previous else {
                if capStart { rasterizer.addPolygon(disc(point, radius: half)) }
                previous = point
                continue
            }
            guard let n = normal(start, point) else { continue }
            if first {
                // `start` is the point before this piece; the piece only needs its join at `point`... which
                // comes with the next segment, so record the normal and move on.
                previousNormal = n
                previous = point
                continue
            }
            if let p = previousNormal { join(at: start, from: p, to: n) }
            rasterizer.addQuad(Point(start.x + n.x, start.y + n.y), Point(point.x + n.x, point.y + n.y),
                               Point(point.x - n.x, point.y - n.y), Point(start.x - n.x, start.y - n.y))
            previousNormal = n
            previous = point
        }
        if let previous, capEnd, previousNormal != nil { rasterizer.addPolygon(disc(previous, radius: half)) }
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
