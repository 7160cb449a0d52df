"""blocks.html: what the pruning keeps and how the walk cuts a page into blocks."""
from __future__ import annotations

import pytest

from copydesk import dom, extract
from copydesk.blocks import from_html
from copydesk.blocks.html import _MAYBE_HIDDEN
from copydesk.metadata import walk

PROSE = "This sentence is long enough to read like part of an article, not a menu item."


def texts(markup: str) -> list[str]:
    """The page's block texts, pruned with the hidden candidates the blocks step finds itself
    and, alike, with those the metadata walk of the raw tree hands it (as the pipeline does)."""
    alone = [b.text for b in from_html(dom.parse(markup)).blocks if b.text]
    root = dom.parse(markup)
    handed = [b.text for b in from_html(root, hidden=walk(root).hidden).blocks if b.text]
    assert handed == alone
    return alone


def test_white_space_is_folded_whatever_its_kind_and_plain_text_is_left_as_it_is() -> None:
    # The walk skips folding a buffer of single spaces only: every other white space folds.
    markup = ("<html><body><p>no\u00a0break</p><p>two  spaces</p><p> edges </p>"
              "<p>line\nbreak\tand tab</p><p>plain words, one space each.</p></body></html>")
    assert texts(markup) == ["no break", "two spaces", "edges", "line break and tab",
                             "plain words, one space each."]


def test_unclosed_button_does_not_swallow_the_page() -> None:
    # libxml2 nests everything after an unclosed <button> inside it.
    markup = f"<html><body><button><span>Menu</span><div><main><p>{PROSE}</p></main></div></body></html>"
    assert PROSE in texts(markup)


def test_button_label_is_not_text() -> None:
    assert texts("<html><body><p>Before <button>Click me</button> after</p></body></html>") == [
        "Before after"
    ]


def test_content_after_a_stray_closing_html_tag_is_walked() -> None:
    markup = f"<html><body><p>Head</p></body></html></html><div><p>{PROSE}</p></div>"
    assert texts(markup) == ["Head", PROSE]


def test_streamed_hidden_holder_under_body_is_kept() -> None:
    markup = f'<html><body><div><p hidden>Tab two</p></div><div hidden id="S:0"><p>{PROSE}</p></div></body></html>'
    assert texts(markup) == [PROSE]


def test_a_run_of_numbered_hidden_holders_under_body_is_streamed_content() -> None:
    # Marko's async fragments: the page's sections wait in numbered display:none holders.
    holders = "".join(f'<div id="afweb{i}" style="display:none"><p>{PROSE} {i}</p></div>'
                      for i in range(2, 5))
    modal = '<div id="age-check" style="display:none"><p>Are you 21 or older?</p></div>'
    assert texts(f"<html><body>{holders}{modal}</body></html>") == [
        f"{PROSE} {i}" for i in range(2, 5)]
    # two numbered holders are not yet a run: a page's own pair of modals
    pair = "".join(f'<div id="modal{i}" style="display:none"><p>Modal {i}</p></div>'
                   for i in range(2))
    assert texts(f"<html><body>{pair}<p>{PROSE}</p></body></html>") == [PROSE]


def test_hidden_elements_elsewhere_are_pruned() -> None:
    markup = (
        '<html><body><div><p aria-hidden="true">Icon</p><p style="display: none">Gone</p>'
        f"<p>{PROSE}</p></div></body></html>"
    )
    assert texts(markup) == [PROSE]


def test_data_table_with_paragraphs_in_cells_is_one_table_block() -> None:
    markup = ("<html><body><table><tr><th><p>Food</p></th><th><p>Grams</p></th></tr>"
              "<tr><td><p>Oats</p></td><td><div>100g</div></td></tr></table></body></html>")
    found = [b for b in from_html(dom.parse(markup)).blocks if b.text]
    assert [b.kind for b in found] == ["table"]
    assert "| Oats | 100g |" in found[0].md


def test_table_with_a_prose_column_is_walked_as_layout() -> None:
    long_cell = " ".join([PROSE] * 6)
    markup = f"<html><body><table><tr><td>Menu</td><td><p>{long_cell}</p></td></tr></table></body></html>"
    found = [b for b in from_html(dom.parse(markup)).blocks if b.text]
    assert [b.kind for b in found] == ["p", "p"]


