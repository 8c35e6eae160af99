"""Speed, accuracy and interval coverage of AutoETS with a 52-week season: statsforecast's AutoETS
against ours, on the weekly series of ets52.json (156 weeks of history, 13 held out).

    python ets52_compare.py peer             # statsforecast only -> ets52_peer.json (scratch)
    python ets52_compare.py ours BINARY      # runs BINARY ets52.json -> ets52_ours.json (scratch)
    python ets52_compare.py table            # compares the two

BINARY is the release build of ets52_bench.swift (see its header). The per-series CPU time is the
median of three fits of the whole AutoETS search (candidate models, AICc choice, 13-week forecast
with 80%/95% intervals); statsforecast is warmed up (numba compilation) before timing.
MASE is scaled by the in-sample seasonal naive (m = 52) error.
"""
import json
import subprocess
import sys
import time

import numpy as np

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def load():
    with open(f"{HERE}/ets52.json") as f:
        return json.load(f)


def mase(actual, forecast, training, m=52):
    training = np.asarray(training)
    scale = np.mean(np.abs(training[m:] - training[:-m]))
    return float(np.mean(np.abs(np.asarray(actual) - np.asarray(forecast))) / scale)


def peer():
    from statsforecast.models import AutoETS
    d = load()
    n, h = d["history"], d["holdout"]
    AutoETS(season_length=52).forecast(np.array(d["series"][0]["values"][:n]), h=h, level=[80, 95])
    out = []
    for s in d["series"]:
        y = np.array(s["values"][:n])
        times = []
        for _ in range(3):
            t0 = time.process_time()
            model = AutoETS(season_length=52)
            fc = model.forecast(y, h=h, level=[80, 95], fitted=False)
            times.append(time.process_time() - t0)
        fitted = AutoETS(season_length=52).fit(y)
        out.append({"name": s["name"], "seconds": sorted(times)[1], "model": fitted.model_["method"],
                    "mean": fc["mean"].tolist(), "lo80": fc["lo-80"].tolist(), "hi80": fc["hi-80"].tolist(),
                    "lo95": fc["lo-95"].tolist(), "hi95": fc["hi-95"].tolist()})
        print(s["name"], out[-1]["model"], f"{out[-1]['seconds']:.3f}s", file=sys.stderr)
    with open("ets52_peer.json", "w") as f:
        json.dump(out, f)


def ours(binary):
    result = subprocess.run([binary, f"{HERE}/ets52.json"], check=True, capture_output=True, text=True)
    with open("ets52_ours.json", "w") as f:
        f.write(result.stdout)


def summarise(rows, d):
    n, h = d["history"], d["holdout"]
    values = {s["name"]: s["values"] for s in d["series"]}
    masek, c80, c95, secs, seasonal = [], [], [], [], 0
    for r in rows:
        y = values[r["name"]]
        actual = np.array(y[n:n + h])
        masek.append(mase(actual, r["mean"], y[:n]))
        c80.append(np.mean((actual >= np.array(r["lo80"])) & (actual <= np.array(r["hi80"]))))
        c95.append(np.mean((actual >= np.array(r["lo95"])) & (actual <= np.array(r["hi95"]))))
        secs.append(r["seconds"])
        seasonal += r["model"].rstrip(")").endswith(("A", "M")) and not r["model"].endswith(",N)")
    return {"series": len(rows), "seasonal models": seasonal, "median s": float(np.median(secs)),
            "mean s": float(np.mean(secs)), "total s": float(np.sum(secs)), "mean MASE": float(np.mean(masek)),
            "median MASE": float(np.median(masek)), "coverage 80": float(np.mean(c80)), "coverage 95": float(np.mean(c95))}


def table():
    d = load()
    for label, path in [("statsforecast", "ets52_peer.json"), ("ours", "ets52_ours.json")]:
        try:
            with open(path) as f:
                rows = json.load(f)
        except FileNotFoundError:
            continue
        groups = {"all": rows, "synthetic": [r for r in rows if r["name"].startswith("synthetic")],
                  "co2": [r for r in rows if r["name"].startswith("co2")]}
        for g, rs in groups.items():
            s = summarise(rs, d)
            print(f"{label:13s} {g:9s} n={s['series']:2d} seasonal={s['seasonal models']:2d} "
                  f"median {s['median s'] * 1000:7.1f} ms mean {s['mean s'] * 1000:7.1f} ms  "
                  f"MASE mean {s['mean MASE']:.3f} median {s['median MASE']:.3f}  "
                  f"cover80 {s['coverage 80'] * 100:5.1f}% cover95 {s['coverage 95'] * 100:5.1f}%")


if __name__ == "__main__":
    {"peer": peer, "table": table}.get(sys.argv[1], lambda: ours(sys.argv[2]))()
