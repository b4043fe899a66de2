"""The web server's own failures, in the project's error hierarchy (codes E7xx).

Every error answer, API or page, carries ``{"error": {"code", "message"}}`` (or shows
them); :data:`STATUS` maps each project error to its HTTP status.
"""

from __future__ import annotations

from ..errors import ClaimscopeError, FetchError, ImportFormatError, InputError, StoreError, UsageError


class WebError(ClaimscopeError):
    """A request the server cannot serve as asked."""

    code = "E700"
    status = 400


class BadRequest(WebError):
    """Malformed JSON, a missing or invalid field, a wrong content type."""

    code = "E701"
    status = 422


class Unauthorized(WebError):
    """No API key, or a key that is unknown or revoked."""

    code = "E702"
    status = 401


class NotFound(WebError):
    """An unknown analysis, job or fact-check id, or an unknown page."""

    code = "E703"
    status = 404


class TooLarge(WebError):
    """A request body over the server's limit."""

    code = "E704"
    status = 413


class RateLimited(WebError):
    """Too many requests for one key (or one address) in the current window."""

    code = "E705"
    status = 429


class Forbidden(WebError):
    """A form post without a valid CSRF token."""

    code = "E706"
    status = 403


class UnsupportedMedia(WebError):
    """A body in a content type the endpoint does not take."""

    code = "E707"
    status = 415


class WorkerLost(WebError):
    """The analysis worker stopped while it had the job (or the server is stopping)."""

    code = "E708"
    status = 503


def status_of(err: ClaimscopeError) -> int:
    """The HTTP status of a project error: 4xx for what the caller can fix, 503 for a store failure."""
    if isinstance(err, WebError):
        return err.status
    if isinstance(err, (InputError, FetchError, ImportFormatError, UsageError)):
        return 422
    if isinstance(err, StoreError):
        return 503
    return 400


def body(err: ClaimscopeError) -> dict:
    return {"error": {"code": err.code, "message": err.message}}