def test_noscript_rendering_with_blocks_is_walked() -> None:
    markup = (f"<html><body><noscript><div><p>{PROSE}</p></div></noscript>"
              "<noscript>Please enable JavaScript</noscript>"
              "<noscript><img src='a.jpg'></noscript></body></html>")
    assert texts(markup) == [PROSE]


def test_collapsed_prose_panel_is_kept_but_hidden_menus_are_not() -> None:
    panel = " ".join([PROSE] * 5)
    menu = "".join(f"<a href='/{i}'>A long menu entry number {i}</a>" for i in range(20))
    markup = (f'<html><body><div><div aria-hidden="true">{menu}</div>'
              f'<div style="display:none" role="region"><p>{panel}</p></div></div></body></html>')
    assert texts(markup) == [panel]


def test_a_popover_goes_even_when_it_holds_prose() -> None:
    # An element with the popover attribute shows only when a button opens it (an "install
    # the app" card, a notifications settings panel): long prose in it is no collapsed panel.
    steps = " ".join([PROSE] * 5)
    markup = (f'<html><body><div popover id="install"><p>{steps}</p></div>'
              f'<div popover="manual"><p>Settings</p></div><p>{PROSE}</p></body></html>')
    assert texts(markup) == [PROSE]


def test_a_cloak_over_the_whole_page_is_lifted_but_a_hidden_part_still_goes() -> None:
    # Pages that hide everything until their styles load: the reader sees it all, links too.
    menu = "".join(f"<a href='/{i}'>A long menu entry number {i}</a>" for i in range(30))
    hidden_menu = "<div style='display:none'><a href='/x'>Secret menu</a></div>"
    markup = (f"<html><body><div style='visibility:hidden;min-height:100vh'>"
              f"<nav>{menu}</nav><p>{PROSE}</p>{hidden_menu}</div></body></html>")
    found = texts(markup)
    assert PROSE in found and "Secret menu" not in " ".join(found)
    assert texts(f"<html><body><div><p>{PROSE}</p><div hidden><p>{PROSE[:60]}</p></div>"
                 "</div></body></html>") == [PROSE]


def test_snake_case_stays_unescaped_but_emphasis_markers_do_not() -> None:
    from copydesk.blocks.markdown import escape_md

    assert escape_md("rustc_codegen_gcc and x_1") == "rustc_codegen_gcc and x_1"
    assert escape_md("_a_ *b* [c] __init__") == r"\_a\_ \*b\* \[c\] \_\_init\_\_"


def test_markdown_escapes_each_text_piece_as_written() -> None:
    # An underscore starting a piece is escaped even when the piece before ends in a letter:
    # escaping is decided per text node, whether or not a link or emphasis wrapped it.
    found = from_html(dom.parse("<html><body><p>snake<span>_case</span> and x_y</p>"
                                "<p>plain <b>bold_</b> text</p></body></html>")).blocks
    assert [(b.text, b.md) for b in found] == [
        ("snake_case and x_y", r"snake\_case and x_y"),
        ("plain bold_ text", r"plain **bold\_** text"),
    ]


def test_leading_white_space_and_links_fold_into_one_block() -> None:
    markup = ("<html><body><ul>\n  <li>\n    <a href='/a'>\n  First </a>\n  </li>\n"
              "  <li> <em> Second</em> item </li></ul></body></html>")
    found = from_html(dom.parse(markup), "https://example.org/x/").blocks
    assert [(b.text, b.md, b.link_chars) for b in found] == [
        ("First", "[First](https://example.org/a)", 5),
        ("Second item", "*Second* item", 0),
    ]


def test_only_true_aria_hidden_and_hiding_styles_prune() -> None:
    markup = ('<html><body><p aria-hidden="false">Shown</p><p style="color: red">Red</p>'
              '<p style="visibility : hidden">Gone</p><p style="display:none">Gone too</p>'
              "</body></html>")
    assert texts(markup) == ["Shown", "Red"]


