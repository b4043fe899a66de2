"""Bytes to text: encoding detection, binary refusal, and the one text normalisation.

Every offset a later stage reports points into the text :func:`normalize_text`
returns, which becomes ``Article.text``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError
from ..model import Article, Meta

MAX_BYTES = 16 * 1024 * 1024  # 16 MiB: the largest input (file, stdin, URL body, batch record)
TITLE_MAX_CHARS = 250  # a plain text's first line is its title when at most this long

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (  # binary formats people paste by mistake, named in the error
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\x1f\x8b", "a gzip archive"),
)
_SAMPLE = 65536  # bytes inspected for binary content and UTF-16 evidence
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])  # not VT, FF
_MAX_CONTROL_RATIO = 0.01
_MIN_UTF16_NULS = 8  # fewer NUL bytes than this is no evidence of UTF-16 (a stray NUL in a short file)
# The codecs a declared charset may name: the encodings of the WHATWG Encoding Standard
# that Python has. Other codec labels (undefined, rot13, base64, idna, utf-7...) are ignored.
_TEXT_CODECS = frozenset({
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic",
    "cp874", *(f"cp{n}" for n in range(1250, 1259)), *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    "gbk", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
})
_LATIN1_CODECS = {"latin-1", "iso8859-1", "ascii"}  # read as cp1252, as browsers do

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_UNWANTED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")  # after _NEWLINES ran
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """The normalised form every offset points into.

    Line breaks (CRLF, CR, NEL, VT, FF, U+2028, U+2029) become ``\\n``; the text is
    put in Unicode NFC; BOMs / zero-width no-break spaces (U+FEFF) and control
    characters other than ``\\n`` and ``\\t`` are dropped; lone surrogates become
    U+FFFD. Nothing else changes (no trimming, no whitespace folding).
    """
    text = _NEWLINES.sub("\n", text)
    if _UNWANTED.search(text):
        text = _UNWANTED.sub("", text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def decode_bytes(raw: bytes, *, declared: str | None = None, name: str = "the input") -> tuple[str, str]:
    """Decode ``raw`` to ``(text, encoding)``; never fails on undecodable bytes.

    Order: a BOM (UTF-8/16/32); UTF-16 without BOM when the NUL-byte pattern makes it
    evident; refusal of binary content; clean UTF-8; the ``declared`` charset (HTTP
    header or HTML meta); mostly UTF-8 with a few bad bytes; then charset-normalizer
    (cp1252, cp1250, cp1251, koi8-r...; a tie goes to cp1252), with cp1252 and
    replacement characters as the last resort.
    Raises :class:`InputError` for binary content (NUL bytes, many control bytes, a
    known binary signature); ``name`` says which input in that message.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding, errors="replace"), encoding
    utf16 = _evident_utf16(raw) if 0 in raw[:_SAMPLE] else None
    if utf16:
        return raw.decode(utf16), utf16
    _refuse_binary(raw, name)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode_8bit(raw, declared)


def _evident_utf16(raw: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs sit on one byte parity only and it decodes."""
    sample = raw[: _SAMPLE & ~1]
    if len(raw) % 2 or not sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= max(0.05 * half, _MIN_UTF16_NULS) and other <= 0.001 * half:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _refuse_binary(raw: bytes, name: str) -> None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise InputError(f"{name} is {kind}, not text or HTML: extract its text first")
    sample = raw[:_SAMPLE]
    if 0 in sample:
        raise InputError(f"{name} looks like a binary file (it contains NUL bytes): give a text or HTML file")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise InputError(
            f"{name} looks like a binary file ({controls} control bytes in the first "
            f"{len(sample)}): give a text or HTML file"
        )


def _decode_8bit(raw: bytes, declared: str | None) -> tuple[str, str]:
    if declared:
        encoding = _codec_name(declared)
        if encoding:
            return raw.decode(encoding, errors="replace"), encoding
    lenient = raw.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    non_ascii = len(lenient) - len(lenient.encode("ascii", errors="ignore"))
    if non_ascii - bad > bad:  # more well-formed multibyte characters than bad bytes
        return lenient, "utf-8"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        return raw.decode("cp1252", errors="replace"), "cp1252"
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = next((m for m in tied if m.encoding == "cp1252"), best)  # ties go to the web's usual legacy charset
    return str(best), codecs.lookup(best.encoding).name


def _codec_name(label: str) -> str | None:
    """Python's codec for a declared charset label, when it is a text encoding; latin-1/ASCII read as cp1252."""
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except (LookupError, ValueError):
        return None
    if name in _LATIN1_CODECS:
        return "cp1252"
    return name if name in _TEXT_CODECS else None


def size_label(size: int) -> str:
    """A byte count for messages: "16 MiB", "200 MiB", "512 bytes"."""
    return f"{size / 2**20:.3g} MiB" if size >= 2**20 else f"{size} bytes"


def title_of(text: str) -> str | None:
    """The first non-empty line of a plain text, when short enough to be a title."""
    for line in text.split("\n", 50)[:50]:
        line = line.strip()
        if line:
            return line if len(line) <= TITLE_MAX_CHARS else None
    return None


def from_text(text: str, *, name: str = "the input", **meta) -> Article:
    """An article from plain text: normalised, refused when empty, titled by its first line.

    ``meta`` are further :class:`Meta` fields (source, encoding, url...).
    """
    text = normalize_text(text)
    require_text(text, name)
    return Article(text=text, meta=Meta(title=title_of(text), content_type="text", **meta))


def require_text(text: str, name: str) -> None:
    """Refuse an empty or whitespace-only text with a clear error."""
    if not text:
        raise InputError(f"{name} is empty: nothing to check")
    if text.isspace():
        raise InputError(f"{name} contains only whitespace: nothing to check")
