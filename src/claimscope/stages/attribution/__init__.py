"""The attribution stage: who is said to say what (see docs/attribution.md).

``AttributionStage`` adds ``Document.attributions``: for every cue found by the
language's table (reporting verb, preposition such as "selon"/"according to",
postposition, "Speaker:" colon), the speaker, cue and content spans, whether the
content is a direct quotation, whether the speaker is anonymous, the speaker's
normalised entity and the outer attribution it is nested in.

Modules: ``tables`` (loading the per-language JSON tables), ``quotes`` (pairing
quotation marks), ``spans`` (clauses, noun phrases and contents around a cue),
``subjects`` (who the subject of a cue is), ``rules`` (the cue rules, one sentence
at a time), ``transcripts`` (the turns of a transcript), ``entities`` (anonymous
speakers and one entity per speaker).
"""

from __future__ import annotations

from ...model import Attribution, Document
from .entities import EntityResolver
from .genders import mention_gender, pronoun_gender, verb_gender
from .kinds import body_kind
from .lemmas import lemmas
from .names import apposed_name, described_name
from .quotes import find_quotes
from .rules import SentenceRules
from .spans import QUOTE_EDGE, WORD, Raw, opens_place, strip, words
from .tables import Table, available_languages, load_table
from .transcripts import crosses_turns, turn_attributions

__all__ = [
    "AttributionStage",
    "available_languages",
    "covering",
    "extract",
    "load_table",
]

NAME, VERSION = "attribution", "1"


class AttributionStage:
    """Pipeline stage: needs ``sentences`` and ``language``, provides ``attributions``."""

    name = NAME
    version = VERSION
    requires = ("sentences", "language")
    provides = ("attributions",)

    def __call__(self, doc: Document) -> Document:
        return doc.evolve(attributions=extract(doc))


def covering(doc: Document, start: int, end: int) -> tuple[Attribution, ...]:
    """Attributions whose content overlaps [start, end) — e.g. the sentence of a claim —
    innermost (shortest content) first, so a claim can say who is said to make it."""
    found = [
        a for a in doc.attributions if a.content_start < end and start < a.content_end
    ]
    return tuple(sorted(found, key=lambda a: a.content_end - a.content_start))


# boilerplate (the traces stage) that holds no report: links and prompts of the page, not a
# disclaimer or a notice, which may quote someone, nor a share prompt ("chia sẻ" is "said" too)
PAGE_LINKS = frozenset({"related_links", "related_headline", "subscribe", "comments", "copyright", "donate", "tags",
                        "navigation", "breadcrumb", "cookie_notice", "advertisement", "link", "reading_time"})


def _table(lang: str | None) -> Table | None:
    return load_table(lang) if lang in available_languages() else None


def extract(doc: Document) -> tuple[Attribution, ...]:
    """Attributions of ``doc`` in reading order; sentences in a language without a
    table are skipped."""
    text = doc.text
    quotes = find_quotes(text)
    raws: list[tuple[Raw, Table]] = []
    rules: dict[str, SentenceRules] = {}
    names: list[tuple[int, int]] = []  # proper names opening a sentence
    for i, sent in enumerate(doc.sentences):
        table = _table(sent.lang or doc.language) or _table(doc.language)
        if table is None:
            continue
        if table.language not in rules:
            rules[table.language] = SentenceRules(text, table, quotes)
        rule = rules[table.language]
        credit = (doc.sentences[0].start, doc.sentences[i - 1].end) if i else None
        previous = strip(text, doc.sentences[i - 1].start, doc.sentences[i - 1].end) if i else None
        found = rule.sentence(sent.start, sent.end, credit, previous)
        if not found and raws and table.raw.get("quote_continues"):
            found = _continued(rule, raws[-1][0], sent)
        raws.extend((raw, table) for raw in found)
        name = rule.opening_name(sent.start, sent.end) or (  # "Reporters met Anna Berg, a nurse."
            None if found else rule.introduced_name(sent.start, sent.end))
        if name:
            names.append(name)
    if doc.sentences and not any(raw.cue[0] < text.find("\n") for raw, _ in raws):
        raws.extend(_headline(doc, raws, rules))
    raws = _with_turns(doc, raws)
    page = [(f.start, f.end) for f in doc.findings if f.kind == "boilerplate" and f.label in PAGE_LINKS]  # "Read also: …"
    raws = [(raw, t) for raw, t in raws if not any(a <= raw.cue[0] < b for a, b in page)]
    raws.sort(key=lambda pair: pair[0].cue)
    return _finish(text, _unembedded(text, raws), names, quotes)


