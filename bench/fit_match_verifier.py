"""A learned match verifier ("same claim, not same topic"): fitted, measured, written.

Candidates: every merged article hit from confidence FLOOR on (as the ``matching`` stage
searches) and each claim query's first SHOWN hits at any confidence (as ``factchecks
search`` ranks them), with a label (the record is gold) and named features
(``features``): the confidences, centred and raw cosine, score lead, the gap to the next
candidate, sentences agreeing, numbers shared or contradicting, names shared (capitalised
words, accents and Cyrillic folded), date gap, sentence role, length, language pair, the
rules' own choice, and the token alignment precision of ``claimscope.search.verify``.
``claimscope.ranker`` fits them on the dev split; ``leave_one_group_out`` gives each dev
article's (each dev query's) held-out figures, printed beside the rules'.

Shipped (``--write``): the single-query verifier of ``search/verify.py`` (the hit's
confidence logit and its alignment precision), written to
``src/claimscope/data/search/verifier.json`` with its threshold (the middle of the range
of best held-out dev figures) and the centre of the passages' piece states. The article
verifiers are measured, not shipped (docs/matching.md).

    OMP_NUM_THREADS=1 .venv/bin/python bench/fit_match_verifier.py             # measure on dev (collects once)
    OMP_NUM_THREADS=1 .venv/bin/python bench/fit_match_verifier.py --write     # and write the query verifier
    OMP_NUM_THREADS=1 .venv/bin/python bench/fit_match_verifier.py --test      # and test figures, once
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

from claimscope.ranker import Ranker, fit, leave_one_group_out

sys.path.insert(0, str(Path(__file__).resolve().parent))

FLOOR = 0.05
SHOWN = 10
_CAPS = re.compile(r"(?<!^)(?<![.!?:]\s)\b[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\wÀ-ɏЀ-ӿ'-]{2,}")
_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                 "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "i", "i", "e", "g"]))


def fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(_CYR.get(c, c) for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain)[:5]


def names(text: str) -> set[str]:
    return {f for f in map(fold, _CAPS.findall(text)) if len(f) >= 3}


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def evidence(index, text: str, date: str, article: bool) -> dict[str, dict]:
    """Per record id among the candidates of ``text``: what the confidence models see and more."""
    from claimscope.search.fusion import FEATURES, date_evidence, score_lead

    cands = index.candidates(text, None, date)
    if not cands.keys:
        return {}
    feats = cands.features()
    scores = index.weights.score(feats)
    centred = cands.centred()
    dated = date_evidence(feats[:, FEATURES.index("date_prox")])
    lead = score_lead(scores, cands.cos)
    out = {}
    for j, k in enumerate(cands.keys):
        gap = cands.date_gap[j]
        out[index._meta[k].id] = {
            "centred": float(centred[j]), "cosine": float(cands.cos[j]), "date": float(dated[j]),
            "lead": float(lead[j]), "stale": float(cands.stale[j]), "coverage": float(cands.coverage[j]),
            "entity": float(cands.entity[j]), "cross": float(cands.cross[j]),
            "gap_days": None if np.isnan(gap) else float(gap)}
    return out


def features(c: dict) -> dict[str, float]:
    """The named features of one candidate (a dict collected below)."""
    from claimscope.stages.matching import _numbers

    a, b = _numbers(c["text"]), _numbers(c["record"])
    sn, rn = names(c["text"]), names(c["record"])
    gap = c["gap_days"]
    f = {
        "conf_logit": logit(c["confidence"]),
        "sent_logit": logit(c["sentence_confidence"]),
        "centred": c["centred"], "cosine": c["cosine"], "lead": c["lead"], "date": c["date"],
        "next_gap": min(c["next_gap"], 5.0),
        "agreeing": math.log1p(c["agreeing"]),
        "numbers_contradict": float(bool(a and b and not a & b)),
        "numbers_shared": float(bool(a & b)),
        "names_shared": len(sn & rn) / len(sn) if sn else 0.0,
        "names_none": float(not sn),
        "date_gap": math.log1p(gap) / math.log1p(3650) if gap is not None else 0.0,
        "date_unknown": float(gap is None),
        "words": math.log1p(len(c["text"].split())),
        "cross": c["cross"],
        "coverage": c["coverage"],
        f"role={c['role']}": 1.0,
        "rule": float(c["rule"]),
    }
    f["align_precision"] = c["align_precision"]
    return f


def article_candidates(split_of: dict, index, store) -> list[dict]:
    import dataclasses

    from eval_articles import load

    from claimscope import Analyzer, Settings, ingest
    from claimscope.search.fusion import merge_texts
    from claimscope.search.records import passage_text
    from claimscope.search.sync import to_record
    from claimscope.stages.matching import (MAX_MATCHES, Matching, article_date, front_paragraphs,
                                            front_sentences, headline, list_items, query_sentences)

    analyzer = Analyzer(Settings(matching=False))
    stage = Matching(store=store, index=index)
    out = []
    for row in load():
        if row["split"] not in split_of:
            continue
        article = ingest.from_text(row["text"])
        meta = dataclasses.replace(article.meta, date=row.get("date"))
        doc = analyzer.analyze(dataclasses.replace(article, meta=meta)).document
        chosen = query_sentences(doc)
        texts = [doc.text[doc.sentences[i].start:doc.sentences[i].end] for i in chosen]
        if not texts:
            continue
        date = article_date(doc)
        start = time.process_time()
        results = [index.search(t, k=SHOWN, min_confidence=0.0, date=date, article=True) for t in texts]
        merged = [m for m in merge_texts(results, index.weights.evidence_floor) if m[0].confidence >= FLOOR][:20]
        shown = [m for m in merge_texts(results, index.weights.evidence_floor)
                 if m[0].confidence >= index.weights.article_threshold][:MAX_MATCHES]
        search_cpu = time.process_time() - start
        reported = [m.factcheck_id for m in stage._matched(doc, chosen, shown).matches]
        records = {r.id: r for r in store.get_many([h.id for h, _ in merged])}
        heads, fronts = set(headline(doc)), set(front_sentences(doc))
        items = {doc.sentences[i].paragraph for i in fronts} & set(list_items(doc))
        front_pars = front_paragraphs(doc)
        cache: dict[int, dict] = {}
        start = time.process_time()
        for rank, (hit, i) in enumerate(merged):
            if i not in cache:
                cache[i] = evidence(index, texts[i], date, True)
            ev = cache[i].get(hit.id)
            fc = records[hit.id]
            s = chosen[i]
            par = doc.sentences[s].paragraph
            role = ("head" if s in heads else "item" if par in items and s in fronts else "lead" if s in fronts
                    else "front" if par in front_pars else "body")
            nxt = merged[rank + 1][0].confidence if rank + 1 < len(merged) else FLOOR / 2
            agreeing = sum(1 for r in results if r and r[0].id == hit.id and r[0].confidence >= index.weights.evidence_floor)
            out.append({"kind": "article", "group": row["id"], "split": row["split"], "lang": doc.language,
                        "text": texts[i], "record": passage_text(to_record(fc)), "record_id": hit.id,
                        "right": (fc.source_ref or fc.id) in row["factcheck_matches"],
                        "has_gold": bool(row["factcheck_matches"]),
                        "confidence": hit.confidence, "sentence_confidence": results[i][0].confidence,
                        "next_gap": logit(hit.confidence) - logit(nxt), "agreeing": agreeing, "role": role,
                        "rule": hit.id in reported, "rule_order": reported.index(hit.id) if hit.id in reported else None,
                        "review_date": fc.review_date, **(ev or {})})
        out.append({"kind": "article_cost", "group": row["id"], "split": row["split"], "sentences": len(texts),
                    "search_cpu": search_cpu, "evidence_cpu": time.process_time() - start})
    return out


def query_candidates(split_of: dict, index, store) -> list[dict]:
    """Each claim query's first SHOWN hits at any confidence, as written (``variant``
    "dated": the periods it names weigh in) and as if it named no date ("undated": the
    verifier must still guard a query without one, as the search threshold does,
    eval_claim_queries.fit)."""
    from eval_claim_queries import load

    from claimscope.search.records import passage_text
    from claimscope.search.sync import to_record

    out = []
    for row in load():
        if row["split"] not in split_of:
            continue
        ev = evidence(index, row["text"], "", False)
        dated = [(h.id, h.confidence) for h in index.search(row["text"], k=SHOWN, min_confidence=0.0)]
        for variant, hits in (("dated", dated), ("undated", undated_hits(index, row["text"]))):
            records = {r.id: r for r in store.get_many([rid for rid, _ in hits])}
            for rank, (rid, conf) in enumerate(hits):
                fc = records[rid]
                nxt = hits[rank + 1][1] if rank + 1 < len(hits) else 0.0
                extra = {"date": 0.0, "stale": 0.0} if variant == "undated" else {}
                out.append({"kind": "query", "variant": variant, "group": row["qid"], "split": row["split"],
                            "lang": row["lang"], "text": row["text"], "record": passage_text(to_record(fc)),
                            "record_id": rid, "right": (fc.source_ref or fc.id) in row["gold"],
                            "has_gold": bool(row["gold"]), "confidence": conf, "sentence_confidence": conf,
                            "next_gap": logit(conf) - logit(nxt), "agreeing": 1, "role": "query",
                            "rule": conf >= index.weights.threshold, "rank": rank,
                            "review_date": fc.review_date, **ev[rid], **extra})
    return out


def undated_hits(index, text: str) -> list[tuple[str, float]]:
    """(record id, confidence) of the first SHOWN hits of ``text`` as if it named no date
    (no date proximity, nothing stale), ties in id order as ``search`` breaks them."""
    from claimscope.search.fusion import FEATURES

    cands = index.candidates(text, None, "")
    feats = cands.features()
    feats[:, FEATURES.index("date_prox")] = 0.0
    scores, centred = index.weights.score(feats), cands.centred()
    ids = [index._meta[k].id for k in cands.keys]
    order = sorted(range(len(ids)), key=lambda j: (-scores[j], ids[j]))[:SHOWN]
    return [(ids[j], index.weights.probability({"centred": float(centred[j]), "cosine": float(cands.cos[j])}))
            for j in order]


def add_alignment(rows: list[dict], index) -> float:
    """The alignment precision of every candidate (``search.verify.Verifier``), centred on
    the mean piece state of the dev candidates' passages; returns the centre and the
    encoder's CPU seconds per text."""
    from claimscope.search.verify import Verifier

    verifier = Verifier(index.embedder.inner.encoder(), Ranker("collect", {}, meta={"threshold": 0.5, "centre": [0.0]}))
    key_of = {m.id: k for k, m in index._meta.items()}
    cands = [r for r in rows if r["kind"] in ("article", "query")]
    passages = index.lexical.passages(sorted({key_of[r["record_id"]] for r in cands}))
    states: dict[tuple[str, bool], np.ndarray] = {}
    start = time.process_time()
    for r in cands:
        r["passage"] = passages[key_of[r["record_id"]]]
        for text, is_query in ((r["text"], True), (r["passage"], False)):
            if (text, is_query) not in states:
                states[(text, is_query)] = verifier.content(text, is_query)
    cpu = (time.process_time() - start) / len(states)
    dev = {r["passage"] for r in cands if r["split"] == "dev"}
    verifier.centre = np.vstack([states[(t, False)] for t in sorted(dev) if len(states[(t, False)])]).mean(axis=0)
    for r in cands:
        r["align_precision"] = verifier.precision(states[(r["text"], True)], states[(r["passage"], False)])
    return verifier.centre.tolist(), cpu


