"""The 0-10 ratings used for distress and for how true kinder words feel."""

from __future__ import annotations

from selfkind.errors import InvalidInput

RATING_MIN = 0
RATING_MAX = 10


def parse_rating(value: str | int, *, what: str = "rating") -> int:
    """Read a whole number from 0 to 10, or raise :class:`InvalidInput`."""
    text = str(value).strip()
    try:
        number = int(text)
    except ValueError:
        raise InvalidInput(
            f"The {what} needs a whole number from {RATING_MIN} to {RATING_MAX} "
            f"(got {text!r})."
        ) from None
    if not RATING_MIN <= number <= RATING_MAX:
        raise InvalidInput(
            f"The {what} needs a whole number from {RATING_MIN} to {RATING_MAX} (got {number})."
        )
    return number