def _unembedded(text: str, raws: list[tuple[Raw, Table]]) -> list[tuple[Raw, Table]]:
    """Leaves out an indirect report inside what a reporting verb reports whose speaker
    names no one: no capital letter, or none at all ("X said that the tests confirmed …",
    "…, because he thought …"); in a quotation or after the outer cue, a capital on a
    determiner or pronoun that opens the speaker names no one either ("HOST: Ce texte
    prévoit que …", "“They told me …,” he said"): it belongs to
    what the outer speaker says. Inside a preposition's content it stays ("Selon X, le
    ministre a affirmé que …"), and so does a clause of the outer speaker's own ("X
    answered …, citing …") and a preposition that opens the outer content after a colon
    ("X réfute : d'après lui, …"), and so does hearsay relayed after a colon, in a transcript
    turn ("GUEST: A colleague told me that …", "…: Im November hieß es, …": see ``_heard``)."""
    plain = [r for r, _ in raws]

    def outer(i: int) -> Raw | None:
        k = _outer(i, plain)
        if k is None:
            return None
        raw, table = raws[k]
        if table.preposition.fullmatch(text, *raw.cue) or raw.speaker and raw.speaker == plain[i].speaker:
            return None
        return raw

    def names(raw: Raw, table: Table, after: bool) -> bool:
        toks = text[raw.speaker[0] : raw.speaker[1]].split() if raw.speaker else []
        if after and toks and toks[0].lower() in table.determiners | table.pronouns:
            toks = toks[1:]  # "Ce texte", "Les élus": a capital that opens a sentence
        return any(c.isupper() for c in "".join(toks))

    kept = []
    for i, (raw, table) in enumerate(raws):
        around = None if raw.direct else outer(i)
        if around is None or names(raw, table, around.direct or around.cue[0] < raw.cue[0]) or _heard(
            text, raw, table, around
        ) or (
            raw.cue[0] == around.content[0] and text[: raw.cue[0]].rstrip().endswith(":")
            and table.preposition.fullmatch(text, *raw.cue)
        ):  # "X réfute : d'après lui, …": the speaker's view, in its own words
            kept.append((raw, table))
    return kept


def _heard(text: str, raw: Raw, table: Table, around: Raw) -> bool:
    """Whether ``raw``, inside what a speaker says after a colon (a transcript turn), is
    what that speaker heard from someone else, by a verb of saying proper (table
    ``saying_lemmas``): an impersonal phrase ("hieß es", no speaker, several words) or a
    third party ("Un colega me contó que …", "Ellos dijeron …"), not the speaker's own
    words ("Le digo …": a speaker of one word is a third-person pronoun of the table) nor
    their reading of a text ("Cette note dit que …": table ``document_nouns``)."""
    if not (around.direct and text[around.cue[0] : around.cue[1]] == ":"):
        return False
    said = set(table.raw.get("saying_lemmas", ()))
    cue = [w.lower() for w in WORD.findall(text[raw.cue[0] : raw.cue[1]])]
    if not any(said & {w, *lemmas(table.language, w, table.participle, table.participle_lemmas)} for w in cue):
        return False
    if raw.speaker is None:
        return len(cue) > 1
    toks = [w.lower() for w in WORD.findall(text[raw.speaker[0] : raw.speaker[1]])]
    own = set(table.raw.get("first_person", ()))
    if any(n in w for w in toks for n in table.raw.get("document_nouns", ())):
        return False
    return bool(toks) and toks[0] not in own and (len(toks) > 1 or toks[0] in table.pronouns)


