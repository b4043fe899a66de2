"""Stage ``triage``, the last one: the fact-check flag and the triage lines.

Needs ``sourcing`` and ``matches``; provides ``triage``. When the article repeats a
claim a fact-checker already checked, the main sourcing chain gets a flag first:
``known_disinformation`` when a match's verdict says the claim is false (or misleading),
``already_fact_checked`` otherwise (e.g. an unrated fact-check). Then
``Document.triage`` gets its two or three lines from the chain and its flags
(``outlets.flags.triage``, docs/sourcing.md).
"""

from __future__ import annotations

import dataclasses

from ..model import Document, Flag
from ..outlets.flags import triage

FALSE_VERDICTS = ("false", "mostly_false", "disinformation", "misleading")


class Triage:
    """Pipeline stage adding the fact-check flag to the main chain and ``Document.triage``."""

    name = "triage"
    version = "1"
    requires = ("sourcing", "matches")
    provides = ("triage",)

    def __call__(self, doc: Document) -> Document:
        doc = flag_fact_checked(doc)
        return doc.evolve(triage=triage(doc, doc.sourcing[0])) if doc.sourcing else doc


def flag_fact_checked(doc: Document) -> Document:
    """Flag the main sourcing chain when the article repeats a checked claim: with
    ``known_disinformation`` when a match rates it false, else ``already_fact_checked``
    (a fact-check without a false verdict, e.g. unrated)."""
    if not doc.matches or not doc.sourcing:
        return doc
    bad = next((m for m in doc.matches if m.verdict in FALSE_VERDICTS), None)
    if bad is not None:
        flag = Flag("known_disinformation", f"already fact-checked as {bad.verdict.replace('_', ' ')} by "
                    f"{bad.publisher or 'a fact-checker'}", bad.start, bad.end)
    else:
        m = doc.matches[0]
        flag = Flag("already_fact_checked", f"already fact-checked by {m.publisher or 'a fact-checker'}", m.start, m.end)
    chain = doc.sourcing[0]
    chain = dataclasses.replace(chain, flags=(flag, *chain.flags))
    return doc.evolve(sourcing=(chain, *doc.sourcing[1:]))
