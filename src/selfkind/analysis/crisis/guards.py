"""Reading a pattern hit in context: idiom, denial, recovery, someone else, a quote.

Every check works on the normalised text (see :mod:`normalize`), where tokens are
separated by single spaces and punctuation stands alone. Whole-text facts are
worked out once per text (:class:`Scene`); each hit is then judged on its own
clause: the negator before it, the subject of its clause, the tense of its
sentence, the quote it sits in.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from selfkind.analysis.crisis.patterns import PastGuard, SignalPatterns, SpeakerGuard, Strength
from selfkind.analysis.crisis.scene import (
    CLAUSE_BREAK,
    SENTENCE_BREAK,
    Scene,
    alternation,
    clause_prefix,
)
from selfkind.analysis.crisis.speaker import Speakers

_PACKAGE = "selfkind.analysis.crisis"
_FIRST_SINGULAR = frozenset({"i", "me", "my", "myself", "mine"})
_CONTRAST = re.compile(r"(?<![\w'])(?:but|though|although|yet|however|except)(?![\w'])")
_SERIOUS = re.compile(
    r"(?<![\w'])(?:not (?:a )?jok\w*|not kidding|for real|i mean it|seriously|no actually|"
    r"actually|not in a joke way|this time)(?![\w'])"
)
_LAUGH = re.compile(r"(?<![\w'])lol(?![\w'])")


class Verdict(StrEnum):
    """Why a hit was set aside (or ``KEEP`` when it stands)."""

    KEEP = "keep"
    NEGATED = "negated"
    PAST = "past"
    OTHER_PERSON = "other_person"
    REPORTED = "reported"
    ORDINARY = "ordinary"
    JOKING = "joking"


@dataclass(frozen=True, slots=True)
class Guards:
    """The compiled contents of ``guards.toml``."""

    idioms: re.Pattern[str]
    literal: re.Pattern[str]
    hyperbole: re.Pattern[str]
    humour_frames: re.Pattern[str]
    negators: re.Pattern[str]
    not_negation: tuple[str, ...]
    negation_window: int
    denials: re.Pattern[str]
    answers: re.Pattern[str]
    asked: re.Pattern[str]
    reassurance: re.Pattern[str]
    past: re.Pattern[str]
    recovery: re.Pattern[str]
    live: re.Pattern[str]
    live_here: re.Pattern[str]
    coping: re.Pattern[str]
    admitted: re.Pattern[str]
    helping: re.Pattern[str]
    worry: re.Pattern[str]
    topics: re.Pattern[str]
    other_harm: re.Pattern[str]
    speakers: Speakers
    then: re.Pattern[str]
    now: re.Pattern[str]
    media: re.Pattern[str]
    education: re.Pattern[str]
    terms: re.Pattern[str]
    hypothetical: re.Pattern[str]
    benign: re.Pattern[str]
    reason: re.Pattern[str]
    dark_reason: re.Pattern[str]
    accident: re.Pattern[str]
    not_accident: re.Pattern[str]

    def scene(self, text: str) -> Scene:
        """The whole-text facts the per-hit checks need."""
        breaks = list(SENTENCE_BREAK.finditer(text))
        mentions_someone = any(t in self.speakers.third_person for t in text.split())
        return Scene(
            text=text,
            sentence_starts=(0, *(m.end() for m in breaks)),
            sentence_ends=(*(m.start() for m in breaks), len(text)),
            laughs=_LAUGH.search(text) is not None,
            live=self.live.search(text) is not None,
            media=self.media.search(text) is not None,
            education=self.education.search(text) is not None,
            helping=self.helping.search(text) is not None,
            past_anywhere=self.past.search(text) is not None,
            recovering=self.recovery.search(text) is not None or self._then_and_now(text),
            coping=self.coping.search(text) is not None,
            reassurances=tuple(m.span() for m in self.reassurance.finditer(text)),
            about_someone=mentions_someone
            and (self.helping.search(text) is not None or self.worry.search(text) is not None),
            admitted=self.admitted.search(text) is not None,
            not_accident=self.not_accident.search(text) is not None,
            quotes=tuple(i for i, c in enumerate(text) if c == '"'),
        )

    def _then_and_now(self, text: str) -> bool:
        """A time in the past, and later a present that differs from it."""
        then = self.then.search(text)
        return then is not None and self.now.search(text, then.end()) is not None

    def mask_idioms(self, scene: Scene) -> str:
        """Blank out idioms ("killing it", "dying for a nap"), keeping every offset.

        A sentence built on a hyperbole frame ("if they play that song one more
        time...", "so hungover I want to die") is blanked whole.
        """

        def blank(match: re.Match[str]) -> str:
            return "_" * len(match.group())

        text = scene.text
        masked = self.idioms.sub(blank, text)
        if scene.laughs:
            masked = self.humour_frames.sub(blank, masked)
        for found in self.hyperbole.finditer(masked):
            start, end = scene.sentence(found.start())
            masked = masked[:start] + "_" * (end - start) + masked[end:]
        # "Not as a joke": the writer insists the words are meant.
        for found in self.literal.finditer(text):
            start, end = scene.sentence(found.start())
            masked = masked[:start] + text[start:end] + masked[end:]
        return masked

    def verdict(
        self, patterns: SignalPatterns, strength: Strength, scene: Scene, start: int, end: int
    ) -> Verdict:
        """Whether a hit stands, or why it is set aside."""
        text = scene.text
        bounds = scene.sentence(start)
        sentence = text[bounds[0] : bounds[1]]
        if self.reported(scene, start, end, bounds):
            return Verdict.REPORTED
        speaker = patterns.speaker_guard(strength)
        if (
            speaker is not SpeakerGuard.OFF
            and self.speakers.of(scene, start, end, speaker) == "other"
        ):
            return Verdict.OTHER_PERSON
        if self.negated(text, start, end) or self.denied(scene, start, end, bounds):
            return Verdict.NEGATED
        if patterns.past is not PastGuard.OFF and self.looks_back(
            scene, sentence, recovery_only=patterns.past is PastGuard.RECOVERY
        ):
            return Verdict.PAST
        if patterns.signal == "preparation" and self.ordinary(sentence):
            return Verdict.ORDINARY
        if patterns.signal == "self_harm" and self.accidental(sentence, scene):
            return Verdict.ORDINARY
        if self.joking(scene, sentence):
            return Verdict.JOKING
        return Verdict.KEEP

    def joking(self, scene: Scene, sentence: str) -> bool:
        """The text laughs at itself and nothing in the sentence insists it is meant."""
        return scene.laughs and _SERIOUS.search(sentence) is None

    # -- negation ---------------------------------------------------------------

    def negated(self, text: str, start: int, end: int) -> bool:
        """A negator in the few tokens before the hit, in the same clause."""
        if CLAUSE_BREAK.match(text, max(0, start - 1)) is not None:
            return False  # the hit opens its own clause ("because i won't be here")
        prefix = clause_prefix(text, start)
        tokens = prefix.split()[-self.negation_window :]
        if not tokens:
            return False
        tail = " ".join(tokens)
        following = f"{tail} {text[start:end]}"
        for found in self.negators.finditer(tail):
            rest = following[found.start() :]
            if not any(rest.startswith(hedge) for hedge in self.not_negation):
                return True
        return False

    def denied(self, scene: Scene, start: int, end: int, sentence: tuple[int, int]) -> bool:
        """A denial of the hit: in its sentence, as the answer after it, or for the text.

        "Suicidal? No, just tired"; "The GP asked about self harm. None."; "writing
        letters for the time capsule - not a goodbye thing". A "but" between a
        denial and a later hit undoes it ("I'm not suicidal, but...").
        """
        text = scene.text
        s_start, s_end = sentence
        for found in self.denials.finditer(text, s_start, s_end):
            low, high = sorted((found.end(), start))
            if _CONTRAST.search(text, low, high) is None:
                return True
        following = scene.next_sentence(start)
        if (
            following is not None
            and self.answers.match(text, following[0]) is not None
            and self.asked.search(text, s_start, s_end) is not None
        ):
            return True
        for r_start, r_end in scene.reassurances:
            if r_end <= start and _CONTRAST.search(text, r_end, start) is not None:
                continue
            if r_start >= end or r_end <= start:
                return True
        return False

    # -- tense and recovery ------------------------------------------------------

    def looks_back(self, scene: Scene, sentence: str, *, recovery_only: bool = False) -> bool:
        """The sentence speaks of the past or from recovery, and nothing says it is live.

        ``recovery_only``: a sign that is in the past by nature (an attempt) stands
        unless the text speaks from recovery.
        """
        if scene.live or self.live_here.search(sentence) is not None:
            return False
        if recovery_only:
            return scene.recovering
        return scene.recovering or self.past.search(sentence) is not None

    # -- who is speaking ---------------------------------------------------------

    # -- quotes, media, study ----------------------------------------------------

    def reported(self, scene: Scene, start: int, end: int, sentence: tuple[int, int]) -> bool:
        """Quoted, sung, studied or asked about rather than said of oneself."""
        text = scene.text
        s_start, s_end = sentence
        if scene.admitted:
            return False
        if scene.inside_quotes(start) and (
            self.media.search(text[s_start:s_end]) or _speech_before(text, start)
        ):
            return True
        before = text[s_start:start]
        if self.hypothetical.search(before):
            return True
        hit = text[start:end]
        near = set(hit.split()) | (set(before.split()[-3:]) & {"i", "me", "myself"})
        own = bool(near & _FIRST_SINGULAR) or before.endswith("my ")
        # A course, a lecture, an essay: the clinical word is named, not lived.
        if scene.education and self.terms.fullmatch(hit) and not own:
            return True
        # Professional and media talk often sets the scene a sentence earlier
        # ("Volunteered on the helpline tonight. Three calls about self harm.").
        return scene.media and not own

    # -- ordinary reasons ----------------------------------------------------------

    def ordinary(self, sentence: str) -> bool:
        """A plain reason for giving things away ("because i am moving").

        Any stated reason counts ("because I have too many books") unless the
        reason itself is dark ("because I won't need them").
        """
        if self.benign.search(sentence) is not None:
            return True
        for found in self.reason.finditer(sentence):
            reason = sentence[found.end() :]
            if self.dark_reason.search(reason) is None:
                return True
        return False

    def accidental(self, sentence: str, scene: Scene) -> bool:
        """An everyday injury ("hit my head on the cupboard"), not said to be deliberate."""
        return self.accident.search(sentence) is not None and not scene.not_accident

    # -- whole-text cues -----------------------------------------------------------

    def context_says_not_me(self, scene: Scene) -> bool:
        """Cues that the text is not the writer's own present crisis, even with no hit.

        They stop the model signal alone from raising a reading: a recovery story, a
        denial, a worried friend or a news report reads like crisis text to an
        embedding, which cannot see tense, negation or who is speaking. A text that
        laughs at itself needs the words themselves (a pattern) for an alarm.
        """
        return (
            ((scene.past_anywhere or scene.recovering) and not scene.live)
            or (scene.laughs and _SERIOUS.search(scene.text) is None)
            or scene.coping
            or scene.helping
            or scene.about_someone
            or scene.media
            or scene.education
            or bool(scene.reassurances)
            or self.denials.search(scene.text) is not None
            or self.other_harm.search(scene.text) is not None
        )

    def about_someone_else(self, scene: Scene) -> bool:
        """The text worries about someone else's crisis ("my friend's husband hits her")."""
        if self.other_harm.search(scene.text) is not None and (
            self.worry.search(scene.text) is not None or scene.helping
        ):
            return True
        return scene.about_someone and self.topics.search(scene.text) is not None


_SPEECH = re.compile(
    r"(?:said|says|say|sings|sang|wrote|writes|texted|posted|goes|went|called|shouted|told|"
    r"asked|reads|read|like|quote|line)\s*(?:,\s*)?(?::\s*)?\"?\s*$"
)


def _speech_before(text: str, start: int) -> bool:
    opening = text.rfind('"', 0, start)
    return opening >= 0 and _SPEECH.search(text[max(0, opening - 40) : opening + 1]) is not None


def compile_guards(data: Mapping[str, object]) -> Guards:
    """Compile the parsed ``guards.toml``."""

    def table(key: str) -> Mapping[str, object]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise TypeError(f"[{key}] must be a table")
        return value

    def strings(key: str, name: str) -> list[str]:
        value = table(key).get(name, [])
        if not isinstance(value, list):
            raise TypeError(f"{key}.{name} must be a list")
        return [str(v) for v in value]

    def words(key: str, name: str) -> frozenset[str]:
        return frozenset(strings(key, name))

    negation = table("negation")
    terms = re.compile(rf"(?:{'|'.join(strings('quote', 'terms'))})")
    return Guards(
        idioms=alternation(strings("idioms", "patterns")),
        literal=alternation(strings("idioms", "literal")),
        hyperbole=alternation(strings("idioms", "hyperbole")),
        humour_frames=alternation(strings("humour", "frames")),
        negators=alternation(re.escape(c) for c in strings("negation", "cues")),
        not_negation=tuple(strings("negation", "not_negation")),
        negation_window=int(str(negation.get("window", 4))),
        denials=alternation(strings("negation", "sentence_denials")),
        answers=re.compile(rf"(?:{'|'.join(strings('negation', 'answers'))})(?= \.| ,|$)"),
        asked=alternation(strings("negation", "asked")),
        reassurance=alternation(strings("negation", "reassurance")),
        past=alternation(strings("past", "cues")),
        recovery=alternation(strings("past", "recovery")),
        live=alternation(strings("past", "live")),
        live_here=alternation(strings("past", "live_here")),
        coping=alternation(strings("coping", "cues")),
        admitted=alternation(strings("quote", "admitted")),
        helping=alternation(strings("speaker", "helping")),
        worry=alternation(strings("speaker", "worry")),
        topics=alternation(strings("speaker", "topics")),
        other_harm=alternation(strings("speaker", "other_harm")),
        speakers=Speakers(
            third_person=words("speaker", "third_person"),
            subject_verbs=words("speaker", "subject_verbs"),
            prepositions=words("speaker", "prepositions"),
            reporting=alternation(strings("speaker", "reporting")),
            others_own=alternation(
                [rf"(?:his|her|their) (?:\w+ )?(?:{'|'.join(strings('speaker', 'own_things'))})"]
            ),
            terms=terms,
        ),
        then=alternation(strings("past", "then")),
        now=alternation(strings("past", "now")),
        media=alternation(re.escape(w) for w in strings("quote", "media")),
        education=alternation(strings("quote", "education")),
        terms=terms,
        hypothetical=alternation(strings("quote", "hypothetical")),
        benign=alternation(strings("ordinary", "benign")),
        reason=alternation(strings("ordinary", "reason")),
        dark_reason=alternation(strings("ordinary", "dark_reason")),
        accident=alternation(strings("accident", "cues")),
        not_accident=alternation(strings("accident", "not_accident")),
    )


def load_guards() -> Guards:
    """Read and compile ``guards.toml`` from the package."""
    text = resources.files(_PACKAGE).joinpath("guards.toml").read_text(encoding="utf-8")
    return compile_guards(tomllib.loads(text))
