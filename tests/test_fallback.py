"""fallback: what stands in when selection chose too little."""
from __future__ import annotations

from dataclasses import replace

from copydesk import dom, extract
from copydesk.blocks import from_html, from_text
from copydesk.fallback import recover
from copydesk.metadata.candidates import Candidates
from copydesk.options import DEFAULT

PROSE = ("This sentence is long enough to read like part of an article, with a verb and an "
         "end, and it goes on a little longer so that it clearly counts as prose.")
NAV = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8)) + "</ul></nav>"
FOOTER = "<footer><p><a href='/about'>About us</a> <a href='/legal'>Legal</a></p></footer>"


def front_page(intro: str = "") -> str:
    items = "".join(f"<tr><td><a href='/story/{i}'>Story number {i} about something that "
                    f"happened today</a> ({i} points)</td></tr>" for i in range(30))
    return (f"<html><body>{NAV}<div id='main'>{intro}<table>{items}</table></div>{FOOTER}"
            "</body></html>")


def run(markup: str, found: Candidates | None = None, chosen=None, options=DEFAULT):
    page = from_html(dom.parse(markup))
    kept = [b for b in page.blocks if b.text or b.kind == "img"]
    return [b.text for b in recover(page, kept, chosen or [], found or Candidates(), options)]


def test_a_front_page_of_links_gives_its_list_not_the_whole_page() -> None:
    texts = run(front_page())
    assert any("Story number 29" in t for t in texts)
    assert "Section 1" not in texts and not any("About us" in t for t in texts)
    assert extract(front_page()).text  # the pipeline wires the step in
    assert not extract(front_page(), options=replace(DEFAULT, fallback_min_words=0)).text


def test_the_column_holds_what_selection_chose() -> None:
    markup = front_page("<p>The front page, ranked by votes.</p>")
    page = from_html(dom.parse(markup))
    kept = [b for b in page.blocks if b.text]
    intro = [b for b in kept if b.text.startswith("The front page")]
    texts = [b.text for b in recover(page, kept, intro, Candidates(), DEFAULT)]
    assert texts[0] == "The front page, ranked by votes."
    assert any("Story number 3" in t for t in texts)


def test_enough_chosen_text_stands() -> None:
    page = from_html(dom.parse(front_page(f"<p>{PROSE}</p><p>{PROSE} Twice.</p>")))
    kept = [b for b in page.blocks if b.text]
    intro = [b for b in kept if b.text.startswith(PROSE)]
    no_listing = replace(DEFAULT, listing_max_words=0)
    assert recover(page, kept, intro, Candidates(), no_listing) == intro
    stricter = replace(no_listing, fallback_min_words=100)
    assert len(recover(page, kept, intro, Candidates(), stricter)) > 1


def test_a_short_lead_over_lists_many_times_its_size_gives_way_to_them() -> None:
    # A list page: a lead of some sixty words, then its lists of links (Wikipedia's lists).
    lists = "".join(f"<h2>Letter {c}</h2><ul>" + "".join(
        f"<li><a href='/{c}{i}'>Language {c}{i}, designed in 19{i}0</a></li>"
        for i in range(8)) + "</ul>" for c in "ABCDEFGH")
    markup = (f"<html><body>{NAV}<div id='main'><h1>List of languages</h1><p>{PROSE}</p>"
              f"<p>{PROSE} Twice.</p>{lists}</div>{FOOTER}</body></html>")
    text = extract(markup).text
    assert PROSE in text and "Language H7, designed in 1970" in text
    assert "Section 1" not in text and "About us" not in text
    # a choice of listing_max_words or more stands, as does one whose column is not that big
    alone = extract(markup, options=replace(DEFAULT, listing_max_words=50)).text
    assert PROSE in alone and "Language H7" not in alone
    alone = extract(markup, options=replace(DEFAULT, listing_share=100.0)).text
    assert "Language H7" not in alone


def test_article_body_picks_the_container_that_shows_it() -> None:
    markup = (f"<html><body>{NAV}<div class='teaser'><p>Short teaser.</p></div>"
              f"<div class='story'><p><a href='/a'>{PROSE}</a></p><p><a href='/b'>Second. {PROSE}</a></p>"
              f"</div>{FOOTER}</body></html>")
    found = Candidates(article_body=f"{PROSE}\n\nSecond. {PROSE}")
    texts = run(markup, found)
    assert texts == [PROSE, f"Second. {PROSE}"]


def test_article_body_only_in_json_ld_becomes_the_paragraphs() -> None:
    markup = f"<html><body>{NAV}<p>Loading…</p>{FOOTER}</body></html>"
    found = Candidates(article_body=f"{PROSE}\n\nSecond. {PROSE}")
    assert run(markup, found) == [PROSE, f"Second. {PROSE}"]


