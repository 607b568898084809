"""Fitting the thinking-pattern head with scikit-learn (training time only).

Positives: ``corpus/patterns/examples.jsonl`` (one pattern per text). Negatives
(the "none" class): training statements whose stance is kind or neutral, which
rarely contain a thinking trap. The decision threshold is picked by stratified
cross-validation on these rows only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from selfkind.analysis.model_files import FORMAT_VERSION, write_arrays, write_json
from selfkind.analysis.patterns import NONE_CLASS, PATTERN_ARRAYS, PATTERN_META
from selfkind.analysis.tfidf import SKLEARN_TOKEN_PATTERN
from selfkind.core.analysis import PATTERN_NAMES

CLASSES: tuple[str, ...] = (*PATTERN_NAMES, NONE_CLASS)
THRESHOLDS: tuple[float, ...] = tuple(round(t, 2) for t in np.arange(0.20, 0.81, 0.05))


@dataclass(frozen=True, slots=True)
class PatternParams:
    c: float = 10.0
    word_min_df: int = 2
    word_max_features: int = 8_000


@dataclass(frozen=True, slots=True)
class PatternRow:
    text: str
    label: str  # a pattern name or "none"


def read_pattern_rows(paths: Sequence[Path]) -> list[PatternRow]:
    """Every (text, pattern) pair from the example files; a text may show two patterns."""
    rows: set[tuple[str, str]] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["pattern"] not in PATTERN_NAMES:
                    raise ValueError(f"{path}: unknown pattern {row['pattern']!r}")
                rows.add((str(row["text"]).strip(), row["pattern"]))
    return sorted((PatternRow(t, p) for t, p in rows), key=lambda r: (r.label, r.text))


@dataclass
class FittedPatterns:
    params: PatternParams
    word: Any
    model: Any


def _features(fitted: FittedPatterns, embeddings: np.ndarray, texts: Sequence[str]) -> Any:
    from scipy import sparse  # type: ignore[import-untyped]

    return sparse.hstack([sparse.csr_matrix(embeddings.astype(np.float64)),
                          fitted.word.transform(texts)]).tocsr()


def fit_patterns(params: PatternParams, embeddings: np.ndarray, texts: Sequence[str],
                 labels: Sequence[str]) -> FittedPatterns:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=True,
                           token_pattern=SKLEARN_TOKEN_PATTERN, sublinear_tf=True,
                           min_df=params.word_min_df, max_features=params.word_max_features,
                           dtype=np.float64)
    word.fit(texts)
    fitted = FittedPatterns(params, word, None)
    # Balanced: the "none" rows outnumber any one pattern several times over.
    model = LogisticRegression(C=params.c, max_iter=5000, tol=1e-5, class_weight="balanced")
    model.fit(_features(fitted, embeddings, texts), np.array([CLASSES.index(x) for x in labels]))
    fitted.model = model
    return fitted


def predict_proba(fitted: FittedPatterns, embeddings: np.ndarray,
                  texts: Sequence[str]) -> np.ndarray:
    proba: np.ndarray = fitted.model.predict_proba(_features(fitted, embeddings, texts))
    out = np.zeros((len(texts), len(CLASSES)))
    out[:, fitted.model.classes_] = proba
    return out


def macro_f1_at(proba: np.ndarray, labels: Sequence[str], threshold: float) -> float:
    """Macro-F1 over the patterns when the top non-"none" class must clear ``threshold``."""
    gold = np.array([CLASSES.index(x) for x in labels])
    top = proba[:, : len(PATTERN_NAMES)].argmax(axis=1)
    keep = proba[np.arange(len(top)), top] >= threshold
    predicted = np.where(keep, top, len(PATTERN_NAMES))
    f1s = []
    for k in range(len(PATTERN_NAMES)):
        tp = int(np.sum((predicted == k) & (gold == k)))
        fp = int(np.sum((predicted == k) & (gold != k)))
        fn = int(np.sum((predicted != k) & (gold == k)))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def cross_validated_proba(params: PatternParams, embeddings: np.ndarray,
                          texts: Sequence[str], labels: Sequence[str], *,
                          folds: int = 5, seed: int = 0) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    y = np.array([CLASSES.index(x) for x in labels])
    out = np.zeros((len(texts), len(CLASSES)))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(np.zeros(len(y)), y):
        fitted = fit_patterns(params, embeddings[train_idx], [texts[i] for i in train_idx],
                              [labels[i] for i in train_idx])
        out[test_idx] = predict_proba(fitted, embeddings[test_idx],
                                      [texts[i] for i in test_idx])
    return out


def export_patterns(fitted: FittedPatterns, threshold: float, directory: Path, *,
                    metadata: dict[str, Any]) -> None:
    if list(fitted.model.classes_) != list(range(len(CLASSES))):
        raise ValueError("every pattern and the none class must appear in training")
    coef = fitted.model.coef_.astype(np.float64)
    write_arrays(directory / PATTERN_ARRAYS, {
        "coef_embedding": coef[:, :384].T.astype(np.float32),
        "coef_word": coef[:, 384:].T.astype(np.float32),
        "intercept": fitted.model.intercept_.astype(np.float32),
        "word_idf": fitted.word.idf_.astype(np.float64),
    })
    terms = [""] * len(fitted.word.vocabulary_)
    for term, index in fitted.word.vocabulary_.items():
        terms[index] = term
    write_json(directory / PATTERN_META, {
        "format_version": FORMAT_VERSION,
        "classes": list(CLASSES),
        "threshold": threshold,
        "word": {"analyzer": "word", "ngram_range": [1, 2], "terms": terms,
                 "sublinear_tf": True, "lowercase": True,
                 "token_pattern": SKLEARN_TOKEN_PATTERN},
        "params": asdict(fitted.params),
        **metadata,
    })
