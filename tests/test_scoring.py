"""scoring: block scores and which blocks the HTML selection picks."""
from __future__ import annotations

from dataclasses import replace

from copydesk import dom
from copydesk.blocks import from_html
from copydesk.model import Block
from copydesk.options import DEFAULT
from copydesk.scoring import block_score, select

PROSE = ("This sentence is long enough to read like part of an article, with a verb and an "
         "end, and it goes on a little longer so that it clearly counts as prose.")


def picked(markup: str, options=DEFAULT, titles: tuple[str, ...] = ()) -> list[str]:
    page = from_html(dom.parse(markup))
    kept = [b for b in page.blocks if b.text]
    return [b.text for b in select(page, kept, options, titles)]


def test_link_row_costs_the_same_however_long() -> None:
    short = Block(text="Home", md="", kind="li", index=0, link_chars=4)
    title = "Libgccjit: add support for the weak variable attribute on all targets"
    long_ = Block(text=title, md="", kind="li", index=1, link_chars=len(title))
    assert block_score(short, DEFAULT) == block_score(long_, DEFAULT) == -DEFAULT.link_row_cost


def test_a_linked_term_titles_its_definition_and_is_no_link_row() -> None:
    # A reference page's <dl>: each property's name links to its own page.
    term = Block(text="WebSocket.binaryType", md="", kind="dt", index=0, link_chars=20)
    row = Block(text="WebSocket.binaryType", md="", kind="li", index=1, link_chars=20)
    assert block_score(term, DEFAULT) > 0 > block_score(row, DEFAULT)


def test_sibling_sections_that_score_like_the_winner_join_it() -> None:
    markup = (
        "<html><body><div>"
        f"<section><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></section>"
        "<ul>" + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(20)) + "</ul>"
        f"<section><p>Second part. {PROSE}</p><p>{PROSE}</p></section>"
        "</div></body></html>"
    )
    texts = picked(markup)
    assert f"Second part. {PROSE}" in texts
    assert "Section 1" not in texts
    alone = picked(markup, replace(DEFAULT, sibling_share=100.0))
    assert f"Second part. {PROSE}" not in alone


def test_sections_built_like_the_winner_join_it_however_little_they_score() -> None:
    # A reference page: an intro, then sections of short definitions under the same class.
    terms = "".join(f"<dt><a href='/p{i}'>prop{i}</a></dt><dd>Bytes queued.</dd>"
                    for i in range(6))
    links = "".join(f"<li><a href='/r{i}'>Related page number {i}</a></li>" for i in range(8))
    markup = (
        "<html><body><main>"
        f"<section class='content-section'><p>{PROSE}</p><p>{PROSE}</p></section>"
        f"<section class='content-section'><h2>Properties</h2><dl>{terms}</dl></section>"
        f"<section class='content-section'><h2>See also</h2><ul>{links}</ul></section>"
        "<section class='promo'><h2>Fresh offers</h2><p>Ten per cent off.</p></section>"
        "</main></body></html>"
    )
    texts = picked(markup)
    assert "Properties" in texts and "Bytes queued." in texts
    # a twin made mostly of links, and a sibling of another class, stay out
    assert "Related page number 1" not in texts and "Fresh offers" not in texts


def test_a_section_between_joined_ones_joins_despite_its_link_list() -> None:
    parts = [f"<p>Paragraph {i}. {PROSE}</p>" for i in range(6)]
    links = "".join(f"<li><a href='/{i}'>Related story number {i}</a></li>" for i in range(3))
    menu = "".join(f"<li><a href='/m{i}'>Menu {i}</a></li>" for i in range(20))
    markup = (
        "<html><body><div>"
        f"<section>{''.join(parts[:3])}</section>"
        f"<section><p>Middle part. {PROSE}</p><ul>{links}</ul></section>"
        f"<section>{''.join(parts[3:])}</section>"
        f"<ul>{menu}</ul>"
        "</div></body></html>"
    )
    texts = picked(markup)
    assert f"Middle part. {PROSE}" in texts and f"Paragraph 5. {PROSE}" in texts
    assert "Menu 1" not in texts


def test_link_rows_inside_the_text_are_trimmed_by_default() -> None:
    markup = (
        f"<html><body><article><p>{PROSE}</p>"
        "<p><a href='/x'>More on this story from our archive</a></p>"
        f"<p>{PROSE} End.</p></article></body></html>"
    )
    assert "More on this story from our archive" not in picked(markup)


def test_trimming_only_the_edges_keeps_inner_link_rows() -> None:
    markup = (
        "<html><body><article><p><a href='/t'>Tagged: politics</a></p>"
        f"<p>{PROSE}</p><p><a href='/x'>More on this story from our archive</a></p>"
        f"<p>{PROSE} End.</p><p><a href='/n'>Next story</a></p></article></body></html>"
    )
    texts = picked(markup, replace(DEFAULT, trim_inner_links=False))
    assert "More on this story from our archive" in texts
    assert "Tagged: politics" not in texts and "Next story" not in texts


