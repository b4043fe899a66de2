"""The JSON API, ``/api/v1`` (docs/web.md#api): everything the pages do.

Writes need an API key (``Authorization: Bearer KEY``); reads are open unless the
server was started with private reads. Errors are ``{"error": {"code", "message"}}``
with a 4xx status (errors.py).
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..model import VERDICTS
from ..render.safe import to_json
from .access import api_reader, api_writer, services
from .services import Services
from .desk import CLAIM_STATUSES, DECISIONS
from .errors import UnsupportedMedia
from .intake import checked, loader
from .view import claim_of, draft_claimreview, match_of, report_view

router = APIRouter(prefix="/api/v1", tags=["api"])
AnalysisId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Sentence = Annotated[int, Path(ge=0, le=1_000_000)]
FactcheckId = Annotated[str, Path(min_length=1, max_length=512)]


def json_body(request: Request) -> None:
    """Bodies are JSON: anything else is 415 before it is read."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise UnsupportedMedia(f"send the body as application/json, not {kind or 'no content type'}")


class AnalyzeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="an HTML page (main text and metadata are extracted)")
    url: str | None = Field(None, max_length=4096, description="an http(s) URL, fetched safely")
    mode: Literal["auto", "sync", "job"] = Field(
        "auto", description="auto: wait for short texts, a job for long ones; sync: wait; job: never wait")


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal[CLAIM_STATUSES]  # type: ignore[valid-type]
    note: str = Field("", max_length=10_000)


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal[DECISIONS]  # type: ignore[valid-type]


def _json(data: Any, status: int = 200) -> Response:
    return Response(to_json(data), status_code=status, media_type="application/json")


@router.post("/analyses", status_code=201, dependencies=[Depends(json_body)],
             responses={202: {"description": "the analysis runs as a job: poll /api/v1/jobs/{id}"}})
async def analyze(payload: AnalyzeIn, s: Services = Depends(services), key: str = Depends(api_writer)):
    """Analyse an article; the stored report view (201), or the job when it runs longer (202)."""
    load = loader(s.config, text=payload.text, html=payload.html, url=payload.url)
    job = s.jobs.submit(load)
    long = len(payload.text or payload.html or "") > s.config.sync_chars
    if payload.mode == "job" or (payload.mode == "auto" and long):
        return _json(job.public(), 202)
    try:
        await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(job.future)), s.config.sync_timeout)
    except TimeoutError:
        return _json(job.public(), 202)
    if job.status == "failed":
        return JSONResponse({"error": job.error}, status_code=job.error_status)
    return _json(report_view(s.desk.analysis(job.analysis_id)), 201)


@router.get("/jobs/{job_id}")
def job(job_id: AnalysisId, s: Services = Depends(services), _: str | None = Depends(api_reader)):
    """A job's state: queued, running, done (with ``analysis_id``) or failed (with ``error``)."""
    return s.jobs.get(job_id).public()


@router.get("/analyses/{analysis_id}")
def analysis(analysis_id: AnalysisId, s: Services = Depends(services), _: str | None = Depends(api_reader)):
    """The report view of a stored analysis: the report and the desk's statuses and decisions."""
    return _json(report_view(s.desk.analysis(analysis_id)))


@router.get("/analyses")
def history(
    s: Services = Depends(services), _: str | None = Depends(api_reader),
    q: str = Query("", max_length=500, description="words of the title or source"),
    flag: str = Query("", max_length=100, description="e.g. known_disinformation, state_media_origin"),
    page: int = Query(1, ge=1, le=100_000), per_page: int = Query(20, ge=1, le=100),
):
    """Stored analyses, newest first, one page at a time."""
    items, total = s.desk.history(query=checked(q, "q"), flag=checked(flag, "flag"),
                                  limit=per_page, offset=(page - 1) * per_page)
    return {"items": items, "total": total, "page": page, "per_page": per_page}