def _continued(rule: SentenceRules, last: Raw, sent) -> list[Raw]:
    """A sentence that is one quotation and nothing else, right after a quotation set
    before its cue ("„…“, sagte sie. „…“"), goes on with the same speaker and cue (table
    key ``quote_continues``; PolNeAR, for English, does not split such quotes)."""
    text = rule.text
    if not (last.direct and last.content[1] <= last.cue[0] and last.speaker):
        return []
    if any(a <= sent.start < b for a, b in [last.content, *last.parts]):
        return []
    quote = rule.quote_after(sent.start, sent.end)
    if quote is None or text[sent.start : quote[0]].strip(QUOTE_EDGE) or text[quote[1] : sent.end].strip(QUOTE_EDGE):
        return []
    between = text[last.cue[1] : sent.start]
    if "\n" in between or len(between) > 60:
        return []  # the cue closes the sentence right before this one
    return [Raw(last.cue, last.speaker, quote, True)]


def _with_turns(doc: Document, raws: list[tuple[Raw, Table]]) -> list[tuple[Raw, Table]]:
    """In a transcript, one attribution per guest turn instead of what the colon rule
    found in the turn's first sentence (docs/attribution.md, transcripts)."""
    table = _table(doc.language)
    if table is None or not table.colon_cue:
        return raws
    found, turns = turn_attributions(doc.text, doc.sentences, table)
    if not turns:
        return raws
    kept = [(raw, t) for raw, t in raws if not crosses_turns(doc.text, raw, turns, doc.sentences)]
    return kept + [(raw, table) for raw in found]


STEM = 5  # words compared by their first letters: "telewizja" and "telewizji" are one


def _headline(doc: Document, raws: list[tuple[Raw, Table]], rules: dict[str, SentenceRules]):
    """The headline's "Name: claim" when every word of the name is in one speaker of the
    article's body, outside a complement ("Lind: …" after "the minister Eva Lind said")."""
    text, first = doc.text, doc.sentences[0]
    table = _table(first.lang or doc.language) or _table(doc.language)
    if table is None or "\n" not in text or first.end > text.find("\n") + 1:
        return []
    rule = rules.get(table.language) or SentenceRules(text, table, find_quotes(text))

    def stems(start: int, end: int, heads: bool = False) -> set[str]:
        """Stems of the content words; with ``heads``, not of a complement after a short
        function word ("la mairie de Paris" speaks as a town hall, not as Paris)."""
        toks = text[start:end].split()  # a hyphenated name is one word: "Hydro-Québec" is not "Québec"
        return {w.casefold() if "-" in w else w.casefold()[:STEM] for k, w in enumerate(toks)
                if len(w) >= 4 and w.replace("-", "").isalpha()
                and w.casefold() not in table.determiners
                and not (heads and k and toks[k - 1].islower() and len(toks[k - 1]) <= 3)}

    said = [stems(*raw.speaker, heads=True) for raw, _ in raws if raw.speaker]
    raw = rule.headline_colon(first.start, first.end,
                              lambda span: bool(stems(*span)) and any(stems(*span) <= s for s in said))
    return [(raw, table)] if raw else []


