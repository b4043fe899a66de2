"""What guards every request: body size limit, security headers, API keys, rate limits, CSRF.

- :class:`Guard` (ASGI middleware): refuses a body over the limit (from its
  Content-Length; a chunked body is read up to the limit before the app sees it) and adds the security headers to every
  answer — a Content-Security-Policy without inline scripts or styles, ``nosniff``,
  frame denial, no referrer.
- :class:`RateLimiter`: at most N requests per minute per key (or per address).
- API keys come as ``Authorization: Bearer KEY`` or ``X-API-Key: KEY`` (API) or the
  desk's session cookie (pages, set by signing in with a key).
- Form posts carry a CSRF token equal to the ``claimscope_csrf`` cookie (double
  submit; the cookie is SameSite=Strict and HttpOnly).
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from collections import deque

from .errors import Forbidden, TooLarge, body

SESSION_COOKIE = "claimscope_key"
CSRF_COOKIE = "claimscope_csrf"
HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class Guard:
    """ASGI middleware: body size limit and security headers."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in names)]
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit():
            if int(declared) > self.max_body:
                return await _refuse(send_with_headers, self._too_large())
            return await self.app(scope, receive, send_with_headers)
        # No Content-Length (a chunked body): read it here, up to the limit, then replay it.
        messages, seen = [], 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                return await _refuse(send_with_headers, self._too_large())
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send_with_headers)

    def _too_large(self) -> TooLarge:
        return TooLarge(f"the request body is over {self.max_body:,} bytes: send a shorter article")


async def _refuse(send, err) -> None:
    payload = json.dumps(body(err)).encode()
    await send({"type": "http.response.start", "status": err.status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})


class RateLimiter:
    """At most ``per_minute`` requests per name in any sliding minute (0: no limit)."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._seen: dict[str, deque] = {}
        self._lock = threading.Lock()

    def allow(self, name: str) -> bool:
        if self.per_minute <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(name, deque())
            while seen and seen[0] <= now - 60:
                seen.popleft()
            if len(seen) >= self.per_minute:
                return False
            seen.append(now)
            if len(self._seen) > 100_000:  # forget idle names
                self._seen = {k: v for k, v in self._seen.items() if v and v[-1] > now - 60}
            return True


def presented_key(headers, cookies) -> str:
    """The API key a request presents (header first, then the desk's cookie), or ""."""
    auth = headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return headers.get("x-api-key", "").strip() or cookies.get(SESSION_COOKIE, "")


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def check_csrf(cookies, form_token: str) -> None:
    cookie = cookies.get(CSRF_COOKIE, "")
    if not cookie or not form_token or not hmac.compare_digest(cookie.encode(), str(form_token).encode()):
        raise Forbidden("this form has expired or did not come from this desk: reload the page and send it again")
