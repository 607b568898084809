"""The crisis detector the analyzer engine calls first, for every statement.

Three layers: patterns per warning sign (``patterns.toml``), read in context by
guards (``guards.toml``: idioms, denial, recovery, other people, quotes), then a
level rule that may also use the model's reading of the statement (its sentence
embedding, which the engine already computed, and its words). Without an
embedding it runs on the rules alone.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from selfkind.analysis.crisis import CrisisReading
from selfkind.analysis.crisis.guards import Guards, Verdict, load_guards
from selfkind.analysis.crisis.levels import Evidence, Hit, decide_level
from selfkind.analysis.crisis.model import (
    ModelReading,
    SignalModel,
    embedding_rows,
    load_model,
    terms,
    text_vector,
)
from selfkind.analysis.crisis.normalize import Lexicon, NormalText, load_lexicon, normalize
from selfkind.analysis.crisis.patterns import (
    SignalPatterns,
    Strength,
    load_overlap_order,
    load_signal_patterns,
)
from selfkind.analysis.crisis.scene import Scene
from selfkind.analysis.sentences import split_sentences
from selfkind.core.analysis import CrisisLevel, CrisisSignal

if TYPE_CHECKING:
    from collections import Counter

    import numpy as np


@dataclass(frozen=True, slots=True)
class Judged:
    """A pattern hit and what the guards made of it (for explaining and evaluating)."""

    signal: str
    strength: Strength
    start: int
    end: int
    words: str
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class RuleFindings:
    """What the rules made of one normalised text, before any model."""

    norm: NormalText
    evidence: Evidence
    kept: tuple[Judged, ...]
    about_other: bool


class RuleDetector:
    """Patterns + guards + level rule, with an optional model signal."""

    def __init__(
        self,
        *,
        lexicon: Lexicon,
        signals: tuple[SignalPatterns, ...],
        guards: Guards,
        model: SignalModel | None = None,
        overlap_order: tuple[str, ...] = (),
    ) -> None:
        self._lexicon = lexicon
        self._signals = signals
        self._guards = guards
        self._model = model
        self._rank = {name: rank for rank, name in enumerate(overlap_order)}

    @property
    def has_model(self) -> bool:
        return self._model is not None

    def detect(self, text: str, *, embedding: np.ndarray | None = None) -> CrisisReading:
        """Read one statement. ``embedding``: its L2-normalised MiniLM vector, if known.

        A 2-D array with one row per sentence (as split by
        ``selfkind.analysis.sentences``) is accepted too: the text is read from
        their mean, and the rows help point at the sentence a model-found sign is in.
        """
        if not text or not text.strip():
            return CrisisReading(level=CrisisLevel.NONE)
        findings = self.findings(text)
        rows = None
        reading = None
        if embedding is not None and self._model is not None:
            rows = embedding_rows(embedding, self._model.dim)
            if rows is not None:
                counts = terms(findings.norm.text)
                reading = self._model.read(text_vector(rows), counts)
        return self.conclude(text, findings, reading, sentence_vectors=rows)

    def findings(self, text: str) -> RuleFindings:
        """Patterns and guards over one text (training replays the model on these)."""
        norm = normalize(text, self._lexicon)
        scene = self._guards.scene(norm.text)
        judged, idioms_found = self._judge_all(scene)
        kept = [j for j in judged if j.verdict is Verdict.KEEP]
        # A laughing text keeps its direct signs, but only as weak ones, and drops
        # its weak ones: "kms this group project 💀" earns a gentle check-in, "I
        # can't do this anymore 😂 the cat did it again" nothing.
        kept += [
            Judged(j.signal, Strength.WEAK, j.start, j.end, j.words, j.verdict)
            for j in judged
            if j.verdict is Verdict.JOKING and j.strength is Strength.STRONG
        ]
        evidence = Evidence(
            hits=tuple(Hit(j.signal, j.strength, j.start, j.end) for j in kept),
            guarded=idioms_found
            or len(kept) < len(judged)
            or self._guards.context_says_not_me(scene),
        )
        # About someone else only when nothing is about the writer: a kept sign
        # of the writer's own makes this the writer's reading.
        about_other = not kept and (
            any(j.verdict is Verdict.OTHER_PERSON for j in judged)
            or self._guards.about_someone_else(scene)
        )
        return RuleFindings(norm, evidence, tuple(kept), about_other)

    def conclude(
        self,
        text: str,
        findings: RuleFindings,
        reading: ModelReading | None,
        *,
        sentence_vectors: np.ndarray | None = None,
    ) -> CrisisReading:
        """The level and the signals, given the rules' findings and the model's reading."""
        model = self._model
        evidence = Evidence(findings.evidence.hits, findings.evidence.guarded, reading)
        level = decide_level(
            evidence,
            possible_at=model.possible_at if model else 1.0,
            likely_at=model.likely_at if model else 1.0,
            soften_at=model.soften_at if model else 1.01,
        )
        if level is CrisisLevel.NONE:
            return CrisisReading(level=level, about_other=findings.about_other)
        if findings.kept:
            signals = _rule_signals(findings.kept, findings.norm, text, self._rank)
        elif reading is not None and model is not None:
            signals = (self._model_signal(text, findings.norm, reading.signal, sentence_vectors),)
        else:
            signals = ()
        return CrisisReading(level=level, signals=signals, about_other=False)

    def _model_signal(
        self,
        text: str,
        norm: NormalText,
        signal: str,
        sentence_vectors: np.ndarray | None,
    ) -> CrisisSignal:
        """The model's sign, on the sentence whose words (and vector) carry it most."""
        assert self._model is not None
        spans = split_sentences(text) or [(0, len(text))]
        parts = _sentence_terms(norm, spans)
        vectors = (
            sentence_vectors
            if sentence_vectors is not None and len(sentence_vectors) == len(spans)
            else None
        )
        best = self._model.strongest_part(signal, parts, vectors) if len(spans) > 1 else 0
        start, end = spans[best]
        return CrisisSignal(signal=signal, start=start, end=end, sentence=best)

    def evidence(self, text: str) -> Evidence:
        """What the rules found, without the model."""
        if not text or not text.strip():
            return Evidence(hits=())
        return self.findings(text).evidence

    def explain(self, text: str) -> list[Judged]:
        """Every pattern hit in ``text`` with the guard verdict on it."""
        if not text or not text.strip():
            return []
        norm = normalize(text, self._lexicon)
        return self._judge_all(self._guards.scene(norm.text))[0]

    def _judge_all(self, scene: Scene) -> tuple[list[Judged], bool]:
        text = scene.text
        masked = self._guards.mask_idioms(scene)
        judged: list[Judged] = []
        for patterns in self._signals:
            for strength, match in patterns.finditer(masked):
                start, end = match.span()
                verdict = self._guards.verdict(patterns, strength, scene, start, end)
                judged.append(
                    Judged(patterns.signal, strength, start, end, text[start:end], verdict)
                )
        return judged, masked != text


