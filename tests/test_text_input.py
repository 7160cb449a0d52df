"""Plain-text input: a page copied from a browser or a scraper's output goes through the same
rules as HTML, judged by the shape of its lines instead of tags."""
from __future__ import annotations

import pytest

from copydesk import extract
from copydesk.blocks import from_text
from copydesk.cleaning import clean
from copydesk.options import DEFAULT, Options

from conftest import EXAMPLES

TEXT = Options(input_format="text")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def fold(value: str | None) -> str:
    return (value or "").translate(_QUOTES)


@pytest.fixture(scope="module")
def republished():
    path = EXAMPLES / "republished-article.txt"
    if not path.exists():
        pytest.skip(f"example not found at {path}")
    return extract(path.read_bytes(), options=TEXT)


def test_republished_fields(republished) -> None:
    a = republished
    assert fold(a.headline) == "Turkey's Erdogan Presses Russia's Putin to Halt Syria Assault"
    assert a.authors == ("Jared Malsin",)
    assert a.dateline is not None and a.dateline.place == "ISTANBUL"
    assert a.published is None


def test_republished_body_is_the_article_alone(republished) -> None:
    text = fold(republished.text)
    assert text.startswith("Turkey's President Recep Tayyip Erdogan met")
    assert text.endswith("a militant group in Idlib.")
    for line in ("Spread the love", "Write to Jared Malsin", "Copyright", "Source link",
                 "Leave a Reply", "Your email address", "bloggers like this",
                 "(Published 10/23/19)", "Getty Images"):
        assert line not in text, line


def test_republished_caption_and_credit_become_a_figure(republished) -> None:
    (figure,) = [f for f in republished.figures if f.credit]
    assert figure.credit == "vladimir smirnov/Agence France-Presse/Getty Images"
    assert fold(figure.caption).startswith("Messrs. Erdogan and Putin have grown closer")


# -- One small case per kind of boilerplate, with no fixture ----------------------------------
PROSE = ("The council voted on Tuesday to extend the program for another year, after a review "
         "found that it had cut waiting times in half and saved the city money. Critics said the "
         "savings were overstated by a wide margin.")


def dropped_lines(text: str) -> dict[str, str]:
    page = from_text(text)
    return {b.text: name for name, b in clean(page, DEFAULT).dropped}


@pytest.mark.parametrize(("line", "rule"), [
    ("Share this:", "share_widgets"),
    ("Click to share on Facebook (Opens in new window)", "share_widgets"),
    ("(AP Photo/Evan Vucci)", "captions"),
    ("WATCH: The mayor speaks (2:14)", "video_blurbs"),
    ("Read more: The budget, line by line", "inline_promos"),
    ("Sign up for our morning newsletter", "newsletter_prompts"),
    ("Your email address will not be published. Required fields are marked *", "comments"),
    ("Write to Jane Doe at jane.doe@example.com", "contact_footer"),
    ("Copyright © 2024 Example Media. All Rights Reserved.", "copyright_footers"),
    ("We use cookies to improve your experience.", "cookie_banners"),
    ("Advertisement", "advertisements"),
    ("As an Amazon Associate we earn from qualifying purchases.", "disclosures"),
    ("Tags: Budget, Council", "tag_lists"),
    ("Updated 3 hours ago", "bylines_and_stamps"),
    ("Print", "tool_rows"),
])
def test_plain_text_line_is_removed(line: str, rule: str) -> None:
    lines = dropped_lines(f"{PROSE}\n\n{line}\n\n{PROSE}")
    assert lines.get(line) == rule
    assert PROSE not in lines


THREAD = """{prose}

109 Comments

Sharon says

July 14, 2015 at 3:53 pm

Goodness, is that your cabbage in the picture? It is the most beautiful cabbage I have seen.

Reply

Jill Winger says

July 17, 2015 at 8:28 am

Yes, for some reason my cabbages are doing beautifully this year!
"""


def test_plain_text_comment_thread_is_removed_from_its_heading_on() -> None:
    lines = dropped_lines(THREAD.format(prose=PROSE))
    assert PROSE not in lines
    assert lines["109 Comments"] == "comments"
    assert lines["Yes, for some reason my cabbages are doing beautifully this year!"] == "comments"


def test_a_says_line_without_a_stamp_is_not_a_thread() -> None:
    text = f"{PROSE}\n\nThe minister says\n\n{PROSE} Again."
    assert dropped_lines(text) == {}
