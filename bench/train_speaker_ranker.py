"""Fit the learned speaker choice (``claimscope.stages.attribution.speaker_rank``) and rebuild
``src/claimscope/data/attribution/speaker_ranker.json``.

Training data, all by other hands: the ``dev`` articles of ``../shared/data/articles`` and the
``train`` split of PolNeAR (English news). Every cue the rules find that a gold attribution
shares (cues overlapping; the scoring rule of ``eval_articles.py``: half of the shorter span)
is one decision; each of its candidate speakers is one row, labelled 1 when it overlaps the
gold speaker the same way ("no speaker" when the gold has none). Decisions with no right
candidate are left out of the fit; cues inside a quotation are left to the rules.

Printed, for the rules and the ranker: decisions chosen right and the speaker F1 of the
attribution stage alone on the dev articles, leave-one-article-out (each article chosen by
a ranker fitted on PolNeAR train and the other 35 articles) and in-sample, and decisions and
source F1 on PolNeAR dev (held out from the fit); with ``--test``, the test figures (report
them once, never tune on them). The strength of the fit is the one with the most decisions
right held out. The weights are written only when, held out, the ranker beats the rules'
speaker F1 on the dev articles (leave-one-article-out) and loses no decision there nor on
PolNeAR dev; else the JSON is removed and the rules decide. Deterministic: the same data
gives the same JSON.

    .venv/bin/python bench/train_speaker_ranker.py             # fit, print, write when it helps
    .venv/bin/python bench/train_speaker_ranker.py --dry-run   # fit and print only
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import _attributions, _gold_attr_spans, load  # noqa: E402
from eval_attribution import POLNEAR, analyse, eval_polnear  # noqa: E402

from claimscope import ingest  # noqa: E402
from claimscope.checkworthy.articles import overlaps  # noqa: E402
from claimscope.model import Document  # noqa: E402
from claimscope.ranker import Ranker, fit  # noqa: E402
from claimscope.stages.attribution import extract, speaker_rank  # noqa: E402
from claimscope.stages.language import Language  # noqa: E402
from claimscope.stages.segment import Segment  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimscope" / "data" / "attribution" / "speaker_ranker.json"
GRID = (0.1, 0.3, 1.0)
NAME = "attribution-speaker"


def prepared(row: dict) -> Document:
    doc = Document(article=ingest.from_text(row["text"]))
    for stage in (Segment(), Language()):
        doc = stage(doc)
    return doc


def run(doc: Document, ranker: Ranker | None, record: list | None = None) -> dict:
    with speaker_rank.using(ranker, record):
        found = extract(doc)
    return {"article": {"text": doc.text}, "attributions": [dataclasses.asdict(a) for a in found]}


def decisions(row: dict, doc: Document) -> list[list[tuple[dict, int]]]:
    """Per cue shared with a gold attribution, its candidates' (features, label)."""
    record: list = []
    run(doc, None, record)
    golds = [g for g in (_gold_attr_spans(doc.text, a) for a in row["attributions"]) if g["cue"]]
    out = []
    for cue, found in record:
        gold = next((g for g in golds if overlaps(cue, g["cue"])), None)
        if gold is None:
            continue
        out.append([(f, int(gold["speaker"] is None if span is None else
                            gold["speaker"] is not None and overlaps(span, gold["speaker"])))
                    for span, f in found])
    return out


def polnear_events(ann: Path) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """(cue, source or None) of every attribution of one PolNeAR brat file."""
    spans, events = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0].startswith("T"):
            frags = [tuple(map(int, f.split())) for f in cols[1].partition(" ")[2].split(";")]
            spans[cols[0]] = (frags[0][0], frags[-1][1])
        elif len(cols) >= 2 and cols[0].startswith("E"):
            args = dict(a.split(":") for a in cols[1].split()[1:])
            if args.get("Cue") in spans:
                events.append((spans[args["Cue"]], spans.get(args.get("Source", ""))))
    return events


def polnear_decisions(split: str) -> list[list[list[tuple[dict, int]]]]:
    """Decisions of the articles of a PolNeAR split (first annotator), one group per
    article: English news by another hand, labelled the same way."""
    folder, out = POLNEAR / split, []
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        record: list = []
        with speaker_rank.using(None, record):
            analyse(txt.read_text(encoding="utf-8"), "en")
        events, article = polnear_events(anns[0]), []
        for cue, found in record:
            gold = next((e for e in events if overlaps(cue, e[0])), None)
            if gold is not None:
                article.append([(f, int(gold[1] is None if span is None else
                                        gold[1] is not None and overlaps(span, gold[1])))
                                for span, f in found])
        out.append(article)
    return out


