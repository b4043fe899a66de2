"""Train a check-worthiness head (needs scikit-learn).

    python -m claimscope.checkworthy.train --clef ../shared/data/checkworthiness
        trains on every CLEF CheckThat! train split (deduplicated against dev and
        dev-test), picks the threshold on the "train" half of our own news sentences
        (the product reads news, not tweets or debates), and writes the head to
        ``head.user_head_path()`` or to --out; name it with $CLAIMSCOPE_CHECKWORTHY_HEAD
        (or ``Settings.checkworthy_head``) to score with it.
    python -m claimscope.checkworthy.train --news devsets/checkworthy/news.jsonl \
            --articles ../shared/data/articles/articles.jsonl --out FILE
        trains the head shipped in the package from the "train" half of our own
        annotated news sentences and the prose sentences of the ``dev`` articles
        annotated by another hand (``checkworthy.articles``; without --articles, our
        sentences alone).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..errors import ClaimscopeError, InputError
from . import features
from .clef import ISO, load_all
from .head import Head, user_head_path

NEWS = Path(__file__).resolve().parents[3] / "devsets" / "checkworthy" / "news.jsonl"


def fit(vectors, feats, labels, *, name: str, trained_on: str, c: float = 1.0,
        feature_weight: float = 1.0) -> Head:
    """An L2 logistic regression (strength ``1/c``, classes weighted to balance) over
    (embedding, standardised hand features) rows; threshold 0.5 until tuned.

    ``feature_weight`` scales the standardised hand features before the fit. The
    embedding is a unit vector (each of its 384 values spreads about 0.02), so at
    weight 1 the 12 hand features cost the penalty about 50 times less than the
    embedding and the fit leans on them; 0 leaves them out."""
    try:
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits
    except ImportError as exc:
        raise InputError("training a head needs scikit-learn: pip install 'claimscope[train]'") from exc

    feats = np.asarray(feats, dtype=np.float32)
    spread = feats.std(0) + 1e-6
    scale = spread / feature_weight if feature_weight else np.full_like(spread, np.inf)
    head = Head(name, trained_on, 0.5, feats.mean(0), scale, ())
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    # One BLAS thread: a threaded BLAS sums in another order, and the solver then stops
    # at slightly different weights, which flips borderline sentences from one machine
    # (or OMP_NUM_THREADS) to the next.
    with threadpool_limits(limits=1, user_api="blas"):
        model.fit(head.inputs(vectors, feats), np.asarray(labels))
    layers = ((model.coef_.T.astype(np.float32), model.intercept_.astype(np.float32)),)
    return replace(head, layers=layers)


def with_neighbours(head: Head, vectors, labels, tune_vectors, tune_feats, k: int = 10) -> Head:
    """``head`` plus a memory of the training rows (``vectors``, ``labels``): the two
    logits are mixed with equal say, each divided by its spread on the tuning rows."""
    memory = replace(head, memory=np.asarray(vectors, np.float32),
                     memory_labels=np.asarray(labels, np.int8), neighbours=k)
    spread_layers = float(np.std(head.layer_logits(tune_vectors, tune_feats))) or 1.0
    spread_memory = float(np.std(memory.neighbour_logits(tune_vectors))) or 1.0
    return replace(memory, mix=(0.5, 0.5 * spread_layers / spread_memory))


# (c, feature_weight, neighbours) tried by ``tune``
CANDIDATES = tuple((c, w, k) for c in (1.0, 3.0) for w in (0.0, 0.1) for k in (0, 10))


def tune(train, dev, *, name: str, trained_on: str, candidates=CANDIDATES) -> Head:
    """The candidate head (see ``CANDIDATES``) with the best F1 on ``dev`` at
    threshold 0.5; ``train`` and ``dev`` are (vectors, feats, labels)."""
    best, best_f1, fitted = None, -1.0, {}
    for c, weight, k in candidates:
        if (c, weight) not in fitted:
            fitted[c, weight] = fit(*train, name=f"{name}:c={c:g},features={weight:g}",
                                    trained_on=trained_on, c=c, feature_weight=weight)
        head = fitted[c, weight]
        if k:
            head = replace(head, name=f"{head.name},neighbours={k}")
            head = with_neighbours(head, train[0], train[2], dev[0], dev[1], k)
        value = f1(dev[2], head.scores(dev[0], dev[1]) >= 0.5)
        if value > best_f1:
            best, best_f1 = head, value
    return best


def best_threshold(scores, labels) -> float:
    """The threshold that maximises positive-class F1 on (scores, labels)."""
    scores, labels = np.asarray(scores), np.asarray(labels)
    best, best_f1 = 0.5, -1.0
    for t in np.unique(np.round(scores, 3)):
        value = f1(labels, scores >= t)
        if value > best_f1:
            best, best_f1 = float(t), value
    return best


def f1(labels, predicted) -> float:
    """Positive-class F1."""
    labels, predicted = np.asarray(labels).astype(bool), np.asarray(predicted).astype(bool)
    tp = int((labels & predicted).sum())
    denominator = int(labels.sum() + predicted.sum())
    return 2 * tp / denominator if denominator else 0.0


def with_threshold(head: Head, threshold: float) -> Head:
    return replace(head, threshold=float(threshold))


def read_news(path: str | Path) -> list[dict]:
    """Our own annotated news sentences (devsets/checkworthy/news.jsonl)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def embed(texts, embedder=None) -> np.ndarray:
    """Query-side embeddings through the cached default embedder."""
    from ..embed import CachedEmbedder, cache_path, default_embedder
    from ..settings import Settings

    embedder = embedder or CachedEmbedder(default_embedder(), cache_path(Settings.from_env().embedding_cache))
    return embedder.embed_queries(list(texts))