def _finish(
    text: str, raws: list[tuple[Raw, Table]], names: list[tuple[int, int]], quotes: dict[int, int]
) -> tuple[Attribution, ...]:
    """Entities and anonymity in reading order. A pronoun speaker, or a bare common noun
    ("женщина"), stands for the latest named subject opening a sentence ("Karin Vogt, …,
    sieht … an, kündigte sie an") when that subject is nearer than the latest speaker; a
    pronoun that marks a gender the antecedent does not have stands for the latest name or
    speaker that has it ("La ministra Ana Lis visitó al alcalde Juan Gil. Ella dijo …")."""
    resolvers: dict[str, EntityResolver] = {}
    groups, anonymous = [], []
    last = -1  # where the latest speaker other than a pronoun starts
    seen: dict[int, tuple[int, object]] = {}  # group id -> (where it last spoke, group)
    states: list[tuple] = []  # the resolver's state before each attribution
    for raw, table in raws:
        if table.language not in resolvers:
            resolvers[table.language] = EntityResolver(table)
        resolver = resolvers[table.language]
        states.append((resolver, resolver.state()))
        mention = named = text[raw.speaker[0] : raw.speaker[1]] if raw.speaker else ""
        noun = mention.split()[-1] if mention else ""
        if ((noun.islower() or table.v2 and len(mention.split()) == 2
             or mention == noun and body_kind(noun, table.language))  # "Агентство пишет"
                and len(mention.split()) <= 2
                and set(mention.lower().split()[:-1]) <= table.determiners | set(  # "(the) portal", "Die Sprecherin"
                    (table.raw.get("locative_subjects") or {}).get("prepositions", ()))):  # "В компании"
            apposed = text[raw.speaker[1] : raw.speaker[1] + 2] == ", " and not body_kind(noun, table.language)
            named = (apposed_name(text, raw.speaker[1]) if apposed else None) \
                or described_name(text, raw.speaker[0], noun, table) or mention  # "le maire, Paul Girard, en …"
        pronoun = mention.lower() in table.pronouns | table.possessive_determiners
        bare = mention.islower() and " " not in mention and named == mention  # "женщина"
        held = _held_before(raws, len(groups))
        if pronoun and held is not None and states[held][0] is resolver:
            resolver.restore(states[held][1])  # "«X says: …», he writes": not X, whom he quotes
        if pronoun or bare:
            subject = next((n for n in reversed(names) if n[1] <= raw.speaker[0]), None)
            if subject and not pronoun and raw.content[0] <= subject[0] < raw.content[1]:
                subject = None  # "X was arrested, police said": X is what is reported
            if subject and subject[0] > last:  # "…, говорит женщина": the named subject before
                resolver.resolve(text[subject[0] : subject[1]], _before(text, subject[0]))
            elif pronoun:
                latest = _relayed(raws[: len(groups)], groups, resolver.last_named)
                resolver.last_named = _reporter(text, raws[: len(groups)], groups, latest, raw.cue[0])
            personal = mention.lower() in table.personal_pronouns  # "she": a person, not "the ministry"
            if personal and subject and resolver.last_named and resolver.last_named.name is None:
                resolver.resolve(text[subject[0] : subject[1]], _before(text, subject[0]))
            want = pronoun_gender(mention, table.language) if pronoun else None
            if want:
                _agree(text, resolver, mention, want, _names_before(text, raw.speaker[0], names, quotes, table), seen.values(),
                       personal)
        if mention and not pronoun:
            last = max(last, raw.speaker[0])
        cue = " ".join(text[raw.cue[0] : raw.cue[1]].lower().split())
        dropped = not mention and not raw.impersonal and raw.cue[1] - raw.cue[0] > 1  # "…, dodał."
        anonymous.append(resolver.anonymous(mention) if mention else cue in table.hearsay
                         or dropped and resolver.last_anonymous)
        # "dijo el alcalde" for "el alcalde Juan Gil": the noun tells the gender of the name
        groups.append(resolver.resolve(named, mention if named != mention else "") if mention else None)
        marked = verb_gender(cue, table.language) if groups[-1] is not None and not pronoun else None
        if marked:  # "— сказала председатель клуба Айно Мякинен": the verb tells her gender
            groups[-1].gender = marked
        if groups[-1] is not None:
            seen[id(groups[-1])] = (raw.speaker[0], groups[-1])
    tag = f"{NAME}@{VERSION}"
    return tuple(
        Attribution(
            cue_start=raw.cue[0],
            cue_end=raw.cue[1],
            speaker_start=raw.speaker[0] if raw.speaker else None,
            speaker_end=raw.speaker[1] if raw.speaker else None,
            content_start=raw.content[0],
            content_end=raw.content[1],
            direct=raw.direct,
            anonymous=anon,
            speaker_entity=group.entity if group else None,
            nested_in=_outer(i, [r for r, _ in raws]),
            stage=tag,
            parts=raw.parts,
        )
        for i, ((raw, _), group, anon) in enumerate(zip(raws, groups, anonymous))
    )


