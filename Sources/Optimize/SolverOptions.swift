/// How ``LinearProgram/solve(options:)`` runs the solver.
public struct SolverOptions: Sendable, Hashable {
    /// The simplex (or interior point) method CLP uses.
    public enum Algorithm: Sendable, Hashable {
        /// Dual simplex: the usual best choice for transportation and allocation models.
        case dual
        /// Primal simplex.
        case primal
        /// Primal simplex, or CLP's "sprint" on models with far more columns than rows: it solves a
        /// sequence of small models over a working set of columns.
        case sprint
        /// Barrier (interior point) followed by a crossover to a basic solution.
        case barrier
        /// Let CLP choose from the model's shape.
        case automatic
    }

    /// The method; default ``Algorithm/dual``.
    public var algorithm: Algorithm
    /// Whether CLP simplifies the model before solving (rows and columns removed, then restored).
    public var presolve: Bool
    /// A cap on simplex iterations; `nil` for CLP's default.
    public var maximumIterations: Int?
    /// A cap on solve time in seconds; `nil` for none.
    public var maximumSeconds: Double?
    /// CLP's own log verbosity: 0 is silent, 1 prints a summary, up to 4.
    public var logLevel: Int

    public init(algorithm: Algorithm = .dual, presolve: Bool = true, maximumIterations: Int? = nil,
                maximumSeconds: Double? = nil, logLevel: Int = 0) {
        self.algorithm = algorithm
        self.presolve = presolve
        self.maximumIterations = maximumIterations
        self.maximumSeconds = maximumSeconds
        self.logLevel = logLevel
    }

    /// Dual simplex with presolve, silent.
    public static let standard = SolverOptions()
}
