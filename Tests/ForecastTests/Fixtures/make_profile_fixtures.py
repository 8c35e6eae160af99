"""Reference values for the seasonal-profile tests of the Forecast module.

Writes seasonal_profile.json next to this script: a synthetic weekly aggregate of 96 weeks (from
Monday 2023-01-02) made as level x growth x a known yearly shape x log-normal noise, and the
statsmodels OLS fit of log(aggregate) on a constant, a linear trend in years, K yearly Fourier
pairs and optionally the shares of each week's days in four year-end windows (Thanksgiving week,
Black Friday to 10 December, 11-24 and 25-31 December), for every K,
with the AICc Restock uses, the chosen specification and the normalised factors. Run by
`scripts/fixtures forecast`; the tests read the JSON and never run Python.
"""
import datetime
import json
import math

import numpy as np
import statsmodels.api as sm

DAYS_PER_YEAR = 365.25
FIRST = 19359  # 2023-01-02, days since 1970
WEEKS = 96
AHEAD = 8
MAX_K = 20
GRID = 1461


def log_shape(day):
    """The true log-factor before normalisation: a summer-winter swing and a Christmas peak."""
    t = (np.asarray(day, float) / DAYS_PER_YEAR) % 1.0
    swing = 0.2 * np.cos(2 * np.pi * (t - 0.05))
    # A peak centred on 20 December, about two weeks wide, wrapped around the year.
    centre = 354.0 / 365.25
    distance = np.minimum(np.abs(t - centre), 1 - np.abs(t - centre))
    peak = math.log(1.9) * np.exp(-0.5 * (distance / (12 / DAYS_PER_YEAR)) ** 2)
    return swing + peak


def thanksgiving(year):
    first = datetime.date(year, 11, 1)
    return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)


def in_windows(d):
    """Whether a date is in each of the four year-end windows."""
    t = thanksgiving(d.year)
    return [t - datetime.timedelta(days=7) <= d <= t,
            t + datetime.timedelta(days=1) <= d <= datetime.date(d.year, 12, 10),
            d.month == 12 and 11 <= d.day <= 24,
            d.month == 12 and 25 <= d.day <= 31]


def holiday_shares(starts):
    """Share of each week's seven days in each window."""
    epoch = datetime.date(1970, 1, 1)
    out = []
    for start in starts:
        days = [epoch + datetime.timedelta(days=int(start) + i) for i in range(7)]
        out.append(np.mean([in_windows(d) for d in days], axis=0))
    return np.array(out)


def fourier(days, k):
    t = (np.asarray(days, float) / DAYS_PER_YEAR) % 1.0
    cols = []
    for j in range(1, k + 1):
        cols += [np.sin(2 * np.pi * j * t), np.cos(2 * np.pi * j * t)]
    return np.column_stack(cols) if cols else np.zeros((len(days), 0))


def main():
    rng = np.random.default_rng(20240607)
    mids = FIRST + 7 * np.arange(WEEKS) + 3.5
    growth = np.exp(0.08 * (mids - mids[0]) / DAYS_PER_YEAR)
    noise = np.exp(rng.normal(0.0, 0.04, WEEKS))
    aggregate = 5000.0 * growth * np.exp(log_shape(mids)) * noise

    y = np.log(aggregate)
    trend = (mids - mids.mean()) / DAYS_PER_YEAR
    shares = holiday_shares(FIRST + 7 * np.arange(WEEKS))
    fits = []
    largest = min(MAX_K, 26, (WEEKS - 6) // 2)
    for k in range(0, largest + 1):
        for holidays in (False, True):
            columns = [trend, fourier(mids, k)] + ([shares] if holidays else [])
            x = sm.add_constant(np.column_stack(columns), has_constant="add")
            p = x.shape[1]
            if WEEKS - p < 3:
                continue
            res = sm.OLS(y, x).fit()
            params = p + 1
            aicc = WEEKS * math.log(res.ssr / WEEKS) + 2 * params + 2 * params * (params + 1) / (WEEKS - params - 1)
            fits.append({"harmonics": k, "holidays": holidays, "aicc": aicc,
                         "coefficients": list(res.params[2:2 + 2 * k]),
                         "holiday_coefficients": list(res.params[2 + 2 * k:])})
    best = min(fits, key=lambda f: f["aicc"])

    # The mean daily factor over 1970-1973, each day at midday (as Restock normalises).
    grid_days = np.arange(GRID)
    grid_holidays = np.array([in_windows(datetime.date(1970, 1, 1) + datetime.timedelta(days=int(i))) for i in grid_days], float)

    def log_factors(fit, days, holiday_terms):
        k = fit["harmonics"]
        s = fourier(days, k) @ np.asarray(fit["coefficients"]) if k else np.zeros(len(days))
        if fit["holidays"]:
            s = s + holiday_terms @ np.asarray(fit["holiday_coefficients"])
        return s

    def factors(fit, weeks):
        starts = FIRST + 7 * np.arange(weeks)
        norm = np.exp(log_factors(fit, grid_days + 0.5, grid_holidays)).mean()
        return np.exp(log_factors(fit, starts + 3.5, holiday_shares(starts))) / norm

    weeks_mid = FIRST + 7 * np.arange(WEEKS + AHEAD) + 3.5
    grid = DAYS_PER_YEAR * np.arange(GRID) / GRID
    true = np.exp(log_shape(weeks_mid)) / np.exp(log_shape(grid)).mean()
    fitted = factors(best, WEEKS + AHEAD)
    out = {
        "first_week_start": FIRST,
        "aggregate": list(aggregate),
        "fits": fits,
        "chosen_harmonics": best["harmonics"],
        "chosen_holidays": best["holidays"],
        "factors": list(fitted),
        "true_factors": list(true),
        "max_relative_error_to_truth": float(np.max(np.abs(fitted / true - 1))),
    }
    with open("seasonal_profile.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("seasonal_profile.json: K =", best["harmonics"], "holidays", best["holidays"], "max relative error to truth", out["max_relative_error_to_truth"])


if __name__ == "__main__":
    main()
