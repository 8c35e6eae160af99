"""Shared harness of the benchmarks: runs a Restock case in its own process, times a Python peer in
this one, and prints one comparison line per case and peer:

    bench: <case> restock_s=<median> <peer>_s=<median> ratio=<restock/peer> restock_rss_mb=<peak>
"""
import gc
import resource
import statistics
import subprocess
import sys
import time


def run_restock(binary, case, *options):
    """Runs `binary case options...`; returns (median seconds, peak RSS MiB, metric lines)."""
    completed = subprocess.run([binary, case, *options], capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"bench: restock case {case} failed:\n{completed.stderr}")
    median = rss = None
    metrics = []
    for line in completed.stdout.splitlines():
        if line.startswith("result: "):
            fields = dict(part.split("=", 1) for part in line.split()[2:])
            median, rss = float(fields["median_s"]), float(fields["rss_mb"])
        elif line.startswith("metric: "):
            metrics.append(line)
    if median is None:
        sys.exit(f"bench: restock case {case} printed no result line:\n{completed.stdout}")
    return median, rss, metrics


def time_peer(function, repeats=5):
    """Median wall time of `function()` over `repeats` runs, with garbage collection between runs."""
    seconds = []
    result = None
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), result


def peak_rss_mb():
    """This process's peak resident set in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(case, restock_s, restock_rss_mb, peer, peer_s, extra=""):
    ratio = restock_s / peer_s if peer_s > 0 else float("inf")
    line = (f"bench: {case} restock_s={restock_s:.4f} {peer}_s={peer_s:.4f} "
            f"ratio={ratio:.3f} restock_rss_mb={restock_rss_mb:.1f}")
    print(line + (f" {extra}" if extra else ""), flush=True)
