"""The HTML report: the article with every finding highlighted, and the findings listed.

All article-derived text goes through Jinja2 autoescaping; nothing untrusted is
marked safe. Control characters are shown as escapes (``\x1b``), as in every output.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .labels import language_counts, reasons_text
from .chain import svg
from .safe import terminal_text
from .sections import claim_rows, main_chain, sections
from .spans import pieces


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("claimscope.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_visible,
    )
    return env


def _visible(value):
    """Every ``{{ value }}`` with its control characters shown as escapes (Markup is ours: kept)."""
    return terminal_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _marks(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Everything highlighted in the article: findings, then check-worthy claims."""
    marks = [
        {"start": f["start"], "end": f["end"], "css": f["kind"], "title": f["reason"],
         "ref": f"finding-{i}"}
        for i, f in enumerate(view.get("findings", []))
    ]
    marks += [
        {"start": c["start"], "end": c["end"], "css": "claim",
         "title": f"check-worthy claim ({c['score']:.2f}: {reasons_text(c['reasons'])})",
         "ref": f"claim-{c['sentence']}"}
        for c in claim_rows(view)
    ]
    return marks


def render(view: dict[str, Any]) -> str:
    marks = _marks(view)
    spans = [(m["start"], m["end"], i) for i, m in enumerate(marks)]
    body = [
        {"text": piece, "marks": [marks[k] for k in keys]}
        for piece, keys in pieces(view["article"]["text"], spans)
    ]
    return _env().get_template("report.html.j2").render(
        view=view, body=body, languages=language_counts(view), sections=sections(view),
        # chain.svg escapes every piece of text it draws, so its markup can be inserted as is.
        chain_svg=Markup(svg(main_chain(view))) if main_chain(view) else None,
    )
