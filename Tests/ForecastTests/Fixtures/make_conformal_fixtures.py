"""Reference values for conformal prediction intervals: statsforecast's
`ConformalIntervals(h, n_windows)` (method 'conformal_distribution') around deterministic models
(Naive, SeasonalNaive), whose fits agree exactly, so any difference is in the interval rule.

Run by `scripts/fixtures forecast`; writes forecast_conformal.json next to itself.
"""
import json

import numpy as np
from statsforecast.models import MSTL, Naive, SeasonalNaive
from statsforecast.utils import ConformalIntervals

from make_mstl_fixtures import clean, weekly_sales


def case(label, model, y, h, windows, levels, season_length=None):
    f = model.forecast(y=y, h=h, level=levels)
    out = {"label": label, "model": type(model).__name__, "season_length": season_length,
           "length": len(y), "horizon": h, "windows": windows, "levels": levels,
           "mean": clean(f["mean"])}
    for lv in levels:
        out[f"lo{lv}"] = clean(f[f"lo-{lv}"])
        out[f"hi{lv}"] = clean(f[f"hi-{lv}"])
    return out


def main():
    y = weekly_sales()
    ci = lambda h, n: ConformalIntervals(h=h, n_windows=n)
    cases = [
        case("naive", Naive(prediction_intervals=ci(8, 5)), y, 8, 5, [80, 95]),
        case("seasonal naive", SeasonalNaive(season_length=52, prediction_intervals=ci(13, 4)), y, 13, 4,
             [50, 80, 95], season_length=52),
        # 20 points and h = 8: only min(5, (20 - 1) // 8) = 2 windows fit.
        case("short", Naive(prediction_intervals=ci(8, 5)), y[:20], 8, 5, [80, 95]),
        # A level above 1 - 1/windows reaches the largest score.
        case("high level", Naive(prediction_intervals=ci(4, 3)), y[:60], 4, 3, [99]),
        # MSTL with conformal intervals calibrates its trend forecaster on the adjusted series.
        case("mstl", MSTL(season_length=52, trend_forecaster=Naive(), prediction_intervals=ci(8, 3)), y, 8, 3,
             [80, 95], season_length=52),
    ]
    with open("forecast_conformal.json", "w") as f:
        json.dump({"weekly": clean(y), "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
