"""The desk's pages: server-rendered HTML over the same report view as the API.

Every page is a Jinja2 template with autoescaping; untrusted text (articles,
fact-checks, notes) is never marked safe, control characters are shown as escapes,
and only http(s) URLs become links. Forms post with a CSRF token; writes need the
desk's session (an API key given on the sign-in page).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..errors import ClaimscopeError
from ..model import VERDICTS
from ..render.chain import svg
from ..render.labels import kind_title, language_counts, reasons_text
from ..render.safe import terminal_text, to_json
from ..render.sections import main_chain, sections
from .access import page_reader, services, writer
from .api import export_lines
from .services import Services
from .desk import CLAIM_STATUSES, DECISIONS
from .errors import BadRequest, Unauthorized
from .highlight import LEGEND, article_pieces
from .intake import checked, loader
from .security import CSRF_COOKIE, SESSION_COOKIE, check_csrf, new_csrf_token
from .view import claim_of, draft_claimreview, match_of, report_view

router = APIRouter(include_in_schema=False)
_LINK = re.compile(r"https?://", re.IGNORECASE)
PER_PAGE = 20


def _visible(value):
    """Every ``{{ value }}`` with control characters shown as escapes (our Markup kept)."""
    return terminal_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("claimscope.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=_visible)
    env.filters["link_ok"] = lambda url: bool(url) and bool(_LINK.match(str(url)))
    env.filters["kind_title"] = kind_title
    env.filters["reasons"] = reasons_text
    env.filters["words"] = lambda value: str(value or "").replace("_", " ")
    return env


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """``template`` rendered with the CSRF token and sign-in state; the CSRF cookie set when new."""
    token = request.cookies.get(CSRF_COOKIE) or new_csrf_token()
    s: Services = request.app.state.services
    key = request.cookies.get(SESSION_COOKIE, "")
    html = _env().get_template(template).render(
        csrf=token, signed_in=bool(key and s.desk.key_id(key)), path=request.url.path, **context)
    response = HTMLResponse(html, status_code=status)
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def error_page(request: Request, err: ClaimscopeError, status: int) -> HTMLResponse:
    return page(request, "error.html.j2", status, error=err, code=status)


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- analyse -----------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def home(request: Request, _: str | None = Depends(page_reader)):
    return page(request, "analyze.html.j2")


@router.post("/analyze")
async def analyze(request: Request, s: Services = Depends(services), csrf: str = Form(""),
                  text: str = Form(""), url: str = Form(""), file: UploadFile | None = File(None)):
    check_csrf(request.cookies, csrf)
    _require_session(request, s)
    upload = await file.read() if file is not None and file.filename else None
    load = loader(s.config, text=text.strip() and text, url=url.strip() or None, upload=upload,
                  filename=file.filename if upload else "")
    job = s.jobs.submit(load)
    return _back(f"/jobs/{job.id}")


def _require_session(request: Request, s: Services) -> None:
    writer(request, s, cookie=True)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job(request: Request, job_id: str, s: Services = Depends(services), _: str | None = Depends(page_reader)):
    found = s.jobs.get(job_id)
    if found.status == "done":
        return _back(f"/analyses/{found.analysis_id}")
    return page(request, "job.html.j2", 422 if found.status == "failed" else 200, job=found)


# --- the report ----------------------------------------------------------------------------
@router.get("/analyses/{analysis_id}", response_class=HTMLResponse)
def report(request: Request, analysis_id: str, s: Services = Depends(services), _: str | None = Depends(page_reader)):
    view = report_view(s.desk.analysis(analysis_id))
    data = view["report"]
    chain = main_chain(data)
    shown = {"matches", "claims", "notices"}  # drawn with the desk's controls, or first
    return page(
        request, "report.html.j2", view=view, data=data, pieces=article_pieces(data), legend=LEGEND,
        languages=language_counts(data), statuses=CLAIM_STATUSES, decisions=DECISIONS,
        tables=[section for section in sections(data) if section.key not in shown],
        chain_svg=Markup(svg(chain)) if chain else None,  # svg() escapes every text it draws
    )


@router.post("/analyses/{analysis_id}/status")
def set_status(request: Request, analysis_id: str, s: Services = Depends(services), csrf: str = Form(""),
               sentence: int = Form(..., ge=0, le=1_000_000), status: str = Form(...), note: str = Form("")):
    check_csrf(request.cookies, csrf)
    _require_session(request, s)
    if status not in CLAIM_STATUSES:
        raise BadRequest(f"status must be one of {', '.join(CLAIM_STATUSES)}")
    claim_of(report_view(s.desk.analysis(analysis_id)), sentence)
    s.desk.set_status(analysis_id, sentence, status, checked(note, "note")[:10_000])
    return _back(f"/analyses/{analysis_id}#claim-{sentence}")


@router.post("/analyses/{analysis_id}/decision")
def decide(request: Request, analysis_id: str, s: Services = Depends(services), csrf: str = Form(""),
           factcheck_id: str = Form(...), decision: str = Form(...)):
    check_csrf(request.cookies, csrf)
    _require_session(request, s)
    if decision not in DECISIONS:
        raise BadRequest(f"decision must be one of {', '.join(DECISIONS)}")
    match_of(report_view(s.desk.analysis(analysis_id)), checked(factcheck_id, "factcheck_id"))
    s.desk.decide(analysis_id, factcheck_id, decision)
    return _back(f"/analyses/{analysis_id}#matches")


@router.get("/analyses/{analysis_id}/claims/{sentence}/claimreview", response_class=HTMLResponse)
def claimreview(request: Request, analysis_id: str, sentence: int, s: Services = Depends(services),
                _: str | None = Depends(page_reader)):
    view = report_view(s.desk.analysis(analysis_id))
    draft = to_json(draft_claimreview(view, sentence), indent=2)
    return page(request, "claimreview.html.j2", view=view, sentence=sentence, draft=draft)


@router.get("/export.jsonl")
def export(s: Services = Depends(services), _: str | None = Depends(page_reader)):
    return Response(export_lines(s), media_type="application/x-ndjson",
                    headers={"content-disposition": 'attachment; filename="claimscope-decisions.jsonl"'})


# --- fact-checks and history ------------------------------------------------------------------
@router.get("/factchecks", response_class=HTMLResponse)
def factchecks(request: Request, s: Services = Depends(services), _: str | None = Depends(page_reader),
               q: str = "", lang: str = "", verdict: str = "", publisher: str = "", since: str = "", until: str = ""):
    form = {"q": q[:2000], "lang": lang[:12], "verdict": verdict if verdict in VERDICTS else "",
            "publisher": publisher[:300], "since": since[:10], "until": until[:10]}
    searched = any(form.values())
    hits = s.catalog.search(checked(form["q"], "q"), lang=checked(form["lang"], "lang"), verdict=form["verdict"],
                            publisher=checked(form["publisher"], "publisher"), since=form["since"],
                            until=form["until"]) if searched else []
    return page(request, "factchecks.html.j2", form=form, hits=hits, searched=searched, verdicts=VERDICTS)


@router.get("/factchecks/{factcheck_id:path}", response_class=HTMLResponse)
def factcheck(request: Request, factcheck_id: str, s: Services = Depends(services),
              _: str | None = Depends(page_reader)):
    return page(request, "factcheck.html.j2", record=s.catalog.get(checked(factcheck_id, "id")))


@router.get("/history", response_class=HTMLResponse)
def history(request: Request, s: Services = Depends(services), _: str | None = Depends(page_reader),
            q: str = "", flag: str = "", page_number: int = 1):
    page_number = max(1, min(page_number, 100_000))
    items, total = s.desk.history(query=checked(q[:500], "q"), flag=checked(flag[:100], "flag"),
                                  limit=PER_PAGE, offset=(page_number - 1) * PER_PAGE)
    return page(request, "history.html.j2", items=items, total=total, q=q[:500], flag=flag[:100],
                page_number=page_number, pages=max(1, math.ceil(total / PER_PAGE)))


# --- signing in -----------------------------------------------------------------------------------
@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request):
    return page(request, "signin.html.j2")


@router.post("/signin")
def signin(request: Request, s: Services = Depends(services), csrf: str = Form(""), key: str = Form("")):
    check_csrf(request.cookies, csrf)
    if not s.desk.key_id(key.strip()):
        raise Unauthorized("this API key is unknown or revoked: ask an administrator for one "
                           "(`claimscope keys create NAME`)")
    response = _back("/")
    response.set_cookie(SESSION_COOKIE, key.strip(), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", max_age=30 * 24 * 3600)
    return response


@router.post("/signout")
def signout(request: Request, csrf: str = Form("")):
    check_csrf(request.cookies, csrf)
    response = _back("/")
    response.delete_cookie(SESSION_COOKIE)
    return response

