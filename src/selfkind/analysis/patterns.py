"""Thinking patterns in a sentence: regex rules first, then a learned head.

Rules (``rules/patterns.toml``) are transparent and precise; they report the span
of the words that match. Most patterns are too varied for rules, so a linear head
over [sentence embedding ; word 1-2 gram TF-IDF], trained on
``corpus/patterns/examples.jsonl`` (positives) and kind or neutral statements
(the "none" class), names a pattern when its probability clears a threshold
chosen by cross-validation. Its span is the clause of the sentence whose words
push that pattern's score up most, so it too points at the words that show it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from selfkind.analysis.model_files import model_dir, read_arrays, read_json
from selfkind.analysis.sentences import Span
from selfkind.analysis.stance_head import softmax
from selfkind.analysis.tfidf import SparseRows, TfidfSpec, TfidfTransform
from selfkind.core.analysis import PATTERN_NAMES

PATTERN_ARRAYS = "patterns.npz"
PATTERN_META = "patterns.json"
NONE_CLASS = "none"
# Escapes that lower-casing would change the meaning of (\S -> \s and so on).
_CASED_ESCAPE = re.compile(r"\\[A-Z]")
# Clause edges: punctuation, and joins where one thought hands over to the next.
_CLAUSE_EDGE = re.compile(
    r"(?:[,;:](?=\s)|[()\u2013\u2014])\s*(?:(?:but|and then|because|although|though|while)\s+)?"
    r"|\s+(?:but|and then|because|although|though|while|whereas)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """All the rules of one pattern, joined into one expression (one search per sentence).

    ``regex`` is the lower-cased expression, run on lower-cased text: about twice as
    fast as re.IGNORECASE. ``fallback`` (IGNORECASE) serves the rare text whose
    lower-casing changes its length (offsets must stay true to the original).
    """

    pattern: str
    regex: re.Pattern[str]
    fallback: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Found:
    """A pattern inside one sentence; ``start``/``end`` are offsets in that sentence."""

    pattern: str
    start: int
    end: int
    score: float  # 1.0 for a rule


def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    if path is None:
        text = (resources.files("selfkind.analysis") / "rules" / "patterns.toml").read_text(
            encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    grouped: dict[str, list[str]] = {}
    for number, entry in enumerate(data.get("rule", [])):
        name = entry["pattern"]
        if name not in PATTERN_NAMES:
            raise ValueError(f"patterns.toml: unknown pattern {name!r}")
        source = entry["regex"]
        re.compile(source)  # a bad rule fails here, named by its own text
        # Each rule's optional "span" group gets a unique name inside the join.
        grouped.setdefault(name, []).append(
            "(?:" + source.replace("(?P<span>", f"(?P<span{number}>") + ")")
    rules = []
    for name, parts in grouped.items():
        joined = "|".join(parts)
        if _CASED_ESCAPE.search(joined):
            raise ValueError(f"patterns.toml ({name}): use lower-case escapes (\\s, \\w, \\b)")
        rules.append(Rule(name, re.compile(joined.lower()), re.compile(joined, re.IGNORECASE)))
    return tuple(rules)


def match_rules(rules: Sequence[Rule], sentence: str) -> list[Found]:
    """The leftmost match of each pattern's rules in ``sentence``."""
    found: list[Found] = []
    lower = sentence.lower()
    same_length = len(lower) == len(sentence)
    for rule in rules:
        match = rule.regex.search(lower) if same_length else rule.fallback.search(sentence)
        if match is None:
            continue
        start, end = match.span()
        for group, value in match.groupdict().items():
            if value is not None and group.startswith("span"):
                start, end = match.span(group)
                break
        start, end = _trim(sentence, start, end)
        if end > start:
            found.append(Found(rule.pattern, start, end, 1.0))
    return found


@dataclass(frozen=True)
class PatternHead:
    classes: tuple[str, ...]  # PATTERN_NAMES members plus "none"
    coef_embedding: np.ndarray  # (384, k)
    word: TfidfTransform
    coef_word: np.ndarray  # (vocabulary, k)
    intercept: np.ndarray  # (k,)
    threshold: float

    def probabilities_of_rows(self, embeddings: np.ndarray, word: SparseRows) -> np.ndarray:
        """(n, k) from embeddings and already-computed word TF-IDF rows."""
        logits = embeddings.astype(np.float64) @ self.coef_embedding + self.intercept
        return softmax(logits + word.dot(self.coef_word))

    def probabilities(self, embeddings: np.ndarray, sentences: Sequence[str]) -> np.ndarray:
        word = self.word.rows([self.word.counts(s) for s in sentences])
        return self.probabilities_of_rows(embeddings, word)

    def find(self, probabilities: np.ndarray, sentence: str) -> list[Found]:
        """Patterns whose probability clears the threshold, each on its best clause."""
        found: list[Found] = []
        for k in np.argsort(-probabilities):
            name = self.classes[int(k)]
            if probabilities[k] < self.threshold:
                break
            if name == NONE_CLASS:
                continue
            start, end = self.best_clause(int(k), sentence)
            found.append(Found(name, start, end, float(probabilities[k])))
        return found

    def best_clause(self, k: int, sentence: str) -> Span:
        clauses = clause_spans(sentence)
        if len(clauses) == 1:
            return clauses[0]
        scores = []
        for start, end in clauses:
            # Unnormalised tf-idf: a clause carrying more of the telling words
            # scores higher, rather than whichever clause is shortest.
            idx, values = self.word.transform_one(sentence[start:end], normalize=False)
            scores.append(float(values @ self.coef_word[idx, k]) if len(idx) else float("-inf"))
        return clauses[int(np.argmax(scores))]


def clause_spans(sentence: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _CLAUSE_EDGE.finditer(sentence):
        a, b = _trim(sentence, start, match.start())
        if b - a >= 3:
            spans.append((a, b))
        start = match.end()
    a, b = _trim(sentence, start, len(sentence))
    if b - a >= 3 or not spans:
        spans.append((a, b))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "'’"):
        end -= 1
    return start, end


def load_pattern_head(directory: Path | None = None) -> PatternHead:
    directory = directory or model_dir()
    meta = read_json(directory / PATTERN_META)
    arrays = read_arrays(directory / PATTERN_ARRAYS)
    return PatternHead(
        classes=tuple(meta["classes"]),
        coef_embedding=arrays["coef_embedding"].astype(np.float64),
        word=TfidfTransform(TfidfSpec.from_json(meta["word"], arrays["word_idf"])),
        coef_word=arrays["coef_word"].astype(np.float64),
        intercept=arrays["intercept"].astype(np.float64),
        threshold=float(meta["threshold"]),
    )