@router.put("/analyses/{analysis_id}/claims/{sentence}", dependencies=[Depends(json_body)])
def set_status(analysis_id: AnalysisId, sentence: Sentence, payload: StatusIn,
               s: Services = Depends(services), _: str = Depends(api_writer)):
    """Set a claim's desk status (to_check, checking, checked, not_checkworthy) and note."""
    claim_of(report_view(s.desk.analysis(analysis_id)), sentence)
    s.desk.set_status(analysis_id, sentence, payload.status, checked(payload.note, "note"))
    return {"analysis_id": analysis_id, "sentence": sentence, "status": payload.status, "note": payload.note}


@router.put("/analyses/{analysis_id}/matches/{factcheck_id}", dependencies=[Depends(json_body)])
def decide(analysis_id: AnalysisId, factcheck_id: FactcheckId, payload: DecisionIn,
           s: Services = Depends(services), _: str = Depends(api_writer)):
    """Confirm or reject a suggested fact-check match."""
    match_of(report_view(s.desk.analysis(analysis_id)), checked(factcheck_id, "factcheck_id"))
    s.desk.decide(analysis_id, factcheck_id, payload.decision)
    return {"analysis_id": analysis_id, "factcheck_id": factcheck_id, "decision": payload.decision}


@router.get("/analyses/{analysis_id}/claims/{sentence}/claimreview")
def claimreview(analysis_id: AnalysisId, sentence: Sentence, s: Services = Depends(services),
                _: str | None = Depends(api_reader)):
    """A draft ClaimReview (JSON-LD) for one claim, prefilled from the analysis."""
    data = draft_claimreview(report_view(s.desk.analysis(analysis_id)), sentence)
    return Response(to_json(data, indent=2), media_type="application/ld+json")


@router.get("/decisions", response_class=Response,
            responses={200: {"content": {"application/x-ndjson": {}}}})
def decisions(s: Services = Depends(services), _: str | None = Depends(api_reader)):
    """Every confirmed or rejected match as JSON lines: the data to re-calibrate matching."""
    return Response(export_lines(s), media_type="application/x-ndjson")


def export_lines(s: Services) -> str:
    lines = []
    for analysis_id, factcheck_id, decision, at, report in s.desk.decisions():
        data = json.loads(report)
        match = next((m for m in data.get("matches", []) if m["factcheck_id"] == factcheck_id), {})
        lines.append(to_json({
            "analysis_id": analysis_id, "factcheck_id": factcheck_id, "decision": decision, "decided_at": at,
            "sentence": match.get("text"), "claim": match.get("claim"), "confidence": match.get("confidence"),
            "verdict": match.get("verdict"), "article_lang": data["language"].get("main"),
            "article_date": match.get("article_date"),
        }))
    return "".join(line + "\n" for line in lines)


@router.get("/factchecks")
def search(
    s: Services = Depends(services), _: str | None = Depends(api_reader),
    q: str = Query("", max_length=2000, description="text in any language"),
    lang: str = Query("", max_length=12), verdict: Literal[("",) + VERDICTS] = Query(""),  # type: ignore[valid-type]
    publisher: str = Query("", max_length=300),
    since: str = Query("", max_length=10, description="YYYY-MM-DD"),
    until: str = Query("", max_length=10, description="YYYY-MM-DD"),
    limit: int = Query(20, ge=1, le=100),
):
    """Fact-checks covering ``q`` in any language, most confident first, filtered."""
    hits = s.catalog.search(checked(q, "q"), lang=checked(lang, "lang"), verdict=verdict,
                            publisher=checked(publisher, "publisher"), since=since, until=until, limit=limit)
    return _json({"items": hits})


@router.get("/factchecks/{factcheck_id}")
def factcheck(factcheck_id: FactcheckId, s: Services = Depends(services), _: str | None = Depends(api_reader)):
    """One stored fact-check."""
    return _json(s.catalog.get(checked(factcheck_id, "factcheck_id")))
