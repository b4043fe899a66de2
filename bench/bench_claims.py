"""Speed of the claims stage: 1,000 articles of ~600 words built from our own news
sentences (devsets/checkworthy/news.jsonl). The stage is timed with sentence vectors
already on the document (embedding excluded); so is the attribution stage on the same
articles, and the sum of the two is printed (the issue's budget: <= 20 ms per 600-word
article). The embedding model is timed apart, on the sentences of 10 of the articles
(embedding all 1,000 would take about half an hour on this machine).

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_claims.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np

from claimscope.embed import default_embedder
from claimscope.model import Article, Document, Paragraph, Sentence
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.claims import ClaimsStage
from claimscope.checkworthy.train import read_news

NEWS = Path(__file__).resolve().parent.parent / "devsets" / "checkworthy" / "news.jsonl"


def articles(n: int = 1000, words: int = 600, seed: int = 0):
    """``n`` articles of about ``words`` words, each with its sentences' vectors."""
    items = read_news(NEWS)
    vectors = default_embedder().embed_queries([r["text"] for r in items])
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        picked, count = [], 0
        while count < words:
            i = rng.randrange(len(items))
            picked.append(i)
            count += len(items[i]["text"].split())
        text, sentences = "", []
        for i in picked:
            start = len(text)
            text += items[i]["text"] + " "
            sentences.append(Sentence(start, start + len(items[i]["text"]), 0, items[i]["lang"]))
        out.append(Document(article=Article(text), language="en", paragraphs=(Paragraph(0, len(text)),),
                            sentences=tuple(sentences), sentence_vectors=vectors[picked]))
    return out


def timed(stage, docs) -> float:
    """Seconds ``stage`` takes over ``docs`` (after one warm-up call)."""
    stage(docs[0])
    start = time.perf_counter()
    for doc in docs:
        stage(doc)
    return time.perf_counter() - start


def main() -> None:
    docs = articles()
    sentences = sum(len(d.sentences) for d in docs)
    total = 0.0
    for name, stage in (("claims", ClaimsStage()), ("attribution", AttributionStage())):
        elapsed = timed(stage, docs)
        total += elapsed
        print(f"{name} stage (embedding excluded): {len(docs)} articles, {sentences} sentences, "
              f"{elapsed:.2f} s, {1000 * elapsed / len(docs):.2f} ms/article, {sentences / elapsed:,.0f} sentences/s")
    print(f"claims + attribution (embedding excluded): {1000 * total / len(docs):.2f} ms/article, "
          f"{sentences / total:,.0f} sentences/s")
    texts = [doc.text[s.start:s.end] for doc in docs[:10] for s in doc.sentences]
    embedder = default_embedder()
    embedder.embed_queries(texts[:8])  # load the model before timing
    start = time.perf_counter()
    embedder.embed_queries(texts)
    elapsed = time.perf_counter() - start
    per_article = elapsed / 10
    print(f"embedding (multilingual-e5-small): {len(texts)} sentences, {len(texts) / elapsed:.1f} sentences/s, "
          f"{1000 * per_article:.0f} ms per 600-word article")
    print(f"vectors: {np.float32().nbytes * 384} bytes per sentence kept on the document")


if __name__ == "__main__":
    main()
