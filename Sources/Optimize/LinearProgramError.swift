/// Why a linear program has no optimal solution, or why it could not be handed to the solver.
public enum LinearProgramError: Error, Sendable, Hashable {
    /// No point satisfies every constraint and bound.
    case infeasible(variables: Int, constraints: Int)
    /// The objective improves without limit over the feasible set.
    case unbounded(variables: Int, constraints: Int)
    /// The solver stopped at its iteration or time limit before proving optimality.
    case stopped(iterations: Int)
    /// The solver gave up on numerical difficulties.
    case numericalFailure
    /// A bound of a variable is NaN or its lower bound exceeds its upper bound.
    case badVariableBounds(variable: String, lower: Double, upper: Double)
    /// A bound of a constraint is NaN or its lower bound exceeds its upper bound.
    case badConstraintBounds(constraint: String, lower: Double, upper: Double)
    /// An objective or constraint coefficient is NaN or infinite.
    case nonFiniteCoefficient(constraint: String, variable: String, value: Double)
    /// A constraint names a variable handle that this program did not create.
    case unknownVariable(index: Int, variableCount: Int)
    /// The starting basis has a different number of variables or constraints from the program.
    case badStartingBasis(variables: Int, constraints: Int)
    /// The model is too large for the solver's 32-bit indices.
    case tooLarge(nonzeros: Int)
    /// An MPS file could not be written.
    case writeFailed(path: String)
}

extension LinearProgramError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .infeasible(variables, constraints):
            return "linear program is infeasible: no point satisfies all \(constraints) constraints and the bounds of \(variables) variables"
        case let .unbounded(variables, constraints):
            return "linear program is unbounded: the objective improves without limit (\(variables) variables, \(constraints) constraints); a bound or constraint is missing"
        case let .stopped(iterations):
            return "linear program solve stopped at the iteration or time limit after \(iterations) iterations, before proving optimality"
        case .numericalFailure:
            return "linear program solve abandoned on numerical difficulties; check for badly scaled coefficients"
        case let .badVariableBounds(variable, lower, upper):
            return "variable \(variable) has invalid bounds [\(lower), \(upper)]: expected lower ≤ upper and neither NaN"
        case let .badConstraintBounds(constraint, lower, upper):
            return "constraint \(constraint) has invalid bounds [\(lower), \(upper)]: expected lower ≤ upper and neither NaN"
        case let .nonFiniteCoefficient(constraint, variable, value):
            return "coefficient of \(variable) in \(constraint) is \(value): expected a finite number"
        case let .unknownVariable(index, variableCount):
            return "a constraint uses variable index \(index), but the program has only \(variableCount) variables"
        case let .badStartingBasis(variables, constraints):
            return "starting basis has \(variables) variables and \(constraints) constraints, which does not match the program"
        case let .tooLarge(nonzeros):
            return "linear program has \(nonzeros) coefficients, more than the solver's 32-bit index limit"
        case let .writeFailed(path):
            return "could not write the linear program to \(path)"
        }
    }
}
