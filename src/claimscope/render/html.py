"""The HTML report: the article with every finding highlighted, and the findings listed.

All article-derived text goes through Jinja2 autoescaping; nothing untrusted is
marked safe.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .labels import kind_title, language_counts
from .spans import pieces


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("claimscope.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["kind_title"] = kind_title
    return env


def render(view: dict[str, Any]) -> str:
    findings = view.get("findings", [])
    spans = [(f["start"], f["end"], i) for i, f in enumerate(findings)]
    body = [
        {"text": piece, "marks": [findings[k] for k in keys], "ids": keys}
        for piece, keys in pieces(view["article"]["text"], spans)
    ]
    return _env().get_template("report.html.j2").render(
        view=view, body=body, languages=language_counts(view)
    )
