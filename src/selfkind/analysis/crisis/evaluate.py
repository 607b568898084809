"""How well crisis detection does on a labelled corpus, as a plain-text report.

    python -m selfkind.analysis.crisis.evaluate [corpus/heldout/crisis.jsonl] [--rules-only]

Reports recall of "level != none" (overall, per annotated signal, per category),
false alarms per category (`likely`, `possible`, and either), span correctness and
the level confusion matrix. Only aggregates are printed, never the texts, so
running it on the set-aside file does not expose that file to whoever reads the
output. With the engine's embedder available the model signal is used; otherwise
the report says it ran on the rules alone.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from selfkind.analysis.crisis import CrisisReading
from selfkind.analysis.crisis.corpus import FALSE_ALARM_CATEGORIES, CrisisExample, read_corpus
from selfkind.analysis.crisis.detector import RuleDetector, build_detector
from selfkind.core.analysis import CRISIS_SIGNALS, CrisisLevel

DEFAULT_CORPUS = Path("corpus/heldout/crisis.jsonl")
_LEVELS = (CrisisLevel.NONE, CrisisLevel.POSSIBLE, CrisisLevel.LIKELY)


@dataclass
class Tally:
    """Counts for one group of examples."""

    total: int = 0
    raised: int = 0
    likely: int = 0
    possible: int = 0

    def add(self, reading: CrisisReading) -> None:
        self.total += 1
        self.raised += reading.level is not CrisisLevel.NONE
        self.likely += reading.level is CrisisLevel.LIKELY
        self.possible += reading.level is CrisisLevel.POSSIBLE


@dataclass
class Results:
    """Everything the report prints."""

    mode: str
    examples: int = 0
    recall: Tally = field(default_factory=Tally)
    by_signal: dict[str, Tally] = field(default_factory=dict)
    by_category: dict[str, Tally] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    spans_reported: int = 0
    spans_on_evidence: int = 0
    evidence_total: int = 0
    evidence_found: int = 0
    about_other_true: int = 0
    about_other_found: int = 0
    about_other_false_flags: int = 0
    milliseconds: float = 0.0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate(
    examples: Sequence[CrisisExample],
    detector: RuleDetector,
    *,
    embeddings: np.ndarray | None,
    mode: str,
) -> Results:
    """Run the detector over ``examples`` and tally the results."""
    results = Results(mode=mode)
    started = time.perf_counter()
    readings = [
        detector.detect(e.text, embedding=None if embeddings is None else embeddings[i])
        for i, e in enumerate(examples)
    ]
    results.milliseconds = (time.perf_counter() - started) * 1000 / max(1, len(examples))
    for example, reading in zip(examples, readings, strict=True):
        results.examples += 1
        results.confusion[(example.level.value, reading.level.value)] += 1
        results.by_category.setdefault(example.category, Tally()).add(reading)
        if example.level is not CrisisLevel.NONE:
            results.recall.add(reading)
            for name in {s.signal for s in example.signals}:
                results.by_signal.setdefault(name, Tally()).add(reading)
        if example.about_other:
            results.about_other_true += 1
            results.about_other_found += reading.about_other
        elif reading.about_other:
            results.about_other_false_flags += 1
        _tally_spans(results, example, reading)
    return results


def _tally_spans(results: Results, example: CrisisExample, reading: CrisisReading) -> None:
    if not example.signals:
        return
    for signal in reading.signals:
        results.spans_reported += 1
        results.spans_on_evidence += any(
            e.signal == signal.signal and _overlaps(signal.start, signal.end, e.start, e.end)
            for e in example.signals
        )
    for evidence in example.signals:
        results.evidence_total += 1
        results.evidence_found += any(
            s.signal == evidence.signal and _overlaps(s.start, s.end, evidence.start, evidence.end)
            for s in reading.signals
        )


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def format_report(results: Results, *, source: str) -> str:
    """The human-readable report (aggregates only)."""
    lines = [
        f"crisis detection on {source}: {results.examples} statements",
        f"mode: {results.mode}",
        f"detector time: {results.milliseconds:.3f} ms per statement (embeddings excluded)",
        "",
        f"recall (level != none) overall: {_rate(results.recall.raised, results.recall.total)}"
        f"  ({results.recall.raised}/{results.recall.total}; as likely: "
        f"{_rate(results.recall.likely, results.recall.total).strip()})",
        "",
        "recall per annotated signal:",
    ]
    for name in CRISIS_SIGNALS:
        tally = results.by_signal.get(name)
        if tally:
            lines.append(
                f"  {name:22s} {_rate(tally.raised, tally.total)}  ({tally.raised}/{tally.total})"
            )
    lines += [
        "",
        "per category (crisis categories: recall; others: false alarms):",
        f"  {'category':22s} {'n':>4s} {'raised':>7s} {'likely':>7s} {'possible':>9s}",
    ]
    for category in sorted(results.by_category):
        t = results.by_category[category]
        mark = (
            "  <- bar: likely <= 3%, possible <= 10%" if category in FALSE_ALARM_CATEGORIES else ""
        )
        lines.append(
            f"  {category:22s} {t.total:4d} {_rate(t.raised, t.total)} "
            f"{_rate(t.likely, t.total)} {_rate(t.possible, t.total):>9s}{mark}"
        )
    fa = [results.by_category[c] for c in FALSE_ALARM_CATEGORIES if c in results.by_category]
    total = sum(t.total for t in fa)
    lines += [
        f"  {'all four guarded':22s} {total:4d} {_rate(sum(t.raised for t in fa), total)} "
        f"{_rate(sum(t.likely for t in fa), total)} "
        f"{_rate(sum(t.possible for t in fa), total):>9s}",
        "",
        "spans:",
        f"  reported signals on the annotated evidence of the same signal: "
        f"{_rate(results.spans_on_evidence, results.spans_reported)} "
        f"({results.spans_on_evidence}/{results.spans_reported})",
        f"  annotated evidence found by a signal of the same name:        "
        f"{_rate(results.evidence_found, results.evidence_total)} "
        f"({results.evidence_found}/{results.evidence_total})",
        "",
        f"about_other: found {results.about_other_found}/{results.about_other_true}, "
        f"flagged wrongly {results.about_other_false_flags}",
        "",
        "level confusion (rows: annotated, columns: detected):",
        "  " + " " * 10 + "".join(f"{lv.value:>10s}" for lv in _LEVELS),
    ]
    for gold in _LEVELS:
        row = "".join(f"{results.confusion[(gold.value, got.value)]:10d}" for got in _LEVELS)
        lines.append(f"  {gold.value:10s}{row}")
    return "\n".join(lines) + "\n"


def _embeddings(texts: Sequence[str]) -> tuple[np.ndarray | None, str]:
    try:
        from selfkind.analysis.crisis.train import embed_texts

        return embed_texts(texts), "rules + model signal (engine embedder, sentence-pooled)"
    except Exception as error:  # any failure means: evaluate the rules alone
        return None, f"rules only (embedder unavailable: {type(error).__name__}: {error})"


def report(path: Path | str, *, use_model: bool = True) -> str:
    """Evaluate the packaged detector on the corpus at ``path`` and return the report."""
    corpus = Path(path)
    examples = read_corpus(corpus)
    detector = build_detector(use_model=use_model)
    embeddings: np.ndarray | None = None
    if not use_model:
        mode = "rules only (asked for)"
    elif not detector.has_model:
        mode = "rules only (no crisis_model.json trained yet)"
    else:
        embeddings, mode = _embeddings([e.text for e in examples])
    results = evaluate(examples, detector, embeddings=embeddings, mode=mode)
    return format_report(results, source=str(corpus))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    use_model = "--rules-only" not in args
    paths = [a for a in args if not a.startswith("--")]
    sys.stdout.write(report(paths[0] if paths else DEFAULT_CORPUS, use_model=use_model))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
