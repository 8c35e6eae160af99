"""Reference optima for the Optimize tests: random transportation problems solved by
scipy.optimize.linprog(method="highs"). Writes transportation.json next to this file."""
import json

import numpy as np
from scipy.optimize import linprog


def transportation(seed, sources, sinks, balanced):
    rng = np.random.default_rng(seed)
    cost = np.round(rng.uniform(1, 20, size=(sources, sinks)), 3)
    demand = np.round(rng.uniform(10, 100, size=sinks), 2)
    supply = np.round(rng.uniform(10, 100, size=sources), 2)
    # Scale the supply so that the problem is feasible (balanced: total supply = total demand).
    factor = 1.0 if balanced else 1.3
    supply = np.round(supply / supply.sum() * demand.sum() * factor, 6)
    if balanced:
        supply[-1] = demand.sum() - supply[:-1].sum()
    n = sources * sinks
    # x[i, j] at column i * sinks + j: supply rows (≤) then demand rows (= when balanced, ≥ otherwise).
    a_supply = np.zeros((sources, n))
    for i in range(sources):
        a_supply[i, i * sinks:(i + 1) * sinks] = 1
    a_demand = np.zeros((sinks, n))
    for j in range(sinks):
        a_demand[j, j::sinks] = 1
    if balanced:
        result = linprog(cost.ravel(), A_ub=a_supply, b_ub=supply, A_eq=a_demand, b_eq=demand,
                         bounds=(0, None), method="highs")
    else:
        result = linprog(cost.ravel(), A_ub=np.vstack([a_supply, -a_demand]),
                         b_ub=np.concatenate([supply, -demand]), bounds=(0, None), method="highs")
    assert result.status == 0, result.message
    return {
        "seed": seed, "balanced": balanced,
        "cost": cost.tolist(), "supply": supply.tolist(), "demand": demand.tolist(),
        "objective": float(result.fun),
    }


def textbook_duals():
    # min x + 2y + 3z  s.t. x + y + z = 10, 2 <= x - y <= 4, z >= 1, 0 <= x <= 5, y >= 0
    result = linprog([1, 2, 3], A_ub=[[1, -1, 0], [-1, 1, 0]], b_ub=[4, -2], A_eq=[[1, 1, 1]], b_eq=[10],
                     bounds=[(0, 5), (0, None), (1, None)], method="highs")
    assert result.status == 0
    return {"objective": float(result.fun), "x": result.x.tolist(),
            "ineqlin_marginals": result.ineqlin.marginals.tolist(),
            "eqlin_marginals": result.eqlin.marginals.tolist()}


problems = [transportation(seed, m, n, balanced)
            for seed, m, n, balanced in [(1, 3, 4, True), (2, 5, 8, False), (3, 10, 25, True), (4, 20, 40, False)]]
with open("transportation.json", "w") as handle:
    json.dump({"problems": problems, "ranges": textbook_duals()}, handle, indent=1)
