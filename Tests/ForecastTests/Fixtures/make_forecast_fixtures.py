"""Reference values for the Forecast tests (time series, decomposition, ETS, intermittent demand,
baselines, accuracy), computed with pandas, statsmodels and statsforecast.

Run by `scripts/fixtures forecast`; writes forecast_*.json next to itself. The tests never run Python.
"""
import json
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.seasonal import STL, seasonal_decompose

from reference_series import AIR_PASSENGERS

warnings.simplefilter("ignore")

AIR = AIR_PASSENGERS


def co2_monthly():
    """Mauna Loa CO2 (statsmodels.datasets.co2), weekly -> monthly means, gaps interpolated."""
    data = sm.datasets.co2.load_pandas().data["co2"]
    return data.resample("MS").mean().interpolate().to_numpy()


def nile():
    return sm.datasets.nile.load_pandas().data["volume"].to_numpy(dtype=float)


def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=1, allow_nan=True)


def clean(a):
    return [None if not np.isfinite(v) else float(v) for v in np.asarray(a, dtype=float)]


# MARK: - Time series and resampling
def timeseries():
    rng = np.random.default_rng(20240501)
    days = pd.date_range("2023-01-02", "2023-06-30", freq="D")
    keep = rng.random(len(days)) > 0.25  # gaps: about a quarter of the days have no record
    dates = days[keep]
    values = rng.poisson(5.0, size=len(dates)).astype(float)
    s = pd.Series(values, index=dates)
    daily_zero = s.asfreq("D", fill_value=0.0)
    daily_nan = s.asfreq("D")
    weekly_sum = daily_zero.resample("W-MON", label="left", closed="left").sum()
    weekly_mean = daily_nan.resample("W-MON", label="left", closed="left").mean()
    monthly_sum = daily_zero.resample("MS").sum()
    monthly_mean = daily_nan.resample("MS").mean()
    iso = lambda idx: [d.strftime("%Y-%m-%d") for d in idx]
    write("forecast_timeseries.json", {
        "dates": iso(dates), "values": clean(values),
        "daily_dates": iso(daily_zero.index), "daily_zero": clean(daily_zero),
        "daily_nan": clean(daily_nan),
        "weekly_dates": iso(weekly_sum.index), "weekly_sum": clean(weekly_sum),
        "weekly_mean": clean(weekly_mean),
        "monthly_dates": iso(monthly_sum.index), "monthly_sum": clean(monthly_sum),
        "monthly_mean": clean(monthly_mean),
    })


# MARK: - Decomposition
def decomposition():
    air = np.array(AIR, dtype=float)
    co2 = co2_monthly()
    out = {"air": AIR, "co2": clean(co2), "classical": [], "stl": []}
    for series, name in ((air, "air"), (co2, "co2")):
        for model in ("additive", "multiplicative"):
            r = seasonal_decompose(series, model=model, period=12, extrapolate_trend="freq")
            out["classical"].append({"series": name, "model": model, "period": 12,
                                     "trend": clean(r.trend), "seasonal": clean(r.seasonal),
                                     "resid": clean(r.resid)})
    cases = [("co2", co2, 12, 7, False), ("co2", co2, 12, 7, True),
             ("air", air, 12, 13, True), ("air", air, 12, 7, False)]
    for name, series, period, seasonal, robust in cases:
        r = STL(series, period=period, seasonal=seasonal, robust=robust).fit()
        out["stl"].append({"series": name, "period": period, "seasonal_length": seasonal,
                           "robust": robust, "trend": clean(r.trend), "seasonal": clean(r.seasonal),
                           "resid": clean(r.resid), "weights": clean(r.weights)})
    write("forecast_decomposition.json", out)


# MARK: - ETS
def ets():
    air = np.array(AIR, dtype=float)
    series = {"nile": nile(), "air": air, "co2": co2_monthly()[-240:]}
    specs = [
        ("nile", "add", None, False, None), ("nile", "add", "add", False, None),
        ("nile", "add", "add", True, None), ("nile", "mul", None, False, None),
        ("nile", "mul", "add", True, None),
        ("air", "add", "add", False, "add"), ("air", "add", "add", True, "add"),
        ("air", "add", None, False, "add"), ("air", "mul", "add", False, "mul"),
        ("air", "mul", None, False, "mul"), ("air", "mul", "add", True, "mul"),
        ("co2", "add", "add", True, "add"),
    ]
    cases = []
    for name, error, trend, damped, seasonal in specs:
        y = pd.Series(series[name], index=pd.date_range("1900-01-01", periods=len(series[name]), freq="MS"))
        model = ETSModel(y, error=error, trend=trend, damped_trend=damped, seasonal=seasonal,
                         seasonal_periods=12 if seasonal else None)
        fit = model.fit(disp=False, maxiter=2000)
        internal = model._internal_params(np.asarray(fit.params, dtype=float))
        h = 12
        pred = fit.get_prediction(start=len(y), end=len(y) + h - 1,
                                  method=None, simulate_repetitions=4000, rng=np.random.default_rng(0))
        frame = pred.summary_frame(alpha=0.05)
        frame80 = pred.summary_frame(alpha=0.2)
        cases.append({
            "series": name, "error": error, "trend": trend or "none", "damped": damped,
            "seasonal": seasonal or "none", "period": 12 if seasonal else 1,
            "short_name": model.short_name, "interval_method": pred.method,
            # alpha, beta, gamma, phi, l[-1], b[-1], s[-1], ..., s[-m]
            "internal_params": clean(internal),
            "llf": float(fit.llf), "aic": float(fit.aic), "aicc": float(fit.aicc),
            "bic": float(fit.bic), "mse": float(fit.mse), "df_model": int(fit.df_model),
            "fitted": clean(np.asarray(fit.fittedvalues)),
            "forecast": clean(np.asarray(fit.forecast(h))),
            "lower95": clean(frame["pi_lower"]), "upper95": clean(frame["pi_upper"]),
            "lower80": clean(frame80["pi_lower"]), "upper80": clean(frame80["pi_upper"]),
        })
    write("forecast_ets.json", {"series": {k: clean(v) for k, v in series.items()}, "cases": cases})


