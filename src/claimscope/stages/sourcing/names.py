"""Names of sources in a document: registry outlets and domains, names an outlet noun
introduces ("the blog Xyz", "канал «Xyz»"), @handles, speakers with a proper name, and
later mentions of all of these (docs/sourcing.md)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...model import Document, Hop, Rating
from ...outlets import cues
from ...outlets.mentions import Mention, MentionFinder, fold
from ...outlets.registry import Outlet

APPOSED_WORDS = 2  # lower-case words between a name's comma and the outlet noun in apposition to it
RELAY_REACH = 60  # characters between a relay cue and the source it names
PLATFORMS = frozenset("facebook twitter x telegram whatsapp zalo viber youtube tiktok instagram vk vkontakte "
                      "odnoklassniki weibo wechat line signal reddit".split())  # where sources post, not sources
QUOTED = re.compile(r"[«„“\"]([^«»„“”\"\n]{2,60})[»“”\"]")
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}(?:\.\w+)*")  # "@aunt.rosie.recipes", not a full stop after it
_NAME_WORD = re.compile(r"[\w.-]+")


@dataclass
class Source:
    """A person, body, outlet, account or document the text names as a source."""

    name: str
    start: int
    end: int
    evidence: str
    outlet: Outlet | None = None
    domain: str | None = None
    anonymous: bool = False
    is_outlet: bool = False
    attribution: int | None = None

    def same(self, other: "Source") -> bool:
        if self.outlet and other.outlet:
            return self.outlet.id == other.outlet.id
        return same_name(self.name, other.name) or bool(
            self.domain and other.domain and self.domain == other.domain)

    def hop(self, ratings: tuple[Rating, ...] = (), lang: str | None = None) -> Hop:
        o = self.outlet
        return Hop(kind="outlet" if self.is_outlet else "speaker", name=bare_name(self.name, lang), start=self.start,
                   end=self.end, evidence=self.evidence, outlet_id=o.id if o else None,
                   domain=self.domain or (o.domains[0] if o and o.domains else None),
                   ownership=o.ownership if o else None, country=o.country if o else None,
                   anonymous=self.anonymous, attribution=self.attribution, ratings=ratings)


def bare_name(name: str, lang: str | None) -> str:
    """A name in its shortest full form: without an unclosed bracket ("Institute of X (IOX"),
    leading determiners ("Il Museo" → "Museo"), or a leading outlet or document noun
    before the proper name ("l'agence de presse Sputnik" → "Sputnik", "the report of the
    Water Board" → "Water Board")."""
    stop = cues.stopwords(lang)
    name = re.sub(r"\s*\([^)]*$", "", name) or name
    capital = next((w for w in re.finditer(r"(?<![\w'’])\w[\w'’.-]*", name) if w.start() and w.group()[:1].isupper()), None)
    if capital is not None and _common_lead(name[:capital.start()], lang):
        name = name[capital.start():]
    words = name.split()
    while len(words) > 1 and words[0].casefold() in stop and words[1][:1].isupper():
        words.pop(0)
    return " ".join(words)


def _common_lead(lead: str, lang: str | None) -> bool:
    """Is ``lead`` (the words before a proper name) an outlet or document noun with its
    determiners and at most one other word ("węgierska telewizja", "le portail russe")?"""
    covered = [(m.start(), m.end()) for kind in ("outlet_nouns", "primary_material") for m in cues.find(kind, lead, lang)]
    if not covered or any(c.isupper() for w in lead.split()[1:] for c in w[:1]):
        return False
    stop = cues.stopwords(lang)
    other = [w for w in re.finditer(r"\w+", lead)
             if w.group().casefold() not in stop and not any(s <= w.start() < e for s, e in covered)]
    return len(other) <= 1


def headline_end(text: str) -> int:
    """Where the headline, the text's first line, ends (0 for a text of one line)."""
    return text.find("\n") if "\n" in text.strip() else 0


def _words(name: str) -> list[str]:
    words = [w for w in re.findall(r"\w+", fold(name.casefold())[0]) if w not in ("www", "com", "ru", "net", "org")]
    stop = cues.stopwords(None)
    return [w for w in words if w not in stop] or words


def same_name(a: str, b: str) -> bool:
    """One name's words, in order, inside the other's ("Globe" = "Evening Globe"), two
    adjacent words of one meeting the clipped compound the other writes for them
    (:func:`_unclipped`)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    wa, wb = _unclipped(wa, wb), _unclipped(wb, wa)
    short, long_ = sorted((wa, wb), key=len)
    it = iter(long_)
    return all(w in it for w in short)


def _unclipped(words: list[str], other: list[str]) -> list[str]:
    """``words`` with two adjacent words that ``other`` writes as one clipped compound joined
    into it: three to five letters of the first, then the second word ("министерство обороны"
    as "минобороны", "государственная дума" as "госдума"), or five letters or more of its
    start ("министерство здравоохранения" as "минздрав")."""
    out, i = [], 0
    while i < len(words):
        joined = next((w for w in other if i + 1 < len(words) and _clips(w, words[i], words[i + 1])), None)
        out.append(joined or words[i])
        i += 2 if joined else 1
    return out


def _clips(word: str, first: str, second: str) -> bool:
    if word in (first, second):
        return False
    for k in range(3, 6):
        rest = word[k:]
        if word[:k] == first[:k] and len(rest) >= 3 and second.startswith(rest[:-1]) \
                and (len(rest) >= 5 or len(second) - len(rest) <= 1):
            return True
    return False


class Names:
    """Every source name in the text: registry outlets and domains, names introduced by an
    outlet noun ("the blog Xyz", "канал «Xyz»"), @handles, and later mentions of those."""

    def __init__(self, doc: Document, finder: MentionFinder):
        self.doc = doc
        text = doc.text
        self._starts = [s.start for s in doc.sentences]
        self._cues: dict[str, dict[int, list]] = {}
        skip = [(f.start, f.end) for f in doc.findings if f.kind == "boilerplate"]
        context = [(a.speaker_start, a.speaker_end) for a in doc.attributions if a.speaker_start is not None]
        context += [(f.start, f.end) for f in doc.findings if f.kind == "credit_line"] + self._relay_windows()
        found: list[Source] = []
        for m in finder.find(text, context, doc.language):
            if not _inside(m.start, m.end, skip) and not _photo_credit(doc, m):
                found.append(self._registry(m, text))
        found += self._introduced(skip)
        found += [Source(m.group(), m.start(), m.end(), "introduced", is_outlet=True) for m in _HANDLE.finditer(text)]
        found += self._speakers([(a.speaker_start, a.speaker_end) for a in doc.attributions
                                 if a.speaker_start is not None], found)
        found += self._repeated(found)
        for s in found:
            if s.outlet is None and s.evidence == "introduced":
                inner = next((r for r in found if r.outlet and s.start <= r.start and r.end <= s.end), None)
                if inner is not None:
                    s.outlet = inner.outlet
                    if inner.start == s.start and text[inner.end:s.end][1:2].islower():
                        s.name, s.end = inner.name, inner.end  # "Kanal X am Sonntag": the name ends at X
        self.all: list[Source] = []
        taken = bytearray(len(text) + 1)
        for s in sorted(found, key=lambda s: (s.evidence == "speaker", s.start, -s.end)):  # speakers last
            if not any(taken[s.start:s.end]):
                self.all.append(s)
                taken[s.start:s.end] = b"\x01" * (s.end - s.start)
        self.all.sort(key=lambda s: s.start)

    def sentence_at(self, pos: int) -> int | None:
        """Index of the sentence holding ``pos``, else None."""
        i = bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.doc.sentences[i].end else None

    def lang_at(self, pos: int) -> str | None:
        i = self.sentence_at(pos)
        return (self.doc.sentences[i].lang if i is not None else None) or self.doc.language

    def cues_in(self, kind: str, i: int) -> list:
        """Matches of ``kind`` cues in sentence ``i``, in its language (one scan of the text
        per language and kind)."""
        if kind not in self._cues:
            by_sentence: dict[int, list] = {}
            sentences = self.doc.sentences
            for lang in {s.lang or self.doc.language for s in sentences}:
                for m in cues.find(kind, self.doc.text, lang):
                    j = self.sentence_at(m.start())
                    if j is not None and m.end() <= sentences[j].end and (sentences[j].lang or self.doc.language) == lang:
                        by_sentence.setdefault(j, []).append(m)
            self._cues[kind] = by_sentence
        return self._cues[kind].get(i, [])

    def _relay_windows(self) -> list[tuple[int, int]]:
        """Text around relay cues, where an ambiguous alias ("citing RT") names an outlet."""
        sentences = self.doc.sentences
        return [(max(sentences[i].start, c.start() - RELAY_REACH), min(sentences[i].end, c.end() + RELAY_REACH))
                for i in range(len(sentences)) for c in self.cues_in("relay_cues", i)]

    @staticmethod
    def _registry(m: Mention, text: str) -> Source:
        name = text[m.start:m.end]
        quoted = QUOTED.search(text, max(0, m.start - 1), min(len(text), m.end + 40))
        outlet = m.outlet
        if quoted and quoted.start(1) <= m.start and m.end < quoted.end(1) and outlet:  # «Name Z» is another name
            name, outlet = quoted.group(1), None
            return Source(name, quoted.start(1), quoted.end(1), "introduced", is_outlet=True)
        return Source(name, m.start, m.end, "mention", outlet, m.domain, is_outlet=True)

    def _introduced(self, skip) -> list[Source]:
        """Names right after an outlet noun (a quoted name, else capitalised words) and the
        quoted title of a document ("the report «Xyz»"), which is a source but no outlet."""
        text, out = self.doc.text, []
        headline = headline_end(text)
        for i, s in enumerate(self.doc.sentences):
            for kind in ("outlet_nouns", "primary_material"):
                for cue in self.cues_in(kind, i):
                    if cue.start() < headline or _inside_name(cue, s.start, self.lang_at(cue.start())):
                        continue  # a headline adds no source
                    span = _name_after(text, cue.end(), s.end)
                    if kind == "outlet_nouns" and span is None:
                        span = _apposed_to(text, s.start, cue.start(), cue.end(), s.end)
                    if kind == "primary_material" and span and not (
                            QUOTED.match(text, span[0] - 1) and text[span[0]:span[1]].strip()[:1].isupper()):
                        continue  # a document is named by its quoted title only, not by scare quotes
                    if span and not _inside(*span, skip) and text[span[0]:span[1]].casefold() not in PLATFORMS:
                        out.append(Source(text[span[0]:span[1]], *span, "introduced",
                                          is_outlet=kind == "outlet_nouns"))
        return out

    def _speakers(self, spans, found: list[Source]) -> list[Source]:
        """Speakers with a proper name ("Valley Courier says…") that hold no outlet name, and
        are not one outlet noun capitalised to open a sentence ("Канал ссылается…", "Blog says")
        nor one word that is only capitalised as a sentence's first (:meth:`_first_word`)."""
        text, out = self.doc.text, []
        for start, end in spans:
            said = text[start:end].strip()
            noun = cues.find("outlet_nouns", said, self.lang_at(start))
            if len(said.split()) == 1 and (any(m.start() == 0 and m.end() == len(said) for m in noun)
                                           or self._first_word(said, start)):
                continue
            if len(said.split()) <= 4 and all(w[:1].isupper() for w in said.split()) and len(said) > 3 \
                    and not any(start <= f.start < end for f in found):
                out.append(Source(said, start, start + len(said), "speaker"))
        return out

    def _first_word(self, word: str, pos: int) -> bool:
        """Is ``word`` at ``pos`` a sentence's first word, capitalised only for that ("Much
        depends …", "Elle a dit"): the text writes it, in any ending, nowhere else with a capital
        after another word, and not in capitals (a transcript's tag, an acronym)?"""
        i = self.sentence_at(pos)
        opening = i is not None and not re.search(r"\w", self.doc.text[self.doc.sentences[i].start:pos])
        return opening and not word.isupper() and not capitalised_inside(word, self.doc.text, inflected=True)

    def _repeated(self, found: list[Source]) -> list[Source]:
        """Later mentions of an unregistered name introduced once."""
        named = {s.name: s for s in found if s.outlet is None and not s.domain and len(s.name) > 3}
        if not named:
            return []
        pattern = "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
        return [Source(m.group(), m.start(), m.end(), named[m.group()].evidence, is_outlet=named[m.group()].is_outlet)
                for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", self.doc.text)]

    def add(self, src: Source) -> None:
        """Register a source named after a relay cue, with its later mentions."""
        for m in re.finditer(rf"(?<!\w){re.escape(src.name)}(?!\w)", self.doc.text):
            self.all = [s for s in self.all if s.evidence != "speaker" or not (s.start < m.end() and m.start() < s.end)]
            if not any(s.start < m.end() and m.start() < s.end for s in self.all):
                self.all.append(Source(src.name, m.start(), m.end(), "introduced", is_outlet=src.is_outlet))
        self.all.sort(key=lambda s: s.start)

    def within(self, start: int, end: int) -> list[Source]:
        return [s for s in self.all if start <= s.start and s.end <= end]


def capitalised_inside(word: str, text: str, inflected: bool = False) -> bool:
    """Does ``text`` write ``word`` with its capital after another word (a name, not only a
    sentence's first word), in any ending of up to three letters when ``inflected``
    ("Sobieraja" for "Sobieraj")?"""
    stem = re.escape(word[:max(4, len(word) - 3)]) + r"\w*" if inflected else re.escape(word)
    return re.search(rf"(?<=[^\W\d_]) {stem}(?!\w)", text) is not None


def _name_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The name following an outlet noun: «quoted», or a run of capitalised words (with
    lower-case joiners like "de", "em" between them), after at most one lower-case word."""
    rest = text[pos:limit]
    lead = len(rest) - len(rest.lstrip(" :\u00a0"))
    quoted = QUOTED.match(rest, lead)
    if quoted:
        return pos + quoted.start(1), pos + quoted.end(1)
    words = list(_NAME_WORD.finditer(rest, lead))
    start = end = None
    for i, w in enumerate(words[:8]):
        if i > 0 and rest[words[i - 1].end():w.start()].strip():
            break  # punctuation between words ends the name
        token = w.group().rstrip(".")
        capital = token[:1].isupper() or ("." in token and token[:1].isalnum())
        if capital:
            start = w.start() if start is None else start
            end = w.start() + len(token)
        elif start is None and i == 0 and token.islower():
            continue  # one adjective: "le portail russe X"
        elif start is not None and token.islower() and len(token) <= 3:
            continue  # a joiner: "Diario de Levante"
        else:
            break
    return (pos + start, pos + end) if start is not None else None


def _apposed_to(text: str, start: int, pos: int, end: int, limit: int) -> tuple[int, int] | None:
    """The name the outlet noun at ``pos``-``end`` stands in apposition to ("… in the Harbour
    Gazette, a local weekly, …"): capitalised words (lower-case joiners between them) right
    before a comma, at most ``APPOSED_WORDS`` lower-case words before the noun and after it
    up to punctuation; two words or more when they open the sentence, where any word is
    capitalised."""
    after = re.match(r"[^\W\d_\s]*((?:\s+[^\W\d_]+)*)\s*(?:[,.;:!?)]|$)", text[end:limit])
    if after is None or len(after.group(1).split()) > APPOSED_WORDS or not after.group(1).islower() and after.group(1):
        return None  # the noun introduces a name after it ("the state agency TASS")
    before = text[start:pos]
    comma = before.rfind(",")
    between = before[comma + 1:].split()
    if comma < 0 or len(between) > APPOSED_WORDS or any(not w.islower() for w in between):
        return None
    words = list(_NAME_WORD.finditer(before[:comma]))
    first = None
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if i < len(words) - 1 and before[w.end():words[i + 1].start()].strip():
            break  # punctuation before a word ends the name
        if w.group()[:1].isupper():
            first = i
        elif not (first is not None and w.group().islower() and len(w.group()) <= 3):
            break
    if first is None or words[-1].end() != comma or not words[-1].group()[:1].isupper():
        return None
    opening = len(before) - len(before.lstrip())
    while words[first].start() == opening and first + 1 < len(words) and not words[first + 1].group()[:1].isupper():
        first = next(i for i in range(first + 1, len(words)) if words[i].group()[:1].isupper())
        opening = -1  # a sentence-opening word before a joiner ("Selon la Gazette") is no part of it
    if words[first].start() == opening and len(words) - first < 2:
        return None
    return start + words[first].start(), start + words[-1].end()


def _inside_name(cue: re.Match, sentence_start: int, lang: str | None) -> bool:
    """Is a lower-case outlet noun written with a capital inside a sentence part of a
    proper name ("Departamento de Medio Ambiente"), not a noun introducing one?"""
    word = cue.group()
    line = max(sentence_start, cue.string.rfind("\n", 0, cue.start()) + 1)
    if not word[:1].isupper() or not re.search(r"\w", cue.string[line:cue.start()]):
        return False  # a capital opening a sentence, line or list item
    return not any(e[:1].isupper() and word.casefold().startswith(e.rstrip("*").casefold())
                   for e in (cues.table(lang)["outlet_nouns"] if lang in cues.languages() else ()))


def _inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _photo_credit(doc: Document, m: Mention) -> bool:
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    before = doc.text[max(line_start, m.start - 25):m.start]
    return any(before[hit.end():].strip(" :：-–—\u00a0") == "" for hit in cues.find("photo_credit", before))