def collect(splits: tuple[str, ...]) -> dict:
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    store, index = open_corpus(cached_embedder())
    split_of = dict.fromkeys(splits)
    rows = article_candidates(split_of, index, store) + query_candidates(split_of, index, store)
    centre, per_text = add_alignment(rows, index)
    return {"rows": rows, "centre": centre, "align_cpu": per_text, "model": index.embedder.name}


# --- figures ----------------------------------------------------------------------

def gold_articles() -> dict[str, tuple[str, bool]]:
    from eval_articles import load

    return {a["id"]: (a["split"], bool(a["factcheck_matches"])) for a in load()}


def gold_queries() -> dict[str, tuple[str, bool]]:
    from eval_claim_queries import load

    return {q["qid"]: (q["split"], bool(q["gold"])) for q in load()}


def article_figures(cands: list[dict], split: str, reported) -> tuple[int, int, int, int, int, int]:
    """(right first, articles with a case, none reported, articles without, wrong, reported)
    when ``reported(candidate)`` says what an article reports (most confident first)."""
    by: dict[str, list[dict]] = {}
    for c in cands:
        by.setdefault(c["group"], []).append(c)
    rf = with_ = empty = without = wrong = total = 0
    for group, (sp, has_case) in gold_articles().items():
        if sp != split:
            continue
        shown = sorted((c for c in by.get(group, []) if reported(c)), key=lambda c: -c["confidence"])
        if has_case:
            with_ += 1
            rf += bool(shown) and shown[0]["right"]
        else:
            without += 1
            empty += not shown
        total += len(shown)
        wrong += sum(not c["right"] for c in shown)
    return rf, with_, empty, without, wrong, total


