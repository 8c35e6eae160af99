/// Fills polygons with exact-area anti-aliasing: each edge adds its signed area to a coverage buffer,
/// and a running sum along each row turns those into per-pixel coverage (the accumulation
/// rasterizer of R. Levien's font-rs, 2016).
///
/// Polygons added together form one shape (their union when they all wind the same way), so a thick
/// polyline made of many quads and round joins is blended once and shows no darker overlaps.
final class Rasterizer {
    private var cells = UnsafeMutablePointer<Float>.allocate(capacity: 0)
    private var cellCapacity = 0
    private var rowFirst = UnsafeMutablePointer<Int>.allocate(capacity: 0)
    private var rowLast = UnsafeMutablePointer<Int>.allocate(capacity: 0)
    private var rowCapacity = 0
    private(set) var originX = 0
    private(set) var originY = 0
    private(set) var width = 0
    private(set) var height = 0
    private var stride = 0

    deinit {
        cells.deallocate()
        rowFirst.deallocate()
        rowLast.deallocate()
    }

    /// Prepares an empty buffer over the device-pixel box `x..<x+width`, `y..<y+height`.
    func begin(x: Int, y: Int, width: Int, height: Int) {
        originX = x
        originY = y
        self.width = max(0, width)
        self.height = max(0, height)
        stride = self.width + 2
        // Cells and row spans are left cleared by `finish`, so only new memory needs initialising.
        let needed = stride * self.height
        if cellCapacity < needed {
            cells.deallocate()
            cells = .allocate(capacity: needed)
            cells.initialize(repeating: 0, count: needed)
            cellCapacity = needed
        }
        if rowCapacity < self.height {
            rowFirst.deallocate()
            rowLast.deallocate()
            rowFirst = .allocate(capacity: self.height)
            rowFirst.initialize(repeating: Int.max, count: self.height)
            rowLast = .allocate(capacity: self.height)
            rowLast.initialize(repeating: -1, count: self.height)
            rowCapacity = self.height
        }
    }

    /// Adds a closed polygon given in device pixels, turned if needed so that it winds clockwise.
    func addPolygon(_ points: [Point]) {
        guard points.count >= 3, width > 0, height > 0 else { return }
        var area = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            area += a.x * b.y - b.x * a.y
        }
        let forwards = area >= 0
        let count = points.count
        for i in 0..<count {
            let a = forwards ? points[i] : points[count - 1 - i]
            let b = forwards ? points[(i + 1) % count] : points[(2 * count - 2 - i) % count]
            addEdge(a, b)
        }
    }

    /// Adds a triangle, whichever way it winds.
    func addTriangle(_ a: Point, _ b: Point, _ c: Point) {
        let area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)
        if area >= 0 {
            addEdge(a, b); addEdge(b, c); addEdge(c, a)
        } else {
            addEdge(a, c); addEdge(c, b); addEdge(b, a)
        }
    }

    /// Adds a convex quadrilateral given in order around it, whichever way it winds.
    func addQuad(_ a: Point, _ b: Point, _ c: Point, _ d: Point) {
        let area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)
        if area >= 0 {
            addEdge(a, b); addEdge(b, c); addEdge(c, d); addEdge(d, a)
        } else {
            addEdge(a, d); addEdge(d, c); addEdge(c, b); addEdge(b, a)
        }
    }

    private func addEdge(_ a: Point, _ b: Point) {
        let limit = 1e6
        let ax = min(limit, max(-limit, a.x)) - Double(originX), ay = min(limit, max(-limit, a.y)) - Double(originY)
        let bx = min(limit, max(-limit, b.x)) - Double(originX), by = min(limit, max(-limit, b.y)) - Double(originY)
        guard ay != by, ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite else { return }
        let direction: Double = ay < by ? 1 : -1
        let (x0, y0, x1, y1) = ay < by ? (ax, ay, bx, by) : (bx, by, ax, ay)
        let slope = (x1 - x0) / (y1 - y0)
        let top = max(0, y0)
        let bottom = min(Double(height), y1)
        guard top < bottom else { return }
        var x = x0 + (top - y0) * slope
        var row = Int(top.rounded(.down))
        let w = Double(width)
        let stride = self.stride
        let cell = cells, rowFirst = self.rowFirst, rowLast = self.rowLast
        do {
            while Double(row) < bottom {
                let dy = min(Double(row + 1), y1) - max(Double(row), y0)
                let xNext = x + slope * dy
                let d = dy * direction
                let left = min(w, max(0, min(x, xNext)))
                let right = min(w, max(0, max(x, xNext)))
                let leftFloor = left.rounded(.down)
                let leftIndex = Int(leftFloor)
                let rightCeil = right.rounded(.up)
                let rightIndex = Int(rightCeil)
                let base = row * stride
                if rightIndex <= leftIndex + 1 {
                    let middle = 0.5 * (left + right) - leftFloor
                    cell[base + leftIndex] += Float(d - d * middle)
                    cell[base + leftIndex + 1] += Float(d * middle)
                } else {
                    let s = 1 / (right - left)
                    let leftFraction = left - leftFloor
                    let a0 = 0.5 * s * (1 - leftFraction) * (1 - leftFraction)
                    let rightFraction = right - rightCeil + 1
                    let am = 0.5 * s * rightFraction * rightFraction
                    cell[base + leftIndex] += Float(d * a0)
                    if rightIndex == leftIndex + 2 {
                        cell[base + leftIndex + 1] += Float(d * (1 - a0 - am))
                    } else {
                        let a1 = s * (1.5 - leftFraction)
                        cell[base + leftIndex + 1] += Float(d * (a1 - a0))
                        let full = Float(d * s)
                        var column = leftIndex + 2
                        while column < rightIndex - 1 {
                            cell[base + column] += full
                            column += 1
                        }
                        let a2 = a1 + Double(rightIndex - leftIndex - 3) * s
                        cell[base + rightIndex - 1] += Float(d * (1 - a2 - am))
                    }
                    cell[base + rightIndex] += Float(d * am)
                }
                if leftIndex < rowFirst[row] { rowFirst[row] = leftIndex }
                if rightIndex + 1 > rowLast[row] { rowLast[row] = rightIndex + 1 }
                x = xNext
                row += 1
            }
        }
    }

    /// Calls `blend(x, y, coverage)` for every pixel the shape covers, then clears the buffer.
    @inline(__always)
    func finish(_ blend: (Int, Int, Float) -> Void) {
        let stride = self.stride
        let cells = self.cells
        for row in 0..<height where rowFirst[row] <= rowLast[row] {
            let first = rowFirst[row], last = min(rowLast[row], stride - 1)
            var sum: Float = 0
            let base = row * stride
            for column in first...last {
                sum += cells[base + column]
                cells[base + column] = 0
                let coverage = min(1, abs(sum))
                if coverage > 0.002, column < width {
                    blend(originX + column, originY + row, coverage)
                }
            }
            rowFirst[row] = Int.max
            rowLast[row] = -1
        }
    }
}
