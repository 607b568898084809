"""The signal patterns of ``patterns.toml``, compiled once per detector."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from selfkind.core.analysis import CRISIS_SIGNALS

_PACKAGE = "selfkind.analysis.crisis"
_MACRO = re.compile(r"@([a-z_]+)( ?)")
_MAX_MACRO_DEPTH = 5


class SpeakerGuard(StrEnum):
    """Whether a signal's hits are checked for being about someone else."""

    ON = "on"
    OFF = "off"
    # Only someone else's reported words count: burden talk is naturally about the
    # others ("they'd be better off"), so its subject says nothing.
    REPORTED = "reported"
    # Harm done to someone: the writer's unless the text is about someone else
    # and the writer is not in the hit's sentence.
    VICTIM = "victim"


class PastGuard(StrEnum):
    """Whether a signal's hits are set aside when the text looks back."""

    ON = "on"
    OFF = "off"
    # Only a recovery story counts: an attempt is in the past by nature.
    RECOVERY = "recovery"


class Strength(StrEnum):
    """How much one pattern hit says (see the header of ``patterns.toml``)."""

    STRONG = "strong"
    WEAK = "weak"


@dataclass(frozen=True, slots=True)
class SignalPatterns:
    """One signal's compiled patterns and which guards apply to it."""

    signal: str
    strong: re.Pattern[str] | None
    weak: re.Pattern[str] | None
    speaker: SpeakerGuard = SpeakerGuard.ON
    past: PastGuard = PastGuard.ON
    weak_speaker: SpeakerGuard = SpeakerGuard.ON

    def speaker_guard(self, strength: Strength) -> SpeakerGuard:
        return self.weak_speaker if strength is Strength.WEAK else self.speaker

    def finditer(self, text: str) -> Iterator[tuple[Strength, re.Match[str]]]:
        for strength, pattern in ((Strength.STRONG, self.strong), (Strength.WEAK, self.weak)):
            if pattern is not None:
                for match in pattern.finditer(text):
                    if match.end() > match.start():
                        yield strength, match


def expand_macros(pattern: str, macros: Mapping[str, str]) -> str:
    """Replace each ``@name`` by its macro, recursively (macros may use macros).

    Write ``@adv want``: an optional-words macro (one ending in ``" )*"``) takes the
    space after it, so the pattern still matches when no such word is present.
    """
    for _ in range(_MAX_MACRO_DEPTH):
        if "@" not in pattern:
            return pattern

        def substitute(match: re.Match[str]) -> str:
            name, space = match.group(1), match.group(2)
            if name not in macros:
                raise KeyError(f"unknown crisis pattern macro @{name}")
            value = macros[name]
            # An optional-words macro ("(?:(?:really|just) )*") carries its own
            # trailing space, so it swallows the space written after it.
            return value if value.endswith(" )*") else value + space

        pattern = _MACRO.sub(substitute, pattern)
    raise ValueError("crisis pattern macros nest too deeply")


