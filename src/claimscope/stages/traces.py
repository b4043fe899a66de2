"""Stage ``traces``: translation damage and copy traces (see docs/stages.md).

Finding kinds: ``foreign_dateline`` (dates.py), ``garbled_sentence`` (garbled.py),
``boilerplate`` (lines copied from the source page's furniture) and ``credit_line``
("Selon <site>", "Source: <site>", "(AFP)", "PARIS (AFP) —"). Markers, cues and
month names come from every language table, so a Vietnamese "TIN LIÊN QUAN" left in a
French article is found as well as a French "Lire aussi".
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..model import Document, Finding
from ..pipeline import stage_tag
from . import garbled
from .dates import find_dates, foreign_form
from .langdata import common, table, tables
from .segment import line_groups

MAX_CREDIT_WORDS = 6
BOILERPLATE_PHRASES = {
    "related_links": "related-links heading",
    "share_prompt": "share prompt",
    "subscribe": "subscription prompt",
    "comments": "comments prompt",
    "copyright": "copyright notice",
}
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
_SPLIT_BUTTONS = re.compile(r"[\s|•·,/]+")


@lru_cache(maxsize=1)
def _markers() -> dict[str, list[tuple[str, str]]]:
    """casefolded boilerplate marker -> [(label, lang), ...]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for lang, t in tables().items():
        for label, markers in t["boilerplate"].items():
            for marker in markers:
                found.setdefault(marker.casefold(), []).append((label, lang))
    return found


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _line_patterns() -> dict[str, re.Pattern]:
    agencies = _alternation(common()["agencies"])
    cues = _alternation(c for t in tables().values() for c in t["credit_cues"] + t["agency_cues"])
    agency_list = rf"(?:{agencies})(?:\s*[/,]\s*(?:{agencies}))*"
    return {
        "boilerplate": re.compile(
            rf"^[\W_]*(?P<m>{_alternation(_markers())})(?!\w)"
            r"(?:\s*[:：|»›>—–-].*|\s*\(\d+\))?[\W_]*$",
            re.IGNORECASE,
        ),
        "credit": re.compile(
            rf"^(?P<cue>{cues})(?!\w)\s*[:：—–-]?\s*(?P<name>[^,;!?]{{2,80}}?)\s*\.?$", re.IGNORECASE
        ),
        "agency_line": re.compile(rf"^[—–-]?\s*\(?(?P<name>{agency_list})\)?\.?$"),
        "agency_tail": re.compile(rf"\((?P<name>{agency_list})\)\.?$"),
        "dateline": re.compile(
            rf"^[^\W\d_][^()\n]{{0,60}}?\s*\((?P<name>{agency_list})\)\s*[-–—:]+"
        ),
    }


@lru_cache(maxsize=1)
def _agency_cues() -> frozenset[str]:
    return frozenset(c.casefold() for t in tables().values() for c in t["agency_cues"])


