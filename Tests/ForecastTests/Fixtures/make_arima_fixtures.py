"""Reference values for the ARIMA and stationarity tests of the Forecast module.

Writes arima_*.json next to this script from statsmodels (ARIMA / SARIMAX, acf, pacf, kpss) and
statsforecast (AutoARIMA, ndiffs, nsdiffs). Run by `scripts/fixtures forecast`; the tests read the
JSON files and never run Python.

Likelihood conventions. For d + D = 0 statsmodels' ARIMA likelihood is exact and is compared as is.
With differencing, statsmodels' default (approximate diffuse prior of variance 1e6 on the
integrated states) depends on the level of the data, so the references for integrated models are
also fitted with `use_exact_diffuse=True`; that log-likelihood equals the exact likelihood of the
differenced series minus 0.5*log(2*pi) per diffuse observation, and `llf_differenced` adds that
back to give R's `arima` convention, which Restock reports.
"""
import contextlib
import io
import json
import math
import re
import warnings

import numpy as np
import statsmodels.api as sm
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.stattools import acf, kpss, pacf

from reference_series import AIR_PASSENGERS

warnings.simplefilter("ignore")


LEVELS = [0.8, 0.95]
HORIZON = 12


def series():
    sunspots = sm.datasets.sunspots.load_pandas().data["SUNACTIVITY"].to_numpy(float)
    nile = sm.datasets.nile.load_pandas().data["volume"].to_numpy(float)
    gdp = sm.datasets.macrodata.load_pandas().data["realgdp"].to_numpy(float)
    growth = 100 * np.diff(np.log(gdp))
    log_air = np.log(np.array(AIR_PASSENGERS, float))
    return {"sunspots": sunspots, "nile": nile, "gdp_growth": growth, "log_air": log_air,
            "air": np.array(AIR_PASSENGERS, float)}


def forecast_block(res, steps):
    fc = res.get_forecast(steps)
    out = {"mean": fc.predicted_mean.tolist(), "intervals": []}
    for level in LEVELS:
        ci = np.asarray(fc.conf_int(alpha=1 - level))
        out["intervals"].append({"level": level, "lower": ci[:, 0].tolist(), "upper": ci[:, 1].tolist()})
    return out


def named(res):
    return {name: float(v) for name, v in zip(res.model.param_names, res.params)}


def arima_case(name, y, order, seasonal=(0, 0, 0, 0), trend="n"):
    d = order[1] + seasonal[1] * max(seasonal[3], 1)
    case = {"name": name, "series": y.tolist(), "order": list(order), "seasonal_order": list(seasonal),
            "trend": trend, "horizon": HORIZON}
    default = ARIMA(y, order=order, seasonal_order=seasonal, trend=trend).fit()
    case["statsmodels_default"] = {"params": named(default), "llf": float(default.llf)}
    if d == 0:
        res = default
        case["reference"] = {"params": named(res), "llf": float(res.llf), "llf_differenced": float(res.llf),
                             "aic": float(res.aic), "aicc": float(res.aicc), "bic": float(res.bic),
                             "forecast": forecast_block(res, HORIZON), "source": "statsmodels ARIMA (exact)"}
    else:
        # SARIMAX's trend 'c' with d + D = 1 is the drift of the differenced series.
        sar_trend = "c" if trend in ("t", "c") else "n"
        model = sm.tsa.SARIMAX(y, order=order, seasonal_order=seasonal, trend=sar_trend, use_exact_diffuse=True)
        res = model.fit(disp=False, maxiter=1000, method="lbfgs")
        llf = float(res.llf)
        case["reference"] = {"params": named(res), "llf": llf,
                             "llf_differenced": llf + 0.5 * math.log(2 * math.pi) * d,
                             "forecast": forecast_block(res, HORIZON),
                             "source": "statsmodels SARIMAX use_exact_diffuse=True"}
    return case


