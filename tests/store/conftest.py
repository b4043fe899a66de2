"""The store tests share the fact-check tests' fresh-store fixture."""

from tests.factchecks.conftest import store  # noqa: F401  (a pytest fixture)
