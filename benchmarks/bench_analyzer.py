"""Benchmark the analyzer: load time, one-statement latency, batch throughput.

    python benchmarks/bench_analyzer.py [--n 600] [--repeats 3]

Throughput is measured side by side in one run: the bare embedding model
(``Embedder.embed`` on the same texts, same batching) against ``analyze_many``,
alternating, best of ``--repeats`` each, so machine noise hits both alike.
Texts are the held-out stance statements (inputs only; no labels are used).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BARS = {"load_s": 1.0, "p50_ms": 10.0, "ratio": 0.85}


def texts(n: int) -> list[str]:
    path = REPO / "corpus" / "heldout" / "stance.jsonl"
    rows = [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return rows[:n]


class TimedDetector:
    """Wraps the real crisis detector to count the time spent in it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0

    def detect(self, text: str, *, embedding: Any = None) -> Any:
        t0 = time.perf_counter()
        try:
            return self.inner.detect(text, embedding=embedding)
        finally:
            self.seconds += time.perf_counter() - t0


def cli_imports_onnxruntime() -> str:
    """Whether importing the CLI (or ``python -m selfkind --help``) loads onnxruntime."""
    probe = (
        "import sys, importlib\n"
        "try:\n    importlib.import_module('selfkind.cli.app')\n"
        "except ImportError as e:\n    print('absent', e); raise SystemExit(0)\n"
        "print('loaded' if 'onnxruntime' in sys.modules else 'clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=REPO, check=False)
    return (out.stdout.strip() or out.stderr.strip().splitlines()[-1]) if out else "?"


def help_imports_onnxruntime() -> str:
    """Whether ``python -m selfkind --help`` loads onnxruntime (via -X importtime)."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "selfkind", "--help"],
                         capture_output=True, text=True, cwd=REPO, check=False)
    if out.returncode != 0:
        return f"not runnable yet (exit {out.returncode})"
    return "loaded" if "onnxruntime" in out.stderr else "clean"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=525)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    from selfkind.analysis import build_analyzer
    from selfkind.analysis.crisis.detector import build_detector
    from selfkind.settings import Settings

    timed = TimedDetector(build_detector())
    engine = build_analyzer(Settings(reframe_url=None), detector=timed)
    load = time.perf_counter() - started
    print(f"model load (import + build, crisis detector included): {load:.3f} s"
          f"  [bar <= {BARS['load_s']} s]")

    sample = texts(args.n)
    engine.analyze(sample[0])  # warm-up
    latencies = []
    for text in sample[:200]:
        t0 = time.perf_counter()
        engine.analyze(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"one statement after load: p50 {p50:.2f} ms, p95 {p95:.2f} ms"
          f"  [bar p50 <= {BARS['p50_ms']} ms]")

    embedder = engine._embedder  # the same model object the engine uses
    bare, full, crisis = [], [], []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        embedder.embed(sample)
        bare.append(len(sample) / (time.perf_counter() - t0))
        timed.seconds = 0.0
        t0 = time.perf_counter()
        engine.analyze_many(sample)
        full.append(len(sample) / (time.perf_counter() - t0))
        crisis.append(timed.seconds)
    ratio = max(full) / max(bare)
    print(f"throughput on {len(sample)} texts (best of {args.repeats}): bare embedder "
          f"{max(bare):.1f}/s, analyze_many {max(full):.1f}/s, ratio {ratio:.3f}"
          f"  [bar >= {BARS['ratio']}]")
    per_text = {
        "embedding (bare)": 1000 / max(bare),
        "analyze_many": 1000 / max(full),
        "of which crisis detector": min(crisis) * 1000 / len(sample),
    }
    print("  per text: " + ", ".join(f"{k} {v:.2f} ms" for k, v in per_text.items()))
    without = 1000 / max(full) - min(crisis) * 1000 / len(sample)
    print(f"  ratio if the crisis detector cost nothing: {1000 / max(bare) / without:.3f}")
    print(f"import selfkind.cli.app loads onnxruntime: {cli_imports_onnxruntime()}")
    print(f"python -m selfkind --help loads onnxruntime: {help_imports_onnxruntime()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
