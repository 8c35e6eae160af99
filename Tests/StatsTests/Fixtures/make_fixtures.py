"""Reference values for the Stats tests, from the Python libraries users trust.

Run by `scripts/fixtures stats` (in a throw-away virtual environment); writes the JSON and CSV files
next to itself. The Swift tests read these files and never run Python.

Datasets are generated here with fixed seeds and saved (CSV/JSON), so both sides use the same numbers.
"""
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import sklearn
import statsmodels
import statsmodels.api as sm
from scipy import stats
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_samples, silhouette_score
from sklearn.preprocessing import RobustScaler, StandardScaler

HERE = Path(__file__).resolve().parent
VERSIONS = {
    "numpy": np.__version__, "pandas": pd.__version__, "scipy": scipy.__version__,
    "statsmodels": statsmodels.__version__, "scikit-learn": sklearn.__version__,
}


def clean(value):
    """JSON cannot hold NaN/inf: write them as strings the Swift decoder maps back."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return clean(value.tolist())
    if isinstance(value, (np.floating, float)):
        value = float(value)
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, np.integer):
        return int(value)
    return value


def write(name, payload):
    payload = {"versions": VERSIONS, **payload}
    (HERE / name).write_text(json.dumps(clean(payload), indent=1) + "\n")


def write_csv(name, matrix, header):
    pd.DataFrame(matrix, columns=header).to_csv(HERE / name, index=False, float_format="%.17g")


# MARK: descriptive statistics and correlation
def descriptive():
    rng = np.random.default_rng(20240601)
    normal = rng.normal(10, 3, 57)
    normal[[3, 17, 40]] = np.nan
    skewed = rng.lognormal(0, 0.8, 40)
    ties = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4], dtype=float)
    small = np.array([2.5, -1.0, 7.25])
    samples = {"normal": normal, "skewed": skewed, "ties": ties, "small": small}
    probabilities = [0.0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.6, 0.75, 0.9, 0.99, 1.0]
    methods = {
        "linear": "linear", "lower": "lower", "higher": "higher", "nearest": "nearest",
        "midpoint": "midpoint", "interpolatedInvertedCDF": "interpolated_inverted_cdf",
        "hazen": "hazen", "weibull": "weibull", "medianUnbiased": "median_unbiased",
        "normalUnbiased": "normal_unbiased",
    }
    out = {}
    for name, x in samples.items():
        s = pd.Series(x)
        finite = x[~np.isnan(x)]
        out[name] = {
            "values": x,
            "mean": s.mean(), "var1": s.var(), "var0": s.var(ddof=0), "std1": s.std(),
            "skew": s.skew(), "kurt": s.kurt(),
            "skewBiased": stats.skew(finite), "kurtBiased": stats.kurtosis(finite),
            "min": s.min(), "max": s.max(), "median": s.median(),
            "probabilities": probabilities,
            "quantiles": {key: np.quantile(finite, probabilities, method=m) for key, m in methods.items()},
            "ranks": s.rank(method="average").to_numpy(),
        }
    x = rng.normal(0, 1, 60)
    y = 0.6 * x + rng.normal(0, 0.8, 60)
    y[[5, 22]] = np.nan
    x[[9]] = np.nan
    a = ties
    b = np.array([2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4, 5, 2, 3, 5, 3], dtype=float)
    correlation = {
        "x": x, "y": y,
        "pearson": pd.Series(x).corr(pd.Series(y)),
        "spearman": pd.Series(x).corr(pd.Series(y), method="spearman"),
        "tiesA": a, "tiesB": b,
        "tiesPearson": stats.pearsonr(a, b).statistic,
        "tiesSpearman": stats.spearmanr(a, b).statistic,
    }
    write("descriptive.json", {"samples": out, "correlation": correlation})


# MARK: scaling
def scaling():
    rng = np.random.default_rng(7)
    data = np.column_stack([
        rng.normal(100, 15, 30), rng.lognormal(2, 1, 30), np.full(30, 4.2), rng.integers(0, 5, 30).astype(float),
    ])
    data[4, 0] = np.nan
    data[11, 1] = np.nan
    standard = StandardScaler().fit(data)
    robust = RobustScaler().fit(data)
    write("scaling.json", {
        "data": data,
        "standardMean": standard.mean_, "standardScale": standard.scale_,
        "standardTransformed": standard.transform(data),
        "robustCenter": robust.center_, "robustScale": robust.scale_,
        "robustTransformed": robust.transform(data),
    })


# MARK: distributions
def distributions():
    probabilities = [1e-12, 1e-10, 1e-6, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 1e-6]
    t_points = [-50.0, -6.5, -2.0, -0.3, 0.0, 0.1, 1.0, 2.5, 12.0, 300.0]
    chi_points = [1e-6, 0.01, 0.5, 1.0, 2.0, 5.0, 10.0, 40.0, 150.0, 1100.0]
    t_cases = []
    for df in [1, 2, 3, 5.5, 10, 30, 100, 1000]:
        t_cases.append({
            "df": df, "points": t_points, "cdf": stats.t.cdf(t_points, df), "sf": stats.t.sf(t_points, df),
            "pdf": stats.t.pdf(t_points, df),
            "probabilities": probabilities, "ppf": stats.t.ppf(probabilities, df),
        })
    chi_cases = []
    for df in [0.5, 1, 2, 3, 7.5, 10, 50, 200, 1000]:
        chi_cases.append({
            "df": df, "points": chi_points, "cdf": stats.chi2.cdf(chi_points, df), "sf": stats.chi2.sf(chi_points, df),
            "pdf": stats.chi2.pdf(chi_points, df),
            "probabilities": probabilities, "ppf": stats.chi2.ppf(probabilities, df),
        })
    write("distributions.json", {"studentT": t_cases, "chiSquared": chi_cases})


# MARK: OLS
def ols():
    rng = np.random.default_rng(42)
    n = 60
    x = np.column_stack([rng.normal(0, 1, n), rng.uniform(0, 10, n), rng.normal(5, 2, n)])
    x[:, 2] += 0.5 * x[:, 0]  # correlated regressors
    y = 1.5 + 2.0 * x[:, 0] - 0.3 * x[:, 1] + 0.8 * x[:, 2] + rng.normal(0, 1.2, n)
    cases = {}
    for name, design in [("intercept", sm.add_constant(x)), ("noIntercept", x)]:
        fit = sm.OLS(y, design).fit()
        cases[name] = {
            "params": fit.params, "bse": fit.bse, "tvalues": fit.tvalues, "pvalues": fit.pvalues,
            "rsquared": fit.rsquared, "rsquaredAdj": fit.rsquared_adj, "scale": fit.scale, "ssr": fit.ssr,
            "dfResid": fit.df_resid,
        }
    write("ols.json", {"x": x, "y": y, **cases})


# MARK: PCA
def pca():
    rng = np.random.default_rng(3)
    latent = rng.normal(0, 1, (150, 2))
    mixing = np.array([[2.0, 0.5, -1.0, 0.3], [0.0, 1.5, 0.7, -0.4]])
    data = latent @ mixing + rng.normal(0, 0.3, (150, 4)) + np.array([10, -3, 0.5, 100])
    full = PCA(svd_solver="full").fit(data)
    two = PCA(n_components=2, svd_solver="full").fit(data)
    write("pca.json", {
        "data": data,
        "components": full.components_, "explainedVariance": full.explained_variance_,
        "explainedVarianceRatio": full.explained_variance_ratio_, "singularValues": full.singular_values_,
        "mean": full.mean_, "transformed": full.transform(data),
        "twoComponents": two.components_, "twoRatio": two.explained_variance_ratio_,
        "twoTransformed": two.transform(data),
    })


# MARK: bootstrap
def bootstrap():
    rng = np.random.default_rng(11)
    a = rng.normal(50, 12, 120)
    b = rng.normal(46, 10, 90)
    mean_ci = stats.bootstrap((a,), np.mean, n_resamples=9999, method="percentile", random_state=0).confidence_interval
    median_ci = stats.bootstrap((a,), np.median, n_resamples=9999, method="percentile", random_state=0).confidence_interval
    diff_ci = stats.bootstrap((a, b), lambda u, v, axis=-1: np.mean(u, axis=axis) - np.mean(v, axis=axis),
                              n_resamples=9999, method="percentile", random_state=0).confidence_interval
    write("bootstrap.json", {
        "a": a, "b": b,
        "meanLow": mean_ci.low, "meanHigh": mean_ci.high,
        "medianLow": median_ci.low, "medianHigh": median_ci.high,
        "differenceLow": diff_ci.low, "differenceHigh": diff_ci.high,
    })


# MARK: seeded generator (an independent implementation of the published algorithms)
def random_streams():
    mask = (1 << 64) - 1

    def splitmix(state):
        while True:
            state = (state + 0x9E3779B97F4A7C15) & mask
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
            yield z ^ (z >> 31)

    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & mask

    def xoshiro(seed, count):
        mixer = splitmix(seed)
        s = [next(mixer) for _ in range(4)]
        out = []
        for _ in range(count):
            result = (rotl((s[1] * 5) & mask, 7) * 9) & mask
            t = (s[1] << 17) & mask
            s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
            s[3] = rotl(s[3], 45)
            out.append(result)
        return out

    mixer = splitmix(0)
    payload = {
        "splitmix64Seed0": [str(next(mixer)) for _ in range(5)],
        "xoshiroSeed42": [str(v) for v in xoshiro(42, 8)],
        "xoshiroSeed0": [str(v) for v in xoshiro(0, 8)],
    }
    write("random.json", payload)


# MARK: k-means and silhouette
def clustering():
    blobs, _ = make_blobs(n_samples=600, centers=4, n_features=3, cluster_std=[1.0, 1.5, 0.7, 2.0], random_state=0)
    write_csv("blobs.csv", blobs, ["x", "y", "z"])
    rng = np.random.default_rng(5)
    # Customers' recency, frequency and monetary value: skewed, unclustered, then log and standard scaling.
    recency = rng.gamma(1.2, 60, 1000) + 1
    frequency = rng.negative_binomial(2, 0.3, 1000) + 1
    monetary = frequency * rng.lognormal(3, 0.7, 1000)
    rfm = StandardScaler().fit_transform(np.log(np.column_stack([recency, frequency, monetary])))
    write_csv("rfm.csv", rfm, ["recency", "frequency", "monetary"])
    cases = []
    for name, data in [("blobs", blobs), ("rfm", rfm)]:
        for k in range(2, 8):
            model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(data)
            # A fixed seed is one draw from the distribution of best-of-10 results; the median over
            # 11 seeds is the typical result the tests compare with.
            typical = np.median([KMeans(n_clusters=k, n_init=10, random_state=s).fit(data).inertia_ for s in range(11)])
            case = {
                "dataset": name, "k": k, "inertia": model.inertia_, "iterations": model.n_iter_,
                "inertiaMedian11Seeds": typical,
                "labels": model.labels_, "silhouetteScore": silhouette_score(data, model.labels_),
            }
            if k in (3, 5):
                case["silhouetteSamples"] = silhouette_samples(data, model.labels_)
            cases.append(case)
    # Labels that are not 0..<k, with a singleton cluster (its silhouette is 0).
    odd_labels = np.where(blobs[:, 0] > np.median(blobs[:, 0]), 7, -3)
    odd_labels[10] = 42
    special = {
        "labels": odd_labels, "silhouetteSamples": silhouette_samples(blobs, odd_labels),
        "silhouetteScore": silhouette_score(blobs, odd_labels),
    }
    write("kmeans.json", {"cases": cases, "oddLabels": special})


def lloyd():
    """Lloyd's iterations alone, from given centres: labels, centres, inertia and n_iter must agree."""
    cases = []
    for name in ["blobs", "rfm"]:
        data = pd.read_csv(HERE / f"{name}.csv").to_numpy()
        rows = [0, 50, 100, 150, 200]
        model = KMeans(n_clusters=5, init=data[rows], n_init=1).fit(data)
        cases.append({
            "dataset": name, "initialRows": rows, "inertia": model.inertia_, "iterations": model.n_iter_,
            "labels": model.labels_, "centroids": model.cluster_centers_,
        })
    write("lloyd.json", {"cases": cases})


SECTIONS = {
    "descriptive": descriptive, "scaling": scaling, "distributions": distributions, "ols": ols, "pca": pca,
    "bootstrap": bootstrap, "random": random_streams, "clustering": clustering, "lloyd": lloyd,
}

if __name__ == "__main__":
    import sys
    for section in sys.argv[1:] or list(SECTIONS):
        SECTIONS[section]()
