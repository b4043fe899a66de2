"""Transcript turns: "NAME (role): what they said" lines of a broadcast or debate.

A text is a transcript when three lines or more open with a speaker tag (a short run
of capitalised words, an optional parenthesis, a colon) and one speaker takes the floor
twice ("ANNA LIND: …", later "LIND: …"). Each turn of a guest is one attribution: the
tag is the speaker, the colon the cue, and the content runs from the first statement of
the turn to its last (greetings, short replies and questions at either end left out).
The host's turns (a tag holding a word of the table's ``host_roles``, "ANCHOR",
"présentatrice", "ведущий", or naming the same person as such a tag) introduce and ask;
they are no attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Sentence
from .spans import WORD, Raw, strip, words
from .tables import Table

TAG = re.compile(r"^[ \t]*([^\W\d_][^:\n]{0,60}?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
MAX_TAG_WORDS = 5
MAX_PARTICLE = 3  # letters of a lower-case particle inside a name: "de", "van"
MIN_TURNS = 3
MIN_STATEMENT_WORDS = 4
MAX_GREETING_WORDS = 8


@dataclass(frozen=True)
class Turn:
    speaker: tuple[int, int]  # the tag without its parenthesis
    colon: int
    end: int  # end of the line
    names: frozenset  # the tag's words, parenthesis included, case-folded


def _tag(text: str, m: re.Match) -> Turn | None:
    """The turn opened by a tag match, when the tag is a short name: capitalised words,
    with a short particle between them ("Ana de Souza", "Jan van der Berg"), then at most
    a parenthesis ("GÉRARD MARTIN (essayiste)", "Dr. Anna Lind")."""
    label = m.group(1)
    paren = label.find("(")
    name = label[:paren] if paren >= 0 else label
    toks = WORD.findall(name)
    if not 1 <= len(toks) <= MAX_TAG_WORDS or not all(
        t[0].isupper() or 0 < k < len(toks) - 1 and len(t) <= MAX_PARTICLE for k, t in enumerate(toks)
    ):
        return None
    if max(len(t) for t in toks) < 2 or any(c in name for c in "—–|"):
        return None  # "P:", "R:" (question, answer): an interview's letters name nobody; "NEWS — Transcript:"
    if paren >= 0 and not label.rstrip().endswith(")"):
        return None
    start, end = strip(text, m.start(1), m.start(1) + len(name), " \t")
    line_end = text.find("\n", m.end())
    return Turn(
        (start, end),
        text.index(":", m.end(1)),
        len(text) if line_end < 0 else line_end,
        frozenset(w.casefold() for w in WORD.findall(label)),
    )


def turns(text: str, table: Table) -> list[Turn]:
    """The turns of ``text`` when it reads as a transcript, else none."""
    found = [t for t in (_tag(text, m) for m in TAG.finditer(text)) if t]
    labels = table.colon_labels | {w.casefold() for w in table.raw.get("interjections", [])}  # "Mire:"
    found = [t for t in found if text[slice(*t.speaker)].casefold() not in labels]
    if len(found) < MIN_TURNS:
        return []
    lasts = [text[slice(*t.speaker)].split()[-1].casefold() for t in found]
    if len(set(lasts)) < 2 or len(set(lasts)) == len(lasts):
        return []  # one label throughout, or nobody speaks twice: labels, not turns
    return found


def hosts(found: list[Turn], table: Table) -> set[int]:
    """Indices of the host's turns: a tag with a host role word, or one whose words are
    all in such a tag ("LIND" after "ANCHOR ANNA LIND")."""
    roles = {w.casefold() for w in table.raw.get("host_roles", [])}
    host_tags = [t.names for t in found if t.names & roles]
    return {k for k, t in enumerate(found) if any(t.names <= tag for tag in host_tags)}


def statement(text: str, span: tuple[int, int], greetings: frozenset = frozenset()) -> bool:
    """A sentence that states something: four words or more, no question, no short
    greeting or thanks opening with a phrase of the table's ``greetings`` ("Dzień dobry,
    witam państwa.", "Thank you for having me.")."""
    toks = [w.group().lower() for w in words(text, *span)]
    if len(toks) < MIN_STATEMENT_WORDS or text[slice(*span)].rstrip().endswith("?"):
        return False
    return len(toks) > MAX_GREETING_WORDS or not any(" ".join(toks[:n]) in greetings for n in (1, 2, 3))


def crosses_turns(
    text: str, raw: Raw, found: list[Turn], sentences: tuple[Sentence, ...]
) -> bool:
    """Whether an attribution of the sentence rules is no attribution in a transcript: it
    takes a tag for its speaker or cue, reads its content across a tag ("TAG: Now, we
    have to say"), or is asked in a turn ("So you say that …?")."""
    for turn in found:
        tag = (turn.speaker[0], turn.colon + 1)
        if any(tag[0] <= pos < tag[1] for pos in (raw.cue[0], raw.speaker[0] if raw.speaker else -1)):
            return True
        if raw.content[0] < tag[1] and tag[0] < raw.content[1]:
            return True
        if tag[1] <= raw.cue[0] < turn.end:
            sent = next((s for s in sentences if s.start <= raw.cue[0] < s.end), None)
            if sent and text[sent.start : sent.end].rstrip().endswith("?"):
                return True
    return False


def turn_attributions(
    text: str, sentences: tuple[Sentence, ...], table: Table
) -> tuple[list[Raw], list[Turn]]:
    """One attribution per guest turn, and every turn found (the per-sentence colon
    rule leaves them alone)."""
    found = turns(text, table)
    host = hosts(found, table)
    greetings = frozenset(g.lower() for g in table.raw.get("greetings", ()))
    raws = []
    for k, turn in enumerate(found):
        if k in host:
            continue
        spans = [
            strip(text, max(s.start, turn.colon + 1), min(s.end, turn.end))
            for s in sentences
            if s.end > turn.colon + 1 and s.start < turn.end
        ]
        said = [s for s in spans if s[0] < s[1] and statement(text, s, greetings)]
        if said:
            content = (said[0][0], said[-1][1])
            raws.append(Raw((turn.colon, turn.colon + 1), turn.speaker, content, True))
    return raws, found
