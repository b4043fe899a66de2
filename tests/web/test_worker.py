"""Analyses run in a worker process at a lower priority, searches in search workers; a
worker that dies fails its request with a clear error and is replaced; stopping the
server stops its workers."""

from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager

from claimscope.web.worker import Pool
from tests.web.conftest import FRENCH_QUERY, make_app, ready

# Written for these tests: enough sentences that the analysis is still running when killed.
LONG = "\n\n".join(f"Le port numéro {n} a exporté {n + 3} millions de tonnes de blé en 2019, selon le ministère."
                   for n in range(300))


def wait(client, job: dict, until=("done", "failed"), seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while job["status"] not in until and time.monotonic() < deadline:
        time.sleep(0.05)
        job = client.get(f"/api/v1/jobs/{job['id']}").json()
    return job


def submit(client, auth, text: str) -> dict:
    response = client.post("/api/v1/analyses", json={"text": text, "mode": "job"}, headers=auth)
    assert response.status_code == 202, response.text
    return response.json()


def test_an_analysis_runs_in_a_worker_process_at_a_lower_priority(client, auth, app):
    job = wait(client, submit(client, auth, "Le port a exporté 3 millions de tonnes, selon le ministère."))
    assert job["status"] == "done", job
    jobs = app.state.services.jobs
    pid = jobs.get(job["id"]).worker_pid
    assert pid != os.getpid() and pid in [worker.pid for worker in jobs.pool.workers]
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, pid) > mine or mine == 19
    assert client.get(f"/api/v1/analyses/{job['analysis_id']}").json()["report"]["language"]["main"] == "fr"


def test_a_killed_worker_fails_its_job_with_an_error_and_the_next_job_succeeds(client, auth, app):
    job = wait(client, submit(client, auth, LONG), until=("running", "done", "failed"))
    assert job["status"] == "running", job
    pid = app.state.services.jobs.get(job["id"]).worker_pid
    os.kill(pid, signal.SIGKILL)
    job = wait(client, job)
    assert job["status"] == "failed" and job["error"]["code"] == "E708", job
    assert "killed by signal 9" in job["error"]["message"] and "send it again" in job["error"]["message"]
    page = client.get(f"/jobs/{job['id']}")
    assert page.status_code == 422 and "E708" in page.text
    response = client.post("/api/v1/analyses", json={"text": "Le port a exporté 4 millions de tonnes."}, headers=auth)
    assert response.status_code == 201, response.text
    assert app.state.services.jobs.pool.workers[0].pid not in (None, pid)


def test_searches_run_in_search_workers_and_one_that_died_is_replaced(client, app):
    def search() -> list:
        response = client.get("/api/v1/factchecks", params={"q": FRENCH_QUERY})
        assert response.status_code == 200, response.text
        return response.json()["items"]

    assert search()[0]["review_date"] == "2017-11-14"
    workers = app.state.services.catalog.pool.workers
    pids = [worker.pid for worker in workers if worker.pid]
    assert pids and os.getpid() not in pids
    for worker in workers:
        if worker.pid:
            os.kill(worker.pid, signal.SIGKILL)
            worker._process.join(10)
    for _ in workers:  # every worker has its turn: each notices that it died and starts again
        assert search()[0]["review_date"] == "2017-11-14"
    assert not {worker.pid for worker in workers} & set(pids)


def test_stopping_the_server_stops_its_workers(web_db, tmp_path):
    services = ready(make_app(web_db, tmp_path / "desk.sqlite")).state.services
    processes = [worker._process for pool in (services.jobs.pool, services.catalog.pool) for worker in pool.workers]
    assert all(process.is_alive() for process in processes)
    services.close()
    assert not any(process.is_alive() for process in processes)
    assert all(process.exitcode == 0 for process in processes)  # told to stop, not killed


@contextmanager
def blas_threads():
    """A service answering with the thread counts of the BLAS/OpenMP libraries it has loaded."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    yield lambda request: sorted({lib["num_threads"] for lib in threadpool_info()})


def test_a_worker_runs_numpy_with_one_blas_thread():
    pool = Pool(blas_threads, 1, "test-blas")
    try:
        assert pool.call("threads") == [1]
    finally:
        pool.close()
