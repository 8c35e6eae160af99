import Foundation
import Testing
@testable import Optimize

/// Textbook programs with optima and duals known in closed form; the solver works to ~1e-9, so
/// 1e-7 leaves room without hiding a wrong vertex (vertices differ by at least 0.5 here).
private let tolerance = 1e-7

@Test func wyndorGlassMaximisation() throws {
    // Hillier & Lieberman, Introduction to Operations Research, the Wyndor Glass Co. example.
    var lp = LinearProgram(.maximize)
    let x = lp.addVariable("doors", cost: 3)
    let y = lp.addVariable("windows", cost: 5)
    let plant1 = lp.addConstraint([(x, 1)], .lessOrEqual(4))
    let plant2 = lp.addConstraint([(y, 2)], .lessOrEqual(12))
    let plant3 = lp.addConstraint([(x, 3), (y, 2)], .lessOrEqual(18))
    let solution = try lp.solve()
    #expect(solution.status == .optimal)
    #expect(abs(solution.objectiveValue - 36) < tolerance)
    #expect(abs(solution[x] - 2) < tolerance)
    #expect(abs(solution[y] - 6) < tolerance)
    // Shadow prices: 0, 3/2, 1 (objective gained per extra hour of each plant).
    #expect(abs(solution.dual(plant1) - 0) < tolerance)
    #expect(abs(solution.dual(plant2) - 1.5) < tolerance)
    #expect(abs(solution.dual(plant3) - 1) < tolerance)
    #expect(abs(solution[plant3] - 18) < tolerance)
}

@Test func minimisationWithCoveringConstraints() throws {
    // min 2x + 3y s.t. x + y ≥ 4, x + 3y ≥ 6: optimum x = 3, y = 1, value 9, duals 3/2 and 1/2.
    var lp = LinearProgram()
    let x = lp.addVariable("x", cost: 2)
    let y = lp.addVariable("y", cost: 3)
    let first = lp.addConstraint([(x, 1), (y, 1)], .greaterOrEqual(4))
    let second = lp.addConstraint([(x, 1), (y, 3)], .greaterOrEqual(6))
    for algorithm in [SolverOptions.Algorithm.dual, .primal, .automatic, .barrier] {
        let solution = try lp.solve(options: SolverOptions(algorithm: algorithm))
        #expect(abs(solution.objectiveValue - 9) < 1e-6, "\(algorithm)")
        #expect(abs(solution[x] - 3) < 1e-6)
        #expect(abs(solution[y] - 1) < 1e-6)
        #expect(abs(solution.dual(first) - 1.5) < 1e-6)
        #expect(abs(solution.dual(second) - 0.5) < 1e-6)
        #expect(abs(solution.reducedCost(x)) < 1e-6)
    }
}

@Test func equalityRangeAndBoundsAgainstScipy() throws {
    let fixture = try loadFixture().ranges
    var lp = LinearProgram()
    let x = lp.addVariable("x", upperBound: 5, cost: 1)
    let y = lp.addVariable("y", cost: 2)
    let z = lp.addVariable("z", lowerBound: 1, cost: 3)
    let total = lp.addConstraint([(x, 1), (y, 1), (z, 1)], .equal(10))
    let spread = lp.addConstraint([(x, 1), (y, -1)], .range(2, 4))
    let solution = try lp.solve()
    #expect(abs(solution.objectiveValue - fixture.objective) < tolerance)
    for (variable, expected) in zip([x, y, z], fixture.x) {
        #expect(abs(solution[variable] - expected) < tolerance)
    }
    #expect(abs(solution.dual(total) - fixture.eqlin_marginals[0]) < tolerance)
    // scipy writes x − y ≥ 2 as −x + y ≤ −2; its marginal is the dual of that row, so the sign flips.
    #expect(abs(solution.dual(spread) - -fixture.ineqlin_marginals[1]) < tolerance)
    // x sits at its upper bound with reduced cost 1 − (3 + 1) = −3.
    #expect(abs(solution.reducedCost(x) - -3) < tolerance)
}

