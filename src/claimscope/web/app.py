"""The ASGI application: ``create_app(config)`` (docs/web.md).

Analyses and fact-check searches run in worker processes (``web.worker``), each
analysis worker with its own :class:`~claimscope.Analyzer`; pages and the desk run on
the server's thread pool; nothing heavy runs on the event loop.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import ClaimscopeError
from .api import router as api_router
from .config import WebConfig
from .errors import BadRequest, NotFound, RateLimited, WebError, body, status_of
from .pages import error_page, router as page_router
from .security import Guard
from .services import open_services

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


def create_app(config: WebConfig | None = None) -> FastAPI:
    """The web desk and the JSON API, as ``config`` says (the worker processes start on
    the first search or analysis, or at once with ``app.state.services.start()``)."""
    config = config or WebConfig()
    services = open_services(config)

    @asynccontextmanager
    async def lifespan(app):
        yield
        services.close()

    app = FastAPI(
        title="claimscope", version=__version__, lifespan=lifespan,
        description="Fact-checking desk: analyse articles, review their claims and matched fact-checks.",
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.services = services
    app.include_router(api_router)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _handle_errors(app)
    app.add_middleware(Guard, max_body=config.max_body)
    return app


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def _handle_errors(app: FastAPI) -> None:
    def answer(request: Request, err: ClaimscopeError):
        if wants_html(request):
            response = error_page(request, err, status_of(err))
        else:
            response = JSONResponse(body(err), status_code=status_of(err))
        if isinstance(err, RateLimited):
            response.headers["retry-after"] = "60"  # the limits count requests per minute
        return response

    @app.exception_handler(ClaimscopeError)
    async def project_error(request: Request, err: ClaimscopeError):
        return answer(request, err)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "the request"
        what = first.get("msg", "invalid value")
        if first.get("type") == "json_invalid":
            return answer(request, BadRequest("the body is not valid JSON: send a JSON object"))
        return answer(request, BadRequest(f"{where}: {what}"))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException):
        if err.status_code == 404:
            return answer(request, NotFound(f"nothing at {request.url.path}: see /api/v1/openapi.json or the desk's home page"))
        error = WebError(str(err.detail))
        error.status = err.status_code
        return answer(request, error)

    @app.exception_handler(Exception)
    async def bug(request: Request, err: Exception):
        log.exception("unexpected error on %s", request.url.path)
        error = WebError("the server failed on this request; it has been logged, please report it")
        error.code, error.status = "internal", 500
        return answer(request, error)
