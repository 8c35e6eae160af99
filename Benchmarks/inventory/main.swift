import BenchSupport
import Dispatch
import Inventory
import Optimize

/// The allocation benchmark's data, from a 32-bit linear congruential generator that
/// Benchmarks/peers/inventory.py reproduces bit for bit (integer state, one division per draw).
struct Generator {
    var state: UInt64
    init(seed: UInt64) { state = seed & 0xFFFF_FFFF }
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        state = (state &* 1_664_525 &+ 1_013_904_223) & 0xFFFF_FFFF
        return low + (high - low) * Double(state) / 4_294_967_296.0
    }
}

/// SKUs × locations × regions: demand means in [2, 60), sd 20–60% of the mean, shipping costs in
/// [0.5, 8), holding costs in [0.1, 1), volumes in [0.2, 3), capacities 1.15 × the volume the 95%
/// targets need, split unevenly over locations.
func allocationProblem(skus: Int, locations: Int, regions: Int) -> AllocationProblem {
    var random = Generator(seed: 20_240_601)
    var mean = [[Double]](), sd = [[Double]]()
    for _ in 0..<skus {
        var meanRow = [Double](), sdRow = [Double]()
        for _ in 0..<regions {
            let m = random.uniform(2, 60)
            meanRow.append(m)
            sdRow.append(m * random.uniform(0.2, 0.6))
        }
        mean.append(meanRow)
        sd.append(sdRow)
    }
    let shipping = (0..<locations).map { _ in (0..<regions).map { _ in random.uniform(0.5, 8) } }
    let holding = (0..<skus).map { _ in random.uniform(0.1, 1) }
    let volume = (0..<skus).map { _ in random.uniform(0.2, 3) }
    let shares = (0..<locations).map { _ in random.uniform(0.5, 1.5) }
    let z = 1.6448536269514722   // scipy.stats.norm.ppf(0.95); the Python side uses the same literal
    var need = 0.0
    for s in 0..<skus { for r in 0..<regions { need += volume[s] * (mean[s][r] + z * sd[s][r]) } }
    let shareTotal = shares.reduce(0, +)
    return AllocationProblem(
        skus: (0..<skus).map { AllocationProblem.SKU(id: "SKU\($0)", holdingCost: holding[$0], volume: volume[$0]) },
        locations: (0..<locations).map { AllocationProblem.Location(id: "L\($0)", capacity: shares[$0] / shareTotal * need * 1.15) },
        regions: (0..<regions).map { "R\($0)" },
        demandMean: mean, demandSD: sd, shippingCost: shipping, capacityMeasure: .volume, serviceLevel: 0.95)
}

/// SKUs × locations for the placement program the allocation stage solves: demand means in [0, 40)
/// per pair (a quarter of the pairs without demand), sd 30–80% of the mean, today's stock a quarter
/// to double the mean at a third of the pairs, margins in [1, 20), holding costs in [0.1, 1),
/// transfer costs in [0.5, 6), capacities 1.2 × the stock split unevenly.
func placementProblem(skus: Int, locations: Int) -> AllocationPlan.Problem {
    var random = Generator(seed: 20_241_123)
    var mean = [[Double]](), sd = [[Double]](), current = [[Double]]()
    for _ in 0..<skus {
        var meanRow = [Double](), sdRow = [Double](), stockRow = [Double]()
        for _ in 0..<locations {
            let m = random.uniform(0, 1) < 0.25 ? 0 : random.uniform(0, 40)
            meanRow.append(m)
            sdRow.append(m * random.uniform(0.3, 0.8))
            stockRow.append(random.uniform(0, 1) < 1.0 / 3 ? (m * random.uniform(0.25, 2)).rounded() : 0)
        }
        mean.append(meanRow)
        sd.append(sdRow)
        current.append(stockRow)
    }
    let skuList = (0..<skus).map { AllocationPlan.SKU(id: "SKU\($0)", unitMargin: random.uniform(1, 20), holdingCost: random.uniform(0.1, 1)) }
    let transfer = (0..<locations).map { i in (0..<locations).map { j in i == j ? 0 : random.uniform(0.5, 6) } }
    let shares = (0..<locations).map { _ in random.uniform(0.5, 1.5) }
    let stock = current.reduce(0) { $0 + $1.reduce(0, +) }
    let capacity = shares.map { ($0 / shares.reduce(0, +) * stock * 1.2).rounded(.up) }
    let sites = (0..<locations).map {
        Location(name: "L\($0)", region: "R\($0)", kind: .store, latitude: 0, longitude: 0, capacity: Int(capacity[$0]))
    }
    return AllocationPlan.Problem(skus: skuList, locations: sites, capacity: capacity, demandMean: mean, demandSD: sd,
                                  current: current, transferCost: transfer)
}

let arguments = BenchArguments()

/// `default`, with the algorithm, presolve and log level the arguments give.
func solverOptions(default standard: SolverOptions) -> SolverOptions {
    var options = standard
    switch arguments.string("algorithm", default: "") {
    case "dual": options.algorithm = .dual
    case "primal": options.algorithm = .primal
    case "sprint": options.algorithm = .sprint
    case "barrier": options.algorithm = .barrier
    case "automatic": options.algorithm = .automatic
    default: break
    }
    options.presolve = arguments.string("presolve", default: options.presolve ? "on" : "off") == "on"
    options.logLevel = arguments.int("log", default: options.logLevel)
    return options
}
switch arguments.caseName {
case "allocation":
    let problem = allocationProblem(skus: arguments.int("skus", default: 1000),
                                    locations: arguments.int("locations", default: 10),
                                    regions: arguments.int("regions", default: 20))
    let options = solverOptions(default: AllocationProblem.defaultSolverOptions)
    var result: Allocation?
    try benchmark("allocation", repeats: arguments.int("repeats", default: 5)) {
        result = try problem.solve(options: options)
    }
    if let result {
        report("allocation", ["objective": result.totalCost, "shortfall": result.totalShortfall])
    }
case "placement":
    // The allocation stage's placement program: timed as CLP builds and solves it, written as MPS for
    // the peer to solve the very same model; the whole plan (targets, baseline, rounding) is timed too.
    let problem = placementProblem(skus: arguments.int("skus", default: 1000), locations: arguments.int("locations", default: 10))
    let program = try problem.placementProgram()
    if let path = arguments.options["mps"] { try program.writeMPS(to: path) }
    let options = solverOptions(default: AllocationPlan.Problem.placementSolverOptions)
    var objective = Double.nan
    try benchmark("placement", repeats: arguments.int("repeats", default: 5)) {
        objective = try program.solve(options: options).objectiveValue
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let plan = try AllocationPlan(problem)
    let planSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    report("placement", ["objective": objective, "variables": Double(program.variableCount),
                         "whole_plan_s": planSeconds, "units": plan.recommendedTotals.units])
default:
    print("bench-inventory: no case named '\(arguments.caseName)'")
}
