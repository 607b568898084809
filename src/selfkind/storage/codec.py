"""The one door personal text passes through on its way to the database.

Today it is a pass-through; the privacy work adds an encrypting codec here.
Encoded values carry a version tag so old and new values can live side by side.
"""

from __future__ import annotations

from typing import Protocol


class FieldCodec(Protocol):
    def encode(self, plain: str) -> str: ...

    def decode(self, stored: str) -> str: ...


PLAIN_TAG = "p1:"


class PlainCodec:
    """Stores text as it is, behind a version tag."""

    def encode(self, plain: str) -> str:
        return PLAIN_TAG + plain

    def decode(self, stored: str) -> str:
        if stored.startswith(PLAIN_TAG):
            return stored[len(PLAIN_TAG):]
        raise ValueError("this value was written by a codec this version does not know")
