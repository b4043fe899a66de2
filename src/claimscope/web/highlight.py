"""The article with every finding highlighted in place, from the report's offsets.

Findings (untranslated fragments with their language, MT damage, boilerplate, credit
lines), check-worthy claims, and attributions (speaker, cue and content in their own
styles) become marks; overlapping marks split the text into pieces, each piece
carrying every mark that covers it (``render.spans.pieces``). Each mark has the
one-line detail (what, why, which stage) shown on hover and focus.
"""

from __future__ import annotations

from typing import Any

from ..render.labels import kind_title, reasons_text
from ..render.sections import claim_rows, speaker_name
from ..render.spans import pieces

# (css class, what it marks), in the legend's order.
LEGEND = (
    ("claim", "check-worthy claim"),
    ("speaker", "speaker of an attribution"),
    ("cue", "attribution cue (says, according to...)"),
    ("content", "what the speaker is said to say"),
    ("untranslated_fragment", "left untranslated (language shown)"),
    ("foreign_dateline", "foreign dateline or date format"),
    ("garbled_sentence", "garbled by machine translation or copying"),
    ("boilerplate", "boilerplate copied from the source page"),
    ("credit_line", "credit line naming where the text came from"),
)


def _marks(data: dict[str, Any]) -> list[dict[str, Any]]:
    marks = []
    for f in data.get("findings", []):
        what = kind_title(f["kind"]) + (f" ({f['lang']})" if f.get("lang") else "")
        marks.append({"start": f["start"], "end": f["end"], "css": f["kind"], "lang": f.get("lang"),
                      "detail": f"{what}: {f['reason']} [{f['stage']}]"})
    for c in claim_rows(data):
        marks.append({"start": c["start"], "end": c["end"], "css": "claim", "anchor": f"s-{c['sentence']}",
                      "detail": f"check-worthy claim, score {c['score']:.2f}: {reasons_text(c['reasons'])}"
                                + (f"; said by {c['speaker']}" if c["speaker"] else "")})
    for a in data.get("attributions", []):
        stage = a.get("stage", "attribution")
        for part, what in (("speaker", "speaker"), ("cue", "cue"), ("content", "content")):
            if a.get(f"{part}_start") is not None:
                detail = f"attribution {what}: {speaker_name(a)} ({'direct' if a['direct'] else 'indirect'}) [{stage}]"
                marks.append({"start": a[f"{part}_start"], "end": a[f"{part}_end"], "css": part, "detail": detail})
    return marks


def article_pieces(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The article text as pieces: ``text``, ``css`` (classes), ``detail``, ``lang`` (on the
    first piece of an untranslated fragment) and ``anchor`` (first piece of a claim)."""
    marks = _marks(data)
    out = []
    position = 0
    for text, keys in pieces(data["article"]["text"], [(m["start"], m["end"], i) for i, m in enumerate(marks)]):
        covering = [marks[k] for k in keys]
        starts = [m for m in covering if m["start"] == position]
        out.append({
            "text": text,
            "css": " ".join(dict.fromkeys(m["css"] for m in covering)),
            "detail": " / ".join(m["detail"] for m in covering),
            "lang": next((m["lang"] for m in starts if m.get("lang")), None),
            "anchor": next((m["anchor"] for m in starts if m.get("anchor")), None),
        })
        position += len(text)
    return out
