"""Score-level fusion of lexical and dense evidence, and calibrated confidence.

Raw scores from the two retrievers live on different scales (BM25 grows with query
length; e5 cosines sit in a narrow band whatever the query), so each candidate gets
normalised features first:

- ``dense_z``: the cosine as a z-score against the query's cosine to a random record
  of the collection (anisotropy correction, see ``DenseIndex.background``);
- ``dense_gap``: cosine minus the best cosine for this query;
- ``lex_rel``: BM25 divided by the best BM25 for this query (0 when not retrieved);
- ``lex_z``: BM25 as a z-score over the query's lexical result list;
  both scaled by the best ``coverage`` of the query, so that a query whose words
  mostly do not occur in the collection (another language) leans on dense evidence;
- ``entity``: share of the query's named entities (alias table) that the record names;
- ``coverage``: IDF-weighted share of the query's words that the record contains (unlike
  ``lex_rel`` it stays low when only a name matches, as in a query in another language);
- ``date_prox``: 1 when the record is dated the day the query text was published,
  falling with the log of the gap in days to 0 at ten years (0 when a date is unknown);
  without a publication date, the gap to the nearest period the text names ("in April
  2019", "2017": ``periods.text_periods``; 0 inside it);
- ``centred``: the cosine of query and record after subtracting the collection's mean
  vector from both (anisotropy corrected on both sides: a record close to the
  centroid, which looks a little similar to every query, is discounted), times
  ``CENTRED_SCALE``;
- ``x_lex_rel``, ``x_lex_z``, ``x_coverage``, ``x_entity``: the same lexical features
  again where the query's language differs from the record's (0 otherwise), so that
  cross-lingual queries get their own lexical weights (word overlap across languages
  is mostly names, and means less);
- ``length``: log(1 + the number of distinct words in the record's indexed text): a
  record prior. Very short records ("CryptoLocker.", a bare name) sit near every query
  in embedding space and win ties they should not; measured on CLEF training queries
  (5-fold cross-validation over CLEF 2020 train+dev) it is the one extra feature that
  helped (MAP@5 0.893 -> 0.901).

A linear model over the features ranks the candidates. The confidence that a hit
really covers the query is a logistic model over the hit's centred cosine, its raw
cosine and its date evidence (dense evidence, which behaves alike for English tweets and
for claims in other languages), and whether the record predates every period the query
names (``stale``: a fact-check cannot be about what happened after it). A sentence of an article
(``SearchIndex.search_many``) gets a second model with one more feature, the hit's
``score_lead`` over its best rival: an article's sentences are often context rather
than claims, and the best hit of a context sentence is one of a crowd of look-alikes,
while a claim someone checked tends to find its fact-check well ahead of the rest. The
fitted numbers live in ``data/search/weights.json``: ranking and most of the confidence
by ``bench/eval_retrieval.py --fit`` on CLEF training queries and the fit half of the
multilingual dev set, the stale weight, the intercept and the threshold of a single
query by ``bench/eval_claim_queries.py --fit`` on the dev split of the claim queries by
another hand (docs/matching.md).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

DATE_CENTRE = 0.75  # a known date this close is neither for nor against a match
LEAD_CAP = 5.0  # score leads beyond this say nothing more
CENTRED_SCALE = 10.0  # centred cosines span about 0.1-0.7; scaled like the other features for the fit
LEXICAL = ("lex_rel", "lex_z", "coverage", "entity")  # features repeated for cross-lingual pairs
FEATURES = ("dense_z", "dense_gap", "lex_rel", "lex_z", "entity", "coverage", "date_prox", "centred") + tuple(
    "x_" + f for f in LEXICAL
) + ("length",)


WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "search" / "weights.json"


@lru_cache(maxsize=1)
def _fitted() -> dict:
    """The fitted numbers (``data/search/weights.json``, versioned with the code)."""
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class FusionWeights:
    """Ranking weights (one per feature), the two confidence models and their thresholds;
    by default the fitted ones of ``data/search/weights.json``.

    A confidence model maps evidence names to weights, ``bias`` being the intercept:
    ``centred`` (the centred cosine), ``cosine``, ``date`` (``date_evidence``), ``stale``
    (1 when the record predates every period the query names, ``Candidates.stale``) and,
    for an article sentence, ``lead`` (its ``score_lead``: an article's sentences are often
    context, not claims, and their best hit is then one of a crowd). Evidence a model has
    no weight for does not count. ``threshold``: hits of a query below it are not shown
    (balanced on the dev split of the claim queries by another hand); ``article_threshold``:
    the same for an article's merged matches (``merge_texts``), chosen on the dev set's fit
    articles; ``evidence_floor``: an article sentence less confident than this adds nothing
    to a record's merged confidence (``merge_texts``), chosen on the dev articles by another
    hand; ``body_confidence``: the confidence an article match needs when only sentences
    outside the headline and lead paragraphs found it (``stages.matching``: most body
    sentences are context, and their best hit is often a fact-check of the same topic, not
    of the same claim), chosen on the same articles; ``rival_gap``: a case dated within a few
    days of a more confident match of the same article and more than this many logits below
    it is its rival, not a second alarm (``stages.matching.without_rivals``), chosen on the
    same articles.
    """

    rank: dict[str, float] = field(default_factory=lambda: dict(_fitted()["rank"]))
    confidence: dict[str, float] = field(default_factory=lambda: dict(_fitted()["confidence"]))
    article_confidence: dict[str, float] = field(default_factory=lambda: dict(_fitted()["article_confidence"]))
    threshold: float = field(default_factory=lambda: float(_fitted()["threshold"]))
    article_threshold: float = field(default_factory=lambda: float(_fitted()["article_threshold"]))
    evidence_floor: float = field(default_factory=lambda: float(_fitted()["evidence_floor"]))
    body_confidence: float = field(default_factory=lambda: float(_fitted()["body_confidence"]))
    rival_gap: float = field(default_factory=lambda: float(_fitted()["rival_gap"]))

    def score(self, features: np.ndarray) -> np.ndarray:
        """Ranking score of each row of ``features`` (columns in FEATURES order)."""
        w = np.asarray([self.rank.get(f, 0.0) for f in FEATURES], dtype=np.float64)
        return features @ w

    def probability(self, evidence: dict[str, float], article: bool = False) -> float:
        """Calibrated probability that a hit with this ``evidence`` (names above; the
        centred cosine plain, not the scaled feature) covers the query; ``article``: the
        query is an article sentence and the article model applies."""
        model = self.article_confidence if article else self.confidence
        z = model.get("bias", 0.0) + sum(w * evidence.get(name, 0.0) for name, w in model.items() if name != "bias")
        return 1.0 / (1.0 + math.exp(-z))


def merge_texts(results: Sequence[Sequence], floor: float = 0.0) -> list[tuple]:
    """Merge the ranked hits of several texts (an article's claim sentences) per record.

    Each text contributes its best hit only, plus hits with the very same cosine (the same
    passage under another id, as a collection listing one case twice): the article's other
    sentences are context, and their second-best hits are not evidence. A record that
    is the best hit of several texts gathers their evidence: its confidence is the
    noisy-OR of theirs, 1 - prod(1 - c), over the texts whose confidence is at least
    ``floor`` (besides the most confident one): many context sentences of one topic, each
    weakly closest to the same case, are not independent evidence that the article repeats
    its claim. Returns (hit with the merged confidence and ``found_by``, the index and
    confidence of each text it tops; index of the text whose hit was the most confident),
    most confident first. Hits need ``id``, ``cosine`` and ``confidence`` (``SearchHit``).
    """
    best: dict[str, tuple] = {}
    gathered: dict[str, list[tuple[int, float]]] = {}  # per record: the texts it tops, with their confidences
    for i, hits in enumerate(results):
        for hit in hits:
            if hit.cosine != hits[0].cosine:
                continue
            gathered.setdefault(hit.id, []).append((i, hit.confidence))
            if hit.id not in best or hit.confidence > best[hit.id][0].confidence:
                best[hit.id] = (hit, i)
    merged = []
    for rid, (hit, i) in best.items():
        misses = math.prod(1.0 - c for _, c in gathered[rid] if c >= floor or c == hit.confidence)
        merged.append((replace(hit, confidence=1.0 - misses, found_by=tuple(gathered[rid])), i))
    return sorted(merged, key=lambda m: -m[0].confidence)


def score_lead(scores: np.ndarray, cosines: np.ndarray) -> np.ndarray:
    """Each candidate's ranking score minus the best score of a candidate with another
    passage (a different cosine: a collection listing one case twice is one rival, not
    two), clipped to +-LEAD_CAP. A hit far ahead of every rival is more likely a real
    match than one in a crowd of look-alikes."""
    scores, cosines = np.asarray(scores, dtype=np.float64), np.asarray(cosines)
    if not len(scores):
        return np.zeros(0)
    best = int(np.argmax(scores))
    same = cosines == cosines[best]  # the best passage and its copies
    second = scores[~same].max() if (~same).any() else scores[best] - LEAD_CAP
    return np.clip(scores - np.where(same, second, scores[best]), -LEAD_CAP, LEAD_CAP)


def date_evidence(date_prox: np.ndarray) -> np.ndarray:
    """Date proximity centred so that an unknown date (0) is neutral evidence."""
    return np.where(date_prox > 0, date_prox - DATE_CENTRE, 0.0)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50, offset: np.ndarray | None = None) -> np.ndarray:
    """Weights (last one the intercept) of an L2-regularised logistic regression (Newton).
    ``offset``: a fixed term added to each sample's logit (the part of a model not refitted)."""
    x = np.hstack([np.asarray(x, dtype=np.float64), np.ones((len(x), 1))])
    y = np.asarray(y, dtype=np.float64)
    base = np.zeros(len(y)) if offset is None else np.asarray(offset, dtype=np.float64)
    w = np.zeros(x.shape[1])
    reg = l2 * np.eye(x.shape[1])
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + base, -30, 30)))
        grad = x.T @ (p - y) + reg @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + reg + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_listwise(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0, steps: int = 100) -> np.ndarray:
    """Ranking weights maximising each query's softmax probability of its true records.

    ``groups`` holds one (feature matrix, 0/1 labels) pair per query: a conditional
    logit with an L2 penalty, fitted by Newton's method with step halving.
    """
    groups = [(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)) for x, y in groups if np.any(y)]
    w = np.zeros(groups[0][0].shape[1])

    def loss_grad_hess(w):
        loss, grad, hess = 0.5 * l2 * w @ w, l2 * w, l2 * np.eye(len(w))
        for x, y in groups:
            z = x @ w
            p = np.exp(z - z.max())
            loss += np.log(p.sum()) + z.max() - (y / y.sum()) @ z
            p /= p.sum()
            grad += x.T @ (p - y / y.sum())
            xm = p @ x
            hess += (x * p[:, None]).T @ x - np.outer(xm, xm)
        return loss, grad, hess

    loss, grad, hess = loss_grad_hess(w)
    for _ in range(steps):
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-6:
            trial = w - scale * step
            new = loss_grad_hess(trial)
            if new[0] <= loss:
                break
            scale /= 2
        if loss - new[0] < 1e-9:
            return trial
        w, (loss, grad, hess) = trial, new
    return w
