"""Finding the person's own situation in what they wrote, and saying it back.

"I'm such an idiot, I missed the deadline again." gives the situation
"missed the deadline again", which reads back as "you missed the deadline again"
(for a reframe) and "a friend who missed the deadline again" (for the friend
prompt). Plain rules: an event (a past-tense verb after "I", or at the start of
a sentence), else a state ("I'm ...", "I feel ...", "I can't ..."), else the
name someone called themselves, else the first clause with its pronouns turned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from selfkind.analysis.patterns import clause_spans

MAX_WORDS = 14

_IRREGULAR_PAST = frozenset(
    ["ate", "became", "began", "bit", "blew", "broke", "brought", "built", "bought", "came",
     "caught", "chose", "could", "did", "drank", "drove", "dug", "fell", "felt", "fought",
     "forgot", "forgave", "froze", "gave", "got", "went", "grew", "had", "heard", "hid", "hit",
     "hurt", "kept", "knew", "laid", "led", "left", "lent", "let", "lost", "made", "meant", "met",
     "paid", "put", "quit", "ran", "rang", "rode", "said", "sat", "saw", "sent", "set", "shook",
     "shot", "showed", "shut", "sang", "sank", "slept", "slid", "spent", "spilled", "spilt",
     "spoke", "stole", "stood", "stuck", "swore", "swam", "took", "taught", "tore", "told",
     "thought", "threw", "understood", "woke", "wore", "won", "wrote", "blanked", "snapped"]
)
_NOT_PAST_ED = frozenset(
    ["need", "feed", "bleed", "speed", "seed", "breed", "shed", "bed", "red", "proceed", "succeed"])
# Words that open a past event without a past-tense verb ("I never called back").
_NEG_PAST = frozenset(
    ["didn't", "didn’t", "couldn't", "couldn’t", "wasn't", "wasn’t", "never"])
_FILLER = (
    r"(?:(?:just|totally|completely|really|actually|accidentally|finally|already|also|even"
    r"|then|basically|literally|somehow|probably)\s+)*"
)
# "I" must open the clause (after a joining word at most): in "I should stop
# pretending I'm an artist" the situation is not "you're an artist".
_OPENER = r"^(?:(?:and|but|so|now|then|honestly|well|also|plus|ugh|oh|yet|today|again)[,\s]+)*"
_I_PRED = re.compile(rf"{_OPENER}I\s+{_FILLER}(?P<pred>[A-Za-z’']+\b.*)$", re.IGNORECASE)
_I_AM = re.compile(rf"{_OPENER}I(?:'m|’m|\s+am)\s+(?P<pred>.+)$", re.IGNORECASE)
# Sentence-initial words that are safe to lower-case when quoting a clause back.
_COMMON_OPENERS = frozenset(
    ["need", "have", "had", "got", "went", "made", "did", "today", "tomorrow", "yesterday",
     "another", "still", "just", "nothing", "everything", "everyone", "nobody", "work",
     "this", "that", "these", "those", "there", "it", "its", "the", "a", "an", "some", "no",
     "so", "and", "but", "why", "what", "how", "when", "maybe", "probably", "again"])
_FOR_GERUND = re.compile(r"\bfor\s+(?P<ger>[a-z]+ing\b.*)$", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?:such\s+|so\s+|just\s+|a\s+total\s+|totally\s+|completely\s+|really\s+)*"
    r"(?P<label>(?:an?\s+)?(?:(?:total|complete|absolute|useless|stupid|pathetic|bad|lousy|"
    r"terrible|awful)\s+)?(?:idiot|loser|failure|moron|fraud|fake|joke|mess|disaster|"
    r"screw-?up|monster|coward|burden|disappointment|embarrassment|klutz|hypocrite|fool|"
    r"wreck|mother|father|parent|friend|person|daughter|son|wife|husband|partner|mom|dad|"
    r"stupid|pathetic|worthless|useless|hopeless|lazy|disgusting|incompetent|talentless|"
    r"dumb|selfish|unlovable|hideous|ugly|weak|broken|defective))\b",
    re.IGNORECASE,
)
_PRESENT_VERBS = {
    "can't": "can't", "can’t": "can't", "cannot": "cannot", "don't": "doesn't",
    "don’t": "doesn't", "have": "has", "haven't": "hasn't", "haven’t": "hasn't",
    "keep": "keeps", "feel": "feels", "hate": "hates", "need": "needs", "want": "wants",
    "do": "does", "still": "still", "always": "always", "never": "never", "worry": "worries",
    "miss": "misses", "wish": "wishes", "think": "thinks", "know": "knows",
    "struggle": "struggles", "get": "gets", "try": "tries", "will": "will", "won't": "won't",
}
_SECOND = {
    "i": "you", "i'm": "you're", "i’m": "you're", "i've": "you've", "i’ve": "you've",
    "i'll": "you'll", "i’ll": "you'll", "i'd": "you'd", "i’d": "you'd", "me": "you",
    "my": "your", "mine": "yours", "myself": "yourself", "am": "are",
}
_THIRD = {
    "i": "they", "i'm": "they're", "i’m": "they're", "i've": "they've", "i’ve": "they've",
    "i'll": "they'll", "i’ll": "they'll", "i'd": "they'd", "i’d": "they'd", "me": "them",
    "my": "their", "mine": "theirs", "myself": "themselves", "am": "are",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class Situation:
    """The situation, said back in the second person and as "a friend who ..."."""

    kind: str  # "event", "state", "label", "clause" or "none"
    you: str  # "you missed the deadline again"
    friend: str  # "missed the deadline again"


NO_SITUATION = Situation("none", "this happened", "is going through something like this")


def find_situation(sentences: Sequence[str]) -> Situation:
    """The best situation among ``sentences`` (the driver sentence first)."""
    clauses = [s[a:b] for s in sentences for a, b in clause_spans(s)]
    for finder in (_event, _state, _label):
        for clause in clauses:
            found = finder(clause)
            if found is not None:
                return found
    for clause in clauses:
        words = _WORD.findall(clause)
        if len(words) >= 3:
            text = _cap(clause)
            first = text.split(maxsplit=1)[0].lower()
            if first in _COMMON_OPENERS or first in ("my", "me"):
                text = text[0].lower() + text[1:]
            lead = "" if first in ("i", "i'm", "i’m", "my", "me") else "that "
            return Situation("clause", f"you said {lead}" + convert(text, _SECOND),
                             f"said {lead}" + convert(text, _THIRD))
    return NO_SITUATION


def _event(clause: str) -> Situation | None:
    match = _I_PRED.search(clause)
    pred = match.group("pred") if match else None
    if pred is None:
        first = clause.split(maxsplit=1)
        # Subject left out, as in "Failed the chem quiz again."
        if first and _is_past(first[0]) and clause[:1].isupper():
            pred = clause[0].lower() + clause[1:]
    if pred is None or not _is_past(pred.split(maxsplit=1)[0]):
        return None
    pred = _cap(pred)
    friend = pred
    head, _, tail = pred.partition(" ")
    if head.lower() in _ADVERBS and tail:
        # "I never finish anything" -> "a friend who never finishes anything".
        verb, _, rest = tail.partition(" ")
        friend = f"{head} {_third_person(verb)} {rest}".strip()
    return Situation("event", "you " + convert(pred, _SECOND), convert(friend, _THIRD))


def _state(clause: str) -> Situation | None:
    am = _I_AM.search(clause)
    if am is not None and _LABEL.match(am.group("pred")) is None:
        pred = _cap(am.group("pred"))
        return Situation("state", "you're " + convert(pred, _SECOND),
                         "is " + convert(pred, _THIRD))
    match = _I_PRED.search(clause)
    if match is None:
        return None
    verb, _, rest = match.group("pred").partition(" ")
    third = _PRESENT_VERBS.get(verb.lower())
    if third is None or not rest:
        return None
    rest = _cap(rest)
    friend_rest = rest
    if verb.lower() in _ADVERBS:
        # "I always mess it up" -> "a friend who always messes it up".
        head, _, tail = rest.partition(" ")
        friend_rest = f"{_third_person(head)} {tail}".strip()
    return Situation("state", f"you {verb.lower()} {convert(rest, _SECOND)}",
                     f"{third} {convert(friend_rest, _THIRD)}")


_ADVERBS = frozenset({"still", "always", "never"})
_MODALS = frozenset({"can", "can't", "can’t", "cannot", "will", "won't", "won’t", "would",
                     "should", "could", "must", "might", "may", "shall"})


def _third_person(word: str) -> str:
    """A present-tense verb for "he/she/they (one friend)": mess -> messes."""
    lower = word.lower()
    if lower in _PRESENT_VERBS:
        return _PRESENT_VERBS[lower]
    if (lower in _MODALS or _is_past(lower) or (lower.endswith("s") and not lower.endswith("ss"))
            or not lower.isalpha() or len(lower) < 2):
        return word
    if lower.endswith(("ss", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if lower.endswith("y") and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _label(clause: str) -> Situation | None:
    am = _I_AM.search(clause)
    if am is None:
        return None
    label = _LABEL.match(am.group("pred"))
    if label is None:
        return None
    name = label.group("label")
    gerund = _FOR_GERUND.search(am.group("pred"))
    if gerund is not None:
        ger = _cap(gerund.group("ger"))
        return Situation("label",
                         f"you're being hard on yourself for {convert(ger, _SECOND)}",
                         f"is being hard on themselves for {convert(ger, _THIRD)}")
    return Situation("label", f"you called yourself {name}", f"called themselves {name}")


def _is_past(word: str) -> bool:
    w = word.lower().strip(".,!?;:")
    if w in _IRREGULAR_PAST or w in _NEG_PAST:
        return True
    return len(w) > 3 and w.endswith("ed") and w not in _NOT_PAST_ED and not w.endswith("eed")


def _cap(text: str) -> str:
    """At most ``MAX_WORDS`` words, without trailing punctuation."""
    text = re.split(r"[.!?…](?:\s|$)", text, maxsplit=1)[0]
    words = text.split()
    text = " ".join(words[:MAX_WORDS])
    return text.rstrip(" .,!?;:…\"'”’")


def convert(text: str, table: dict[str, str]) -> str:
    """Swap first-person words using ``table`` ("my" -> "your" or "their")."""
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return table.get(word.lower(), word)

    out = _WORD.sub(swap, text)
    # "you was"/"they was" after the swap reads wrong; both take "were".
    return re.sub(r"\b(you|they) was\b", r"\1 were", out)
