"""One exception hierarchy for everything a user can get wrong.

Each error carries a code and a message that says what to do next; the CLI prints
``error[CODE]: message`` on one line and exits non-zero, never a traceback.
"""

from __future__ import annotations

import re

# Characters that could break the one line or act on a terminal: C0/C1 controls (CR, LF,
# ESC...), line and paragraph separators, and bidirectional overrides.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), never acted on."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def internal_message(err: Exception) -> str:
    """One line for an unexpected exception (a bug): its type, its text, what to do."""
    return printable(f"{type(err).__name__}: {err} (rerun with --debug for the traceback, and please report it)")


class ClaimscopeError(Exception):
    """Base class: an expected failure with a clear, one-line message.

    Control characters in the message (a server's status line, a file name...) are
    shown as escapes, so a message is always one inert line.
    """

    code = "E000"
    exit_code = 2

    def __init__(self, message: str):
        message = printable(message)
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


class OutputError(ClaimscopeError):
    """The report (or an export) cannot be written: missing folder, full disk, closed output."""

    code = "E600"


class UsageError(ClaimscopeError):
    """The command line itself is wrong: an unknown option, a missing or invalid value."""

    code = "E001"
