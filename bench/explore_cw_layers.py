"""Experiment (issue 6): does an intermediate layer of multilingual-e5-small classify
check-worthiness better than the final embedding?

Same splits as bench/eval_checkworthiness.py (load_all, splits_for, deduplication).
Every text's per-layer mean token vectors (``E5Encoder.layer_means``, "query: "
prefix like ``checkworthy.train.embed``) are computed once and cached as float16
under CACHE (one .npy per dataset and split), then logistic regressions (classes
balanced, threshold 0.5, C picked on dev) are fitted on feature variants built from
them. Prints dev and dev-test positive-class F1 per dataset and variant.

    OMP_NUM_THREADS=1 .venv/bin/python bench/explore_cw_layers.py embed   # fill the cache
    OMP_NUM_THREADS=1 .venv/bin/python bench/explore_cw_layers.py         # the table
    OMP_NUM_THREADS=1 .venv/bin/python bench/explore_cw_layers.py cost    # time, storage
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from eval_checkworthiness import DATA, splits_for

from claimscope.checkworthy import features
from claimscope.checkworthy.clef import ISO, load_all
from claimscope.checkworthy.train import f1
from claimscope.embed import cache_path
from claimscope.settings import Settings

CACHE = cache_path(Settings.from_env().embedding_cache).parent / "cw_layers"  # ~540 MB of float16
DATASETS = ("2022.nl", "2022.bg", "2022.en", "2022.tr", "2022.ar", "2022.es", "2024.es", "2024.en")
SPLITS = ("train", "dev", "test")
CHUNK = 256


def dataset_splits():
    """{dataset key: (language, {split: examples})} under the eval's protocol."""
    by_key = {d.key: d for d in load_all(DATA)}
    return {k: (ISO[by_key[k].language], dict(zip(SPLITS, splits_for(by_key, by_key[k]))))
            for k in DATASETS}


def cache_file(key: str, split: str) -> Path:
    return CACHE / f"{key}.{split}.npy"


def fill_cache() -> None:
    """Compute and store the layer means of every split not cached yet; texts already
    computed for another split are reused."""
    from claimscope.encoder import E5Encoder

    CACHE.mkdir(parents=True, exist_ok=True)
    encoder, known = E5Encoder(), {}
    for key, (_, splits) in dataset_splits().items():
        for split, examples in splits.items():
            texts = [e.text for e in examples]
            path = cache_file(key, split)
            if path.exists():
                known.update(zip(texts, np.load(path)))
                continue
            start, todo = time.perf_counter(), [t for t in dict.fromkeys(texts) if t not in known]
            for i in range(0, len(todo), CHUNK):
                chunk = todo[i:i + CHUNK]
                known.update(zip(chunk, encoder.layer_means(chunk, True).astype(np.float16)))
            np.save(path, np.stack([known[t] for t in texts]) if texts else np.zeros((0, 12, 384), np.float16))
            seconds = time.perf_counter() - start
            print(f"{key}.{split}: {len(texts)} texts, {len(todo)} embedded in {seconds:.0f} s", flush=True)


def unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-6)


# name -> layers (1-based). A tuple concatenates the layers' unit vectors (scaled by
# 1/sqrt(k), so every row is a unit vector); "mean" averages them, then normalises.
VARIANTS = {f"L{i}": (i,) for i in range(12, 3, -1)}
VARIANTS |= {"L8+12": (8, 12), "L6+9+12": (6, 9, 12), "L4+8+12": (4, 8, 12),
             "L9+10+11+12": (9, 10, 11, 12), "mean L9-12": ("mean", 9, 10, 11, 12),
             "L1-12": tuple(range(1, 13)), "mean L4-12": ("mean", *range(4, 13))}
C_GRID = (0.3, 1.0, 3.0, 10.0)
C_GRID_STD = (0.003, 0.01, 0.03, 0.1)  # standardised inputs: every column spreads about 1
FEATURE_WEIGHTS = (0.1, 0.3, 1.0)  # hand features, standardised then scaled (as head.fit)
# variants also fed to the current head recipe (checkworthy.train.tune)
HEAD_VARIANTS = ("L12", "L11", "L10", "L9", "L8", "L8+12", "L4+8+12", "L9+10+11+12", "mean L9-12")


def build(layers: np.ndarray, spec: tuple) -> np.ndarray:
    if spec[0] == "mean":
        return unit(np.mean([unit(layers[:, i - 1]) for i in spec[1:]], axis=0))
    return np.hstack([unit(layers[:, i - 1]) for i in spec]) / np.sqrt(len(spec))


