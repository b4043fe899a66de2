"""What an :class:`~claimscope.Analyzer` is configured with, and the one place the
environment is read.

:class:`Settings` holds plain values (paths, switches); nothing in the library reads an
environment variable except :meth:`Settings.from_env`, which the ``claimscope`` command
calls once. A library caller passes the values it wants (docs/library.md).

| variable | setting | default |
| --- | --- | --- |
| ``CLAIMSCOPE_DB`` | ``db``: the fact-check store | ``<user data dir>/claimscope/factchecks.sqlite`` |
| ``CLAIMSCOPE_RATINGS_DB`` | ``ratings_db``: outlet ratings | ``<user data dir>/claimscope/outlet-ratings.sqlite`` |
| ``CLAIMSCOPE_CHECKWORTHY_HEAD`` | ``checkworthy_head``: a ``.npz`` head | the head shipped in the package |
| ``CLAIMSCOPE_EMBCACHE`` | ``embedding_cache``: the vectors evaluations and training keep (``embed.cache_path``) | ``<user cache dir>/claimscope/embeddings.sqlite`` |
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass

DB_VAR = "CLAIMSCOPE_DB"
RATINGS_VAR = "CLAIMSCOPE_RATINGS_DB"
HEAD_VAR = "CLAIMSCOPE_CHECKWORTHY_HEAD"
EMBCACHE_VAR = "CLAIMSCOPE_EMBCACHE"


@dataclass(frozen=True)
class Settings:
    """How an analyzer finds its resources.

    ``db``: the fact-check store (a SQLite path); None is the default path in the user
    data directory. ``ratings_db``: the outlet ratings database; None is the default
    path, used when it exists. ``checkworthy_head``: a check-worthiness head file; None
    is the shipped head. ``matching``: False skips fact-check matching (no store or
    index is opened). ``embed_workers``: threads that embed at once (None: one per CPU).
    ``embedding_cache``: the SQLite file where evaluations and training keep vectors
    (``embed.cache_path``; None: the user cache directory); an analyzer does not use it.
    """

    db: str | None = None
    ratings_db: str | None = None
    checkworthy_head: str | None = None
    matching: bool = True
    embed_workers: int | None = None
    embedding_cache: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **given) -> "Settings":
        """Settings from the environment (``os.environ`` unless ``environ`` is given);
        the keyword arguments that are not None win over the environment."""
        env = os.environ if environ is None else environ
        found = {"db": env.get(DB_VAR) or None, "ratings_db": env.get(RATINGS_VAR) or None,
                 "checkworthy_head": env.get(HEAD_VAR) or None, "embedding_cache": env.get(EMBCACHE_VAR) or None}
        return cls(**{**found, **{k: v for k, v in given.items() if v is not None}})

    def replace(self, **changes) -> "Settings":
        """A copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)