def query_figures(cands: list[dict], split: str, shown) -> tuple[float, float, float]:
    """(S@10, MRR, no-match empty) of what ``factchecks search`` shows when ``shown(hit)``."""
    by: dict[str, list[dict]] = {}
    for c in cands:
        by.setdefault(c["group"], []).append(c)
    s10 = mrr = empty = targets = nomatch = 0
    for qid, (sp, has_case) in gold_queries().items():
        if sp != split:
            continue
        hits = [c for c in sorted(by.get(qid, []), key=lambda c: c["rank"]) if shown(c)]
        if has_case:
            targets += 1
            first = next((i for i, c in enumerate(hits) if c["right"]), None)
            s10 += first is not None
            mrr += 1 / (first + 1) if first is not None else 0.0
        else:
            nomatch += 1
            empty += not hits
    return round(s10 / targets, 3), round(mrr / targets, 3), round(empty / nomatch, 3)


def _fmt_articles(f) -> str:
    return f"right first {f[0]}/{f[1]}, none reported {f[2]}/{f[3]}, wrong {f[4]}/{f[5]}"


def _article_key(f) -> tuple:
    return min(f[0] / f[1], f[2] / f[3]), -f[4]


def _beats(new: tuple, old: tuple) -> bool:
    return all(a >= b for a, b in zip(new, old)) and new != old


