/// A linear program built incrementally: variables with bounds and objective coefficients, and
/// sparse linear constraints, minimised or maximised.
///
/// The constraint matrix is kept as (row, column, value) triplets appended in row order, so adding
/// a constraint costs O(number of terms) and a model with hundreds of thousands of variables builds
/// without any dense matrix. ``solve(options:)`` turns the triplets into the compressed-column form
/// the solver reads in O(nonzeros).
///
/// ```swift
/// var lp = LinearProgram(.maximize)
/// let x = lp.addVariable("x", cost: 3)
/// let y = lp.addVariable("y", cost: 5)
/// lp.addConstraint([(x, 1)], .lessOrEqual(4))
/// lp.addConstraint([(y, 2)], .lessOrEqual(12))
/// lp.addConstraint([(x, 3), (y, 2)], .lessOrEqual(18))
/// let solution = try lp.solve()          // objective 36 at x = 2, y = 6
/// ```
public struct LinearProgram: Sendable {
    /// The direction of optimisation.
    public var objectiveSense: ObjectiveSense

    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var objective: [Double] = []
    var columnNames: [String] = []

    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    var rowNames: [String] = []

    var entryRow: [Int32] = []
    var entryColumn: [Int32] = []
    var entryValue: [Double] = []

    /// A basis to start the simplex from (a warm start), or nil for the solver's own crash.
    ///
    /// When set, ``solve(options:)`` skips presolve and runs the dual or primal simplex from it
    /// (barrier and automatic run as if it were nil). A basis that does not match the program's
    /// size throws ``LinearProgramError/badStartingBasis(variables:constraints:)``. A good basis —
    /// for example the previous solution's ``LinearProgramSolution/basis``, or one a model builder
    /// knows to be dual feasible — can save most of the iterations.
    public var startingBasis: Basis?

    /// A constant added to the objective value (it does not change the optimal point).
    public var objectiveOffset: Double = 0

    /// Creates an empty program.
    public init(_ sense: ObjectiveSense = .minimize) {
        self.objectiveSense = sense
    }

    /// The number of variables (columns).
    public var variableCount: Int { objective.count }
    /// The number of constraints (rows).
    public var constraintCount: Int { rowLower.count }
    /// The number of stored constraint coefficients (duplicates of one row and column counted apart).
    public var nonzeroCount: Int { entryValue.count }

    /// Reserves storage ahead of a large build.
    public mutating func reserveCapacity(variables: Int, constraints: Int, nonzeros: Int) {
        columnLower.reserveCapacity(variables)
        columnUpper.reserveCapacity(variables)
        objective.reserveCapacity(variables)
        columnNames.reserveCapacity(variables)
        rowLower.reserveCapacity(constraints)
        rowUpper.reserveCapacity(constraints)
        rowNames.reserveCapacity(constraints)
        entryRow.reserveCapacity(nonzeros)
        entryColumn.reserveCapacity(nonzeros)
        entryValue.reserveCapacity(nonzeros)
    }

    // MARK: Variables

    /// Adds a variable `lowerBound ≤ x ≤ upperBound` with objective coefficient `cost`.
    ///
    /// - Parameters:
    ///   - name: A label used in error messages and ``LinearProgram/name(of:)-(Variable)``; may be empty.
    ///   - lowerBound: `-.infinity` for a free variable; default 0.
    ///   - upperBound: `.infinity` (the default) for no upper bound.
    ///   - cost: The objective coefficient.
    /// - Returns: The handle used in constraints and to read the solution.
    @discardableResult
    public mutating func addVariable(_ name: String = "", lowerBound: Double = 0,
                                     upperBound: Double = .infinity, cost: Double = 0) -> Variable {
        let index = objective.count
        columnLower.append(lowerBound)
        columnUpper.append(upperBound)
        objective.append(cost)
        columnNames.append(name)
        return Variable(index: index)
    }

    /// Adds `count` unnamed variables with the same bounds and the given objective coefficients.
    ///
    /// - Returns: The handles, in order; their indices are consecutive.
    @discardableResult
    public mutating func addVariables(costs: [Double], lowerBound: Double = 0,
                                      upperBound: Double = .infinity) -> [Variable] {
        let first = objective.count
        objective.append(contentsOf: costs)
        columnLower.append(contentsOf: repeatElement(lowerBound, count: costs.count))
        columnUpper.append(contentsOf: repeatElement(upperBound, count: costs.count))
        columnNames.append(contentsOf: repeatElement("", count: costs.count))
        return (first..<objective.count).map(Variable.init(index:))
    }

