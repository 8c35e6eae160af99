"""Reference values for hierarchical reconciliation: Nixtla's hierarchicalforecast on fixed base
forecasts of a small grouped hierarchy (3 SKUs x 4 locations; SKUs in 2 categories, locations in 2
regions) and of a strictly nested one (total / category / SKU / SKU x location).

Run by `scripts/fixtures forecast`; writes forecast_hierarchy.json next to itself. Deterministic:
the demand comes from a seeded generator and the base forecasts from fixed-alpha simple exponential
smoothing; the tests never run Python. Series are ordered as the Swift `Hierarchy` orders them:
each aggregate level in turn (its series sorted by label), then the bottom series in input order.
"""
import json
import warnings

import numpy as np
from hierarchicalforecast.methods import BottomUp, MinTrace, TopDown

warnings.simplefilter("ignore")

SKUS = {"A": "X", "B": "X", "C": "Y"}
LOCATIONS = {"L1": "N", "L2": "N", "L3": "S", "L4": "S"}
BOTTOM = [{"sku": s, "category": c, "location": l, "region": r}
          for s, c in SKUS.items() for l, r in LOCATIONS.items()]


def label(key, attributes):
    return "/".join(f"{a}={key[a]}" for a in attributes) if attributes else "total"


def structure(levels):
    """The summing matrix and level tags, in the Swift series order."""
    rows, tags = [], {}
    for attributes in levels:
        groups = {}
        for b, key in enumerate(BOTTOM):
            groups.setdefault(label(key, attributes), []).append(b)
        names = sorted(groups)
        tags["/".join(attributes) or "total"] = np.arange(len(rows), len(rows) + len(names))
        for name in names:
            row = np.zeros(len(BOTTOM))
            row[groups[name]] = 1
            rows.append(row)
    tags["bottom"] = np.arange(len(rows), len(rows) + len(BOTTOM))
    rows.extend(np.eye(len(BOTTOM)))
    return np.array(rows), tags


def demand(n=66):
    """Weekly demand per bottom series: a SKU effect shared across locations (so errors correlate),
    a location effect, noise; SKU C at L4 sells almost nothing."""
    rng = np.random.default_rng(20261207)
    sku_shock = {s: rng.normal(0, 3, n) for s in SKUS}
    out = []
    for key in BOTTOM:
        level = {"A": 40, "B": 25, "C": 12}[key["sku"]] * {"L1": 1.0, "L2": 0.7, "L3": 0.5, "L4": 0.3}[key["location"]]
        if key["sku"] == "C" and key["location"] == "L4":
            level = 0.6
        y = level + 0.6 * sku_shock[key["sku"]] * level / 20 + rng.normal(0, 0.15 * level + 0.3, n)
        out.append(np.maximum(np.round(y, 1), 0))
    return np.array(out)


def ses(y, alpha, horizon):
    """Fixed-alpha SES: one-step fitted values and the flat forecast."""
    fitted = np.empty_like(y)
    level = y[0]
    for t in range(len(y)):
        fitted[t] = level
        level = alpha * y[t] + (1 - alpha) * level
    return fitted, np.full(horizon, level)


def base_forecasts(S, bottom, train, horizon, tags):
    y = S @ bottom[:, :train]
    fitted, forecast = np.empty_like(y), np.empty((len(S), horizon))
    bottom_rows = set(tags["bottom"].tolist())
    for i in range(len(S)):
        alpha = 0.45 if i in bottom_rows else 0.2  # different models per level: incoherent bases
        fitted[i], forecast[i] = ses(y[i], alpha, horizon)
    # drop the first fitted value, which equals the actual (a zero residual by construction)
    return y[:, 1:], fitted[:, 1:], forecast


