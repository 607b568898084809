"""Train the stance head and the thinking-pattern head; write ``analysis/model/``.

    python -m selfkind.analysis.train [--search] [--corpus DIR] [--out DIR]

Deterministic: inputs are de-duplicated and sorted, folds and solvers are seeded,
and the model files are written with fixed timestamps, so a re-run on the same
corpus writes the same bytes. Reads only ``corpus/stance/train_*.jsonl`` and
``corpus/patterns/examples*.jsonl``; the held-out set is for ``evaluate`` alone.
``--search`` picks the stance hyperparameters by 5-fold cross-validation on the
training files and prints the table; without it the defaults below (the last
search's winner) are used.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np

from selfkind.analysis.embedder import Embedder, load_embedder
from selfkind.analysis.model_files import model_dir
from selfkind.analysis.pattern_training import (
    THRESHOLDS,
    PatternParams,
    cross_validated_proba,
    export_patterns,
    fit_patterns,
    macro_f1_at,
    read_pattern_rows,
)
from selfkind.analysis.stance_training import (
    StanceParams,
    corpus_digest,
    cross_validate,
    export_stance,
    fit_stance,
    read_examples,
)
from selfkind.analysis.text_vectors import embed_by_sentence
from selfkind.core.pillars import Stance

T = TypeVar("T")

DEFAULT_STANCE = StanceParams(c=30.0, embedding_weight=0.7)  # the last --search winner
STANCE_GRID: tuple[StanceParams, ...] = (
    StanceParams(c=10.0),
    StanceParams(c=30.0),
    StanceParams(c=100.0),
    StanceParams(c=30.0, embedding_weight=0.7),
    StanceParams(c=30.0, char_weight=0.7),
    StanceParams(c=30.0, word_weight=0.7),
)
DEFAULT_PATTERNS = PatternParams(c=30.0)  # the last --search winner
PATTERN_GRID: tuple[PatternParams, ...] = (
    PatternParams(c=3.0), PatternParams(c=10.0), PatternParams(c=30.0))
# Kind and neutral statements stand in for "no thinking trap here".
_NONE_STANCES = frozenset({Stance.NEUTRAL, Stance.SELF_KINDNESS, Stance.COMMON_HUMANITY,
                           Stance.MINDFULNESS})


def default_corpus() -> Path:
    repo = Path(__file__).resolve().parents[3]
    return repo / "corpus" if (repo / "corpus").is_dir() else Path.cwd() / "corpus"


def text_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    return np.vstack([v.vector for v in embed_by_sentence(embedder, texts)])


def train(corpus: Path, out: Path, *, search: bool = False, per_class: int | None = None) -> None:
    stance_files = sorted((corpus / "stance").glob("train_*.jsonl"))
    pattern_files = sorted((corpus / "patterns").glob("examples*.jsonl"))
    if not stance_files:
        raise SystemExit(f"no training files in {corpus / 'stance'}")
    examples = read_examples(stance_files)
    patterns = read_pattern_rows(pattern_files)
    if per_class is not None:
        examples = _first_per_class(examples, lambda e: e.stance, per_class)
        patterns = _first_per_class(patterns, lambda r: r.label, per_class)
    print(f"stance: {len(examples)} statements {dict(Counter(e.stance.value for e in examples))}")
    embedder = load_embedder()
    texts = [e.text for e in examples]
    labels = [e.stance for e in examples]
    vectors = text_vectors(embedder, texts)

    params = DEFAULT_STANCE
    if search:
        scored = []
        for candidate in STANCE_GRID:
            score = cross_validate(candidate, vectors, texts, labels)
            print(f"  cv macro-F1 {score:.4f}  {candidate}")
            scored.append((score, -STANCE_GRID.index(candidate), candidate))
        params = max(scored)[2]
        print(f"chosen: {params}")
    fitted = fit_stance(params, vectors, texts, labels)
    out.mkdir(parents=True, exist_ok=True)
    digest = corpus_digest([*stance_files, *pattern_files]) if per_class is None else {}
    export_stance(fitted, out, metadata={"corpus_sha256": digest, "n_train": len(examples)})

    negatives = [e.text for e in examples if e.stance in _NONE_STANCES]
    p_texts = [r.text for r in patterns] + negatives
    p_labels = [r.label for r in patterns] + ["none"] * len(negatives)
    index = {t: i for i, t in enumerate(texts)}
    p_vectors = np.vstack([text_vectors(embedder, [r.text for r in patterns]),
                           vectors[[index[t] for t in negatives]]])
    p_params, threshold = _pattern_choice(p_vectors, p_texts, p_labels, search=search)
    print(f"patterns: {len(patterns)} examples + {len(negatives)} none; {p_params}, "
          f"threshold {threshold}")
    fitted_p = fit_patterns(p_params, p_vectors, p_texts, p_labels)
    export_patterns(fitted_p, threshold, out,
                    metadata={"n_examples": len(patterns), "n_none": len(negatives)})
    for path in sorted(out.iterdir()):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def _pattern_choice(vectors: np.ndarray, texts: Sequence[str], labels: Sequence[str], *,
                    search: bool) -> tuple[PatternParams, float]:
    """The pattern head's C (when searching) and its threshold, by 5-fold CV."""
    best: tuple[float, int, float, PatternParams] | None = None
    for rank, params in enumerate(PATTERN_GRID if search else (DEFAULT_PATTERNS,)):
        proba = cross_validated_proba(params, vectors, texts, labels)
        scores = {t: macro_f1_at(proba, labels, t) for t in THRESHOLDS}
        threshold = max(THRESHOLDS, key=lambda t: (scores[t], -t))
        print(f"  patterns cv macro-F1 {scores[threshold]:.4f} at {threshold}  {params}")
        candidate = (scores[threshold], -rank, threshold, params)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    assert best is not None
    return best[3], best[2]


def _first_per_class(rows: Sequence[T], key: Callable[[T], object], n: int) -> list[T]:
    counts: Counter[object] = Counter()
    kept: list[T] = []
    for row in rows:
        label = key(row)
        if counts[label] < n:
            counts[label] += 1
            kept.append(row)
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m selfkind.analysis.train",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus/ folder")
    parser.add_argument("--out", type=Path, default=None, help="where to write the model files")
    parser.add_argument("--search", action="store_true", help="cross-validate a grid first")
    parser.add_argument("--per-class", type=int, default=None,
                        help="train on the first N rows of each class (for tests)")
    args = parser.parse_args(argv)
    train(args.corpus or default_corpus(), args.out or model_dir(), search=args.search,
          per_class=args.per_class)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
