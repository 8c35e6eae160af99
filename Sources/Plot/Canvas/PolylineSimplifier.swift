/// Drops the vertices of a polyline that a stroke cannot show: those within `tolerance` pixels of
/// the segment that joins the kept vertices around them. matplotlib's Agg backend does the same
/// before stroking (its path simplification, threshold 1/9 pixel), so that a series of thousands
/// of points on a chart a thousand pixels wide draws only the turns a reader can see.
///
/// Each kept vertex starts a segment that is extended point by point while every point it skips
/// stays within the tolerance (at most `reach` points, which bounds the work per vertex). Non-finite
/// points, which break a line, are kept, as are the ends of every run.
enum PolylineSimplifier {
    static let tolerance = 1.0 / 9
    static let reach = 32

    static func simplified(_ points: [Point], tolerance: Double = tolerance) -> [Point] {
        guard points.count > 2 else { return points }
        let squaredTolerance = tolerance * tolerance
        var kept: [Point] = []
        kept.reserveCapacity(points.count)
        var i = 0
        while i < points.count {
            let anchor = points[i]
            kept.append(anchor)
            guard anchor.isFinite, i + 1 < points.count, points[i + 1].isFinite else { i += 1; continue }
            var end = i + 1
            while end + 1 < points.count, end + 1 - i <= reach, points[end + 1].isFinite,
                  (i + 1...end).allSatisfy({ squaredDistance(points[$0], toSegmentFrom: anchor, to: points[end + 1]) <= squaredTolerance }) {
                end += 1
            }
            i = end
        }
        return kept
    }

    /// The squared distance from `p` to the segment from `a` to `b`.
    static func squaredDistance(_ p: Point, toSegmentFrom a: Point, to b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        let t = length > 0 ? min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return x * x + y * y
    }
}

extension Point {
    var isFinite: Bool { x.isFinite && y.isFinite }
}
