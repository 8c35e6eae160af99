"""Reference values of CSV reading, from pandas, on a slice of the real Online Retail file.

Writes next to itself:
  csv_online_retail_slice.csv   the header and the first 5,000 records of
                                ../../../../shared/data/online-retail.csv.gz, byte for byte
                                (it holds cancellations, `C536379`, and quoted commas)
  csv_online_retail_slice.json  what pandas.read_csv reads from that slice: shape, dtypes, null
                                counts, sums of the numeric columns, distinct counts, sample cells
  csv/*.csv, csv/*.csv.gz       the catalogue of malformed inputs (each one's expected error is in
                                Tests/TabularTests/CSVMalformedTests.swift) and small valid inputs

Run by `scripts/fixtures tabular`; the Swift tests read the outputs and never run Python.
"""
import argparse
import gzip
import json
import math
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "online-retail.csv.gz")
ROWS = 5000
SAMPLE_ROWS = [0, 1, 141, 142, 1000, 2500, 4999]


def cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def write_catalogue():
    """Small hand-written inputs; the binary ones (bad UTF-8, broken gzip) are easier made here."""
    folder = os.path.join(HERE, "csv")
    os.makedirs(folder, exist_ok=True)

    def w(name, data):
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data if isinstance(data, bytes) else data.encode())

    w("unterminated_quote.csv", 'id,name,price\n1,"open quote,2.5\n2,b,3.0\n')
    w("quote_in_unquoted_field.csv", 'id,name,price\n1,a,2.5\n2,ab"c,3.0\n')
    w("character_after_quote.csv", 'id,name,price\n1,"ab"c,2.5\n')
    w("too_many_fields.csv", "id,name,price\n1,a,2.5\n2,b,3.0\n3,c,4.0,extra\n")
    w("too_few_fields.csv", "id,name,price\n1,a,2.5\n2,b\n")
    w("empty.csv", "")
    w("only_line_breaks.csv", "\r\n\n\n")
    w("duplicate_header.csv", "id,name,id\n1,a,2\n")
    w("empty_header_name.csv", "id,,price\n1,a,2.5\n")
    w("invalid_utf8.csv", b"id,name\n1,caf\xc3\xa9\n2,caf\xff\n")
    w("invalid_utf8_header.csv", b"id,n\xe9me\n1,a\n")
    w("invalid_date.csv", "id,day\n1,2011-02-27\n2,2011-02-28\n3,2011-02-30\n")
    w("invalid_time.csv", "id,at\n1,2011-01-01 10:00:00\n2,2011-01-01 25:00:00\n")
    w("schema_integer_violation.csv", "InvoiceNo,CustomerID\n536365,17850.0\n536366,17850.5\n")
    w("schema_boolean_violation.csv", "id,flag\n1,true\n2,FALSE\n3,yes\n")
    w("integer_overflow.csv", "id,count\n1,9223372036854775807\n2,9223372036854775808\n")
    # A record spread over physical lines 2-3 by a quoted line break; the short row is on line 5.
    w("error_after_embedded_newline.csv", 'id,note,price\n1,"two\nlines",2.5\n2,plain,3.0\n3,short\n')
    w("crlf_too_few_fields.csv", "id,name,price\r\n1,a,2.5\r\n2,b\r\n")
    w("semicolon_wrong_delimiter_count.csv", "id;name;price\n1;a;2,5\n2;b\n")
    data = "id,name\n" + "".join(f"{i},name {i}\n" for i in range(2000))
    packed = gzip.compress(data.encode(), mtime=0)
    w("truncated.csv.gz", packed[: len(packed) // 2])
    w("corrupt.csv.gz", packed[:10] + bytes(b ^ 0x5A for b in packed[10:60]) + packed[60:])
    w("not_gzip.csv.gz", "id,name\n1,a\n")
    # Valid inputs.
    w("small.csv.gz", gzip.compress(b'id,name,price\n1,"a, b",2.5\n2,c,\n', mtime=0))
    w("two_members.csv.gz", gzip.compress(b"id,name\n1,a\n", mtime=0) + gzip.compress(b"2,b\n3,c\n", mtime=0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=SOURCE, help="the Online Retail .csv.gz (default: the repository's sibling shared/data)")
    arguments = parser.parse_args()
    write_catalogue()
    with gzip.open(arguments.source, "rb") as source:
        lines = [source.readline() for _ in range(ROWS + 1)]
    slice_path = os.path.join(HERE, "csv_online_retail_slice.csv")
    with open(slice_path, "wb") as out:
        out.writelines(lines)

    frame = pd.read_csv(slice_path)
    numeric = [name for name in frame.columns if pd.api.types.is_numeric_dtype(frame[name])]
    text = [name for name in frame.columns if frame[name].dtype == object]
    dates = pd.to_datetime(frame["InvoiceDate"], format="%Y-%m-%d %H:%M:%S")
    reference = {
        "rows": int(frame.shape[0]),
        "columns": list(frame.columns),
        "dtypes": {name: str(frame[name].dtype) for name in frame.columns},
        "null_counts": {name: int(frame[name].isna().sum()) for name in frame.columns},
        "sums": {name: float(frame[name].sum()) for name in numeric},
        "distinct": {name: int(frame[name].nunique()) for name in text},
        "cancellations": int(frame["InvoiceNo"].astype(str).str.startswith("C").sum()),
        "invoice_date_min": str(dates.min()),
        "invoice_date_max": str(dates.max()),
        "invoice_date_seconds_sum": int((dates.astype("int64") // 10**9).sum()),
        "samples": [
            {"row": row, "values": {name: cell(frame[name].iloc[row]) for name in frame.columns}}
            for row in SAMPLE_ROWS
        ],
    }
    with open(os.path.join(HERE, "csv_online_retail_slice.json"), "w") as out:
        json.dump(reference, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
