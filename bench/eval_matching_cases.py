"""Fact-check matching case by case, on the splits one may read (dev, blind-dev; never test):
where each article's gold fact-check ranks and why it is or is not reported, and for the
articles without one, how far their best candidate stays from the bar that would report it.

    OMP_NUM_THREADS=1 .venv/bin/python bench/eval_matching_cases.py            # every article
    OMP_NUM_THREADS=1 .venv/bin/python bench/eval_matching_cases.py fr-65 pl-77  # some

Per article with a fact-check: the gold record (date and claim), its rank among the merged
hits, its merged confidence and that of its best sentence alone, whether that sentence is in
the front paragraphs and agrees with it (``matching.agrees``), and the sentence; a gold record
that is no sentence's best hit is "never retrieved" (its best rank in any one sentence's list
is shown). Per article without one: the margin of its best candidate, i.e. its confidence
minus the bar that applies (the article threshold for a front finder that agrees, the body
bar for a sentence on its own), and the same for front finders without the agreement checks
("raw"): a raw margin above 0 is a false alarm the agreement checks hold back. Summary: right
case first, nothing reported, wrong among reported, and the closest margins of each split.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import ARTICLES, BLIND, _corpus, load, match_ref, readable  # noqa: E402

from claimscope import Analyzer, Settings, ingest  # noqa: E402
from claimscope.stages import matching as M  # noqa: E402

POOL = 100  # merged hits looked at per article


def record_id(ref: str) -> str:
    """The evaluation store's id of a gold reference (EUvsDisinfo case URL, Snopes vclaim id)."""
    return ref if ref.startswith("http") else f"snopes:{ref}"


def margins(doc, chosen, hits, records, weights) -> tuple[float, float, tuple]:
    """(margin, raw margin, (hit, sentence)) of the candidate closest to being reported."""
    best = (-9.0, -9.0, None)
    for hit, i in hits[:30]:
        kept, raw = hit_margin(doc, chosen, hit, i, records[hit.id], weights)
        if kept > best[0]:
            best = (kept, raw, (hit, i))
    return best


def hit_margin(doc, chosen, hit, i, fc, weights, scale=lambda p: p) -> tuple[float, float]:
    """(margin, raw margin) of a merged hit found best by sentence ``i`` (of ``chosen``): its
    confidence minus the bar that applies, both through ``scale`` (e.g. a logit): the article
    threshold for a front finder that agrees with ``fc`` (``matching.agrees``), the body bar
    for the sentence that finds it most confidently on its own; raw, without the agreement."""
    front = M.front_paragraphs(doc)
    in_front = [doc.sentences[n].paragraph in front for n in chosen]
    own = dict(hit.found_by)
    bars = {j: scale(hit.confidence if j == i else min(hit.confidence, own.get(j, 0.0))) - scale(weights.article_threshold)
            for j in M._front_finders(hit, i, in_front, 0.0)}
    body = scale(M._alone(hit)) - scale(weights.body_confidence)
    return max([body, *(m for j, m in bars.items() if M.agrees(doc, chosen[j], fc))]), max([body, *bars.values()])


def main() -> None:
    wanted = set(sys.argv[1:])
    rows = [r for path in (ARTICLES, BLIND) for r in load(path)
            if readable(r["split"]) and (not wanted or r["id"] in wanted)]
    res = _corpus()
    analyzer = Analyzer(Settings(matching=True), resources=res)
    stage = M.Matching(store=res.store, index=res.index)
    figures: dict[str, dict] = {}
    for row in rows:
        article = ingest.from_text(row["text"])
        doc = analyzer.analyze(dataclasses.replace(article, meta=dataclasses.replace(article.meta, date=row.get("date")))).document
        reported = [match_ref(dataclasses.asdict(m)) for m in doc.matches]
        gold = set(row["factcheck_matches"])
        f = figures.setdefault(row["split"], {"with": 0, "first": 0, "without": 0, "empty": 0, "reported": 0,
                                              "wrong": 0, "margins": []})
        f["reported"] += len(reported)
        f["wrong"] += sum(r not in gold for r in reported)
        chosen = M.query_sentences(doc)
        query = stage._query(doc, chosen) if chosen else None
        hits = res.index.search_articles([query], k=POOL, min_confidence=0.0)[0] if chosen else []
        records = {r.id: r for r in res.store.get_many([h.id for h, _ in hits] + [record_id(g) for g in gold])}
        if gold:
            f["with"] += 1
            first = bool(reported) and reported[0] in gold
            f["first"] += first
            print(f"## {row['id']} {row['split']} {row['lang']} date={query[1] if query else '?'} "
                  f"{'OK' if first else 'MISS'} reported={[r[-40:] for r in reported]}")
            for ref in sorted(gold):
                fc = records.get(record_id(ref))
                print(f"  gold {ref[-50:]} date={fc and fc.review_date} {(fc.claim if fc else '')[:100]!r}")
                rank = next((n for n, (h, _) in enumerate(hits) if h.id == record_id(ref)), None)
                if rank is None:
                    print(f"    never retrieved: best rank in one sentence {_best_rank(res.index, query, record_id(ref))}")
                    continue
                hit, i = hits[rank]
                front = doc.sentences[chosen[i]].paragraph in M.front_paragraphs(doc)
                print(f"    rank {rank} conf {hit.confidence:.3f} alone {M._alone(hit):.3f} front={front} "
                      f"agrees={M.agrees(doc, chosen[i], fc)} <- {query[0][i][:90]!r}")
        else:
            f["without"] += 1
            f["empty"] += not reported
            if not hits:
                continue
            kept, raw, (hit, i) = margins(doc, chosen, hits, records, res.index.weights)
            f["margins"].append(kept)
            fc = records[hit.id]
            print(f"## {row['id']} {row['split']} {row['lang']} no fact-check {'OK' if not reported else 'FALSE ALARM'} "
                  f"margin {kept:+.3f} raw {raw:+.3f}: {hit.confidence:.3f} {fc.review_date} {fc.claim[:70]!r} "
                  f"<- {query[0][i][:60]!r}")
    for split, f in figures.items():
        print(f"{split}: right first {f['first']}/{f['with']}, nothing reported {f['empty']}/{f['without']}, "
              f"wrong {f['wrong']}/{f['reported']}, closest margins {[round(m, 3) for m in sorted(f['margins'])[-3:]]}")


def _best_rank(index, query, rid: str) -> tuple | None:
    """(rank, confidence, sentence) of ``rid`` in the one sentence's hit list where it ranks best."""
    found = []
    for j, text in enumerate(query[0]):
        hits = index.search(text, k=POOL, min_confidence=0.0, date=query[1], article=True, recurring=query[3][j])
        found += [(n, round(h.confidence, 3), j) for n, h in enumerate(hits) if h.id == rid]
    return min(found, default=None)


if __name__ == "__main__":
    main()
