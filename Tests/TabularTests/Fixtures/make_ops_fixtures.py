"""Reference results of pandas for the data-frame operations of Tabular.

Takes every 180th row of ../shared/data/online-retail.csv.gz (relative to the repository root;
about 3,000 rows spanning the whole year and most countries) and writes, next to this script:

  ops_input.json     the slice, column by column, with types
  ops_expected.json  what pandas computes from it: group-by aggregations, multi-key sorts, joins of
                     every kind (including one without matches), pivots, melt, describe,
                     value_counts, distinct rows and date buckets.

Frames are written as {"columns": [{"name", "type", "values"}]}; missing values are null, dates
`yyyy-MM-dd`, date-times `yyyy-MM-dd HH:mm:ss`.
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
# The repository's sibling folder `shared`; ONLINE_RETAIL_CSV overrides it for another checkout layout.
DATA = os.environ.get(
    "ONLINE_RETAIL_CSV", os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "online-retail.csv.gz"))
STEP = 180


def column_json(name, series, kind=None):
    """One column: its type (inferred from the dtype unless given) and its values."""
    if kind is None:
        if pd.api.types.is_bool_dtype(series):
            kind = "boolean"
        elif pd.api.types.is_integer_dtype(series):
            kind = "integer"
        elif pd.api.types.is_float_dtype(series):
            kind = "double"
        elif pd.api.types.is_datetime64_any_dtype(series):
            kind = "dateTime"
        else:
            kind = "string"
    values = []
    for value in series.tolist():
        if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            values.append(None)
        elif kind == "date":
            values.append(pd.Timestamp(value).strftime("%Y-%m-%d"))
        elif kind == "dateTime":
            values.append(pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S"))
        elif kind == "integer":
            values.append(int(value))
        elif kind == "double":
            values.append(float(value))
        elif kind == "boolean":
            values.append(bool(value))
        else:
            values.append(str(value))
    return {"name": str(name), "type": kind, "values": values}


def frame_json(frame, kinds=None):
    kinds = kinds or {}
    return {"columns": [column_json(name, frame[name], kinds.get(name)) for name in frame.columns]}


def main():
    raw = pd.read_csv(DATA, dtype={"InvoiceNo": str, "StockCode": str}, parse_dates=["InvoiceDate"])
    df = raw.iloc[::STEP].reset_index(drop=True)
    df["CustomerID"] = df["CustomerID"].astype("Int64")
    expected = {"rows": len(df)}

    # Derived columns and masks.
    df["Revenue"] = df["Quantity"] * df["UnitPrice"]
    expected["revenue"] = df["Revenue"].tolist()
    expected["quantityPerPrice"] = [None if np.isnan(v) or np.isinf(v) else float(v) for v in (df["Quantity"] / df["Quantity"].abs()).tolist()]
    expected["cancelled"] = df["InvoiceNo"].str.startswith("C").tolist()
    expected["bigUK"] = ((df["Quantity"] > 10) & (df["Country"] == "United Kingdom")).tolist()
    expected["customerMissing"] = df["CustomerID"].isna().tolist()

    # Date buckets.
    expected["day"] = df["InvoiceDate"].dt.floor("D").dt.strftime("%Y-%m-%d").tolist()
    expected["week"] = df["InvoiceDate"].dt.to_period("W-SUN").dt.start_time.dt.strftime("%Y-%m-%d").tolist()
    expected["month"] = df["InvoiceDate"].dt.to_period("M").dt.start_time.dt.strftime("%Y-%m-%d").tolist()
    df_month = df.assign(Month=df["InvoiceDate"].dt.to_period("M").dt.start_time)

    # Group-by on one key, sorted keys (pandas' default).
    g = df.groupby("Country")
    by_country = pd.DataFrame({
        "Revenue_sum": g["Revenue"].sum(),
        "Revenue_mean": g["Revenue"].mean(),
        "Revenue_std": g["Revenue"].std(),
        "Revenue_median": g["Revenue"].median(),
        "Revenue_q0.9": g["Revenue"].quantile(0.9),
        "Revenue_min": g["Revenue"].min(),
        "Revenue_max": g["Revenue"].max(),
        "Quantity_sum": g["Quantity"].sum(),
        "count": g.size(),
        "CustomerID_count": g["CustomerID"].count(),
        "InvoiceNo_nunique": g["InvoiceNo"].nunique(),
        "CustomerID_nunique": g["CustomerID"].nunique(),
        "CustomerID_first": g["CustomerID"].first(),
        "CustomerID_last": g["CustomerID"].last(),
        "InvoiceDate_min": g["InvoiceDate"].min(),
        "InvoiceDate_max": g["InvoiceDate"].max(),
        "StockCode_min": g["StockCode"].min(),
        "Description_max": g["Description"].agg(lambda s: s.dropna().max()),
    }).reset_index()
    expected["groupByCountry"] = frame_json(by_country)

    # Two keys, one of them with missing values (dropped, pandas' dropna=True).
    g2 = df.groupby(["Country", "CustomerID"])
    by_customer = pd.DataFrame({
        "Revenue_sum": g2["Revenue"].sum(),
        "count": g2.size(),
        "StockCode_nunique": g2["StockCode"].nunique(),
        "InvoiceDate_max": g2["InvoiceDate"].max(),
    }).reset_index()
    expected["groupByCountryCustomer"] = frame_json(by_customer)

    # First-appearance order (sort=False).
    unsorted = df.groupby("Country", sort=False).size().rename("count").reset_index()
    expected["groupByCountryUnsorted"] = frame_json(unsorted)

    # Stable multi-key sorts, missing last in both directions: the permutation of the input rows.
    expected["sortCountryQuantityDate"] = df.sort_values(
        ["Country", "Quantity", "InvoiceDate"], ascending=[True, False, True], kind="stable", na_position="last"
    ).index.tolist()
    expected["sortCustomerDescending"] = df.sort_values(
        ["CustomerID"], ascending=[False], kind="stable", na_position="last").index.tolist()
    expected["sortPriceStock"] = df.sort_values(
        ["UnitPrice", "StockCode"], ascending=[True, True], kind="stable", na_position="last").index.tolist()

    # Joins. The right frames are built apart from the left, so text keys have other dictionaries.
    lines = df.loc[:299, ["InvoiceNo", "StockCode", "Quantity", "Country", "CustomerID"]]
    regions = pd.DataFrame({
        "Country": ["United Kingdom", "France", "Germany", "EIRE", "Spain", "Atlantis"],
        "Region": ["UK", "EU", "EU", "EU", "EU", "Myth"],
        "Quantity": [1, 2, 3, 4, 5, 6],
    })
    for how in ["inner", "left", "right", "outer"]:
        joined = lines.merge(regions, on="Country", how=how, validate="many_to_one")
        expected[f"join_{how}"] = frame_json(joined)
    expected["joinLines"] = frame_json(lines)
    expected["joinRegions"] = frame_json(regions)

    # Integer keys, outer, on per-customer summaries of two halves of the slice.
    first_half = df.iloc[: len(df) // 2].dropna(subset=["CustomerID"]).groupby("CustomerID")["Revenue"].sum().reset_index()
    second_half = df.iloc[len(df) // 2 :].dropna(subset=["CustomerID"]).groupby("CustomerID")["Quantity"].sum().reset_index()
    expected["joinFirstHalf"] = frame_json(first_half)
    expected["joinSecondHalf"] = frame_json(second_half)
    expected["join_outer_customers"] = frame_json(first_half.merge(second_half, on="CustomerID", how="outer", validate="one_to_one"))
    expected["join_inner_customers"] = frame_json(first_half.merge(second_half, on="CustomerID", how="inner", validate="one_to_one"))

    # Many-to-many on StockCode, and two keys.
    a = df.loc[:399, ["StockCode", "Country", "Quantity"]]
    b = df.loc[400:1199, ["StockCode", "Country", "UnitPrice"]]
    expected["mmLeft"] = frame_json(a)
    expected["mmRight"] = frame_json(b)
    expected["join_mm_left"] = frame_json(a.merge(b, on="StockCode", how="left"))
    expected["join_mm_inner"] = frame_json(a.merge(b, on="StockCode", how="inner"))
    expected["join_two_keys_left"] = frame_json(a.merge(b, on=["StockCode", "Country"], how="left"))

    # No matches.
    nowhere = pd.DataFrame({"Country": ["Atlantis", "Lemuria"], "Region": ["Myth", "Myth"]})
    expected["noMatchRight"] = frame_json(nowhere)
    expected["join_nomatch_inner"] = frame_json(lines.merge(nowhere, on="Country", how="inner"))
    expected["join_nomatch_left"] = frame_json(lines.merge(nowhere, on="Country", how="left"))

    # Pivot month x country and back.
    wide = pd.pivot_table(df_month, index="Month", columns="Country", values="Revenue", aggfunc="sum", fill_value=0)
    wide.columns = [str(c) for c in wide.columns]
    wide = wide.reset_index()
    expected["pivotSum"] = frame_json(wide, {"Month": "date"})
    mean_wide = pd.pivot_table(df_month, index="Month", columns="Country", values="Quantity", aggfunc="mean")
    mean_wide.columns = [str(c) for c in mean_wide.columns]
    expected["pivotMean"] = frame_json(mean_wide.reset_index(), {"Month": "date"})
    long = pd.melt(wide, id_vars=["Month"], var_name="Country", value_name="Revenue")
    expected["melt"] = frame_json(long, {"Month": "date"})

    # describe, value counts, distinct rows.
    desc = df[["Quantity", "UnitPrice", "CustomerID", "Revenue"]].astype("float64").describe()
    expected["describe"] = frame_json(desc.reset_index().rename(columns={"index": "statistic"}))
    text_desc = df[["Country", "StockCode"]].describe()
    expected["describeText"] = {c: [str(v) for v in text_desc[c].tolist()] for c in text_desc.columns}
    vc = df["StockCode"].value_counts()
    expected["valueCountsStockCode"] = {"values": [str(v) for v in vc.index], "counts": [int(v) for v in vc.tolist()]}
    vc = df["Country"].value_counts()
    expected["valueCountsCountry"] = {"values": [str(v) for v in vc.index], "counts": [int(v) for v in vc.tolist()]}
    expected["unique"] = frame_json(df[["Country", "CustomerID"]].drop_duplicates())
    expected["nunique"] = {c: int(v) for c, v in df.drop(columns=["Revenue"]).nunique().items()}

    inputs = frame_json(df.drop(columns=["Revenue"]))
    with open(os.path.join(HERE, "ops_input.json"), "w") as f:
        json.dump(inputs, f, separators=(",", ":"))
    with open(os.path.join(HERE, "ops_expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))
    print(f"ops fixtures: {len(df)} rows, pandas {pd.__version__}")


if __name__ == "__main__":
    main()