def test_a_paragraph_repeated_per_breakpoint_is_taken_once() -> None:
    copy = f"<div><p>{PROSE}</p><p>Second. {PROSE}</p><p>Short line</p></div>"
    texts = picked(f"<html><body><article>{copy}{copy}</article></body></html>")
    assert texts.count(PROSE) == 1 and texts.count(f"Second. {PROSE}") == 1
    assert texts.count("Short line") == 2


def test_prose_in_the_footer_does_not_outscore_a_short_article() -> None:
    notice = f"<p>This material is not advice. {PROSE} {PROSE}</p>"
    markup = (
        "<html><body>"
        f"<div class='intro'><h1>Vehicle rentals</h1><p>{PROSE}</p><p>{PROSE} Again.</p></div>"
        f"<footer><div class='legal'>{notice * 3}</div></footer>"
        "</body></html>"
    )
    texts = picked(markup)
    assert PROSE in texts
    assert not any(t.startswith("This material is not advice.") for t in texts)
    counted_fully = picked(markup, replace(DEFAULT, chrome_share=1.0))
    assert any(t.startswith("This material is not advice.") for t in counted_fully)


def test_an_article_inside_an_unclosed_aside_still_counts_in_full() -> None:
    markup = (
        "<html><body><aside class='banner'><p>Announcement: we joined a larger company.</p>"
        f"<main><article><p>{PROSE}</p><p>{PROSE} Two.</p></article></main>"
        f"<div class='other'><p>Related. {PROSE}</p></div>"
        "</body></html>"
    )
    texts = picked(markup)
    assert PROSE in texts and f"Related. {PROSE}" not in texts


def test_a_heading_left_with_nothing_after_it_is_dropped() -> None:
    markup = (
        f"<html><body><article><h2>What happened</h2><p>{PROSE}</p><p>{PROSE} End.</p>"
        "<h3>Good articles to read together</h3>"
        "<ul><li><a href='/1'>One linked story</a></li><li><a href='/2'>Another</a></li></ul>"
        "</article></body></html>"
    )
    texts = picked(markup)
    assert "What happened" in texts
    assert "Good articles to read together" not in texts


STORY = (
    "<html><body><article><p>Our new guide compares every tool, read on.</p>"
    "<p>Jane Doe is a consultant who helps brands with their tools.</p>"
    "<h1>The best CRM software for 2026</h1>"
    f"<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Third.</p></article></body></html>"
)


def test_the_story_starts_at_the_headline_its_title_names() -> None:
    texts = picked(STORY, titles=("Best CRM software for 2026: top platforms compared",))
    assert texts[0] == "The best CRM software for 2026"
    assert "Jane Doe is a consultant who helps brands with their tools." not in texts


def test_an_h1_the_title_does_not_name_cuts_nothing() -> None:
    texts = picked(STORY, titles=("Why our readers love gardening",))
    assert texts[0] == "Our new guide compares every tool, read on."
    assert picked(STORY)[0] == "Our new guide compares every tool, read on."


def _cards(n: int, first_day: int = 1) -> str:
    return "".join(
        f"<div class='card'><h3>Another story number {i}</h3><p>March {first_day + i}, 2026</p>"
        f"<p>A teaser for story {i} that sums it up in one line</p></div>" for i in range(n))


def test_a_closing_list_of_dated_teasers_is_cut() -> None:
    markup = ("<html><body><article><h1>A story</h1><p>March 1, 2026</p>"
              f"<p>{PROSE}</p><p>{PROSE} Two.</p><p>{PROSE} Three.</p>"
              f"<h2>Latest insights</h2>{_cards(4)}</article></body></html>")
    texts = picked(markup)
    assert texts[-1] == f"{PROSE} Three."
    assert "A teaser for story 0 that sums it up in one line" not in texts


def test_dates_all_along_the_text_make_a_listing_that_stays() -> None:
    stamped = "".join(f"<p>March {d}, 2026</p><p>{PROSE} Day {d}.</p>" for d in range(1, 5))
    markup = f"<html><body><article>{stamped}{_cards(3, 10)}</article></body></html>"
    assert "A teaser for story 2 that sums it up in one line" in picked(markup)


def test_cards_after_a_short_intro_are_the_content() -> None:
    markup = (f"<html><body><main><h1>News</h1><p>{PROSE}</p>{_cards(5)}</main></body></html>")
    assert "A teaser for story 4 that sums it up in one line" in picked(markup)