def polish(S, W, y_hat, library):
    """The exact optimum of hierarchicalforecast's non-negative QP on the active set its solver found.

    The library solves min (y - Sb)' W^-1 (y - Sb) over b >= 0 with Clarabel (tolerance about 1e-8 on
    the duality gap) and rounds b to float32, which leaves 1e-5 relative noise. Fixing the bottoms it
    sets to zero and solving the remaining weighted least squares in closed form gives the optimum
    to rounding; the KKT conditions (free b >= 0, multipliers of the zero set >= 0) are checked.
    """
    n_bottom = S.shape[1]
    W_inv = np.linalg.inv(W)
    y = np.maximum(y_hat, 0)
    out = np.empty_like(y)
    for h in range(y.shape[1]):
        bottom = library[-n_bottom:, h]
        free = bottom > 1e-6 * max(1.0, np.abs(bottom).max())
        b = np.zeros(n_bottom)
        Sf = S[:, free]
        b[free] = np.linalg.solve(Sf.T @ W_inv @ Sf, Sf.T @ W_inv @ y[:, h])
        gradient = -S.T @ W_inv @ (y[:, h] - S @ b)
        assert (b >= -1e-9).all() and (gradient[~free] >= -1e-7).all(), "not a KKT point"
        out[:, h] = S @ b
    return out


def case(name, levels, bottom, train, horizon, shift=None):
    S, tags = structure(levels)
    y_in, y_fit, y_hat = base_forecasts(S, bottom, train, horizon, tags)
    if shift is not None:
        y_hat = y_hat + shift[:, None]
    out = {"name": name, "levels": levels, "bottom": BOTTOM, "horizon": horizon,
           "forecasts": y_hat.tolist(), "residuals": (y_in - y_fit).tolist(),
           "actual_bottom": bottom[:, train:train + horizon].tolist(),
           "training_bottom": bottom[:, :train].tolist()}
    out["bottom_up"] = BottomUp().fit_predict(S=S, y_hat=y_hat)["mean"].tolist()
    for method in ("ols", "wls_struct", "wls_var", "mint_shrink"):
        for nonnegative in (False, True):
            r = MinTrace(method, nonnegative=nonnegative).fit_predict(
                S=S, y_hat=y_hat, y_insample=y_in, y_hat_insample=y_fit)
            out[f"{method}{'_nonnegative' if nonnegative else ''}"] = r["mean"].tolist()
        W = MinTrace(method)._get_PW_matrices(S=S, y_hat=y_hat, y_insample=y_in, y_hat_insample=y_fit)[1]
        out[f"{method}_nonnegative_polished"] = polish(S, W, y_hat, np.array(out[f"{method}_nonnegative"])).tolist()
    W = MinTrace("mint_shrink")._get_PW_matrices(S=S, y_hat=y_hat, y_insample=y_in, y_hat_insample=y_fit)[1]
    off = ~np.eye(len(S), dtype=bool)
    emp = np.cov(y_in - y_fit)
    out["shrinkage"] = float(1 - np.median(W[off] / emp[off]))
    try:
        out["top_down"] = TopDown("forecast_proportions").fit_predict(S=S, y_hat=y_hat, tags=tags)["mean"].tolist()
    except ValueError:
        out["top_down"] = None
    return out


def main():
    horizon, train = 6, 60
    bottom = demand(train + horizon)
    grouped_levels = [[], ["category"], ["sku"], ["region"], ["category", "region"]]
    nested_levels = [[], ["category"], ["sku"]]
    S, _ = structure(grouped_levels)
    # push some bases below zero so that the non-negative problem binds
    shift = np.zeros(len(S))
    shift[-1] = -2.5
    shift[-5] = -3.0
    cases = [case("grouped", grouped_levels, bottom, train, horizon),
             case("nested", nested_levels, bottom, train, horizon),
             case("grouped_negative", grouped_levels, bottom, train, horizon, shift)]
    nn = np.array(cases[2]["mint_shrink_nonnegative"])
    free = np.array(cases[2]["mint_shrink"])
    assert (free < 0).any() and (nn >= 0).all(), "the non-negative case must bind"
    with open("forecast_hierarchy.json", "w") as f:
        json.dump({"cases": cases}, f)


if __name__ == "__main__":
    main()
