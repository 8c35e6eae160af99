/// The status of a variable or constraint in a simplex basis, as CLP numbers them.
///
/// For a constraint, "at lower bound" means its expression sits at the constraint's lower bound.
public enum BasisStatus: UInt8, Sendable, Hashable {
    case free = 0
    case basic = 1
    case atUpperBound = 2
    case atLowerBound = 3
    case superbasic = 4
    case fixed = 5
}

/// A simplex basis: one status per variable and per constraint.
public struct Basis: Sendable, Hashable {
    /// Status of each variable, by ``Variable/index``.
    public var variables: [BasisStatus]
    /// Status of each constraint, by ``Constraint/index``.
    public var constraints: [BasisStatus]

    public init(variables: [BasisStatus], constraints: [BasisStatus]) {
        self.variables = variables
        self.constraints = constraints
    }
}
