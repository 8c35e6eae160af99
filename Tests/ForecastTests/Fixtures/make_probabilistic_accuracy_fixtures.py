"""Reference values for the scaled accuracy measures (RMSSE, scaled pinball loss at interval
bounds, coverage), computed directly with numpy from their M5 definitions.

Run by `scripts/fixtures forecast`; writes forecast_probabilistic_accuracy.json next to itself.
"""
import json

import numpy as np
from scipy.stats import norm


def pinball(actual, bound, q):
    e = actual - bound
    return np.mean(np.maximum(q * e, (q - 1) * e))


def main():
    rng = np.random.default_rng(11)
    train = np.round(50 + np.cumsum(rng.normal(0, 2, 60)) + 6 * np.sin(np.arange(60) * 2 * np.pi / 7), 2)
    actual = np.round(train[-1] + np.cumsum(rng.normal(0, 2, 14)), 2)
    forecast = np.round(train[-1] + rng.normal(0, 1, 14), 2)
    sigma = 0.8 * np.sqrt(np.arange(1, 15))
    levels = [0.8, 0.95]
    out = {"train": train.tolist(), "actual": actual.tolist(), "forecast": forecast.tolist(), "levels": levels}
    pinballs = {1: [], 7: []}
    for lv in levels:
        z = norm.ppf(0.5 + lv / 2)
        lo, hi = forecast - z * sigma, forecast + z * sigma
        key = int(round(lv * 100))
        out[f"lower{key}"], out[f"upper{key}"] = lo.tolist(), hi.tolist()
        out[f"coverage{key}"] = float(np.mean((actual >= lo) & (actual <= hi)))
        q = (1 - lv) / 2
        for m in (1, 7):
            scale = np.mean(np.abs(train[m:] - train[:-m]))
            pinballs[m] += [pinball(actual, lo, q) / scale, pinball(actual, hi, 1 - q) / scale]
        out[f"scaled_pinball_lower{key}"] = pinballs[1][-2]
        out[f"scaled_pinball_upper{key}"] = pinballs[1][-1]
    for m in (1, 7):
        squared_scale = np.mean((train[m:] - train[:-m]) ** 2)
        out[f"rmsse{m}"] = float(np.sqrt(np.mean((actual - forecast) ** 2) / squared_scale))
        out[f"scaled_pinball{m}"] = float(np.mean(pinballs[m]))
    with open("forecast_probabilistic_accuracy.json", "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