def test_list_items_know_their_depth_and_list_kind_but_text_before_a_list_does_not() -> None:
    markup = ("<html><body><div>Intro<ol><li>One<ul><li>Inner</li></ul></li></ol>"
              "Outro</div></body></html>")
    found = from_html(dom.parse(markup)).blocks
    assert [(b.text, b.kind, b.depth, b.ordered) for b in found] == [
        ("Intro", "p", 0, False), ("One", "li", 0, True), ("Inner", "li", 1, False),
        ("Outro", "p", 0, False),
    ]


def test_a_comment_adds_only_its_tail_and_opens_no_container() -> None:
    from lxml import etree

    root = etree.fromstring("<html><body><p>Before <!-- note --> after</p></body></html>")
    page = from_html(root)
    assert [b.text for b in page.blocks] == ["Before after"]
    assert [c.tag for c in page.containers] == ["html", "body", "p"]


def test_container_tokens_keep_class_and_id_as_written_lower_cased() -> None:
    markup = ('<html><body><div class="Story Body"><p id="Lede">x</p>'
              '<p class="" id="">y</p><div role="main" itemprop="articleBody">z</div></div>'
              "</body></html>")
    boxes = from_html(dom.parse(markup)).containers
    assert [(c.tag, c.tokens, c.role, c.itemprop) for c in boxes] == [
        ("html", "", "", ""), ("body", "", "", ""), ("div", "story body ", "", ""),
        ("p", " lede", "", ""), ("p", "", "", ""), ("div", "", "main", "articleBody"),
    ]


@pytest.mark.parametrize("href", [
    "/news/story-1", "/a/b?x=1#top", "/a//b", "/a/./b", "/a/../b", "/a?", "/a#", "/a?#top",
    "//cdn.example.net/x.png", "/a\tb", "/a\nb", "page.html", "../up", "#frag", "?q=1", "/",
])
@pytest.mark.parametrize("base", ["https://example.org/x/y.html?p=1#f", "http://example.org",
                                  "ftp://example.org/a/", "not a url"])
def test_join_shortcut_matches_urljoin(base: str, href: str) -> None:
    from urllib.parse import urljoin

    from copydesk.blocks.html import _join, _origin

    assert _join(base, _origin(base), href) == urljoin(base, href)


def test_a_code_listing_keeps_its_lines_when_they_are_breaks_or_line_elements() -> None:
    markup = ("<html><body><pre>import os<br>x = 1<br><br>print(x)</pre>"
              "<pre><div>a = 1</div><div>b = 2</div><!-- note --></pre>"
              "<pre>plain\n  text</pre></body></html>")
    codes = [b.text for b in from_html(dom.parse(markup)).blocks if b.kind == "pre"]
    assert codes == ["import os\nx = 1\n\nprint(x)", "a = 1\nb = 2", "plain\n  text"]
    listed = "<html><body><pre><ol><li>a = 1</li><li>b = 2</li></ol></pre></body></html>"
    assert [b.text for b in from_html(dom.parse(listed)).blocks] == ["a = 1\nb = 2"]


def test_the_metadata_walk_notes_the_elements_the_hidden_xpath_selects() -> None:
    markup = ('<html><head><style>p{}</style></head><body hidden><div><p aria-hidden="false">A</p>'
              '<p style="border:none" hidden>B</p><svg aria-hidden="true"><g style="display:none">'
              '</g></svg><span style="visibility:hidden" aria-hidden="true">C</span><p '
              'style="color:red">D</p><p hidden="">E</p><menu popover>F</menu></div></body></html>')
    root = dom.parse(markup)
    assert walk(root).hidden == _MAYBE_HIDDEN(root)
    assert [el.tag for el in walk(root).hidden] == ["body", "p", "svg", "g", "span", "p", "menu"]


def test_a_page_with_content_after_a_stray_closing_html_tag_finds_its_hidden_parts_itself() -> None:
    shown, hidden = (f"Shown after the stray tag: {PROSE}", f"Hidden after the stray tag: {PROSE}")
    markup = (f"<html><body><p>{PROSE}</p></body></html></html><div><p>{shown}</p>"
              f"<p style='display:none'>{hidden}</p><p>{PROSE}</p></div>")
    assert walk(dom.parse(markup)).hidden is None
    text = extract(markup).text
    assert shown in text and hidden not in text
