"""Does soft token alignment tell a right fact-check match from a same-topic wrong one?

For each candidate pair (an article's query sentence or a claim query, and a fact-check
the search found for it), both texts go through e5 once more for their last-layer token
states; pieces that are the model's prefix or carry no letter or digit are dropped, and
each remaining piece is aligned to its most similar piece on the other side (cosine,
BERTScore-like): recall (sentence pieces covered by the fact-check), precision (fact-check
pieces covered by the sentence) and F, plain or weighted by each word's rarity in its
language (-log10 of wordfreq's frequency, ``stages/wordfreqs.py``). Each score is
compared with what the search already has (the pair's cosine and confidence) by its AUC
over right against wrong pairs, the best single threshold, and the AUC of the confidence
logit plus the score once the weight of the score is fitted (an optimistic bound: fitted
and measured on the same pairs).

Pairs (dev split only unless ``--split test``):
- articles: every sentence's best hit from confidence 0.05 on, merged per article as
  ``search_many`` does (``reported`` marks those the matching stage reports);
- claim queries: each query's first three hits at any confidence (``reported``: the
  first hit, when the search shows it).

    OMP_NUM_THREADS=1 .venv/bin/python bench/eval_alignment.py
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

FLOOR = 0.05  # article candidates from this confidence on
QUERY_HITS = 3
RARE = 7.0  # rarity (-log10 frequency) of a word its language's list lacks
_ALNUM = re.compile(r"\w", re.UNICODE)


def article_pairs(split: str) -> list[dict]:
    import dataclasses

    from eval_articles import load
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    from claimscope import Analyzer, Settings, ingest
    from claimscope.search.records import passage_text
    from claimscope.search.sync import to_record
    from claimscope.stages.matching import Matching, article_date, query_sentences

    store, index = open_corpus(cached_embedder())
    analyzer = Analyzer(Settings(matching=False))
    stage = Matching(store=store, index=index)
    pairs = []
    for row in load():
        if row["split"] != split:
            continue
        article = ingest.from_text(row["text"])
        doc = analyzer.analyze(dataclasses.replace(article, meta=dataclasses.replace(article.meta, date=row.get("date")))).document
        chosen = query_sentences(doc)
        texts = [doc.text[doc.sentences[i].start:doc.sentences[i].end] for i in chosen]
        if not texts:
            continue
        query = (texts, article_date(doc), {})
        hits = index.search_articles([query], k=20, min_confidence=FLOOR)[0]
        shown = index.search_articles([query], k=10)[0]
        reported = {m.factcheck_id for m in stage._matched(doc, chosen, shown).matches}
        records = {r.id: r for r in store.get_many([h.id for h, _ in hits])}
        for hit, i in hits:
            fc = records[hit.id]
            pairs.append({"group": row["id"], "lang": doc.language, "text": texts[i], "record": passage_text(to_record(fc)),
                          "right": (fc.source_ref or fc.id) in row["factcheck_matches"], "confidence": hit.confidence,
                          "cosine": hit.cosine, "reported": fc.id in reported})
    return pairs


def query_pairs(split: str) -> list[dict]:
    from eval_claim_queries import load
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    from claimscope.search.records import passage_text
    from claimscope.search.sync import to_record

    store, index = open_corpus(cached_embedder())
    pairs = []
    for row in load():
        if row["split"] != split:
            continue
        hits = index.search(row["text"], k=QUERY_HITS, min_confidence=0.0)
        records = {r.id: r for r in store.get_many([h.id for h in hits])}
        for rank, hit in enumerate(hits):
            fc = records[hit.id]
            pairs.append({"group": row["qid"], "lang": row["lang"], "text": row["text"], "record": passage_text(to_record(fc)),
                          "right": (fc.source_ref or fc.id) in row["gold"], "confidence": hit.confidence,
                          "cosine": hit.cosine, "reported": rank == 0 and hit.confidence >= index.weights.threshold})
    return pairs


class Aligner:
    """Token states of texts (cached) and the alignment scores of a pair."""

    def __init__(self):
        from claimscope.encoder import E5Encoder

        self.encoder = E5Encoder()
        self.pieces = self.encoder.tokenizer.vocabulary.pieces
        self.prefix = {q: len(self.encoder.tokenizer.encode("query: " if q else "passage: ")) for q in (True, False)}
        self._states: dict[tuple[str, bool], tuple] = {}
        self.seconds = 0.0

    def states(self, texts: list[str], is_query: bool, lang: str) -> None:
        todo = [t for t in dict.fromkeys(texts) if (t, is_query) not in self._states]
        start = time.process_time()
        found = self.encoder.token_states(todo, is_query) if todo else []
        self.seconds += time.process_time() - start
        for text, (ids, states) in zip(todo, found):
            self._states[(text, is_query)] = self._content(ids, states, is_query, lang)

    def _content(self, ids, states, is_query, lang):
        """(unit vectors, rarity weights) of the content pieces."""
        from claimscope.stages.wordfreqs import frequencies

        freqs = frequencies(lang)
        pieces = [self.pieces[i] for i in ids]
        words, word_of = [], []  # the word each piece belongs to
        for p in pieces:
            if p.startswith("\u2581") or not words:
                words.append("")
            words[-1] += p.lstrip("\u2581")
            word_of.append(len(words) - 1)
        keep = [k for k in range(self.prefix[is_query], len(pieces)) if _ALNUM.search(pieces[k])]
        vecs = states[keep]
        vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-6)
        rarity = []
        for k in keep:
            f = freqs.get(words[word_of[k]].casefold()) if freqs else None
            rarity.append(-math.log10(f) if f else RARE)
        return vecs, np.asarray(rarity)

    def scores(self, text: str, lang: str, record: str, centre: np.ndarray | None) -> dict[str, float]:
        (a, wa), (b, wb) = self._states[(text, True)], self._states[(record, False)]
        if not len(a) or not len(b):
            return {}
        out = {}
        for name, (x, y) in {"raw": (a, b), "centred": _centred(a, b, centre)}.items():
            sim = x @ y.T
            r, p = sim.max(axis=1), sim.max(axis=0)
            for weighting, (ua, ub) in {"plain": (np.ones_like(wa), np.ones_like(wb)),
                                        "idf": (wa, wb), "content": (wa >= 3.5, wb >= 3.5)}.items():
                ua, ub = ua.astype(float), ub.astype(float)
                rec = float((r * ua).sum() / max(ua.sum(), 1e-9))
                prec = float((p * ub).sum() / max(ub.sum(), 1e-9))
                key = f"{name}.{weighting}"
                out[key + ".R"], out[key + ".P"] = rec, prec
                out[key + ".F"] = 2 * rec * prec / (rec + prec) if rec + prec > 0 else 0.0
        return out


def _centred(a, b, centre):
    if centre is None:
        return a, b
    x, y = a - centre, b - centre
    return (x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-6),
            y / np.maximum(np.linalg.norm(y, axis=1, keepdims=True), 1e-6))


def auc(scores, labels) -> float:
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def best_threshold(scores, labels) -> tuple[float, float]:
    """(threshold, balanced accuracy) maximising the mean of the two classes' accuracies."""
    best = (0.0, 0.0)
    npos, nneg = sum(labels), len(labels) - sum(labels)
    for t in sorted(set(scores)):
        tp = sum(s >= t and l for s, l in zip(scores, labels))
        tn = sum(s < t and not l for s, l in zip(scores, labels))
        acc = (tp / npos + tn / nneg) / 2
        if acc > best[1]:
            best = (t, acc)
    return best


