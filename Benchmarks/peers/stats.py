"""scripts/bench stats: Restock's ARIMA, auto-ARIMA, k-means and silhouette against statsmodels,
statsforecast and scikit-learn, on the same inputs in one run.

Inputs are prepared here once, from the real Online Retail file, and written to a work folder that both
sides read: the weekly unit sales of the 200 best-selling StockCodes (one row per series) and the
customers' log-scaled RFM features.
"""
import argparse
import os
import sys
import warnings

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(__file__))
from harness import report, run_restock, time_peer  # noqa: E402

HOLDOUT = 8


def prepare(data_path, work):
    frame = pd.read_csv(data_path, dtype={"InvoiceNo": str, "StockCode": str}, parse_dates=["InvoiceDate"])
    frame = frame[(frame.Quantity > 0) & (frame.UnitPrice > 0) & ~frame.InvoiceNo.str.startswith("C")]
    top = frame.groupby("StockCode").Quantity.sum().nlargest(200).index
    sales = frame[frame.StockCode.isin(top)]
    weekly = (sales.set_index("InvoiceDate").groupby("StockCode").Quantity.resample("W-MON").sum()
              .unstack(fill_value=0).reindex(top).fillna(0))
    series_path = os.path.join(work, "series.csv")
    weekly.to_csv(series_path, header=[f"w{i}" for i in range(weekly.shape[1])], index_label="StockCode")

    customers = frame.dropna(subset=["CustomerID"]).assign(Revenue=lambda f: f.Quantity * f.UnitPrice)
    end = customers.InvoiceDate.max() + pd.Timedelta(days=1)
    rfm = customers.groupby("CustomerID").agg(
        recency=("InvoiceDate", lambda d: (end - d.max()).days),
        frequency=("InvoiceNo", "nunique"), monetary=("Revenue", "sum"))
    features = np.log1p(rfm.clip(lower=0))
    features = (features - features.mean()) / features.std(ddof=0)
    features_path = os.path.join(work, "features.csv")
    features.to_csv(features_path, index=False)
    return weekly.to_numpy(dtype=float), series_path, features.to_numpy(), features_path


def mase(train, actual, forecast):
    scale = np.mean(np.abs(np.diff(train)))
    return np.mean(np.abs(actual - forecast)) / scale if scale > 0 else np.nan


def arima_fits(series):
    """ARIMA(1,1,1) by exact maximum likelihood, as ARMA(1,1) on the first differences.

    Both sides then maximise the same likelihood: the stationary ARMA likelihood of the differenced
    series. statsmodels' ARIMA(1,1,1) on the levels instead starts the integrated state with an
    approximate diffuse prior (variance 1e6), which is not diffuse for weekly unit sales whose
    innovation variance runs from 1e5 to 1e8, and its log-likelihoods are then off by up to 2.
    """
    from statsmodels.tsa.arima.model import ARIMA
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [ARIMA(np.diff(y), order=(1, 0, 1), trend="n").fit().llf for y in series]


def auto_arima(series):
    from statsforecast.models import AutoARIMA
    scores = []
    for y in series:
        train, test = y[:-HOLDOUT], y[-HOLDOUT:]
        forecast = AutoARIMA(season_length=1).fit(train).predict(HOLDOUT)["mean"]
        scores.append(mase(train, test, forecast))
    return scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--restock", required=True)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--data", default=os.path.join(root, "..", "shared", "data", "online-retail.csv.gz"))
    parser.add_argument("--work", default=os.path.join(root, ".build", "bench-stats"))
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    series, series_path, features, features_path = prepare(arguments.data, arguments.work)

    # ARIMA(1,1,1) on every series: time, and log-likelihoods compared series by series.
    llf_path = os.path.join(arguments.work, "restock_llf.txt")
    restock_s, rss, _ = run_restock(arguments.restock, "arima", f"series={series_path}", f"llf_out={llf_path}")
    statsmodels_s, llf = time_peer(lambda: arima_fits(series), repeats=1)
    restock_llf = np.loadtxt(llf_path, ndmin=2)[:, 0]
    worse = int(np.sum(restock_llf < np.array(llf) - 1e-3))
    report("arima-111", restock_s, rss, "statsmodels", statsmodels_s,
           f"series={len(series)} restock_llf_worse={worse} mean_llf_diff={np.mean(restock_llf - llf):.5f}")

    # Auto-ARIMA with the last weeks held out; statsforecast compiles with numba on first use.
    auto_arima(series[:1])
    restock_s, rss, metrics = run_restock(arguments.restock, "auto-arima", f"series={series_path}", f"holdout={HOLDOUT}")
    statsforecast_s, scores = time_peer(lambda: auto_arima(series), repeats=1)
    restock_mase = next((m.split("mean_mase=")[1].split()[0] for m in metrics if "mean_mase=" in m), "nan")
    report("auto-arima", restock_s, rss, "statsforecast", statsforecast_s,
           f"restock_mean_mase={float(restock_mase):.4f} statsforecast_mean_mase={np.nanmean(scores):.4f}")

    # k-means, k = 5 with 10 starts, and the silhouette of the result.
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    restock_s, rss, metrics = run_restock(arguments.restock, "kmeans", f"features={features_path}")
    sklearn_s, model = time_peer(lambda: KMeans(n_clusters=5, n_init=10, random_state=0).fit(features))
    restock_inertia = next((m.split("inertia=")[1].split()[0] for m in metrics if "inertia=" in m), "nan")
    report("kmeans", restock_s, rss, "sklearn", sklearn_s,
           f"rows={len(features)} restock_inertia={float(restock_inertia):.4f} sklearn_inertia={model.inertia_:.4f}")

    labels = model.labels_
    labels_path = os.path.join(arguments.work, "labels.txt")
    np.savetxt(labels_path, labels, fmt="%d")
    restock_s, rss, metrics = run_restock(arguments.restock, "silhouette", f"features={features_path}", f"labels={labels_path}")
    sklearn_s, score = time_peer(lambda: silhouette_score(features, labels))
    restock_score = next((m.split("silhouette=")[1].split()[0] for m in metrics if "silhouette=" in m), "nan")
    report("silhouette", restock_s, rss, "sklearn", sklearn_s,
           f"restock_silhouette={float(restock_score):.10f} sklearn_silhouette={score:.10f}")


if __name__ == "__main__":
    main()