def accuracy(groups: list[list[list[tuple[dict, int]]]], ranker: Ranker | None) -> int:
    """Decisions whose chosen candidate is right (the rules' choice without a ranker)."""
    right = 0
    for article in groups:
        for cands in article:
            pick = ranker.best([f for f, _ in cands]) if ranker else next(
                i for i, (f, _) in enumerate(cands) if f.get("from=rule"))
            right += cands[pick][1]
    return right


def fitted(groups: list[list[list[tuple[dict, int]]]], c: float) -> Ranker:
    rows = [(f, y) for article in groups for cands in article if any(y for _, y in cands) for f, y in cands]
    return fit([f for f, _ in rows], [y for _, y in rows], name=NAME,
               trained_on="articles dev + PolNeAR train", c=c)


def speaker_f1(rows: list[dict], reports: list[dict]) -> float:
    counts: dict[str, float] = defaultdict(float)
    for row, report in zip(rows, reports):
        _attributions(counts, row, report)
    p = counts["speaker.tp"] / max(1, counts["speaker.n_r"])
    r = counts["speaker.tp"] / max(1, counts["speaker.n_g"])
    return 2 * p * r / (p + r) if p + r else 0.0


def polnear_source_f1(split: str, ranker: Ranker | None) -> float:
    with speaker_rank.using(ranker):
        return eval_polnear(split)[f"attribution.polnear.{split}.source_f1" if split != "test"
                                   else "attribution.polnear.source_f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    parser.add_argument("--test", action="store_true", help="also print the test figures (once, at the end)")
    args = parser.parse_args()
    rows = load()
    dev = [r for r in rows if r["split"] == "dev"]
    docs = [prepared(r) for r in dev]
    groups = [decisions(r, d) for r, d in zip(dev, docs)]
    english, held = polnear_decisions("train"), polnear_decisions("dev")
    n, pn = sum(map(len, groups)), sum(map(len, held))
    rules = accuracy(groups, None), accuracy(held, None)
    rules_f1 = speaker_f1(dev, [run(d, None) for d in docs])
    print(f"rules: articles dev right {rules[0]}/{n}, speaker F1 {rules_f1:.4f}; "
          f"PolNeAR dev right {rules[1]}/{pn}")
    best = None
    for c in GRID:
        rankers = [fitted(english + groups[:k] + groups[k + 1 :], c) for k in range(len(groups))]
        right = sum(accuracy([g], rk) for g, rk in zip(groups, rankers))
        f1 = speaker_f1(dev, [run(d, rk) for d, rk in zip(docs, rankers)])
        on_polnear = accuracy(held, fitted(english + groups, c))
        print(f"  c={c}: articles dev leave-one-article-out right {right}/{n}, speaker F1 {f1:.4f}; "
              f"PolNeAR dev right {on_polnear}/{pn}")
        if best is None or (right + on_polnear, f1) > best[1:]:
            best = (c, right + on_polnear, f1, right, on_polnear)
    c, _, loao_f1, loao_right, on_polnear = best
    ranker = fitted(english + groups, c)
    inside = speaker_f1(dev, [run(d, ranker) for d in docs])
    print(f"chosen c={c}: articles dev in-sample right {accuracy(groups, ranker)}/{n}, speaker F1 {inside:.4f}; "
          f"leave-one-article-out speaker F1 {loao_f1:.4f} (rules {rules_f1:.4f})")
    print(f"PolNeAR dev source F1: rules {polnear_source_f1('dev', None):.4f}, "
          f"ranker {polnear_source_f1('dev', ranker):.4f}")
    helps = loao_f1 > rules_f1 and loao_right >= rules[0] and on_polnear >= rules[1]
    ranker = dataclasses.replace(ranker, meta={**ranker.meta, "dev_loao_speaker_f1": round(loao_f1, 4),
                                               "dev_rules_speaker_f1": round(rules_f1, 4)})
    if args.test:
        test = [r for r in rows if r["split"] == "test"]
        tdocs = [prepared(r) for r in test]
        print(f"test: rules speaker F1 {speaker_f1(test, [run(d, None) for d in tdocs]):.4f}, "
              f"ranker {speaker_f1(test, [run(d, ranker) for d in tdocs]):.4f}; PolNeAR test source F1: "
              f"rules {polnear_source_f1('test', None):.4f}, ranker {polnear_source_f1('test', ranker):.4f}")
    for k, v in sorted(ranker.weights.items(), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {v:+.3f} {k}")
    if args.dry_run:
        return
    if helps:
        ranker.save(OUT)
        print(f"wrote {OUT}")
    else:
        OUT.unlink(missing_ok=True)
        print("held out, the ranker does not beat the rules: no weights shipped")


if __name__ == "__main__":
    main()
