"""Errors that carry a message for the person using selfkind.

Services raise these; only a front end (the CLI's ``main``, later the web app)
turns them into output and an exit code or status.
"""

from __future__ import annotations


class SelfkindError(Exception):
    """Base class: ``message`` is shown to the person as it is."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(SelfkindError):
    """Something typed or passed in cannot be used."""

    exit_code = 2


class NotFound(SelfkindError):
    """A thing that was asked for does not exist (for this owner)."""

    exit_code = 3


class StorageError(SelfkindError):
    """The database cannot be opened or written."""

    exit_code = 4


class ImportFormatError(InvalidInput):
    """An import file cannot be read; nothing was imported."""
