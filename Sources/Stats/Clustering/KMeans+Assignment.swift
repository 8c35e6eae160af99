/// The assignment step of Lloyd's iterations, with Hamerly's bounds (Hamerly 2010).
///
/// Each point keeps an upper bound on the distance to its centre and a lower bound on the distance
/// to every other centre, moved each iteration by how far the centres moved. A step then runs in
/// three passes over a block of rows: move the bounds and keep the rows they no longer prove;
/// tighten those rows' upper bound to the exact distance and keep the rows still unproven; scan
/// every centre for the rest, two rows at a time so that the two minimum searches overlap.
/// A row is skipped only when its bounds prove its centre nearer than every other by a relative
/// margin far above rounding, so it keeps exactly the label a scan would give it.
extension KMeansProblem {
    /// Labels every row with its nearest centre (the lowest index among equals) and brings the
    /// per-cluster sums and counts of the rows up to date with the new labels; whether any label
    /// changed.
    ///
    /// The first call sums every row; later calls add and subtract the rows that changed cluster,
    /// block by block in order, so the result does not depend on how many cores run the blocks.
    @discardableResult
    func assign(centers: [Double], labels: inout [Int32], bounds: inout AssignmentBounds, sums: inout [Double],
                counts: inout [Double], parallel: Bool) -> Bool {
        let n = count, d = dimension, k = clusters
        let blocks = (n + Self.blockRows - 1) / Self.blockRows
        var partialSums = [Double](repeating: 0, count: blocks * k * d)
        var partialCounts = [Double](repeating: 0, count: blocks * k)
        var blockChanged = [Bool](repeating: false, count: blocks)
        let shifts = bounds.prepare(centers: centers, dimension: d)
        withAssignmentTarget(labels: &labels, bounds: &bounds, partialSums: &partialSums, partialCounts: &partialCounts,
                             blockChanged: &blockChanged) { target in
            points.withUnsafeBufferPointer { x in
                centers.withUnsafeBufferPointer { c in
                    shifts.halfGap.withUnsafeBufferPointer { halfGap in
                        shifts.movement.withUnsafeBufferPointer { movement in
                            let input = AssignmentInput(x: x, centers: c, halfGap: halfGap, movement: movement, shifts: shifts)
                            parallelFor(blocks, parallel: parallel) { block in
                                let rows = (block * Self.blockRows)..<Swift.min(n, (block + 1) * Self.blockRows)
                                let into = target.block(block, clusters: k, dimension: d)
                                // Constant dimensions let the compiler unroll the feature loops.
                                let changed: Bool
                                switch d {
                                case 2: changed = assignBlock(input, rows: rows, width: Width2(), k: k, into: into)
                                case 3: changed = assignBlock(input, rows: rows, width: Width3(), k: k, into: into)
                                case 4: changed = assignBlock(input, rows: rows, width: Width4(), k: k, into: into)
                                default: changed = assignBlock(input, rows: rows, width: AnyWidth(count: d), k: k, into: into)
                                }
                                target.changed[block] = changed
                            }
                        }
                    }
                }
            }
        }
        if shifts.scanAll {
            for i in 0..<(k * d) { sums[i] = 0 }
            for c in 0..<k { counts[c] = 0 }
        }
        for block in 0..<blocks {
            for i in 0..<(k * d) { sums[i] += partialSums[block * k * d + i] }
            for c in 0..<k { counts[c] += partialCounts[block * k + c] }
        }
        return blockChanged.contains(true)
    }
}

/// Hamerly's bounds: for each point, an upper bound on the distance to its centre and a lower
/// bound on the distance to every other centre, valid for the centres of the last assignment; how
/// far each centre has moved since; and room for each block's list of rows to re-examine.
struct AssignmentBounds {
    var upper: [Double]
    var lower: [Double]
    /// The distance each centre moved since the last assignment.
    var movement: [Double]
    /// The rows a block re-examines, in the block's own range of indices.
    var pending: [Int32]
    /// False until the first assignment has scanned every point.
    var initialised = false

    init(count: Int, clusters: Int) {
        upper = [Double](repeating: .infinity, count: count)
        lower = [Double](repeating: 0, count: count)
        movement = [Double](repeating: 0, count: clusters)
        pending = [Int32](repeating: 0, count: count)
    }

