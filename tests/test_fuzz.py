"""Fuzz: whatever bytes or tag soup extract() is given, it returns an Article or raises
copydesk's own CopydeskError, never anything else."""
from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk import Article, CopydeskError, extract

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["html", "head", "body", "p", "div", "article", "h1", "span", "a", "br", "script",
        "style", "time", "meta", "li", "ul", "table", "td", "figure", "img", "!--", "?xml",
        "![CDATA[", "!DOCTYPE html", "svg", "math", "template", "noscript"]
ATTRS = ['', ' class="byline"', ' itemprop="author"', ' href="javascript:x"', ' id="main"',
         ' charset="utf-16"', ' content="x"', ' property="og:title"', ' datetime="2020-13-45"',
         ' type="application/ld+json"']
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
PIECE = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
    TEXT,
    st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<", ">", "\x00", "\ufeff",
                     '{"@type": "NewsArticle", "headline": ', "]]>", "-->"]),
)
SOUP = st.lists(PIECE, max_size=60).map("".join)


def check(data: bytes | str) -> None:
    try:
        result = extract(data)
    except CopydeskError:
        return
    assert isinstance(result, Article)


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(SOUP)
def test_random_tag_soup_as_str(text):
    check(text)


@FUZZ
@given(SOUP, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "gb18030"]))
def test_random_tag_soup_as_bytes(text, codec):
    check(text.encode(codec, errors="replace"))


@settings(max_examples=30, deadline=None)
@given(SOUP)
def test_random_tag_soup_gzipped_and_truncated(text):
    data = gzip.compress(text.encode())
    check(data)
    check(data[: len(data) // 2])
