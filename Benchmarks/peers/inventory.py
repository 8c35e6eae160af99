"""Inventory benchmark: the allocation linear program (SKUs x locations x regions) built and solved by
Restock (CLP) and by scipy.optimize.linprog(method="highs"), on the same generated model; and the
placement program the allocation stage solves (AllocationPlan), which Restock writes as MPS and
HiGHS solves as the very same model.

    python Benchmarks/peers/inventory.py --restock <path to bench-inventory> [--skus 1000 ...]

Both sides draw the data from the same 32-bit linear congruential generator, so the models are
identical; the line printed includes both optimal objectives and their relative difference.
"""
import argparse
import os
import sys

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_matrix

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

Z95 = 1.6448536269514722  # scipy.stats.norm.ppf(0.95)


class Generator:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def uniform(self, low, high):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return low + (high - low) * self.state / 4294967296.0


def generate(skus, locations, regions):
    """The data, drawn in the same order as Benchmarks/inventory/main.swift."""
    g = Generator(20240601)
    mean = np.empty((skus, regions))
    sd = np.empty((skus, regions))
    for s in range(skus):
        for r in range(regions):
            m = g.uniform(2, 60)
            mean[s, r] = m
            sd[s, r] = m * g.uniform(0.2, 0.6)
    shipping = np.array([[g.uniform(0.5, 8) for _ in range(regions)] for _ in range(locations)])
    holding = np.array([g.uniform(0.1, 1) for _ in range(skus)])
    volume = np.array([g.uniform(0.2, 3) for _ in range(skus)])
    shares = np.array([g.uniform(0.5, 1.5) for _ in range(locations)])
    need = 0.0
    for s in range(skus):
        for r in range(regions):
            need += volume[s] * (mean[s, r] + Z95 * sd[s, r])
    capacity = np.array([shares[l] / shares.sum() * need * 1.15 for l in range(locations)])
    return mean, sd, shipping, holding, volume, capacity


def solve_allocation(mean, sd, shipping, holding, volume, capacity):
    """Builds the same LP as AllocationProblem.solve (x[s, r, l] >= 0; coverage rows per SKU x region,
    volume rows per location) with vectorised numpy, and solves it with HiGHS."""
    skus, regions = mean.shape
    locations = shipping.shape[0]
    target = mean + Z95 * sd
    n = skus * regions * locations
    # Column (s, r, l) -> s * regions * locations + r * locations + l.
    cost = (shipping.T[None, :, :] + holding[:, None, None]).reshape(n)
    cols = np.arange(n)
    cover_rows = np.repeat(np.arange(skus * regions), locations)
    cap_rows = skus * regions + np.tile(np.arange(locations), skus * regions)
    rows = np.concatenate([cover_rows, cap_rows])
    values = np.concatenate([-np.ones(n), np.repeat(volume, regions * locations)])
    a = csc_matrix((values, (rows, np.concatenate([cols, cols]))), shape=(skus * regions + locations, n))
    b = np.concatenate([-target.reshape(-1), capacity])
    result = linprog(cost, A_ub=a, b_ub=b, bounds=(0, None), method="highs")
    if result.status != 0:
        sys.exit(f"bench: scipy allocation failed: {result.message}")
    return result.fun


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--restock", required=True)
    parser.add_argument("--skus", type=int, default=1000)
    parser.add_argument("--locations", type=int, default=10)
    parser.add_argument("--regions", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    restock_s, restock_rss, metrics = harness.run_restock(
        args.restock, "allocation", f"skus={args.skus}", f"locations={args.locations}",
        f"regions={args.regions}", f"repeats={args.repeats}")
    restock_objective = float("nan")
    for line in metrics:
        fields = dict(part.split("=", 1) for part in line.split()[2:])
        restock_objective = float(fields["objective"])

    data = generate(args.skus, args.locations, args.regions)
    scipy_s, scipy_objective = harness.time_peer(lambda: solve_allocation(*data), repeats=args.repeats)
    relative = abs(restock_objective - scipy_objective) / max(1.0, abs(scipy_objective))
    harness.report("allocation", restock_s, restock_rss, "scipy", scipy_s,
                   f"restock_objective={restock_objective:.6f} scipy_objective={scipy_objective:.6f} "
                   f"relative_difference={relative:.2e}")
    if relative > 1e-6:
        sys.exit(f"bench: objectives differ by {relative:.2e} relative (more than 1e-6)")

    # The placement program: Restock's time is CLP loading and solving it; HiGHS's is passing the
    # same model (read once from the MPS file Restock wrote) and solving it.
    import highspy
    mps = os.path.join(os.path.dirname(os.path.abspath(args.restock)), "placement.mps")
    restock_s, restock_rss, metrics = harness.run_restock(
        args.restock, "placement", f"skus={args.skus}", f"locations={args.locations}", f"mps={mps}",
        f"repeats={args.repeats}")
    fields = dict(part.split("=", 1) for part in metrics[-1].split()[2:])
    reader = highspy.Highs()
    reader.setOptionValue("output_flag", False)
    reader.readModel(mps)
    model = reader.getLp()

    def solve_placement():
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.passModel(model)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            sys.exit(f"bench: HiGHS placement ended {highs.getModelStatus()}")
        return highs.getInfo().objective_function_value

    highs_s, highs_objective = harness.time_peer(solve_placement, repeats=args.repeats)
    restock_objective = float(fields["objective"])
    relative = abs(restock_objective - highs_objective) / max(1.0, abs(highs_objective))
    harness.report("placement", restock_s, restock_rss, "highs", highs_s,
                   f"variables={int(float(fields['variables']))} restock_objective={restock_objective:.6f} "
                   f"highs_objective={highs_objective:.6f} relative_difference={relative:.2e} "
                   f"restock_whole_plan_s={float(fields['whole_plan_s']):.3f}")
    if relative > 1e-6:
        sys.exit(f"bench: placement objectives differ by {relative:.2e} relative (more than 1e-6)")


if __name__ == "__main__":
    main()
