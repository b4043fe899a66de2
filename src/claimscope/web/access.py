"""Who may do what: the FastAPI dependencies for reads and writes (docs/web.md#access)."""

from __future__ import annotations

from fastapi import Depends, Request, Security
from fastapi.security import HTTPBearer

from .services import Services
from .errors import RateLimited, Unauthorized
from .security import SESSION_COOKIE, presented_key


def services(request: Request) -> Services:
    return request.app.state.services


def _key_id(request: Request, s: Services, cookie: bool) -> str | None:
    """The id of the live key the request presents (headers for the API, the cookie for pages)."""
    cookies = {SESSION_COOKIE: request.cookies.get(SESSION_COOKIE, "")} if cookie else {}
    key = presented_key(request.headers, cookies)
    return s.desk.key_id(key) if key else None


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _require(request: Request, s: Services, cookie: bool) -> str:
    key_id = _key_id(request, s, cookie)
    if key_id is None:
        where = "sign in with an API key" if cookie else "send it as 'Authorization: Bearer KEY'"
        raise Unauthorized(f"this needs a valid API key: {where} (an administrator creates one with "
                           "`claimscope keys create NAME`)")
    return key_id


def _limit(limiter, name: str) -> None:
    if not limiter.allow(name):
        raise RateLimited(f"more than {limiter.per_minute} requests in a minute: wait a minute and retry")


def writer(request: Request, s: Services, cookie: bool) -> str:
    """The id of the key a write presents, counted against its rate limit."""
    key_id = _require(request, s, cookie)
    _limit(s.writes, key_id)
    return key_id


def reader(request: Request, s: Services, cookie: bool) -> str | None:
    """The id of the key a read presents (required with private reads), counted against
    the rate limit of that key, else of the client's address."""
    key_id = _require(request, s, cookie) if s.config.private_reads else _key_id(request, s, cookie)
    _limit(s.reads, key_id or _client(request))
    return key_id


# Declared in the OpenAPI document; the key may also come as X-API-Key.
bearer = HTTPBearer(auto_error=False, scheme_name="api_key",
                    description="an API key made by `claimscope keys create NAME`")


def api_writer(request: Request, s: Services = Depends(services), _=Security(bearer)) -> str:
    return writer(request, s, cookie=False)


def api_reader(request: Request, s: Services = Depends(services), _=Security(bearer)) -> str | None:
    return reader(request, s, cookie=False)


def page_writer(request: Request, s: Services = Depends(services)) -> str:
    return writer(request, s, cookie=True)


def page_reader(request: Request, s: Services = Depends(services)) -> str | None:
    return reader(request, s, cookie=True)