# MARK: - Intermittent demand and baselines
def intermittent_and_baselines():
    from statsforecast.models import (CrostonClassic, CrostonSBA, HistoricAverage, Naive,
                                      SeasonalNaive, TSB)
    rng = np.random.default_rng(7)
    n = 80
    demand = np.where(rng.random(n) < 0.3, rng.poisson(6.0, n) + 1, 0).astype(float)
    h = 6
    out = {"demand": clean(demand), "horizon": h, "intermittent": []}
    for label, model in (("croston", CrostonClassic()), ("sba", CrostonSBA()),
                         ("tsb", TSB(alpha_d=0.2, alpha_p=0.15))):
        f = model.forecast(y=demand, h=h, fitted=True)
        out["intermittent"].append({"method": label, "mean": clean(f["mean"]),
                                    "fitted": clean(f["fitted"])})
    air = np.array(AIR, dtype=float)
    levels = [80, 95]
    base = []
    for label, model in (("naive", Naive()), ("seasonal_naive", SeasonalNaive(season_length=12)),
                         ("mean", HistoricAverage())):
        f = model.forecast(y=air, h=h + 12, level=levels)
        base.append({"method": label, "mean": clean(f["mean"]),
                     "lower80": clean(f["lo-80"]), "upper80": clean(f["hi-80"]),
                     "lower95": clean(f["lo-95"]), "upper95": clean(f["hi-95"])})
    # Moving average of the last k values; interval as the mean method over the window,
    # sigma from the one-step in-sample errors of the trailing k-window mean.
    k = 6
    fitted = np.array([air[t - k:t].mean() for t in range(k, len(air))])
    resid = air[k:] - fitted
    sigma = np.sqrt(np.sum(resid**2) / (len(resid) - 1))
    from scipy.stats import norm
    mean = np.full(h + 12, air[-k:].mean())
    ma = {"method": "moving_average", "window": k, "mean": clean(mean)}
    for lv in levels:
        z = norm.ppf(0.5 + lv / 200)
        ma[f"lower{lv}"] = clean(mean - z * sigma * np.sqrt(1 + 1 / k))
        ma[f"upper{lv}"] = clean(mean + z * sigma * np.sqrt(1 + 1 / k))
    base.append(ma)
    out["air"] = AIR
    out["baselines"] = base
    write("forecast_methods.json", out)


# MARK: - Accuracy
def accuracy():
    rng = np.random.default_rng(11)
    train = rng.poisson(20, 60).astype(float)
    train[[3, 17]] = 0.0
    actual = rng.poisson(20, 12).astype(float)
    actual[[2, 9]] = 0.0
    forecast = actual + rng.normal(0, 4, 12)
    lower = forecast - 6.0
    upper = forecast + 6.0
    m = 7
    e = actual - forecast
    nz = actual != 0
    scale = np.mean(np.abs(train[m:] - train[:-m]))
    scale1 = np.mean(np.abs(np.diff(train)))
    q = 0.9
    pin = np.mean(np.maximum(q * e, (q - 1) * e))
    denom = np.abs(actual) + np.abs(forecast)
    smape = np.mean(np.where(denom == 0, 0.0, 2 * np.abs(e) / np.where(denom == 0, 1, denom))) * 100
    write("forecast_accuracy.json", {
        "train": clean(train), "actual": clean(actual), "forecast": clean(forecast),
        "lower": clean(lower), "upper": clean(upper), "season": m, "quantile": q,
        "mae": float(np.mean(np.abs(e))), "rmse": float(np.sqrt(np.mean(e**2))),
        "mape": float(np.mean(np.abs(e[nz] / actual[nz])) * 100),
        "smape": float(smape),
        "mase": float(np.mean(np.abs(e)) / scale), "mase1": float(np.mean(np.abs(e)) / scale1),
        "bias": float(np.mean(forecast - actual)),
        "pinball": float(pin),
        "coverage": float(np.mean((actual >= lower) & (actual <= upper))),
    })


if __name__ == "__main__":
    timeseries()
    decomposition()
    ets()
    intermittent_and_baselines()
    accuracy()
