"""Who may do what: the FastAPI dependencies for reads and writes (docs/web.md#access)."""

from __future__ import annotations

from fastapi import Depends, Request

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


def _writer(cookie: bool):
    def writer(request: Request, s: Services = Depends(services)) -> str:
        key_id = _require(request, s, cookie)
        _limit(s.writes, key_id)
        return key_id
    return writer


def _reader(cookie: bool):
    def reader(request: Request, s: Services = Depends(services)) -> str | None:
        key_id = _require(request, s, cookie) if s.config.private_reads else _key_id(request, s, cookie)
        _limit(s.reads, key_id or _client(request))
        return key_id
    return reader


api_writer, api_reader = _writer(cookie=False), _reader(cookie=False)
page_writer, page_reader = _writer(cookie=True), _reader(cookie=True)