@Test func infeasibleProgramThrowsInfeasible() {
    var lp = LinearProgram()
    let x = lp.addVariable("x", cost: 1)
    let y = lp.addVariable("y", cost: 1)
    lp.addConstraint([(x, 1), (y, 1)], .lessOrEqual(1))
    lp.addConstraint([(x, 1), (y, 1)], .greaterOrEqual(2))
    for presolve in [true, false] {
        #expect(throws: LinearProgramError.infeasible(variables: 2, constraints: 2)) {
            try lp.solve(options: SolverOptions(presolve: presolve))
        }
        let reported = try? lp.solveReportingStatus(options: SolverOptions(presolve: presolve))
        #expect(reported?.status == .infeasible)
    }
    #expect(LinearProgramError.infeasible(variables: 2, constraints: 2).description.contains("infeasible"))
}

@Test func emptyRowWithPositiveLowerBoundIsInfeasible() {
    var lp = LinearProgram()
    lp.addVariable("x", cost: 1)
    lp.addConstraint([], .greaterOrEqual(5))
    #expect(throws: LinearProgramError.infeasible(variables: 1, constraints: 1)) { try lp.solve() }
}

@Test func unboundedProgramThrowsUnbounded() {
    var lp = LinearProgram(.maximize)
    let x = lp.addVariable("x", cost: 1)
    let y = lp.addVariable("y", cost: 1)
    lp.addConstraint([(x, 1), (y, -1)], .lessOrEqual(1))
    for algorithm in [SolverOptions.Algorithm.dual, .primal] {
        for presolve in [true, false] {
            #expect(throws: LinearProgramError.unbounded(variables: 2, constraints: 1)) {
                try lp.solve(options: SolverOptions(algorithm: algorithm, presolve: presolve))
            }
        }
    }
    #expect(LinearProgramError.unbounded(variables: 2, constraints: 1).description.contains("unbounded"))
}

@Test func freeVariablesAndInfiniteBounds() throws {
    // min |t| written as t ≥ x − 3, t ≥ 3 − x with x free and minimising t: t = 0 at x = 3 when x = 3 forced.
    var lp = LinearProgram()
    let x = lp.addVariable("x", lowerBound: -.infinity)
    let t = lp.addVariable("t", lowerBound: -.infinity, cost: 1)
    lp.addConstraint([(t, 1), (x, -1)], .greaterOrEqual(-3))
    lp.addConstraint([(t, 1), (x, 1)], .greaterOrEqual(3))
    lp.addConstraint([(x, 1)], .lessOrEqual(-2))
    let solution = try lp.solve()
    #expect(abs(solution[x] - -2) < tolerance)
    #expect(abs(solution.objectiveValue - 5) < tolerance)
}

@Test func repeatedTermsAreSummed() throws {
    var lp = LinearProgram(.maximize)
    let x = lp.addVariable("x", cost: 1)
    lp.addConstraint([(x, 1), (x, 1), (x, 0)], .lessOrEqual(6))   // 2x ≤ 6
    let solution = try lp.solve()
    #expect(abs(solution[x] - 3) < tolerance)
    #expect(lp.compressedColumns().values == [2])
}

@Test func emptyProgramAndObjectiveOffset() throws {
    var lp = LinearProgram()
    lp.objectiveOffset = 7
    let solution = try lp.solve()
    #expect(solution.values.isEmpty)
    #expect(solution.objectiveValue == 7)
    let x = lp.addVariable("x", lowerBound: 2, upperBound: 2, cost: 3)
    let fixed = try lp.solve()
    #expect(abs(fixed[x] - 2) < tolerance)
    #expect(abs(fixed.objectiveValue - 13) < tolerance)
}