def _sentence_terms(norm: NormalText, spans: list[tuple[int, int]]) -> list[Counter[str]]:
    """The model's terms of each source sentence, from the normalised tokens in it."""
    starts = [a for a, _ in spans]
    pieces: list[list[str]] = [[] for _ in spans]
    ends = [*norm.starts[1:], len(norm.text) + 1]
    for token_start, token_end, origin in zip(norm.starts, ends, norm.origins, strict=True):
        index = max(0, bisect.bisect_right(starts, origin[0]) - 1)
        pieces[index].append(norm.text[token_start : token_end - 1])
    return [terms(" ".join(piece)) for piece in pieces]


def _rule_signals(
    kept: tuple[Judged, ...], norm: NormalText, text: str, rank: dict[str, int]
) -> tuple[CrisisSignal, ...]:
    """One signal per sign and phrase, on the person's own words.

    Overlapping or touching hits of the same signal become one span; where different signs
    overlap, only the most specific is reported (``[overlap]`` in patterns.toml).
    Sentence numbers follow the engine's own sentence splitter, so they index the
    same ``Analysis.sentences``.
    """
    merged: dict[str, list[list[int]]] = {}
    for j in sorted(kept, key=lambda j: (j.signal, j.start)):
        spans = merged.setdefault(j.signal, [])
        # Touching spans (one space apart in the normalised text) are one phrase.
        if spans and j.start <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], j.end)
        else:
            spans.append([j.start, j.end])
    found = [(signal, a, b) for signal, spans in merged.items() for a, b in spans]
    last = len(rank)
    found.sort(key=lambda f: rank.get(f[0], last))
    chosen: list[tuple[str, int, int]] = []
    for signal, a, b in found:
        if not any(a < y and x < b and s != signal for s, x, y in chosen):
            chosen.append((signal, a, b))
    sentence_starts = [a for a, _ in split_sentences(text)] or [0]
    out: list[CrisisSignal] = []
    for signal, start, end in chosen:
        source_start, source_end = norm.source_span(start, end)
        out.append(
            CrisisSignal(
                signal=signal,
                start=source_start,
                end=source_end,
                sentence=max(0, bisect.bisect_right(sentence_starts, source_start) - 1),
            )
        )
    return tuple(sorted(out, key=lambda s: (s.start, s.signal)))


def build_detector(*, use_model: bool = True) -> RuleDetector:
    """Load the packaged lexicon, patterns, guards and (if trained) the model.

    ``use_model=False`` gives the rules alone, as when no embedding is available.
    """
    return RuleDetector(
        lexicon=load_lexicon(),
        signals=load_signal_patterns(),
        guards=load_guards(),
        model=load_model() if use_model else None,
        overlap_order=load_overlap_order(),
    )
