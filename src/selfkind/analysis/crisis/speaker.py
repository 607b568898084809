"""Whose state a pattern hit describes: the writer's, or someone else's.

Word order, not a parser: the subject of the hit's clause (the nearest "I",
"she", or person noun followed by a verb), reflexives that must agree with it,
quotation marks opened by someone else's words, and whether the text asks how
to help someone it names. Configured by ``guards.toml [speaker]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfkind.analysis.crisis.patterns import SpeakerGuard
from selfkind.analysis.crisis.scene import LOOK_BACK, Scene, clause_prefix

_FIRST_SINGULAR = frozenset({"i", "me", "my", "myself", "mine"})
_OTHER_REFLEXIVE = frozenset({"herself", "himself", "themselves", "themself"})
_THIRD_SUBJECTS = frozenset({"he", "she", "they"})
# Skipped when asking "does a verb follow this noun" ("my friend just told me").
_ADVERBS = frozenset(
    {"just", "really", "also", "always", "never", "still", "recently", "finally", "actually",
     "apparently", "then", "now", "even", "keeps"}
)  # fmt: skip
# Subjects that are not a person: "it was goodbye" has no one to attribute.
_NEUTRAL_SUBJECTS = frozenset({"it", "this", "that", "there"})
_CLAUSE_WORDS = frozenset(
    {",", ";", ":", '"', "but", "and", "so", "because", "though", "although", "yet", "or"}
)
_VERB_ENDING = re.compile(r"\w+(?:ed|es|ing)$")


@dataclass(frozen=True, slots=True)
class Speakers:
    """The compiled ``[speaker]`` table of ``guards.toml``."""

    third_person: frozenset[str]
    subject_verbs: frozenset[str]
    prepositions: frozenset[str]
    reporting: re.Pattern[str]
    others_own: re.Pattern[str]
    # A clinical word named on its own ("bulimia"): someone's, in a text about them.
    terms: re.Pattern[str]

    def of(self, scene: Scene, start: int, end: int, mode: SpeakerGuard) -> str:
        """'self' or 'other': whose words or state the hit describes.

        In order: someone else's quoted or reported words; a reflexive that
        cannot be the writer's ("herself", or "myself" under a third-person subject
        in the same clause: "my mate jokes about kms"); the writer named in the
        hit; someone else's body or life named in it ("her arms"), or a sign held
        by someone ("a friend with bulimia"); the subject of the hit's sentence (or
        the one before, when it has none); and, with no subject at all, whether
        the text asks how to help someone it names.

        ``SpeakerGuard.REPORTED`` is for burden talk, whose grammatical subject is
        naturally the others ("they'd be better off"): only someone else's words,
        or someone else as the burden ("better off without her"), count.
        """
        text = scene.text
        hit = text[start:end].split()
        if self._quoted_from_other(scene, start):
            return "other"
        if mode is SpeakerGuard.VICTIM:
            s_start, s_end = scene.sentence(start)
            if scene.about_someone and not self._writer_in(text[s_start:s_end]):
                return "other"
            return "self"
        if any(t in _OTHER_REFLEXIVE for t in hit):
            return "other"
        first = any(t in _FIRST_SINGULAR for t in hit)
        in_clause = self._subject(text, start, scope="clause")
        if "myself" in hit and "i" not in hit and in_clause == "other":
            return "other"
        if mode is SpeakerGuard.REPORTED:
            if self._reported_by_other(text, start, end):
                return "other"
            if not first and hit[-1] in {"her", "him"}:
                return "other"
            return "self"
        if first:
            return "self"
        if hit and hit[0] in _THIRD_SUBJECTS:
            return "other"
        if self.others_own.search(text[start:end]) is not None:
            return "other"
        before = text[max(0, start - 40) : start].split()
        if (
            len(before) >= 2
            and before[-1] in {"with", "has", "had"}
            and (before[-2] in self.third_person)
        ):
            return "other"
        if scene.about_someone and self.terms.fullmatch(text[start:end]):
            return "other"
        subject = self._subject(text, start, scope="sentence")
        if subject is not None:
            return subject
        return "other" if scene.about_someone else "self"

    def _subject(self, text: str, start: int, *, scope: str) -> str | None:
        """'self', 'other' or None: the nearest subject before ``start``.

        ``scope`` "clause" stops at the clause's start; "sentence" looks through
        the hit's sentence and, when that has no subject, the one before it. "It"
        or "this" as a subject ends the search with no person.
        """
        before = text[max(0, start - LOOK_BACK) : start].split()
        # The words after each candidate, adverbs skipped: does a verb follow it?
        after = [t for t in text[start : start + 60].split() if t not in _ADVERBS][:2]
        sentences = 0
        for index in range(len(before) - 1, -1, -1):
            token = before[index]
            if token == ".":
                sentences += 1
                if scope == "clause" or sentences > 1:
                    return None
            elif scope == "clause" and token in _CLAUSE_WORDS:
                return None
            if token in {"i", "we"}:
                return "self"
            if token in _THIRD_SUBJECTS:
                return "other"
            if token in _NEUTRAL_SUBJECTS and after and after[0] in self.subject_verbs:
                return None
            if token in self.third_person and self._is_subject(before, index, after):
                return "other"
            if token not in _ADVERBS:
                after = [token, *after[:1]]
        return None

    def _is_subject(self, tokens: list[str], index: int, after: list[str]) -> bool:
        """A person noun followed by a verb and not governed by a preposition.

        "mum s" is "mum is" only when a verb-like word follows ("mum s going");
        otherwise it is a possessive ("mum s pillow").
        """
        following = after[0] if after else ""
        if following == "s":
            following = after[1] if len(after) > 1 else ""
            if not (following in self.subject_verbs or following.endswith(("ing", "ed"))):
                return False
        elif following not in self.subject_verbs and not _VERB_ENDING.fullmatch(following):
            return False
        for back in (1, 2):
            if index - back >= 0 and tokens[index - back] in self.prepositions:
                return False
        return True

    def _writer_in(self, words: str) -> bool:
        """The writer is named: i, me, myself - or "my" not before someone else."""
        tokens = words.split()
        for index, token in enumerate(tokens):
            if token in {"i", "me", "myself", "mine"}:
                return True
            if token == "my":
                ahead = tokens[index + 1 : index + 3]
                if not any(t in self.third_person for t in ahead):
                    return True
        return False

    def _quoted_from_other(self, scene: Scene, start: int) -> bool:
        """Inside quotation marks opened by someone else's words ("she texted me '...'")."""
        if not scene.inside_quotes(start):
            return False
        text = scene.text
        opening = text.rfind('"', 0, start)
        lead = text[max(0, opening - 80) : opening]
        cut = lead.rfind(" . ")
        lead = lead[cut + 3 :] if cut >= 0 else lead
        said = [m.start() for m in self.reporting.finditer(lead)]
        return bool(said) and self._subject(lead, said[-1], scope="clause") == "other"

    def _reported_by_other(self, text: str, start: int, end: int) -> bool:
        """Someone else says or thinks it: "my sister keeps saying they'd be better off"."""
        lead = clause_prefix(text, start, breaks_on_comma=False)
        offset = start - len(lead)
        window = text[offset:end]
        for found in self.reporting.finditer(window):
            if self._subject(text, offset + found.start(), scope="clause") == "other":
                return True
        return False
