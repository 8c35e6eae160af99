import Optimize

/// The cheapest way to move one SKU's stock from where it is to where a plan wants it: a
/// transportation problem (surplus locations ship to deficit locations at the per-unit transfer
/// cost), solved by CLP. With whole-unit stock the optimal moves are whole units.
enum Repositioning {
    /// One move of the cheapest repositioning.
    struct Move: Sendable, Hashable {
        var from: Int
        var to: Int
        var units: Double
    }

    enum Failure: Error {
        /// The two placements hold different totals.
        case unbalanced(origin: Double, target: Double)
        /// No set of possible transfers reaches the target (infinite costs in the way).
        case unreachable(String)
    }

    /// The moves, and their total cost, that take `origin` to `target` (equal totals) at least cost.
    /// - Parameter cost: cost per unit `[from][to]`; `.infinity` where no move is possible.
    static func cheapestMoves(from origin: [Double], to target: [Double], cost: [[Double]]) throws(Failure) -> (moves: [Move], cost: Double) {
        let n = origin.count
        let surplus = (0..<n).map { max(0, origin[$0] - target[$0]) }
        let deficit = (0..<n).map { max(0, target[$0] - origin[$0]) }
        let moved = surplus.reduce(0, +)
        guard abs(moved - deficit.reduce(0, +)) < 1e-6 else {
            throw .unbalanced(origin: origin.reduce(0, +), target: target.reduce(0, +))
        }
        guard moved > 0 else { return ([], 0) }
        var program = LinearProgram(.minimize)
        var incoming = [[Variable]](repeating: [], count: n)
        var routes: [(from: Int, to: Int, variable: Variable)] = []
        for i in 0..<n where surplus[i] > 0 {
            var outgoing: [Variable] = []
            for j in 0..<n where deficit[j] > 0 && cost[i][j].isFinite {
                let variable = program.addVariable(cost: cost[i][j])
                outgoing.append(variable)
                incoming[j].append(variable)
                routes.append((i, j, variable))
            }
            program.addSumConstraint(outgoing, .equal(surplus[i]))
        }
        for j in 0..<n where deficit[j] > 0 { program.addSumConstraint(incoming[j], .equal(deficit[j])) }
        do {
            let solution = try program.solve()
            let moves = routes.compactMap { route -> Move? in
                let units = solution[route.variable]
                return units > 1e-9 ? Move(from: route.from, to: route.to, units: units) : nil
            }
            return (moves, solution.objectiveValue)
        } catch {
            throw .unreachable(error.description)
        }
    }
}
