"""Benchmark crisis detection: what it adds per statement, next to a no-op detector.

    python benchmarks/bench_crisis.py [--n 2000] [--repeats 5]

Both detectors get the same statements and the same precomputed unit vector as the
embedding (the engine computes embeddings anyway, so their cost is not the
detector's). They run alternately, best of ``--repeats`` each, so machine noise
hits both alike. Statements are the crisis training texts (inputs only) plus a
long journal-style entry every 50th statement; the bar is 1 ms added per statement.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from selfkind.analysis.crisis import CrisisReading  # noqa: E402
from selfkind.analysis.crisis.detector import build_detector  # noqa: E402
from selfkind.core.analysis import CrisisLevel  # noqa: E402

BAR_MS = 1.0
_FALLBACK = [
    "Had a long day at work and I'm tired but okay.",
    "I keep thinking everyone would be better off without me.",
    "This commute is killing me, two hours each way.",
    "I wrote letters to my family and gave my cat to my neighbour.",
    "I'm not suicidal, just exhausted after exams.",
]


class NoOp:
    def detect(self, text: str, *, embedding: np.ndarray | None = None) -> CrisisReading:
        return CrisisReading(level=CrisisLevel.NONE)


def statements(n: int) -> list[str]:
    path = REPO / "corpus" / "crisis" / "train.jsonl"
    base = _FALLBACK
    if path.exists():
        base = [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]
    journal = " ".join(base[:40])  # a long entry (~2-4k characters)
    return [journal if i % 50 == 49 else base[i % len(base)] for i in range(n)]


def time_per_statement(
    detect: Callable[..., CrisisReading], texts: Sequence[str], vector: np.ndarray
) -> list[float]:
    out = []
    for text in texts:
        started = time.perf_counter()
        detect(text, embedding=vector)
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    detector = build_detector()
    load_ms = (time.perf_counter() - started) * 1000
    noop = NoOp()
    texts = statements(args.n)
    rng = np.random.default_rng(0)
    vector = rng.normal(size=384).astype(np.float32)
    vector /= np.linalg.norm(vector)
    detector.detect("warm-up", embedding=vector)

    best: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        for name, det in (("no-op", noop), ("crisis", detector)):
            run = time_per_statement(det.detect, texts, vector)
            if name not in best or sum(run) < sum(best[name]):
                best[name] = run

    def row(name: str) -> str:
        t = best[name]
        q = statistics.quantiles(t, n=100)
        return (
            f"{name:8s} mean {statistics.fmean(t):7.3f} ms  p50 {q[49]:7.3f}  "
            f"p95 {q[94]:7.3f}  max {max(t):7.3f}"
        )

    added = statistics.fmean(best["crisis"]) - statistics.fmean(best["no-op"])
    long_rows = [i for i, t in enumerate(texts) if len(t) > 1000]
    short_rows = [i for i, t in enumerate(texts) if len(t) <= 1000]

    def mean_of(name: str, rows: list[int]) -> float:
        return statistics.fmean(best[name][i] for i in rows) if rows else 0.0

    print(
        f"{len(texts)} statements (every 50th a ~{len(texts[49])}-character entry), "
        f"best of {args.repeats}; detector load {load_ms:.0f} ms "
        f"(model signal: {'on' if detector.has_model else 'off'})"
    )
    print(row("no-op"))
    print(row("crisis"))
    verdict = "meets" if added <= BAR_MS else "MISSES"
    print(f"added per statement: {added:.3f} ms ({verdict} the {BAR_MS:.0f} ms bar)")
    typical = mean_of("crisis", short_rows) - mean_of("no-op", short_rows)
    long_entry = mean_of("crisis", long_rows) - mean_of("no-op", long_rows)
    chars = statistics.fmean(len(texts[i]) for i in long_rows) if long_rows else 0.0
    print(
        f"  typical statements: {typical:.3f} ms; long entries (~{chars:.0f} chars): "
        f"{long_entry:.2f} ms ({1000 * long_entry / max(chars, 1):.2f} us per character)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
