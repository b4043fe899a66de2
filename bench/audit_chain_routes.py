"""Chains with the main claim right that still come out wrong: for every dev / blind-dev
article whose reported main claim overlaps gold's ``main_claim`` but whose chain differs,
print gold's chain beside ours and the attributions that could carry the claim, each marked
by where it stands (the claim's own sentence, the headline, the lead, the next sentence, a
credit line, elsewhere in the claim's paragraph or the next), gold's and ours.

    PYTHONPATH=src:bench .venv/bin/python bench/audit_chain_routes.py --data /work/notes/blind-dev-A.jsonl

Only splits one may read case by case are listed (never ``test`` or ``blind-test``).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from eval_articles import ARTICLES, chain_error, load, main_chain, make_analyzer, readable

from claimscope.checkworthy.articles import occurrences, overlaps

REACH = 600  # characters around the main claim where an attribution may carry it
SENTENCE_END = re.compile(r"[.!?…][»”\"]?\s")


def place(text: str, pos: int, claim: tuple[int, int], credits: list[str]) -> str:
    """Where ``pos`` stands relative to the main claim ``claim``."""
    headline = text.find("\n")
    if any(c and text.find(c) <= pos < text.find(c) + len(c) for c in credits):
        return "credit"
    if pos < headline:
        return "headline"
    if claim[0] <= pos < claim[1]:
        return "sentence"
    if pos >= claim[1]:
        between = text[claim[1]:pos]
        return "next" if not SENTENCE_END.search(between) else "paragraph+" if between.count("\n\n") <= 1 else "later"
    return "lead" if "\n\n" not in text[headline:pos].strip() else "before"


def audit(row: dict, report: dict) -> None:
    text, chain = row["text"], main_chain(report)
    names = [h["name"] for h in chain["hops"]] if chain else ["this article"]
    error = chain_error(row["sourcing_chain"], names)
    gold = next(iter(occurrences(text, row["main_claim"])), None)
    if not error or chain is None or gold is None or not overlaps((chain["claim_start"], chain["claim_end"]), gold):
        return
    print(f"== {row['id']} ({row['genre']}) {error}\n   gold {row['sourcing_chain']}\n   ours {names}")
    print(f"   claim: {row['main_claim'][:160]!r}")
    for a in row["attributions"]:
        at = text.find(a["content"][:40])
        if at >= 0 and gold[0] - REACH <= at <= gold[1] + REACH:
            print(f"   gold {place(text, at, gold, row['credit_lines']):10} {a['speaker']!r} | {a['cue']!r} | "
                  f"{a['content'][:60]!r}{' anon' if a['anonymous'] else ''}")
    for p in report["attributions"]:
        if gold[0] - REACH <= p["cue_start"] <= gold[1] + REACH:
            print(f"   ours {place(text, p['cue_start'], gold, row['credit_lines']):10} {p.get('speaker_text')!r} | "
                  f"{p['cue_text']!r} | {p['content_text'][:60]!r} -> {p.get('speaker_entity')!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", default=[], help="another file of articles")
    args = parser.parse_args()
    analyze = make_analyzer(False)
    for path in (ARTICLES, *args.data):
        for row in load(path):
            if readable(row["split"]):
                audit(row, analyze(row))


if __name__ == "__main__":
    main()
