import CClp
import Foundation

extension LinearProgram {
    /// Solves the program with COIN-OR CLP and returns the optimal solution.
    ///
    /// - Parameter options: Algorithm, presolve and limits; default dual simplex with presolve.
    /// - Returns: The solution, whose ``LinearProgramSolution/status`` is ``SolutionStatus/optimal``.
    /// - Throws: ``LinearProgramError/infeasible(variables:constraints:)``,
    ///   ``LinearProgramError/unbounded(variables:constraints:)``, ``LinearProgramError/stopped(iterations:)``
    ///   or ``LinearProgramError/numericalFailure`` when there is no proven optimum, and a model error
    ///   (NaN bound, lower above upper, non-finite coefficient) before calling the solver.
    /// - Complexity: O(nonzeros + variables + constraints) to build the solver's input, then the solve.
    public func solve(options: SolverOptions = .standard) throws(LinearProgramError) -> LinearProgramSolution {
        let solution = try solveReportingStatus(options: options)
        switch solution.status {
        case .optimal: return solution
        case .infeasible: throw .infeasible(variables: variableCount, constraints: constraintCount)
        case .unbounded: throw .unbounded(variables: variableCount, constraints: constraintCount)
        case .stopped: throw .stopped(iterations: solution.iterations)
        case .numericalFailure: throw .numericalFailure
        }
    }

    /// Solves the program and returns whatever the solver ends with, optimal or not.
    ///
    /// The values of a non-optimal result are the solver's last iterate: useful for diagnosis, not
    /// a solution. Only a malformed model throws.
    public func solveReportingStatus(options: SolverOptions = .standard) throws(LinearProgramError)
        -> LinearProgramSolution {
        let model = try loadedModel(logLevel: options.logLevel)
        defer { Clp_deleteModel(model) }
        let columns = variableCount, rows = constraintCount
        if let iterations = options.maximumIterations {
            Clp_setMaximumIterations(model, Int32(clamping: iterations))
        }
        if let seconds = options.maximumSeconds { Clp_setMaximumSeconds(model, seconds) }

        if let basis = startingBasis, options.algorithm == .dual || options.algorithm == .primal || options.algorithm == .sprint {
            var status = [UInt8]()
            status.reserveCapacity(columns + rows)
            status.append(contentsOf: basis.variables.lazy.map(\.rawValue))
            status.append(contentsOf: basis.constraints.lazy.map(\.rawValue))
            Clp_copyinStatus(model, status)
            if options.algorithm == .dual {
                Clp_dual(model, 0)
            } else {
                Clp_primal(model, 0)
            }
        } else if let solve = ClpSolve_new() {
            defer { ClpSolve_delete(solve) }
            let method: Int32
            switch options.algorithm {
            case .dual: method = 0
            case .primal: method = 1
            case .sprint: method = 2
            case .barrier: method = 3
            case .automatic: method = 5
            }
            ClpSolve_setSolveType(solve, method, -1)
            ClpSolve_setPresolveType(solve, options.presolve ? 0 : 1, -1)
            Clp_initialSolveWithOptions(model, solve)
        } else {
            Clp_initialSolve(model)
        }

        let status: SolutionStatus
        switch Clp_status(model) {
        case 0: status = .optimal
        case 1: status = .infeasible
        case 2: status = .unbounded
        case 3: status = .stopped
        default: status = .numericalFailure
        }
        let values = Self.copy(Clp_getColSolution(model), count: columns)
        let rowPrice = Self.copy(Clp_getRowPrice(model), count: rows)
        let reduced = Self.copy(Clp_getReducedCost(model), count: columns)
        let activities = Self.copy(Clp_getRowActivity(model), count: rows)
        var finalBasis: Basis?
        if Clp_statusExists(model) != 0, let array = Clp_statusArray(model) {
            let codes = UnsafeBufferPointer(start: array, count: columns + rows)
            func status(_ code: UInt8) -> BasisStatus { BasisStatus(rawValue: code & 7) ?? .free }
            finalBasis = Basis(variables: codes[0..<columns].map(status), constraints: codes[columns...].map(status))
        }
        return LinearProgramSolution(
            status: status,
            objectiveValue: Clp_getObjValue(model) + objectiveOffset,
            values: values, duals: rowPrice, reducedCosts: reduced, activities: activities,
            iterations: Int(Clp_getIterationCount(model)), basis: finalBasis)
    }

    /// Writes the program as an MPS file, which other solvers (HiGHS, Gurobi, CPLEX) read: to check
    /// a result elsewhere or to compare solvers on the same model. MPS has no objective sense, so a
    /// maximisation is written as the minimisation of the negated costs; a constant objective offset
    /// is not written.
    ///
    /// - Throws: a model error as ``solve(options:)`` does, ``LinearProgramError/writeFailed(path:)``
    ///   when the file cannot be written.
    public func writeMPS(to path: String) throws(LinearProgramError) {
        var minimisation = self
        if objectiveSense == .maximize {
            minimisation.objectiveSense = .minimize
            minimisation.objective = objective.map { -$0 }
        }
        let model = try minimisation.loadedModel(logLevel: 0)
        defer { Clp_deleteModel(model) }
        // CLP aborts on a file it cannot open, so the path is tried first.
        guard FileManager.default.createFile(atPath: path, contents: nil), Clp_writeMps(model, path, 0, 1, 1) == 0 else {
            throw .writeFailed(path: path)
        }
    }

