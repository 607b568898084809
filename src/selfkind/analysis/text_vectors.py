"""Embedding texts sentence by sentence, and each whole text from its sentences.

Every sentence is embedded once. A text's vector is the token-weighted mean of its
sentences' token vectors (then unit length), which for a one-sentence text is
exactly the model's own embedding of it. Training uses the same function, so the
stance head sees the same kind of vector at run time as when it was fitted, and
``analyze_many`` costs no more model time than embedding the texts themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from selfkind.analysis.embedder import Embedder, normalize_pooled
from selfkind.analysis.sentences import Span, split_sentences


@dataclass(frozen=True, slots=True)
class TextVectors:
    """One text's sentences, their vectors, and the text's own vector."""

    spans: tuple[Span, ...]
    sentence_vectors: np.ndarray  # (len(spans), 384)
    vector: np.ndarray  # (384,)


def embed_by_sentence(embedder: Embedder, texts: Sequence[str]) -> list[TextVectors]:
    """Vectors for many texts with one batched pass over all their sentences."""
    all_spans = [split_sentences(text) or [(0, len(text))] for text in texts]
    pieces = [text[a:b] for text, spans in zip(texts, all_spans, strict=True) for a, b in spans]
    pooled = embedder.pooled(pieces)
    unit = normalize_pooled(pooled.sums, pooled.counts)
    out: list[TextVectors] = []
    row = 0
    for spans in all_spans:
        stop = row + len(spans)
        sums = pooled.sums[row:stop].sum(axis=0, keepdims=True)
        counts = pooled.counts[row:stop].sum(keepdims=True)
        out.append(TextVectors(tuple(spans), unit[row:stop], normalize_pooled(sums, counts)[0]))
        row = stop
    return out
