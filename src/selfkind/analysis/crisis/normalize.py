"""Messy writing to one canonical lower-case form, keeping the way back to the original.

Patterns are written once, against the normalised form ("i am", "do not", "want to
die"); every normalised token remembers the character span it came from, so a
signal found in the expansion of "kms" is reported on "kms" in the person's text.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from selfkind.analysis.crisis.spelling import Speller

_PACKAGE = "selfkind.analysis.crisis"

# A word may carry inner apostrophes, hyphens or slashes ("don't", "self-harm", "w/o")
# and leetspeak symbols ("su1c1de", "k!ll", "s*icide").
_TOKEN = re.compile(
    r"""(?P<word>(?:[^\W_]|[@$*])+(?:(?:['’/-]|!(?=[^\W_]))(?:[^\W_]|[@$*])+)*)
      | (?P<pause>\.{2,}|…+)
      | (?P<stop>[.!?;\n]+)
      | (?P<quote>["“”«»„]|(?<![^\W_])['‘’]|['‘’](?![^\W_]))
      | (?P<comma>[,:()\[\]–—]|\s-\s)
      | (?P<laugh>[\U0001F602\U0001F923\U0001F480\U0001F606\U0001F639\u2620])
    """,
    re.VERBOSE,
)
_LEET = str.maketrans(
    {
        "1": "i",
        "!": "i",
        "3": "e",
        "0": "o",
        "@": "a",
        "$": "s",
        "4": "a",
        "5": "s",
        "7": "t",
        "|": "i",
    }
)
# An ellipsis is a pause inside a thought ("i just... want it to stop"), not a
# sentence end, so it leaves no token behind.
_PARTICIPLE = re.compile(
    r"(?:never |not |just |already |always |only |ever )*(?:been|had|done|gone|seen|made|taken|"
    r"tried|thought|felt|wanted|known|left|said|told|found|lost|got|given|written|died|lived)\b"
)
_PUNCT_FORM = {"stop": ".", "quote": '"', "comma": ",", "laugh": "lol", "pause": ""}


# eq=False keeps identity hashing, which the per-token cache keys on.
@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """The normalisation data of ``lexicon.toml`` plus the typo corrector."""

    words: dict[str, str]
    speller: Speller

    def normal_form(self, token: str) -> str:
        return _normal_form(self, token)


@lru_cache(maxsize=8192)
def _normal_form(lexicon: Lexicon, token: str) -> str:
    # Cached per token: a journal repeats its words, and this is the detector's
    # only per-word Python work besides the regex engine.
    low = token.lower().replace("’", "'")
    known = lexicon.words.get(low)
    if known is not None:
        return known
    if any(c in low for c in "0123456789@$*!|") and sum(c.isalpha() for c in low) >= 2:
        decoded = _decode_symbols(lexicon, low)
        if decoded is not None:
            return decoded
    if low.endswith("'s") and len(low) > 2:
        # Possessive or "is": "decision's made", "mum's pillow" - patterns accept "s".
        return f"{_normal_form(lexicon, low[:-2])} s"
    if "-" in low or "/" in low:
        return " ".join(_normal_form(lexicon, part) for part in re.split(r"[-/]", low) if part)
    fixed = lexicon.speller.correct(low)
    if fixed is not None:
        return lexicon.words.get(fixed, fixed)
    return low


def _decode_symbols(lexicon: Lexicon, low: str) -> str | None:
    """Leetspeak and starred-out words, accepted only if they decode to a known word."""
    if "*" in low:
        shape = re.compile(re.escape(low).replace(r"\*", ".").translate(_LEET))
        hits = [t for t in lexicon.speller.targets if shape.fullmatch(t)]
        return hits[0] if len(hits) == 1 else None
    plain = low.translate(_LEET)
    if plain in lexicon.words:
        return lexicon.words[plain]
    if plain in lexicon.speller.targets:
        return plain
    return lexicon.speller.correct(plain)


@dataclass(frozen=True, slots=True)
class NormalText:
    """The normalised text and, per normalised token, the original span it stands for."""

    text: str
    # Sorted start offsets of the tokens in ``text``, and the original (start, end)
    # each token came from.
    starts: tuple[int, ...]
    origins: tuple[tuple[int, int], ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The original character span covering normalised ``text[start:end]``."""
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = max(first, bisect.bisect_left(self.starts, end) - 1)
        return self.origins[first][0], self.origins[last][1]


def normalize(text: str, lexicon: Lexicon) -> NormalText:
    """Tokenise, expand contractions and texting forms, fix single typos."""
    tokens: list[tuple[str, tuple[int, int]]] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        form = lexicon.normal_form(match.group()) if kind == "word" else _PUNCT_FORM[kind]
        if form:
            tokens.append((form, match.span()))
    parts: list[str] = []
    starts: list[int] = []
    origins: list[tuple[int, int]] = []
    cursor = 0
    for index, (form, span) in enumerate(tokens):
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        if form.endswith(" would") and _PARTICIPLE.match(following):
            # "i'd had", "i'd never been": the 'd is "had" here, not "would".
            form = form[: -len("would")] + "had"
        starts.append(cursor)
        origins.append(span)
        parts.append(form)
        cursor += len(form) + 1
    return NormalText(text=" ".join(parts), starts=tuple(starts), origins=tuple(origins))


def load_lexicon() -> Lexicon:
    """Read ``lexicon.toml`` and ``spelling_protected.txt`` from the package."""
    root = resources.files(_PACKAGE)
    data = tomllib.loads(root.joinpath("lexicon.toml").read_text(encoding="utf-8"))
    protected_text = root.joinpath("spelling_protected.txt").read_text(encoding="utf-8")
    protected = [w for w in protected_text.split("\n") if w and not w.startswith("#")]
    words = {str(k): str(v) for k, v in data["words"].items()}
    speller = Speller(
        [str(t) for t in data["fuzzy"]["targets"]],
        protected=[*protected, *words],
    )
    return Lexicon(words=words, speller=speller)
