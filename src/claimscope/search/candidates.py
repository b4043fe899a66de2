"""What one search knows about its candidate records, and the hits it returns.

``SearchIndex.candidates`` gathers, for one query, the records BM25 or the dense index
retrieved (and those dated near the query) with their raw evidence; ``Candidates.features``
turns that evidence into the feature matrix ``fusion.FusionWeights`` ranks and calibrates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from claimscope.search.fusion import CENTRED_SCALE, FEATURES
from claimscope.search.periods import gap_to_periods, parse_day, predates, text_periods

DATE_SCALE = float(np.log1p(3650))  # date proximity reaches 0 at a ten-year gap
STALE_DAYS = 365  # a record this much older than every period the query names is stale


@dataclass(frozen=True)
class SearchHit:
    """One search result: record id, fused ranking score and calibrated confidence.
    ``found_by``: in an article's merged results (``fusion.merge_texts``), the (text index,
    confidence) of each text whose best hit it is; empty for a single query."""

    id: str
    score: float
    confidence: float
    cosine: float
    bm25: float
    found_by: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class Candidates:
    """Candidate record keys for one query with their raw evidence."""

    keys: list[int]
    cos: np.ndarray
    bm25: np.ndarray  # 0 where BM25 did not retrieve the record
    background: tuple[float, float]  # mean and sd of the query's cosine to any record
    entity: np.ndarray  # share of the query's entities the record names
    date_gap: np.ndarray  # |record date - query date| in days (``date_gaps``), NaN when unknown
    coverage: np.ndarray  # IDF-weighted share of the query's words found in the record
    hub: np.ndarray  # each record's cosine to the collection's mean vector
    mu2: float  # squared length of the collection's mean vector
    cross: np.ndarray  # 1 where the query's language is known and differs from the record's
    length: np.ndarray  # log(1 + distinct words of the record's indexed text, at most LENGTH_CAP)
    stale: np.ndarray  # 1 where the record predates every period the query names (``date_gaps``)

    def centred(self) -> np.ndarray:
        """Cosine of query and record after subtracting the collection's mean vector from
        both (unit vectors: computed from the cosine, ``background`` mean and ``hub``)."""
        mean = self.background[0]
        dot = self.cos - mean - self.hub + self.mu2
        return dot / np.sqrt(np.maximum((1 - 2 * mean + self.mu2) * (1 - 2 * self.hub + self.mu2), 1e-12))

    def features(self) -> np.ndarray:
        """The feature matrix, columns in ``fusion.FEATURES`` order."""
        if not self.keys:
            return np.zeros((0, len(FEATURES)))
        mean, sd = self.background
        hit = self.bm25 > 0
        lex = self.bm25[hit] if hit.any() else np.zeros(1)
        top = lex.max() if lex.max() > 0 else 1.0
        reach = self.coverage.max() if len(self.coverage) else 0.0  # how lexically matchable the query is
        lex_rel = self.bm25 / top * reach
        lex_z = np.where(hit, (self.bm25 - lex.mean()) / (lex.std() + 1e-9), -1.0) * reach
        return np.column_stack(
            [
                (self.cos - mean) / sd,
                self.cos - self.cos.max(),
                lex_rel,
                lex_z,
                self.entity,
                self.coverage,
                np.where(np.isnan(self.date_gap), 0.0, 1 - np.minimum(np.log1p(np.nan_to_num(self.date_gap)) / DATE_SCALE, 1)),
                self.centred() * CENTRED_SCALE,
                *(self.cross * f for f in (lex_rel, lex_z, self.coverage, self.entity)),  # fusion.LEXICAL order
                self.length,
            ]
        )

    def without(self, keys: set[int]) -> "Candidates":
        """The same candidates minus ``keys`` (used to simulate an unchecked claim)."""
        keep = np.asarray([k not in keys for k in self.keys], dtype=bool)
        return Candidates(
            [k for k in self.keys if k not in keys],
            self.cos[keep],
            self.bm25[keep],
            self.background,
            self.entity[keep],
            self.date_gap[keep],
            self.coverage[keep],
            self.hub[keep],
            self.mu2,
            self.cross[keep],
            self.length[keep],
            self.stale[keep],
        )


def date_gaps(text: str, date: str, record_dates: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per record: days between its date and the query's (NaN when either is unknown), and
    whether it is stale (0/1). ``date`` is when the query was published; without it, the
    periods the text names stand in for it (``periods.text_periods``: the gap is to the
    nearest one, 0 inside it), and a record dated more than STALE_DAYS before all of them
    is stale: a fact-check written then is not about what the text tells."""
    if date:
        day = parse_day(date)
        periods = [(day, day)] if day else []
    else:
        periods = text_periods(text)
    known = tuple(periods)
    found = [_gap_and_stale(d, known, not date) for d in record_dates]
    return np.asarray([g for g, _ in found], dtype=np.float64), np.asarray([s for _, s in found], dtype=np.float64)


@lru_cache(maxsize=65536)
def _gap_and_stale(day: str, periods: tuple, undated: bool) -> tuple[float, bool]:
    """``date_gaps`` of one record date (the claims of an article share their periods,
    and their candidates many dates: remembered)."""
    return gap_to_periods(day, list(periods)), undated and predates(day, list(periods), STALE_DAYS)
