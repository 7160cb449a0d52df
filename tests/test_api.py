"""The library surface: `from copydesk import extract` and what an Article offers."""
from __future__ import annotations

import dataclasses
import gzip
import json

import pytest

import copydesk
from copydesk import Article, Dateline, Figure, Options, extract
from copydesk.model import FIELD_ORDER

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens | Bay News</title>
<meta property="og:title" content="Harbour bridge reopens">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge reopens</h1>
<p class="byline">By Ada Brook</p>
<p>The harbour bridge reopened to traffic on Thursday after eight months of repairs to its
deck and cables, the city’s transport office said in a statement.</p>
<p>Engineers replaced forty steel cables and resurfaced the roadway. The work cost
<a href="/budget/2024">about £12 million</a>, slightly less than the council had feared.</p>
<p>Cyclists will get a separate lane from June, when the painting of the railings is done
and the last scaffolding comes down from the northern tower.</p>
</article>
<footer>© 2024 Bay News</footer></body></html>"""


@pytest.fixture(scope="module")
def article() -> Article:
    return extract(PAGE)


def test_public_names() -> None:
    for name in ("extract", "Article", "Dateline", "Figure", "Options"):
        assert name in copydesk.__all__
    assert copydesk.__version__


def test_extract_takes_str_bytes_and_gzip_alike(article: Article) -> None:
    data = PAGE.encode("utf-8")
    assert extract(data) == article
    assert extract(gzip.compress(data)) == article


def test_mojibake_is_mended_whether_the_page_comes_as_str_or_bytes() -> None:
    page = PAGE.replace("statement.", "statement: “it’s done”.")
    # UTF-8 read once as Latin-1 and saved again: "cityâ\x80\x99s", "Â£12"
    twice = page.encode("utf-8").decode("latin-1")
    assert "city’s" not in twice
    text = extract(page).text
    assert "city’s" in text and "“it’s done”" in text and "£12" in text
    assert extract(twice).text == text
    assert extract(twice.encode("utf-8")).text == text


def test_article_fields(article: Article) -> None:
    assert article.headline == "Harbour bridge reopens"
    assert article.published.startswith("2024-05-02")
    assert "forty steel cables" in article.text
    assert "Home" not in article.text and "© 2024" not in article.text
    assert article.word_count == len(article.text.split())


def test_source_is_none_unless_given(article: Article) -> None:
    assert article.source is None
    assert extract(PAGE, source="-").source == "-"


def test_url_makes_relative_links_absolute() -> None:
    art = extract(PAGE, url="https://bay.example/news/bridge")
    assert "[about £12 million](https://bay.example/budget/2024)" in art.body
    assert art.url == "https://bay.example/news/bridge"


def test_options_are_passed_through() -> None:
    as_text = extract(PAGE, options=Options(input_format="text"))
    assert "<p>The harbour bridge" in as_text.text  # read as plain text, tags and all


def test_article_is_frozen_and_hashable(article: Article) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.headline = "changed"  # type: ignore[misc]
    assert {article: 1}[article] == 1


def test_to_dict_has_every_field_in_order(article: Article) -> None:
    data = article.to_dict()
    assert tuple(data) == FIELD_ORDER
    assert isinstance(data["authors"], list) and isinstance(data["tags"], list)
    assert isinstance(data["figures"], list)


def test_to_dict_of_an_empty_article_is_null_or_empty() -> None:
    data = Article().to_dict()
    assert tuple(data) == FIELD_ORDER
    for name, value in data.items():
        assert value in (None, "", [], {}, 0), name


def test_nested_values_become_plain_json() -> None:
    art = Article(dateline=Dateline(place="PARIS", agency="AFP", raw="PARIS (AFP) —"),
                  figures=(Figure(src="a.jpg", credit="AFP"),))
    data = json.loads(art.to_json())
    assert data["dateline"] == {"place": "PARIS", "date": None, "agency": "AFP",
                                "raw": "PARIS (AFP) —"}
    assert data["figures"] == [{"src": "a.jpg", "alt": None, "caption": None, "credit": "AFP"}]


def test_to_json_round_trips_to_dict(article: Article) -> None:
    assert json.loads(article.to_json()) == article.to_dict()
    assert json.loads(article.to_json(indent=None)) == article.to_dict()


def test_to_markdown(article: Article) -> None:
    md = article.to_markdown()
    assert md.startswith("# Harbour bridge reopens\n\n*By Ada Brook · 2024-05-02*\n\n")
    assert md.endswith("northern tower.\n")
    assert article.to_markdown(front_matter=True).startswith('---\ntitle: "Harbour bridge')


def test_a_discussion_page_keeps_its_posts() -> None:
    # schema.org says the page is a forum topic: the posts are its text, not its comments.
    post = ("I replaced the fans last week and the case still runs hot under load, so I am "
            "asking whether anyone has measured the airflow with the front panel removed.")
    thread = (f"<main><h1>Case runs hot</h1><div class='comment'><p>{post}</p><p>Update: "
              f"{post}</p></div><div class='comment'><p>Same here. {post}</p></div></main>")
    intro = ("<div class='board-intro'><p>" + "This board is for questions about cases, fans "
             "and cooling; search before you post, and keep to one topic a thread. " * 4
             + "</p></div>")
    data = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "DiscussionForumPosting", "headline": "Case runs hot"}</script>')
    forum = extract(f"<html><head>{data}</head><body>{intro}{thread}</body></html>")
    assert forum.text.count(post) == 3
    assert not extract(f"<html><body>{intro}{thread}</body></html>").text.count(post)
    plain = extract(f"<html><body><article><h1>Case runs hot</h1><p>{post} {post}</p>"
                    f"</article>{thread[6:-7]}</body></html>")
    assert plain.text.count(post) == 2  # elsewhere the same posts are comments: one copy only
