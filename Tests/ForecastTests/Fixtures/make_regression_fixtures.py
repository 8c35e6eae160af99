"""Reference values for regression with ARIMA errors and Fourier terms in the Forecast module.

Writes regression_arima.json next to this script from statsmodels' ARIMA / SARIMAX with `exog`.
Run by `scripts/fixtures forecast`; the tests read the JSON and never run Python. Deterministic:
fixed public data sets, no random numbers.

Conventions matched.
- Fourier terms: column pairs sin(2 pi k t / m), cos(2 pi k t / m) for k = 1..K, with t the time
  index of each observation (1 for the first here, as R forecast's `fourier`).
- d = 0: `SARIMAX(y, exog=[1, X], trend="n")` is a regression with ARMA errors whose constant is
  the mean of the errors (as statsmodels' `ARIMA(exog=X, trend="c")`); its likelihood is exact and
  compared as is.
- Optimisation: Nelder-Mead, then BFGS from its end point. statsmodels' default L-BFGS stops after
  one iteration on the trend + Fourier design (warnflag 2, log L 0.05 below the optimum), so its
  own default is not a reference.
- d = 1: `SARIMAX(y, exog=[t, X], trend="n", use_exact_diffuse=True)`. The column t = 1..n is the
  drift (R forecast's `Arima(include.drift=TRUE)` adds the same column); after differencing it is
  the constant that Restock fits as `drift`. With exact diffuse initialisation the log-likelihood
  equals the exact likelihood of the differenced regression errors minus 0.5*log(2*pi) per
  differencing observation; `llf_differenced` adds that back to give R's `arima` convention, which
  Restock reports (see make_arima_fixtures.py).
"""
import json
import math
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

from reference_series import AIR_PASSENGERS

warnings.simplefilter("ignore")

LEVELS = [0.8, 0.95]
HORIZON = 13
WEEKS_PER_YEAR = 365.25 / 7


def fourier(t, period, harmonics):
    """Columns sin_k, cos_k for k = 1..harmonics at time indices t."""
    columns = {}
    for k in range(1, harmonics + 1):
        columns[f"sin{k}"] = np.sin(2 * np.pi * k * t / period)
        columns[f"cos{k}"] = np.cos(2 * np.pi * k * t / period)
    return pd.DataFrame(columns)


def co2_weekly():
    """Mauna Loa CO2, weekly (statsmodels' co2 resampled to weeks, gaps interpolated)."""
    data = sm.datasets.co2.load_pandas().data["co2"]
    return data.resample("W").mean().interpolate().to_numpy(float)


def forecast_block(res, exog_future):
    fc = res.get_forecast(len(exog_future), exog=exog_future)
    out = {"mean": fc.predicted_mean.tolist(), "intervals": []}
    for level in LEVELS:
        ci = np.asarray(fc.conf_int(alpha=1 - level))
        out["intervals"].append({"level": level, "lower": ci[:, 0].tolist(), "upper": ci[:, 1].tolist()})
    return out


def fit(model):
    first = model.fit(disp=False, method="nm", maxiter=20000)
    return model.fit(start_params=first.params, disp=False, method="bfgs", maxiter=2000)


def case(name, y, exog, order, drift=False, note=""):
    """Fits y on exog (a DataFrame over n + HORIZON rows; the last HORIZON rows are the future)."""
    n = len(y)
    past, future = exog.iloc[:n].reset_index(drop=True), exog.iloc[n:].reset_index(drop=True)
    out = {"name": name, "note": note, "series": y.tolist(), "order": list(order),
           "regressors": {c: exog[c].tolist() for c in exog.columns}, "columns": list(exog.columns),
           "horizon": HORIZON, "constant": True}
    if order[1] == 0:
        design = exog.copy()
        design.insert(0, "const", 1.0)
        dpast, dfuture = design.iloc[:n].reset_index(drop=True), design.iloc[n:].reset_index(drop=True)
        res = fit(sm.tsa.SARIMAX(y, exog=dpast, order=order, trend="n"))
        params = dict(zip(res.model.param_names, map(float, res.params)))
        out["reference"] = {"params": params, "constant": params["const"], "llf": float(res.llf),
                            "llf_differenced": float(res.llf), "aicc": float(res.aicc),
                            "forecast": forecast_block(res, dfuture),
                            "source": "statsmodels SARIMAX(exog=[1, X]), exact likelihood"}
    else:
        t = np.arange(1, n + HORIZON + 1, dtype=float)
        design = exog.copy()
        if drift:
            design.insert(0, "drift", t)
        dpast, dfuture = design.iloc[:n].reset_index(drop=True), design.iloc[n:].reset_index(drop=True)
        res = fit(sm.tsa.SARIMAX(y, exog=dpast, order=order, trend="n", use_exact_diffuse=True))
        params = dict(zip(res.model.param_names, map(float, res.params)))
        llf = float(res.llf)
        out["constant"] = drift
        out["reference"] = {"params": params, "constant": params.get("drift", 0.0), "llf": llf,
                            "llf_differenced": llf + 0.5 * math.log(2 * math.pi) * order[1],
                            "forecast": forecast_block(res, dfuture),
                            "source": "statsmodels SARIMAX(exog=[t, X]) use_exact_diffuse=True"}
    return out


def fixtures():
    cases = []
    # Nile flow with the 1899 Aswan dam step (Cobb 1978): a classic intervention regressor, d = 0.
    nile = sm.datasets.nile.load_pandas().data
    years = nile["year"].to_numpy(int)
    flow = nile["volume"].to_numpy(float)
    all_years = np.arange(years[0], years[-1] + HORIZON + 1)
    step = pd.DataFrame({"dam": (all_years >= 1899).astype(float)})
    cases.append(case("nile_dam", flow, step, (1, 0, 1), note="ARMA(1,1) errors, step regressor"))

    # Log air passengers: a linear trend and monthly Fourier terms (K = 3) with AR(2) errors, d = 0.
    log_air = np.log(np.array(AIR_PASSENGERS, float))
    n = len(log_air)
    t = np.arange(1, n + HORIZON + 1, dtype=float)
    exog = fourier(t, 12, 3)
    exog.insert(0, "trend", t)
    cases.append(case("log_air_fourier", log_air, exog, (2, 0, 0), note="trend + Fourier(12, 3), AR(2) errors"))

    # Weekly CO2, last 312 weeks: yearly Fourier terms at 365.25/7 weeks, ARIMA(1,1,1) errors with drift.
    co2 = co2_weekly()[-312:]
    n = len(co2)
    t = np.arange(1, n + HORIZON + 1, dtype=float)
    cases.append(case("co2_weekly_drift", co2, fourier(t, WEEKS_PER_YEAR, 4), (1, 1, 1), drift=True,
                      note="Fourier(52.18, 4), ARIMA(1,1,1) errors with drift"))
    # The same without drift and with MA(2) errors.
    cases.append(case("co2_weekly_ma2", co2, fourier(t, WEEKS_PER_YEAR, 2), (0, 1, 2), drift=False,
                      note="Fourier(52.18, 2), ARIMA(0,1,2) errors"))

    check = {"period": WEEKS_PER_YEAR, "harmonics": 3, "t": list(range(-2, 6)),
             "columns": fourier(np.arange(-2, 6, dtype=float), WEEKS_PER_YEAR, 3).to_numpy().T.tolist()}
    return {"cases": cases, "fourier": check}


def main():
    with open("regression_arima.json", "w") as f:
        json.dump(fixtures(), f, indent=1)


if __name__ == "__main__":
    main()
