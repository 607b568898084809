"""Fit the crisis model signal and choose its thresholds (a developer step).

    python -m selfkind.analysis.crisis.train [corpus.jsonl ...]

Default corpora: every ``corpus/crisis/*.jsonl`` (one file per writer), plus the
stance training corpus as ordinary, non-crisis self-talk. Embeds every statement
the way the analyzer engine does at run time (sentence by sentence,
token-weighted into one text vector), adds the words of its crisis-normalised
text, and fits a multinomial logistic regression over the eleven warning signs
plus one "none" class per kind of ordinary text.

The two probabilities at which the model may raise a reading are chosen by
replaying out-of-fold readings through the real rules and level rule
(:mod:`thresholds`). With two or more corpora the folds are the corpora
themselves - each is read by a model fitted on the others, as a new writer's
text will be; the file also records plain 5-fold figures. Writes
``crisis_model.json`` next to this module: plain numbers, so run time needs
neither scikit-learn nor the embedding model. Deterministic: the same corpora and
rules give the same file (apart from its date).

Needs the ``train`` extra (scikit-learn). Never give it the set-aside corpus.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from selfkind.analysis.crisis.corpus import CrisisExample, read_corpus
from selfkind.analysis.crisis.detector import RuleDetector, build_detector
from selfkind.analysis.crisis.model import (
    MILD_SUFFIX,
    MODEL_FILE,
    NONE_PREFIX,
    Folding,
    SignalModel,
    model_to_dict,
    terms,
)
from selfkind.analysis.crisis.thresholds import (
    choose_soften,
    choose_thresholds,
    figures,
    replay,
)
from selfkind.core.analysis import CRISIS_SIGNALS, CrisisLevel

EMBEDDING_MODEL = "all-MiniLM-L6-v2-onnx-int8"
# Every writer's file in corpus/crisis/ (one fold per writer); never corpus/heldout/.
DEFAULT_CORPUS_GLOB = "corpus/crisis/*.jsonl"
# Ordinary self-talk (the stance training corpus: harsh, anxious, kind, neutral words,
# none of them about a crisis). Without it the model reads plain self-criticism as
# hopelessness and raises a check-in on most ordinary statements.
SELF_TALK_GLOB = "corpus/stance/train_*.jsonl"
SELF_TALK = "self_talk"
C = 8.0
# Words and word pairs seen in fewer statements than this are left out.
MIN_DF = 2
# How loud the words are next to the embedding (the embedding has unit length too).
TERM_SCALE = 1.5
# A sign gets its own mild class when at least this many statements show it mildly.
MIN_MILD = 15
FOLDS = 5
SEED = 0


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """Text vectors exactly as the engine builds them (sentence-pooled MiniLM)."""
    # Imported here: the embedding model is a training-time dependency of this module.
    from selfkind.analysis.embedder import load_embedder
    from selfkind.analysis.text_vectors import embed_by_sentence

    vectors = embed_by_sentence(load_embedder(), list(texts))
    return np.stack([v.vector for v in vectors]).astype(np.float32)


def self_talk_examples(root: Path) -> list[CrisisExample]:
    """The stance training corpus as ordinary, non-crisis statements."""
    found: list[CrisisExample] = []
    for path in sorted(root.glob(SELF_TALK_GLOB)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = str(json.loads(line)["text"])
                found.append(CrisisExample(text=text, level=CrisisLevel.NONE, signals=(),
                                           category=SELF_TALK, about_other=False))
    return found


def class_label(example: CrisisExample, mild: frozenset[str]) -> str:
    """The model class of one annotated statement."""
    if example.level is CrisisLevel.NONE:
        return NONE_PREFIX + (example.category or "other")
    names = [e.signal for e in example.signals if e.signal in CRISIS_SIGNALS]
    signal = example.category if example.category in CRISIS_SIGNALS else (names or ["?"])[0]
    if signal not in CRISIS_SIGNALS:
        raise ValueError(f"a crisis statement names no known signal: {example.text[:40]!r}")
    if example.level is CrisisLevel.POSSIBLE and signal in mild:
        return signal + MILD_SUFFIX
    return signal


def mild_signals(examples: Sequence[CrisisExample]) -> frozenset[str]:
    counts = Counter(
        class_label(e, frozenset()) for e in examples if e.level is CrisisLevel.POSSIBLE
    )
    return frozenset(s for s, n in counts.items() if n >= MIN_MILD)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    index: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, counts: Sequence[Counter[str]]) -> Vocabulary:
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        kept = sorted(t for t, n in df.items() if n >= MIN_DF)
        n = len(counts)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept], dtype=np.float32)
        return cls({t: i for i, t in enumerate(kept)}, idf)

    def matrix(self, counts: Sequence[Counter[str]]) -> np.ndarray:
        """Rows of unit-length sublinear tf-idf, as the run-time model computes them."""
        out = np.zeros((len(counts), len(self.index)), dtype=np.float32)
        for row, c in enumerate(counts):
            for term, count in c.items():
                col = self.index.get(term)
                if col is not None:
                    out[row, col] = (1.0 + math.log(count)) * self.idf[col]
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out


def _fit(embeddings: np.ndarray, counts: Sequence[Counter[str]], labels: Sequence[str]) -> Any:
    from sklearn.linear_model import LogisticRegression

    vocabulary = Vocabulary.fit(counts)
    features = np.hstack([embeddings, TERM_SCALE * vocabulary.matrix(counts)])
    model = LogisticRegression(C=C, max_iter=10000, class_weight="balanced")
    model.fit(features, list(labels))
    return model, vocabulary


def _predict(
    model: Any, vocabulary: Vocabulary, embeddings: np.ndarray, counts: Sequence[Counter[str]]
) -> np.ndarray:
    features = np.hstack([embeddings, TERM_SCALE * vocabulary.matrix(counts)])
    probabilities: np.ndarray = model.predict_proba(features)
    return probabilities


def out_of_fold(
    embeddings: np.ndarray,
    counts: Sequence[Counter[str]],
    labels: Sequence[str],
    *,
    groups: Sequence[int] | None = None,
) -> tuple[list[str], np.ndarray]:
    """Each statement's class probabilities from a model that never saw it.

    ``groups``: read each group with a model fitted on the other groups (one
    group per corpus, so per writer); otherwise stratified 5-fold.
    """
    from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold

    classes = sorted(set(labels))
    y = np.array(labels)
    out = np.zeros((len(labels), len(classes)))
    if groups is not None:
        splits = LeaveOneGroupOut().split(embeddings, y, np.asarray(groups))
    else:
        splits = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(
            embeddings, y
        )
    for fit_rows, test_rows in splits:
        model, vocabulary = _fit(
            embeddings[fit_rows], [counts[i] for i in fit_rows], y[fit_rows].tolist()
        )
        probabilities = _predict(
            model, vocabulary, embeddings[test_rows], [counts[i] for i in test_rows]
        )
        columns = [classes.index(c) for c in model.classes_]
        out[np.ix_(test_rows, columns)] = probabilities
    return classes, out


def train(corpora: Sequence[Path]) -> dict[str, Any]:
    examples: list[CrisisExample] = []
    groups: list[int] = []
    for number, path in enumerate(corpora):
        found = read_corpus(path)
        examples += found
        groups += [number] * len(found)
    ordinary = self_talk_examples(Path.cwd())
    examples += ordinary
    # Spread over the corpora's groups, so each writer's fold is read by a model
    # that has seen ordinary self-talk too.
    groups += [i % max(1, len(corpora)) for i in range(len(ordinary))]
    rules: RuleDetector = build_detector(use_model=False)
    findings = [rules.findings(e.text) for e in examples]
    counts = [terms(f.norm.text) for f in findings]
    mild = mild_signals(examples)
    labels = [class_label(e, mild) for e in examples]
    embeddings = embed_texts([e.text for e in examples])
    classes, five_fold = out_of_fold(embeddings, counts, labels)
    folding = Folding.of(classes)
    by_corpus = None
    if len(corpora) > 1:
        by_corpus = out_of_fold(embeddings, counts, labels, groups=groups)[1]
    chosen = choose_thresholds(
        examples, findings, folding, by_corpus if by_corpus is not None else five_fold
    )
    at = (chosen.possible_at, chosen.likely_at)
    soften_at = choose_soften(
        examples, findings, folding, by_corpus if by_corpus is not None else five_fold, chosen
    )

    def replayed(probabilities: np.ndarray | None, *, without_hits: bool = False) -> Any:
        p_at, l_at = at if probabilities is not None else (1.0, 1.0)
        outcome = replay(
            examples, findings, folding, probabilities, p_at, l_at, without_hits=without_hits,
            soften_at=soften_at if probabilities is not None else 1.01,
        )
        return figures(examples, outcome)

    cv: dict[str, Any] = {
        "note": "out-of-fold model readings replayed through the rules. The patterns and "
        "guards were written while reading these corpora, so 'with pattern hits' "
        "flatters; 'without pattern hits' is the model's part on wording the "
        "patterns do not know, the guards still gating it",
        "rules_only": replayed(None),
        "five_fold_with_pattern_hits": replayed(five_fold),
        "five_fold_without_pattern_hits": replayed(five_fold, without_hits=True),
    }
    if by_corpus is not None:
        cv["by_corpus_with_pattern_hits"] = replayed(by_corpus)
        cv["by_corpus_without_pattern_hits"] = replayed(by_corpus, without_hits=True)
    final, vocabulary = _fit(embeddings, counts, labels)
    coef = np.asarray(final.coef_, dtype=np.float32)
    dim = embeddings.shape[1]
    model = SignalModel(
        classes=tuple(str(c) for c in final.classes_),
        embedding_weights=coef[:, :dim],
        term_index=vocabulary.index,
        idf=vocabulary.idf,
        term_weights=TERM_SCALE * coef[:, dim:],
        bias=np.asarray(final.intercept_, dtype=np.float32),
        possible_at=chosen.possible_at,
        likely_at=chosen.likely_at,
        soften_at=soften_at,
        embedding_model=EMBEDDING_MODEL,
    )
    return model_to_dict(
        model,
        extra={
            "trained_on": [
                {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
                for path in [*corpora, *sorted(Path.cwd().glob(SELF_TALK_GLOB))]
            ],
            "examples": len(examples),
            "date": datetime.now(UTC).date().isoformat(),
            "settings": {"C": C, "min_df": MIN_DF, "term_scale": TERM_SCALE, "folds": FOLDS},
            "cv": cv,
        },
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    corpora = [Path(a) for a in args] or sorted(Path.cwd().glob(DEFAULT_CORPUS_GLOB))
    if any("heldout" in path.parts for path in corpora):
        sys.stderr.write("refusing to train on the set-aside corpus\n")
        return 2
    data = train(corpora)
    out = Path(__file__).with_name(MODEL_FILE)
    out.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {out}\n{json.dumps(data['cv'], indent=1)}\n")
    sys.stdout.write(f"possible_at={data['possible_at']} likely_at={data['likely_at']} "
                     f"soften_at={data['soften_at']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