# --- models --------------------------------------------------------------------------

GRID = [round(t, 2) for t in np.arange(0.05, 0.96, 0.05)]
MODELS = {  # name: (candidate kinds fitted on, feature name prefixes kept (None: all), C)
    "articles, every feature": (("article",), None, 1.0),
    "articles, compact": (("article",), ("rule", "conf_logit", "align_precision", "names_shared", "numbers", "role="), 0.3),
    "articles and queries": (("article", "query"), None, 1.0),
    "queries, every feature": (("query",), None, 1.0),
}


def named(c: dict, keep) -> dict[str, float]:
    f = features(c)
    f[f"rule_{c['kind']}"] = f.pop("rule")
    return f if keep is None else {k: v for k, v in f.items() if k.startswith(tuple(keep))}


def measure(rows: list[dict], name: str, kinds, keep, c: float, test: bool) -> None:
    rows = [r for r in rows if r.get("variant", "dated") == "dated"]
    dev = [r for r in rows if r["kind"] in kinds and r["split"] == "dev"]
    x, y, groups = [named(r, keep) for r in dev], [int(r["right"]) for r in dev], [r["group"] for r in dev]
    held = leave_one_group_out(x, y, groups, name="match-verifier", trained_on="dev", c=c)
    model = fit(x, y, name="match-verifier", trained_on="dev", c=c)
    for r, s in zip(dev, held):
        r["held"], r["fitted"] = 1 / (1 + math.exp(-s)), model.probability(named(r, keep))
    print(f"\n== {name} (C={c}, {len(dev)} dev rows, {sum(y)} right)")
    print("   weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in sorted(model.weights.items(), key=lambda kv: -abs(kv[1]))))
    tests = [r for r in rows if r["kind"] in kinds and r["split"] == "test"]
    for r in tests:
        r["fitted"] = model.probability(named(r, keep))
    if "article" in kinds:
        arts = [r for r in dev if r["kind"] == "article"]
        rules = article_figures(arts, "dev", lambda r: r["rule"])
        decider = max(GRID, key=lambda t: _article_key(article_figures(arts, "dev", lambda r: r["held"] >= t)))
        vetoes = [t for t in GRID if _article_key(article_figures(arts, "dev", lambda r: r["rule"] and r["held"] >= t))
                  >= _article_key(rules)]
        veto = max(vetoes, default=GRID[0])
        print(f"   articles, rules (dev):            {_fmt_articles(rules)}")
        for what, t, rule in (("reports from", decider, False), ("vetoes below", veto, True)):
            pick = (lambda key, t=t, rule=rule: lambda r: (r["rule"] or not rule) and r[key] >= t)
            held_f = article_figures(arts, "dev", pick("held"))
            print(f"   verifier {what} {t:.2f}, dev held out: {_fmt_articles(held_f)}"
                  f"{'  BEATS the rules' if _beats(_article_key(held_f), _article_key(rules)) else ''}")
            print(f"   verifier {what} {t:.2f}, dev fitted:   {_fmt_articles(article_figures(arts, 'dev', pick('fitted')))}")
            if test:
                ta = [r for r in tests if r["kind"] == "article"]
                print(f"   verifier {what} {t:.2f}, test:         {_fmt_articles(article_figures(ta, 'test', pick('fitted')))}"
                      f"   (rules: {_fmt_articles(article_figures(ta, 'test', lambda r: r['rule']))})")
    if "query" in kinds:
        qs = [r for r in dev if r["kind"] == "query"]
        rules = query_figures(qs, "dev", lambda r: r["rule"])
        t = max(GRID, key=lambda t: (lambda f: (min(f[0], f[2]), f[1]))(query_figures(qs, "dev", lambda r: r["held"] >= t)))
        held_f = query_figures(qs, "dev", lambda r: r["held"] >= t)
        print(f"   queries, rules (dev): S@10, MRR, empty {rules}")
        print(f"   verifier shows from {t:.2f}, dev held out: {held_f}{'  BEATS the rules' if _beats(held_f, rules) else ''}"
              f"; dev fitted: {query_figures(qs, 'dev', lambda r: r['fitted'] >= t)}")
        if test:
            tq = [r for r in tests if r["kind"] == "query"]
            print(f"   verifier shows from {t:.2f}, test: {query_figures(tq, 'test', lambda r: r['fitted'] >= t)}"
                  f"   (rules: {query_figures(tq, 'test', lambda r: r['rule'])})")


def fit_query_verifier(data: dict, test: bool) -> Ranker:
    """The single-query verifier (``search.verify``) fitted on the dev claim queries' hits,
    each query as written and as if it named no date; its threshold the middle of the
    range whose held-out dev figures over both are best (the smaller of S@10 and no-match
    empty, then MRR), with a query's first VERIFIED hits shown from that threshold on and
    later ones from the search threshold on."""
    from claimscope.search.verify import VERIFIED, features as verifier_features

    rows = [r for r in data["rows"] if r["kind"] == "query"]
    dev = [r for r in rows if r["split"] == "dev"]
    x = [verifier_features(r["confidence"], r["align_precision"]) for r in dev]
    y, groups = [int(r["right"]) for r in dev], [r["group"] for r in dev]
    held = leave_one_group_out(x, y, groups, name="search-verifier", trained_on="dev", c=1.0)
    model = fit(x, y, name="search-verifier", trained_on="dev", c=1.0)
    for r, s in zip(dev, held):
        r["held"] = 1 / (1 + math.exp(-s))
    for r in rows:
        r["fitted"] = model.probability(verifier_features(r["confidence"], r["align_precision"]))

    def shown(key: str, t: float):
        return lambda r: r[key] >= t if r["rank"] < VERIFIED else r["rule"]

    def both(part: list[dict], split: str, show) -> dict[str, tuple]:
        return {v: query_figures([r for r in part if r["variant"] == v], split, show) for v in ("dated", "undated")}

    def key(figs: dict) -> tuple:
        return min(min(f[0], f[2]) for f in figs.values()), sum(f[1] for f in figs.values())

    grid = [round(t, 2) for t in np.arange(0.05, 0.951, 0.01)]
    scores = {t: key(both(dev, "dev", shown("held", t))) for t in grid}
    best = [t for t in grid if scores[t] == max(scores.values())]
    t = best[len(best) // 2]
    print(f"\n== shipped: queries, confidence and alignment precision ({len(dev)} dev rows, {sum(y)} right)")
    print(f"   weights: {model.weights}, bias {model.bias:.3f}; best held-out range {best[0]:.2f}-{best[-1]:.2f}, threshold {t:.2f}")
    print(f"   S@10, MRR, empty (as written, undated): rules (dev) {both(dev, 'dev', lambda r: r['rule'])}")
    print(f"   verifier, dev held out {both(dev, 'dev', shown('held', t))}; fitted {both(dev, 'dev', shown('fitted', t))}")
    if test:
        tq = [r for r in rows if r["split"] == "test"]
        print(f"   test: rules {both(tq, 'test', lambda r: r['rule'])}, verifier {both(tq, 'test', shown('fitted', t))}")
    trained = "dev split of ../shared/data/claim-queries, as written and undated (bench/fit_match_verifier.py)"
    return Ranker("search-verifier", model.weights, model.bias, trained,
                  {"threshold": t, "model": data["model"], "c": 1.0, "rows": len(dev),
                   "centre": [round(v, 6) for v in data["centre"]]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also print the test figures (once, at the end)")
    parser.add_argument("--write", action="store_true", help="write the query verifier to the package data")
    parser.add_argument("--recollect", action="store_true", help="search and align again instead of using the cache")
    args = parser.parse_args()
    from claimscope.embed import cache_path
    from claimscope.settings import Settings

    cached = cache_path(Settings.from_env().embedding_cache).with_name("match-verifier-candidates.json")
    if args.recollect or not cached.exists():
        cached.write_text(json.dumps(collect(("dev", "test")), ensure_ascii=False), encoding="utf-8")
    data = json.loads(cached.read_text(encoding="utf-8"))
    rows = data["rows"]
    costs = [r for r in rows if r["kind"] == "article_cost"]
    print(f"cost per article (CPU): search {1000 * np.mean([r['search_cpu'] for r in costs]):.0f} ms for "
          f"{np.mean([r['sentences'] for r in costs]):.1f} query sentences; alignment "
          f"{1000 * data['align_cpu']:.1f} ms a text (one e5 pass with token states)")
    for name, (kinds, keep, c) in MODELS.items():
        measure(rows, name, kinds, keep, c, args.test)
    verifier = fit_query_verifier(data, args.test)
    if args.write:
        from claimscope.search.verify import FILE

        verifier.save(Path(__file__).resolve().parent.parent / "src" / "claimscope" / "data" / FILE)


if __name__ == "__main__":
    main()
