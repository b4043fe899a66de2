"""Boilerplate and credit lines of the ``traces`` stage (see docs/stages.md): the marker
and shape rules over each line of the article (``LineFurniture.rule_furniture``), then
the lines the rules left that the shipped line ranker scores as furniture
(``LineFurniture.learned_furniture``, furniture_lines.py).

A line is looked at whole, then by its menu segments, then by its sentences; the
patterns and name tests come from furniture_patterns.py, the structural rules from
furniture.py, prompts to the reader from furniture_prompts.py and credits from
furniture_credit.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..langdata import common
from ..model import Document, Finding
from ..ranker import shipped
from . import furniture, furniture_credit, furniture_lines, furniture_prompts
from .furniture_patterns import (
    agency,
    bare_headline,
    closing_name,
    cue_name,
    is_name,
    line_patterns,
    markers,
    names_something,
    outlet_name,
    published_in,
    registered,
    share_buttons,
)

BOILERPLATE_PHRASES = {
    "related_links": "related-links heading",
    "share_prompt": "share prompt",
    "subscribe": "subscription prompt",
    "comments": "comments prompt",
    "copyright": "copyright notice",
    "donate": "donation prompt",
    "disclaimer": "disclaimer",
    "page_notice": "notice about the page or to its reader",
    "reader_prompt": "invitation to the reader to send news, photos or tips",
    "reading_time": "reading time",
    "tags": "tag list",
    "related_headline": "headline listed under a related-links heading",
    "advertisement": "advertisement label",
    "cookie_notice": "cookie notice",
    "about_issuer": "section about the issuer",
    "press_contact": "press contact or notes to editors",
    "press_release": "press-release label",
    "between_furniture": "short line between page furniture lines",
    "breadcrumb": "breadcrumb trail",
    "navigation": "navigation link",
    "call_to_action": "call to action led by a pictograph or an arrow",
    "editor_slug": "editors' initials closing a wire story",
    "link": "short line carrying a link",
    "end_mark": "end-of-release mark",
    "repeated_line": "line repeated on the page",
    "furniture_shape": "line shaped and placed like page furniture",
}
MAX_COPYRIGHT_WORDS = 25
MAX_TAIL_WORDS = 10  # a byline with a credit at its end
MAX_BYLINE_WORDS = 4  # the name before a credit closing with a full stop ("Por Ana López, con …")


def _key(line: str) -> str:
    return " ".join(furniture.words(line))


class LineFurniture:
    """The furniture rules of a stage; ``finding`` makes a finding of that stage
    (``kind``, ``start``, ``end``, ``reason`` and the optional fields)."""

    def __init__(self, finding: Callable[..., Finding]):
        self._finding = finding

    def rule_furniture(self, doc: Document, lines) -> list[Finding]:
        """Boilerplate and credit lines found by the marker and shape rules (``lines``
        from ``traces.article_lines``)."""
        findings: list[Finding] = []
        last_paragraph = len(doc.paragraphs) - 1
        # the closing lines: the last few, and every line after the last line of prose
        prose = [n for n, (s, e, _) in enumerate(lines) if furniture.is_prose(doc.text[s:e])]
        closing_from = min(len(lines) - furniture.CLOSING_LINES, prose[-1] + 1 if prose else len(lines))
        under_heading = False  # the lines after a related-links heading
        seen: dict[str, int] = {}  # a line's words -> the number of its first occurrence
        for number, (start, end, _) in enumerate(lines):
            seen.setdefault(_key(doc.text[start:end]), number)
        for number, (start, end, group) in enumerate(lines):
            if findings and end <= findings[-1].end:
                continue  # inside the section about the issuer
            line = doc.text[start:end]
            # the page's edges: the closing lines and the lines under the title
            closing = number >= closing_from or 0 < number <= furniture.OPENING_LINES
            found = self._source_note(line, start, end, doc.language) if closing and number else []
            found = found or self._line_furniture(doc, line, start, group, closing)
            if furniture.words(line)[:1] and furniture.words(line)[0] in furniture.caption_words():
                found = [f for f in found if f.label != "copyright"]  # "Photo: … © Agency" credits the picture
            if not found and closing and number and furniture.about_heading(line, doc.language):
                paragraph_end = doc.paragraphs[doc.sentences[group[0]].paragraph].end
                found = [self._finding(
                    "boilerplate", start, paragraph_end, "section about the issuer copied from the source page",
                    label="about_issuer",
                )]
            heading = number + 1 < len(lines) and furniture.is_prose(doc.text[lines[number + 1][0] : lines[number + 1][1]])
            if not found and closing and number and (label := furniture.edge_shape(line, heading)):
                found = [self._finding(
                    "boilerplate", start, end, f"{BOILERPLATE_PHRASES[label]} copied from the source page", label=label
                )]
            if not found and closing and number and (label := furniture.section_heading(line, doc.language)):
                found = [self._finding(
                    "boilerplate", start, end, f"{BOILERPLATE_PHRASES[label]} copied from the source page",
                    label=label, value=line,
                )]
            if not found and closing and number and furniture.headline_like(line) and seen.get(_key(line), number) < number:
                found = [self._finding(
                    "boilerplate", start, end, "line repeated on the page copied from the source page", label="repeated_line"
                )]
            if not found and under_heading and furniture.listed_headline(line):
                found = [self._finding(
                    "boilerplate", start, end, "headline listed under a related-links heading",
                    label="related_headline",
                )]
            if not found and doc.sentences[group[0]].paragraph == last_paragraph:
                found = [f for f in [self._agency_tail(line, start)] if f]
            if not found and doc.text[start - 1 : start] in ("", "\n"):
                found = [f for f in [self._dateline(line, start)] if f]
            under_heading = any(
                f.label == "related_headline"
                or f.label == "related_links" and furniture.words(line) == furniture.words(f.value or "")
                for f in found
            )
            findings.extend(found)
        return findings + self._between_furniture(doc, lines, closing_from, findings)

    def learned_furniture(self, doc: Document, lines, findings: list[Finding]) -> list[Finding]:
        """Short lines the rules left that the shipped line ranker scores as furniture
        (furniture_lines.py): where they stand and how they are built. Such a line naming
        a news agency is a credit line ("— Agence France-Presse", "Redacción / EFE")."""
        ranker = shipped(furniture_lines.RANKER)
        kinds = furniture_lines.kinds_by_line(lines, [*doc.findings, *findings])
        threshold = float(ranker.meta["threshold"])
        found = []
        for n, score in furniture_lines.scored_lines(doc, lines, kinds, ranker):
            if score <= threshold:
                continue
            start, end, _ = lines[n]
            named = line_patterns()["named_agency"].search(doc.text[start:end])
            if named:
                found.append(self._finding(
                    "credit_line", start, end, f"line shaped like a credit, naming the agency “{named.group()}”",
                    label="source_line", value=named.group(),
                ))
            else:
                found.append(self._finding(
                    "boilerplate", start, end, "line shaped and placed like page furniture", label="furniture_shape",
                ))
        return found

    def _source_note(self, line: str, start: int, end: int, lang: str | None) -> list[Finding]:
        """A note on where the text comes from: crediting a vague source ("Material
        prepared from open sources"), or a line led by a page noun with a credit cue and its
        name ("This article originally appeared on Example News.")."""
        source = furniture_credit.source_note(line, lang)
        if source:
            return [self._finding(
                "credit_line", start, end, f"note crediting a vague source (“{source}”)", label="source_line", value=source,
            )]
        name = furniture_credit.publication_note(line, lang, published_in)
        if name:
            return [self._finding(
                "credit_line", start, end, f"note on the first publication, naming the source “{name}”",
                label="source_line", value=name,
            )]
        if not furniture_credit.page_led(line, lang):
            return []
        for cue in line_patterns()["cue"].finditer(line, 1):
            if re.search(r"[.!?]\s", line[: cue.start()]):
                break  # the cue in another sentence: "This article was translated. Source: …"
            if name := cue_name(line[cue.start() :]):
                return [self._finding(
                    "credit_line", start, end, f"note on the first publication, naming the source “{name}”",
                    label="source_line", value=name,
                )]
        return []

    def _between_furniture(self, doc: Document, lines, closing_from: int, findings) -> list[Finding]:
        """A short closing line without final punctuation between two lines of page
        furniture is furniture too (a menu item, a button label the tables do not know)."""
        kinds = furniture_lines.kinds_by_line(lines, findings)
        found = []
        for number in range(max(closing_from, 1), len(lines) - 1):
            start, end, _ = lines[number]
            line = doc.text[start:end]
            between = "boilerplate" in kinds[number - 1] and "boilerplate" in kinds[number + 1]
            if between and not kinds[number] and furniture.headline_like(line) and not line.rstrip().endswith(furniture.FINAL):
                found.append(self._finding(
                    "boilerplate", start, end, "short line between page furniture lines", label="between_furniture",
                ))
        return found

    def _line_furniture(self, doc: Document, line: str, start: int, group, closing: bool) -> list[Finding]:
        """Findings for a whole line, else for its menu segments, else for its sentences;
        a line of several sentences is looked at sentence by sentence first, and is one
        finding when only one sentence is furniture of the label the whole line has
        ("Found a typo? Write to our newsroom.")."""
        whole = self._unit(line, start, doc.language, closing)
        if len(group) > 1:  # "… übersetzt. Quelle: mk.ru": each sentence on its own first
            units = [(doc.sentences[i].start, doc.sentences[i].end) for i in group]
            found = self._merged([self._unit(doc.text[s:e], s, doc.language, closing, True) for s, e in units])
            if len(found) == 1 and whole and (whole.kind, whole.label) == (found[0].kind, found[0].label):
                return [whole]
            if found:
                return found
        if whole:
            return [whole]
        parts = furniture.segments(line) if len(line) <= furniture.MAX_LINE_CHARS else []
        if len(parts) > 1:
            return self._merged([self._unit(line[s:e], start + s, doc.language, closing) for s, e in parts])
        tail = line_patterns()["bracket_tail"].search(line)
        if tail and tail.start() > 0:  # "Lan Chi (Theo RIA, Reuters)"
            found = self._credit(tail.group(), start + tail.start(), start + tail.end(), doc.language)
            vague = found and furniture_credit.vague_credit(found.value or "")
            return [found] if found and not (vague and len(line.split()) > MAX_TAIL_WORDS) else []
        return [found] if (found := self._credit_tail(line, start)) else []

    def _credit_tail(self, line: str, start: int) -> Finding | None:
        """A byline closing on a credit: "Jean Dupont avec AFP", "Redacción con información de EFE";
        with a final full stop only after a name ("Por Ana López, con información de agencias.")."""
        if len(line.split()) > MAX_TAIL_WORDS:
            return None
        for cue in line_patterns()["cue"].finditer(line, 1):
            head = line[: cue.start()].rstrip(" ,;–—-").split()
            byline = len(head) <= MAX_BYLINE_WORDS and all(names_something(w) for w in head)
            if line.rstrip().endswith(".") and not byline:
                continue  # a sentence: "The mayor resigned, according to AFP."
            name = cue_name(line[cue.start() :])
            if name:
                return self._finding(
                    "credit_line", start + cue.start(), start + len(line),
                    f"credit closing a byline, naming the source “{name}”", label="source_line", value=name,
                )
        return None

    def _merged(self, found: list[Finding | None]) -> list[Finding]:
        """Adjacent furniture segments of one line become one finding."""
        merged: list[Finding] = []
        previous = None
        for finding in found:
            if finding and previous and previous.kind == finding.kind:
                merged[-1] = replace(merged[-1], end=finding.end)
            elif finding:
                merged.append(finding)
            previous = finding
        return merged

    def _unit(self, text: str, start: int, main: str | None, closing: bool, sentence: bool = False) -> Finding | None:
        if len(text) > furniture.MAX_UNIT_CHARS:  # prose, not furniture
            return None
        end = start + len(text)
        found = self._boilerplate(text, start, end, main) or self._credit(text, start, end, main)
        if found:
            return found
        heading = furniture.read_label(text, main)
        if heading:
            reason = f"{BOILERPLATE_PHRASES['related_links']} copied from the source page (“{heading}”)"
            return self._finding("boilerplate", start, end, reason, label="related_links", value=heading)
        label = furniture.segment_label(text, main) or furniture_prompts.prompt(text, main, closing)
        label = label or furniture_prompts.reader_prompt(text, main, alone=not sentence)
        if label:
            reason = f"{BOILERPLATE_PHRASES[label]} copied from the source page"
            return self._finding("boilerplate", start, end, reason, label=label)
        return None

    def _boilerplate(self, line: str, start: int, end: int, main: str | None) -> Finding | None:
        flat = line.replace("’", "'")
        match = line_patterns()["boilerplate"].match(flat)
        if match and match.group("headline") is not None:
            match = match if bare_headline(match.group("m"), match.group("headline")) else None
        if match:
            owners = markers()[match.group("m").casefold()]
            label, lang = next((o for o in owners if o[1] == main), owners[0])
            if label == "comments" and furniture_prompts.genre_label(flat, main):
                return None  # "Bình luận | <headline>": an opinion piece's header
            reason = f"{BOILERPLATE_PHRASES[label]} copied from the source page (“{match.group('m')}”)"
            return self._finding("boilerplate", start, end, reason, lang=lang, label=label, value=match.group("m"))
        if share_buttons(flat):
            return self._finding(
                "boilerplate", start, end, "share buttons copied from the source page", label="share_prompt"
            )
        copyright = flat.casefold().startswith(tuple(common()["copyright_prefixes"]))
        if copyright and len(flat.split()) <= MAX_COPYRIGHT_WORDS:
            return self._finding(
                "boilerplate", start, end, "copyright notice copied from the source page", label="copyright"
            )
        return None

    def _credit(self, line: str, start: int, end: int, main: str | None) -> Finding | None:
        named = agency(line)
        if named:
            return self._finding(
                "credit_line", start, end, f"agency credit line ({named})", label="agency_tag", value=named
            )
        found = furniture_credit.credit(line.replace("’", "'"), main, cue_name, is_name)
        if found is None:
            return None
        label, name = found
        if label == "translation_note":  # names the text's origin: a language, an original
            return self._finding("credit_line", start, end, "translation note of a copied text", label=label)
        return self._finding(
            "credit_line", start, end, f"credit line naming the source “{name}”", label=label, value=name
        )

    def _agency_tail(self, line: str, start: int) -> Finding | None:
        """An agency in brackets closing the last paragraph ("… on Monday. (AFP)"), a
        registry outlet in brackets after its last sentence's full stop ("… on Monday. (Corriere
        della Sera)"; within the sentence, brackets explain a name), an outlet's name in
        brackets alone on a line there (``closing_name``: "(NordNews)", "(Corriere della Sera)"),
        or a registry outlet's name after a dash alone on such a line ("— La Voz de Galicia";
        a dash before other words is a list item or a signature)."""
        patterns = line_patterns()
        match = patterns["agency_tail"].search(line)
        span = match and match.span()
        if not match:
            match = patterns["stop_tail"].search(line)
            span = match and registered(match.group("name")) and match.span("tag")
        if not span:
            lead = len(line) - len(line.lstrip())
            match = patterns["bracket_line"].match(line.strip())
            if not match or not closing_name(match.group("name")):
                match = patterns["dash_line"].match(line.strip())
                if not match or not registered(match.group("name")):
                    return None
            span = (lead + match.start(), lead + match.end())
        name = match.group("name")
        return self._finding(
            "credit_line", start + span[0], start + span[1],
            f"agency tag ({name}) closing the article", label="agency_tag", value=name,
        )

    def _dateline(self, line: str, start: int) -> Finding | None:
        patterns = line_patterns()
        match = patterns["dateline"].match(line) or patterns["dash_dateline"].match(line)
        match = match or patterns["stop_dateline"].match(line)
        name = match and (match.groupdict().get("upper") or match.group("name"))
        if not match or agency(name) is None and not name.isupper():
            match = patterns["bracket_dateline"].match(line)
            name = match and match.group("name").strip()
            if not match or not outlet_name(name):
                return None
        return self._finding(
            "credit_line", start, start + match.end(),
            f"agency dateline crediting {name}", label="dateline", value=name,
        )
