"""The Ray engine: chunks analysed by a pool of actors, each holding one analyzer.

Without an address it starts a local Ray cluster with one CPU per core of this machine
(and stops it at the end); with one (``ray://host:10001``, ``host:6379`` or ``auto``)
it joins that cluster, whose nodes must have claimscope installed and reach the same
fact-check store. There is one actor per CPU free on the cluster when the run starts,
each analysing a chunk at a time on one thread, with two chunks queued per actor;
chunks come back in input order. Ray is imported only when this engine is used (the ``ray`` extra).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import UsageError
from ..ingest import BatchItem
from ..settings import Settings
from .engines import chunk_records

_QUEUED_PER_ACTOR = 2
_CLOSE_SECONDS = 30


class _AnalyzerActor:
    """An actor's state: one analyzer, built once, used for every chunk sent to it."""

    def __init__(self, settings: Settings, debug: bool):
        from ..analyzer import Analyzer

        self.analyzer = Analyzer(settings)
        self.debug = debug

    def records(self, items: list[BatchItem]) -> list[dict]:
        return chunk_records(self.analyzer, items, self.debug)

    def close(self) -> None:
        self.analyzer.close()


class RayEngine:
    """Chunks analysed on Ray by an actor pool sized to the cluster's CPUs."""

    def __init__(self, settings: Settings, address: str | None = None, debug: bool = False,
                 actors: int | None = None):
        try:
            import ray
        except ImportError:
            raise UsageError("--engine ray needs Ray: pip install 'claimscope[ray]'") from None
        from ..embed import _usable_cpus

        self._ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            if address is None:
                ray.init(num_cpus=_usable_cpus(), include_dashboard=False, log_to_driver=False)
            else:
                ray.init(address=address, log_to_driver=False)
        size = actors or max(1, int(ray.available_resources().get("CPU", 1)))  # CPUs busy elsewhere: no actor waits
        remote = ray.remote(num_cpus=1)(_AnalyzerActor)
        one_thread = settings.replace(embed_workers=1)  # an actor per CPU: more threads would fight
        self.actors = [remote.remote(one_thread, debug) for _ in range(size)]

    def map(self, chunks: Iterable[list[BatchItem]]) -> Iterator[list[dict]]:
        ray = self._ray
        pending: deque = deque()
        turn = 0
        for chunk in chunks:
            if len(pending) >= _QUEUED_PER_ACTOR * len(self.actors):
                yield ray.get(pending.popleft())
            pending.append(self.actors[turn % len(self.actors)].records.remote(chunk))
            turn += 1
        while pending:
            yield ray.get(pending.popleft())

    def close(self) -> None:
        ray = self._ray
        try:  # let each analyzer close its store connections, unless chunks still hold it up
            ray.wait([actor.close.remote() for actor in self.actors], num_returns=len(self.actors),
                     timeout=_CLOSE_SECONDS)
            for actor in self.actors:
                ray.kill(actor)
        finally:
            if self._started:
                ray.shutdown()
