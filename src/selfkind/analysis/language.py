"""A cheap guess at whether text is English ("en") or not ("other").

The stance model and the reframes are English-only, so the result says when its
reading is likely unreliable. Script first (mostly non-Latin letters is "other"),
then function words: English ones against those of a few common Latin-script
languages. Short texts with no evidence either way count as English.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_ENGLISH = frozenset(
    ["a", "about", "after", "again", "all", "always", "am", "an", "and", "any", "are", "as", "at",
     "be", "because", "been", "but", "by", "can", "can't", "could", "did", "didn't", "do", "does",
     "don't", "even", "ever", "every", "everyone", "everything", "feel", "felt", "for", "from",
     "get", "got", "had", "has", "have", "he", "her", "him", "his", "how", "i", "i'd", "i'll",
     "i'm", "i've", "if", "in", "is", "it", "it's", "just", "know", "like", "made", "make", "me",
     "more", "my", "myself", "never", "no", "nobody", "not", "nothing", "now", "of", "off", "ok",
     "okay", "on", "once", "one", "only", "or", "our", "out", "over", "really", "said", "same",
     "she", "should", "so", "some", "still", "than", "that", "the", "their", "them", "then",
     "there", "they", "thing", "think", "this", "though", "time", "to", "today", "too", "up",
     "very", "was", "wasn't", "we", "were", "what", "when", "which", "who", "why", "will", "with",
     "won't", "would", "you", "your"]
)
_OTHER = frozenset(
    ["el", "la", "los", "las", "un", "una", "unos", "y", "que", "de", "del", "en", "es", "por",
     "para", "con", "no", "soy", "estoy", "muy", "pero", "le", "les", "des", "et", "est", "je",
     "suis", "pas", "une", "dans", "pour", "avec", "mais", "ce", "qui", "sur", "au", "aux", "ne",
     "der", "die", "das", "und", "ist", "ich", "bin", "nicht", "ein", "eine", "mit", "auf", "für",
     "sich", "auch", "wie", "zu", "dem", "den", "il", "lo", "gli", "sono", "non", "che", "di",
     "per", "una", "ma", "con", "mi", "ti", "si", "questo", "o", "os", "as", "um", "uma", "eu",
     "não", "é", "com", "para", "mas", "muito", "het", "een", "en", "ik", "ben", "niet", "van",
     "op", "te", "dat", "zijn", "met"]
)
_MIN_EVIDENCE = 3


def detect_language(text: str) -> str:
    if not text.isascii():
        letters = [ch for ch in text if ch.isalpha()]
        latin = sum(1 for ch in letters if _is_latin(ch))
        if letters and latin / len(letters) < 0.5:
            return "other"
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    english = sum(1 for w in words if w in _ENGLISH)
    other = sum(1 for w in words if w in _OTHER and w not in _ENGLISH)
    if english + other < _MIN_EVIDENCE and len(words) < 6:
        return "en" if other <= english else "other"
    return "en" if english >= other and english > 0 else "other"


def _is_latin(ch: str) -> bool:
    if ch.isascii():
        return True
    try:
        return unicodedata.name(ch).startswith("LATIN")
    except ValueError:
        return False
