"""Quality gate on held-out English news: PolNeAR's test split (floors in bench/floors.json).
Scored only to check a change, never to choose one."""

import eval_attribution
from eval_attribution import eval_polnear

from tests.conftest import floor


def test_polnear_test_floors(shared_dir):
    assert eval_attribution.POLNEAR.is_dir()
    metrics = eval_polnear("test")
    for role in ("source", "cue", "content"):
        assert metrics[f"attribution.polnear.{role}_f1"] >= floor(
            f"attribution.polnear.{role}_f1"
        )
