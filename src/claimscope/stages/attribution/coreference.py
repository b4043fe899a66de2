"""Coreference of speakers: which entity each attribution's speaker stands for, in reading
order. A pronoun or a bare common noun stands for the latest named subject or speaker
(``_relayed``, ``_reporter``), or for the latest name or speaker that agrees with its gender
(``_agree``, ``genders.py``); one ``EntityResolver`` per language groups the mentions.
"""

from __future__ import annotations

from .entities import EntityResolver
from .genders import (after_gender, described_determiners, described_gender, determiner_number, noun_case, mention_gender, pronoun_gender, singular, verb_gender,
                      word_gender)
from .kinds import body_kind
from .names import apposed_name, described_name
from .spans import WORD, Raw, opens_place, words
from .tables import Table


def speakers(
    text: str, raws: list[tuple[Raw, Table]], names: list[tuple[int, int]], quotes: dict[int, int]
) -> tuple[list, list]:
    """The entity group (None without a speaker) and the anonymity of each attribution, in
    reading order. A pronoun speaker, or a bare common noun
    ("женщина"), stands for the latest named subject opening a sentence ("Karin Vogt, …,
    sieht … an, kündigte sie an") when that subject is nearer than the latest speaker; a
    pronoun that marks a gender the antecedent does not have stands for the latest name or
    speaker that has it ("La ministra Ana Lis visitó al alcalde Juan Gil. Ella dijo …")."""
    resolvers: dict[str, EntityResolver] = {}
    groups, anonymous = [], []
    last = -1  # where the latest speaker other than a pronoun ends
    seen: dict[int, tuple[int, object]] = {}  # group id -> (where it last spoke, group)
    states: list[tuple] = []  # the resolver's state before each attribution
    for raw, table in raws:
        if table.language not in resolvers:
            resolvers[table.language] = EntityResolver(table)
        resolver = resolvers[table.language]
        states.append((resolver, resolver.state()))
        mention = text[raw.speaker[0] : raw.speaker[1]] if raw.speaker else ""
        mention = named = resolver.owner(mention) or mention  # "su análisis": "su"; "la stima del portale": "portale"
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
        described = True  # by what they are, which may name nobody ("the owner", "pogranicznik")
        held = _held_before(raws, len(groups))
        if pronoun and held is not None and states[held][0] is resolver:
            resolver.restore(states[held][1])  # "«X says: …», he writes": not X, whom he quotes
        if pronoun or bare:
            subject = next((n for n in reversed(names) if n[1] <= raw.speaker[0]), None)
            if pronoun and last < 0:  # no speaker before: a name in a sentence after the subject's
                subject = max([n for n, _ in _names_before(text, raw.speaker[0], names, quotes, table) if not subject
                               or any(end in text[subject[1] : n[0]] for end in (". ", "! ", "? ", "\n"))],
                              default=subject)  # "X … desde Estados Unidos. Lo publicó El Faro. Según su …"
            if subject and not pronoun and raw.content[0] <= subject[0] < raw.content[1]:
                subject = None  # "X was arrested, police said": X is what is reported
            if subject and subject[0] >= last:  # "…, говорит женщина": the named subject before
                resolver.resolve(text[subject[0] : subject[1]], _before(text, subject[0]))
                described = not bare  # "женщина" is that subject: named
            elif pronoun:
                latest = _relayed(raws[: len(groups)], groups, resolver.last_named)
                resolver.last_named = _reporter(text, raws[: len(groups)], groups, latest, raw.cue[0])
            personal = mention.lower() in table.personal_pronouns  # "she": a person, not "the ministry"
            if personal and subject and resolver.last_named and resolver.last_named.name is None:
                resolver.resolve(text[subject[0] : subject[1]], _before(text, subject[0]))
            want = pronoun_gender(mention, table.language) if pronoun else None
            if want:
                _agree(text, resolver, mention, want, _names_before(text, raw.speaker[0], names, quotes, table, want == "p"),
                       seen.values(), personal)
        if mention and not pronoun:
            last = max(last, raw.speaker[1])
        cue = " ".join(text[raw.cue[0] : raw.cue[1]].lower().split())
        dropped = not mention and not raw.impersonal and raw.cue[1] - raw.cue[0] > 1  # "…, dodał."
        anonymous.append(resolver.anonymous(mention, text if described else "", raw.speaker[0]) if mention
                         else cue in table.hearsay
                         or dropped and resolver.last_anonymous)
        # "dijo el alcalde" for "el alcalde Juan Gil": the noun tells the gender of the name
        groups.append(resolver.resolve(named, mention if named != mention else "",
                                       anonymous=anonymous[-1] if named == mention else None) if mention else None)
        marked = verb_gender(cue, table.language) if groups[-1] is not None and not pronoun else None
        if marked:  # "— сказала председатель клуба Айно Мякинен": the verb tells her gender
            groups[-1].gender = marked
        if groups[-1] is not None:
            seen[id(groups[-1])] = (raw.speaker[0], groups[-1])
    return groups, anonymous


