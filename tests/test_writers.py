"""Writers: the body renderer (Markdown and text from blocks) and the three output formats."""
from __future__ import annotations

import json

import pytest

from copydesk.model import FIELD_ORDER, Article, Block, Dateline, Figure
from copydesk.writers import FORMATS, write, writer
from copydesk.writers.body import render
from copydesk.writers.markdown import escape, meta_line


def b(md: str, kind: str = "p", *, depth: int = 0, ordered: bool = False,
      path: tuple[int, ...] = (1, 2), text: str | None = None) -> Block:
    return Block(text=text if text is not None else md, md=md, kind=kind, index=0, path=path,
                 depth=depth, ordered=ordered)


def body_md(*blocks: Block) -> str:
    return render(list(blocks))[0]


# -- body: lists ---------------------------------------------------------------------------
def test_ordered_items_are_numbered_in_sequence() -> None:
    items = [b(t, "li", ordered=True, path=(1, 5, i)) for i, t in enumerate("abc")]
    assert body_md(*items) == "1. a\n2. b\n3. c"


def test_numbering_restarts_after_a_paragraph() -> None:
    md = body_md(b("a", "li", ordered=True), b("between"), b("c", "li", ordered=True))
    assert md == "1. a\n\nbetween\n\n1. c"


def test_numbering_restarts_for_another_list_at_the_same_level() -> None:
    md = body_md(b("a", "li", ordered=True, path=(1, 5, 6)),
                 b("x", "li", ordered=True, path=(1, 9, 10)))
    assert md == "1. a\n1. x"


def test_nested_items_are_indented_past_the_parent_marker() -> None:
    md = body_md(
        b("one", "li", ordered=True, path=(1, 2, 3)),
        b("inner", "li", depth=1, path=(1, 2, 3, 4, 5)),
        b("deeper", "li", depth=2, ordered=True, path=(1, 2, 3, 4, 5, 6, 7)),
        b("two", "li", ordered=True, path=(1, 2, 8)),
    )
    # CommonMark nests an item only when it starts at its parent's content column.
    assert md == "1. one\n   - inner\n     1. deeper\n2. two"


def test_nesting_follows_a_two_digit_marker() -> None:
    items = [b(str(i), "li", ordered=True, path=(1, 2, i)) for i in range(10)]
    md = body_md(*items, b("sub", "li", depth=1, path=(1, 2, 9, 20, 21)))
    assert md.endswith("\n10. 9\n    - sub")


def test_an_orphan_nested_item_is_not_indented_into_a_code_block() -> None:
    assert body_md(b("lost", "li", depth=2)) == "- lost"


def test_text_keeps_list_items_on_their_own_lines() -> None:
    _, text = render([b("intro"), b("a", "li"), b("b", "li")])
    assert text == "intro\n\na\nb"


# -- body: other blocks --------------------------------------------------------------------
def test_consecutive_quoted_paragraphs_are_one_blockquote() -> None:
    md, text = render([b("first", "quote"), b("second", "quote"), b("after")])
    assert md == "> first\n>\n> second\n\nafter"
    assert text == "first\n\nsecond\n\nafter"


@pytest.mark.parametrize("md, want", [
    ("**Step 1: Start**", "### Step 1: Start"),
    ("*Aside*", "### Aside"),
    ("**Bold** and **more**", "### **Bold** and **more**"),
    ("Plain", "### Plain"),
])
def test_headings_drop_emphasis_that_wraps_them_whole(md: str, want: str) -> None:
    assert body_md(b(md, "h3")) == want


def test_h1_inside_the_body_is_a_second_level_heading() -> None:
    assert body_md(b("Part", "h1")) == "## Part"


def test_code_fence_is_longer_than_backticks_inside() -> None:
    md = body_md(b("a ```` b", "pre", text="a ```` b"))
    assert md == "`````\na ```` b\n`````"


def test_code_keeps_its_lines() -> None:
    code = "def f():\n    return 1"
    assert body_md(b(code, "pre", text=code)) == f"```\n{code}\n```"


def test_table_block_is_passed_through() -> None:
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |"
    assert body_md(b("intro"), b(table, "table", text="a b\n1 2")) == f"intro\n\n{table}"


def test_definition_term_is_bold() -> None:
    assert body_md(b("Term", "dt"), b("Meaning", "dd")) == "**Term**\n\nMeaning"


