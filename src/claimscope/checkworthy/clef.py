"""Reads the CLEF CheckThat! check-worthiness splits (2022 task 1A, 2024 task 1).

The files are research data and never ship with claimscope: they are read from a
directory the caller names (``../shared/data/checkworthiness`` in this project).
Texts are cleaned the same way everywhere (links dropped, whitespace collapsed) and
deduplicated across splits, so no training text is a copy of a dev or test text.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SPLITS = ("train", "dev", "dev-test")
_FILES = {
    "2022": ("clef2022-1a", "CT22_{lang}_1A_checkworthy_{split}.tsv"),
    "2024": ("clef2024-1", "CT24_checkworthy_{lang}_{split}.tsv"),
}
LANGUAGES = {
    "2022": ("arabic", "bulgarian", "dutch", "english", "spanish", "turkish"),
    "2024": ("arabic", "dutch", "english", "spanish"),
}
ISO = {"arabic": "ar", "bulgarian": "bg", "dutch": "nl", "english": "en", "spanish": "es", "turkish": "tr"}
_LINK = re.compile(r"https?://\S+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Example:
    text: str
    label: int  # 1 = check-worthy


@dataclass(frozen=True)
class Dataset:
    """One (year, language) with its three splits; a missing split is empty."""

    year: str
    language: str
    splits: dict[str, tuple[Example, ...]]

    @property
    def key(self) -> str:
        return f"{self.year}.{ISO[self.language]}"


def clean(text: str) -> str:
    """Drop links, collapse whitespace: the form both training and scoring see."""
    return _SPACE.sub(" ", _LINK.sub(" ", text)).strip()


def read_split(path: Path) -> tuple[Example, ...]:
    """One TSV file as examples; labels Yes/No or 1/0."""
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        text = clean(row.get("tweet_text") or row.get("Text") or "")
        label = (row.get("class_label") or "").strip()
        if text and label in ("Yes", "No", "1", "0"):
            out.append(Example(text, int(label in ("Yes", "1"))))
    return tuple(out)


def load_all(root: str | Path) -> list[Dataset]:
    """Every dataset under ``root``, deduplicated (see :func:`deduplicate`)."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root} is not a directory; point to the checkworthiness data folder")
    datasets = []
    for year, (folder, pattern) in _FILES.items():
        for lang in LANGUAGES[year]:
            splits = {}
            for split in SPLITS:
                name = pattern.format(lang=lang, split=split.replace("-", "_") if year == "2022" else split)
                path = root / folder / lang / name
                splits[split] = read_split(path) if path.exists() else ()
            datasets.append(Dataset(year, lang, splits))
    if not any(split for d in datasets for split in d.splits.values()):
        raise InputError(f"no CheckThat! files under {root}; expected clef2022-1a/ and clef2024-1/")
    return deduplicate(datasets)


def deduplicate(datasets: list[Dataset]) -> list[Dataset]:
    """Remove from every train split any text found in any dev or dev-test split,
    and from every dev split any text found in any dev-test split (all years and
    languages: 2024 Arabic train holds most of 2022 Arabic dev-test). Repeats inside
    a split are kept once."""
    test = {ex.text for d in datasets for ex in d.splits["dev-test"]}
    dev = {ex.text for d in datasets for ex in d.splits["dev"]}
    banned = {"train": test | dev, "dev": test, "dev-test": set()}
    out = []
    for d in datasets:
        splits = {}
        for split, examples in d.splits.items():
            seen: set[str] = set()
            kept = []
            for ex in examples:
                if ex.text not in banned[split] and ex.text not in seen:
                    seen.add(ex.text)
                    kept.append(ex)
            splits[split] = tuple(kept)
        out.append(Dataset(d.year, d.language, splits))
    return out
