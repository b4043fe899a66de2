"""Where the chain ends: the alternatives to the rules' chain and the learned choice among
them (hand-built documents, invented sentences)."""

from __future__ import annotations

from claimscope.ranker import Ranker, shipped
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.sourcing.choose import RANKER, _actors, alternatives, choose
from claimscope.stages.sourcing.names import Names
from claimscope.stages.sourcing.route import Chain
from tests.sourcing.test_chain import make

TEXT = ("Ferry service suspended\n"
        "The Lakeside Ferry Board stopped all crossings on Monday, the weekly Tarn Gazette reported, "
        "citing Mira Holt. Repairs will take a month.")


def _chain(text=TEXT):
    doc = make(text)
    return Chain(doc, Names(doc, Sourcing().finder)).build()


def test_the_rules_chain_comes_first_then_cuts_swaps_and_extensions():
    chain = _chain()
    rules = [h.name for h in chain.hops]
    assert rules == ["Tarn Gazette", "Mira Holt"]
    options = alternatives(chain)
    assert [h.name for h in options[0][0]] == rules and options[0][1]["edit=keep"] == 1
    cut = [f for hops, f in options if f.get("edit=cut")]
    assert len(cut) == 1 and cut[0]["dropped.evidence=relay"] == 1 and cut[0]["outlet"] == 1
    kinds = {next(k for k in f if k.startswith("edit=")) for _, f in options}
    assert {"edit=swap", "edit=extend"} <= kinds
    assert all(f[f"hops={min(len(hops), 3)}"] == 1 for hops, f in options)


def test_the_body_the_claim_is_about_is_a_candidate():
    chain = _chain()
    ends = [hops[-1].name for hops, f in alternatives(chain) if f.get("edit=extend")]
    assert any("Lakeside Ferry Board" in name for name in ends)


def test_a_ranker_that_prefers_the_body_of_the_claim_extends_the_chain():
    chain = _chain()
    before = [h.name for h in chain.hops]
    choose(chain, Ranker("test", {"edit=extend": 2.0, "evidence=actor": 2.0, "in_claim": 1.0}))
    assert [h.name for h in chain.hops[:len(before)]] == before
    assert "Lakeside Ferry Board" in chain.hops[-1].name


def test_a_ranker_without_weights_keeps_the_rules_chain():
    chain = _chain()
    before = [h.name for h in chain.hops]
    choose(chain, Ranker("test", {}))
    assert [h.name for h in chain.hops] == before


def test_capitalised_runs_keep_their_joiners_and_skip_a_sentence_opening():
    text = "Yesterday the Office of Water Quality in Dun closed the beach."
    names = [s.name for s in _actors(text, 0, len(text), frozenset({"the", "of", "in"}))]
    assert names == ["Office of Water Quality in Dun"]


def test_the_shipped_ranker_keeps_the_rules_chain_here():
    chain = _chain()
    choose(chain)
    assert [h.name for h in chain.hops] == ["Tarn Gazette", "Mira Holt"]
    assert shipped(RANKER).weights["edit=keep"] > 0
