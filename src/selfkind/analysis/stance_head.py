"""The stance head: one multinomial logistic regression over
[sentence embedding ; word 1-2 gram TF-IDF ; char_wb 2-5 gram TF-IDF].

Fitted with scikit-learn by ``selfkind.analysis.train``; here it is plain arrays.
Block weights chosen in training are already folded into the coefficients.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from selfkind.analysis.model_files import model_dir, read_arrays, read_json
from selfkind.analysis.tfidf import SparseRows, TfidfSpec, TfidfTransform
from selfkind.core.pillars import Stance

STANCE_ARRAYS = "stance.npz"
STANCE_META = "stance.json"


@dataclass(frozen=True)
class StanceHead:
    classes: tuple[Stance, ...]
    coef_embedding: np.ndarray  # (384, k)
    word: TfidfTransform
    coef_word: np.ndarray  # (word vocabulary, k)
    char: TfidfTransform
    coef_char: np.ndarray  # (char vocabulary, k)
    intercept: np.ndarray  # (k,)

    def logits_of_rows(self, embeddings: np.ndarray, word: SparseRows,
                       char: SparseRows) -> np.ndarray:
        """Logits from embeddings and already-computed TF-IDF rows (the batched path)."""
        out: np.ndarray = embeddings.astype(np.float64) @ self.coef_embedding + self.intercept
        total: np.ndarray = out + word.dot(self.coef_word) + char.dot(self.coef_char)
        return total

    def probabilities(self, embeddings: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), k) rows that sum to 1, columns in ``classes`` order."""
        word = self.word.rows([self.word.counts(t) for t in texts])
        char = self.char.rows([self.char.counts(t) for t in texts])
        return softmax(self.logits_of_rows(embeddings, word, char))


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp: np.ndarray = np.exp(shifted)
    out: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
    return out


def load_stance_head(directory: Path | None = None) -> StanceHead:
    directory = directory or model_dir()
    meta = read_json(directory / STANCE_META)
    arrays = read_arrays(directory / STANCE_ARRAYS)
    word = TfidfTransform(TfidfSpec.from_json(meta["word"], arrays["word_idf"]))
    char = TfidfTransform(TfidfSpec.from_json(meta["char"], arrays["char_idf"]))
    return StanceHead(
        classes=tuple(Stance(c) for c in meta["classes"]),
        coef_embedding=arrays["coef_embedding"].astype(np.float64),
        word=word,
        coef_word=arrays["coef_word"].astype(np.float64),
        char=char,
        coef_char=arrays["coef_char"].astype(np.float64),
        intercept=arrays["intercept"].astype(np.float64),
    )
