"""Hand-built documents for the claims tests."""

import re

from claimscope.model import Article, Document, Paragraph, Sentence

_END = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-ÖØ-ÞА-ЯЁ])")


def document(text: str, lang: str | None = None) -> Document:
    """``text`` split into paragraphs at newlines and sentences at end punctuation
    (a simple split for tests; the segment stage does the real work)."""
    paragraphs, sentences = [], []
    for block in re.finditer(r"[^\n]+", text):
        if not block.group().strip():
            continue
        paragraphs.append(Paragraph(block.start(), block.end()))
        start = block.start()
        for piece in _END.split(block.group()):
            offset = text.index(piece, start)
            if piece.strip():
                sentences.append(Sentence(offset, offset + len(piece), len(paragraphs) - 1, lang))
            start = offset + len(piece)
    return Document(article=Article(text), language=lang,
                    paragraphs=tuple(paragraphs), sentences=tuple(sentences))
