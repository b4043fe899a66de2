"""Audit of the outlet-name boundary (outlets/boundaries.py): the mentions the sourcing
stage's finder (and the plain one) drops because they run on into a longer name, per data file.

    PYTHONPATH=src:bench python bench/audit_outlet_boundaries.py FILE.jsonl [--quiet FILE.jsonl ...]

Files after ``--quiet`` (a held-out half) print counts only, never their text. Records of
split test or blind-test are skipped unread. A record's text is its ``text`` field (or
``sentence``/``content``), its language ``lang``/``language``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from claimscope.outlets.mentions import default_finder
from claimscope.stages.sourcing import inflecting_finder

HELD_OUT = ("test", "blind-test")


def _texts(path):
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("split") in HELD_OUT:
            continue
        text = rec.get("text") or rec.get("sentence") or rec.get("content")
        if isinstance(text, str):
            yield rec.get("id", "?"), rec.get("lang") or rec.get("language"), text


def audit(path: str, quiet: bool, plain: bool = False) -> None:
    """Mentions before -> after in one file; ``plain``: the finder with no language (the
    attribution and traces stages'), else the sourcing stage's, given the text's language."""
    finder = default_finder() if plain else inflecting_finder()
    before = after = 0
    dropped: Counter = Counter()
    renamed: Counter = Counter()  # the same outlet by a longer alias ("chaîne RT" -> "RT France")
    for rid, lang, text in _texts(path):
        finder.boundaries = False
        lang = None if plain else lang
        old = {(m.start, m.end): m for m in finder.find(text, (), lang)}
        finder.boundaries = True
        new = {(m.start, m.end): m for m in finder.find(text, (), lang)}
        before, after = before + len(old), after + len(new)
        for (start, end), m in old.items():
            if (start, end) not in new:
                name = m.outlet.id if m.outlet else m.domain
                moved = any(s < end and start < e and n.outlet == m.outlet for (s, e), n in new.items())
                (renamed if moved else dropped)[name] += 1
                if not quiet:
                    kind = "renamed" if moved else "dropped"
                    print(f"  {kind} {rid} {lang} {name}: …{text[max(0, start - 30):end + 30]!r}")
    print(f"{path}{' (no language)' if plain else ''}: mentions {before} -> {after}; dropped {dict(dropped)}, renamed {dict(renamed)}")
    finder.boundaries = True


if __name__ == "__main__":
    quiet = False
    for arg in sys.argv[1:]:
        if arg == "--quiet":
            quiet = True
            continue
        audit(arg, quiet)
        audit(arg, quiet, plain=True)
