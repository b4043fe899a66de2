"""How many independent sources stand behind the main claim and the whole article."""

from __future__ import annotations

import re

from ...langdata import tables
from ...model import Document
from ...outlets import cues
from ...outlets.speakers import group
from ..attribution.tables import available_languages, load_table
from ..furniture import notice_words, words
from .lead import body_sentences, item_end, lists_items, opinion_piece
from .names import Names, same_name
from .relays import FOLLOW_PARAGRAPHS
from .route import Chain

CORROBORATION_PARAGRAPHS = 1  # first-hand claims: speakers this far past the claim corroborate it


def _groups(doc: Document, indices, names: Names) -> dict[str, list]:
    """Speaker groups of the given attributions (outlets by outlet, people by entity)."""
    items = []
    for i in indices:
        a = doc.attributions[i]
        said = doc.text[a.speaker_start:a.speaker_end]
        inside = names.within(a.speaker_start, a.speaker_end)
        key = (inside[0].outlet.id if inside[0].outlet else inside[0].name) if inside else (a.speaker_entity or said)
        if a.speaker_entity and _pronoun(said, doc.language):
            said = a.speaker_entity  # "she" resolved to "Ana Lind": her words, not the pronoun's
        items.append((key.casefold(), said, a.anonymous, i))
    return group(items, doc.language)


def _pronoun(said: str, lang: str | None) -> bool:
    """Is a speaker phrase one personal pronoun of the language's attribution table?"""
    return lang in available_languages() and said.strip().casefold() in load_table(lang).pronouns


def _others(chain: Chain, paragraphs: int | None) -> dict[str, list]:
    """Speaker groups outside the chain: usable speakers that are not outlets or presenters, quoted in
    the claim's paragraph and the next ``paragraphs`` ones and not speaking for a body of
    the chain (None: the whole article, members included)."""
    doc = chain.doc
    first = doc.sentences[chain.claim].paragraph if chain.claim is not None else 0
    picked = []
    for i, a in enumerate(doc.attributions):
        if a.speaker_start is None or not chain.usable(a) or chain.presenter(a) or chain.unsigned(a):
            continue  # a presenter's lines are the programme's own voice; a document no one signs is no one
        j = chain.names.sentence_at(a.cue_start)
        at = doc.sentences[j].paragraph if j is not None else None
        if paragraphs is not None and (at is None or not first <= at <= first + paragraphs):
            continue
        said = doc.text[a.speaker_start:a.speaker_end]
        if any(m.is_outlet for m in chain.names.within(a.speaker_start, a.speaker_end)):
            continue
        if not a.anonymous and any(h.is_outlet for h in chain.hops) and _outlet_reference(chain, a):
            continue  # "the site", "el reportero de la cadena": the chain's outlet again
        if a.anonymous and any(h.anonymous for h in chain.hops):
            continue  # anonymous sources together count once
        known = [said] + ([a.speaker_entity] if a.speaker_entity else [])  # "her" resolved to the origin
        if not any(h.attribution == i or any(same_name(k, n) for k in known for n in _hop_names(doc, h))
                   for h in chain.hops) \
                and (paragraphs is None or not _member(chain, a)):
            picked.append(i)
    return _groups(doc, picked, chain.names)


def _outlet_reference(chain: Chain, a) -> bool:
    """Does a speaker refer back to an outlet without naming one ("the English site",
    "ta telewizja", "das Portal"): it is headed by an outlet noun (the first word past
    the determiners, or the second after a lower-case one), with no capitalised word after
    it, no name in the phrase, and the attribution stage resolved it to no other name?"""
    text, lang = chain.doc.text, chain.lang(a.speaker_start)
    said = text[a.speaker_start:a.speaker_end]
    if chain.names.within(a.speaker_start, a.speaker_end) or (
            a.speaker_entity and a.speaker_entity.casefold() not in said.casefold()):
        return False
    stop = cues.stopwords(lang)
    words = [m for m in re.finditer(r"[^\W\d_][\w'’-]*", said) if m.group().casefold() not in stop]
    heads = words[:1] if not words or (words[0].group()[:1].isupper() and words[0].start() > 0) else words[:2]
    for m in cues.find("outlet_nouns", text, lang, a.speaker_start, a.speaker_end):
        at = m.start() - a.speaker_start
        if any(w.start() == at for w in heads) and not any(w[:1].isupper() for w in text[m.end():a.speaker_end].split()):
            return True
    return False


def _member(chain: Chain, a) -> bool:
    """Does a speaker speak for a body of the chain ("Ana Lind, head of the Water Board",
    "Water Board spokesman Ivo Tamm"): a capitalised word of the body's name in the speaker
    phrase or the apposition after it, up to the clause's end?"""
    text = chain.doc.text
    clause = re.match(r"[^.;:!?()\n]*", text[a.speaker_end:]).group()
    phrase = text[a.speaker_start:a.speaker_end] + clause
    lang = chain.lang(a.speaker_start)
    stop = cues.stopwords(lang)
    bodies = [[w for w in re.findall(r"\w+", h.name) if w[:1].isupper() and w.casefold() not in stop]
              for h in chain.hops if not h.is_outlet and not h.anonymous]
    words = {w.casefold()[:5] for name in bodies for w in name if len(w) >= 4}
    words |= {"".join(w[0] for w in name).casefold() for name in bodies if len(name) >= 3}  # its initials: "GVWB"
    return bool(words & {w.casefold()[:5] for w in re.findall(r"\w+", phrase) if w[:1].isupper() and len(w) >= 3})