def rows(examples, lang: str):
    """(texts, languages, labels) of CLEF examples of one language."""
    texts = [ex.text for ex in examples]
    return texts, [lang] * len(texts), [ex.label for ex in examples]


def clef_pool(datasets, split: str):
    """Every dataset's ``split`` pooled: texts, languages, labels."""
    texts, langs, labels = [], [], []
    for d in datasets:
        t, l, y = rows(d.splits[split], ISO[d.language])
        texts += t
        langs += l
        labels += y
    return texts, langs, labels


def train_clef(root, news=NEWS, **params) -> Head:
    """The CLEF head: all train splits; threshold tuned on the news "train" half."""
    texts, langs, labels = clef_pool(load_all(root), "train")
    head = fit(embed(texts), features.matrix(texts, langs), labels,
               name="clef", trained_on="CLEF CheckThat! 2022 1A + 2024 task 1 train", **params)
    texts, langs, labels = news_rows(news, "train")
    scores = head.scores(embed(texts), features.matrix(texts, langs))
    return with_threshold(head, best_threshold(scores, labels))


def train_news(path=NEWS, articles=None, threshold=0.5, **params) -> Head:
    """The shipped head: the "train" half of our own news sentences, plus the prose
    sentences of the ``dev`` split of ``articles`` when given."""
    texts, langs, labels = news_rows(path, "train")
    trained_on = "claimscope devsets/checkworthy/news.jsonl train half"
    if articles:
        from .articles import article_rows

        more = article_rows(articles, "dev")
        texts, langs, labels = texts + more[0], langs + more[1], labels + more[2]
        trained_on += " + dev split of shared/data/articles (annotated by another hand)"
    head = fit(embed(texts), features.matrix(texts, langs), labels,
               name="news", trained_on=trained_on, **params)
    return with_threshold(head, threshold)


def news_rows(path, split: str):
    """(texts, languages, labels) of one half of our own news sentences."""
    items = [r for r in read_news(path) if r["split"] == split]
    return [r["text"] for r in items], [r["lang"] for r in items], [r["label"] for r in items]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--clef", help="the checkworthiness data folder (CLEF CheckThat!)")
    source.add_argument("--news", help="devsets/checkworthy/news.jsonl")
    parser.add_argument("--articles", help="with --news: articles.jsonl annotated by another "
                        "hand (its dev split is added to the training rows)")
    parser.add_argument("--news-file", default=str(NEWS),
                        help="our news sentences, for the CLEF head's threshold")
    parser.add_argument("--out", help="where to write the head (.npz)")
    args = parser.parse_args(argv)
    news = args.news or args.news_file
    if not Path(news).is_file():
        parser.error(f"{news} does not exist; give our news sentences with --news-file "
                     "(devsets/checkworthy/news.jsonl in a claimscope checkout)")
    try:
        head, out = _train(args, parser)
    except ClaimscopeError as exc:
        parser.exit(2, f"error: {exc}\n")
    head.save(out)
    print(f"wrote {out} (head {head.name}, threshold {head.threshold:.3f})")


def _train(args, parser) -> tuple[Head, Path]:
    if args.clef:
        head = train_clef(args.clef, news=args.news_file, **CLEF_PARAMS)
        out = Path(args.out) if args.out else user_head_path()
    else:
        if not args.out:
            parser.error("--news needs --out")
        if args.articles and not Path(args.articles).is_file():
            parser.error(f"{args.articles} does not exist")
        head = train_news(args.news, args.articles, **NEWS_PARAMS)
        out = Path(args.out)
    return head, out


CLEF_PARAMS: dict = {"c": 1.0, "feature_weight": 0.1}
# chosen by leave-one-article-out cross-validation on the dev articles (docs/claims.md)
NEWS_PARAMS: dict = {"c": 3.0, "feature_weight": 0.1, "threshold": 0.45}

if __name__ == "__main__":
    main()
