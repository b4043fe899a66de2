"""load(): paths and standard input, with a clear error for every bad input."""

import io
import os
import subprocess
import sys

import pytest

from claimscope.errors import FetchError, InputError
from claimscope.ingest import MAX_BYTES, from_bytes, load
from tests.ingest.samples import ARTICLE_HTML, FRENCH, POLISH, RUSSIAN, VIETNAMESE


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def test_loads_a_utf8_text_file(tmp_path):
    source = write(tmp_path, "article.txt", "Titre de l'article\n\n" + FRENCH)
    article = load(source)
    assert article.text == "Titre de l'article\n\n" + FRENCH
    meta = article.meta
    assert (meta.title, meta.source, meta.encoding, meta.content_type) == (
        "Titre de l'article", source, "utf-8", "text"
    )


@pytest.mark.parametrize(
    "text, encoding",
    [(VIETNAMESE, "utf-16"), (FRENCH, "cp1252"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (POLISH, "cp1250")],
)
def test_loads_legacy_and_utf16_files(tmp_path, text, encoding):
    article = load(write(tmp_path, "a.txt", (text * 3).replace("\n", "\r\n").encode(encoding)))
    assert article.text == text * 3
    assert article.meta.encoding


def test_accepts_a_path_object(tmp_path):
    assert load(tmp_path / write(tmp_path, "a.txt", FRENCH)).text == FRENCH


def test_loads_an_html_file_by_extension(tmp_path):
    article = load(write(tmp_path, "page.html", ARTICLE_HTML))
    assert article.meta.content_type == "html"
    assert article.meta.title == "Le maire annonce un nouveau pont"
    assert "douze millions" in article.text and "<p>" not in article.text


def test_sniffs_html_without_an_extension(tmp_path):
    assert load(write(tmp_path, "download", ARTICLE_HTML)).meta.content_type == "html"


def test_sniffs_utf16_html(tmp_path):
    assert load(write(tmp_path, "page", ARTICLE_HTML.encode("utf-16"))).meta.content_type == "html"


def test_a_txt_file_stays_plain_text_even_with_markup(tmp_path):
    article = load(write(tmp_path, "notes.txt", "<p>Une balise citée telle quelle.</p>"))
    assert article.meta.content_type == "text"
    assert article.text == "<p>Une balise citée telle quelle.</p>"


def test_html_meta_charset_decodes_legacy_bytes(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body><p>' + RUSSIAN + "</p></body></html>"
    article = load(write(tmp_path, "ru.html", page.encode("cp1251")))
    assert article.meta.encoding == "cp1251"
    assert RUSSIAN.strip() in article.text


def test_reads_standard_input():
    article = load("-", stdin=io.BytesIO(("Titre\n\n" + VIETNAMESE).encode("utf-16")))
    assert article.text == "Titre\n\n" + VIETNAMESE
    assert (article.meta.source, article.meta.title) == ("-", "Titre")


def test_reads_html_from_standard_input():
    assert load("-", stdin=io.BytesIO(ARTICLE_HTML.encode())).meta.content_type == "html"


def test_from_bytes_names_the_input_in_errors():
    with pytest.raises(InputError, match="^upload.txt is empty"):
        from_bytes(b"", name="upload.txt")


# ---- one clear error per bad input -------------------------------------------------

def test_empty_file(tmp_path):
    source = write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError, match=f"^{source} is empty: nothing to check$"):
        load(source)


def test_whitespace_only_file(tmp_path):
    with pytest.raises(InputError, match="contains only whitespace: nothing to check"):
        load(write(tmp_path, "blank.txt", " \r\n\t\n  "))


def test_binary_file(tmp_path):
    with pytest.raises(InputError, match="looks like a binary file"):
        load(write(tmp_path, "noise.txt", os.urandom(2048) + b"\x00"))


def test_image_file(tmp_path):
    with pytest.raises(InputError, match="is a PNG image, not text or HTML"):
        load(write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)))


def test_a_200_mb_file_is_refused_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: takes no disk space, never read
    with pytest.raises(InputError, match=r"is 200 MiB, over the 16 MiB input limit"):
        load(str(path))


def test_the_limit_is_sixteen_mib():
    assert MAX_BYTES == 16 * 2**20


def test_a_smaller_limit_applies(tmp_path):
    with pytest.raises(InputError, match="over the"):
        load(write(tmp_path, "a.txt", FRENCH), max_bytes=20)


def test_html_without_text(tmp_path):
    page = "<html><head><script>var x = 1;</script><style>p {}</style></head><body></body></html>"
    with pytest.raises(InputError, match=r"^no article text found in .*empty\.html"):
        load(write(tmp_path, "empty.html", page))


def test_a_directory(tmp_path):
    with pytest.raises(InputError, match=f"^{tmp_path} is a directory: give the path of one file"):
        load(str(tmp_path))


def test_a_missing_path(tmp_path):
    with pytest.raises(InputError, match="does not exist: check the path"):
        load(str(tmp_path / "nowhere.txt"))


def test_a_path_below_a_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load(write(tmp_path, "a.txt", "x") + "/b.txt")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permission_denied(tmp_path):
    source = write(tmp_path, "secret.txt", FRENCH)
    os.chmod(source, 0)
    # root reads any file: the child gives up root after importing, as an ordinary user would be
    code = (
        "import os, sys\n"
        "from claimscope.errors import InputError\n"
        "from claimscope.ingest import load\n"
        "if os.geteuid() == 0: os.setuid(65534)\n"
        "try: load(sys.argv[1])\n"
        "except InputError as err: print(err)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, source], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"cannot read {source}: permission denied (check the file's permissions)"


def test_standard_input_too_large():
    with pytest.raises(InputError, match="^standard input is over the"):
        load("-", stdin=io.BytesIO(b"x" * 101), max_bytes=100)


def test_empty_standard_input():
    with pytest.raises(InputError, match="^standard input is empty"):
        load("-", stdin=io.BytesIO(b""))


def test_standard_input_from_a_terminal():
    class Terminal(io.BytesIO):
        def isatty(self):
            return True

    with pytest.raises(InputError, match="nothing on standard input: pipe an article in"):
        load("-", stdin=Terminal())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/article.txt", "gopher://x/"])
def test_non_http_urls_are_refused(url):
    with pytest.raises(FetchError, match="only http:// and https:// URLs can be fetched"):
        load(url)
