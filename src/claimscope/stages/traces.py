"""Stage ``traces``: translation damage and copy traces (see docs/stages.md).

Finding kinds: ``foreign_dateline`` (dates.py), ``garbled_sentence`` (damage.py for each sentence,
garbled.py and punctuation.py across sentences and paragraphs),
``boilerplate`` (lines copied from the source page's furniture) and ``credit_line``
("Selon <site>", "Source: <site>", "(AFP)", "PARIS (AFP) —"), both found line by line by
furniture_rules.py (the patterns and name tests in furniture_patterns.py, the structural
rules in furniture.py, prompts to the reader in furniture_prompts.py, credits in
furniture_credit.py, the learned line ranker in furniture_lines.py). Markers, cues and
month names come from every language table, so a Vietnamese related-news heading left
in a French article is found as well as a French "Lire aussi".
"""

from __future__ import annotations

import bisect

from ..langdata import common, table
from ..model import Document, Finding, stage_tag
from . import damage, fusions, garbled, punctuation
from ..dates import find_dates, foreign_form
from .furniture_rules import LineFurniture
from .segment import line_groups

MIN_QUOTE_SPAN = 4  # shorter quotation evidence is widened to its sentence


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


def article_lines(doc: Document) -> list[tuple[int, int, list[int]]]:
    """(start, end, sentence numbers) of every line of the article."""
    return [(doc.sentences[g[0]].start, doc.sentences[g[-1]].end, g) for g in line_groups(doc)]


class Traces:
    """Report foreign dates, garbled sentences, boilerplate and credit lines."""

    name = "traces"
    version = "1"
    requires = ("paragraphs", "sentences", "language")
    provides = ("traces",)

    def __init__(self) -> None:
        self.furniture = LineFurniture(self._finding)

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences:
            return doc
        lines = article_lines(doc)
        found_lines = self.furniture.rule_furniture(doc, lines)
        found_lines += self.furniture.learned_furniture(doc, lines, found_lines)
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
            for start, end, label, detail in damage.sentence_issues(piece, main, lang_table, before):
                issues.append((at + start, at + end, label, detail))
            previous = doc.sentences[number - 1] if number else None
            previous = previous if previous and previous.paragraph else None  # not the headline
            if previous and garbled.repeated_sentence(piece, text[previous.start : previous.end]):
                issues.append((sentence.start, sentence.end, "repeated_words", "the sentence before written twice"))
            if garbled.stops_on_function_word(piece, lang_table):
                issues.append((sentence.start, sentence.end, "mid_clause", "stops on a word that never ends a sentence"))
        for start, end, _ in lines:  # the segment stage split them before a capital
            for offset, token, _ in fusions.fused_sentences(text[start:end], main, lang_table, endings):
                issues.append((start + offset, start + offset + len(token), "fused_words", f"sentences fused without a space “{token}”"))
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
