"""Import throughput of the fact-check store (no embeddings) and the database size.

Generates N synthetic ClaimReview records (one JSON-LD array file), imports them
into a fresh SQLite store and prints records/s, the database size and the time of
a second, no-op import. Run: ``.venv/bin/python bench/bench_import.py [N]``.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from claimscope.factchecks import ImportOptions, import_sources
from claimscope.store import open_store

SUBJECTS = ("The mayor", "A viral video", "The health ministry", "A photo", "The senator", "A new study",
            "The central bank", "A post on social media", "The football club", "An influencer")
VERBS = ("shows", "claims", "proves", "reveals", "says", "confirms")
OBJECTS = ("that vaccines contain microchips", "a flood in the capital", "that taxes doubled last year",
           "a crowd at the border", "that the election was rigged", "a shark on a highway",
           "that bread prices fell by half", "a wildfire started by drones", "that schools will close",
           "a secret meeting in Geneva")
RATINGS = {"en": ("False", "Mostly False", "Half True", "Misleading", "True", "Satire"),
           "fr": ("Faux", "Trompeur", "Plutôt vrai", "Vrai"),
           "es": ("Falso", "Engañoso", "Verdadero"),
           "de": ("Falsch", "Irreführend", "Richtig"),
           "vi": ("Sai sự thật", "Đúng")}
PUBLISHERS = ("Example Checks", "Vérif Exemple", "Comprobado Ejemplo", "Faktencheck Beispiel", "Kiểm Chứng")


def generate_claimreviews(count: int, seed: int = 7) -> list[dict]:
    """``count`` distinct, realistic-looking ClaimReview objects (synthetic text)."""
    rng = random.Random(seed)
    languages = list(RATINGS)
    records = []
    for n in range(count):
        lang = languages[n % len(languages)]
        claim = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (case {n})."
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"https://factcheck.example/{lang}/{n}",
            "claimReviewed": claim,
            "datePublished": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "author": {"@type": "Organization", "name": PUBLISHERS[n % len(PUBLISHERS)],
                       "url": "https://factcheck.example"},
            "reviewRating": {"@type": "Rating", "alternateName": rng.choice(RATINGS[lang]),
                             "ratingValue": rng.randint(1, 5), "bestRating": 5, "worstRating": 1},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": rng.choice(SUBJECTS)},
                             "datePublished": "2020-01-01",
                             "appearance": [{"@type": "CreativeWork", "url": f"https://social.example/p/{n}"}]},
        }
        if n % 10:  # one in ten leaves the language to detection
            review["inLanguage"] = lang
        records.append(review)
    return records


def write_feed(path: Path, count: int) -> Path:
    """Write ``count`` generated records as one JSON-LD array to ``path``."""
    path.write_text(json.dumps(generate_claimreviews(count), ensure_ascii=False), encoding="utf-8")
    return path


def run(count: int = 100_000) -> dict:
    """Import ``count`` generated records into a fresh store; the measured figures."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = write_feed(Path(tmp) / "feed.json", count)
        db = Path(tmp) / "bench.sqlite"
        with open_store(db) as store:
            start = time.perf_counter()
            summary = import_sources(store, [str(feed)], ImportOptions())
            elapsed = time.perf_counter() - start
            start = time.perf_counter()
            again = import_sources(store, [str(feed)], ImportOptions())
            reimport = time.perf_counter() - start
            stored = store.count()
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite*"))
        return {
            "records": count,
            "added": summary.added,
            "stored": stored,
            "import_seconds": round(elapsed, 2),
            "import_records_per_s": round(count / elapsed),
            "reimport_seconds": round(reimport, 2),
            "reimport_added": again.added,
            "feed_mb": round(feed.stat().st_size / 1e6, 1),
            "db_mb": round(size / 1e6, 1),
            "db_bytes_per_record": round(size / count),
        }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    figures = run(count)
    for key, value in figures.items():
        print(f"{key}: {value}")
    floors = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
    floor = floors.get("factchecks.import_records_per_s")
    if floor is not None:
        verdict = "ok" if figures["import_records_per_s"] >= floor else "BELOW FLOOR"
        print(f"floor factchecks.import_records_per_s {floor}: {verdict}")


if __name__ == "__main__":
    main()