def arima_fixtures(s):
    cases = [
        arima_case("sunspots", s["sunspots"], (2, 0, 0), trend="c"),
        arima_case("log_air", s["log_air"], (0, 1, 1), (0, 1, 1, 12)),
        arima_case("nile", s["nile"], (1, 1, 1)),
        arima_case("nile_drift", s["nile"], (0, 1, 1), trend="t"),
        arima_case("gdp_growth", s["gdp_growth"], (1, 0, 1), trend="c"),
        arima_case("log_air_sar", s["log_air"], (1, 1, 0), (1, 1, 0, 12)),
    ]
    return cases


def stationarity_fixtures(s):
    out = []
    for name in ["sunspots", "nile", "gdp_growth", "log_air"]:
        y = s[name]
        n = len(y)
        lags = int(math.floor(3 * math.sqrt(n) / 13))
        stat, p, used, _ = kpss(y, regression="c", nlags=lags)
        dy = np.diff(y)
        dstat, dp, _, _ = kpss(dy, regression="c", nlags=int(math.floor(3 * math.sqrt(len(dy)) / 13)))
        out.append({
            "name": name, "series": y.tolist(),
            "acf": acf(y, nlags=20, fft=False).tolist(),
            "pacf_ldb": pacf(y, nlags=20, method="ldb").tolist(),
            "kpss": {"lags": lags, "statistic": float(stat), "p_value": float(p)},
            "kpss_diff": {"statistic": float(dstat), "p_value": float(dp)},
            "seasonal_difference_12": (y[12:] - y[:-12]).tolist(),
        })
    return out


TRACE_LINE = re.compile(
    r"ARIMA\((\d+),(\d+),(\d+)\)(?:\((\d+),(\d+),(\d+)\)\[(\d+)\])?\s*(with drift|with non-zero mean|with zero mean)?\s*:\s*(\S+)")


def traced_search(y, period, approximation):
    """statsforecast's auto_arima_f with trace=True: the models it visits, parsed from its trace."""
    from statsforecast.arima import auto_arima_f
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        fit = auto_arima_f(y, period=period, trace=True, approximation=approximation)
    visited, refits, refitting = [], [], False
    for line in buffer.getvalue().splitlines():
        if line.startswith("Now re-fitting"):
            refitting = True
        match = TRACE_LINE.match(line.strip())
        if not match:
            continue
        p, d, q, P, D, Q, m, const, ic = match.groups()
        entry = {"order": [int(p), int(d), int(q)],
                 "seasonal_order": [int(P or 0), int(D or 0), int(Q or 0), int(m or period)],
                 "constant": const in ("with drift", "with non-zero mean"),
                 "ic": float(ic) if math.isfinite(float(ic)) else None}  # null: rejected or failed
        (refits if refitting else visited).append(entry)
    p, q, P, Q, m, d, D = [int(v) for v in fit["arma"]]
    return {"visited": visited, "refits": refits, "order": [p, d, q], "seasonal_order": [P, D, Q, m],
            "coef": {k: float(v) for k, v in fit["coef"].items()},
            "aicc": float(fit["aicc"]), "loglik": float(fit["loglik"])}


def auto_arima_fixtures(s):
    from statsforecast.arima import ndiffs, nsdiffs
    cases = []
    for name, period in [("log_air", 12), ("air", 12), ("sunspots", 1), ("nile", 1), ("gdp_growth", 1)]:
        y = s[name]
        case = {"name": name, "period": period, "series": y.tolist(),
                "ndiffs": int(ndiffs(y)),
                "nsdiffs": int(nsdiffs(y, period=period)) if period > 1 else 0,
                # auto.arima's rule: approximate when n > 150 or period > 12.
                "default": traced_search(y, period, None),
                # statsforecast's AutoARIMA model class never approximates by default.
                "exact": traced_search(y, period, False)}
        cases.append(case)
    return cases


def main():
    s = series()
    with open("arima_models.json", "w") as f:
        json.dump(arima_fixtures(s), f, indent=1)
    with open("arima_stationarity.json", "w") as f:
        json.dump(stationarity_fixtures(s), f, indent=1)
    with open("arima_auto.json", "w") as f:
        json.dump(auto_arima_fixtures(s), f, indent=1)


if __name__ == "__main__":
    main()
