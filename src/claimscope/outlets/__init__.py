"""Outlets: the registry of news outlets, mention and domain resolution, imported ratings.

Public surface::

    from claimscope.outlets import default_registry, find_mentions, resolve_name, RatingsDB
"""

from .mentions import Mention, MentionFinder, find_mentions, resolve_name
from .registry import OWNERSHIP, TYPES, Outlet, Registry, default_registry, domain_suffixes, normalize_host

__all__ = [
    "Mention", "MentionFinder", "OWNERSHIP", "Outlet", "Registry", "TYPES", "default_registry",
    "domain_suffixes", "find_mentions", "normalize_host", "resolve_name",
]
