"""TF-IDF features in plain numpy, matching scikit-learn's ``TfidfVectorizer``.

Training fits the vectorizers with scikit-learn; run time has no scikit-learn, only
the exported vocabulary and idf, so this module re-does the transform exactly:
lowercase, sklearn's ``token_pattern`` and word n-grams, or ``char_wb`` n-grams
padded with one space on each side of a word, optional sublinear tf, idf, l2 norm.
A test compares it with scikit-learn on sample texts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Literal

import numpy as np

Analyzer = Literal["word", "char_wb"]
SKLEARN_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_CACHE_LIMIT = 50_000


@dataclass(frozen=True)
class TfidfSpec:
    """What a fitted vectorizer needs at run time (the exported part)."""

    analyzer: Analyzer
    ngram_range: tuple[int, int]
    terms: tuple[str, ...]  # feature index -> term
    idf: np.ndarray  # (len(terms),) float64
    sublinear_tf: bool = False
    lowercase: bool = True
    token_pattern: str = SKLEARN_TOKEN_PATTERN
    vocabulary: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.terms) != len(self.idf):
            raise ValueError("terms and idf differ in length")
        object.__setattr__(self, "vocabulary", {t: i for i, t in enumerate(self.terms)})

    def to_json(self) -> dict[str, Any]:
        """Everything but idf (which goes in the npz), as JSON-ready data."""
        return {
            "analyzer": self.analyzer,
            "ngram_range": list(self.ngram_range),
            "terms": list(self.terms),
            "sublinear_tf": self.sublinear_tf,
            "lowercase": self.lowercase,
            "token_pattern": self.token_pattern,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], idf: np.ndarray) -> TfidfSpec:
        low, high = data["ngram_range"]
        analyzer = data["analyzer"]
        if analyzer not in ("word", "char_wb"):
            raise ValueError(f"unsupported analyzer {analyzer!r}")
        return cls(
            analyzer=analyzer,
            ngram_range=(int(low), int(high)),
            terms=tuple(data["terms"]),
            idf=np.asarray(idf, dtype=np.float64),
            sublinear_tf=bool(data["sublinear_tf"]),
            lowercase=bool(data["lowercase"]),
            token_pattern=str(data["token_pattern"]),
        )


class TfidfTransform:
    """Turns text into a sparse, l2-normalised TF-IDF row (indices, values)."""

    def __init__(self, spec: TfidfSpec) -> None:
        self.spec = spec
        self._token_re = re.compile(spec.token_pattern)
        # char_wb n-grams never cross a word, so each word's in-vocabulary n-grams
        # are worked out once and reused (words repeat a lot; this is the hot path).
        self._word_cache: dict[str, tuple[int, ...]] = {}

    @property
    def size(self) -> int:
        return len(self.spec.terms)

    def terms_of(self, text: str) -> list[str]:
        """The n-grams sklearn's analyzer would produce for ``text``."""
        if self.spec.lowercase:
            text = text.lower()
        if self.spec.analyzer == "word":
            return word_ngrams(self._token_re.findall(text), self.spec.ngram_range)
        return char_wb_ngrams(text, self.spec.ngram_range)

    def counts(self, text: str) -> Counter[int]:
        """In-vocabulary term counts of ``text``, by feature index."""
        if self.spec.analyzer == "char_wb":
            if self.spec.lowercase:
                text = text.lower()
            cache = self._word_cache
            found: list[int] = []
            for word in text.split():
                indices = cache.get(word)
                if indices is None:
                    indices = self._char_indices(word)
                    if len(cache) > _CACHE_LIMIT:
                        cache.clear()
                    cache[word] = indices
                found.extend(indices)
            return Counter(found)
        return self.counts_of_terms(self.terms_of(text))

    def counts_of_terms(self, terms: Sequence[str]) -> Counter[int]:
        """Counts from already-made n-grams (two word vocabularies can share them)."""
        vocabulary = self.spec.vocabulary
        return Counter(vocabulary[t] for t in terms if t in vocabulary)

    def _char_indices(self, word: str) -> tuple[int, ...]:
        vocabulary = self.spec.vocabulary
        grams = char_wb_ngrams(word, self.spec.ngram_range)
        return tuple(vocabulary[g] for g in grams if g in vocabulary)

    def transform_one(self, text: str, *, normalize: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices and their values (l2-normalised unless asked not to)."""
        counts = self.counts(text)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.spec.sublinear_tf:
            tf = np.log(tf) + 1.0
        values = tf * self.spec.idf[idx]
        norm = float(np.sqrt(np.dot(values, values)))
        if normalize and norm > 0.0:
            values /= norm
        return idx, values

    def rows(self, counts: Sequence[Mapping[int, int]]) -> SparseRows:
        """Many rows at once: the same arithmetic as :meth:`transform_one`, vectorised."""
        sizes = np.fromiter((len(c) for c in counts), dtype=np.int64, count=len(counts))
        total = int(sizes.sum())
        idx = np.fromiter(chain.from_iterable(counts), dtype=np.int64, count=total)
        tf = np.fromiter(chain.from_iterable(c.values() for c in counts), dtype=np.float64,
                         count=total)
        row = np.repeat(np.arange(len(counts)), sizes)
        if self.spec.sublinear_tf and total:
            tf = np.log(tf) + 1.0
        values = tf * self.spec.idf[idx]
        norms = np.sqrt(np.bincount(row, weights=values * values, minlength=len(counts)))
        values = values / np.where(norms > 0.0, norms, 1.0)[row]
        return SparseRows(len(counts), row, idx, values)

    def transform_dense(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), size) float64: for tests and training-time checks."""
        out = np.zeros((len(texts), self.size), dtype=np.float64)
        for row, text in enumerate(texts):
            idx, values = self.transform_one(text)
            out[row, idx] = values
        return out


@dataclass(frozen=True, slots=True)
class SparseRows:
    """TF-IDF rows in coordinate form: entry j is (row[j], index[j]) = value[j]."""

    n_rows: int
    row: np.ndarray
    index: np.ndarray
    value: np.ndarray

    def dot(self, coef: np.ndarray) -> np.ndarray:
        """(n_rows, k): each row times ``coef`` (vocabulary, k)."""
        contrib = coef[self.index] * self.value[:, None]
        out = np.zeros((self.n_rows, coef.shape[1]))
        for k in range(coef.shape[1]):
            out[:, k] = np.bincount(self.row, weights=contrib[:, k], minlength=self.n_rows)
        return out


def word_ngrams(tokens: Sequence[str], ngram_range: tuple[int, int]) -> list[str]:
    low, high = ngram_range
    grams: list[str] = list(tokens) if low == 1 else []
    start = max(low, 2)
    for n in range(start, min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    low, high = ngram_range
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        width = len(padded)
        for n in range(low, high + 1):
            if width <= n:
                # sklearn counts a word no longer than n once, then stops growing n.
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(width - n + 1))
    return grams
