"""Single-typo correction towards the few words the crisis patterns depend on.

A person in distress types fast and on a phone: "wnat to die", "suicidl". A pattern
that only knows the dictionary spelling misses them, so every token one edit away
from a target word (and not itself an ordinary English word) is read as that word.
Candidates come from a deletion index (each target and each of its one-letter
deletions), which keeps a lookup at a handful of set probes instead of a distance
computation against every target.
"""

from __future__ import annotations

from collections.abc import Iterable

# Below this length only swapped letters are forgiven: one substitution in a
# four-letter word usually lands on another real word ("wait" for "want").
_MIN_LEN_FOR_ANY_EDIT = 5


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _is_transposition(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion, substitution or swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        mismatches = sum(1 for x, y in zip(a, b, strict=True) if x != y)
        return mismatches == 1 or _is_transposition(a, b)
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class Speller:
    """Maps a token to the target word it is one typo away from, if exactly one fits."""

    def __init__(self, targets: Iterable[str], *, protected: Iterable[str] = ()) -> None:
        self._targets = frozenset(targets)
        self._protected = frozenset(protected) | self._targets
        index: dict[str, set[str]] = {}
        for target in self._targets:
            for key in _deletions(target) | {target}:
                index.setdefault(key, set()).add(target)
        self._index = index

    @property
    def targets(self) -> frozenset[str]:
        return self._targets

    def correct(self, token: str) -> str | None:
        """The target ``token`` is a typo of, or None (also for known words)."""
        if len(token) < 3 or token in self._protected or not token.isalpha():
            return None
        candidates: set[str] = set()
        for key in _deletions(token) | {token}:
            candidates |= self._index.get(key, set())
        fits = sorted((t for t in candidates if self._fits(token, t)), key=lambda t: (-len(t), t))
        if not fits:
            return None
        # Two targets of one family ("suicidl": suicidal or suicide) both serve the
        # patterns; two unrelated ones would be a guess, and a guess is not made.
        if len({t[:4] for t in fits}) > 1:
            return None
        return fits[0]

    @staticmethod
    def _fits(token: str, target: str) -> bool:
        if len(target) < _MIN_LEN_FOR_ANY_EDIT:
            return _is_transposition(token, target)
        # Typos rarely hit the first letter; requiring it keeps "giving" from
        # turning into "living".
        return token[0] == target[0] and _one_edit(token, target)

    def at_risk(self, words: Iterable[str]) -> list[str]:
        """Those of ``words`` this speller would rewrite: the list to protect.

        Used when regenerating ``spelling_protected.txt`` from a system word list.
        """
        return sorted(w for w in words if self.correct(w) is not None)


def _regenerate(word_list: str) -> None:
    """Rewrite ``spelling_protected.txt`` from a system word list (a developer step)."""
    import re
    import tomllib
    from pathlib import Path

    here = Path(__file__).parent
    data = tomllib.loads((here / "lexicon.toml").read_text(encoding="utf-8"))
    speller = Speller(data["fuzzy"]["targets"])
    text = Path(word_list).read_text(encoding="utf-8")
    words = sorted({w for w in text.split() if re.fullmatch(r"[a-z]+", w)})
    header = (
        "# Real English words one typo away from a [fuzzy] target in lexicon.toml: never\n"
        '# \'corrected\' ("tried" must not become "tired"). Regenerate after changing the\n'
        "# targets: python -m selfkind.analysis.crisis.spelling /usr/share/dict/words\n"
    )
    body = "".join(w + "\n" for w in speller.at_risk(words))
    (here / "spelling_protected.txt").write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    import sys

    _regenerate(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/words")
