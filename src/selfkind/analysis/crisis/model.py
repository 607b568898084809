"""The model signal: which warning sign (if any) a statement reads like, as plain numbers.

A multinomial logistic regression trained by :mod:`selfkind.analysis.crisis.train`
(scikit-learn, at training time only) over two views of the statement:

- the sentence-pooled MiniLM vector the engine already computed, and
- tf-idf weighted words and word pairs of the crisis-normalised text (so "kms",
  "wanna" and typos read the same as in the patterns).

Its classes are the eleven warning signs plus one "none" class per kind of
ordinary text (figurative, negated, recovery, someone else, quotes...): learning
what a denial or a recovery story looks like is what lets it stay quiet on them.
Stored in ``crisis_model.json``; at run time scoring is two small dot products,
and nothing imports scikit-learn or the embedding model.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import numpy as np

_PACKAGE = "selfkind.analysis.crisis"
MODEL_FILE = "crisis_model.json"
FORMAT_VERSION = 3
NONE_PREFIX = "none:"
RECEDING_CLASSES = frozenset({NONE_PREFIX + "past_recovery", NONE_PREFIX + "negated"})
# A class for the milder form of a sign ("I can't do this anymore" as against
# "everyone would be better off without me"): it names the sign but never makes
# the model's reading `likely` on its own.
MILD_SUFFIX = ":possible"
_WORD = re.compile(r"\w+")


def terms(normalised: str) -> Counter[str]:
    """Words and adjacent word pairs of crisis-normalised text (training uses this too)."""
    words = _WORD.findall(normalised)
    found: Counter[str] = Counter(words)
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return found


def signal_of(class_name: str) -> str | None:
    """The warning sign a class stands for, or None for the ordinary-text classes."""
    if class_name.startswith(NONE_PREFIX):
        return None
    return class_name.removesuffix(MILD_SUFFIX)


def encode_array(values: np.ndarray) -> str:
    """A float array as base64 little-endian float16: half the file, and a weight's
    fourth significant digit never moves a reading."""
    return base64.b64encode(np.ascontiguousarray(values, dtype="<f2").tobytes()).decode("ascii")


def decode_array(text: str, shape: Sequence[int]) -> np.ndarray:
    flat = np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)
    return flat.reshape(tuple(shape))


@dataclass(frozen=True, slots=True)
class ModelReading:
    """What the model makes of one statement."""

    # P(any warning sign), and P(a sign in its direct form): the level's inputs.
    crisis: float
    direct: float
    # The sign it reads most like, and that sign's share of the probability.
    signal: str
    signal_probability: float
    # P(the text looks back on a recovered past, or denies the sign): lets the level
    # rule soften a pattern hit from `likely` to `possible` (never to none).
    receding: float = 0.0


@dataclass(frozen=True, slots=True)
class Folding:
    """How class probabilities add up per sign (precomputed once per model)."""

    signals: tuple[str, ...]
    by_signal: np.ndarray  # (signals, classes) of 0/1
    direct: np.ndarray  # (classes,) 1 for a sign in its direct form
    receding: np.ndarray  # (classes,) 1 for the recovered-past and denial classes

    @classmethod
    def of(cls, classes: Sequence[str]) -> Folding:
        signals = tuple(sorted({s for s in map(signal_of, classes) if s is not None}))
        by_signal = np.array(
            [[1.0 if signal_of(c) == s else 0.0 for c in classes] for s in signals]
        )
        direct = np.array(
            [
                1.0 if signal_of(c) is not None and not c.endswith(MILD_SUFFIX) else 0.0
                for c in classes
            ]
        )
        receding = np.array([1.0 if c in RECEDING_CLASSES else 0.0 for c in classes])
        return cls(signals, by_signal, direct, receding)

    def fold(self, probabilities: np.ndarray) -> ModelReading:
        per_signal = self.by_signal @ probabilities
        crisis = float(per_signal.sum())
        best = int(np.argmax(per_signal))
        return ModelReading(
            crisis=crisis,
            direct=float(self.direct @ probabilities),
            signal=self.signals[best],
            signal_probability=float(per_signal[best]) / crisis if crisis > 0 else 0.0,
            receding=float(self.receding @ probabilities),
        )


@dataclass(frozen=True)
class SignalModel:
    """The exported classifier and the thresholds chosen for it by cross-validation."""

    classes: tuple[str, ...]
    embedding_weights: np.ndarray  # (classes, dim)
    term_index: Mapping[str, int]
    idf: np.ndarray  # (terms,)
    term_weights: np.ndarray  # (classes, terms)
    bias: np.ndarray  # (classes,)
    possible_at: float
    likely_at: float
    embedding_model: str
    # A pattern hit is `possible`, not `likely`, when the model is this sure the text
    # looks back on recovery or denies the sign (1.0 or more: never).
    soften_at: float = 1.01

    @property
    def dim(self) -> int:
        return int(self.embedding_weights.shape[1])

    def term_vector(self, counts: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and unit-length sublinear tf-idf values of the known terms."""
        cols: list[int] = []
        vals: list[float] = []
        for term, count in counts.items():
            col = self.term_index.get(term)
            if col is not None:
                cols.append(col)
                vals.append((1.0 + math.log(count)) * float(self.idf[col]))
        index = np.asarray(cols, dtype=np.int64)
        values = np.asarray(vals, dtype=np.float32)
        norm = float(np.linalg.norm(values))
        return index, (values / norm if norm > 0 else values)

    def logits(self, embedding: np.ndarray, counts: Mapping[str, int]) -> np.ndarray:
        index, values = self.term_vector(counts)
        out: np.ndarray = self.embedding_weights @ embedding + self.bias
        if len(index):
            out = out + self.term_weights[:, index] @ values
        return out

    @cached_property
    def folding(self) -> Folding:
        return Folding.of(self.classes)

    def read(self, embedding: np.ndarray, counts: Mapping[str, int]) -> ModelReading:
        """Class probabilities folded into the numbers the level rule needs."""
        z = self.logits(embedding, counts)
        p = np.exp(z - z.max())
        return self.folding.fold(p / p.sum())

    def strongest_part(
        self,
        signal: str,
        parts: Sequence[Mapping[str, int]],
        vectors: np.ndarray | None = None,
    ) -> int:
        """Which part (sentence) of a text carries ``signal`` most, for pointing at it.

        Uses the words of each part and, when the caller has them, each part's own
        embedding; ties go to the earliest part.
        """
        rows = [i for i, name in enumerate(self.classes) if signal_of(name) == signal]
        best, best_score = 0, -math.inf
        for number, counts in enumerate(parts):
            index, values = self.term_vector(counts)
            score = (
                float(self.term_weights[rows][:, index].dot(values).max()) if len(index) else 0.0
            )
            if vectors is not None and number < len(vectors):
                score += float((self.embedding_weights[rows] @ vectors[number]).max())
            if score > best_score:
                best, best_score = number, score
        return best