@Test func malformedModelsThrowBeforeSolving() {
    var bounds = LinearProgram()
    bounds.addVariable("x", lowerBound: 3, upperBound: 1)
    #expect(throws: LinearProgramError.badVariableBounds(variable: "x", lower: 3, upper: 1)) { try bounds.solve() }

    var nan = LinearProgram()
    let x = nan.addVariable("x")
    nan.addConstraint([(x, .nan)], .lessOrEqual(1), name: "capacity")
    #expect(throws: (any Error).self) { try nan.solve() }

    var row = LinearProgram()
    let y = row.addVariable()
    row.addConstraint([(y, 1)], .range(5, 1))
    #expect(throws: LinearProgramError.badConstraintBounds(constraint: "r0", lower: 5, upper: 1)) { try row.solve() }

    var foreign = LinearProgram()
    foreign.addConstraint([(Variable(index: 4), 1)], .lessOrEqual(1))
    #expect(throws: LinearProgramError.unknownVariable(index: 4, variableCount: 0)) { try foreign.solve() }
}

@Test func iterationLimitIsReported() throws {
    let problem = try #require(try loadFixture().problems.last)
    let lp = transportationProgram(problem).program
    #expect(throws: LinearProgramError.stopped(iterations: 1)) {
        try lp.solve(options: SolverOptions(presolve: false, maximumIterations: 1))
    }
}

// MARK: - Transportation problems against scipy.optimize.linprog (HiGHS)

@Test(arguments: 0..<4)
func transportationMatchesScipy(_ index: Int) throws {
    let problems = try loadFixture().problems
    let problem = problems[index]
    let (lp, flows) = transportationProgram(problem)
    for algorithm in [SolverOptions.Algorithm.dual, .primal] {
        let solution = try lp.solve(options: SolverOptions(algorithm: algorithm))
        // Both solvers stop at optimality tolerances near 1e-9; 1e-6 relative is the agreement asked of them.
        #expect(abs(solution.objectiveValue - problem.objective) <= 1e-6 * abs(problem.objective))
        // The solution is feasible: supplies respected and demands met.
        let sinks = problem.demand.count
        for (i, supply) in problem.supply.enumerated() {
            let shipped = (0..<sinks).reduce(0.0) { $0 + solution[flows[i * sinks + $1]] }
            #expect(shipped <= supply + 1e-6)
        }
        for (j, demand) in problem.demand.enumerated() {
            let received = problem.supply.indices.reduce(0.0) { $0 + solution[flows[$1 * sinks + j]] }
            #expect(received >= demand - 1e-6)
        }
    }
}

// MARK: - Fixture support

struct TransportationFixture: Decodable {
    struct Problem: Decodable {
        let seed: Int
        let balanced: Bool
        let cost: [[Double]]
        let supply: [Double]
        let demand: [Double]
        let objective: Double
    }
    struct Ranges: Decodable {
        let objective: Double
        let x: [Double]
        let ineqlin_marginals: [Double]
        let eqlin_marginals: [Double]
    }
    let problems: [Problem]
    let ranges: Ranges
}

func loadFixture() throws -> TransportationFixture {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/transportation", withExtension: "json"))
    return try JSONDecoder().decode(TransportationFixture.self, from: Data(contentsOf: url))
}

func transportationProgram(_ problem: TransportationFixture.Problem) -> (program: LinearProgram, flows: [Variable]) {
    var lp = LinearProgram()
    let sinks = problem.demand.count
    let flows = lp.addVariables(costs: problem.cost.flatMap { $0 })
    for i in problem.supply.indices {
        lp.addSumConstraint(Array(flows[(i * sinks)..<((i + 1) * sinks)]), .lessOrEqual(problem.supply[i]))
    }
    for j in 0..<sinks {
        let column = problem.supply.indices.map { flows[$0 * sinks + j] }
        lp.addSumConstraint(column, problem.balanced ? .equal(problem.demand[j]) : .greaterOrEqual(problem.demand[j]))
    }
    return (lp, flows)
}