def _compile(patterns: list[str], macros: Mapping[str, str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # One alternation per list: the regex engine scans the text once per list
    # instead of once per pattern. Its branches are arranged as a prefix tree on
    # their first letters (see _prefix_tree), so at each word the engine tries
    # only the patterns that can start with it: three times faster on a journal.
    branches = [b for p in patterns for b in _alternatives(expand_macros(p, macros))]
    return re.compile(rf"(?<![\w'])(?:{_prefix_tree(branches, _TREE_DEPTH)})(?![\w'])")


# -- arranging many patterns for a fast scan --------------------------------------
#
# Python's regex engine tries the branches of an alternation one by one at every
# position. Spelling out each pattern's leading choices ("(?:gave|give) my" ->
# "gave my", "give my") and grouping the branches by their first letters
# ("g(?:ave my|ive my)") lets it skip every branch that cannot start there. Same
# language, same signal and strength per list; where two branches of one list
# match at the same place, the reported span may be the longer one.

_TREE_DEPTH = 3
# A pattern whose leading choices would spell out into more than this many times
# its own length is kept whole (compiling is the detector's main start-up cost).
_MAX_GROWTH = 5


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a regex that can open, close or split a group, with its index
    and the group depth after it (escapes and character classes are skipped)."""
    depth = 0
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            yield i, c, depth
        i += 1


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|(?:b|c)" -> ["a", "(?:b|c)"])."""
    cuts = [i for i, c, depth in _structure(pattern) if c == "|" and depth == 0]
    starts = [0, *(i + 1 for i in cuts)]
    ends = [*cuts, len(pattern)]
    return [pattern[a:b] for a, b in zip(starts, ends, strict=True)]


def _group_end(pattern: str) -> int:
    """Index of the parenthesis closing the group that opens ``pattern``."""
    for i, c, depth in _structure(pattern):
        if c == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced crisis pattern: {pattern[:60]}")


def _spell_out(branch: str) -> list[str]:
    """A branch with its leading group's choices (and optionality) spelled out."""
    if not branch.startswith("(?:"):
        return [branch]
    end = _group_end(branch)
    inner, rest = branch[3:end], branch[end + 1 :]
    if rest.startswith("?") and not rest.startswith("??"):
        choices = [c + rest[1:] for c in _split_top(inner)] + [rest[1:]]
    elif rest[:1] in {"*", "+", "{"}:
        return [branch]
    else:
        choices = [c + rest for c in _split_top(inner)]
    out = [b for choice in choices for b in _spell_out(choice)]
    if sum(map(len, out)) > _MAX_GROWTH * len(branch):
        return [branch]
    return out


def _alternatives(pattern: str) -> list[str]:
    return [b for top in _split_top(pattern) for b in _spell_out(top)]


def _prefix_tree(branches: list[str], depth: int) -> str:
    """The branches as one alternation, grouped by their leading literal characters."""
    if depth == 0 or len(branches) < 4:
        return "|".join(branches)
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for branch in branches:
        first = branch[:1]
        literal = first.isalnum() or first == " "
        if literal and branch[1:2] not in {"*", "+", "?", "{"}:
            groups.setdefault(first, []).append(branch[1:])
        else:
            others.append(branch)
    parts = [
        f"{first}(?:{_prefix_tree(rests, depth - 1)})" if len(rests) > 1 else first + rests[0]
        for first, rests in groups.items()
    ]
    return "|".join(parts + others)


def compile_signals(data: Mapping[str, object]) -> tuple[SignalPatterns, ...]:
    """Compile the parsed ``patterns.toml``; unknown signal names are an error."""
    macros = {str(k): str(v) for k, v in _table(data, "macros").items()}
    compiled: list[SignalPatterns] = []
    for name, table in _table(data, "signals").items():
        if name not in CRISIS_SIGNALS:
            raise ValueError(f"patterns.toml names an unknown crisis signal: {name}")
        if not isinstance(table, dict):
            raise TypeError(f"[signals.{name}] must be a table")
        compiled.append(
            SignalPatterns(
                signal=name,
                strong=_compile([str(p) for p in table.get("strong", [])], macros),
                weak=_compile([str(p) for p in table.get("weak", [])], macros),
                speaker=SpeakerGuard(_switch(table.get("speaker", True))),
                weak_speaker=SpeakerGuard(
                    _switch(table.get("weak_speaker", table.get("speaker", True)))
                ),
                past=PastGuard(_switch(table.get("past", True))),
            )
        )
    return tuple(compiled)


def _switch(value: object) -> str:
    """TOML ``true``/``false`` or a mode name, as the guard enum's value."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _table(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise TypeError(f"[{key}] must be a table")
    return value


def _read() -> Mapping[str, object]:
    text = resources.files(_PACKAGE).joinpath("patterns.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_signal_patterns() -> tuple[SignalPatterns, ...]:
    """Read and compile ``patterns.toml`` from the package."""
    return compile_signals(_read())


def load_overlap_order() -> tuple[str, ...]:
    """Which sign is reported when one phrase shows several (most specific first)."""
    listed = _table(_read(), "overlap").get("order", [])
    if not isinstance(listed, list):
        raise TypeError("[overlap].order must be a list")
    order = [str(name) for name in listed]
    unknown = set(order) - set(CRISIS_SIGNALS)
    if unknown:
        raise ValueError(f"patterns.toml [overlap] names unknown signals: {sorted(unknown)}")
    return (*order, *(s for s in CRISIS_SIGNALS if s not in order))
