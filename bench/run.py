"""Benchmark ours, raw httpx and the Stainless SDK side by side, in one run; print a table and write JSON.

    nox -s bench                       # the three clients (Stainless's in its own venv)
    python bench/run.py --rounds 5     # ours and raw httpx only, with this interpreter

Each figure is the median over several rounds, each round a fresh process per client, the clients interleaved
round by round so that a noisy neighbour hits all of them alike. Ratios are to raw httpx in the same run.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORKER = str(HERE / "worker.py")

# measure -> (field, direction, target as a ratio to raw httpx, or an absolute limit in MB above it)
FIGURES: dict[str, tuple[str, str, str]] = {
    "import": ("seconds", "lower", "ratio <= 1.15"),
    "cold": ("seconds", "lower", "ratio <= 1.20"),
    "per_call": ("seconds", "lower", "ratio <= 1.20"),
    "loopback": ("seconds", "lower", "ratio <= 1.05"),
    "async": ("calls_per_second", "higher", "ratio >= 0.97"),
    "rss_import": ("after_import_mb", "lower", "delta <= 3"),
    "rss_calls": ("after_calls_mb", "lower", "delta <= 3"),
}
LABELS = {
    "import": "import (wall time)",
    "cold": "cold start: import + client + 1 loopback call",
    "per_call": "client cost per call (in-process transport)",
    "loopback": "sync call over loopback",
    "async": "async throughput, 50 concurrent (calls/s)",
    "rss_import": "RSS after import (MB)",
    "rss_calls": "RSS after 2000 calls (MB)",
}


def run_worker(python: str, kind: str, measure: str, base_url: str) -> dict[str, float]:
    out = subprocess.run([python, WORKER, kind, measure, base_url], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} {measure} failed:\n{out.stderr}")
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def start_server(python: str) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen([python, str(HERE / "fixtures.py"), "serve", "0"], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    return server, server.stdout.readline().strip()


def collect(clients: dict[str, str], rounds: int, imports: int, base_url: str) -> dict[str, dict[str, list[float]]]:
    samples: dict[str, dict[str, list[float]]] = {kind: {} for kind in clients}
    plan = [
        ("import", imports),
        ("cold", rounds),
        ("per_call", rounds),
        ("loopback", rounds),
        ("async", rounds),
        ("rss", rounds),
    ]
    for measure, count in plan:
        for _ in range(count):
            for kind, python in clients.items():
                result = run_worker(python, kind, measure, base_url)
                for field, value in result.items():
                    name = measure if measure != "rss" else ("rss_import" if "import" in field else "rss_calls")
                    samples[kind].setdefault(name, []).append(value)
        print(f"  {measure}: {count} rounds done", file=sys.stderr, flush=True)
    return samples


def summarise(samples: dict[str, dict[str, list[float]]]) -> dict[str, Any]:
    """Medians of each figure, and each ratio as the median of the per-round ratios.

    Rounds run the clients back to back, so a round's ratio compares like with like even when the machine's load
    drifts between rounds; the median of those ratios is steadier than a ratio of medians.
    """
    medians = {
        kind: {name: statistics.median(values) for name, values in figures.items()} for kind, figures in samples.items()
    }
    base = medians["httpx"]
    report: dict[str, Any] = {}
    for name, (_, _, target) in FIGURES.items():
        row: dict[str, Any] = {"target": target, "httpx": base[name]}
        for kind in medians:
            if kind == "httpx":
                continue
            row[kind] = medians[kind][name]
            pairs = list(zip(samples[kind][name], samples["httpx"][name], strict=True))
            if target.startswith("delta"):
                row[f"{kind}_delta_mb"] = statistics.median(ours - raw for ours, raw in pairs)
            else:
                row[f"{kind}_ratio"] = statistics.median(ours / raw for ours, raw in pairs)
        kind, limit = "ours", float(target.split()[-1])
        if target.startswith("delta"):
            row["met"] = row[f"{kind}_delta_mb"] <= limit
        elif ">=" in target:
            row["met"] = row[f"{kind}_ratio"] >= limit
        else:
            row["met"] = row[f"{kind}_ratio"] <= limit
        report[name] = row
    return report


def fmt(name: str, value: float) -> str:
    if name.startswith("rss"):
        return f"{value:.1f} MB"
    if name == "async":
        return f"{value:.0f}/s"
    return f"{value * 1e3:.2f} ms" if value >= 1e-3 else f"{value * 1e6:.0f} us"


def print_table(report: dict[str, Any], kinds: list[str]) -> None:
    header = f"{'figure':46} {'raw httpx':>11}" + "".join(f" {kind:>11} {'ratio':>7}" for kind in kinds)
    print(header + f"  {'target (ours)':>14}")
    print("-" * len(header) + "-" * 16)
    for name, row in report.items():
        line = f"{LABELS[name]:46} {fmt(name, row['httpx']):>11}"
        for kind in kinds:
            rel = row.get(f"{kind}_ratio")
            rel_text = f"{rel:.2f}x" if rel is not None else f"{row[f'{kind}_delta_mb']:+.1f}"
            line += f" {fmt(name, row[kind]):>11} {rel_text:>7}"
        print(line + f"  {row['target']:>10} {'ok' if row['met'] else 'MISSED':>3}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per figure and client (default 5)")
    parser.add_argument("--imports", type=int, default=15, help="fresh processes for the import figure (>= 10)")
    parser.add_argument("--stainless-python", help="an interpreter whose venv has adaption==0.1.0 from PyPI")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--check", action="store_true", help="exit 1 when one of our targets is missed")
    args = parser.parse_args()

    clients = {"httpx": sys.executable, "ours": sys.executable}
    if args.stainless_python:
        clients["stainless"] = args.stainless_python
    server, base_url = start_server(sys.executable)
    try:
        started = time.time()
        samples = collect(clients, args.rounds, args.imports, base_url)
    finally:
        server.terminate()
        server.wait()
    report = summarise(samples)
    kinds = [kind for kind in clients if kind != "httpx"]
    print_table(report, kinds)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
                "python": platform.python_version(),
                "machine": platform.machine(),
                "rounds": args.rounds,
                "imports": args.imports,
                "figures": report,
                "samples": samples,
            },
            indent=2,
        )
    )
    print(f"\nwrote {args.json}")
    missed = [name for name, row in report.items() if not row["met"]]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