def _patch_list(lead: str) -> str:
    items = "".join(f"<li><a href='/p/{i}'>libgccjit: add support for feature number {i}</a></li>"
                    for i in range(8))
    return (f"<html><body><article><h2>Patches</h2><p>{PROSE}</p><p>{lead}</p><ul>{items}</ul>"
            f"<p>{PROSE} After.</p></article></body></html>")


def test_links_a_sentence_introduces_are_the_articles_list() -> None:
    texts = picked(_patch_list("Many patches were sent for review:"))
    assert "libgccjit: add support for feature number 3" in texts


def test_links_after_a_promo_lead_in_are_still_trimmed() -> None:
    texts = picked(_patch_list("Related stories:"))
    assert "libgccjit: add support for feature number 3" not in texts


def test_a_closing_sources_section_is_cut() -> None:
    markup = (f"<html><body><article><p>{PROSE}</p><p>{PROSE} Two.</p><p>{PROSE} Three.</p>"
              "<h3>Article Sources</h3><ul><li>Smith J. (2021). A study of things. Journal 4.</li>"
              "<li>Doe A. (2019). Another study. Journal 7.</li></ul></article></body></html>")
    texts = picked(markup)
    assert texts[-1] == f"{PROSE} Three."
    de = markup.replace("Article Sources", "Quellen")
    assert picked(de)[-1] == f"{PROSE} Three."


def test_sources_as_one_line_of_a_table_of_contents_cuts_nothing() -> None:
    toc = "".join(f"<li>Chapter {i} title</li>" for i in range(12))
    markup = (f"<html><body><article><p>{PROSE}</p><p>{PROSE} Two.</p><ul>{toc}<li>Sources</li>"
              f"<li>Associations and agencies</li>{toc}</ul></article></body></html>")
    assert "Associations and agencies" in picked(markup)


def test_linked_headings_inside_the_text_are_its_sections() -> None:
    markup = (
        "<html><body><article>"
        f"<p>{PROSE}</p><h2><a href='#one'>The first pick</a></h2><p>{PROSE} One.</p>"
        f"<h2><a href='/two'>The second pick</a></h2><p>{PROSE} Two.</p>"
        "<h2><a href='/next'>Next story</a></h2></article></body></html>"
    )
    texts = picked(markup)
    assert "The first pick" in texts and "The second pick" in texts
    assert "Next story" not in texts  # past the text's last block: the edge trim stands


def test_a_linked_heading_in_its_own_header_still_heads_its_section() -> None:
    markup = (
        f"<html><body><article><p>{PROSE}</p><section><header><h3><a href='/trail'>The river "
        f"trail</a></h3></header><div><p>{PROSE} Trail.</p></div></section>"
        f"<p>{PROSE} End.</p></article></body></html>"
    )
    assert "The river trail" in picked(markup)


def test_a_teaser_cards_linked_title_inside_the_text_stays_out() -> None:
    card = ("<div class='card'><h3><a href='/a'>Some other story people read</a></h3>"
            "<p><a href='/by'>Jane Writer</a></p></div>"
            "<div class='card'><h3><a href='/s'>Health</a></h3>"
            "<h3><a href='/b'>Yet another story worth a click</a></h3></div>")
    markup = (f"<html><body><article><p>{PROSE}</p>{card}<p>{PROSE} End.</p>"
              "</article></body></html>")
    texts = picked(markup)
    assert "Some other story people read" not in texts
    assert "Yet another story worth a click" not in texts


def test_a_linked_item_among_plain_ones_stays_a_run_of_links_does_not() -> None:
    markup = (
        "<html><body><article>"
        f"<p>{PROSE}</p><ul><li>Weight: 12 kilograms, folded</li>"
        "<li><a href='/buy'>Buy: check the price at the shop</a></li>"
        "<li>Range: forty kilometres on one charge</li></ul>"
        f"<p>{PROSE} Between.</p><ul>"
        + "".join(f"<li><a href='/s{i}'>Another story number {i}</a></li>" for i in range(4))
        + f"</ul><p>{PROSE} End.</p></article></body></html>"
    )
    texts = picked(markup)
    assert "Buy: check the price at the shop" in texts
    assert not any(t.startswith("Another story") for t in texts)


def test_a_sentence_mostly_linked_inside_the_text_stays() -> None:
    markup = (
        f"<html><body><article><p>{PROSE}</p>"
        "<p>Some of the <a href='/diets'>health benefits of plant-based diets</a> include:</p>"
        f"<p>{PROSE} Benefits.</p>"
        "<p><a href='/x'>Everything about the new season of the series.</a></p>"
        f"<p>{PROSE} End.</p></article></body></html>"
    )
    texts = picked(markup)
    assert "Some of the health benefits of plant-based diets include:" in texts
    assert "Everything about the new season of the series." not in texts  # wholly a link


