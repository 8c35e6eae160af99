import BenchSupport
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

let arguments = BenchArguments()
switch arguments.caseName {
case "allocation":
    let problem = allocationProblem(skus: arguments.int("skus", default: 1000),
                                    locations: arguments.int("locations", default: 10),
                                    regions: arguments.int("regions", default: 20))
    var options = AllocationProblem.defaultSolverOptions
    switch arguments.string("algorithm", default: "barrier") {
    case "dual": options.algorithm = .dual
    case "primal": options.algorithm = .primal
    case "sprint": options.algorithm = .sprint
    case "barrier": options.algorithm = .barrier
    case "automatic": options.algorithm = .automatic
    default: options.algorithm = .barrier
    }
    options.presolve = arguments.string("presolve", default: "on") == "on"
    options.logLevel = arguments.int("log", default: 0)
    var result: Allocation?
    try benchmark("allocation", repeats: arguments.int("repeats", default: 5)) {
        result = try problem.solve(options: options)
    }
    if let result {
        report("allocation", ["objective": result.totalCost, "shortfall": result.totalShortfall])
    }
default:
    print("bench-inventory: no case named '\(arguments.caseName)'")
}