NAME_WINDOW = 400  # characters before a pronoun searched for a name that agrees with it


def _names_before(text: str, pos: int, names: list[tuple[int, int]], quotes: dict[int, int], table: Table,
                  plural: bool = False) -> list:
    """Names a pronoun at ``pos`` may stand for, each with whether it is a subject: the
    subjects opening a sentence before it and the runs of two to four capitalised words in
    the text just before it, outside quotations ("Le maire X a reçu la ministre Y. … Elle
    a précisé …"), none opening with a capitalised function word ("On Tuesday", "In Paris");
    not a run in the pronoun's own sentence, which names someone else ("Tras reunirse con la
    diputada X, ella aseguró …"); and the descriptions, a determiner and a gendered role noun
    that no name follows nor comes right before ("… pediu uma deputada. …, disse ela";
    not "Ana Lis, la directora"), which a pronoun of their gender may stand for; with
    ``plural``, also a plural determiner before a noun ("… a reçu les syndicats"), for a
    plural pronoun."""
    runs, run = [(n, True) for n in names if n[1] <= pos], []
    own = max(text.rfind(mark, 0, pos) for mark in (". ", "! ", "? ", "\n"))
    function = table.determiners | table.pronouns | table.not_subjects

    def capital(tok) -> bool:
        return tok.group()[0].isupper() and not tok.group().isupper() and tok.group().isalpha()

    toks = words(text, max(0, pos - NAME_WINDOW), max(own, 0))
    for prev, det, noun, nxt in zip([None, *toks], toks, toks[1:], [*toks[2:], None]):
        apposed = prev is not None and capital(prev) and text[prev.end() : det.start()].strip() == ","
        if (det.group().lower() in table.determiners | described_determiners(table.language)
                and text[det.end() : noun.start()] == " " and (described_gender(det.group(), noun.group(), table.language)
                                                               or plural and plural_description(det.group(), noun.group(), table))
                and not apposed and not (nxt and capital(nxt)) and not any(a < det.start() < b for a, b in quotes.items())):
            runs.append(((det.start(), noun.end()), False))
    for tok in [*toks, None]:
        if tok and capital(tok) and (not run or text[run[-1].end() : tok.start()] == " "):
            run.append(tok)
            continue
        if run and (run[0].group().lower() in function or table.speaker_stop.fullmatch(run[0].group())):
            run = run[1:]
        if len(run) > 2 and word_gender(run[0].group(), table.language):
            run = run[1:]  # a capitalised role noun before a name: "Virologin Svea Adler", "Frau Anna Berg"
        prev = list(WORD.finditer(text, max(0, run[0].start() - 24), run[0].start()))[-1:] if run else []
        if 2 <= len(run) <= 4 and not any(a < run[0].start() < b for a, b in quotes.items()) and not (
                prev and text[run[0].start() - 1] == " " and opens_place(text, prev[0], table)):
            runs.append(((run[0].start(), run[-1].end()), False))
        run = [tok] if tok and capital(tok) else []
    return runs


