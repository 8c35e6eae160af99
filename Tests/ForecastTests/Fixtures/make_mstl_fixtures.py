"""Reference values for MSTL: the decomposition (statsmodels' MSTL) and the MSTL forecaster
(statsforecast's MSTL with an AutoETS(model='ZZN') trend forecaster).

Run by `scripts/fixtures forecast`; writes forecast_mstl.json next to itself. Deterministic: the
series come from seeded generators; the tests never run Python.
"""
import json
import warnings

import numpy as np
from statsforecast.models import MSTL as MSTLModel, AutoETS
from statsforecast.mstl import mstl
from statsmodels.tsa.seasonal import MSTL

warnings.simplefilter("ignore")


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, allow_nan=True)


def clean(a):
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(a, dtype=float)]


def weekly_sales(n=260):
    """Five years of weekly unit sales: a slow trend, a yearly cycle of 52.18 weeks with a
    year-end peak, and noise."""
    rng = np.random.default_rng(20240617)
    t = np.arange(n, dtype=float)
    year = 2 * np.pi * t / 52.18
    peak = 25 * np.exp(-0.5 * ((t % 52.18) - 49) ** 2 / 4)
    return np.round(120 + 0.15 * t + 18 * np.sin(year) + 8 * np.cos(2 * year) + peak
                    + rng.normal(0, 5, n), 1)


def daily_sales(n=1100):
    """Three years of daily sales with a weekly cycle (weekend highs) and a yearly cycle."""
    rng = np.random.default_rng(20240618)
    t = np.arange(n, dtype=float)
    week = np.array([0.0, -4, -5, -3, 2, 9, 6])[np.arange(n) % 7]
    year = 12 * np.sin(2 * np.pi * t / 365.25) + 5 * np.cos(4 * np.pi * t / 365.25)
    return np.round(60 + 0.01 * t + week + year + rng.normal(0, 3, n), 2)


def decomposition_case(name, y, periods, **kwargs):
    res = MSTL(y, periods=periods, **kwargs).fit()
    seasonal = np.asarray(res.seasonal).reshape(len(y), -1)
    return {"series": name, "periods": list(periods),
            "windows": [int(w) for w in MSTL(y, periods=periods, **kwargs).windows],
            "iterate": kwargs.get("iterate", 2), "stl_kwargs": kwargs.get("stl_kwargs") or {},
            "trend": clean(res.trend), "seasonal": [clean(seasonal[:, i]) for i in range(seasonal.shape[1])],
            "resid": clean(res.resid), "weights": clean(res.weights),
            # FPP3 section 4.3: max(0, 1 - Var(R) / Var(S + R)), and the same with the trend.
            "seasonal_strength": [float(max(0, 1 - np.var(res.resid) / np.var(seasonal[:, i] + res.resid)))
                                  for i in range(seasonal.shape[1])],
            "trend_strength": float(max(0, 1 - np.var(res.resid) / np.var(np.asarray(res.trend) + res.resid)))}


def forecaster_case(name, y, season_length, h, levels):
    model = MSTLModel(season_length=season_length, trend_forecaster=AutoETS(model="ZZN"))
    fitted = model.new().fit(y)
    f = model.forecast(y=y, h=h, level=levels)
    dec = mstl(y, season_length)
    seasonal_columns = [c for c in dec.columns if c.startswith("seasonal")]
    adjusted = (dec["trend"] + dec["remainder"]).to_numpy()
    ets = AutoETS(model="ZZN").forecast(y=adjusted, h=h, level=levels)
    out = {"series": name, "season_length": season_length, "horizon": h, "levels": levels,
           "trend_model": str(fitted.trend_forecaster.model_["method"]),
           "trend": clean(dec["trend"]), "seasonal": [clean(dec[c]) for c in seasonal_columns],
           "remainder": clean(dec["remainder"]), "mean": clean(f["mean"]),
           "adjusted_mean": clean(ets["mean"])}
    for lv in levels:
        out[f"lo{lv}"] = clean(f[f"lo-{lv}"])
        out[f"hi{lv}"] = clean(f[f"hi-{lv}"])
        out[f"adjusted_lo{lv}"] = clean(ets[f"lo-{lv}"])
        out[f"adjusted_hi{lv}"] = clean(ets[f"hi-{lv}"])
    return out


def main():
    weekly, daily = weekly_sales(), daily_sales()
    decompositions = [
        decomposition_case("weekly", weekly, (52,)),
        decomposition_case("daily", daily, (7, 365)),
        decomposition_case("daily", daily, (7, 365), iterate=3),
        decomposition_case("weekly", weekly, (52,), stl_kwargs={"robust": True}),
        decomposition_case("weekly", weekly, (52,), stl_kwargs={"seasonal_deg": 0}),
    ]
    forecasters = [forecaster_case("weekly", weekly, 52, 26, [80, 95]),
                   forecaster_case("daily", daily, [7, 365], 30, [80, 95])]
    write("forecast_mstl.json", {"weekly": clean(weekly), "daily": clean(daily),
                                 "decompositions": decompositions, "forecasters": forecasters})


if __name__ == "__main__":
    main()