// MARK: - Warm starts

@Test func optimalBasisWarmStartsWithoutIterations() throws {
    let problem = try #require(try loadFixture().problems.last)
    var lp = transportationProgram(problem).program
    let cold = try lp.solve(options: SolverOptions(presolve: false))
    #expect(cold.iterations > 0)
    #expect(cold.basis != nil)
    lp.startingBasis = cold.basis
    for algorithm in [SolverOptions.Algorithm.dual, .primal] {
        let warm = try lp.solve(options: SolverOptions(algorithm: algorithm))
        #expect(warm.iterations == 0)
        #expect(abs(warm.objectiveValue - problem.objective) <= 1e-6 * problem.objective)
    }
    lp.startingBasis = Basis(variables: [.basic], constraints: [])
    #expect(throws: LinearProgramError.badStartingBasis(variables: 1, constraints: 0)) { try lp.solve() }
}

@Test func basisReportsBindingStatus() throws {
    var lp = LinearProgram(.maximize)
    let x = lp.addVariable("x", upperBound: 1, cost: 2)
    let y = lp.addVariable("y", cost: 1)
    let row = lp.addConstraint([(x, 1), (y, 1)], .lessOrEqual(3))
    let basis = try #require(try lp.solve(options: SolverOptions(presolve: false)).basis)
    #expect(basis.variables[x.index] == .atUpperBound)
    #expect(basis.variables[y.index] == .basic)
    #expect(basis.constraints[row.index] == .atUpperBound)
}

@Test func reducedCostsOfAMaximisation() throws {
    // Wyndor with a third product z (profit 1, 2 hours in plant 3): z stays out, and its reduced cost
    // is its profit minus the plant-3 shadow price times its hours, 1 − 2·1 = −1.
    var lp = LinearProgram(.maximize)
    let x = lp.addVariable("doors", cost: 3)
    let y = lp.addVariable("windows", cost: 5)
    let z = lp.addVariable("mirrors", cost: 1)
    lp.addConstraint([(x, 1)], .lessOrEqual(4))
    lp.addConstraint([(y, 2)], .lessOrEqual(12))
    lp.addConstraint([(x, 3), (y, 2), (z, 2)], .lessOrEqual(18))
    let solution = try lp.solve()
    #expect(abs(solution[z]) < tolerance)
    #expect(abs(solution.objectiveValue - 36) < tolerance)
    #expect(abs(solution.reducedCost(z) - -1) < tolerance)
    #expect(abs(solution.reducedCost(x)) < tolerance)
}

@Test func writesTheProgramAsMPS() throws {
    var lp = LinearProgram(.maximize)
    let x = lp.addVariable("doors", cost: 3)
    let y = lp.addVariable("windows", upperBound: 7, cost: 5)
    lp.addConstraint([(x, 3), (y, 2)], .lessOrEqual(18))
    lp.addConstraint([(x, 1), (y, 1)], .greaterOrEqual(1))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("restock-\(getpid()).mps").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try lp.writeMPS(to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for section in ["ROWS", "COLUMNS", "RHS", "BOUNDS", "ENDATA"] { #expect(text.contains(section)) }
    let lines = text.split(separator: "\n").map { $0.split(separator: " ") }
    // One objective row, one ≤ and one ≥ row; the maximisation's costs negated.
    #expect(lines.filter { $0.first == "L" }.count == 1 && lines.filter { $0.first == "G" }.count == 1)
    #expect(text.contains("-3") && text.contains("-5"))
    #expect(lines.contains { $0.first == "UP" && $0.last.flatMap { Double($0) } == 7 })
    #expect(throws: LinearProgramError.writeFailed(path: "/nonexistent/dir/x.mps")) { try lp.writeMPS(to: "/nonexistent/dir/x.mps") }
}