def combined_auc(pairs, key) -> tuple[float, float]:
    """(weight, AUC) of logit(confidence) + weight * score, the weight fitted on the pairs."""
    logit = [math.log(max(p["confidence"], 1e-6) / max(1 - p["confidence"], 1e-6)) for p in pairs]
    labels = [p["right"] for p in pairs]
    return max(((w, auc([l + w * p[key] for l, p in zip(logit, pairs)], labels)) for w in np.linspace(0, 40, 81)),
               key=lambda x: x[1])


def report(title: str, pairs: list[dict], keys: list[str]) -> None:
    labels = [p["right"] for p in pairs]
    print(f"\n== {title}: {sum(labels)} right, {len(labels) - sum(labels)} wrong pairs")
    if all(labels) or not any(labels):
        return
    print(f"{'score':24} {'AUC':>6} {'threshold':>10} {'bal.acc':>8} {'+conf w':>8} {'+conf AUC':>9}")
    for key in ["confidence", "cosine", *keys]:
        vals = [p.get(key, 0.0) for p in pairs]
        t, acc = best_threshold(vals, labels)
        w, both = combined_auc(pairs, key) if key not in ("confidence",) else (0.0, auc(vals, labels))
        print(f"{key:24} {auc(vals, labels):6.3f} {t:10.3f} {acc:8.3f} {w:8.1f} {both:9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--dump", help="write the pairs and their scores to this JSON file")
    args = parser.parse_args()
    sets = {"articles": article_pairs(args.split), "claim queries": query_pairs(args.split)}
    aligner = Aligner()
    for pairs in sets.values():
        for p in pairs:
            aligner.states([p["text"]], True, p["lang"])
            aligner.states([p["record"]], False, "en")
    # the centre: the mean content-piece state of the fact-check passages alone (a property
    # of the model and the collection, not of the queries scored)
    centre = np.vstack([v for (_, q), (v, _) in aligner._states.items() if not q and len(v)]).mean(axis=0)
    for pairs in sets.values():
        for p in pairs:
            p.update(aligner.scores(p["text"], p["lang"], p["record"], centre))
    if args.dump:
        Path(args.dump).write_text(json.dumps(sets, ensure_ascii=False), encoding="utf-8")
    keys = sorted(k for k in sets["articles"][0] if k.count(".") == 2)
    for name, pairs in sets.items():
        report(f"{name} ({args.split}), all candidates", pairs, keys)
        report(f"{name} ({args.split}), candidates the search shows or reports", [p for p in pairs if p["reported"]], keys)
        cross = [p for p in pairs if p["lang"] != "en"]
        report(f"{name} ({args.split}), other languages than English", cross, keys)
    texts = len(aligner._states)
    print(f"\nencoder CPU for token states: {aligner.seconds:.1f} s for {texts} texts ({1000 * aligner.seconds / texts:.1f} ms a text)")


if __name__ == "__main__":
    main()
