"""scripts/bench forecast: Restock's chosen model per series against statsforecast's AutoARIMA, AutoETS,
MSTL and SeasonalNaive (season 52) on weekly series with three or more years of history, the last 13
weeks held out.

The series:
- set=synthetic: weekly units of every SKU of the synthetic retailer over 208 weeks (2022-01-03 to
  2025-12-28, four Christmas peaks, the last one held out), written by `bench-forecast prepare` from
  generator settings fixed in Benchmarks/forecast/SyntheticSeries.swift;
- set=public: statsmodels' weekly Mauna Loa `co2` (1958-2001, gaps interpolated linearly), the only
  weekly series statsmodels.datasets ships.
Both sides read the same long CSV (`set,series,week,value`; public values written with `repr`, so
they read back as the same doubles). Restock writes its forecasts; this script scores every model
with one function: MASE scaled by the in-sample MAE of the seasonal naive method (period 52) on each
series' history, and the share of held-out weeks inside the 80% and 95% intervals, averaged over the
series of a set.

Restock runs on all cores as the library does; each statsforecast model runs alone with n_jobs=1 and
is timed on its own, after a warm-up that compiles its numba kernels.

Options: `--series N` keeps N synthetic series spread evenly over the catalog (plus co2); `--quick` is
a smoke run of 12 synthetic series without co2; `--peer-series N` fits statsforecast's AutoARIMA
(season 52 takes it tens of seconds a series) on N series spread evenly over the run's series only,
scales its seconds to all of them, and prints its accuracy and Restock's on that subset.
"""
import argparse
import math
import os
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(__file__))
from harness import report, run_restock  # noqa: E402

HORIZON = 13
SEASON = 52
LEVELS = [80, 95]


def public_series():
    """statsmodels' weekly co2 with its 59 missing weeks interpolated, as (id, weeks, values)."""
    from statsmodels.datasets import co2
    data = co2.load_pandas().data["co2"].interpolate(method="linear")
    return [("co2", data.index, data.to_numpy(dtype=float))]


def evenly_spaced(ids, count):
    """`count` of `ids` spread evenly over the list (every category of the catalog is represented)."""
    if count >= len(ids):
        return ids
    step = len(ids) / count
    return [ids[int(k * step)] for k in range(count)]


def prepare(restock, work, synthetic_limit, with_public):
    synthetic_path = os.path.join(work, "synthetic.csv")
    completed = subprocess.run([restock, "prepare", f"out={synthetic_path}"], capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"bench: bench-forecast prepare failed:\n{completed.stderr}")
    frame = pd.read_csv(synthetic_path, dtype={"set": str, "series": str, "week": str})
    if synthetic_limit is not None:
        keep = evenly_spaced(list(frame.series.drop_duplicates()), synthetic_limit)
        frame = frame[frame.series.isin(keep)]
    lines = ["set,series,week,value"]
    lines += [f"{s},{i},{w},{v}" for s, i, w, v in frame[["set", "series", "week", "value"]].itertuples(index=False)]
    if with_public:
        for name, weeks, values in public_series():
            lines += [f"public,{name},{week:%Y-%m-%d},{float(value)!r}" for week, value in zip(weeks, values)]
    path = os.path.join(work, "series.csv")
    with open(path, "w") as file:
        file.write("\n".join(lines) + "\n")
    series = pd.read_csv(path, dtype={"set": str, "series": str}, parse_dates=["week"])
    return path, series


def split(series):
    """Training rows (unique_id, ds, y) and the held-out values per series."""
    frame = series.rename(columns={"series": "unique_id", "week": "ds", "value": "y"})
    position = frame.groupby("unique_id", sort=False).cumcount()
    length = frame.groupby("unique_id", sort=False).y.transform("size")
    train = frame[position < length - HORIZON][["unique_id", "ds", "y"]]
    return train.reset_index(drop=True), frame


def score(frame, forecasts):
    """Per series: MASE (seasonal naive scale, period 52) and the 80%/95% coverage of the held-out weeks.

    `forecasts` maps a series id to a (13, 5) array: mean, lo80, hi80, lo95, hi95.
    """
    rows = []
    for (kind, uid), group in frame.groupby(["set", "unique_id"], sort=False):
        y = group.y.to_numpy()
        history, actual = y[:-HORIZON], y[-HORIZON:]
        f = forecasts[uid]
        scale = np.mean(np.abs(history[SEASON:] - history[:-SEASON]))
        error = np.mean(np.abs(actual - f[:, 0]))
        mase = error / scale if scale > 0 else (0.0 if error == 0 else math.inf)
        inside80 = np.mean((actual >= f[:, 1]) & (actual <= f[:, 2]))
        inside95 = np.mean((actual >= f[:, 3]) & (actual <= f[:, 4]))
        rows.append((kind, uid, mase, inside80, inside95))
    return pd.DataFrame(rows, columns=["set", "unique_id", "mase", "coverage80", "coverage95"])


def restock_forecasts(path):
    table = pd.read_csv(path, dtype={"series": str, "model": str})
    models = table.groupby("series", sort=False).model.first()
    return ({uid: group[["mean", "lo80", "hi80", "lo95", "hi95"]].to_numpy(dtype=float)
             for uid, group in table.groupby("series", sort=False)}, models)


def peer_models():
    from statsforecast.models import MSTL, AutoARIMA, AutoETS, SeasonalNaive
    return {
        "statsforecast-autoarima": lambda: AutoARIMA(season_length=SEASON),
        "statsforecast-autoets": lambda: AutoETS(season_length=SEASON),
        "statsforecast-mstl": lambda: MSTL(season_length=SEASON),
        "statsforecast-seasonalnaive": lambda: SeasonalNaive(season_length=SEASON),
    }