def _names_something(word: str) -> bool:
    """Capitalised, a number, or in a script without case (Arabic, CJK...)."""
    first = word[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


class Traces:
    """Report foreign dates, garbled sentences, boilerplate and credit lines."""

    name = "traces"
    version = "1"
    requires = ("sentences", "language")
    provides = ("traces",)

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences:
            return doc
        lines = [(doc.sentences[g[0]].start, doc.sentences[g[-1]].end, g) for g in line_groups(doc)]
        findings = self._dates(doc) + self._garbled(doc, lines) + self._lines(doc, lines)
        return doc.add_findings(sorted(findings, key=lambda f: (f.start, f.kind)))

    def _finding(self, kind, start, end, reason, **extra) -> Finding:
        return Finding(kind=kind, start=start, end=end, reason=reason, stage=stage_tag(self), **extra)

    def _dates(self, doc: Document) -> list[Finding]:
        if doc.language is None:
            return []
        covered = [(f.start, f.end) for f in doc.findings if f.kind == "untranslated_fragment"]
        findings = []
        for mention in find_dates(doc.text):
            if any(s <= mention.start and mention.end <= e for s, e in covered):
                continue  # already inside a reported untranslated fragment
            foreign = foreign_form(mention, doc.language)
            if foreign:
                label, reason, lang = foreign
                span = doc.text[mention.start : mention.end]
                findings.append(
                    self._finding(
                        "foreign_dateline", mention.start, mention.end, f"{reason}: “{span}”",
                        lang=lang, label=label, value=mention.iso,
                    )
                )
        return findings

    def _garbled(self, doc: Document, lines) -> list[Finding]:
        text, main = doc.text, doc.language
        lang_table = table(main)
        issues: dict[int, list[tuple[str, str]]] = {}
        starts = [s.start for s in doc.sentences]

        def note(offset: int, label: str, detail: str) -> None:
            index = max(bisect.bisect_right(starts, offset) - 1, 0)
            issues.setdefault(index, []).append((label, detail))

        for index, sentence in enumerate(doc.sentences):
            if sentence.lang == main:
                for token, left, right in garbled.fused_words(text[sentence.start : sentence.end], main, lang_table):
                    note(sentence.start, "fused_words", f"fused words “{token}” ({left} + {right})")
        for offset in garbled.glued_quotes(text, lang_table):
            note(offset, "glued_quote", "quotation mark glued to the previous word")
        for number, paragraph in enumerate(doc.paragraphs):
            following = doc.paragraphs[number + 1].start if number + 1 < len(doc.paragraphs) else None
            next_start = text[following] if following is not None else ""
            for offset, detail in garbled.quote_problems(text, paragraph.start, paragraph.end, next_start, lang_table):
                note(offset, "broken_quotes", detail)
        for start, end, group in lines[1:]:
            if garbled.cut_off(text[start:end]):
                note(doc.sentences[group[-1]].start, "mid_clause", "stops mid-clause without final punctuation")
        return [  # a foreign fragment follows its own rules; it is reported as untranslated
            self._garbled_finding(doc, index, found)
            for index, found in sorted(issues.items())
            if doc.sentences[index].lang == main
        ]

    def _garbled_finding(self, doc: Document, index: int, found) -> Finding:
        sentence = doc.sentences[index]
        details = list(dict.fromkeys(detail for _, detail in found))
        return self._finding(
            "garbled_sentence", sentence.start, sentence.end, "; ".join(details), label=found[0][0]
        )

    def _lines(self, doc: Document, lines) -> list[Finding]:
        findings = []
        last_paragraph = len(doc.paragraphs) - 1
        for start, end, group in lines:
            line = doc.text[start:end]
            found = self._boilerplate(line, start, end, doc.language) or self._credit(line, start, end)
            if found is None and doc.sentences[group[0]].paragraph == last_paragraph:
                found = self._agency_tail(line, start)
            if found is None and doc.text[start - 1 : start] in ("", "\n"):
                found = self._dateline(line, start)
            if found is not None:
                findings.append(found)
        return findings

    def _boilerplate(self, line: str, start: int, end: int, main: str | None) -> Finding | None:
        flat = line.replace("’", "'")
        match = _line_patterns()["boilerplate"].match(flat)
        if match:
            owners = _markers()[match.group("m").casefold()]
            label, lang = next((o for o in owners if o[1] == main), owners[0])
            reason = f"{BOILERPLATE_PHRASES[label]} copied from the source page (“{match.group('m')}”)"
            return self._finding("boilerplate", start, end, reason, lang=lang, label=label)
        buttons = [b for b in _SPLIT_BUTTONS.split(flat.casefold().strip(" :")) if b]
        if len(buttons) >= 2 and all(b in common()["social_networks"] for b in buttons):
            return self._finding(
                "boilerplate", start, end, "share buttons copied from the source page", label="share_prompt"
            )
        if flat.casefold().startswith(tuple(common()["copyright_prefixes"])) and len(flat.split()) <= 15:
            return self._finding(
                "boilerplate", start, end, "copyright notice copied from the source page", label="copyright"
            )
        return None

    def _credit(self, line: str, start: int, end: int) -> Finding | None:
        patterns = _line_patterns()
        match = patterns["agency_line"].match(line)
        if match:
            name = match.group("name")
            return self._finding(
                "credit_line", start, end, f"agency credit line ({name})", label="agency_tag", value=name
            )
        match = patterns["credit"].match(line.replace("’", "'"))
        if not match:
            return None
        name, cue = match.group("name").strip(), match.group("cue").casefold()
        words = name.split()
        if cue in _agency_cues():  # "Avec AFP", "Za PAP": only before an agency or a domain
            named = _DOMAIN.search(name) or patterns["agency_line"].match(name)
        else:
            named = _DOMAIN.search(name) or any(_names_something(w) for w in words)
        if len(words) > MAX_CREDIT_WORDS or not named:
            return None
        reason = f"credit line naming the source “{name}” (“{match.group('cue')}”)"
        return self._finding("credit_line", start, end, reason, label="source_line", value=name)

    def _agency_tail(self, line: str, start: int) -> Finding | None:
        match = _line_patterns()["agency_tail"].search(line)
        if not match:
            return None
        name = match.group("name")
        return self._finding(
            "credit_line", start + match.start(), start + match.end(),
            f"agency tag ({name}) closing the article", label="agency_tag", value=name,
        )

    def _dateline(self, line: str, start: int) -> Finding | None:
        match = _line_patterns()["dateline"].match(line)
        if not match:
            return None
        name = match.group("name")
        return self._finding(
            "credit_line", start, start + match.end(),
            f"agency dateline crediting {name}", label="dateline", value=name,
        )

