"""Check-worthiness: positive-class F1 on the CLEF CheckThat! dev-test splits and on
our own annotated news sentences, side by side with simple baselines.

Protocol: the joint head (e5 embeddings + hand features, every train split of every
language, deduplicated against dev and dev-test) is trained here; its threshold is
tuned on each dataset's dev split (2024 Dutch has no dev left after deduplication and
uses 2022 Dutch dev). Baselines: all-"Yes"; TF-IDF + logistic regression and e5 +
logistic regression trained on the dataset's own train split (2024 Spanish has none:
2022 Spanish train), threshold tuned on the same dev.

    OMP_NUM_THREADS=1 .venv/bin/python bench/eval_checkworthiness.py
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import numpy as np

from claimscope.checkworthy import features
from claimscope.checkworthy.clef import ISO, load_all
from claimscope.checkworthy.head import load_head, shipped_head_path
from claimscope.checkworthy.train import (
    CLEF_PARAMS, NEWS, best_threshold, embed, f1, news_rows, rows, train_clef,
)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "checkworthiness"
FALLBACK = {"2024.nl": ("2022.nl", "dev"), "2024.es": ("2022.es", "train")}


def _split(by_key, d, split):
    if d.splits[split]:
        return d.splits[split]
    key, _ = FALLBACK[d.key]
    return by_key[key].splits[split]


def _tfidf_scores(train, dev, test):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform([e.text for e in train])
    model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
    model.fit(x, [e.label for e in train])
    return [model.predict_proba(vec.transform([e.text for e in s]))[:, 1] for s in (dev, test)]


def _e5_lr_scores(train, dev, test):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit(embed([e.text for e in train]), [e.label for e in train])
    return [model.predict_proba(embed([e.text for e in s]))[:, 1] for s in (dev, test)]


def _tuned_f1(dev_scores, dev_labels, test_scores, test_labels):
    threshold = best_threshold(dev_scores, dev_labels)
    return f1(test_labels, np.asarray(test_scores) >= threshold)


def evaluate_clef(root=DATA) -> dict:
    """F1 per dataset for the joint head and the baselines (keys checkworthy.YEAR.LANG...)."""
    datasets = load_all(root)
    by_key = {d.key: d for d in datasets}
    head = train_clef(root, **CLEF_PARAMS)
    out = evaluate_news(clef_head=head)
    for d in datasets:
        lang = ISO[d.language]
        dev, test = _split(by_key, d, "dev"), d.splits["dev-test"]
        train = _split(by_key, d, "train")
        scored = []
        for split in (dev, test):
            t, l, y = rows(split, lang)
            scored += [head.scores(embed(t), features.matrix(t, l)), y]
        yd, yt = [e.label for e in dev], [e.label for e in test]
        prefix = f"checkworthy.{d.key}"
        out[f"{prefix}.f1"] = _tuned_f1(*scored)
        out[f"{prefix}.tfidf_lr.f1"] = _tuned_f1(*_pair(_tfidf_scores(train, dev, test), yd, yt))
        out[f"{prefix}.e5_lr.f1"] = _tuned_f1(*_pair(_e5_lr_scores(train, dev, test), yd, yt))
        positive = float(np.mean(yt))
        out[f"{prefix}.all_yes.f1"] = 2 * positive / (1 + positive)
    for system in ("", ".tfidf_lr", ".e5_lr", ".all_yes"):
        values = [out[f"checkworthy.2022.{ISO[l]}{system}.f1"] for l in
                  ("arabic", "bulgarian", "dutch", "english", "spanish", "turkish")]
        out[f"checkworthy.2022.avg{system}.f1"] = float(np.mean(values))
    return out


def _pair(scores, yd, yt):
    return scores[0], yd, scores[1], yt


def evaluate_news(path=NEWS, clef_head=None) -> dict:
    """F1 on the "test" half of our own news sentences, overall and per language: the
    shipped head, and a CLEF head when given (each with its own threshold)."""
    texts, langs, labels = news_rows(path, "test")
    vectors, feats = embed(texts), features.matrix(texts, langs)
    labels, langs = np.asarray(labels), np.asarray(langs)
    with resources.as_file(shipped_head_path()) as shipped:
        heads = {"news_head": load_head(shipped), "clef_head": clef_head}
    out = {}
    for name, head in heads.items():
        if head is None:
            continue
        predicted = head.scores(vectors, feats) >= head.threshold
        out[f"checkworthy.news.{name}.f1"] = f1(labels, predicted)
        for lang in sorted(set(langs)):
            mask = langs == lang
            out[f"checkworthy.news.{name}.{lang}.f1"] = f1(labels[mask], predicted[mask])
    return out


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent: the CLEF data is needed for this evaluation")
    metrics = evaluate_clef()
    systems = ("", ".e5_lr", ".tfidf_lr", ".all_yes")
    print(f"{'dataset':10} {'ours':>6} {'e5+LR':>6} {'tfidf':>6} {'allYes':>6}   (positive-class F1, dev-test)")
    keys = sorted({".".join(k.split(".")[1:3]) for k in metrics if k.split(".")[1] in ("2022", "2024")})
    for key in keys:
        row = [metrics[f"checkworthy.{key}{s}.f1"] for s in systems]
        print(f"{key:10} " + " ".join(f"{v:6.3f}" for v in row))
    print("own news sentences (test half), F1:")
    for key, value in sorted(metrics.items()):
        if key.startswith("checkworthy.news."):
            print(f"  {key[len('checkworthy.news.'):-3]:22} {value:.3f}")


if __name__ == "__main__":
    main()