NAME_WINDOW = 400  # characters before a pronoun searched for a name that agrees with it


def _names_before(text: str, pos: int, names: list[tuple[int, int]], quotes: dict[int, int], table: Table) -> list:
    """Names a pronoun at ``pos`` may stand for, each with whether it is a subject: the
    subjects opening a sentence before it and the runs of two to four capitalised words in
    the text just before it, outside quotations ("Le maire X a reçu la ministre Y. … Elle
    a précisé …"), none opening with a capitalised function word ("On Tuesday", "In Paris");
    not a run in the pronoun's own sentence, which names someone else ("Tras reunirse con la
    diputada X, ella aseguró …")."""
    runs, run = [(n, True) for n in names if n[1] <= pos], []
    own = max(text.rfind(mark, 0, pos) for mark in (". ", "! ", "? ", "\n"))
    function = table.determiners | table.pronouns | table.not_subjects

    def capital(tok) -> bool:
        return tok.group()[0].isupper() and not tok.group().isupper() and tok.group().isalpha()

    for tok in [*words(text, max(0, pos - NAME_WINDOW), max(own, 0)), None]:
        if tok and capital(tok) and (not run or text[run[-1].end() : tok.start()] == " "):
            run.append(tok)
            continue
        if run and (run[0].group().lower() in function or table.speaker_stop.fullmatch(run[0].group())):
            run = run[1:]
        prev = list(WORD.finditer(text, max(0, run[0].start() - 24), run[0].start()))[-1:] if run else []
        if 2 <= len(run) <= 4 and not any(a < run[0].start() < b for a, b in quotes.items()) and not (
                prev and text[run[0].start() - 1] == " " and opens_place(text, prev[0], table)):
            runs.append(((run[0].start(), run[-1].end()), False))
        run = [tok] if tok and capital(tok) else []
    return runs


def _before(text: str, pos: int) -> str:
    """The words of the sentence before ``pos`` (what may describe a name there)."""
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), pos - 80) + 1
    return text[start:pos]


def _agree(text: str, resolver: EntityResolver, mention: str, want: str, names: list, spoken,
           personal: bool = False) -> None:
    """Makes the resolver's antecedent agree with a singular pronoun of gender ``want``:
    kept when it has no other gender or number (and takes this gender), else the latest
    name or speaker that has it, else the latest name or named speaker whose gender is not
    known. A ``personal`` pronoun (English "he", "she") stands for a person, never a body
    ("Police arrested John Hale. He said …").
    A plural pronoun may stand for a body ("В МВД заявили … По их словам"): left as it is."""
    chosen = resolver.last_named
    lang = resolver.t.language
    if want == "p" or resolver.anonymous(mention) or chosen is not None and chosen.gender in (
            None, want) and not (personal and chosen.body(lang)):
        if chosen is not None and want != "p":
            chosen.gender = want
        return  # also "A reader … told us … \"…,\" he said": the anonymous speaker, who spoke last
    other = [g.name for g in resolver.groups if g.name and (g.gender not in (None, want) or personal and g.body(lang))]
    gendered = [(n, mention_gender(text[n[0] : n[1]], lang, _before(text, n[0]), subject)) for n, subject in names
                if not any(name in text[n[0] : n[1]] for name in other)]  # "Mark Jensen" after "he"
    spoken = [(pos, g) for pos, g in spoken if not (personal and g.body(lang))]
    subjects = dict(names)  # a speaker or subject outranks a name met as an object or in a complement
    found = [(pos, g) for pos, g in spoken if g.gender == want] + [(n[0], n) for n, g in gendered if g == want]
    found = [(pos, g) for pos, g in found if not isinstance(g, tuple) or subjects.get(g)] or found
    found = found or [(pos, g) for pos, g in spoken if g.gender is None and g.name] + [
        (n[0], n) for n, g in gendered if g is None]
    if not found:
        return
    _, best = max(found, key=lambda pair: pair[0])
    if isinstance(best, tuple):
        resolver.resolve(text[best[0] : best[1]], _before(text, best[0]), bool(subjects.get(best)))
    else:
        resolver.last_named = best