def fold(classes: Sequence[str], probabilities: Sequence[float] | np.ndarray) -> ModelReading:
    """Per-class probabilities as one reading (training replays out-of-fold ones here)."""
    return Folding.of(classes).fold(np.asarray(probabilities, dtype=float))


def embedding_rows(embedding: np.ndarray, dim: int) -> np.ndarray | None:
    """The caller's embedding as (rows, dim) float32, or None when unusable."""
    vectors = np.asarray(embedding, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    if (
        vectors.ndim != 2
        or vectors.shape[0] == 0
        or vectors.shape[1] != dim
        or not np.all(np.isfinite(vectors))
    ):
        return None
    return vectors


def text_vector(rows: np.ndarray) -> np.ndarray:
    """One unit vector for the whole text: itself, or the mean of its sentence rows."""
    if len(rows) == 1:
        only: np.ndarray = rows[0]
        return only
    mean = rows.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    unit: np.ndarray = mean / norm if norm > 0 else mean
    return unit


def model_to_dict(model: SignalModel, *, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON form of ``crisis_model.json`` (arrays as base64 float16)."""
    terms_in_order = sorted(model.term_index, key=model.term_index.__getitem__)
    data: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "embedding_model": model.embedding_model,
        "classes": list(model.classes),
        "dim": model.dim,
        "terms": terms_in_order,
        "possible_at": model.possible_at,
        "likely_at": model.likely_at,
        "soften_at": model.soften_at,
        "bias": [round(float(b), 6) for b in model.bias],
        "idf": encode_array(model.idf),
        "embedding_weights": encode_array(model.embedding_weights),
        "term_weights": encode_array(model.term_weights),
    }
    data.update(extra or {})
    return data


def model_from_dict(data: Mapping[str, Any]) -> SignalModel:
    if int(data.get("version", 0)) != FORMAT_VERSION:
        raise ValueError(f"{MODEL_FILE} has format version {data.get('version')!r}")
    classes = tuple(str(c) for c in data["classes"])
    term_list = [str(t) for t in data["terms"]]
    k, dim, v = len(classes), int(data["dim"]), len(term_list)
    return SignalModel(
        classes=classes,
        embedding_weights=decode_array(str(data["embedding_weights"]), (k, dim)),
        term_index={t: i for i, t in enumerate(term_list)},
        idf=decode_array(str(data["idf"]), (v,)),
        term_weights=decode_array(str(data["term_weights"]), (k, v)),
        bias=np.asarray(data["bias"], dtype=np.float32),
        possible_at=float(data["possible_at"]),
        likely_at=float(data["likely_at"]),
        soften_at=float(data.get("soften_at", 1.01)),
        embedding_model=str(data.get("embedding_model", "")),
    )


def load_model() -> SignalModel | None:
    """The packaged model, or None when none has been trained yet."""
    resource = resources.files(_PACKAGE).joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return model_from_dict(json.loads(resource.read_text(encoding="utf-8")))


def known_signals(classes: Iterable[str]) -> set[str]:
    return {s for s in (signal_of(c) for c in classes) if s is not None}