def plural_description(determiner: str, noun: str, table: Table) -> bool:
    """A determiner that marks the plural (genders.json ``determiners``: "les", "los",
    "several", "mehrere") before a noun (``noun_case``) that is no function word: a group a plural pronoun
    may stand for ("… a reçu les syndicats. Ils ont dit …")."""
    low = noun.lower()
    return (described_determiners(table.language) and determiner_number(determiner, table.language) == "p"
            and noun_case(noun, table.language) and low not in table.determiners | table.pronouns | table.not_subjects)


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
    A singular pronoun whose antecedent has no known gender and has not spoken stands for a
    nearer name that has its gender (``_agreeing_after``).
    A plural pronoun may stand for a body ("В МВД заявили … По их словам"): left as it is;
    not for one person (a group of gender "m" or "f" that is no body): then for the latest
    speaker that is a body or plural, if any ("The firm X said … Its director Y said … They
    added …" → X), else for the latest plural description before it ("… met several residents.
    They said …"), as unnamed people when resolving it would join a person named before."""
    lang = resolver.t.language
    for n, _ in names:  # "Айно Мякинен встретилась …": the verb after a name outweighs its ending
        marked = after_gender(text[n[1] : n[1] + 40], lang)
        for group in resolver.groups if marked in ("m", "f") else ():
            if group.name and group.name in text[n[0] : n[1]]:
                group.gender = marked
    chosen = resolver.last_named
    if want == "p" and chosen is not None and chosen.gender in ("m", "f") and not _body(chosen, lang) and not (
            resolver.anonymous(mention)):
        bodies = [(pos, g) for pos, g in spoken if g.gender == "p" or _body(g, lang)]
        if bodies:
            resolver.last_named = max(bodies, key=lambda pair: pair[0])[1]
            return
        plural = [n for n, subject in names if _name_gender(text, n, lang, subject) == "p"]
        if plural:  # "El alcalde Juan Gil recibió a los vecinos de Triana. Ellos dijeron …"
            best, state = max(plural), resolver.state()
            group = resolver.resolve(text[best[0] : best[1]], _before(text, best[0]), False)
            if group is not None and group.gender in ("m", "f"):  # taken for one person named before: unnamed people
                resolver.restore(state)
                resolver.resolve(text[best[0] : best[1]], _before(text, best[0]), False, anonymous=True)
        return
    if singular(mention, lang) and chosen is not None and chosen.gender is None and chosen.name and not _body(chosen, lang) and (
            not resolver.anonymous(mention)):
        later = _agreeing_after(text, chosen, want, lang, names, spoken)
        if later:  # "Loïc Brunet a reçu la chercheuse Maëlle Adler. Elle a dit …": the nearer one that agrees
            resolver.resolve(text[later[0] : later[1]], _before(text, later[0]), bool(dict(names).get(later)))
            return
    if want == "p" or resolver.anonymous(mention) or chosen is not None and chosen.gender in (
            None, want) and not (personal and chosen.body(lang)):
        if chosen is not None and want != "p":
            chosen.gender = want
        return  # also "A reader … told us … \"…,\" he said": the anonymous speaker, who spoke last
    other = [g.name for g in resolver.groups if g.name and (g.gender not in (None, want) or personal and g.body(lang))]
    gendered = [(n, _name_gender(text, n, lang, subject)) for n, subject in names
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


def _agreeing_after(text: str, chosen, want: str, lang: str, names: list, spoken) -> tuple[int, int] | None:
    """The latest name or description that marks gender ``want`` and comes after the last
    name holding ``chosen``'s, an antecedent of no known gender that has not spoken
    (agreement outranks an antecedent that says nothing, when the agreeing one is the
    nearer), else None."""
    if any(g is chosen for _, g in spoken):
        return None  # a speaker stays the one talked about
    at = [n[0] for n, _ in names if chosen.name in text[n[0] : n[1]]]
    if not at:
        return None
    after = [n for n, subject in names if n[0] > max(at) and chosen.name not in text[n[0] : n[1]]
             and _name_gender(text, n, lang, subject) == want]
    return max(after, default=None)


def _name_gender(text: str, n: tuple[int, int], lang: str, subject: bool) -> str | None:
    """The gender of a name met before a pronoun: what the word right after it marks (its
    past-tense verb, an apposed participle: ``after_gender``), which outweighs the ending
    of a given name, else what the name and the words before it mark (``mention_gender``)."""
    return after_gender(text[n[1] : n[1] + 40], lang) or mention_gender(text[n[0] : n[1]], lang, _before(text, n[0]), subject)


def _body(group, lang: str) -> bool:
    """Whether a group is a body: a concept or outlet of the table, or a mention of it opens
    with a noun of a kind of body ("Sở Y tế", "the portal X"; not "the spokesman for the ministry")."""
    return group.body(lang) or any(
        body_kind(label.split()[0], lang) for label in group.labels if label.split())


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
    j = None if k is None else enclosing(k, [r for r, _ in raws])
    if j is None or groups[j] is None:
        return latest
    (outer, table), inner = raws[j], raws[k][0]
    if outer.cue[0] >= inner.cue[0] or outer.content[0] <= pos < outer.content[1] or table.preposition.fullmatch(
            text, *outer.cue):
        return latest
    return groups[j]


def enclosing(i: int, raws: list[Raw]) -> int | None:
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