    /// Changes the objective coefficient of `variable`.
    public mutating func setCost(_ cost: Double, of variable: Variable) {
        objective[variable.index] = cost
    }

    /// Changes the bounds of `variable`.
    public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) {
        columnLower[variable.index] = lower
        columnUpper[variable.index] = upper
    }

    /// The name given to `variable`, or `x<index>` when it was added unnamed.
    public func name(of variable: Variable) -> String {
        let name = columnNames[variable.index]
        return name.isEmpty ? "x\(variable.index)" : name
    }

    // MARK: Constraints

    /// Adds the constraint `lower ≤ Σ coefficient·variable ≤ upper` described by `bound`.
    ///
    /// Terms naming the same variable twice are summed. Zero coefficients are dropped.
    /// - Complexity: O(terms.count).
    @discardableResult
    public mutating func addConstraint(_ terms: [(Variable, Double)], _ bound: ConstraintBound,
                                       name: String = "") -> Constraint {
        let row = Int32(rowLower.count)
        for (variable, coefficient) in terms where coefficient != 0 {
            entryRow.append(row)
            entryColumn.append(Int32(truncatingIfNeeded: variable.index))
            entryValue.append(coefficient)
        }
        return appendRow(bound, name: name)
    }

    /// Adds a constraint from parallel arrays of variables and coefficients (the fast path for
    /// generated models).
    ///
    /// When `coefficients` is shorter than `variables`, the missing coefficients are 1; extra
    /// coefficients are ignored.
    /// - Complexity: O(variables.count).
    @discardableResult
    public mutating func addConstraint(variables: [Variable], coefficients: [Double], _ bound: ConstraintBound,
                                       name: String = "") -> Constraint {
        let row = Int32(rowLower.count)
        for (position, variable) in variables.enumerated() {
            let coefficient = position < coefficients.count ? coefficients[position] : 1
            guard coefficient != 0 else { continue }
            entryRow.append(row)
            entryColumn.append(Int32(truncatingIfNeeded: variable.index))
            entryValue.append(coefficient)
        }
        return appendRow(bound, name: name)
    }

    /// Adds `Σ variables ≥/≤/= bound` with every coefficient 1.
    @discardableResult
    public mutating func addSumConstraint(_ variables: [Variable], _ bound: ConstraintBound,
                                          name: String = "") -> Constraint {
        addConstraint(variables: variables, coefficients: [], bound, name: name)
    }

    /// The name given to `constraint`, or `r<index>` when it was added unnamed.
    public func name(of constraint: Constraint) -> String {
        let name = rowNames[constraint.index]
        return name.isEmpty ? "r\(constraint.index)" : name
    }

    private mutating func appendRow(_ bound: ConstraintBound, name: String) -> Constraint {
        let (lower, upper) = bound.interval
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
        return Constraint(index: rowLower.count - 1)
    }
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: Sendable, Hashable {
    case minimize
    case maximize
}

/// A handle on one variable (column) of a ``LinearProgram``.
public struct Variable: Sendable, Hashable {
    /// The column index, in order of creation from 0.
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// A handle on one constraint (row) of a ``LinearProgram``.
public struct Constraint: Sendable, Hashable {
    /// The row index, in order of creation from 0.
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// The right-hand side of a linear constraint.
public enum ConstraintBound: Sendable, Hashable {
    /// `expression ≤ value`
    case lessOrEqual(Double)
    /// `expression ≥ value`
    case greaterOrEqual(Double)
    /// `expression = value`
    case equal(Double)
    /// `lower ≤ expression ≤ upper`
    case range(Double, Double)

    var interval: (Double, Double) {
        switch self {
        case .lessOrEqual(let value): return (-.infinity, value)
        case .greaterOrEqual(let value): return (value, .infinity)
        case .equal(let value): return (value, value)
        case .range(let lower, let upper): return (lower, upper)
        }
    }
}