# -- markdown writer -----------------------------------------------------------------------
ARTICLE = Article(
    headline="Turkey’s *Erdogan* [meets] Putin",
    byline="Jared Malsin", authors=("Jared Malsin",),
    dateline=Dateline(place="ISTANBUL", raw="ISTANBUL—"),
    published="2021-09-29T18:41:07+00:00", publisher="WSJ", language="en",
    tags=("Syria", "Turkey"), body="Para one.\n\nPara two.", text="Para one.\n\nPara two.",
    figures=(Figure(src="https://x.test/a.jpg", caption="A caption", credit="AFP"),),
    provenance={"published": "meta", "headline": "visible"}, source="page.html",
)


def test_markdown_has_headline_meta_line_and_body() -> None:
    assert write(ARTICLE, "markdown") == (
        "# Turkey’s \\*Erdogan\\* \\[meets\\] Putin\n\n"
        "*By Jared Malsin · ISTANBUL · 2021-09-29*\n\n"
        "Para one.\n\nPara two.\n"
    )


@pytest.mark.parametrize("text, want", [
    ("rustc_codegen_gcc: report #39", "rustc_codegen_gcc: report #39"),  # inner _ is literal
    ("_private_ names", "\\_private\\_ names"),
    ("5 < 6 and <b>", "5 < 6 and \\<b>"),
    ("C:\\temp", "C:\\\\temp"),
    ("`tick`", "\\`tick\\`"),
])
def test_escape_only_what_markdown_would_read_as_syntax(text: str, want: str) -> None:
    assert escape(text) == want


def test_meta_line_keeps_an_existing_by() -> None:
    assert meta_line(Article(byline="By Ann Lee")) == "By Ann Lee"
    assert meta_line(Article(authors=("A", "B"))) == "By A, B"
    assert meta_line(Article()) == ""


def test_markdown_without_metadata_is_just_the_body() -> None:
    assert write(Article(body="Only.", text="Only."), "markdown") == "Only.\n"


def test_front_matter_is_yaml_with_the_metadata() -> None:
    out = write(ARTICLE, "markdown", front_matter=True)
    head, body = out.split("\n---\n\n", 1)
    assert head.startswith("---\n") and body == "Para one.\n\nPara two.\n"
    assert "# " not in head and "*By" not in out
    yaml = pytest.importorskip("yaml")
    meta = yaml.safe_load(head.removeprefix("---\n"))
    assert meta["title"] == ARTICLE.headline
    assert meta["authors"] == ["Jared Malsin"] and meta["tags"] == ["Syria", "Turkey"]
    assert meta["dateline"] == "ISTANBUL—" and meta["word_count"] == 4
    assert meta["published"] == "2021-09-29T18:41:07+00:00"


def test_front_matter_quotes_values_yaml_would_misread() -> None:
    tricky = Article(headline="No: yes # not a comment", section="- item", body="x", text="x")
    out = write(tricky, "markdown", front_matter=True)
    assert 'title: "No: yes # not a comment"' in out and 'section: "- item"' in out


# -- json and text writers -----------------------------------------------------------------
def test_json_has_every_field_in_order() -> None:
    data = json.loads(write(ARTICLE, "json"))
    assert tuple(data) == FIELD_ORDER
    assert data["figures"] == [{"src": "https://x.test/a.jpg", "alt": None,
                                "caption": "A caption", "credit": "AFP"}]
    assert data["dateline"] == {"place": "ISTANBUL", "date": None, "agency": None,
                                "raw": "ISTANBUL—"}
    assert data["word_count"] == 4


def test_json_provenance_follows_field_order() -> None:
    assert list(json.loads(write(ARTICLE, "json"))["provenance"]) == ["headline", "published"]


def test_json_keeps_unicode_and_can_be_compact() -> None:
    out = write(ARTICLE, "json", indent=None)
    assert "\n" not in out and "Turkey’s" in out


def test_text_has_headline_meta_line_and_plain_body() -> None:
    assert write(ARTICLE, "text") == (
        "Turkey’s *Erdogan* [meets] Putin\n\nBy Jared Malsin · ISTANBUL · 2021-09-29\n\n"
        "Para one.\n\nPara two.\n"
    )


def test_every_format_has_a_writer_and_an_extension() -> None:
    for fmt, ext in FORMATS.items():
        assert callable(writer(fmt)) and ext in ("md", "json", "txt")
