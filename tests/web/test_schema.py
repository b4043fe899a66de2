"""Property-based tests generated from the OpenAPI document: no request gets a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import make_app, ready


@pytest.fixture(scope="module")
def schema(web_db, tmp_path_factory):
    app = ready(make_app(web_db, tmp_path_factory.mktemp("schema") / "desk.sqlite",
                         write_rate=0, read_rate=0, sync_timeout=10))
    key = app.state.services.desk.create_key("schemathesis")[1]
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", without_lifespan(app)), {"Authorization": f"Bearer {key}"}
    app.state.services.close()  # its analysis worker and its desk


def without_lifespan(app):
    """``app`` with its lifespan ignored: schemathesis starts and stops the app around every
    call, and the app closes its desk and worker when stopped; the module's fixture closes them once."""
    async def wrapped(scope, receive, send):
        if scope["type"] != "lifespan":
            return await app(scope, receive, send)
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
    return wrapped


def test_the_openapi_document_describes_every_endpoint(schema):
    loaded, _ = schema
    paths = set(loaded.raw_schema["paths"])
    assert {"/api/v1/analyses", "/api/v1/analyses/{analysis_id}", "/api/v1/jobs/{job_id}",
            "/api/v1/factchecks", "/api/v1/factchecks/{factcheck_id}", "/api/v1/decisions",
            "/api/v1/analyses/{analysis_id}/claims/{sentence}", "/api/v1/analyses/{analysis_id}/matches/{factcheck_id}",
            "/api/v1/analyses/{analysis_id}/claims/{sentence}/claimreview"} <= paths
    assert loaded.raw_schema["components"]["securitySchemes"]["api_key"]["scheme"] == "bearer"


def test_no_generated_request_gets_a_server_error(schema):
    loaded, auth = schema
    failures = []
    for result in loaded.get_all_operations():
        operation = result.ok()

        @settings(max_examples=10 if operation.method.upper() == "POST" else 25, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def call(case):
            response = case.call(headers=auth)
            if response.status_code >= 500:
                failures.append((operation.method, operation.path, case.path_parameters, case.query, case.body,
                                 response.status_code, response.text[:300]))

        call()
    assert not failures, [f[-1] for f in failures[:3]]
