"""Weekly series with a yearly (52-week) season for the ETS tests and the ETS speed/calibration
comparison, and statsforecast's AutoETS on them.

Writes ets52.json next to itself: 40 synthetic store-sales-like series (a Christmas peak, a summer
bump, trend, multiplicative noise) and 21 windows of the Mauna Loa CO2 weekly record (statsmodels'
`co2`, resampled to weekly with gaps interpolated), each 156 weeks of history plus 13 held out; and,
for a few of them, statsforecast's fitted ETS model and forecasts as reference cases.
Run by `scripts/fixtures forecast`. Deterministic (fixed seeds).
"""
import json
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

warnings.simplefilter("ignore")

HISTORY, HOLDOUT, PERIOD = 156, 13, 52


def synthetic(rng, index):
    start = pd.Timestamp("2015-01-04") + pd.Timedelta(weeks=int(rng.integers(0, 260)))
    dates = pd.date_range(start, periods=HISTORY + HOLDOUT, freq="W-SUN")
    week = dates.isocalendar().week.to_numpy().astype(float)
    level = rng.uniform(50, 2000)
    growth = rng.uniform(-0.002, 0.004)
    peak = rng.uniform(0.6, 2.0)      # Christmas: +60%..+200% in the last weeks before 25 December
    summer = rng.uniform(0.0, 0.3)
    noise = rng.uniform(0.04, 0.15)
    t = np.arange(len(dates))
    christmas = np.exp(-0.5 * ((week - 51.0) / 1.3) ** 2) + 0.3 * np.exp(-0.5 * ((week - 47.5) / 0.8) ** 2)
    season = 1 + peak * christmas + summer * np.sin(2 * np.pi * (week - 14) / 52.0)
    y = level * (1 + growth) ** t * season * np.exp(rng.normal(0, noise, len(t)))
    return np.round(y, 2)


def co2_windows():
    data = sm.datasets.co2.load_pandas().data["co2"]
    weekly = data.resample("W-SAT").mean().interpolate().to_numpy()
    total = HISTORY + HOLDOUT
    starts = range(0, len(weekly) - total + 1, 100)
    return [weekly[s:s + total] for s in starts][:21]


def statsforecast_reference(y, season_length):
    from statsforecast.ets import ets_f, forecast_ets
    model = ets_f(y, season_length, model="ZZZ")
    fc = forecast_ets(model, h=HOLDOUT, level=[80, 95])
    return model, fc


def main():
    rng = np.random.default_rng(20261207)
    series = [{"name": f"synthetic{i:02d}", "values": synthetic(rng, i).tolist()} for i in range(40)]
    series += [{"name": f"co2_{i:02d}", "values": [float(v) for v in w]} for i, w in enumerate(co2_windows())]
    write_cases = []
    # Reference fits of fixed specifications (statsforecast's `etsmodel`, the function AutoETS calls
    # for each candidate). ETS(M,N,M) updates its season as R does, not as statsmodels, so only the
    # additive-season cases are compared at statsforecast's parameters.
    from statsforecast.ets import etsmodel, forecast_ets
    for name, spec in [("synthetic00", "ANA"), ("co2_00", "AAA"), ("synthetic01", "MNM")]:
        y = np.array(next(s for s in series if s["name"] == name)["values"][:HISTORY])
        e, t, s = spec
        model = etsmodel(y, PERIOD, e, t, s, False, np.nan, np.nan, np.nan, np.nan,
                         lower=np.array([1e-4, 1e-4, 1e-4, 0.8]), upper=np.array([0.9999, 0.9999, 0.9999, 0.98]),
                         opt_crit="lik", nmse=3, bounds="both")
        fc = forecast_ets(model, h=HOLDOUT, level=[80, 95])
        write_cases.append({
            "series": name, "spec": spec, "loglik": float(model["loglik"]), "aicc": float(model["aicc"]),
            "sigma2": float(model["sigma2"]), "n_params": int(model["n_params"]),
            "par": [float(v) if np.isfinite(v) else None for v in model["par"]],
            # R's state vector before the first observation: l, (b), s_1 (newest) ... s_m (oldest).
            "initial_state": [float(v) for v in model["states"][0]],
            "mean": [float(v) for v in fc["mean"]],
            "lo80": [float(v) for v in fc["lo-80"]], "hi80": [float(v) for v in fc["hi-80"]],
            "lo95": [float(v) for v in fc["lo-95"]], "hi95": [float(v) for v in fc["hi-95"]],
        })
    with open("ets52.json", "w") as f:
        json.dump({"history": HISTORY, "holdout": HOLDOUT, "period": PERIOD, "series": series,
                   "statsforecast": write_cases}, f, indent=0)


if __name__ == "__main__":
    main()
