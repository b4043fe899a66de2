"""The sourcing chain as a picture: a text tree (terminal) and an SVG graph (HTML report).

Both read the report view's chain dict (``view["sourcing"][0]``), so every format
draws the same hops. Renderers call these; text is escaped here for SVG.
"""

from __future__ import annotations

from html import escape as _html_escape
from typing import Any

from .safe import terminal_text

EVIDENCE = {"credit_line": "credit line", "byline": "agency byline", "dateline": "dateline",
            "attribution": "attribution", "relay": "relay"}
BOX_W, BOX_H, GAP, PAD = 190, 64, 44, 8


def escape(text: str) -> str:
    """``text`` for SVG: HTML-escaped, control characters shown as escapes."""
    return _html_escape(terminal_text(text))


def hop_label(hop: dict[str, Any]) -> str:
    """One line per hop: name, ownership and country, best rating."""
    parts = [hop["name"]]
    if hop.get("kind") == "outlet":
        facts = [f for f in (hop.get("ownership"), hop.get("country")) if f and f != "unknown"]
        parts.append(f"[{', '.join(facts)}]" if facts else ("[not in registry]" if not hop.get("outlet_id") else ""))
    if hop.get("anonymous"):
        parts.append("[anonymous]")
    rated = [r for r in hop.get("ratings", []) if r.get("score") is not None]
    if rated:
        parts.append(f"rating {rated[0]['score']:.2f} ({rated[0]['source']})")
    return " ".join(p for p in parts if p)


def tree(chain: dict[str, Any]) -> str:
    """The chain as an indented tree, the origin deepest, each hop with its evidence."""
    lines = []
    for depth, hop in enumerate(chain["hops"]):
        prefix = "" if depth == 0 else "   " * (depth - 1) + "└─ "
        evidence = f" — {EVIDENCE.get(hop.get('evidence'), hop.get('evidence'))}: “{hop['text']}”" if hop.get("text") else ""
        lines.append(prefix + hop_label(hop) + evidence)
    return "\n".join(lines)


def svg(chain: dict[str, Any]) -> str:
    """A left-to-right SVG graph: this article ← outlet ← … ← origin (arrows point to the receiver)."""
    hops = chain["hops"]
    width = len(hops) * (BOX_W + GAP) - GAP + 2 * PAD
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chain" role="img" width="{width}" '
           f'height="{BOX_H + 2 * PAD}" viewBox="0 0 {width} {BOX_H + 2 * PAD}">',
           f"<title>{escape(' ← '.join(h['name'] for h in hops))}</title>"]
    for i, hop in enumerate(hops):
        x = PAD + i * (BOX_W + GAP)
        state = "state" if hop.get("ownership") == "state_controlled" else hop.get("kind", "outlet")
        out.append(f'<g class="hop {escape(state)}"><rect x="{x}" y="{PAD}" width="{BOX_W}" height="{BOX_H}" rx="6"/>')
        out.append(f'<text x="{x + 8}" y="{PAD + 22}">{escape(_short(hop["name"], 26))}</text>')
        sub = hop_label(hop)[len(hop["name"]):].strip() or hop.get("kind", "")
        out.append(f'<text x="{x + 8}" y="{PAD + 44}" class="sub">{escape(_short(sub, 30))}</text></g>')
        if i:
            x0 = x - GAP
            out.append(f'<path class="arrow" d="M{x - 4},{PAD + BOX_H // 2} L{x0 + 4},{PAD + BOX_H // 2} '
                       f'm8,-5 l-8,5 l8,5"/>')
    out.append("</svg>")
    return "".join(out)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