    /// A new CLP model holding the program; the caller deletes it.
    private func loadedModel(logLevel: Int) throws(LinearProgramError) -> UnsafeMutableRawPointer {
        try validate()
        guard entryValue.count < Int(Int32.max) else { throw .tooLarge(nonzeros: entryValue.count) }
        let columns = variableCount, rows = constraintCount
        let matrix = compressedColumns()
        guard let model = Clp_newModel() else { throw .numericalFailure }
        Clp_setLogLevel(model, Int32(clamping: logLevel))
        let infinity = Double.greatestFiniteMagnitude
        func clip(_ values: [Double]) -> [Double] {
            values.map { $0 == .infinity ? infinity : ($0 == -.infinity ? -infinity : $0) }
        }
        let colLower = clip(columnLower), colUpper = clip(columnUpper)
        let lower = clip(rowLower), upper = clip(rowUpper)
        matrix.starts.withUnsafeBufferPointer { starts in
            matrix.rows.withUnsafeBufferPointer { index in
                matrix.values.withUnsafeBufferPointer { value in
                    Clp_loadProblem(model, Int32(columns), Int32(rows), starts.baseAddress, index.baseAddress,
                                    value.baseAddress, colLower, colUpper, objective, lower, upper)
                }
            }
        }
        Clp_setObjSense(model, objectiveSense == .minimize ? 1 : -1)
        return model
    }

    private static func copy(_ pointer: UnsafePointer<Double>?, count: Int) -> [Double] {
        guard let pointer, count > 0 else { return [Double](repeating: .nan, count: count) }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    private func validate() throws(LinearProgramError) {
        if let basis = startingBasis, basis.variables.count != variableCount || basis.constraints.count != constraintCount {
            throw .badStartingBasis(variables: basis.variables.count, constraints: basis.constraints.count)
        }
        for j in 0..<variableCount {
            let lower = columnLower[j], upper = columnUpper[j]
            if lower.isNaN || upper.isNaN || lower > upper || lower == .infinity || upper == -.infinity {
                throw .badVariableBounds(variable: name(of: Variable(index: j)), lower: lower, upper: upper)
            }
            if !objective[j].isFinite {
                throw .nonFiniteCoefficient(constraint: "objective", variable: name(of: Variable(index: j)),
                                            value: objective[j])
            }
        }
        for i in 0..<constraintCount {
            let lower = rowLower[i], upper = rowUpper[i]
            if lower.isNaN || upper.isNaN || lower > upper || lower == .infinity || upper == -.infinity {
                throw .badConstraintBounds(constraint: name(of: Constraint(index: i)), lower: lower, upper: upper)
            }
        }
        let columns = variableCount
        for k in 0..<entryValue.count {
            let column = Int(entryColumn[k])
            if column < 0 || column >= columns { throw .unknownVariable(index: column, variableCount: columns) }
            if !entryValue[k].isFinite {
                throw .nonFiniteCoefficient(constraint: name(of: Constraint(index: Int(entryRow[k]))),
                                            variable: name(of: Variable(index: column)), value: entryValue[k])
            }
        }
    }

    /// The triplets as a compressed sparse column matrix, duplicates summed.
    ///
    /// Triplets are stored in row order, so a stable counting sort by column leaves the rows of each
    /// column ascending and any duplicates adjacent.
    func compressedColumns() -> (starts: [Int32], rows: [Int32], values: [Double]) {
        let columns = variableCount
        let count = entryValue.count
        var starts = [Int32](repeating: 0, count: columns + 1)
        var rows = [Int32](repeating: 0, count: count)
        var values = [Double](repeating: 0, count: count)
        entryColumn.withUnsafeBufferPointer { column in
            entryRow.withUnsafeBufferPointer { row in
                entryValue.withUnsafeBufferPointer { value in
                    starts.withUnsafeMutableBufferPointer { start in
                        for k in 0..<count { start[Int(column[k]) + 1] &+= 1 }
                        for j in 0..<columns { start[j + 1] &+= start[j] }
                        var next = Array(start[0..<columns])
                        rows.withUnsafeMutableBufferPointer { outRow in
                            values.withUnsafeMutableBufferPointer { outValue in
                                next.withUnsafeMutableBufferPointer { next in
                                    for k in 0..<count {
                                        let j = Int(column[k])
                                        let position = Int(next[j])
                                        outRow[position] = row[k]
                                        outValue[position] = value[k]
                                        next[j] = Int32(position + 1)
                                    }
                                }
                                // Sum duplicates (same row twice in a column) in place.
                                var write = 0
                                var read = 0
                                for j in 0..<columns {
                                    let end = Int(start[j + 1])
                                    start[j] = Int32(write)
                                    var lastRow: Int32 = -1
                                    while read < end {
                                        if outRow[read] == lastRow {
                                            outValue[write - 1] += outValue[read]
                                        } else {
                                            outRow[write] = outRow[read]
                                            outValue[write] = outValue[read]
                                            lastRow = outRow[read]
                                            write += 1
                                        }
                                        read += 1
                                    }
                                }
                                start[columns] = Int32(write)
                                _ = write
                            }
                        }
                    }
                }
            }
        }
        let used = Int(starts[columns])
        if used < count {
            rows.removeLast(count - used)
            values.removeLast(count - used)
        }
        return (starts, rows, values)
    }
}
