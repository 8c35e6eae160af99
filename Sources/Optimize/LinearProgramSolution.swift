/// The solver's verdict on a linear program.
public enum SolutionStatus: Sendable, Hashable {
    case optimal
    case infeasible
    case unbounded
    /// Stopped at the iteration or time limit.
    case stopped
    /// Abandoned on numerical difficulties.
    case numericalFailure
}

/// The result of solving a ``LinearProgram``: status, objective, primal values, row duals and
/// reduced costs.
///
/// Sign conventions: a row dual is the rate of change of the optimal objective per unit increase
/// of that row's active bound (so for a minimisation, a binding `≥` row has a dual ≥ 0 and a binding
/// `≤` row a dual ≤ 0 — the same as scipy's `linprog` marginals). A reduced cost is the objective
/// coefficient minus the duals weighted by the column: `c_j − Σ_i a_ij y_i`.
public struct LinearProgramSolution: Sendable {
    /// Why the solver stopped.
    public let status: SolutionStatus
    /// The objective at ``values`` (including the program's offset).
    public let objectiveValue: Double
    /// The value of each variable, by ``Variable/index``.
    public let values: [Double]
    /// The dual value (shadow price) of each constraint, by ``Constraint/index``.
    public let duals: [Double]
    /// The reduced cost of each variable, by ``Variable/index``.
    public let reducedCosts: [Double]
    /// The value of each constraint's expression at ``values``.
    public let activities: [Double]
    /// Simplex iterations used.
    public let iterations: Int
    /// The final basis, to warm-start a modified program (nil when the solver kept none).
    public let basis: Basis?

    /// The value of `variable`.
    public subscript(_ variable: Variable) -> Double { values[variable.index] }

    /// The value of the expression of `constraint`.
    public subscript(_ constraint: Constraint) -> Double { activities[constraint.index] }

    /// The dual value (shadow price) of `constraint`.
    public func dual(_ constraint: Constraint) -> Double { duals[constraint.index] }

    /// The reduced cost of `variable`.
    public func reducedCost(_ variable: Variable) -> Double { reducedCosts[variable.index] }
}