    /// What the next assignment needs to know of the centres; resets the movements.
    mutating func prepare(centers: [Double], dimension d: Int) -> CentreShifts {
        let k = movement.count
        var halfGap = [Double](repeating: .infinity, count: k)
        centers.withUnsafeBufferPointer { c in
            guard let c = c.baseAddress else { return }
            for a in 0..<k {
                for b in (a + 1)..<k {
                    let half = squaredDistance(c + a * d, c + b * d, d).squareRoot() / 2
                    halfGap[a] = Swift.min(halfGap[a], half)
                    halfGap[b] = Swift.min(halfGap[b], half)
                }
            }
        }
        var farthest = 0, largest = 0.0, second = 0.0
        for (c, moved) in movement.enumerated() {
            if moved > largest { second = largest; largest = moved; farthest = c } else if moved > second { second = moved }
        }
        let shifts = CentreShifts(scanAll: !initialised, halfGap: halfGap, movement: movement,
                                  farthest: farthest, largest: largest, second: second)
        initialised = true
        movement = [Double](repeating: 0, count: k)
        return shifts
    }
}

/// What one assignment step knows of the centres.
struct CentreShifts: Sendable {
    /// Scan every point: the first assignment, when no bound holds yet.
    let scanAll: Bool
    /// Half the distance from each centre to its nearest other centre: a point closer than that
    /// to its centre is nearer it than any other.
    let halfGap: [Double]
    /// How far each centre moved since the bounds were set.
    let movement: [Double]
    /// The centre that moved most, its movement, and the largest movement of any other centre.
    let farthest: Int
    let largest: Double
    let second: Double
}

/// The read-only inputs of an assignment kernel.
private struct AssignmentInput: @unchecked Sendable {
    let x: UnsafeBufferPointer<Double>
    let centers: UnsafeBufferPointer<Double>
    let halfGap: UnsafeBufferPointer<Double>
    let movement: UnsafeBufferPointer<Double>
    let shifts: CentreShifts
}

/// Where the assignment kernels write: labels, bounds and pending lists of all rows (each block
/// touches its own rows only), and one slot of sums, counts and change flag per block.
private struct AssignmentTarget: @unchecked Sendable {
    let labels: UnsafeMutableBufferPointer<Int32>
    let upper: UnsafeMutableBufferPointer<Double>
    let lower: UnsafeMutableBufferPointer<Double>
    let pending: UnsafeMutableBufferPointer<Int32>
    let sums: UnsafeMutableBufferPointer<Double>
    let counts: UnsafeMutableBufferPointer<Double>
    let changed: UnsafeMutableBufferPointer<Bool>

    /// The view of one block: its sums and counts slots.
    func block(_ block: Int, clusters k: Int, dimension d: Int) -> AssignmentTarget {
        AssignmentTarget(labels: labels, upper: upper, lower: lower, pending: pending,
                         sums: UnsafeMutableBufferPointer(rebasing: sums[(block * k * d)..<((block + 1) * k * d)]),
                         counts: UnsafeMutableBufferPointer(rebasing: counts[(block * k)..<((block + 1) * k)]),
                         changed: UnsafeMutableBufferPointer(rebasing: changed[block..<(block + 1)]))
    }
}