def _held_before(raws: list[tuple[Raw, Table]], i: int) -> int | None:
    """The first of the attributions right before ``raws[i]`` whose cues its content holds
    (the speakers its speaker quotes: "«Un collègue dit : …», écrit-il"), else None."""
    start, end = raws[i][0].content
    j = i
    while j and start <= raws[j - 1][0].cue[0] < end:
        j -= 1
    return j if j < i else None


def _relayed(raws: list[tuple[Raw, Table]], groups: list, latest):
    """The antecedent of a pronoun: the latest named speaker, unless that speaker only
    relays another one, then the speaker it relays: an attribution with an earlier cue
    whose cue its content holds or whose content it shares, and whose content does not
    hold the relay's cue ("X said …, Reuters reported. She added …", "X a annoncé …,
    selon l'AFP. Il a ajouté …"; not "Selon l'AFP, X a annoncé …")."""
    k = next((i for i in range(len(groups) - 1, -1, -1) if groups[i] is latest), None)
    if k is None:
        return latest
    relay = raws[k][0]
    (start, end), cue = relay.content, relay.cue[0]
    inner = [
        g for (r, _), g in zip(raws, groups)
        if g is not None and g is not latest and r.cue[0] < cue
        and (start <= r.cue[0] < end or r.content[0] < end and start < r.content[1])
        and not r.content[0] <= cue < r.content[1]
    ]
    return inner[-1] if inner else latest


def _reporter(text: str, raws: list[tuple[Raw, Table]], groups: list, latest, pos: int):
    """The antecedent of a pronoun whose cue is at ``pos``: ``latest``, unless its latest
    attribution is reported inside what an earlier reporting verb's speaker says; then
    that speaker, who stays the one talked about ("X said that Y had promised …. She
    added …", "X a affirmé que, selon Y, … Il a ajouté …"); not when the pronoun is inside
    that content too, nor after a preposition ("Selon l'AFP, X a annoncé …": X)."""
    k = next((i for i in range(len(groups) - 1, -1, -1) if groups[i] is latest), None)
    j = None if k is None else _outer(k, [r for r, _ in raws])
    if j is None or groups[j] is None:
        return latest
    (outer, table), inner = raws[j], raws[k][0]
    if outer.cue[0] >= inner.cue[0] or outer.content[0] <= pos < outer.content[1] or table.preposition.fullmatch(
            text, *outer.cue):
        return latest
    return groups[j]


def _outer(i: int, raws: list[Raw]) -> int | None:
    """Index of the attribution with the smallest content holding ``raws[i]``'s cue."""
    cue = raws[i].cue
    size = raws[i].content[1] - raws[i].content[0]
    best, best_size = None, None
    for j, other in enumerate(raws):
        start, end = other.content
        if j == i or not (start <= cue[0] and cue[1] <= end) or end - start <= size:
            continue
        if best_size is None or end - start < best_size:
            best, best_size = j, end - start
    return best
