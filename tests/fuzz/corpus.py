"""The hostile corpus: inputs built to hang, crash or exhaust the reader, generated on demand.

Each case is made here from a few lines of code (nothing large lives in git), and both
tests/fuzz/test_hostile_corpus.py and bench/bench_hostile.py run them. ``batch`` cases
are JSONL files for ``check --batch``; the others are single inputs for ``check``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claimscope.ingest import MAX_BYTES

SENTENCE = "The ferry company said on Friday that two new boats would join the fleet next spring. "
CP1252_PAGE = "<p>Le café du marché a rouvert à l'été, après deux années de travaux.</p>"


@dataclass(frozen=True)
class Case:
    name: str
    suffix: str  # ".txt", ".html", ".jsonl" (a batch) or "" (sniffed)
    data: bytes

    @property
    def batch(self) -> bool:
        return self.suffix == ".jsonl"

    def write(self, folder: Path) -> Path:
        path = folder / f"{self.name}{self.suffix}"
        path.write_bytes(self.data)
        return path


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _near_limit_text() -> bytes:
    paragraph = (SENTENCE * 3 + "\n\n").encode()
    return paragraph * ((MAX_BYTES - 1024) // len(paragraph))


def _near_limit_html() -> bytes:
    block = f"<div class='c'><p>{SENTENCE * 2}</p></div>\n".encode()
    head, tail = b"<html><head><title>Fleet</title></head><body>", b"</body></html>"
    return head + block * ((MAX_BYTES - 1024 - len(head) - len(tail)) // len(block)) + tail


def _jsonl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode() + b"\n"


def cases(*, large: bool = True) -> list[Case]:
    """The hostile corpus; ``large`` adds the inputs just under the 16 MiB limit."""
    found = [
        Case("long-token", ".txt", (SENTENCE + "x" * 300_000 + " " + SENTENCE).encode()),
        Case("long-email-like", ".txt", (SENTENCE + "a@" * 50_000 + " " + SENTENCE).encode()),
        Case("many-short-lines", ".txt", "".join(f"Line {i}.\n" for i in range(100_000)).encode()[:300_000]),
        Case("deep-html", ".html", _page("<div>" * 10_000 + f"<p>{SENTENCE}</p>" + "</div>" * 10_000).encode()),
        Case("deep-unclosed-html", ".html", _page("<span><b>" * 20_000 + SENTENCE).encode()),
        Case("many-scripts-unclosed", ".html", (_page(f"<p>{SENTENCE}</p>") + "<script>" * 50_000).encode()),
        *(Case(f"charset-{label}-meta", ".html",
               _page(CP1252_PAGE, f'<meta charset="{label}">').encode("cp1252"))
          for label in ("undefined", "rot13", "base64", "idna", "utf-7", "x-nonsense")),
        Case("charset-sniffed", "", _page(CP1252_PAGE, '<meta charset="rot13">').encode("cp1252")),
        Case("nul-bytes", ".txt", SENTENCE.encode() + b"\x00" + SENTENCE.encode()),
        Case("one-nul-short", "", b"A short note with one NUL \x00 in it."),
        Case("vertical-tab-whitespace", ".txt", b" \x0b \n\t\x0c "),
        Case("control-bytes", ".txt", bytes(range(1, 32)) * 200),
        Case("bidi-and-escapes", ".txt", (SENTENCE + "\u202e\x1b[2J\x1b]0;title\x07" + SENTENCE).encode()),
        Case("huge-number-text", ".txt", ("9" * 5_000 + " " + SENTENCE).encode()),
        Case("batch-hostile", ".jsonl", _jsonl(
            {"id": 1, "text": SENTENCE},
            "[" * 100_000,
            '{"a":' * 50_000 + "1" + "}" * 50_000,
            '{"id": ' + "9" * 5000 + ', "text": "x"}',
            '{"id": 1e999, "text": "x"}',
            {"id": "nested-html", "html": "<div>" * 10_000 + f"<p>{SENTENCE}</p>"},
            {"id": "bad-date", "text": SENTENCE, "date": "9" * 400},
            {"id": "bad-lang", "text": SENTENCE, "lang": "x" * 10_000},
            {"id": "lines", "text": "Line.\n" * 20_000},
            {"id": 2, "text": SENTENCE},
        )),
    ]
    if large:
        found += [Case("near-limit-text", ".txt", _near_limit_text()),
                  Case("near-limit-html", ".html", _near_limit_html())]
    return found
