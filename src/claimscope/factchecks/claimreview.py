"""schema.org ClaimReview JSON-LD: find the reviews in any JSON shape, read and write them.

Reading accepts a single object, a list, ``@graph``, DataFeed items, reviews nested
anywhere, values as strings, lists or ``{"@value": ...}``, and microdata-style
nodes (``{"type": [...], "properties": {...}}``). Writing follows schema.org and
Google's ClaimReview guidelines; :func:`to_claimreview` and :func:`fields_from_claimreview`
are inverses for every FactCheck field (see docs/factchecks.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import FactCheck

_PERSON = "Person"


def _node(value):
    """A dict with ``@type``; microdata ``properties`` nodes are flattened one level."""
    if type(value) is dict and "properties" in value and "@type" not in value and isinstance(value["properties"], dict):
        return {"@type": value.get("type"), **value["properties"]}
    return value


def types(value) -> set[str]:
    """Short type names of a node ("http://schema.org/ClaimReview" → "ClaimReview")."""
    node = _node(value)
    if not isinstance(node, dict):
        return set()
    raw = node.get("@type", node.get("type"))
    names = raw if isinstance(raw, list) else [raw]
    return {n.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names if isinstance(n, str)}


def _containers(data) -> Iterator[dict | list]:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(value.values())
        elif isinstance(value, list):
            yield value
            stack.extend(value)


def resolve_references(data) -> None:
    """Replace ``{"@id": X}`` stubs by the node with ``@id`` X found elsewhere in ``data``.

    JSON-LD graphs (e.g. from publishing plugins) name the author Organization or the
    reviewed Claim once and point at it by ``@id``. ``data`` (freshly parsed JSON, a
    tree) is changed in place and may afterwards share nodes or contain cycles.
    """
    nodes = {}
    for value in _containers(data):
        if isinstance(value, dict) and isinstance(value.get("@id"), str) and len(value) > 1:
            nodes.setdefault(value["@id"], value)
    if not nodes:
        return
    for value in list(_containers(data)):
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in list(pairs):
            if isinstance(child, dict) and len(child) == 1 and isinstance(child.get("@id"), str):
                value[key] = nodes.get(child["@id"], child)


def find_claimreviews(data) -> Iterator[dict]:
    """Every ClaimReview node in ``data``, in document order (no recursion, any depth).

    ``@id`` references are resolved first (:func:`resolve_references`); a node met
    twice is read once.
    """
    resolve_references(data)
    stack, seen = [data], set()
    while stack:
        found = stack.pop()
        if isinstance(found, (list, dict)):
            # id() of the node as it is in ``data`` (alive throughout), never of the
            # flattened copy _node makes for a microdata node: a freed copy's address is reused.
            if id(found) in seen:
                continue
            seen.add(id(found))
        value = _node(found)
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            if "ClaimReview" in types(value):
                yield value
            else:
                stack.extend(reversed(list(value.values())))


def _items(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _get(node, key):
    node = _node(node)
    return node.get(key) if isinstance(node, dict) else None


def _text(value) -> str | None:
    """Text of a value: a string, a number, ``{"@value": ...}`` or the first of a list."""
    for item in _items(value):
        item = _node(item)
        if isinstance(item, dict):
            item = item.get("@value")
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            return str(item)
        if isinstance(item, str) and item.strip():
            return item.strip()
    return None


def _texts(value) -> list[str]:
    return [t for t in (_text(v) for v in _items(value)) if t]


def _url(value) -> str | None:
    for item in _items(value):
        found = _text(item) if not isinstance(_node(item), dict) else None
        found = found or _text(_get(item, "url")) or _text(_get(item, "contentUrl")) or _text(_get(item, "@id"))
        if found:
            return found
    return None


def _name(value) -> str | None:
    for item in _items(value):
        found = _text(_get(item, "name")) if isinstance(_node(item), dict) else _text(item)
        if found:
            return found
    return None


def _language(value) -> str | None:
    for item in _items(value):
        if isinstance(_node(item), dict):
            found = _text(_get(item, "alternateName")) or _text(_get(item, "name"))
        else:
            found = _text(item)
        if found:
            return found
    return None


def _keywords(value) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    return _texts(value)


def _parties(review: dict) -> tuple[str | None, str | None, str | None]:
    """(publisher name, publisher site, review author) from author/publisher/creator."""
    nodes = [n for key in ("author", "publisher", "creator") for n in _items(_get(review, key))]
    orgs = [n for n in nodes if _PERSON not in types(n) and _name(n)]
    people = [n for n in nodes if _PERSON in types(n) and _name(n)]
    org = orgs[0] if orgs else None
    site = _text(_get(org, "url")) or _text(_get(org, "sameAs")) if org is not None else None
    author = _name(people[0]) if people else None
    return (_name(org) if org is not None else author), site, (author if org is not None else None)


def fields_from_claimreview(review: dict) -> dict:
    """FactCheck fields (as :func:`claimscope.factchecks.record.build` expects) of one node."""
    review = _node(review)
    item = _node(_items(_get(review, "itemReviewed"))[0]) if _get(review, "itemReviewed") else {}
    rating = _node(_items(_get(review, "reviewRating"))[0]) if _get(review, "reviewRating") else {}
    appearance_nodes = _items(_get(item, "appearance")) + _items(_get(item, "firstAppearance"))
    appearances = [_url(n) for n in appearance_nodes if _url(n)]
    appearances += [u for key in ("url", "sameAs") for u in _texts(_get(item, key))]
    outlets = [_name(_get(n, "publisher")) for n in appearance_nodes if not _url(n)]
    publisher, site, review_author = _parties(review)
    review_url = _text(_get(review, "url"))
    if not review_url and (_text(_get(review, "@id")) or "").startswith(("http://", "https://")):
        review_url = _text(_get(review, "@id"))
    return {
        "claim": _text(_get(review, "claimReviewed")) or _text(_get(item, "text")) or _text(_get(item, "name")),
        "rating": _text(_get(rating, "alternateName")) or _text(_get(rating, "name"))
        or (_text(rating) if not isinstance(rating, dict) else None),
        "rating_value": _text(_get(rating, "ratingValue")),
        "rating_best": _text(_get(rating, "bestRating")),
        "rating_worst": _text(_get(rating, "worstRating")),
        "claimant": _name(_get(item, "author")),
        "claim_date": _text(_get(item, "datePublished")) or _text(_get(item, "dateCreated")),
        "appearances": appearances,
        "review_url": review_url,
        "publisher": publisher,
        "publisher_site": site,
        "review_author": review_author,
        "review_date": _text(_get(review, "datePublished")) or _text(_get(review, "dateCreated")),
        "language": _language(_get(review, "inLanguage")),
        "title": _text(_get(review, "name")) or _text(_get(review, "headline")),
        "summary": _text(_get(review, "description")),
        "image_urls": [u for u in (_url(n) for n in _items(_get(review, "image"))) if u],
        "keywords": _keywords(_get(review, "keywords")),
        "countries": [n for n in (_name(c) for c in _items(_get(review, "spatialCoverage"))) if n],
        "outlets": [o for o in outlets if o],
        "languages": [n for n in (_language(v) for v in _items(_get(item, "inLanguage"))) if n],
        "source_ref": _text(_get(review, "identifier")),
    }


def _number(value: float | None):
    return int(value) if value is not None and value.is_integer() else value


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def to_claimreview(record: FactCheck) -> dict:
    """One ClaimReview JSON-LD object for ``record`` (schema.org + Google's guidelines)."""
    rating = _drop_empty({
        "@type": "Rating",
        "alternateName": record.rating,
        "ratingValue": _number(record.rating_value),
        "bestRating": _number(record.rating_best),
        "worstRating": _number(record.rating_worst),
    })
    appearances = [{"@type": "CreativeWork", "url": u} for u in record.appearances]
    appearances += [
        {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": o}} for o in record.outlets
    ]
    item = _drop_empty({
        "@type": "Claim",
        "author": {"@type": _PERSON, "name": record.claimant} if record.claimant else None,
        "datePublished": record.claim_date,
        "appearance": appearances,
        "inLanguage": list(record.languages),
    })
    author = _drop_empty({"@type": "Organization", "name": record.publisher, "url": record.publisher_site})
    return _drop_empty({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": record.review_url,
        "identifier": record.source_ref,
        "claimReviewed": record.claim,
        "author": author if record.publisher else None,
        "creator": {"@type": _PERSON, "name": record.review_author} if record.review_author else None,
        "datePublished": record.review_date,
        "inLanguage": record.language,
        "name": record.title,
        "description": record.summary,
        "image": list(record.image_urls),
        "keywords": list(record.keywords),
        "spatialCoverage": [{"@type": "Country", "name": c} for c in record.countries],
        "reviewRating": rating if len(rating) > 1 else None,
        "itemReviewed": item,
    })