def _hop_names(doc: Document, hop) -> list[str]:
    """A hop's name and, when it rests on an attribution, that speaker's whole phrase
    ("the deputy mayor Ana Lind" for the hop "Ana Lind")."""
    if hop.attribution is None:
        return [hop.name]
    a = doc.attributions[hop.attribution]
    return [hop.name, doc.text[a.speaker_start:a.speaker_end]]


def independent_sources(chain: Chain) -> int:
    """Sources behind the main claim. A claim relayed by outlets rests on one origin,
    plus anonymous sources the article adds (all together count once). A claim told
    first-hand rests on its speaker and the other people quoted around it; a claim no one
    is credited with rests on the article itself (one source)."""
    if not chain.hops:
        return 0 if chain.claim is None else 1
    body = body_sentences(chain.doc)
    if opinion_piece(chain.doc, body):
        return 1  # a column's writer quotes others on other points, not to corroborate the fact argued from
    if any(h.is_outlet for h in chain.hops):
        return 1 + (_told_nearby(chain, body) and not any(h.anonymous for h in chain.hops))
    if lists_items(chain.doc, body):
        return 1  # a round-up's next item is another story; who speaks in this one checks it
    return 1 + len(_others(chain, CORROBORATION_PARAGRAPHS))


def rests_on_anonymous(chain: Chain) -> bool:
    """Does the main claim rest on an anonymous source: a hop or an attribution the claim rests on
    is anonymous, or an anonymous source spoke to the article itself near the claim?"""
    doc = chain.doc
    if any(h.anonymous for h in chain.hops) or any(doc.attributions[i].anonymous for i in chain.support):
        return True
    return bool(chain.hops) and _told_nearby(chain, body_sentences(doc))


def _told_nearby(chain: Chain, body: list[int]) -> bool:
    """Did an anonymous source speak to the article itself (:func:`_told_us`) near the claim:
    within ``FOLLOW_PARAGRAPHS`` paragraphs of it and, in a round-up, within its item (the next
    item is another story)?"""
    end = item_end(chain.doc, body, chain.claim) if lists_items(chain.doc, body) else len(chain.doc.text)
    return any(_told_us(chain, i) and chain.doc.attributions[i].cue_start < end
               for nodes in _others(chain, FOLLOW_PARAGRAPHS).values() for i in nodes)


def _told_us(chain: Chain, i: int) -> bool:
    """Is attribution ``i`` an anonymous source that spoke to the article itself ("a reader
    told us", "une lectrice nous a écrit", "confirmed to this blog": first person, or an outlet noun
    the article's own, :func:`_ours`), not one the relayed outlet quotes?"""
    a = chain.doc.attributions[i]
    if not a.anonymous:
        return False
    text, lang = chain.doc.text, chain.lang(a.cue_start)
    if a.speaker_start is not None and a.speaker_end <= a.cue_start and any(
            not text[m.end():a.cue_start].strip() for m in cues.find("first_person", text, lang, a.speaker_end, a.cue_start)):
        return True  # "Un lecteur … nous l'a confirmé", "nos escribe": the pronoun told, right before the cue
    return any(cues.find("first_person", text, lang, lo, hi)
               or any(_ours(text, m, lang) for m in cues.find("outlet_nouns", text, lang, lo, hi))
               for lo, hi in _addressee_spans(a, text))


def _ours(text: str, noun: re.Match, lang: str | None) -> bool:
    """Is an outlet noun the article's own: a demonstrative or "our" next to it (``notice_words``
    ``this`` and ``ours``: "dieser Zeitung", "à notre journal", "a este diario", "báo này" after
    it where ``determiner_after_noun``)? A bare article with it ("sagte der Agentur", "told the
    paper") is another outlet, the one relayed."""
    found = notice_words(lang)
    if tables().get(lang or "", {}).get("determiner_after_noun", False):
        after = words(text[noun.end():noun.end() + 40])
        return any(found[label].opens(after) for label in ("this", "ours"))
    before = words(text[max(0, noun.start() - 40):noun.start()])[-1:]
    return any(found[label].found_in(before) for label in ("this", "ours"))


def _addressee_spans(a, text: str) -> list[tuple[int, int]]:
    """Where the one a source told stands past the cue: the cue and the words between it and
    the content ("contou ao nosso blog que", "bestätigte uns:"), with the content's first word
    ("told us he …"), never inside the speaker's phrase nor the words before the cue, which
    describe the source: a source described by whom it met ("one of our readers", "sources
    consulted by this paper") spoke, but is not said to have told the article the claim."""
    hi = a.cue_end
    if a.content_start >= hi:
        first = re.match(r"\s*\w+", text[a.content_start:a.content_end])
        hi = a.content_start + (first.end() if first else 0)
    if a.speaker_start is None or a.speaker_end <= a.cue_start or a.speaker_start >= hi:
        return [(a.cue_start, hi)]
    return [(a.cue_start, a.speaker_start), (a.speaker_end, hi)]  # "nos escribe un lector:"


def article_sources(chain: Chain) -> int:
    """Independent sources the whole article quotes: the chain's origin and every other
    speaker group (anonymous speakers together)."""
    return (1 if chain.hops else 0) + len(_others(chain, None))