def fit_grid(x, y, dev_x, dev_y, test_x, test_y, grid):
    """{C: (dev F1, dev-test F1, dev-test predictions)}: one balanced LR per C at
    threshold 0.5 (C rising, each fit starting from the previous solution)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(max_iter=3000, class_weight="balanced", warm_start=True)
    out = {}
    for c in grid:
        model.set_params(C=c)
        model.fit(x, y)
        predicted = model.predict_proba(test_x)[:, 1] >= 0.5
        out[c] = (f1(dev_y, model.predict_proba(dev_x)[:, 1] >= 0.5), f1(test_y, predicted), predicted)
    return out


def pick(by_c: dict) -> tuple:
    """(C, dev F1, dev-test F1, dev-test predictions) of the C with the best dev F1
    (the smallest on ties)."""
    c = max(by_c, key=lambda k: (by_c[k][0], -k))
    return (c, *by_c[c])


class Data:
    """Cached layer means, hand features and labels of one dataset."""

    def __init__(self, key, lang, splits):
        self.key = key
        self.texts = {s: [e.text for e in ex] for s, ex in splits.items()}
        self.layers = {s: np.load(cache_file(key, s)) for s in SPLITS}
        self.labels = {s: np.array([e.label for e in ex]) for s, ex in splits.items()}
        self.feats = {s: features.matrix([e.text for e in ex], [lang] * len(ex)) for s, ex in splits.items()}

    def variant(self, spec, standardise=False, feature_weight=0.0, grid=C_GRID):
        xs = {s: build(self.layers[s], spec) for s in SPLITS}
        if feature_weight:
            mean, spread = self.feats["train"].mean(0), self.feats["train"].std(0) + 1e-6
            xs = {s: np.hstack([x, feature_weight * (self.feats[s] - mean) / spread]) for s, x in xs.items()}
        if standardise:
            mean, spread = xs["train"].mean(0), xs["train"].std(0) + 1e-6
            xs = {s: (x - mean) / spread for s, x in xs.items()}
        return fit_grid(xs["train"], self.labels["train"], xs["dev"], self.labels["dev"],
                        xs["test"], self.labels["test"], grid)


    def head(self, spec) -> tuple:
        """(C, dev F1, dev-test F1, predictions) of ``checkworthy.train.tune`` (the
        eval's dataset-own head: C, hand-feature weight, neighbour memory picked on
        dev) fed with this variant instead of the final embedding."""
        from claimscope.checkworthy.train import tune

        xs = {s: build(self.layers[s], spec) for s in SPLITS}
        rows = {s: (xs[s], self.feats[s], self.labels[s]) for s in SPLITS}
        head = tune(rows["train"], rows["dev"], name=self.key, trained_on=self.key)
        dev, test = (head.scores(xs[s], self.feats[s]) >= 0.5 for s in ("dev", "test"))
        return head.name, f1(self.labels["dev"], dev), f1(self.labels["test"], test), test


def joint(data, spec) -> dict:
    """{dataset: (C, dev F1, dev-test F1, predictions)} of one LR trained on every
    dataset's train split pooled (each text once, no text of any dev split), C picked
    by the mean dev F1 over the datasets."""
    banned = {t for d in data for t in d.texts["dev"]}
    rows, x, y = set(), [], []
    for d in data:
        keep = [i for i, t in enumerate(d.texts["train"]) if t not in banned and not (t in rows or rows.add(t))]
        x.append(build(d.layers["train"][keep], spec))
        y.append(d.labels["train"][keep])
    x, y = np.vstack(x), np.concatenate(y)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(max_iter=3000, class_weight="balanced", warm_start=True)
    by_c = {}
    for c in C_GRID:
        model.set_params(C=c)
        model.fit(x, y)
        by_c[c] = {}
        for d in data:
            dev, test = (model.predict_proba(build(d.layers[s], spec))[:, 1] >= 0.5 for s in ("dev", "test"))
            by_c[c][d.key] = (c, f1(d.labels["dev"], dev), f1(d.labels["test"], test), test)
    return max(by_c.values(), key=lambda r: np.mean([v[1] for v in r.values()]))


def run() -> dict:
    """{variant name: {dataset: (C, dev F1, dev-test F1, predictions)}}: every variant on
    each dataset's own train split; the variant with the best mean dev F1 over the
    datasets also standardised, with the hand features, and trained jointly."""
    data = [Data(key, lang, splits) for key, (lang, splits) in dataset_splits().items()]
    results: dict[str, dict] = {}
    for name, spec in VARIANTS.items():
        results[name] = {d.key: pick(d.variant(spec)) for d in data}
        print(f"  {name} done", file=sys.stderr, flush=True)
    results["L12, C=1 (e5+LR)"] = {d.key: (1.0, *d.variant(VARIANTS["L12"], grid=(1.0,))[1.0]) for d in data}
    best = max(VARIANTS, key=lambda n: np.mean([results[n][k][1] for k in results[n]]))
    for name in dict.fromkeys(("L12", best)):
        spec = VARIANTS[name]
        results[f"{name} std"] = {d.key: pick(d.variant(spec, True, grid=C_GRID_STD)) for d in data}
        hand = {}
        for d in data:
            by_w = {w: pick(d.variant(spec, feature_weight=w)) for w in FEATURE_WEIGHTS}
            w = max(by_w, key=lambda k: (by_w[k][1], -k))
            hand[d.key] = by_w[w]
        results[f"{name} + hand"] = hand
        results[f"{name} joint"] = joint(data, spec)
        print(f"  {name} std / + hand / joint done", file=sys.stderr, flush=True)
    for name in HEAD_VARIANTS:
        results[f"{name} head"] = {d.key: d.head(VARIANTS[name]) for d in data}
        print(f"  {name} head done", file=sys.stderr, flush=True)
    heads = [f"{name} head" for name in HEAD_VARIANTS]
    results["best"] = best, max(heads, key=lambda n: np.mean([v[1] for v in results[n].values()]))
    return results


def paired(results: dict, a: str, b: str, labels: dict, rounds: int = 1000) -> None:
    """Dev-test F1 of ``a`` minus ``b`` per dataset, with the share of bootstrap
    resamples of the dev-test rows (the same rows for both) where ``a`` is better."""
    rng = np.random.default_rng(0)
    print(f"{a} vs {b} on dev-test: difference, share of resamples where it is > 0")
    for key, y in labels.items():
        pa, pb = results[a][key][3], results[b][key][3]
        draws = [rng.integers(0, len(y), len(y)) for _ in range(rounds)]
        wins = np.mean([f1(y[i], pa[i]) > f1(y[i], pb[i]) for i in draws])
        print(f"  {key}: {results[a][key][2] - results[b][key][2]:+.3f}  {wins:.2f}")


def table(results: dict) -> None:
    keys22 = [k for k in DATASETS if k.startswith("2022")]
    columns = [k for k in DATASETS if k.startswith("2024")][::-1] + keys22 + ["2022 avg"]
    print("positive-class F1, dev / dev-test (LR, classes balanced, threshold 0.5, C picked on dev)")
    print(f"{'variant':18}" + "".join(f"{c:>13}" for c in columns) + "  mean dev")
    for name, row in results.items():
        row = dict(row)
        row["2022 avg"] = (0, np.mean([row[k][1] for k in keys22]), np.mean([row[k][2] for k in keys22]))
        mean_dev = np.mean([row[k][1] for k in columns[:-1]])
        print(f"{name:18}" + "".join(f"  {row[c][1]:.3f}/{row[c][2]:.3f}" for c in columns) + f"  {mean_dev:.3f}")
    print("dev picks, per dataset (dev / dev-test):")
    for k in columns[:-1]:
        name = max(results, key=lambda n: results[n][k][1])
        print(f"  {k}: {name} ({results[name][k][0]}) {results[name][k][1]:.3f} / {results[name][k][2]:.3f}")


def cost(n: int = 768) -> None:
    """Seconds per 1,000 texts of ``encode`` and of ``layer_means`` (same texts, one
    thread, best of 3) and bytes per sentence of the extra vectors."""
    from claimscope.encoder import E5Encoder

    encoder = E5Encoder()
    texts = [e.text for e in dataset_splits()["2024.es"][1]["test"][:n]]
    for name, run_ in (("encode", encoder.encode), ("layer_means", encoder.layer_means)):
        seconds = min(_timed(run_, texts) for _ in range(3))
        print(f"{name:12} {1000 * seconds / len(texts):.2f} s per 1,000 texts")
    print("an extra 384-d vector per sentence: 768 B as float16, 1,536 B as float32")


def _timed(run_, texts) -> float:
    start = time.perf_counter()
    run_(texts, True)
    return time.perf_counter() - start


if __name__ == "__main__":
    if sys.argv[1:] == ["embed"]:
        fill_cache()
    elif sys.argv[1:] == ["cost"]:
        cost()
    else:
        results = run()
        best, best_head = results.pop("best")
        plain = {n: {k: v[:3] for k, v in row.items()} for n, row in results.items()}
        (CACHE / "results.json").write_text(json.dumps(plain, indent=1))
        table(plain)
        print(f"best mean dev F1 over the datasets: {best} (plain LR), {best_head} (head recipe)")
        labels = {k: np.array([e.label for e in splits["test"]]) for k, (_, splits) in dataset_splits().items()}
        for a, b in ((best, "L12"), (best_head, "L12 head"), ("L9 head", "L12 head"), (f"{best} joint", "L12 joint")):
            paired(results, a, b, labels)
