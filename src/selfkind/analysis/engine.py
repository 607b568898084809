"""The analyzer engine: crisis check, stance, thinking patterns, reframe.

Every front door (CLI, services, evaluation) drives this one object. It is built
from its parts (``build_analyzer`` in ``selfkind.analysis`` does that), so tests
can pass a test-double crisis detector or reframer.

How a text is read:
1. It is split into sentences; every sentence is embedded once (batched across
   all texts), and the text's vector is made from its sentences' tokens.
2. The crisis detector runs first, on the whole text and its vector, before any
   other reading. When it reports anything, there is no reframe (and no chat
   endpoint is asked) and no friend prompt.
3. Stance: a text of up to ``LONG_TEXT_SENTENCES`` sentences is scored as a whole
   (as the head was trained); its driver is the sentence that carries the
   dominant stance most. A longer text is scored sentence by sentence and the
   most confident harsh sentence drives (harsh self-talk is what the companion is
   for), else the most confident compassionate one, else it is neutral.
4. Thinking patterns: rules, then the learned head, in each sentence.
5. The situation is taken from the driver sentence first, and the reframe and
   the friend prompt are built from it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from selfkind.analysis.crisis import CrisisDetector, CrisisReading
from selfkind.analysis.embedder import Embedder
from selfkind.analysis.language import detect_language
from selfkind.analysis.patterns import Found, PatternHead, Rule, match_rules
from selfkind.analysis.reframes import Reframer, ReframeRequest, TemplateReframer
from selfkind.analysis.situation import NO_SITUATION, find_situation
from selfkind.analysis.stance_head import StanceHead, softmax
from selfkind.analysis.text_vectors import TextVectors, embed_by_sentence
from selfkind.core.analysis import Analysis, CrisisLevel, PatternHit
from selfkind.core.pillars import COMPASSIONATE_STANCES, HARSH_STANCES, Stance
from selfkind.errors import InvalidInput

LONG_TEXT_SENTENCES = 6
CONFIDENT = 0.5


class AnalyzerEngine:
    """Implements :class:`selfkind.core.analysis.Analyzer`."""

    def __init__(self, *, embedder: Embedder, stance: StanceHead, patterns: PatternHead,
                 rules: Sequence[Rule], detector: CrisisDetector, reframer: Reframer,
                 templates: TemplateReframer) -> None:
        self._embedder = embedder
        self._stance = stance
        self._patterns = patterns
        self._rules = tuple(rules)
        self._detector = detector
        self._reframer = reframer
        self._templates = templates
        # Both heads' word features use sklearn's tokens and 1-2 grams: tokenise once.
        a, b = stance.word.spec, patterns.word.spec
        self._shared_terms = (a.token_pattern, a.ngram_range, a.lowercase) == (
            b.token_pattern, b.ngram_range, b.lowercase)

    def analyze(self, text: str) -> Analysis:
        """Read one statement (raises InvalidInput when it is empty)."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        """Read many statements with one batched pass of the embedding model."""
        clean = [_check(text, i if len(texts) > 1 else None) for i, text in enumerate(texts)]
        if not clean:
            return []
        vectors = embed_by_sentence(self._embedder, clean)
        # Crisis first, before any other reading: it decides whether there is a reframe.
        readings = [self._detector.detect(text, embedding=v.vector)
                    for text, v in zip(texts, vectors, strict=True)]
        batch = self._score(clean, vectors)
        return [self._read(texts[i], clean[i], vectors[i], batch, i, readings[i])
                for i in range(len(texts))]

    def _score(self, clean: Sequence[str], vectors: Sequence[TextVectors]) -> _Batch:
        """Both heads over every sentence (and every short multi-sentence text) at once."""
        stance, patterns = self._stance, self._patterns
        sentences = [text[a:b] for text, v in zip(clean, vectors, strict=True) for a, b in v.spans]
        first = np.cumsum([0] + [len(v.spans) for v in vectors])
        matrix = np.vstack([v.sentence_vectors for v in vectors])
        terms = [stance.word.terms_of(s) for s in sentences]
        chars = [stance.char.counts(s) for s in sentences]
        words = [stance.word.counts_of_terms(t) for t in terms]
        pattern_words = ([patterns.word.counts_of_terms(t) for t in terms] if self._shared_terms
                         else [patterns.word.counts(s) for s in sentences])
        per_sentence = softmax(stance.logits_of_rows(
            matrix, stance.word.rows(words), stance.char.rows(chars)))
        pattern_proba = patterns.probabilities_of_rows(matrix, patterns.word.rows(pattern_words))
        # Texts of 2..LONG_TEXT_SENTENCES sentences are also scored whole, as trained.
        # char_wb n-grams never cross the whitespace where sentences split, so the
        # text's char counts are the sum of its sentences'.
        whole = [i for i, v in enumerate(vectors) if 1 < len(v.spans) <= LONG_TEXT_SENTENCES]
        per_text: dict[int, np.ndarray] = {}
        if whole:
            char_sums = [_summed(chars[first[i]:first[i + 1]]) for i in whole]
            proba = softmax(stance.logits_of_rows(
                np.vstack([vectors[i].vector for i in whole]),
                stance.word.rows([stance.word.counts(clean[i]) for i in whole]),
                stance.char.rows(char_sums)))
            per_text = dict(zip(whole, proba, strict=True))
        return _Batch(sentences, first, per_sentence, pattern_proba, per_text)

    def _read(self, text: str, clean: str, vectors: TextVectors, batch: _Batch, i: int,
              reading: CrisisReading) -> Analysis:
        lo, hi = int(batch.first[i]), int(batch.first[i + 1])
        sentences = batch.sentences[lo:hi]
        scores, driver = self._stance_of(batch.per_sentence[lo:hi], batch.per_text.get(i))
        dominant = self._stance.classes[int(np.argmax(scores))]
        hits = self._find_patterns(sentences, vectors.spans, batch.pattern_proba[lo:hi])
        language = detect_language(clean)
        order = [driver] + [k for k in range(len(sentences)) if k != driver]
        situation = (find_situation([sentences[k] for k in order])
                     if language == "en" else NO_SITUATION)
        names = tuple(dict.fromkeys(h.name for h in
                                    sorted(hits, key=lambda h: (h.sentence != driver, h.start))))
        # In a crisis the person is shown help, not an exercise: no reframe (and no
        # chat endpoint is asked), and no friend prompt built from their words.
        reframe, friend_prompt = None, ""
        if reading.level is CrisisLevel.NONE:
            reframe = self._reframer.reframe(ReframeRequest(
                text=text, dominant=dominant, patterns=names, situation=situation,
                english=language == "en"))
            friend_prompt = self._templates.friend_prompt(situation)
        return Analysis(
            text=text,
            dominant=dominant,
            scores={c: float(p) for c, p in zip(self._stance.classes, scores, strict=True)},
            patterns=tuple(hits),
            crisis_level=reading.level,
            crisis_signals=reading.signals,
            about_other=reading.about_other,
            reframe=reframe,
            friend_prompt=friend_prompt,
            language=language,
            driver_sentence=driver,
            sentences=vectors.spans,
        )

    def _stance_of(self, per_sentence: np.ndarray,
                   whole: np.ndarray | None) -> tuple[np.ndarray, int]:
        classes = self._stance.classes
        if len(per_sentence) == 1:
            return per_sentence[0], 0
        if whole is not None:
            return whole, int(np.argmax(per_sentence[:, int(np.argmax(whole))]))
        for group in (HARSH_STANCES, COMPASSIONATE_STANCES):
            columns = [k for k, c in enumerate(classes) if c in group]
            strength = per_sentence[:, columns].max(axis=1)
            best = int(np.argmax(strength))
            if strength[best] >= CONFIDENT:
                return per_sentence[best], best
        neutral = classes.index(Stance.NEUTRAL)
        return per_sentence.mean(axis=0), int(np.argmin(per_sentence[:, neutral]))

    def _find_patterns(self, sentences: Sequence[str], spans: Sequence[tuple[int, int]],
                       proba: np.ndarray) -> list[PatternHit]:
        hits: list[PatternHit] = []
        for k, ((offset, _), sentence) in enumerate(zip(spans, sentences, strict=True)):
            found: list[Found] = match_rules(self._rules, sentence)
            by_rule = {f.pattern for f in found}
            found += [f for f in self._patterns.find(proba[k], sentence)
                      if f.pattern not in by_rule]
            hits += [PatternHit(f.pattern, offset + f.start, offset + f.end, k) for f in found]
        return hits


def _summed(counts: Sequence[Counter[int]]) -> Counter[int]:
    total: Counter[int] = Counter()
    for c in counts:
        total.update(c)
    return total


@dataclass(frozen=True, slots=True)
class _Batch:
    """Head outputs for one ``analyze_many`` call; sentence rows are flattened."""

    sentences: list[str]
    first: np.ndarray  # text i's sentences are rows first[i]:first[i + 1]
    per_sentence: np.ndarray  # stance probabilities per sentence
    pattern_proba: np.ndarray  # pattern-head probabilities per sentence
    per_text: dict[int, np.ndarray]  # stance of short multi-sentence texts, scored whole


# Control and invisible format characters (not newline or tab).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff0-\uffff\ud800-\udfff]"
)


def _check(text: object, index: int | None) -> str:
    """The text the model reads: invisible characters become spaces (offsets kept)."""
    where = f" (statement {index + 1})" if index is not None else ""
    if not isinstance(text, str):
        raise InvalidInput(f"Only text can be analysed{where}.")
    clean = _INVISIBLE.sub(" ", text)
    if not clean.strip():
        raise InvalidInput(f"There is nothing to analyse{where}: the text is empty.")
    return clean
