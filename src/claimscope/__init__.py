"""claimscope: a verification desk's reader for news articles in any language."""

__version__ = "0.1.0"
