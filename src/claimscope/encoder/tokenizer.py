"""SentencePiece Unigram tokenisation over the vocabulary of the packed model file.

Same procedure as the model's own tokenizer: map code points through the normalisation
table, collapse runs of spaces, mark word starts with U+2581, then pick the segmentation
with the highest total piece score (Viterbi); a character no piece covers becomes <unk>
with the lowest score minus 10. No piece carries U+2581 after its first character, so the
search runs word by word and each word's result is cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .weights import Vocabulary

SPACE_MARK = "\u2581"
_SPACES = re.compile(" {2,}")
_WORDS = re.compile(f"{SPACE_MARK}[^{SPACE_MARK}]*|[^{SPACE_MARK}]+")
_IMPOSSIBLE = -1e30


class UnigramTokenizer:
    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._ids = _first_ids(vocabulary.pieces, vocabulary.unk)
        self._scores = vocabulary.scores.tolist()
        self._unk_score = min(self._scores) - 10.0
        self.longest = max(map(len, vocabulary.pieces))  # characters
        self._table = vocabulary.normalisation
        self.word = lru_cache(maxsize=1 << 17)(self._word)

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text``, without <s> and </s>."""
        text = _SPACES.sub(" ", text.translate(self._table))
        if not text.startswith(" "):
            text = " " + text
        ids: list[int] = []
        for word in _WORDS.findall(text.replace(" ", SPACE_MARK)):
            ids.extend(self.word(word))
        return ids

    def _word(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [_IMPOSSIBLE] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        ids, scores, unk = self._ids, self._scores, self.vocabulary.unk
        for start in range(n):
            base = best[start]
            if base <= _IMPOSSIBLE:
                continue
            for end in range(start + 1, min(n, start + self.longest) + 1):
                piece = ids.get(word[start:end])
                if piece is not None and base + scores[piece] > best[end]:
                    best[end] = base + scores[piece]
                    back[end] = (start, piece)
            if base + self._unk_score > best[start + 1]:
                best[start + 1] = base + self._unk_score
                back[start + 1] = (start, unk)
        out = []
        end = n
        while end > 0:
            end, piece = back[end]
            out.append(piece)
        return tuple(reversed(out))


def _first_ids(pieces: list[str], unk: int) -> dict[str, int]:
    """Each non-empty piece's first id other than ``unk`` (a dict built reversed, so
    the first id of a piece written twice is the one kept)."""
    ids = dict(zip(reversed(pieces), range(len(pieces) - 1, -1, -1)))
    ids.pop("", None)
    if ids.get(pieces[unk]) == unk:  # unk's text names unk only from a later id, if any
        del ids[pieces[unk]]
        if pieces[unk] in pieces[unk + 1 :]:
            ids[pieces[unk]] = pieces.index(pieces[unk], unk + 1)
    return ids