def run_peer(make, train):
    """Fits one statsforecast model to every series and forecasts; (seconds, forecasts by series)."""
    from statsforecast import StatsForecast
    model = make()
    name = repr(model)
    engine = StatsForecast(models=[model], freq="W", n_jobs=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        result = engine.forecast(df=train, h=HORIZON, level=LEVELS)
        seconds = time.perf_counter() - start
    result = result.reset_index() if "unique_id" not in result.columns else result
    columns = [name, f"{name}-lo-80", f"{name}-hi-80", f"{name}-lo-95", f"{name}-hi-95"]
    return seconds, {uid: group[columns].to_numpy(dtype=float) for uid, group in result.groupby("unique_id", sort=False)}


def accuracy_lines(model, scores, seconds, note=""):
    for kind, group in scores.groupby("set", sort=False):
        finite = group.mase[np.isfinite(group.mase)]
        print(f"bench: forecast-accuracy model={model} set={kind} series={len(group)} mase={finite.mean():.4f} "
              f"coverage80={group.coverage80.mean():.4f} coverage95={group.coverage95.mean():.4f} "
              f"seconds={seconds:.3f}" + (f" {note}" if note else ""), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--restock", required=True)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--work", default=os.path.join(root, ".build", "bench-forecast"))
    parser.add_argument("--series", type=int, default=None, help="use only N synthetic series, evenly spaced over the catalog")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 12 synthetic series, no public series")
    parser.add_argument("--peer-series", type=int, default=None,
                        help="time the slow peers (AutoARIMA) on every k-th series only, N of them, and scale the seconds")
    parser.add_argument("--peers", default=",".join(peer_models()), help="comma-separated peers to run")
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    limit = 12 if arguments.quick and arguments.series is None else arguments.series

    path, series = prepare(arguments.restock, arguments.work, limit, with_public=not arguments.quick)
    train, frame = split(series)
    counts = frame.drop_duplicates("unique_id").set.value_counts().to_dict()
    lengths = frame.groupby("unique_id").size()
    print(f"bench: forecast-data series={len(lengths)} synthetic={counts.get('synthetic', 0)} "
          f"public={counts.get('public', 0)} weeks_min={lengths.min()} weeks_max={lengths.max()} "
          f"holdout={HORIZON} season={SEASON} mase_scale=seasonal-naive-52", flush=True)

    forecasts_path = os.path.join(arguments.work, "restock_forecasts.csv")
    restock_s, rss, metrics = run_restock(arguments.restock, "forecast", f"series={path}", f"horizon={HORIZON}",
                                          f"forecasts={forecasts_path}")
    for line in metrics:
        print("bench: restock-" + line[len("metric: "):], flush=True)
    restock, chosen = restock_forecasts(forecasts_path)
    restock_scores = score(frame, restock)
    accuracy_lines("restock-chosen", restock_scores, restock_s)

    makers = peer_models()
    ids = list(frame.unique_id.drop_duplicates())
    results = {}
    for peer in [p for p in arguments.peers.split(",") if p]:
        make = makers[peer]
        warm = train[train.unique_id == ids[0]].iloc[:60]
        run_peer(make, warm)   # numba compiles on first use; a short history keeps the warm-up cheap
        note = ""
        subset = ids
        if arguments.peer_series and peer == "statsforecast-autoarima" and arguments.peer_series < len(ids):
            subset = evenly_spaced(ids, arguments.peer_series)
        seconds, forecasts = run_peer(make, train[train.unique_id.isin(subset)])
        if len(subset) < len(ids):
            measured = seconds
            seconds *= len(ids) / len(subset)
            note = (f"subset={len(subset)}/{len(ids)} measured_s={measured:.3f} seconds_scaled_to_all "
                    f"accuracy_on_subset")
        scores = score(frame[frame.unique_id.isin(subset)], forecasts)
        results[peer] = (seconds, scores, subset)
        report("forecast", restock_s, rss, peer, seconds, note)
        accuracy_lines(peer, scores, seconds, note)
        if len(subset) < len(ids):
            accuracy_lines("restock-chosen", restock_scores[restock_scores.unique_id.isin(subset)], restock_s,
                           f"subset={len(subset)}/{len(ids)} accuracy_on_subset")

    # The targets, per set, against the best peer on the same series.
    for kind in restock_scores.set.drop_duplicates():
        ours = restock_scores[restock_scores.set == kind]
        best = None
        for peer, (_, scores, subset) in results.items():
            theirs = scores[scores.set == kind]
            if len(theirs) != len(ours):
                continue   # a peer measured on a subset is compared on that subset above
            value = theirs.mase[np.isfinite(theirs.mase)].mean()
            if best is None or value < best[1]:
                best = (peer, value)
        if best is None:
            continue
        mase = ours.mase[np.isfinite(ours.mase)].mean()
        arima = results.get("statsforecast-autoarima")
        speed = f" speedup_vs_autoarima={arima[0] / restock_s:.1f}x" if arima else ""
        print(f"bench: forecast-targets set={kind} best_peer={best[0]} mase_gain={100 * (1 - mase / best[1]):.1f}% "
              f"(target>=10%) coverage80_gap={100 * (ours.coverage80.mean() - 0.8):+.1f}pt "
              f"coverage95_gap={100 * (ours.coverage95.mean() - 0.95):+.1f}pt (target within 5pt){speed} (target>=20x)",
              flush=True)


if __name__ == "__main__":
    main()
