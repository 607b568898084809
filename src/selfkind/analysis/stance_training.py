"""Fitting the stance head with scikit-learn (training time only).

Used by ``python -m selfkind.analysis.train``; scikit-learn is a training and test
dependency, never imported at run time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from selfkind.analysis.model_files import FORMAT_VERSION, write_arrays, write_json
from selfkind.analysis.stance_head import STANCE_ARRAYS, STANCE_META
from selfkind.analysis.tfidf import SKLEARN_TOKEN_PATTERN
from selfkind.core.pillars import Stance

CLASSES: tuple[Stance, ...] = tuple(Stance)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    stance: Stance


@dataclass(frozen=True, slots=True)
class StanceParams:
    """Hyperparameters, chosen by cross-validation on the training files."""

    c: float = 10.0
    embedding_weight: float = 1.0
    word_weight: float = 1.0
    char_weight: float = 1.0
    word_min_df: int = 2
    char_min_df: int = 2
    word_max_features: int = 20_000
    char_max_features: int = 40_000


def read_examples(paths: Sequence[Path]) -> list[Example]:
    """Rows of the ``train_*.jsonl`` files, de-duplicated and sorted (deterministic)."""
    seen: dict[str, Stance] = {}
    for path in sorted(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = str(row["text"]).strip()
            if text and text not in seen:
                seen[text] = Stance(row["stance"])
    return sorted((Example(t, s) for t, s in seen.items()), key=lambda e: (e.stance, e.text))


def corpus_digest(paths: Sequence[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


@dataclass
class FittedStance:
    params: StanceParams
    word: Any  # TfidfVectorizer
    char: Any  # TfidfVectorizer
    model: Any  # LogisticRegression


def _vectorizers(params: StanceParams) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=True,
                           token_pattern=SKLEARN_TOKEN_PATTERN, sublinear_tf=True,
                           min_df=params.word_min_df, max_features=params.word_max_features,
                           dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True,
                           sublinear_tf=True, min_df=params.char_min_df,
                           max_features=params.char_max_features, dtype=np.float64)
    return word, char


def _features(fitted: FittedStance, embeddings: np.ndarray, texts: Sequence[str]) -> Any:
    from scipy import sparse  # type: ignore[import-untyped]

    p = fitted.params
    return sparse.hstack([
        sparse.csr_matrix(embeddings.astype(np.float64) * p.embedding_weight),
        fitted.word.transform(texts) * p.word_weight,
        fitted.char.transform(texts) * p.char_weight,
    ]).tocsr()


def fit_stance(params: StanceParams, embeddings: np.ndarray, texts: Sequence[str],
               labels: Sequence[Stance]) -> FittedStance:
    from sklearn.linear_model import LogisticRegression

    word, char = _vectorizers(params)
    word.fit(texts)
    char.fit(texts)
    fitted = FittedStance(params, word, char, None)
    model = LogisticRegression(C=params.c, max_iter=5000, tol=1e-5)
    y = np.array([CLASSES.index(s) for s in labels])
    model.fit(_features(fitted, embeddings, texts), y)
    fitted.model = model
    return fitted


def predict_proba(fitted: FittedStance, embeddings: np.ndarray,
                  texts: Sequence[str]) -> np.ndarray:
    """(n, 7) in ``CLASSES`` order (every class appears in training)."""
    proba: np.ndarray = fitted.model.predict_proba(_features(fitted, embeddings, texts))
    out = np.zeros((len(texts), len(CLASSES)))
    out[:, fitted.model.classes_] = proba
    return out


def cross_validate(params: StanceParams, embeddings: np.ndarray, texts: Sequence[str],
                   labels: Sequence[Stance], *, folds: int = 5, seed: int = 0) -> float:
    """Macro-F1 over the seven stances, stratified k-fold on the training rows."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    y = np.array([CLASSES.index(s) for s in labels])
    predicted = np.zeros_like(y)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(np.zeros(len(y)), y):
        fitted = fit_stance(params, embeddings[train_idx], [texts[i] for i in train_idx],
                            [labels[i] for i in train_idx])
        proba = predict_proba(fitted, embeddings[test_idx], [texts[i] for i in test_idx])
        predicted[test_idx] = proba.argmax(axis=1)
    return float(f1_score(y, predicted, average="macro"))


def export_stance(fitted: FittedStance, directory: Path, *, metadata: dict[str, Any]) -> None:
    """Write ``stance.npz`` and ``stance.json`` (plain arrays, no pickles)."""
    p = fitted.params
    coef = fitted.model.coef_.astype(np.float64)  # (k, features)
    intercept = fitted.model.intercept_.astype(np.float64)
    if list(fitted.model.classes_) != list(range(len(CLASSES))):
        raise ValueError("every stance must appear in the training data")
    n_word = len(fitted.word.vocabulary_)
    emb = coef[:, :384] * p.embedding_weight
    word = coef[:, 384 : 384 + n_word] * p.word_weight
    char = coef[:, 384 + n_word :] * p.char_weight
    arrays = {
        "coef_embedding": emb.T.astype(np.float32),
        "coef_word": word.T.astype(np.float32),
        "coef_char": char.T.astype(np.float32),
        "intercept": intercept.astype(np.float32),
        "word_idf": fitted.word.idf_.astype(np.float64),
        "char_idf": fitted.char.idf_.astype(np.float64),
    }
    write_arrays(directory / STANCE_ARRAYS, arrays)
    write_json(directory / STANCE_META, {
        "format_version": FORMAT_VERSION,
        "classes": [c.value for c in CLASSES],
        "word": _spec_json(fitted.word, "word", (1, 2)),
        "char": _spec_json(fitted.char, "char_wb", (2, 5)),
        "params": asdict(p),
        **metadata,
    })


def _spec_json(vectorizer: Any, analyzer: str, ngram_range: tuple[int, int]) -> dict[str, Any]:
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    return {
        "analyzer": analyzer,
        "ngram_range": list(ngram_range),
        "terms": terms,
        "sublinear_tf": bool(vectorizer.sublinear_tf),
        "lowercase": bool(vectorizer.lowercase),
        "token_pattern": SKLEARN_TOKEN_PATTERN,
    }
