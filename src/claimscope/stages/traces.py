"""Stage ``traces``: translation damage and copy traces (see docs/stages.md).

Finding kinds: ``foreign_dateline`` (dates.py), ``garbled_sentence`` (damage.py for each sentence,
garbled.py and punctuation.py across sentences and paragraphs),
``boilerplate`` (lines copied from the source page's furniture) and ``credit_line``
("Selon <site>", "Source: <site>", "(AFP)", "PARIS (AFP) —"); the structural rules for
both live in furniture.py (prompts to the reader in furniture_prompts.py, credits in
furniture_credit.py). Markers, cues and month names come from every language table, so a
Vietnamese related-news heading left in a French article is found as well as a French
"Lire aussi".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from ..model import Document, Finding, stage_tag
from ..ranker import shipped
from . import damage, furniture, furniture_credit, furniture_lines, furniture_prompts, garbled, punctuation
from ..dates import find_dates, foreign_form
from ..langdata import common, table, tables
from .segment import line_groups
from .words import alternation

MAX_CREDIT_WORDS = 6
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
MAX_OUTLET_WORDS = 2  # "(Dân trí) - …"
MAX_BUTTONS_LABEL_WORDS = 4  # "Nos réseaux", "Мы в соцсетях" before a list of social networks
MAX_EDITION_WORDS = 2  # an agency's national edition: "Sputnik Brasil"
MAX_TAIL_WORDS = 10  # a byline with a credit at its end
MAX_BYLINE_WORDS = 4  # the name before a credit closing with a full stop ("Por Ana López, con …")
MIN_QUOTE_SPAN = 4  # shorter quotation evidence is widened to its sentence
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


@lru_cache(maxsize=1)
def _line_patterns() -> dict[str, re.Pattern]:
    agencies = alternation(common()["agencies"])
    cues = alternation(c for t in tables().values() for c in t["credit_cues"] + t["agency_cues"])
    agency_list = rf"(?:{agencies})(?:\s*[/,-]\s*(?:{agencies}))*"  # "AFP/Reuters", "ANSA-AFP"
    initials = r"(?-i:[^\W\d_A-ZА-ЯĄĆĘŁŃÓŚŹŻ]{1,4})"  # an editor's lower-case initials: "kw/PAP", "dpa/AFP/red"
    initials = rf"{initials}(?:-{initials})*"  # an editor's and a desk's: "ab-cd/ANSA"
    return {
        "boilerplate": re.compile(
            rf"^[\W_]*(?P<m>{alternation(_markers())})(?!\w)"
            r"(?:\s*[:：|»›>—–→➜➡►▶⇒-].*|\s*\(\d+\)|\s+(?P<headline>[^\W\d_].*))?[\W_]*$",
            re.IGNORECASE,
        ),
        "credit": re.compile(
            rf"^(?P<cue>{cues})(?!\w)\s*[:：—–-]?\s*(?P<name>[^,;!?]{{2,80}}?)\s*\.?$", re.IGNORECASE
        ),
        "agency_line": re.compile(
            rf"^[—–-]?\s*\(?(?:{initials}\s*/\s*)??(?P<name>{agency_list})(?:\s*/\s*{initials})?\)?\.?$", re.IGNORECASE
        ),
        "agency_tail": re.compile(rf"\((?P<name>{agency_list})\)\.?$"),
        "named_agency": re.compile(rf"(?<!\w)(?:{agencies})(?!\w)"),  # an agency's name, in its case
        "bracket_tail": re.compile(r"\([^()]{2,120}\)\.?$"),
        "cue": re.compile(rf"(?<=\s)(?:{cues})(?!\w)", re.IGNORECASE),
        "dateline": re.compile(
            rf"^[^\W\d_][^()\n]{{0,60}}?\s*\((?P<name>{agency_list})\)\.?\s*[-–—:]+", re.IGNORECASE  # "(EFE).-"
        ),
        # "МОСКВА, 14 ноя — РИА Новости.": place, day and month, a dash, the agency
        "dash_dateline": re.compile(
            rf"^[^\W\d_](?:[^\W\d]|[ .-]){{0,30}}?,\s*\d{{1,2}}\s+[^\W\d_]{{3,12}}\.?(?:\s+\d{{4}})?\s+[—–-]\s+(?P<name>{agency_list})[.,]",
        ),
        # "МОСКВА, 14 ноября. /ТАСС/.", "Москва. 14 ноября. ИНТЕРФАКС -": the agency after the date
        "stop_dateline": re.compile(
            rf"^[^\W\d_](?:[^\W\d]|[ -]){{0,30}}?[,.]\s*\d{{1,2}}\s+[^\W\d_]{{3,12}}\.?(?:\s+\d{{4}})?\.?"
            rf"\s+(?:/(?P<name>{agency_list})/\.?|(?P<upper>{agency_list})\s+[—–-])",
            re.IGNORECASE,
        ),
        # "(Dân trí) - …", "(TTXVN) – …": the outlet in brackets and a dash opening the paragraph
        "bracket_dateline": re.compile(r"^\((?P<name>[^\W\d_][^()]{1,40})\)\s*[—–-]+(?=\s)"),
    }


@lru_cache(maxsize=1)
def _agency_cues() -> frozenset[str]:
    return frozenset(c.casefold() for t in tables().values() for c in t["agency_cues"])


def _key(line: str) -> str:
    return " ".join(furniture.words(line))


def _overlapping(issues):
    """Groups of overlapping (start, end, ...) spans, in order of their start."""
    groups: list[list] = []
    reach = -1  # the furthest end of the current group
    for issue in issues:
        if groups and issue[0] < reach:
            groups[-1].append(issue)
        else:
            groups.append([issue])
        reach = max(reach, issue[1]) if len(groups[-1]) > 1 else issue[1]
    return groups


def _agency(text: str) -> str | None:
    """The agency when ``text`` is only an agency name ("(AFP)", "REUTERS")."""
    match = _line_patterns()["agency_line"].match(text.strip())
    if not match:
        return None
    name = match.group("name")
    agencies = common()["agencies"]
    known = name in agencies or all(part in agencies for part in re.split(r"\s*[/,-]\s*", name))  # "dpa/AFP"
    return name if known or text.isupper() else None


def _cue_name(part: str) -> str | None:
    """The name credited by a "cue + name" part ("Source : AFP", "Theo VnExpress")."""
    match = _line_patterns()["credit"].match(part.strip())
    if not match:
        return None
    name, cue = match.group("name").strip(), match.group("cue").casefold()
    if furniture.words(name)[:1] and furniture.words(name)[0] in furniture.caption_words():
        return None  # "Source photo: …" credits a picture, not the text
    if cue in _agency_cues():  # "Avec AFP", "Za PAP": only before an agency or a domain
        named = _DOMAIN.search(name) or _agency(name) or _agency_edition(name)
    else:
        named = _DOMAIN.search(name) or _agency(name) or any(_names_something(w) for w in name.split())  # "Quelle: dpa"
    named = named or furniture_credit.vague_credit(name)  # "Com agências", "Source : agences"
    return name if named and len(name.split()) <= MAX_CREDIT_WORDS else None


def _agency_edition(name: str) -> bool:
    """An agency's name and its edition's capitalised words ("Sputnik Brasil", "Reuters España")."""
    first, *rest = name.split() or [""]
    return 0 < len(rest) <= MAX_EDITION_WORDS and bool(_agency(first)) and all(_names_something(w) for w in rest)


def _is_name(part: str) -> bool:
    """An agency, a domain, or capitalised words."""
    found = part.split()
    return bool(_DOMAIN.search(part) or _agency(part) or found and all(_names_something(w) for w in found))


def _names_something(word: str) -> bool:
    """Capitalised, a number, or in a script without case (Arabic, CJK...)."""
    first = word[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def _outlet_name(name: str) -> bool:
    """An agency, a name in capitals or a short capitalised name ("Dân trí"), not a
    caption word ("(Video) – …")."""
    found = furniture.words(name)
    return bool(_agency(name)) or 0 < len(found) <= MAX_OUTLET_WORDS and name[0].isupper() and found[0] not in furniture.caption_words()


def _share_buttons(line: str) -> bool:
    """Two or more social networks and nothing else ("Facebook Twitter WhatsApp"), or
    after a short label and a colon ("Nos réseaux : Facebook, Telegram, YouTube")."""
    networks = common()["social_networks"]
    label, colon, rest = line.casefold().partition(":")
    if colon and (len(label.split()) > MAX_BUTTONS_LABEL_WORDS or _line_patterns()["cue"].match(" " + label.strip(), 1)):
        return False  # "Source: Facebook, Telegram" credits the networks
    found = rest if colon else label
    buttons = [b for b in _SPLIT_BUTTONS.split(found.strip(" :.")) if b]
    if len(buttons) >= 2 and all(b in networks for b in buttons):
        return True
    items = [i.strip() for i in re.split(r"[,;|•·/]", found.strip(" :.")) if i.strip()]  # "truth social, gettr"
    return len(items) >= 2 and all(i in networks for i in items)


def _bare_headline(marker: str, headline: str) -> bool:
    """"Read also Mayor opens the bridge": a related-links marker of two words or more
    followed, without a colon, by a capitalised headline (no final full stop)."""
    owners = _markers()[marker.casefold()]
    return (
        " " in marker.strip() and any(label == "related_links" for label, _ in owners)
        and headline[:1].isupper() and furniture.headline_like(headline)
    )


def article_lines(doc: Document) -> list[tuple[int, int, list[int]]]:
    """(start, end, sentence numbers) of every line of the article."""
    return [(doc.sentences[g[0]].start, doc.sentences[g[-1]].end, g) for g in line_groups(doc)]


class Traces:
    """Report foreign dates, garbled sentences, boilerplate and credit lines."""

    name = "traces"
    version = "1"
    requires = ("paragraphs", "sentences", "language")
    provides = ("traces",)

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences:
            return doc
        lines = article_lines(doc)
        found_lines = self.rule_furniture(doc, lines)
        found_lines += self._learned_furniture(doc, lines, found_lines)
        findings = self._dates(doc) + self._garbled(doc, lines, found_lines) + found_lines
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

    def _garbled(self, doc: Document, lines, furniture_found: list[Finding]) -> list[Finding]:
        """Damaged phrases of main-language sentences: the fused or repeated words, the
        quotation with a broken mark, the sentence cut off (see garbled.py and the modules it names)."""
        text, main = doc.text, doc.language
        lang_table = table(main)
        issues: list[tuple[int, int, str, str]] = []  # start, end, label, detail
        starts = [s.start for s in doc.sentences]

        def sentence_at(offset: int):
            return doc.sentences[max(bisect.bisect_right(starts, offset) - 1, 0)]

        endings = frozenset(common()["domain_endings"])
        for number, sentence in enumerate(doc.sentences):
            if sentence.lang != main:
                continue
            at, piece = sentence.start, text[sentence.start : sentence.end]
            before = text[doc.paragraphs[sentence.paragraph].start : sentence.start]
            for start, end, label, detail in damage.sentence_issues(piece, main, lang_table, endings, before):
                issues.append((at + start, at + end, label, detail))
            previous = doc.sentences[number - 1] if number else None
            previous = previous if previous and previous.paragraph else None  # not the headline
            if previous and garbled.repeated_sentence(piece, text[previous.start : previous.end]):
                issues.append((sentence.start, sentence.end, "repeated_words", "the sentence before written twice"))
            if garbled.stops_on_function_word(piece, lang_table):
                issues.append((sentence.start, sentence.end, "mid_clause", "stops on a word that never ends a sentence"))
        for start, end in garbled.lower_case_after_stop(text, lang_table):
            issues.append((start, end, "mid_clause", f"a full stop before a lower-case word “{text[start:end]}”"))
        for offset in punctuation.glued_quotes(text, lang_table):
            sentence = sentence_at(offset)
            issues.append((sentence.start, sentence.end, "glued_quote", "quotation mark glued to the previous word"))
        for number, paragraph in enumerate(doc.paragraphs):
            following = doc.paragraphs[number + 1].start if number + 1 < len(doc.paragraphs) else None
            next_start = text[following] if following is not None else ""
            for start, end, detail in punctuation.quote_problems(text, paragraph.start, paragraph.end, next_start, lang_table):
                if start is None:  # a closing mark with nothing open: its sentence
                    start, end = sentence_at(end - 1).start, sentence_at(end - 1).end
                end = sentence_at(start).end if end is None else end
                if end - start < MIN_QUOTE_SPAN:  # a lone mark: its sentence is the evidence
                    start, end = sentence_at(start).start, max(end, sentence_at(start).end)
                issues.append((start, end, "broken_quotes", detail))
        heading_block = len(doc.paragraphs) > 1  # title and standfirst often lack a full stop
        for start, end, group in lines[1:]:
            if heading_block and doc.sentences[group[0]].paragraph == 0:
                continue
            if garbled.cut_off(text[start:end], lang_table):
                last = doc.sentences[group[-1]]
                issues.append((last.start, last.end, "mid_clause", "stops mid-clause without final punctuation"))
        furniture_spans = [(f.start, f.end) for f in furniture_found]
        kept = [  # a foreign fragment is reported as untranslated, page furniture as boilerplate
            issue for issue in sorted(issues)
            if sentence_at(issue[0]).lang == main
            and not any(s < issue[1] and issue[0] < e for s, e in furniture_spans)
        ]
        return [self._garbled_finding(group) for group in _overlapping(kept)]

    def _garbled_finding(self, group) -> Finding:
        details = list(dict.fromkeys(detail for *_, detail in group))
        return self._finding(
            "garbled_sentence", group[0][0], max(end for _, end, *_ in group), "; ".join(details), label=group[0][2]
        )

    def rule_furniture(self, doc: Document, lines) -> list[Finding]:
        """Boilerplate and credit lines found by the marker and shape rules (``lines``
        from ``article_lines``)."""
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

    def _learned_furniture(self, doc: Document, lines, findings: list[Finding]) -> list[Finding]:
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
            agency = _line_patterns()["named_agency"].search(doc.text[start:end])
            if agency:
                found.append(self._finding(
                    "credit_line", start, end, f"line shaped like a credit, naming the agency “{agency.group()}”",
                    label="source_line", value=agency.group(),
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
        if not furniture_credit.page_led(line, lang):
            return []
        for cue in _line_patterns()["cue"].finditer(line, 1):
            if re.search(r"[.!?]\s", line[: cue.start()]):
                break  # the cue in another sentence: "This article was translated. Source: …"
            if name := _cue_name(line[cue.start() :]):
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
        tail = _line_patterns()["bracket_tail"].search(line)
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
        for cue in _line_patterns()["cue"].finditer(line, 1):
            head = line[: cue.start()].rstrip(" ,;–—-").split()
            byline = len(head) <= MAX_BYLINE_WORDS and all(_names_something(w) for w in head)
            if line.rstrip().endswith(".") and not byline:
                continue  # a sentence: "The mayor resigned, according to AFP."
            name = _cue_name(line[cue.start() :])
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
        match = _line_patterns()["boilerplate"].match(flat)
        if match and match.group("headline") is not None:
            match = match if _bare_headline(match.group("m"), match.group("headline")) else None
        if match:
            owners = _markers()[match.group("m").casefold()]
            label, lang = next((o for o in owners if o[1] == main), owners[0])
            if label == "comments" and furniture_prompts.genre_label(flat, main):
                return None  # "Bình luận | <headline>": an opinion piece's header
            reason = f"{BOILERPLATE_PHRASES[label]} copied from the source page (“{match.group('m')}”)"
            return self._finding("boilerplate", start, end, reason, lang=lang, label=label, value=match.group("m"))
        if _share_buttons(flat):
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
        agency = _agency(line)
        if agency:
            return self._finding(
                "credit_line", start, end, f"agency credit line ({agency})", label="agency_tag", value=agency
            )
        found = furniture_credit.credit(line.replace("’", "'"), main, _cue_name, _is_name)
        if found is None:
            return None
        label, name = found
        if label == "translation_note":  # tells where the text was taken from: a language, an original
            return self._finding("credit_line", start, end, "translation note of a copied text", label=label)
        return self._finding(
            "credit_line", start, end, f"credit line naming the source “{name}”", label=label, value=name
        )

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
        patterns = _line_patterns()
        match = patterns["dateline"].match(line) or patterns["dash_dateline"].match(line)
        match = match or patterns["stop_dateline"].match(line)
        name = match and (match.groupdict().get("upper") or match.group("name"))
        if not match or _agency(name) is None and not name.isupper():
            match = patterns["bracket_dateline"].match(line)
            name = match and match.group("name").strip()
            if not match or not _outlet_name(name):
                return None
        return self._finding(
            "credit_line", start, start + match.end(),
            f"agency dateline crediting {name}", label="dateline", value=name,
        )
