"""Tabular benchmarks: Restock against pandas and polars on the full Online Retail file.

    python Benchmarks/peers/tabular.py --restock <path to bench-tabular> [--data FILE.csv.gz]
                                       [--cases read-csv,groupby-country,...] [--repeats 5]

Each case is one function below that takes a `Context` and returns a `Case`: the Restock case
name and options, and one Python statement per peer. `run` prints one `bench:` line per case and
peer (`harness.report`). Add a case by writing its function and adding it to CASES, and the Restock
side as one function in its own file in Benchmarks/tabular/, dispatched from main.swift.

The peers are called the way a user would call them:
- pandas: `pd.read_csv(path)` (it warns of mixed types in InvoiceNo on the full file, and reads it).
- polars: `pl.read_csv(path, infer_schema_length=None)`: with the default (100 rows) polars infers
  InvoiceNo as an integer and fails at `C536379`; scanning the whole file for the schema is the
  documented remedy.
"""
import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile

import harness

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(REPOSITORY, "..", "shared", "data", "online-retail.csv.gz")


class Context:
    """What every case needs: the data files."""

    def __init__(self, gz_path, plain_path):
        self.gz_path = gz_path
        self.plain_path = plain_path


class Case:
    """One benchmark case: the Restock case and its options, and each peer as a Python statement
    (run with `pd` and `pl` imported). The statements are timed in this process and run once more
    in a fresh process for their peak memory."""

    def __init__(self, name, restock_options, peers, setup=None):
        self.name = name
        self.restock_options = restock_options
        self.peers = peers
        # Per peer, a statement run once before timing (reading the file): not timed.
        self.setup = setup or {}


def read_csv(context):
    """Reading the plain CSV (48 MB) into a frame, types inferred."""
    path = context.plain_path
    return Case("read-csv", [f"path={path}"], {
        "pandas": f"pd.read_csv({path!r})",
        "polars": f"pl.read_csv({path!r}, infer_schema_length=None)",
    })


def read_csv_gz(context):
    """Reading the gzip-compressed CSV (7.6 MB) into a frame, types inferred."""
    path = context.gz_path
    return Case("read-csv-gz", [f"path={path}"], {
        "pandas": f"pd.read_csv({path!r})",
        "polars": f"pl.read_csv({path!r}, infer_schema_length=None)",
    })


def sales_setup(path):
    """Both peers read the file with Revenue = Quantity x UnitPrice before the timed work."""
    return {
        "pandas": f"df = pd.read_csv({path!r}, parse_dates=['InvoiceDate']); "
                  "df['Revenue'] = df.Quantity * df.UnitPrice",
        "polars": f"df = pl.read_csv({path!r}, infer_schema_length=None, try_parse_dates=True)"
                  ".with_columns((pl.col('Quantity') * pl.col('UnitPrice')).alias('Revenue'))",
    }


def groupby_country(context):
    """Revenue, distinct invoices and units per country (38 groups)."""
    return Case("groupby-country", [f"path={context.gz_path}"], {
        "pandas": "df.groupby('Country').agg(Revenue=('Revenue', 'sum'), "
                  "InvoiceNo=('InvoiceNo', 'nunique'), units=('Quantity', 'sum'))",
        "polars": "df.group_by('Country').agg(pl.col('Revenue').sum(), pl.col('InvoiceNo').n_unique(), pl.col('Quantity').sum())",
    }, sales_setup(context.gz_path))


def groupby_customer(context):
    """The RFM inputs per customer: last purchase, distinct invoices, revenue (4,372 groups)."""
    return Case("groupby-customer", [f"path={context.gz_path}"], {
        "pandas": "df.groupby('CustomerID').agg(last=('InvoiceDate', 'max'), "
                  "invoices=('InvoiceNo', 'nunique'), revenue=('Revenue', 'sum'))",
        "polars": "df.group_by('CustomerID').agg(pl.col('InvoiceDate').max(), "
                  "pl.col('InvoiceNo').n_unique(), pl.col('Revenue').sum())",
    }, sales_setup(context.gz_path))


def pivot_month_country(context):
    """Revenue by month (rows) and country (columns), the month floored inside the timed work."""
    return Case("pivot-month-country", [f"path={context.gz_path}"], {
        "pandas": "df.groupby([df.InvoiceDate.dt.to_period('M'), 'Country']).Revenue.sum().unstack()",
        "polars": "df.with_columns(pl.col('InvoiceDate').dt.truncate('1mo').alias('Month'))"
                  ".pivot(on='Country', index='Month', values='Revenue', aggregate_function='sum')",
    }, sales_setup(context.gz_path))


CASES = {
    "read-csv": read_csv,
    "read-csv-gz": read_csv_gz,
    "groupby-country": groupby_country,
    "groupby-customer": groupby_customer,
    "pivot-month-country": pivot_month_country,
}

PRELUDE = "import warnings; warnings.simplefilter('ignore'); import pandas as pd, polars as pl"


def peak_rss_mb(statement, setup=""):
    """Peak resident set of a fresh Python process that imports the peers and runs `setup` and
    `statement` once: the memory a user's script needs for it."""
    prefix = f"{setup}; " if setup else ""
    code = f"{PRELUDE}; import resource; {prefix}{statement}; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"bench: peer statement failed: {statement}\n{completed.stderr}")
    return float(completed.stdout.strip().splitlines()[-1])


def run(cases, restock, repeats):
    # Linux carries a process's peak resident set across fork and exec, so every child process is
    # started first, while this process is still small; the peers are imported and timed after.
    measured = []
    for case in cases:
        restock_s, restock_rss, _ = harness.run_restock(restock, case.name, f"repeats={repeats}", *case.restock_options)
        peer_rss = {peer: peak_rss_mb(statement, case.setup.get(peer, "")) for peer, statement in case.peers.items()}
        measured.append((case, restock_s, restock_rss, peer_rss))
    namespace = {}
    exec(PRELUDE, namespace)
    for case, restock_s, restock_rss, peer_rss in measured:
        for peer, statement in case.peers.items():
            if peer in case.setup:
                exec(case.setup[peer], namespace)
            code = compile(statement, f"<{case.name} {peer}>", "eval")
            peer_s, _ = harness.time_peer(lambda: eval(code, namespace), repeats)
            harness.report(case.name, restock_s, restock_rss, peer, peer_s, extra=f"{peer}_rss_mb={peer_rss[peer]:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--restock", required=True, help="the bench-tabular executable")
    parser.add_argument("--data", default=DEFAULT_DATA, help="Online Retail .csv.gz (default: %(default)s)")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases (default: all)")
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()
    names = [name for name in arguments.cases.split(",") if name]
    unknown = [name for name in names if name not in CASES]
    if unknown:
        sys.exit(f"bench: no case named {', '.join(unknown)}; the cases are {', '.join(CASES)}")
    if not os.path.exists(arguments.data):
        sys.exit(f"bench: no data file at {arguments.data}")
    with tempfile.TemporaryDirectory() as folder:
        plain = os.path.join(folder, "online-retail.csv")
        with gzip.open(arguments.data, "rb") as source, open(plain, "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
        context = Context(os.path.abspath(arguments.data), plain)
        run([CASES[name](context) for name in names], arguments.restock, arguments.repeats)


if __name__ == "__main__":
    main()
