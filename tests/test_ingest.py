"""Tests for graphkit.ingest: every input format, the header rules, dates, errors and the dev corpus check."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import io
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import SHARED
from hypothesis import given
from hypothesis import strategies as st

from graphkit.errors import InputError
from graphkit.ingest import UndatedArticleWarning, parse_date, parse_html, parse_text, read_articles
from graphkit.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
REPO = Path(__file__).parents[1]
CORPUS = SHARED / "corpus" / "dev"

undated_ok = pytest.mark.filterwarnings("ignore::graphkit.ingest.UndatedArticleWarning")


def read_all(*inputs: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(inputs, **kwargs))  # type: ignore[arg-type]  # kwargs are the keyword options


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


# --- headers -------------------------------------------------------------------------------------------

HEADER_CASES = [
    pytest.param(
        "Title: Talks Resume\nSource: https://www.north-gazette.example/a/1\nPublished: 2024-03-14\n"
        "\nBody here.\n",
        {
            "title": "Talks Resume",
            "url": "https://www.north-gazette.example/a/1",
            "outlet": "north-gazette.example",
            "published": dt.date(2024, 3, 14),
        },
        "Body here.\n",
        id="key-value header",
    ),
    pytest.param(
        "Talks Resume in Oslo\n\nThe ministers met on Tuesday.",
        {"title": None, "url": None, "published": None},
        "Talks Resume in Oslo\n\nThe ministers met on Tuesday.",
        id="title line is not a header",
    ),
    pytest.param(
        "Update: the meeting moved to Riga.\n\nThe envoys meet on Friday.",
        {"title": None},
        "Update: the meeting moved to Riga.\n\nThe envoys meet on Friday.",
        id="unknown key alone is body",
    ),
    pytest.param(
        "Title: Talks\nThe envoys met.\n\nMore text.",
        {"title": None},
        "Title: Talks\nThe envoys met.\n\nMore text.",
        id="one non-header line makes the block body",
    ),
    pytest.param(
        "\nTitle: Talks\n\nThe envoys met.",
        {"title": None},
        "\nTitle: Talks\n\nThe envoys met.",
        id="header must start on line 1",
    ),
    pytest.param(
        "Title: Talks\r\nDate: 10 Feb 2026\r\n\r\nLine one.\r\nLine two.\r\n",
        {"title": "Talks", "published": dt.date(2026, 2, 10)},
        "Line one.\r\nLine two.\r\n",
        id="CRLF kept in the body",
    ),
    pytest.param(
        "URL: https://www.themoscowtimes.com/x\nOutlet: The Moscow Times\nLanguage: en-GB\nLicense: CC0\n"
        "\nText.",
        {
            "url": "https://www.themoscowtimes.com/x",
            "outlet": "The Moscow Times",
            "language": "en",
            "licence": "CC0",
        },
        "Text.",
        id="URL, outlet, language tag, US spelling of licence",
    ),
    pytest.param(
        "Source: Coastal Wire\nPublished: February 10, 2026\n\nText.",
        {"url": None, "outlet": "Coastal Wire", "published": dt.date(2026, 2, 10)},
        "Text.",
        id="non-URL source names the outlet",
    ),
    pytest.param(
        "Published: 2024-01-02\nDate: 2023-05-06\nAuthor: A. Writer\n\nText.",
        {"published": dt.date(2024, 1, 2)},
        "Text.",
        id="first date line wins, unknown keys ignored",
    ),
    pytest.param(
        "\ufeffTitle: Talks\n\nText.",
        {"title": "Talks"},
        "Text.",
        id="byte-order mark dropped",
    ),
    pytest.param(
        "---\ntitle: Envoy Visits\npublished: 2023-11-07\nurl: https://www.savanna-post.example/b\n"
        "---\n# Head\n",
        {"title": "Envoy Visits", "published": dt.date(2023, 11, 7), "outlet": "savanna-post.example"},
        "# Head\n",
        id="YAML front matter",
    ),
    pytest.param(
        "---\nJust a rule, never closed.\n",
        {"title": None},
        "---\nJust a rule, never closed.\n",
        id="unclosed --- is body",
    ),
]


@pytest.mark.parametrize(("raw", "expected", "body"), HEADER_CASES)
@undated_ok
def test_parse_text_header(raw: str, expected: dict[str, object], body: str) -> None:
    article = parse_text(raw, id="case", source="case.txt")
    assert article.text == body
    assert {field: getattr(article, field) for field in expected} == expected


def test_text_fixture_body_is_exact_slice_of_file() -> None:
    raw = fixture_text("header.txt")
    article = next(iter(read_articles([FIXTURES / "header.txt"])))
    assert isinstance(article, Article)
    start = raw.index("The foreign ministers")
    assert article.text == raw[start:]
    assert raw[start - 2 : start] == "\n\n"  # the header's blank line is not part of the body
    assert article.model_dump(exclude={"text", "source", "encoding"}) == {
        "id": "header",
        "url": "https://www.baltic-ledger.example/2024/05/02/grain-corridor",
        "title": "Ministers Agree to Reopen the Grain Corridor",
        "published": dt.date(2024, 5, 2),
        "outlet": "baltic-ledger.example",
        "language": "en",
        "licence": "CC BY 4.0 (fixture written for graphkit)",
    }


@pytest.mark.parametrize("name", ["plain.txt", "update.txt"])
@undated_ok
def test_text_fixture_without_header_is_all_body(name: str) -> None:
    (article,) = read_all(FIXTURES / name)
    assert isinstance(article, Article)
    assert (article.text, article.title, article.published) == (fixture_text(name), None, None)


def test_markdown_front_matter_fixture() -> None:
    (article,) = read_all(FIXTURES / "briefing.md")
    assert isinstance(article, Article)
    assert (article.id, article.title, article.outlet, article.language) == (
        "briefing",
        "Envoy Visits Nairobi",
        "Savanna Post",
        "en",
    )
    assert article.published == dt.date(2023, 11, 7)
    assert article.text == fixture_text("briefing.md").split("---\n", 2)[2]
    assert article.text.startswith("# Envoy Visits Nairobi\n")


TEXT_ERRORS = [
    pytest.param(
        "Title: Talks\nPublished: last Tuesday\n\nText.", 2, "bad publication date", id="relative date"
    ),
    pytest.param(
        "Title: T\nSource: https://a.example/x\nDate: 31 Feb 2024\n\nText.",
        3,
        "bad publication",
        id="bad day",
    ),
    pytest.param("Title: T\nDate: 03/04/2024\n\nText.", 2, "day-month or month-day", id="ambiguous numeric"),
    pytest.param("Title: Only a header\nPublished: 2024-01-01\n", None, "no body text", id="header only"),
    pytest.param("Title: Blank body\n\n  \n\t\n", None, "no body text", id="whitespace body"),
    pytest.param("", None, "no body text", id="empty file"),
    pytest.param("---\ntitle: [unclosed\n---\nText.", 2, "not valid YAML", id="bad YAML"),
    pytest.param("---\n- a\n- b\n---\nText.", 2, "is a list", id="YAML list"),
    pytest.param("---\ntitle: T\npublished: soon\n---\nText.", 3, "bad publication date", id="bad YAML date"),
    pytest.param("---\ntitle: [a, b]\n---\nText.", 2, "list or mapping", id="YAML list value"),
]


@pytest.mark.parametrize(("raw", "line", "reason"), TEXT_ERRORS)
def test_parse_text_errors(raw: str, line: int | None, reason: str) -> None:
    with pytest.raises(InputError) as info:
        parse_text(raw, id="bad", source="bad.txt", published=dt.date(2024, 1, 1))
    assert (info.value.source, info.value.line) == ("bad.txt", line)
    assert reason in info.value.reason


# --- dates ---------------------------------------------------------------------------------------------

DATES = [
    ("2026-02-10", dt.date(2026, 2, 10)),
    ("2026-02-10T23:30:00-05:00", dt.date(2026, 2, 10)),  # the day as written, not converted to UTC
    ("2026-02-10T08:00:00Z", dt.date(2026, 2, 10)),
    ("February 10, 2026", dt.date(2026, 2, 10)),
    ("10 Feb 2026", dt.date(2026, 2, 10)),
    ("Tue, 10 Feb 2026 08:00:00 +0300", dt.date(2026, 2, 10)),
    ("25.12.2025", dt.date(2025, 12, 25)),
    (dt.datetime(2026, 2, 10, 23, 59), dt.date(2026, 2, 10)),
]


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_parse_date(value: str | dt.date, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["today", "yesterday", "2 days ago", "next Tuesday", "February 10", "Feb 2026", "03/04/2026", "", "soon"],
)
def test_parse_date_refuses_relative_and_incomplete(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


# --- publication date fallback -------------------------------------------------------------------------

FALLBACK = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    ("raw", "given", "expected"),
    [
        ("The envoys met on Tuesday.", FALLBACK, FALLBACK),
        ("Published: 2023-02-03\n\nThe envoys met on Tuesday.", FALLBACK, dt.date(2023, 2, 3)),
        ("Published: 2023-02-03\n\nThe envoys met on Tuesday.", None, dt.date(2023, 2, 3)),
    ],
)
def test_published_fallback(raw: str, given: dt.date | None, expected: dt.date, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "x", "published": None}) + "\n", encoding="utf-8")
    (article,) = read_all(tmp_path / "a.txt", published=given)
    assert isinstance(article, Article)
    assert article.published == expected
    (record,) = read_all(tmp_path / "b.jsonl", published=FALLBACK)
    assert isinstance(record, Article)
    assert record.published == FALLBACK


def test_missing_date_warns_and_stays_none() -> None:
    with pytest.warns(UndatedArticleWarning, match="relative dates .* unresolved"):
        article = parse_text("The envoys met on Tuesday.", id="a", source="a.txt")
    assert article.published is None


def test_dated_article_does_not_warn() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_text("Published: 2024-01-01\n\nText.", id="a")


# --- JSON ----------------------------------------------------------------------------------------------


def test_jsonl_broken_lines_reported_and_good_ones_kept() -> None:
    items = read_all(FIXTURES / "records.jsonl")
    source = str(FIXTURES / "records.jsonl")
    good = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [a.id for a in good] == ["r-first", "records-6"]
    assert [(a.published, a.outlet) for a in good] == [
        (dt.date(2022, 8, 19), "coastal-wire.example"),
        (dt.date(2022, 8, 20), "Coastal Wire"),
    ]
    assert [(e.source, e.line) for e in errors] == [(source, 2), (source, 3), (source, 4)]
    assert "not JSON" in errors[0].reason
    assert "'text'" in errors[1].reason
    assert "next Tuesday" in errors[2].reason
    assert str(errors[0]).startswith(f"{source}:2: ")
    assert [type(item).__name__ for item in items] == ["Article", *["InputError"] * 3, "Article"]


def test_json_list_with_line_numbers() -> None:
    items = read_all(FIXTURES / "records.json")
    first, error, third = items
    assert isinstance(first, Article) and isinstance(third, Article) and isinstance(error, InputError)
    assert (first.id, first.title, first.published) == ("j-one", "Envoys Meet in Hanoi", dt.date(2021, 6, 30))
    assert (third.id, third.licence) == ("records-3", "CC0")
    assert error.line == 8
    assert error.reason.startswith("item 2: bad 'published' date")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"text": "Leaders met.", "published": "2020-01-02"}', ("single", "Leaders met.")),
        ('{"id": 7, "text": "Leaders met.", "published": "2020-01-02"}', ("7", "Leaders met.")),
        ('{"text": "Leaders met.", "published": "2020-01-02", "title": 5}', "'title' must be a string"),
        ('{"text": "   ", "published": "2020-01-02"}', "no body text"),
        ('{"id": true, "text": "Leaders met."}', "'id' must be"),
        ("[1, 2", "not JSON"),
        ("42", "is a JSON int"),
    ],
)
def test_json_single_record(content: str, expected: tuple[str, str] | str, tmp_path: Path) -> None:
    path = tmp_path / "single.json"
    path.write_text(content, encoding="utf-8")
    (item,) = read_all(path)
    if isinstance(expected, tuple):
        assert isinstance(item, Article)
        assert (item.id, item.text) == expected
    else:
        assert isinstance(item, InputError)
        assert expected in item.reason
        assert item.source == str(path)


# --- feeds ---------------------------------------------------------------------------------------------


def test_rss_feed() -> None:
    first, second = read_all(FIXTURES / "feed.rss")
    assert isinstance(first, Article)
    assert first.id == "harbourherald-example-world-2024-04-02-ministers-meet-in-oslo"
    assert first.text == (
        "The foreign ministers of Norway and Chile met in Oslo on Tuesday.\n"
        "They discussed Antarctic research."
    )
    assert first.published == dt.date(2024, 4, 2)  # 23:30 -05:00 is 3 April in UTC; the outlet's day is kept
    assert (first.title, first.outlet, first.language) == (
        "Foreign Ministers Meet in Oslo",
        "Harbour Herald World",
        "en",
    )
    assert first.url == "https://www.harbourherald.example/world/2024/04/02/ministers-meet-in-oslo"
    assert isinstance(second, InputError)
    assert second.reason.startswith(
        "entry 2 (https://www.harbourherald.example/world/2024/04/03/envoy-recalled)"
    )
    assert "sometime last week" in second.reason


@undated_ok
def test_atom_feed() -> None:
    first, second = read_all(FIXTURES / "feed.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "tag-savanna-post-example-2023-entry-17"
    assert first.published == dt.date(2023, 11, 8)
    assert first.text == (
        "The presidents of Kenya and Tanzania held a phone call on Tuesday night.\n"
        "They agreed to resume border talks."
    )
    assert (second.id, second.text, second.published) == (
        "savanna-post-example-diplomacy-undated-note",
        "A delegation is expected in Dodoma.",
        None,
    )
    assert second.outlet == "Savanna Post Diplomacy"


def test_feed_does_not_read_files_named_inside_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    feed = tmp_path / "evil.rss"
    feed.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>\n'
        '<rss version="2.0"><channel><title>T</title><item><link>https://e.example/1</link>'
        "<pubDate>Tue, 02 Apr 2024 10:00:00 +0000</pubDate><description>Before &leak; after.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    for item in read_all(feed):
        text = item.text if isinstance(item, Article) else str(item)
        assert "TOP-SECRET-VALUE" not in text


@pytest.mark.parametrize("content", ["<html><body><p>Not a feed.</p></body></html>", "plain words"])
def test_xml_that_is_not_a_feed(content: str, tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text(content, encoding="utf-8")
    (item,) = read_all(path)
    assert isinstance(item, InputError)
    assert "not an RSS or Atom feed" in item.reason


# --- HTML ----------------------------------------------------------------------------------------------


def test_html_fixture() -> None:
    (article,) = read_all(FIXTURES / "summit.html")
    assert isinstance(article, Article)
    assert article.model_dump(include={"id", "title", "url", "published", "outlet"}) == {
        "id": "summit",
        "title": "Envoys Meet in Valletta to Revive Fisheries Talks",
        "url": "https://www.harbourherald.example/world/2024/03/14/envoys-meet-in-valletta",
        "published": dt.date(2024, 3, 14),
        "outlet": "Harbour Herald",
    }
    assert "The foreign ministers of Iceland and Portugal met in Valletta on Wednesday" in article.text
    assert "report to both governments before the summer recess." in article.text
    for boilerplate in ("Subscribe now", "Privacy policy", "All rights reserved", "Sport"):
        assert boilerplate not in article.text


@undated_ok
def test_html_without_metadata_uses_arguments() -> None:
    page = "<html><body><article>" + "<p>The envoys met in Rabat to discuss fisheries and trade.</p>" * 3
    article = parse_html(page + "</article></body></html>", id="p", url="https://www.rabat-daily.example/x")
    assert (article.url, article.outlet, article.published) == (
        "https://www.rabat-daily.example/x",
        "rabat-daily.example",
        None,
    )
    dated = parse_html(page, id="p", published=FALLBACK)
    assert dated.published == FALLBACK


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_html("<html><head><title>Index</title></head><body></body></html>", id="x", source="x.html")


# --- files and folders ---------------------------------------------------------------------------------


@undated_ok
def test_folder_order_and_filtering(tmp_path: Path) -> None:
    files = {
        "b.txt": "Second.",
        "a.md": "First.",
        "sub/c.txt": "Third.",
        "sub/deeper/d.jsonl": '{"text": "Fourth."}\n',
        "z.htm": "<html><body><article>" + "<p>Fifth text about a meeting of ministers in Accra.</p>" * 3,
        ".hidden.txt": "Hidden file.",
        ".git/e.txt": "Hidden folder.",
        "notes.docx": "Unknown suffix.",
        "README": "No suffix.",
        "sub/README.md": "Describes the folder.",
        "LICENSE.txt": "Licence terms.",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    items = read_all(tmp_path)
    assert all(isinstance(item, Article) for item in items)
    # files directly in the folder keep their stem; deeper ones keep the path below it
    assert [item.id for item in items if isinstance(item, Article)] == [
        "a",
        "b",
        "z",
        "sub/c",
        "sub/deeper/d-1",
    ]


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"),
    [
        ("missing.txt", None, None, "no such file or folder; give a file (.txt"),
        ("", None, None, "an empty input name"),
        ("ftp://files.example/a.txt", None, None, "unsupported address scheme 'ftp'"),
        ("notes.docx", b"Words.", None, "unknown file type '.docx'; accepted: .txt, .md"),
        ("latin.jsonl", '{"text": "Caf\xe9"}'.encode("latin-1"), 1, "not UTF-8 text (byte 0xe9"),
        ("empty.txt", b"", None, "no body text"),
        ("header-only.md", b"Title: T\nPublished: 2020-01-01\n", None, "no body text"),
    ],
)
def test_file_errors(name: str, content: bytes | None, line: int | None, reason: str, tmp_path: Path) -> None:
    path = tmp_path / name if name and "://" not in name else name
    if content is not None:
        (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Published: 2020-01-01\n\nThe envoys met.", encoding="utf-8")
    error, article = read_all(path, good)  # the error does not stop the next input
    assert isinstance(error, InputError) and isinstance(article, Article)
    assert (error.source, error.line) == (str(path) if name else "''", line)
    assert reason in error.reason
    assert article.text == "The envoys met."


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Text.", encoding="utf-8")

    def refuse(self: Path) -> bytes:  # chmod does not stop root, so simulate the refusal
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    assert (error.source, error.reason) == (str(path), "cannot read the file (Permission denied)")


# --- standard input ------------------------------------------------------------------------------------


def _stdin(content: str) -> str:
    """The id stem of content read from standard input: named by a hash of the bytes."""
    return f"stdin-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:12]}"


_JSONL = '{"id": "s1", "text": "Leaders met.", "published": "2021-01-01"}\n{"text": "Again."}\n'
_LIST = "[" + json.dumps({"text": "Listed.", "published": "2021-01-01"}) + "]"
_TEXT = "Published: 2021-01-01\r\n\r\nThe envoys met.\r\n"
_PAGE = (FIXTURES / "summit.html").read_text(encoding="utf-8")
STDIN_CASES = [
    (_JSONL, ["s1", f"{_stdin(_JSONL)}-2"]),
    (_LIST, [f"{_stdin(_LIST)}-1"]),
    (_TEXT, [_stdin(_TEXT)]),
    (_PAGE, [_stdin(_PAGE)]),
    (
        (FIXTURES / "feed.rss").read_text(encoding="utf-8"),
        ["harbourherald-example-world-2024-04-02-ministers-meet-in-oslo"],
    ),
]


@pytest.mark.parametrize(("content", "ids"), STDIN_CASES)
@undated_ok
def test_stdin_is_sniffed(content: str, ids: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(content))
    items = read_all("-")
    assert [item.id for item in items if isinstance(item, Article)] == ids
    assert all(item.source == "-" for item in items if isinstance(item, Article))


def test_stdin_bytes_keep_line_endings(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"Published: 2021-01-01\r\n\r\nLine one.\r\nLine two.\r"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    (article,) = read_all("-")
    assert isinstance(article, Article)
    assert article.text == "Line one.\r\nLine two.\r"


# --- URLs ----------------------------------------------------------------------------------------------

PAGES = {
    "/world/envoys-meet.html": ("text/html; charset=utf-8", (FIXTURES / "summit.html").read_bytes()),
    "/feed": ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes()),
    "/note.txt": ("text/plain", b"Title: A Note\nPublished: 2020-05-05\n\nThe envoys met."),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/world/envoys-meet.html")
            self.end_headers()
            return
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.network
def test_url_html_page(server: str) -> None:
    (article,) = read_all(f"{server}/world/envoys-meet.html")
    assert isinstance(article, Article)
    assert (article.id, article.source) == ("envoys-meet", f"{server}/world/envoys-meet.html")
    assert article.url == "https://www.harbourherald.example/world/2024/03/14/envoys-meet-in-valletta"
    assert article.published == dt.date(2024, 3, 14)
    assert "Subscribe now" not in article.text


@pytest.mark.network
def test_url_feed_text_and_redirect(server: str) -> None:
    feed = read_all(f"{server}/feed")
    assert [type(item).__name__ for item in feed] == ["Article", "InputError"]
    (note,) = read_all(f"{server}/note.txt")
    assert isinstance(note, Article)
    assert (note.id, note.title, note.url, note.outlet) == (
        "note",
        "A Note",
        f"{server}/note.txt",
        "127.0.0.1",
    )
    (moved,) = read_all(f"{server}/moved")
    assert isinstance(moved, Article)
    assert moved.id == "envoys-meet"


@pytest.mark.network
def test_url_errors(server: str) -> None:
    missing, slow = read_all(f"{server}/nothing-here", f"{server}/slow", timeout=0.3)
    assert isinstance(missing, InputError) and isinstance(slow, InputError)
    assert (missing.source, missing.reason) == (
        f"{server}/nothing-here",
        "the server answered HTTP 404 Not Found",
    )
    assert slow.source == f"{server}/slow"
    assert "could not fetch" in slow.reason and "timeout" in slow.reason


# --- property: the header parser never touches the body ------------------------------------------------

_VALUE = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
_HEADER = st.fixed_dictionaries(
    {"Title": _VALUE, "Published": st.dates(dt.date(1900, 1, 1), dt.date.today()).map(dt.date.isoformat)},
    optional={"Outlet": _VALUE, "Licence": _VALUE, "Author": _VALUE},
)


@given(header=_HEADER, body=st.text(min_size=1).filter(str.strip), newline=st.sampled_from(["\n", "\r\n"]))
def test_header_round_trip(header: dict[str, str], body: str, newline: str) -> None:
    raw = "".join(f"{key}: {value}{newline}" for key, value in header.items()) + newline + body
    article = parse_text(raw, id="prop")
    assert article.text == body
    assert article.title == header["Title"]
    assert article.published == dt.date.fromisoformat(header["Published"])


@given(raw=st.text())
@undated_ok
def test_body_is_always_a_suffix_of_the_input(raw: str) -> None:
    try:
        article = parse_text(raw, id="prop")
    except InputError:
        return
    assert raw.removeprefix("\ufeff").endswith(article.text)


# --- the package surface and bundled data --------------------------------------------------------------


def test_import_is_cheap() -> None:
    heavy = ("trafilatura", "dateparser", "feedparser", "yaml")
    code = f"import sys, graphkit.ingest; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"


def test_package_exports_read_articles() -> None:
    import graphkit
    import graphkit.ingest

    assert graphkit.read_articles is graphkit.ingest.read_articles


def test_bundled_seed_article() -> None:
    (article,) = read_all(REPO / "data" / "articles")  # the folder's README.md is not an article
    assert isinstance(article, Article)
    assert hashlib.sha256(article.text.encode("utf-8")).hexdigest() == (
        "3d9e73b6613b256520b8ce926e9c74635f9ed833b0f73c4e8f937f968a77749f"
    )
    assert (article.id, article.published, article.outlet) == (
        "seed",
        dt.date(2026, 2, 10),
        "themoscowtimes.com",
    )


# --- golden check against the shared development corpus ------------------------------------------------


def _corpus_cases() -> list[object]:
    if not (CORPUS / "gold.jsonl").is_file():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=f"{CORPUS} is absent"))]
    gold = [
        json.loads(line) for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    return [
        pytest.param(CORPUS / "texts" / f"{record['id']}.txt", record, id=record["id"]) for record in gold
    ]


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "record"), _corpus_cases())
def test_dev_corpus_text_matches_gold(path: Path, record: dict[str, object]) -> None:
    article = parse_text(path.read_bytes().decode("utf-8"), id=path.stem, source=str(path))
    source = record["source"]
    assert isinstance(source, dict)
    assert len(article.text) == source["chars"]
    assert hashlib.sha256(article.text.encode("utf-8")).hexdigest() == source["sha256"]
    assert article.published == dt.date.fromisoformat(str(record["published"]))
