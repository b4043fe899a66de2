"""Training rows from news articles annotated by another hand.

``../shared/data/articles/articles.jsonl`` (see its GUIDE.md) holds whole articles with
the list of their check-worthy sentences. Each article is cut into sentences by the
same stages ``claimscope check`` runs (segment, language, traces); a sentence is
positive when it and a gold span overlap by at least half of the shorter of the two
(the scoring rule of ``bench/eval_articles.py``). Sentences that
``claimscope.checkworthy.shape`` already rules out (headline, label lines, questions,
page furniture) are left out: the head never decides them. Only the ``dev`` split is
read for training; ``test`` is kept for reporting.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import shape


def article_rows(path: str | Path, split: str = "dev"):
    """(texts, languages, labels) of the prose sentences of every ``split`` article."""
    from ..ingest import from_text
    from ..model import Document
    from ..pipeline import Pipeline
    from ..stages import foundation_stages
    from ..stages.claims import sentence_text

    pipeline = Pipeline(foundation_stages())
    texts, langs, labels = [], [], []
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        if row["split"] != split:
            continue
        doc: Document = pipeline.run(from_text(row["text"]))
        gold = [span for g in row["checkworthy"] for span in occurrences(doc.text, g)]
        skip = shape.not_claims(doc)
        for i, s in enumerate(doc.sentences):
            if i in skip:
                continue
            texts.append(sentence_text(doc, i))
            langs.append(s.lang or doc.language)
            labels.append(int(any(overlaps((s.start, s.end), g) for g in gold)))
    return texts, langs, labels


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``needle`` occurs in ``text`` (overlapping ones too)."""
    found, at = [], text.find(needle)
    while needle and at >= 0:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The annotation guide's span match: the overlap covers half the shorter span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared * 2 >= shorter
