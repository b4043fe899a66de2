"""Readers for the claim-retrieval evaluation data in ../shared/data (never copied).

Each collection becomes a list of ``SearchRecord``; each query split a list of
(query id, text) plus qrels {query id: {record id, ...}}.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

from claimscope.search.records import SearchRecord

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CLEF2020 = SHARED / "claim-retrieval" / "clef2020-t2"
CLEF2022 = SHARED / "claim-retrieval" / "clef2022-t2a-en"
EUVSDISINFO = SHARED / "disinfo" / "euvsdisinfo-cases-2015-2021.csv"

# split name -> (queries file, qrels file)
SPLITS = {
    "clef2020": {s: (f"{s}.queries.tsv", f"{s}.qrels") for s in ("train", "dev", "test")},
    "clef2022": {
        "train": ("train-dev.queries.tsv", "train.qrels"),
        "dev": ("train-dev.queries.tsv", "dev.qrels"),
        "dev-test": ("dev-test.queries.tsv", "dev-test.qrels"),
        "test": ("test.queries.tsv", "test.qrels"),
    },
}


def _iso(date: str) -> str:
    try:
        return datetime.strptime(date.strip(), "%d %B %Y").date().isoformat()
    except ValueError:
        return ""


def clef2020_records() -> list[SearchRecord]:
    """CLEF 2020 T2 verified claims; the id is the row number as in the qrels."""
    with open(CLEF2020 / "verified_claims.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    return [SearchRecord(id=r[0], claim=r[1], title=r[2]) for r in rows]


def clef2022_records() -> list[SearchRecord]:
    """CLEF 2022 2A English vclaims (Snopes), with subtitle and date."""
    out = []
    with open(CLEF2022 / "vclaims.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.append(
                SearchRecord(
                    id=r["vclaim_id"],
                    claim=r.get("vclaim") or "",
                    title=r.get("title") or "",
                    subtitle=r.get("subtitle") or "",
                    date=_iso(r.get("date") or ""),
                )
            )
    return out


def euvsdisinfo_records() -> list[SearchRecord]:
    """EUvsDisinfo cases 2015-2021: the title is the claim; keywords and countries as tags."""
    with open(EUVSDISINFO, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        SearchRecord(
            id=r["id"],
            claim=r["title"],
            keywords=tuple(
                t for t in (r["keywords"] + "+" + r["countries"]).split("+") if t.strip()
            ),
            date=r["date"],
        )
        for r in rows
    ]


def queries(collection: str, split: str) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    """(query id, tweet text) pairs that have qrels in ``split``, and the qrels."""
    base = CLEF2020 if collection == "clef2020" else CLEF2022
    qfile, rfile = SPLITS[collection][split]
    qrels: dict[str, set[str]] = {}
    with open(base / rfile, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and parts[3] != "0":
                qrels.setdefault(parts[0], set()).add(parts[2])
    with open(base / qfile, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    pairs = [(r[0], r[1]) for r in rows if len(r) >= 2 and r[0] in qrels]
    return pairs, {q: qrels[q] for q, _ in pairs}


def records(collection: str) -> list[SearchRecord]:
    """The records of a named collection (clef2020, clef2022, euvsdisinfo)."""
    return {
        "clef2020": clef2020_records,
        "clef2022": clef2022_records,
        "euvsdisinfo": euvsdisinfo_records,
    }[collection]()