def test_article_body_paragraphs_are_escaped_for_markdown() -> None:
    markup = f"<html><body>{NAV}<p>Loading…</p>{FOOTER}</body></html>"
    found = Candidates(article_body=f"* Not a list item: {PROSE}")
    page = from_html(dom.parse(markup))
    kept = [b for b in page.blocks if b.text]
    (block,) = recover(page, kept, [], found, DEFAULT)
    assert block.text.startswith("* Not") and not block.md.startswith("* ")


def test_chosen_text_far_shorter_than_article_body_is_replaced() -> None:
    body = " ".join(f"Part {i} of the story brings news{i} and detail{i} to it." for i in range(30))
    markup = "<html><body><div><p>Part 0 of the story brings news0 and detail0 to it.</p></div></body></html>"
    page = from_html(dom.parse(markup))
    kept = [b for b in page.blocks if b.text]
    found = Candidates(article_body=body)
    out = recover(page, kept, kept, found, DEFAULT)
    assert [b.text for b in out] == [body]


def test_plain_text_is_never_replaced_by_the_whole_text() -> None:
    page = from_text("Menu\n\nHome\n\nShort.\n\nContact")
    kept = page.blocks
    assert recover(page, kept, [], Candidates(), DEFAULT) == []


def _listing(intro_words: int) -> str:
    intro = " ".join(["Explore our growing collection of courses on web subjects."] * (intro_words // 9))
    cards = "".join(f"<div class='card'><h3><a href='/c/{i}'>Course {i}</a></h3>"
                    f"<p>A course about subject {i} for every developer.</p>"
                    f"<p><a href='/c/{i}'>Start course</a></p></div>" for i in range(10))
    return (f"<html><body>{NAV}<main><div class='intro'><h1>Learn</h1><p>{intro}</p></div>"
            f"<div class='grid'>{cards}</div></main>{FOOTER}</body></html>")


def test_a_short_intro_above_cards_gives_way_to_the_column() -> None:
    texts = extract(_listing(40)).text
    assert "A course about subject 9 for every developer." in texts
    assert "Section 1" not in texts and "About us" not in texts


def test_the_whole_page_never_stands_in() -> None:
    markup = ("<html><body><div><a href='/a'>Home</a> <a href='/b'>Shop</a></div>"
              "<p>Short words.</p><div><a href='/c'>Cart</a> <a href='/d'>Login</a></div>"
              "</body></html>")
    page = from_html(dom.parse(markup))
    chosen = [b for b in page.blocks if b.text == "Short words."]
    assert [b.text for b in recover(page, page.blocks, chosen, Candidates(), DEFAULT)] == [
        "Short words."]


def test_a_menu_inside_the_column_is_left_out() -> None:
    markup = front_page().replace("<div id='main'>", f"<div id='main'>{NAV}")
    assert not any(t.startswith("Section") for t in run(markup))


def test_a_few_more_words_are_no_reason_to_trade() -> None:
    markup = ("<html><body><div id='main'><p>One two three four five six seven eight.</p>"
              "<p><a href='/x'>Nine ten eleven twelve thirteen fourteen</a></p></div></body></html>")
    page = from_html(dom.parse(markup))
    chosen = [page.blocks[0]]
    assert recover(page, page.blocks, chosen, Candidates(), DEFAULT) == chosen


COOKIE_PANEL = (
    "<div id='onetrust-consent-sdk'><div class='otPcCenter'><h2>Privacy Preference Center</h2>"
    + "".join(f"<p>Cookies of kind {i} may store or retrieve information on your browser, "
              "mostly to make the site work as you expect it to; you can choose not to allow "
              "some types of cookies, and blocking them may impact your experience.</p>"
              for i in range(4))
    + "<p>Manage Consent Preferences</p></div></div>"
)
THREAD = ("<h1>New PC case: what are these two ports for?</h1><div class='cPost ipsComment'>"
          f"<p>{PROSE}</p><p>{PROSE}</p></div><div class='cPost ipsComment'><p>{PROSE}</p></div>")


def test_a_consent_panel_is_never_the_stand_in_for_a_thread() -> None:
    # A forum topic whose posts cleaning took for comments, beside a consent manager's panel
    # holding more text than the posts: the posts come back, the cookie texts do not.
    a = extract(f"<html><body>{NAV}<main>{THREAD}</main>{COOKIE_PANEL}</body></html>")
    assert PROSE in a.text
    assert "Cookies of kind" not in a.text and "Privacy Preference" not in a.text
