"""The sourcing chain measured apart from the attribution stage: the pipeline of
``eval_articles.py`` with the attribution stage's output replaced by the articles' gold
attributions, so that chain errors left are the chain rules' own (or the main claim's).

    .venv/bin/python bench/eval_chain_gold.py                  # dev and test, sourcing figures
    .venv/bin/python bench/eval_chain_gold.py --errors         # dev articles whose chain is wrong
    .venv/bin/python bench/eval_chain_gold.py --show ID        # one dev article: gold beside report

Gold spans are placed as ``eval_articles.py`` scores them (content first, then the
whole-word occurrence of the speaker and cue nearest it); a pronoun speaker's entity is its
``speaker_ref``; the content holding another's cue is its ``nested_in``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import (_gold_attr_spans, chain_error, load, main_chain, print_table, score_article,  # noqa: E402
                           show, summarise)

SOURCING = ("sourcing.", "flags.")


def gold_attributions(text: str, row: dict) -> tuple:
    """The gold attributions of ``row`` as the attribution stage's records."""
    from claimscope.model import Attribution

    out = []
    for a in row["attributions"]:
        spans = _gold_attr_spans(text, a)
        cue = spans["cue"] or spans["content"]
        speaker = spans["speaker"]
        entity = None if a["anonymous"] or speaker is None else (a.get("speaker_ref") or a["speaker"])
        out.append(Attribution(cue[0], cue[1], speaker[0] if speaker else None, speaker[1] if speaker else None,
                               spans["content"][0], spans["content"][1], bool(a["direct_quote"]),
                               bool(a["anonymous"]), entity, None, "gold"))
    nested = []
    for i, a in enumerate(out):
        outer = [j for j, b in enumerate(out) if j != i and b.content_start <= a.cue_start < b.content_end]
        best = min(outer, key=lambda j: out[j].content_end - out[j].content_start, default=None)
        nested.append(dataclasses.replace(a, nested_in=best))
    return tuple(sorted(nested, key=lambda a: a.cue_start))


class GoldAttributions:
    """A stage standing in for the attribution stage: the row's gold attributions."""

    name, version, requires, provides = "attribution", "gold", ("sentences", "language"), ("attributions",)

    def __init__(self):
        self.row: dict | None = None

    def __call__(self, doc):
        return doc.evolve(attributions=gold_attributions(doc.text, self.row))


def make_analyzer():
    from claimscope import Analyzer, Settings, ingest
    from claimscope.pipeline import Pipeline

    analyzer = Analyzer(Settings(matching=False))
    gold = GoldAttributions()
    stages = [gold if "attributions" in s.provides else s for s in analyzer.pipeline.stages]
    analyzer.pipeline = Pipeline(stages)

    def analyze(row: dict) -> dict:
        gold.row = row
        article = ingest.from_text(row["text"])
        meta = dataclasses.replace(article.meta, date=row.get("date"))
        return analyzer.analyze(dataclasses.replace(article, meta=meta)).data

    return analyze


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the dev articles whose chain is wrong")
    parser.add_argument("--show", nargs="+", help="dev article ids to print gold beside report")
    args = parser.parse_args()
    analyze = make_analyzer()
    if args.show:
        for row in load():
            if row["split"] == "dev" and row["id"] in args.show:
                show(row, analyze(row))
        return
    figures = {}
    for split in ("dev", "test"):
        rows = [r for r in load() if r["split"] == split]
        total: dict[str, float] = defaultdict(float)
        for row in rows:
            report = analyze(row)
            for k, v in score_article(row, report).items():
                total[k] += v
            chain = main_chain(report)
            names = [h["name"] for h in chain["hops"]] if chain else ["this article"]
            error = chain_error(row["sourcing_chain"], names)
            if args.errors and split == "dev" and error:
                print(f"{row['id']:6} {error:18} gold {row['sourcing_chain']}\n{'':25} ours {names}")
        figures[split] = {k: v for k, v in summarise(total, len(rows)).items()
                          if k == "articles" or k.startswith(SOURCING)}
    print_table(figures)


if __name__ == "__main__":
    main()
