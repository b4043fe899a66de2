"""Chain pictures: the terminal tree and the SVG graph draw every hop, escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimscope.render.chain import svg, tree

CHAIN = {"hops": [
    {"kind": "article", "name": "this article", "ratings": []},
    {"kind": "outlet", "name": "Kienthuc.net.vn", "evidence": "credit_line", "outlet_id": None,
     "text": "Kienthuc.net.vn", "ratings": []},
    {"kind": "outlet", "name": "Sputnik", "evidence": "attribution", "outlet_id": "sputnik",
     "ownership": "state_controlled", "country": "RU", "text": "agence de presse Sputnik",
     "ratings": [{"domain": "sputniknews.com", "source": "Lin et al. 2023", "score": 0.346, "label": None}]},
    {"kind": "speaker", "name": "<script>Ministère</script>", "evidence": "attribution",
     "text": "le ministère", "ratings": [], "anonymous": False},
]}


def test_tree_lists_hops_in_order_with_evidence():
    lines = tree(CHAIN).splitlines()
    assert lines[0] == "this article"
    assert lines[1].startswith("└─ Kienthuc.net.vn [not in registry]") and "credit line" in lines[1]
    assert "Sputnik [state_controlled, RU] rating 0.35 (Lin et al. 2023)" in lines[2]
    assert lines[3].startswith("      └─ <script>")


def test_svg_is_well_formed_and_escaped():
    picture = svg(CHAIN)
    root = ET.fromstring(picture)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Sputnik" in texts and "<script>Ministère</script>" in texts
    assert "<script>" not in picture
    assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) == 3
