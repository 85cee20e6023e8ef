"""Readers: every bad input gets a clear, coded error naming it; batches carry on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique import sources
from communique.errors import InputError
from communique.records import Article, Failure

PAGE = """<!DOCTYPE html><html><head><title>Poland expels Russian diplomats</title>
<meta property="article:published_time" content="2024-05-21T10:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Poland expels Russian diplomats</h1>
<p>Poland expelled five Russian diplomats on Tuesday, the foreign ministry in Warsaw said,
accusing them of activities incompatible with their status.</p>
<p>The ministry said the diplomats had 72 hours to leave the country and that Moscow's
ambassador had been summoned to hear the decision.</p></article>
<section class="comments"><h3>Post a Comment</h3><p>They should expel all of them!</p></section>
<footer>Copyright 2024 Example News</footer></body></html>"""


def test_text_file_keeps_headline_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline here\n\nBody text of the story.\n", encoding="utf-8")
    article = sources.read_file(path, published=date(2024, 1, 2))
    assert article.text.startswith("Headline here")
    assert article.title == "Headline here"
    assert article.published == date(2024, 1, 2)
    assert len(article.id) == 16


def test_html_drops_navigation_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = sources.read_file(path)
    assert "expelled five Russian diplomats" in article.text
    assert "Post a Comment" not in article.text
    assert "expel all of them" not in article.text
    assert article.text.startswith("Poland expels Russian diplomats")
    assert "Copyright" not in article.text
    assert article.published == date(2024, 5, 21)
    assert article.fmt == "html"


@pytest.mark.parametrize(
    ("content", "suffix", "code"),
    [
        (b"", ".txt", "E102"),
        (b"   \n\n  ", ".txt", "E102"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ".txt", "E103"),
        ("Caf\u00e9 talks in Z\u00fcrich".encode("latin-1"), ".txt", "E104"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", ".html", "E105"),
        (b"some text", ".pdf", "E108"),
    ],
    ids=["empty", "blank", "binary", "latin1", "html-without-text", "unsupported"],
)
def test_bad_files_fail_with_a_code_naming_the_file(
    tmp_path: Path, content: bytes, suffix: str, code: str
) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        sources.read_file(path)
    assert err.value.code == code
    assert str(path) in str(err.value)


def test_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    items = list(sources.read_path(tmp_path / "nope.txt"))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].code == "E101"


def test_folder_reports_bad_file_and_carries_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("India and China held talks.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,published,title,url\na.txt,2024-03-01,Talks,https://example.org/a\n", encoding="utf-8"
    )
    items = list(sources.read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    first = items[0]
    assert isinstance(first, Article)
    assert first.published == date(2024, 3, 1) and first.url == "https://example.org/a"


def test_jsonl_bad_lines_are_named_by_line_number(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a", "text": "India and China held talks.", "published": "2024-03-01"}\n'
        "{not json\n"
        '["a list"]\n'
        '{"id": "d", "title": "no body"}\n'
        '{"id": "e", "text": "x", "published": "yesterday"}\n'
        f'{{"id": "f", "html": {__import__("json").dumps(PAGE)}}}\n',
        encoding="utf-8",
    )
    items = list(sources.read_jsonl(path))
    kinds = [(type(i).__name__, getattr(i, "code", None), getattr(i, "line", None)) for i in items]
    assert kinds == [
        ("Article", None, None),
        ("Failure", "E106", 2),
        ("Failure", "E106", 3),
        ("Failure", "E107", 4),
        ("Failure", "E109", 5),
        ("Article", None, None),
    ]
    assert items[0].id == "a"  # type: ignore[union-attr]
    assert "docs.jsonl:2" in str(items[1])


def test_parse_date_accepts_iso_forms() -> None:
    assert sources.parse_date("2025-06-27", source="x") == date(2025, 6, 27)
    assert sources.parse_date("2025-06-27T10:00:00Z", source="x") == date(2025, 6, 27)
    assert sources.parse_date(None, source="x") is None
    with pytest.raises(InputError):
        sources.parse_date("27/06/2025", source="x")