private func withAssignmentTarget(labels: inout [Int32], bounds: inout AssignmentBounds, partialSums: inout [Double],
                                  partialCounts: inout [Double], blockChanged: inout [Bool],
                                  _ body: (AssignmentTarget) -> Void) {
    labels.withUnsafeMutableBufferPointer { labels in
        bounds.upper.withUnsafeMutableBufferPointer { upper in
            bounds.lower.withUnsafeMutableBufferPointer { lower in
                bounds.pending.withUnsafeMutableBufferPointer { pending in
                    partialSums.withUnsafeMutableBufferPointer { sums in
                        partialCounts.withUnsafeMutableBufferPointer { counts in
                            blockChanged.withUnsafeMutableBufferPointer { changed in
                                body(AssignmentTarget(labels: labels, upper: upper, lower: lower, pending: pending,
                                                      sums: sums, counts: counts, changed: changed))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The assignment kernel on `rows`; whether any label changed. Sums and counts: of every row on
/// the first call, of the rows that changed cluster (added to the new, subtracted from the old)
/// on later ones.
private func assignBlock<Width: FeatureWidth>(_ input: AssignmentInput, rows: Range<Int>, width: Width, k: Int,
                                              into target: AssignmentTarget) -> Bool {
    let d = width.count
    guard let x = input.x.baseAddress, let centers = input.centers.baseAddress,
          let pending = target.pending.baseAddress.map({ $0 + rows.lowerBound }) else { return false }
    var unresolved = 0
    if input.shifts.scanAll {
        for i in rows { pending[unresolved] = Int32(i); unresolved += 1 }
    } else {
        let margin = 1 - 1e-9
        let shifts = input.shifts
        // Move the bounds by the centres' movements; keep the rows they no longer prove.
        for i in rows {
            let label = Int(target.labels[i])
            let upper = target.upper[i] + input.movement[label]
            let lower = target.lower[i] - (label == shifts.farthest ? shifts.second : shifts.largest)
            target.upper[i] = upper
            target.lower[i] = lower
            pending[unresolved] = Int32(i)
            unresolved += upper < Swift.max(lower, input.halfGap[label]) * margin ? 0 : 1
        }
        // Tighten their upper bound to the exact distance; keep the rows still unproven.
        let loose = unresolved
        unresolved = 0
        for p in 0..<loose {
            let i = Int(pending[p])
            let label = Int(target.labels[i])
            let upper = squaredDistance(x + i * d, centers + label * d, d).squareRoot()
            target.upper[i] = upper
            pending[unresolved] = Int32(i)
            unresolved += upper < Swift.max(target.lower[i], input.halfGap[label]) * margin ? 0 : 1
        }
    }
    // Scan every centre for the rest, two rows at a time.
    var changed = false
    var p = 0
    while p + 1 < unresolved {
        let i = Int(pending[p]), j = Int(pending[p + 1])
        let (first, second) = nearestCentres(x + i * d, x + j * d, centers: centers, d: d, k: k)
        changed = record(first, row: i, d: d, x: x, into: target) || changed
        changed = record(second, row: j, d: d, x: x, into: target) || changed
        p += 2
    }
    if p < unresolved {
        let i = Int(pending[p])
        let (first, _) = nearestCentres(x + i * d, x + i * d, centers: centers, d: d, k: k)
        changed = record(first, row: i, d: d, x: x, into: target) || changed
    }
    return changed
}

/// The nearest and second-nearest centre of a row, by squared distance.
private struct Nearest {
    var index = 0
    var distance = Double.infinity
    var second = Double.infinity

    /// Takes centre `c` at squared distance `s` into account; a tie keeps the lower index.
    @inline(__always)
    mutating func consider(_ c: Int, _ s: Double) {
        let better = s < distance
        second = better ? distance : Swift.min(second, s)
        index = better ? c : index
        distance = better ? s : distance
    }
}

/// The nearest centres of two rows, found together so that their two chains of comparisons overlap.
@inline(__always)
private func nearestCentres(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, centers: UnsafePointer<Double>,
                           d: Int, k: Int) -> (Nearest, Nearest) {
    var first = Nearest(), second = Nearest()
    for c in 0..<k {
        let centre = centers + c * d
        var sa = 0.0, sb = 0.0
        for j in 0..<d {
            let da = a[j] - centre[j], db = b[j] - centre[j]
            sa += da * da
            sb += db * db
        }
        first.consider(c, sa)
        second.consider(c, sb)
    }
    return (first, second)
}

/// Stores a scanned row's label and bounds, and moves it between the block's sums and counts when
/// its label changed; whether it did.
@inline(__always)
private func record(_ nearest: Nearest, row i: Int, d: Int, x: UnsafePointer<Double>, into target: AssignmentTarget) -> Bool {
    target.upper[i] = nearest.distance.squareRoot()
    target.lower[i] = nearest.second.squareRoot()
    let old = Int(target.labels[i])
    guard nearest.index != old, let sums = target.sums.baseAddress else { return false }
    let row = x + i * d
    target.labels[i] = Int32(nearest.index)
    target.counts[nearest.index] += 1
    for j in 0..<d { sums[nearest.index * d + j] += row[j] }
    if old >= 0 {
        target.counts[old] -= 1
        for j in 0..<d { sums[old * d + j] -= row[j] }
    }
    return true
}
