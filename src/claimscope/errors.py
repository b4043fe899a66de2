"""One exception hierarchy for everything a user can get wrong.

Each error carries a code and a message that says what to do next; the CLI prints
``error[CODE]: message`` on one line and exits non-zero, never a traceback.
"""

from __future__ import annotations


class ClaimscopeError(Exception):
    """Base class: an expected failure with a clear, one-line message."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ClaimscopeError):
    """The input (file, stdin, record) cannot be read as an article."""

    code = "E100"


class FetchError(ClaimscopeError):
    """A URL could not be fetched, or was refused as unsafe."""

    code = "E200"


class PipelineError(ClaimscopeError):
    """The stages were assembled wrongly (a stage's requirement is missing)."""

    code = "E300"


class StoreError(ClaimscopeError):
    """The fact-check store could not be opened, migrated or written."""

    code = "E400"


class ImportFormatError(ClaimscopeError):
    """A fact-check file is not in a format that can be imported."""

    code = "E500"
