"""Per-language sourcing cues (``claimscope/data/sourcing/<lang>.json``), compiled.

Each table lists, for one language:

- ``relay_cues``: words linking a source to the source it relays, participles and
  inverted verbs included ("citing", "citant", "dẫn", "со ссылкой на", "援引", "via",
  "se apoyaba en", "powołując się na");
- ``accusation``: markers of an accusation ("accus*", "cáo buộc", "обвин*");
- ``primary_material``: primary documents or footage a text may refer to ("statement*",
  "vidéo*", "видео");
- ``photo_credit``: caption credit words ("Photo", "Ảnh", "Фото"): an outlet named after
  one credits a picture, not the story;
- ``outlet_nouns``: nouns that make an unknown speaker an outlet ("newspaper", "báo");
- ``speaker_stopwords``: determiners and prepositions ignored when comparing speaker names;
- ``anonymous_nouns``: nouns that make an unnamed source anonymous ("source", "источник*");
- ``coordinators``: words joining two sources a relay cue names ("and", "et", "i");
- ``host_nouns``: a broadcast's own presenters ("anchor", "présentatrice", "ведущий"): in a
  transcript their lines are the programme's voice, not a source;
- ``byline_cues``: words introducing the author in a byline ("By", "Von", "Posté par");
- ``first_person``: the writer's own "we/us/our" ("nous", "uns", "нам"): an anonymous source
  that spoke to the article itself ("a reader told us") is a source of its own;
- ``source_prepositions``: words naming where a document came from ("from", "от", "de la
  part de", "ricevut* da", "by"): "data received from the X lab" came from the lab;
- ``institution_nouns``: common nouns that name a body ("police", "ayuntamiento",
  "prokuratura"; ``*ministerium`` matches a compound ending on it), matched by lemma in
  ``stages/sourcing/bodies.py`` beside the attribution table's ``body_nouns`` of the
  kinds ministry, agency, party and organisation, which are not repeated here;
  ``noun_phrase_head``: where a noun phrase has its head (``first``, ``last``, or
  ``case``: a word in its base form);
- ``press_release``: words saying a text is a press release, on its header or closing
  lines ("press release", "communiqué de presse", "ufficio stampa", "пресс-релиз"): a
  claim nobody else is credited with is its issuer's;
- ``anaphors``: pronouns that, opening a clause before its verb, point back at what the
  text just said ("das", "lo", "this"): "Lo ha destapado X", "Das beschloss der Kreistag":
  the subject after the verb did or said it.

An entry ending in ``*`` matches any word starting with it; other entries match whole
words. Matching ignores case; scripts written without spaces need no word boundary.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

KINDS = ("relay_cues", "accusation", "primary_material", "photo_credit", "outlet_nouns", "speaker_stopwords",
         "anonymous_nouns", "coordinators", "host_nouns",
         "byline_cues", "first_person", "source_prepositions", "institution_nouns", "noun_phrase_head",
         "press_release", "anaphors")
_NO_BOUNDARY = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Languages that have a sourcing table."""
    folder = resources.files("claimscope") / "data" / "sourcing"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=None)
def table(lang: str) -> dict[str, list[str]]:
    """The raw table of ``lang`` (KeyError if there is none)."""
    if lang not in languages():
        raise KeyError(lang)
    path = resources.files("claimscope") / "data" / "sourcing" / f"{lang}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {kind: data[kind] for kind in KINDS}


def _entry(word: str) -> str:
    """The regex of one entry, without the word boundary before it."""
    stem = word.endswith("*")
    body = re.escape(word.rstrip("*")).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
    if _NO_BOUNDARY.search(word):
        return body
    return body + (r"\w*" if stem else r"(?!\w)")


@lru_cache(maxsize=None)
def pattern(kind: str, lang: str | None) -> re.Pattern | None:
    """One regex for every entry of ``kind`` in ``lang`` (all languages when ``lang`` is
    None or has no table); None when there is nothing to match. Entries needing a word
    boundary share one boundary test, so the alternation is tried at word starts only."""
    langs = [lang] if lang in languages() else list(languages())
    words = sorted({w for code in langs for w in table(code)[kind]}, key=len, reverse=True)
    bounded = [_entry(w) for w in words if not _NO_BOUNDARY.search(w)]
    free = [_entry(w) for w in words if _NO_BOUNDARY.search(w)]
    parts = ([rf"(?<!\w)(?:{'|'.join(bounded)})"] if bounded else []) + free
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def find(kind: str, text: str, lang: str | None = None, start: int = 0, end: int | None = None):
    """Matches of ``kind`` cues in ``text[start:end]`` (offsets into ``text``)."""
    compiled = pattern(kind, lang)
    if compiled is None:
        return []
    return list(compiled.finditer(text, start, len(text) if end is None else end))


@lru_cache(maxsize=None)
def stopwords(lang: str | None) -> frozenset[str]:
    """Speaker-name stopwords of ``lang`` (of every language when it has no table)."""
    langs = [lang] if lang in languages() else list(languages())
    return frozenset(w.casefold() for code in langs for w in table(code)["speaker_stopwords"])
