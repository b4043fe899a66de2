"""The web desk and JSON API; analyses run in worker processes, each with its own
:class:`~claimscope.Analyzer` (docs/web.md).

``create_app(WebConfig(...))`` is the ASGI application ``claimscope serve`` runs.
"""

from .app import create_app
from .config import WebConfig

__all__ = ["WebConfig", "create_app"]