MENU = "".join(f"<li><a href='/m{i}'>Menu {i}</a></li>" for i in range(40))


def _guide(intro: str) -> str:
    entries = "".join(f"<div><h3>Entry {i}</h3><p>Entry {i}. {PROSE}</p></div>" for i in range(6))
    return ("<html><body><header><h1>The Guide to the City's Best Restaurants</h1>"
            f"<p>By Staff</p>{intro}</header><div class='entries'>{entries}</div>"
            f"<ul>{MENU}</ul></body></html>")


def test_the_opening_paragraphs_under_the_headline_join_the_entries_below() -> None:
    intro = "<p>The stars are back in town, in a big way.</p><p>Below are the winners.</p>"
    title = ("The Guide to the City's Best Restaurants",)
    texts = picked(_guide(intro), titles=title)
    assert texts[:2] == ["The stars are back in town, in a big way.", "Below are the winners."]
    assert "By Staff" not in texts
    assert picked(_guide(intro))[0] == "Entry 0"  # no title names the h1: nothing added


def test_a_one_sentence_standfirst_under_the_headline_stays_out() -> None:
    texts = picked(_guide("<p>The stars are back in town.</p>"),
                   titles=("The Guide to the City's Best Restaurants",))
    assert "The stars are back in town." not in texts


_STORY = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(6))
_PITCH = ("The council is a nonprofit with eighty therapists across two states, ready to help "
          "you with whatever you are facing this year.")


def test_a_closing_promo_heading_cuts_what_follows() -> None:
    """Cleaning removes "More from CFR"; the pitch under it, kept, goes with it."""
    markup = (f"<html><body><article>{_STORY}<h2>More from CFR</h2><p>{_PITCH}</p>"
              "</article></body></html>")
    page = from_html(dom.parse(markup))
    kept = [b for b in page.blocks if b.text and b.text != "More from CFR"]
    texts = [b.text for b in select(page, kept, DEFAULT)]
    assert texts[-1] == f"{PROSE} Part 5."
    assert picked(markup.replace("More from CFR", "Related Articles"))[-1] == f"{PROSE} Part 5."


def test_an_inline_promo_a_bare_related_and_a_long_tail_cut_nothing() -> None:
    for head in ("Related: The council's new clinic opens", "Related"):
        markup = (f"<html><body><article>{_STORY}<h4>{head}</h4><p>{_PITCH}</p>"
                  "</article></body></html>")
        assert picked(markup)[-1] == _PITCH, head
    # "You may also like" in the middle of the text: most of it still follows.
    tail = "".join(f"<p>{PROSE} More {i}.</p>" for i in range(3))
    markup = (f"<html><body><article>{_STORY}<h2>You May Also Like</h2>{tail}"
              "</article></body></html>")
    assert picked(markup)[-1] == f"{PROSE} More 2."


def test_a_banner_h1_just_above_the_storys_h1_is_cut() -> None:
    title = "Best Supplement Marketing Agencies In the US"
    markup = (f"<html><body><article><h1>Do you want more web conversions?</h1><h1>{title}</h1>"
              f"<p>{PROSE}</p><p>{PROSE} Two.</p><h1>A section further down</h1><p>{PROSE} Three."
              "</p></article></body></html>")
    assert picked(markup, titles=(title,))[0] == title


def test_text_above_the_named_h1_among_several_stays() -> None:
    """More than a banner's line above it: the named h1 heads a section of the text."""
    title = "Gardenary Planting vs Traditional Planting"
    markup = (f"<html><body><article><h1>Why we garden</h1><p>{PROSE}</p><p>{PROSE} Two.</p>"
              f"<h1>{title}</h1><p>{PROSE} Three.</p><p>{PROSE} Four.</p><p>{PROSE} Five.</p>"
              f"<p>{PROSE} Six.</p><p>{PROSE} Seven.</p><p>{PROSE} Eight.</p><p>{PROSE} Nine.</p>"
              "</article></body></html>")
    assert picked(markup, titles=(title,))[0] == "Why we garden"


def test_a_block_s_branch_is_read_at_the_parent_s_depth() -> None:
    """_branch looks at one place of the path, the parent's depth (container_depth): the child holding
    the block, -1 for the parent itself, None outside it."""
    from copydesk.blocks import Container
    from copydesk.scoring.tree import _branch, container_depth

    containers = [Container("body", "", "", -1), Container("div", "", "", 0),
                  Container("div", "", "", 1), Container("div", "", "", 0)]
    assert [container_depth(containers, c) for c in range(4)] == [0, 1, 2, 1]
    assert _branch((0, 1, 2), 1, 1) == 2
    assert _branch((0, 1), 1, 1) == -1
    assert _branch((0, 3), 1, 1) is None and _branch((0,), 1, 1) is None
