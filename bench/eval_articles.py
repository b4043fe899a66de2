"""The headline evaluation: the full ``check`` pipeline over news articles annotated by
another hand (``../shared/data/articles``), dev and test split side by side.

Scoring rules (docs/evaluation.md):

- a gold span (an exact substring of the text) is every place it occurs; a reported span
  matches it when their overlap covers at least half of the shorter of the two;
- span lists (other-language fragments, boilerplate, MT artifacts, credit lines,
  check-worthy sentences): precision over reported spans, recall over gold spans;
- attributions: speaker, cue and content spans are each matched one to one, gold to
  reported (a gold speaker or cue is the whole-word occurrence nearest its content); a pronoun
  speaker counts only when the report resolves it to the gold ``speaker_ref``;
- a sourcing chain is exact when it has as many hops as the gold one and each hop's name
  matches (case- and accent-insensitive, one name's words in order inside the other's);
- flags: micro F1 over the seven flags of the guide; a confident match to a fact-check
  without a verdict (``already_fact_checked``) counts as ``known_disinformation``;
- fact-checks: the right case first (articles that have one), nothing reported (articles
  that have none), and the share of reported matches that are wrong.

    .venv/bin/python bench/eval_articles.py            # dev and test figures
    .venv/bin/python bench/eval_articles.py --show ID  # one article: gold beside report
    .venv/bin/python bench/eval_articles.py --data devsets/articles/blind.jsonl  # and our blind set
    .venv/bin/python bench/eval_articles.py --tuning --data devsets/articles/blind.jsonl  # dev, blind-dev only

The fact-check side indexes Snopes (CLEF 2022 vclaims) and EUvsDisinfo (about 25,000
records): the first run embeds them once into the evaluation cache (minutes); later runs
take seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval_data import SHARED  # noqa: E402

from claimscope.checkworthy.articles import occurrences, overlaps  # noqa: E402

ARTICLES = SHARED / "articles" / "articles.jsonl"
BLIND = Path(__file__).resolve().parent.parent / "devsets" / "articles" / "blind.jsonl"  # our own, written blind to the rules
FLAGS = ("single_source", "anonymous_source", "circular_sourcing", "state_media_origin",
         "untranslated_fragment", "machine_translation_artifact", "known_disinformation")
SPAN_FIELDS = {  # gold field -> report finding kinds
    "other_language": ("untranslated_fragment",),
    "boilerplate": ("boilerplate",),
    "mt_artifacts": ("garbled_sentence",),
    "credit_lines": ("credit_line",),
}


def load(path: Path = ARTICLES) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


# --- span matching -------------------------------------------------------------------

def span_counts(gold: list[list[tuple[int, int]]], reported: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """(matched reported, reported, matched gold, gold)."""
    tp_r = sum(any(overlaps(r, g) for occ in gold for g in occ) for r in reported)
    tp_g = sum(any(overlaps(r, g) for r in reported for g in occ) for occ in gold)
    return tp_r, len(reported), tp_g, len(gold)


def fold(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.findall(r"\w+", plain)


def same_name(a: str, b: str) -> bool:
    """One name's words, in order, inside the other's (case and accents ignored)."""
    wa, wb = fold(a), fold(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    it = iter(long_)
    return all(w in it for w in short)


# --- one article ---------------------------------------------------------------------

def score_article(row: dict, report: dict) -> dict:
    """Raw counts for one article (summed over a split by ``summarise``)."""
    text = report["article"]["text"]
    assert text == row["text"], f"{row['id']}: the pipeline changed the text"
    counts: dict[str, float] = defaultdict(float)
    for field, kinds in SPAN_FIELDS.items():
        gold_items = [o["text"] if isinstance(o, dict) else o for o in row[field]]
        gold = [occurrences(text, g) for g in gold_items]
        reported = [(f["start"], f["end"]) for f in report["findings"] if f["kind"] in kinds]
        _add(counts, field, span_counts(gold, reported))
    worthy = [(c["start"], c["end"]) for c in report["claims"] if c["checkworthy"]]
    _add(counts, "checkworthy", span_counts([occurrences(text, s) for s in row["checkworthy"]], worthy))
    _attributions(counts, row, report)
    _sourcing(counts, row, report)
    _flags(counts, row, report)
    _factchecks(counts, row, report)
    return counts


def _add(counts, name, quad):
    for key, v in zip(("tp_r", "n_r", "tp_g", "n_g"), quad):
        counts[f"{name}.{key}"] += v


def _gold_attr_spans(text: str, a: dict) -> dict:
    """Where an annotation's strings stand: the content's first occurrence, the cue's
    whole-word occurrence nearest it, and the speaker's nearest the cue (the speaker is
    the mention in the cue's clause, not the same name repeated elsewhere); a cue of
    punctuation alone (a colon, a dash) stands everywhere, so the content anchors its speaker."""
    content = occurrences(text, a["content"])
    at = content[0] if content else (0, 0)

    def near(s, to, gap):
        if not s:
            return None
        occ = occurrences(text, s)
        whole = [o for o in occ if _whole_words(text, o)]
        return min(whole or occ, key=lambda o: gap(o, to)) if occ else None

    starts = lambda o, to: abs(o[0] - to[0])  # noqa: E731
    cue = near(a["cue"], at, starts)
    if cue and any(c.isalnum() for c in a["cue"]):
        speaker = near(a["speaker"], cue, lambda o, to: max(0, o[0] - to[1], to[0] - o[1]))
    else:
        speaker = near(a["speaker"], at, starts)
    return {"content": at, "cue": cue, "speaker": speaker}


def _whole_words(text: str, span: tuple[int, int]) -> bool:
    """The span does not start or end inside a word ("er" in "Berlin")."""
    before = text[span[0] - 1] if span[0] > 0 else " "
    after = text[span[1]] if span[1] < len(text) else " "
    return not (before.isalnum() and text[span[0]].isalnum()) and not (after.isalnum() and text[span[1] - 1].isalnum())


def _attributions(counts, row, report):
    """Speaker, cue and content spans each matched one to one, gold to reported."""
    text = report["article"]["text"]
    golds = [(a, _gold_attr_spans(text, a)) for a in row["attributions"]]
    preds = report["attributions"]
    for part in ("speaker", "cue", "content"):
        used: set[int] = set()
        for a, g in golds:
            if not g[part]:
                continue
            hit = next((i for i, p in enumerate(preds) if i not in used and p[f"{part}_start"] is not None
                        and overlaps((p[f"{part}_start"], p[f"{part}_end"]), g[part])
                        and (part != "speaker" or _resolved(a, p))), None)
            if hit is not None:
                used.add(hit)
                counts[f"{part}.tp"] += 1
                counts["anonymous.tp"] += part == "content" and a["anonymous"] and preds[hit]["anonymous"]
        counts[f"{part}.n_g"] += sum(1 for _, g in golds if g[part])
        counts[f"{part}.n_r"] += sum(1 for p in preds if p[f"{part}_start"] is not None)
    counts["anonymous.n_g"] += sum(1 for a, _ in golds if a["anonymous"])
    for a, g in golds:
        kind = speaker_error(a, g, preds)
        if kind:
            counts[f"speaker.error.{kind}"] += 1


SPEAKER_ERRORS = ("missing", "before_not_after", "after_not_before", "pronoun", "other",
                  "swallowed", "too_short")  # the last two overlap the gold span: scored right


def speaker_error(a: dict, g: dict, preds: list[dict]) -> str | None:
    """The kind of speaker error of a gold attribution with a speaker whose cue was found
    (the first reported attribution with an overlapping cue); None when it is right or the
    cue was missed. "swallowed"/"too_short": the span overlaps gold (scored right) but is more
    than twice as long / less than half as long."""
    if not g["speaker"] or not g["cue"]:
        return None
    p = next((p for p in preds if overlaps((p["cue_start"], p["cue_end"]), g["cue"])), None)
    if p is None:
        return None
    if p["speaker_start"] is None:
        return "missing"
    span, (gs, ge), (cs, _) = (p["speaker_start"], p["speaker_end"]), g["speaker"], g["cue"]
    if overlaps(span, g["speaker"]):
        if not _resolved(a, p):
            return "pronoun"
        width, gold_width = span[1] - span[0], ge - gs
        # overlapping spans score as right: these two kinds only tell how far off they are
        return "swallowed" if width > 2 * gold_width + 5 else "too_short" if 2 * width + 5 < gold_width else None
    if span[0] < cs <= gs:
        return "before_not_after"
    if ge <= cs < span[0]:
        return "after_not_before"
    return "other"


def _resolved(a: dict, p: dict) -> bool:
    """A pronoun speaker (one lower-case word: "she", "il", "он") counts when the report
    resolves it to the gold ``speaker_ref``; a descriptive mention ("the edition") counts
    by its span."""
    pronoun = len(a["speaker"].split()) == 1 and a["speaker"].islower()
    if pronoun and a.get("speaker_ref"):
        return bool(p.get("speaker_entity")) and same_name(p["speaker_entity"], a["speaker_ref"])
    return True


def main_chain(report: dict) -> dict | None:
    return report["sourcing"][0] if report.get("sourcing") else None


CHAIN_ERRORS = ("too_short.prefix", "too_short.other", "too_long.prefix", "too_long.other",
                "wrong_first_hop", "wrong_relay", "wrong_origin", "names_only")


def chain_error(gold: list[str], names: list[str]) -> str | None:
    """The kind of a chain mismatch (None when exact), for the aggregate breakdown:
    too short or too long (``.prefix`` when the shorter chain is the start of the longer:
    the route stopped early or went on too far), else the first wrong position (the first
    hop after the article, a relay, the origin), or ``names_only`` when every wrong hop
    shares half its words with the gold one (the right source under another form of its name)."""
    if len(gold) != len(names):
        short, long_ = sorted((gold, names), key=len)
        prefix = all(same_name(a, b) for a, b in zip(short, long_))
        return f"{'too_short' if len(names) < len(gold) else 'too_long'}.{'prefix' if prefix else 'other'}"
    wrong = [i for i, (g, n) in enumerate(zip(gold, names)) if not same_name(g, n)]
    if not wrong:
        return None
    if all(_akin(gold[i], names[i]) for i in wrong):
        return "names_only"
    first = wrong[0]
    return "wrong_origin" if first == len(gold) - 1 else "wrong_first_hop" if first == 1 else "wrong_relay"


def _akin(a: str, b: str) -> bool:
    """Do two names share at least half of the shorter one's words of three letters or more
    (compared by their first four letters, so that inflected forms meet)?"""
    wa, wb = ([w[:4] for w in fold(n) if len(w) > 2] for n in (a, b))
    short, long_ = sorted((wa, wb), key=len)
    return bool(short) and 2 * sum(w in long_ for w in short) >= len(short)


def _sourcing(counts, row, report):
    chain = main_chain(report)
    names = [h["name"] for h in chain["hops"]] if chain else ["this article"]
    gold = row["sourcing_chain"]
    right = sum(1 for g, n in zip(gold, names) if same_name(g, n))
    counts["chain.exact"] += len(gold) == len(names) and right == len(gold)
    error = chain_error(gold, names)
    if error:
        counts[f"chain.error.{error}"] += 1
    counts["chain.positions"] += right
    counts["chain.position_n"] += max(len(gold), len(names))
    text = report["article"]["text"]
    if chain:
        reported = (chain["claim_start"], chain["claim_end"])
        counts["main_claim.found"] += any(overlaps(reported, o) for o in occurrences(text, row["main_claim"]))
        counts["independent.exact"] += chain["independent_sources"] == row["independent_sources"]
        if "article_sources" in chain:
            counts["article_sources.exact"] += chain["article_sources"] == row["article_sources"]


def reported_flags(report: dict) -> set[str]:
    chain = main_chain(report)
    found = {f["kind"] for f in chain["flags"]} if chain else set()
    if "already_fact_checked" in found:
        found.add("known_disinformation")
    return found & set(FLAGS)


def _flags(counts, row, report):
    gold, found = set(row["flags"]), reported_flags(report)
    counts["flags.tp"] += len(gold & found)
    counts["flags.n_r"] += len(found)
    counts["flags.n_g"] += len(gold)
    for f in FLAGS:
        counts[f"flag.{f}.tp"] += f in gold and f in found
        counts[f"flag.{f}.n_g"] += f in gold
        counts[f"flag.{f}.n_r"] += f in found


def match_ref(m: dict) -> str:
    return m.get("source_ref") or m["factcheck_id"]


def _factchecks(counts, row, report):
    gold = set(row["factcheck_matches"])
    refs = [match_ref(m) for m in report["matches"]]
    if gold:
        counts["fc.with"] += 1
        counts["fc.right_first"] += bool(refs) and refs[0] in gold
    else:
        counts["fc.without"] += 1
        counts["fc.empty"] += not refs
    counts["fc.reported"] += len(refs)
    counts["fc.wrong"] += sum(1 for r in refs if r not in gold)


# --- figures -------------------------------------------------------------------------

def _ratio(a, b):
    return round(a / b, 4) if b else None


def _f1(p, r):
    return None if p is None or r is None else round(2 * p * r / (p + r), 4) if p + r else 0.0


def summarise(counts: dict, n: int) -> dict:
    c = defaultdict(float, counts)
    out: dict[str, float | None] = {"articles": n}
    for field in (*SPAN_FIELDS, "checkworthy"):
        p, r = _ratio(c[f"{field}.tp_r"], c[f"{field}.n_r"]), _ratio(c[f"{field}.tp_g"], c[f"{field}.n_g"])
        out[f"{field}.precision"], out[f"{field}.recall"], out[f"{field}.f1"] = p, r, _f1(p, r)
    for part in ("speaker", "cue", "content"):
        p, r = _ratio(c[f"{part}.tp"], c[f"{part}.n_r"]), _ratio(c[f"{part}.tp"], c[f"{part}.n_g"])
        out[f"attribution.{part}.f1"] = _f1(p, r)
        if part == "cue":  # which side to work on
            out["attribution.cue.precision"], out["attribution.cue.recall"] = p, r
    out["attribution.anonymous.recall"] = _ratio(c["anonymous.tp"], c["anonymous.n_g"])
    for kind in SPEAKER_ERRORS:  # gold attributions whose cue was found, wrong speaker, by kind
        out[f"attribution.speaker_error.{kind}"] = int(c[f"speaker.error.{kind}"])
    out["sourcing.chain_exact"] = _ratio(c["chain.exact"], n)
    out["sourcing.chain_per_position"] = _ratio(c["chain.positions"], c["chain.position_n"])
    for kind in CHAIN_ERRORS:  # mismatched chains by kind (counts of articles)
        out[f"sourcing.chain_error.{kind}"] = int(c[f"chain.error.{kind}"])
    out["sourcing.main_claim"] = _ratio(c["main_claim.found"], n)
    out["sourcing.independent_exact"] = _ratio(c["independent.exact"], n)
    out["sourcing.article_sources_exact"] = _ratio(c["article_sources.exact"], n)
    p, r = _ratio(c["flags.tp"], c["flags.n_r"]), _ratio(c["flags.tp"], c["flags.n_g"])
    out["flags.precision"], out["flags.recall"], out["flags.f1"] = p, r, _f1(p, r)
    out["factchecks.right_first"] = _ratio(c["fc.right_first"], c["fc.with"])
    out["factchecks.none_reported"] = _ratio(c["fc.empty"], c["fc.without"])
    out["factchecks.wrong_share"] = _ratio(c["fc.wrong"], c["fc.reported"])
    out["factchecks.reported"] = c["fc.reported"]
    for f in FLAGS:
        out[f"flag.{f}"] = f"{int(c[f'flag.{f}.tp'])}/{int(c[f'flag.{f}.n_g'])} (+{int(c[f'flag.{f}.n_r'] - c[f'flag.{f}.tp'])})"
    return out


# --- running the pipeline ------------------------------------------------------------

def make_analyzer(with_matching: bool = True):
    """A function article row -> report dict, running every stage ``check`` runs."""
    import dataclasses

    from claimscope import Analyzer, Settings, ingest

    given = _corpus() if with_matching else None
    analyzer = Analyzer(Settings(matching=with_matching), resources=given)

    def analyze(row: dict) -> dict:
        article = ingest.from_text(row["text"])
        meta = dataclasses.replace(article.meta, date=row.get("date"))
        return analyzer.analyze(dataclasses.replace(article, meta=meta)).data

    return analyze


def _corpus():
    """Resources holding an index of Snopes (CLEF 2022) and EUvsDisinfo records, in a real
    SQLite store (cached beside the embedding cache, built on first use)."""
    from claimscope import Resources
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    store, index = open_corpus(cached_embedder())
    return Resources(store=store, index=index)


def evaluate(rows: list[dict] | None = None, with_matching: bool = True) -> dict[str, dict]:
    """Figures per split, in the order the splits first appear: {"dev": {...}, "test": {...}, ...}."""
    rows = rows if rows is not None else load()
    analyze = make_analyzer(with_matching)
    by_split: dict[str, dict] = {}
    for split in dict.fromkeys(r["split"] for r in rows):
        part = [r for r in rows if r["split"] == split]
        total: dict[str, float] = defaultdict(float)
        for row in part:
            for k, v in score_article(row, analyze(row)).items():
                total[k] += v
        by_split[split] = summarise(total, len(part))
    return by_split


def readable(split: str) -> bool:
    """Whether articles of ``split`` may be read case by case (``--show``): never a test split."""
    return not split.endswith("test")


def print_table(figures: dict[str, dict]) -> None:
    """One column per split; ``gap`` is test minus dev."""
    dev, test = figures["dev"], figures.get("test", {})
    print(f"{'metric':42}" + "".join(f" {s:>12}" for s in figures) + f" {'gap':>8}")
    for key in dev:
        a, b = dev[key], test.get(key)
        gap = f"{b - a:+.3f}" if isinstance(a, float) and isinstance(b, float) else ""
        print(f"{key:42}" + "".join(f" {_fmt(f.get(key)):>12}" for f in figures.values()) + f" {gap:>8}")


def _fmt(v):
    return "–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def show(row: dict, report: dict) -> None:
    """Gold beside report for one article (never a test split: do not read test case by case)."""
    text = report["article"]["text"]
    print(f"== {row['id']} ({row['lang']}, {row['genre']})")
    for field, kinds in SPAN_FIELDS.items():
        print(f"-- {field}\n  gold: {[o['text'] if isinstance(o, dict) else o for o in row[field]]}")
        print(f"  ours: {[text[f['start']:f['end']] for f in report['findings'] if f['kind'] in kinds]}")
    print("-- attributions (gold)")
    for a in row["attributions"]:
        print(f"  {a['speaker']!r} | {a['cue']!r} | {a['content'][:70]!r} anon={a['anonymous']}")
    print("-- attributions (ours)")
    for p in report["attributions"]:
        print(f"  {p.get('speaker_text')!r} | {p['cue_text']!r} | {p['content_text'][:70]!r} "
              f"anon={p['anonymous']} ent={p.get('speaker_entity')!r}")
    chain = main_chain(report)
    print(f"-- chain gold {row['sourcing_chain']} indep={row['independent_sources']} flags={sorted(row['flags'])}")
    if chain:
        print(f"   ours {[h['name'] for h in chain['hops']]} indep={chain['independent_sources']} "
              f"flags={sorted(reported_flags(report))}")
        print(f"   chain error: {chain_error(row['sourcing_chain'], [h['name'] for h in chain['hops']])}")
        print(f"   main claim gold: {row['main_claim'][:100]!r}")
        print(f"   main claim ours: {text[chain['claim_start']:chain['claim_end']][:100]!r}")
    print(f"-- fact-checks gold {row['factcheck_matches']}")
    for m in report["matches"]:
        print(f"   {match_ref(m)} {m['confidence']:.2f} {m['claim'][:70]!r} <- {m['text'][:60]!r}")
    worthy = [text[c["start"]:c["end"]] for c in report["claims"] if c["checkworthy"]]
    print(f"-- checkworthy: gold {len(row['checkworthy'])}, ours {len(worthy)}")
    for s in worthy:
        mark = "+" if any(overlaps((text.find(s), text.find(s) + len(s)), o)
                          for g in row["checkworthy"] for o in occurrences(text, g)) else "-"
        print(f"   {mark} {s[:100]!r}")
    for g in row["checkworthy"]:
        if not any(g in w or w in g for w in worthy):
            print(f"   MISSED {g[:100]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", nargs="*", help="dev article ids to print gold beside report")
    parser.add_argument("--data", type=Path, action="append", default=[],
                        help="another file of articles in the same format, scored beside the shared "
                             f"ones by its own splits ({BLIND.relative_to(BLIND.parents[2])}: blind-dev, blind-test)")
    parser.add_argument("--no-matching", action="store_true", help="skip the fact-check index")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--tuning", action="store_true",
                        help="score only the splits one may tune on (dev, blind-dev): test figures are "
                             "neither computed nor printed, so a change cannot be chosen by them")
    args = parser.parse_args()
    if not ARTICLES.exists():
        sys.exit(f"{ARTICLES} is absent: the shared evaluation data is not on this machine")
    rows = [row for path in (ARTICLES, *args.data) for row in load(path)
            if readable(row["split"]) or not args.tuning]
    if args.show is not None:
        analyze = make_analyzer(not args.no_matching)
        for row in rows:
            if readable(row["split"]) and (not args.show or row["id"] in args.show):
                show(row, analyze(row))
        return
    figures = evaluate(rows, not args.no_matching)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print_table(figures)


if __name__ == "__main__":
    main()
