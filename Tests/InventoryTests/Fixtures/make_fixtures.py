"""Reference values for the Inventory tests (policies, allocation), from pandas and scipy.
Writes policies.json and allocation.json next to this file."""
import json

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.stats import norm


def policies():
    rng = np.random.default_rng(11)
    demand = [rng.poisson(lam, size=12).astype(float).tolist() for lam in (50, 8, 2, 0.4)]
    demand.append([5.0] * 12)
    frame = pd.DataFrame(demand).T
    cv = (frame.std() / frame.mean()).tolist()   # pandas std: n - 1 denominator
    revenue = pd.Series([120.0, 5000.0, 40.0, 900.0, 0.0, 2500.0, 1440.0])
    ranked = revenue.sort_values(ascending=False, kind="stable")
    cumulative = (ranked.cumsum() / ranked.sum()).reindex(revenue.index).tolist()
    levels = [0.5, 0.8, 0.9, 0.95, 0.975, 0.99]
    return {
        "xyz": {"demand": demand, "cv": cv},
        "abc": {"revenue": revenue.tolist(), "cumulative": cumulative},
        "z": {str(p): float(norm.ppf(p)) for p in levels},
    }


def allocation_case(seed, skus, locations, regions, capacity_factor, measure):
    """One allocation model written out flat, with scipy's optimum of the same LP.

    Variables x[s, l, r] (units of SKU s stocked at location l for region r), column index
    (s * locations + l) * regions + r. Rows: for each (s, r) sum_l x >= target; for each l
    sum_{s, r} w_s x <= capacity_l (w_s = 1 for units, the SKU's volume for volume).
    Cost: shipping[l][r] + holding[s] per unit.
    """
    rng = np.random.default_rng(seed)
    mean = np.round(rng.gamma(2.0, 15.0, size=(skus, regions)), 3)
    sd = np.round(mean * rng.uniform(0.2, 0.6, size=(skus, regions)), 3)
    service = 0.95
    z = norm.ppf(service)
    target = mean + z * sd
    shipping = np.round(rng.uniform(0.5, 8.0, size=(locations, regions)), 3)
    holding = np.round(rng.uniform(0.1, 1.0, size=skus), 3)
    volume = np.round(rng.uniform(0.2, 3.0, size=skus), 3)
    weight = volume if measure == "volume" else np.ones(skus)
    need = float((target * weight[:, None]).sum())
    share = rng.uniform(0.5, 1.5, size=locations)
    capacity = np.round(share / share.sum() * need * capacity_factor, 3)
    n = skus * locations * regions
    cost = np.zeros(n)
    rows, cols, vals, b = [], [], [], []
    for s in range(skus):
        for l in range(locations):
            for r in range(regions):
                cost[(s * locations + l) * regions + r] = shipping[l, r] + holding[s]
    row = 0
    for s in range(skus):
        for r in range(regions):
            for l in range(locations):
                rows.append(row); cols.append((s * locations + l) * regions + r); vals.append(-1.0)
            b.append(-target[s, r]); row += 1
    for l in range(locations):
        for s in range(skus):
            for r in range(regions):
                rows.append(row); cols.append((s * locations + l) * regions + r); vals.append(weight[s])
        b.append(capacity[l]); row += 1
    from scipy.sparse import csr_matrix
    a = csr_matrix((vals, (rows, cols)), shape=(row, n))
    result = linprog(cost, A_ub=a, b_ub=np.array(b), bounds=(0, None), method="highs")
    case = {
        "seed": seed, "service_level": service, "measure": measure,
        "mean": mean.tolist(), "sd": sd.tolist(), "shipping": shipping.tolist(),
        "holding": holding.tolist(), "volume": volume.tolist(), "capacity": capacity.tolist(),
        "feasible": bool(result.status == 0),
    }
    if result.status == 0:
        case["objective"] = float(result.fun)
    else:
        # Infeasible at the service level: the best allocation minimises shortfall first (penalty
        # per unit short far above any cost), then cost. Solve that LP too.
        penalty = 1000.0 * float(cost.max())
        k = skus * regions
        short_cols = n + np.arange(k)
        a2 = csr_matrix((list(vals) + [-1.0] * k, (list(rows) + list(range(k)), list(cols) + list(short_cols))),
                        shape=(row, n + k))
        result2 = linprog(np.concatenate([cost, np.full(k, penalty)]), A_ub=a2, b_ub=np.array(b),
                          bounds=(0, None), method="highs")
        assert result2.status == 0, result2.message
        shortfall = result2.x[n:]
        case["penalty"] = penalty
        case["shortfall_total"] = float(shortfall.sum())
        case["objective_with_penalty"] = float(result2.fun)
    return case


def allocation():
    return {"cases": [
        allocation_case(21, 3, 2, 4, 1.5, "units"),
        allocation_case(22, 8, 4, 6, 1.2, "volume"),
        allocation_case(23, 15, 5, 10, 1.05, "units"),
        allocation_case(24, 6, 3, 5, 0.8, "volume"),
    ]}


with open("policies.json", "w") as handle:
    json.dump(policies(), handle, indent=1)
with open("allocation.json", "w") as handle:
    json.dump(allocation(), handle)
