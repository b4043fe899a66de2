"""The library's entry point: an :class:`Analyzer` turns articles into :class:`Report` s.

One analyzer holds its resources (:class:`~claimscope.resources.Resources`) and the
stages built on them; it is safe to share between threads, and every front end (the
``claimscope`` command, a web server, a batch job) is a thin caller of it. See
docs/library.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from . import report
from .errors import ClaimscopeError, internal_message
from .model import Article, Document
from .pipeline import BATCH, Pipeline
from .resources import Resources
from .settings import Settings
from .stages import default_stages


@dataclass(frozen=True)
class Report:
    """What an analyzer found in one article.

    ``document`` is the analysed :class:`~claimscope.model.Document`; ``data`` is the
    report dict every output format renders (docs/report-format.md).
    """

    document: Document

    @cached_property
    def data(self) -> dict[str, Any]:
        """The report as plain data (JSON-serialisable, the documented format)."""
        return report.build(self.document)

    @property
    def notices(self) -> tuple[str, ...]:
        """What could not be done for this article and how to fix it, one line each."""
        return self.document.notices

    def render(self, fmt: str = "json") -> str:
        """The report as ``fmt``: one of ``claimscope.render.FORMATS`` (text, json, md, html)."""
        from .render import render

        return render(self.data, fmt)


class Analyzer:
    """Analyses articles with the default stages over shared resources.

    ``settings`` say where the resources are (default: :class:`Settings` ``()``, which
    reads no environment variable); ``resources`` passes some or all of them in (those
    stay open when the analyzer closes). Use it as a context manager, or call
    :meth:`close`.
    """

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None):
        self.settings = settings or Settings()
        self.resources = Resources.open(self.settings, resources)
        self.pipeline = Pipeline(default_stages(self.resources))

    def analyze(self, article: Article | str) -> Report:
        """The report of one article (an :class:`~claimscope.model.Article`, or plain text)."""
        return Report(self.pipeline.run(self._document(article)))

    def analyze_many(self, articles: Iterable[Article | str], batch: int = BATCH) -> Iterator[Report]:
        """The reports of ``articles``, in order, made as they are asked for, ``batch``
        articles at a time (the sentences of a batch embedded in one call, its claims
        searched in one go: one matrix product for the dense candidates of them all); each
        report is the one :meth:`analyze` gives for that article."""
        for doc in self.pipeline.run_many((self._document(a) for a in articles), batch):
            yield Report(doc)

    def analyze_records(self, items: Iterable, debug: bool = False, batch: int = BATCH) -> Iterator[dict]:
        """One JSON-ready record per batch item (``ingest.BatchItem``): ``line``, ``id``
        and either ``report`` (the report dict) or ``error`` (``code``, ``message``). A
        failure on one item never stops the others; ``debug`` re-raises unexpected ones.
        Items are analysed ``batch`` at a time, like :meth:`analyze_many`."""
        items = iter(items)
        while chunk := list(itertools.islice(items, batch)):
            readable = [item for item in chunk if item.error is None]
            try:
                reports = dict(zip(map(id, readable), self.analyze_many([i.article for i in readable], batch)))
            except Exception:  # one article failed: analyse them one by one to tell which
                reports = {}
            for item in chunk:
                yield self._record(item, reports.get(id(item)), debug)

    def _record(self, item, report: Report | None, debug: bool) -> dict:
        head = {"line": item.line, "id": item.id}
        if item.error is not None:
            return {**head, "error": {"code": item.error.code, "message": item.error.message}}
        try:
            return {**head, "report": (report or self.analyze(item.article)).data}
        except ClaimscopeError as err:
            return {**head, "error": {"code": err.code, "message": err.message}}
        except Exception as err:  # a bug on one record: recorded, and the batch goes on
            if debug:
                raise
            return {**head, "error": {"code": "internal", "message": internal_message(err)}}

    def _document(self, article: Article | str) -> Document:
        if isinstance(article, str):
            article = Article(article)
        return Document(article=article, notices=(*article.notices, *self.resources.notices))

    def close(self) -> None:
        """Close the stages and the resources this analyzer opened."""
        self.pipeline.close()
        self.resources.close()

    def __enter__(self) -> "Analyzer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

