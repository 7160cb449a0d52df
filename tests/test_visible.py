"""Datelines, bylines and byline elements as a reader sees them (metadata/visible.py)."""
from __future__ import annotations

import pytest
from lxml import etree

from copydesk import dom
from copydesk.metadata.candidates import Candidates
from copydesk.metadata.visible import (clean_name, is_byline, is_handle, looks_like_person,
                                       parse_byline, read, split_dateline)


@pytest.mark.parametrize("text, place, agency, date, rest", [
    ("ISTANBUL—Turkey's president said", "ISTANBUL", None, None, "Turkey's president said"),
    ("PARIS (Reuters) - France said on Monday", "PARIS", "Reuters", None, "France said on Monday"),
    ("WASHINGTON, March 3 (AP) — The Senate voted", "WASHINGTON", "AP", None, "The Senate voted"),
    ("WASHINGTON, March 3, 2025 (AP) — The Senate", "WASHINGTON", "AP", "2025-03-03", "The Senate"),
    ("SEATTLE, Wash. — A ferry ran aground", "SEATTLE, Wash.", None, None, "A ferry ran aground"),
    ("DENVER, Colorado – The city council", "DENVER, Colorado", None, None, "The city council"),
    ("MUMBAI: The monsoon arrived early", "MUMBAI", None, None, "The monsoon arrived early"),
    ("ROME -- The pope spoke", "ROME", None, None, "The pope spoke"),
    ("NEW YORK (AP) — Stocks fell", "NEW YORK", "AP", None, "Stocks fell"),
    # German, French, Spanish wire forms
    ("BERLIN (dpa) - Die Bundesregierung hat", "BERLIN", "dpa", None, "Die Bundesregierung hat"),
    ("KÖLN, 3. März 2025 (dpa) – Die Stadt", "KÖLN", "dpa", "2025-03-03", "Die Stadt"),
    ("PARIS (AFP) - Le gouvernement a", "PARIS", "AFP", None, "Le gouvernement a"),
    ("LYON, 4 mars 2025 (AFP) — La mairie", "LYON", "AFP", "2025-03-04", "La mairie"),
    ("MADRID, 3 mar (EFE).- El Gobierno aprobó", "MADRID", "EFE", None, "El Gobierno aprobó"),
    ("MÉXICO (EFE) — El presidente", "MÉXICO", "EFE", None, "El presidente"),
])
def test_dateline_forms(text: str, place: str, agency: str | None, date: str | None,
                        rest: str) -> None:
    dateline, body = split_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.date) == (place, agency, date)
    assert body == rest
    assert text.startswith(dateline.raw)


@pytest.mark.parametrize("text", [
    "UPDATE: The story has changed.", "EXCLUSIVE: We obtained the memo.", "WATCH: The video.",
    "BREAKING: A fire broke out.", "DEAR ABBY: My husband snores.", "COVID-19: what we know",
    "FAQ: How does it work?", "EILMELDUNG: Der Zug fällt aus.", "EXCLUSIF : le document",
    "ÚLTIMA HORA: Se cae la red.", "Paris - the city of light, is lovely", "NASA's probe - landed",
])
def test_not_datelines(text: str) -> None:
    assert split_dateline(text) == (None, text)


@pytest.mark.parametrize("text, names, organization", [
    ("By Jane Doe and Ali Kaya, Associated Press", ["Jane Doe", "Ali Kaya"], "Associated Press"),
    ("By Jane Doe, Staff Writer", ["Jane Doe"], None),
    ("By Jane Doe Updated March 3, 2025, 9:14 AM", ["Jane Doe"], None),
    ("By Jane Doe on March 3, 2025", ["Jane Doe"], None),
    ("By Jane Doe jane.doe@example.com", ["Jane Doe"], None),
    ("Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
    ("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey"], None),
    ("Stephen Okafor AI Writer", ["Stephen Okafor"], None),
    ("Mike Marshall, Shipping Expert", ["Mike Marshall"], None),
    ("Authors: Ana Roy, Jo Patel", ["Ana Roy", "Jo Patel"], None),
    ("By JANE DOE", ["JANE DOE"], None),
    ("Von Anna Schmidt und Jonas Weber, dpa", ["Anna Schmidt", "Jonas Weber"], "dpa"),
    ("Von Anna Schmidt · aktualisiert am 3. März 2025", ["Anna Schmidt"], None),
    ("Par Marie Dupont et Luc Martin, AFP", ["Marie Dupont", "Luc Martin"], "AFP"),
    ("Por María García y José López, EFE", ["María García", "José López"], "EFE"),
    ("Por María García | Actualizado el 3 de marzo de 2025", ["María García"], None),
    ("by Dan Gibbs | Mar 11, 2023 | All About Brakes, Learn About Brakes | 0 comments",
     ["Dan Gibbs"], None),
    ("by Dan Burst, Senior Director, Content, MECLABS Institute", ["Dan Burst"],
     "MECLABS Institute"),
    ("By Jane Doe and Ali Kaya", ["Jane Doe", "Ali Kaya"], None),
])
def test_byline_shapes(text: str, names: list[str], organization: str | None) -> None:
    assert parse_byline(text) == (names, organization)


@pytest.mark.parametrize("text", ["Podium Staff", "The Editors", "Redaktion", "Thu.",
                                  "Updated 3 hours ago", "The Author"])
def test_not_names(text: str) -> None:
    assert clean_name(text) is None


def test_names_that_start_like_prefixes_are_kept_whole() -> None:
    assert clean_name("Derek Seaman") == "Derek Seaman"  # not "de" + "rek Seaman"
    assert clean_name("Parisa Ostovari") == "Parisa Ostovari"  # not "par" + "isa"


def test_is_byline_needs_a_by_and_a_name() -> None:
    assert is_byline("By Jane Doe")
    assert not is_byline("By the way, this is a sentence about nothing")


def _found(markup: str) -> Candidates:
    found = Candidates()
    read(dom.parse(markup), found)
    return found


def test_marked_byline_element_is_read() -> None:
    found = _found('<html><body><h1>T</h1><span class="post-author">By Jane Doe</span>'
                   '<p>Text</p></body></html>')
    assert ("By Jane Doe", "visible") in found.get("author")


def test_written_by_label_reads_the_next_element() -> None:
    found = _found('<html><body><div><p>Written by</p><p class="x">Edzel Tabing</p></div>'
                   '</body></html>')
    assert ("Edzel Tabing", "visible") in found.get("author")


def test_bio_boxes_and_comment_authors_are_not_bylines() -> None:
    found = _found('<html><body><div class="author-bio">Jane Doe writes about food</div>'
                   '<ol class="comments"><li><span class="comment-author">Bob Smith</span>'
                   '<span class="author">Bob Smith</span></li></ol></body></html>')
    assert found.get("author") == []


def test_marked_date_element_gives_the_day_when_no_machine_date_exists() -> None:
    found = _found('<html><body><h1>T</h1><div class="post-date">Last updated Aug 04, 2025'
                   '</div><time>March 3, 2025</time></body></html>')
    assert [v for v, _ in found.get("published")] == ["2025-08-04", "2025-03-03"]


def test_a_date_class_in_camel_case_or_a_css_module_name_is_read() -> None:
    found = _found('<html><body><h1>T</h1><span class="Author_publishedTime__F2lab">'
                   'March 3, 2025</span><span class="meta-publishDate">2025-03-04</span>'
                   '</body></html>')
    assert [v for v, _ in found.get("published")] == ["2025-03-03", "2025-03-04"]


def test_dates_heading_list_items_date_entries_not_the_page() -> None:
    releases = "".join(f'<li><a href="/r{n}">2.{n}.0 <em class="date">2026-0{n}-02</em></a></li>'
                       for n in range(1, 5))
    changelog = "".join(f"<li>2022-0{n}-12 Link to the new guide</li>" for n in range(1, 5))
    found = _found(f'<html><body><h1>git-commit manual page</h1><ul>{changelog}</ul>'
                   f'<aside><ul>{releases}</ul></aside></body></html>')
    assert found.get("published") == [] and found.get("printed_date") == []


def test_two_days_joined_as_a_span_are_a_period_not_a_stamp() -> None:
    period = _found("<html><body><p>DATE: 2025-12-12 - 2025-12-17</p><h1>Weekend coding "
                    "agent</h1><p>Jan 5, 2024 – Feb 2, 2024</p></body></html>")
    assert period.get("printed_date") == []
    stamp = _found("<html><body><h1>Weekend coding agent</h1><p>May 4, 2025 - Updated May 6, "
                   "2025</p></body></html>")
    assert [v for v, _ in stamp.get("printed_date")] == ["2025-05-04"]


def test_dates_in_comments_are_not_the_article_date() -> None:
    found = _found('<html><body><div class="comments"><span class="comment-date">'
                   'March 3, 2025</span></div></body></html>')
    assert found.get("published") == []


def test_printed_by_line_without_a_byline_class_is_read() -> None:
    found = _found('<html><body><header><h1>New restaurants</h1><p class="meta">'
                   '<span class="item"> By <a href="/producers/sofia-gonzalez">Sofia Gonzalez</a>'
                   '</span><span class="item">December 2, 2025</span></p></header>'
                   '<p>Text</p></body></html>')
    assert ("By Sofia Gonzalez", "visible") in found.get("byline")
    assert ("By Sofia Gonzalez", "visible") in found.get("author")


def test_written_by_line_with_a_linked_shared_name() -> None:
    found = _found('<html><body><p class="t600">Written by<!-- --> <a href="/blog/x">'
                   'Moses Kim and Kate Shokurova</a></p></body></html>')
    assert ("Written by Moses Kim and Kate Shokurova", "visible") in found.get("byline")


@pytest.mark.parametrize("markup", [
    "<p>By clicking the button you agree to our terms.</p>",
    "<h3>BY USE CASE</h3>",
    "<div class='comments'><p>By Bob Smith</p></div>",
    "<p>By 2030, the city will have grown by half.</p>",
])
def test_sentences_and_menus_that_start_with_by_are_no_byline(markup: str) -> None:
    assert _found(f"<html><body>{markup}</body></html>").get("byline") == []


def test_author_page_links_name_the_author_and_join_a_shared_byline() -> None:
    found = _found('<html><body><nav><a href="/author/nav-person/">Nav Person</a></nav>'
                   '<div class="meta"><a href="/authors/adrien-ramirez">Adrien Ramirez</a>, '
                   '<a href="/authors/joanna-nelius">Joanna Nelius</a></div>'
                   '<div class="x"><span><a href="/author/fact-checker">Frank Bass</a></span>'
                   '</div></body></html>')
    assert ("Adrien Ramirez, Joanna Nelius", "visible") in found.get("author")


def test_author_link_text_after_the_name_is_no_second_author() -> None:
    found = _found('<html><body><a href="/author/reyan-perumal/">Reyan Perumal, Sri Lanka</a>'
                   '<a href="/author/thomson/">Thomson Reuters Tax &amp; Accounting</a>'
                   '</body></html>')
    assert found.get("author") == [("Reyan Perumal", "visible")]


def test_name_inside_an_author_box_is_the_author() -> None:
    found = _found('<html><body><div class="elementor-author-box">'
                   '<h4 class="elementor-author-box__name"> Liz Kenny </h4>'
                   '<div class="elementor-author-box__bio"><p>Former consultant</p></div>'
                   '</div></body></html>')
    assert ("Liz Kenny", "visible") in found.get("author")


@pytest.mark.parametrize("text, names", [
    ("By Scott Levine | Fact-checked by Frank Bass", ["Scott Levine"]),
    ("By Shelby Loos, DVM . Reviewed by Molly Price, DVM", ["Shelby Loos"]),
    ("Written by Rebecca Lake | Edited by Marie White", ["Rebecca Lake"]),
    ("Steve Kamb Last Updated: August 5, 2025", ["Steve Kamb"]),
    ("Shannon Williams Journalist", ["Shannon Williams"]),
])
def test_a_second_credit_ends_the_authors(text: str, names: list[str]) -> None:
    assert parse_byline(text)[0] == names


@pytest.mark.parametrize("name, person", [
    ("Jane van der Berg", True), ("Sam Bossley", True), ("A. J. Neal", True),
    ("The Commercial Appeal", False), ("Our latest stories", False), ("Williams, Journalist", False),
    ("Madonna", False),
])
def test_looks_like_person(name: str, person: bool) -> None:
    assert looks_like_person(name) is person


def test_click_tracker_scripts_beside_byline_links_are_no_text() -> None:
    found = _found('<html><body><div class="by"><strong>Written by</strong> <strong><script>'
                   'function ga4() { push("x") }</script><a href="/authors/danielle-desiato">'
                   'Danielle DeSiato</a></strong>, and <strong><script>ga4()</script>'
                   '<a href="/authors/natalie-nguyen">Natalie Nguyen</a></strong></div>'
                   '</body></html>')
    assert ("Danielle DeSiato, Natalie Nguyen", "visible") in found.get("author")


def test_menus_sort_by_headings_and_profile_links_are_no_bylines() -> None:
    found = _found('<html><body><div class="menu-solutions"><div><h4>By Event Type</h4></div></div>'
                   '<ul class="sub-menu"><li><span>By Company Size</span></li></ul>'
                   '<a href="https://members.example.org/s/#/profile/my_info">Member Login</a>'
                   '<a href="/author/paramita-ghosh/">Learn More</a></body></html>')
    assert found.get("author") == [] and found.get("byline") == []


def test_a_nav_left_open_far_above_the_byline_does_not_hide_it() -> None:
    deep = "<div>" * 10 + '<span>by </span><a href="/x">Shannon Grilli</a>' + "</div>" * 10
    found = _found(f"<html><body><nav><a href='/'>Home</a>{deep}</nav></body></html>")
    assert ("by Shannon Grilli", "visible") in found.get("byline")


@pytest.mark.parametrize("text, names", [
    ("Written By: Celeste Longacre Gardener & Astrologer", ["Celeste Longacre"]),
    ("Harry Rabinowitz Tech Reporter", ["Harry Rabinowitz"]),
    ("Jeffrey A. Slotnick Reporter", ["Jeffrey A. Slotnick"]),
    ("Matt Check Head Winemaker, Co-Founder", ["Matt Check"]),
    ("Audrey Huang , Print Managing Editor", ["Audrey Huang"]),
    ("By Genaveve Bradshaw ⋅ Senior Review Analyst ⋅ Updated March 5, 2025", ["Genaveve Bradshaw"]),
    ("Jeni Green 1 , MS", []),
    ("Jane Doe, Bob Lee & Ann Kim", ["Jane Doe", "Bob Lee", "Ann Kim"]),
    ("Celeste Longacre, Astrologer", ["Celeste Longacre"]),
    ("Kaufman, Jeff T.", ["Kaufman", "Jeff T."]),
    ("By Jack Beresford Senior Life and Trends Reporter", ["Jack Beresford"]),
    ("Paramita (Guha) Ghosh", ["Paramita (Guha) Ghosh"]),
])
def test_roles_after_names_and_inverted_names(text: str, names: list[str]) -> None:
    assert parse_byline(text)[0] == names


@pytest.mark.parametrize("text", ["Insights from", "Corti AI platform for healthcare",
                                  "Full Bio", "Read More"])
def test_labels_with_lower_case_words_or_link_labels_are_no_names(text: str) -> None:
    assert clean_name(text) is None


def _head(body: str, firm: bool = False) -> list:
    from copydesk.metadata.visible import head_dates
    days = head_dates(dom.parse(f"<html><body>{body}</body></html>"))
    return days if firm else [d for d, _ in days]


def test_the_stamp_printed_under_the_headline_is_the_head_date() -> None:
    assert _head('<h1>Houston restaurants to visit</h1><p class="meta"><span>By <a>Sofia '
                 'Gonzalez</a></span> <span>December 2, 2025</span></p><p>Story.</p>'
                 ) == ["2025-12-02"]


def test_a_kicker_row_above_the_headline_carries_the_stamp() -> None:
    assert _head('<div><div>Last updated:</div><div>Dec 12, 2025</div></div>'
                 '<h1>The best blockchain SEO agencies</h1><p>Story text.</p>') == ["2025-12-12"]


def test_scripts_between_the_stamp_and_the_headline_are_no_lines_read() -> None:
    # A reader sees no script or style: their code must not use up the few lines above the h1
    # that are searched for the stamp (a page's inline scripts sit there by the dozen).
    scripts = "".join(f"<script>var s{i} = {i};</script><style>.c{i}{{}}</style>"
                      for i in range(12))
    assert _head(f"<div>Feb 14, 2026</div>{scripts}<h1>A trip report from Turkey</h1>"
                 "<p>Story text.</p>") == ["2026-02-14"]


def test_the_head_holds_no_stamp_of_the_article() -> None:
    assert _head_doc("<head><title>Posted Feb 14, 2026</title></head><body>"
                     "<h1>A trip report from Turkey</h1><p>Story text.</p></body>") == []


def _head_doc(html: str) -> list:
    from copydesk.metadata.visible import head_dates
    return [d for d, _ in head_dates(dom.parse(f"<html>{html}</html>"))]


def test_a_stamp_shared_with_a_byline_is_read_from_its_own_text() -> None:
    assert _head('<h1>Project management pricing guide</h1><div>Dec 26, 2025 • Mahua Das in '
                 '<a>Project Management</a></div>') == ["2025-12-26"]


@pytest.mark.parametrize("body", [
    "<h1>Cleaning industry trends</h1><p><em>Originally published in March 2022. Last updated"
    " on December 20, 2024, with new figures.</em></p>",
    "<h1>hackermondev / writeup.md</h1><div>Last active <span>December 20, 2025 13:58</span></div>",
    "<h1>Tax law changes explained</h1><p>On <strong>July 4, 2025</strong>, the bill known as the"
    " One Big Beautiful Bill was signed into law and changed the brackets for everyone.</p>",
    "<div class='comments'><h1>Comments on the story</h1><p>March 3, 2025</p></div>",
])
def test_notes_profile_stamps_and_dates_in_prose_are_no_head_date(body: str) -> None:
    assert _head(body) == []


@pytest.mark.parametrize("stamp, firm", [
    ("<span>December 2, 2025</span>", True),
    ("<span>Last Updated: Dec 17, 2025</span>", False),
    ("<span>Updated</span> <time datetime='2025-10-08'>October 8, 2025</time>", False),
    ("<span>09.10.2024</span>", False),  # 9 October or 10 September
    ("<span>12.12.2025</span>", True),
])
def test_update_labels_and_two_way_numeric_dates_are_unsure(stamp: str, firm: bool) -> None:
    days = _head(f"<h1>The headline of the story</h1><p class='meta'>{stamp}</p>", firm=True)
    assert [f for _, f in days] == [firm]


@pytest.mark.parametrize("text, names", [
    ("Andrew Gerrand 4 August 2010", ["Andrew Gerrand"]),
    ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ["Niko Matsakis"]),
    ("Naftali Tishby, Fernando C. Pereira 24 Apr 2000 • 3 min read",
     ["Naftali Tishby", "Fernando C. Pereira"]),
    ("Categories: Helena", []),
])
def test_a_byline_sharing_its_line_with_the_stamp(text: str, names: list[str]) -> None:
    assert parse_byline(text)[0] == names


def test_names_on_the_row_of_the_head_stamp_are_an_author() -> None:
    found = _found('<html><body><h1>Project management software pricing</h1>'
                   '<div class="row">Dec 26, 2025 • Mahua Das in <a>Project Management</a></div>'
                   '<p>Story.</p></body></html>')
    assert ("Mahua Das", "visible") in found.get("author")


@pytest.mark.parametrize("text", ["Lead Reviewer", "Advertiser Disclosure", "Reading Time",
                                  "Last Modified", "Sponsored"])
def test_page_furniture_next_to_bylines_is_no_name(text: str) -> None:
    assert clean_name(text) is None


def test_spaced_commas_and_a_serial_and_still_split_names() -> None:
    assert parse_byline("Written by Danielle DeSiato , Donna Enzmann , and Natalie Nguyen")[0] == [
        "Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]


_TRICKY = """<html><head><title>T</title><meta name="author" content="A"><time datetime="2020-01-01">
</time><script type="application/LD+json">{}</script></head><body class="x">By Body Text<div
class="post-Author">x<!-- note -->By Jane Doe<span id="main-byline">
  y</span>  Written by <a rel="nofollow author" href="/author/jane-doe/">Jane</a>
written by tail</div><p>
                                       Author</p><p pubdate="2020">q<time>March 3, 2025</time>
<time datetime="2025-03-03" class="date">d</time></p><h1 itemprop="headline">Headline here</h1>
<p>Posted by <b>Ann Lee</b> on <i>May 5, 2024</i></p><!-- c --> by comment tail
<ul><li class="timeline">Reported by X</li></ul>Von Hans<a href="/x">x</a></body></html>"""


def test_one_walk_finds_what_the_xpath_queries_found() -> None:
    """The single pass gathers the same elements, in the same order, as the XPath queries it
    replaced (comments, tails, indented labels and all)."""
    from copydesk.metadata.scan import walk
    root = etree.HTML(_TRICKY)  # comments kept
    page = walk(root)

    def owners(xpath: str) -> list:
        out = []
        for node in root.xpath(xpath):
            el = node.getparent()
            out.append(el.getparent() if node.is_tail else el)
        return out

    assert page.marked_bylines == root.xpath(
        "//body//*[@class or @id][contains(@class, 'author') or contains(@class, 'byline') or "
        "contains(@class, 'writer') or contains(@id, 'byline') or contains(@class, 'Author') or "
        "contains(@class, 'autor') or contains(@class, 'auteur')]")
    assert page.marked_dates == root.xpath(
        "//body//time[not(@datetime)]|//body//*[@class][contains(@class, 'date') or "
        "contains(@class, 'publish') or contains(@class, 'posted') or contains(@class, 'time')]")
    assert page.times == root.xpath("//time[@datetime]|//*[@pubdate]")
    assert page.labels == root.xpath(
        "//body//*[text()][not(*)][translate(normalize-space(text()), 'WRITENBYAUTHOR', "
        "'writenbyauthor') = 'written by' or translate(normalize-space(text()), 'AUTHOR', "
        "'author') = 'author']")
    by_texts = ("//body//text()[string-length(.) < 200 and translate(substring(normalize-space("
                "substring(., 1, 24)), 1, 1), 'bBwWpPsSrRvV', '') = '' and "
                "normalize-space(substring(., 1, 24))]")
    assert page.credits == [el for el, node in zip(owners(by_texts), root.xpath(by_texts))
                            if _opens_credit(node)]
    assert len(page.credits) == 8
    assert page.rel_authors == root.xpath(
        "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")
    assert page.h1s == root.xpath("//body//h1") and page.links == root.xpath("//body//a[@href]")
    assert page.props == root.xpath("//*[@itemprop='headline']")
    assert [s.get("type") for s in page.ld_scripts] == ["application/LD+json"]
    assert etree.tostring(page.titles[0]).startswith(b"<title>")


def _opens_credit(text: str) -> bool:
    import re
    return bool(re.match(r"^\s*(?:by\b|written by|posted by|words by|story by|reported by|von |"
                         r"par |por )", text, re.I))


def test_text_walks_around_the_headline_match_the_xpath_axes() -> None:
    from copydesk.metadata.visible import _texts_after, _texts_before
    root = etree.HTML(_TRICKY)  # comments kept
    h1 = root.xpath("//h1")[0]
    shown = "[normalize-space()][not(parent::script or parent::style)]"
    after = [str(n) for n in h1.xpath(f"following::text(){shown}")]
    before = [str(n) for n in reversed(h1.xpath(f"preceding::text(){shown}[not(ancestor::head)]"))]
    assert before and after
    assert [t for _, t in _texts_after(h1)] == after
    assert [t for _, t in _texts_before(h1)] == before
    owner = {t: o for o, t in _texts_after(h1)}
    assert owner["Posted by "].tag == "p" and owner[" on "].tag == "p"


def test_page_classes_on_body_and_an_article_s_own_footer_hide_no_stamp() -> None:
    found = _found('<html><body class="woo-related-columns-4 menu-text-center"><article><h1>A '
                   'headline here</h1><footer class="meta"><span class="post-date">March 30, '
                   '2023</span> <span class="post-author">By Tariq Ayan</span></footer>'
                   '<p>Text</p></article><footer><span class="date">May 1, 2020</span></footer>'
                   '</body></html>')
    assert [v for v, _ in found.get("published")] == ["2023-03-30"]
    assert ("By Tariq Ayan", "visible") in found.get("author")


def test_a_comment_box_left_open_around_the_main_content_hides_nothing() -> None:
    found = _found('<html><body><aside class="banner"><main><div><span class="author">Tim '
                   'Enwall</span></div></main></aside></body></html>')
    assert ("Tim Enwall", "visible") in found.get("author")


def test_a_marked_date_row_that_holds_more_gives_its_first_short_stamp() -> None:
    found = _found('<html><body><div class="meta date-section-header"><span>Posted on April 13, '
                   '2023</span> <span>Tags: academic publishing, indexing, journals, open access, '
                   'peer review, research</span></div><p class="pub-dates">Updated March 13, 2024'
                   '</p></body></html>')
    assert [v for v, _ in found.get("published")] == ["2023-04-13", "2024-03-13"]


def test_a_contributors_label_reads_the_name_in_its_tail() -> None:
    found = _found('<html><body><div class="tags"><strong>Contributors:</strong> Janet Loughrey'
                   '</div></body></html>')
    assert ("Janet Loughrey", "visible") in found.get("author")


def test_an_author_box_holding_the_bio_gives_its_first_short_name() -> None:
    bio = "Lauren Vetter is a growth marketer who writes about search for clinics. " * 3
    found = _found(f'<html><body><div class="blog_author-wrapper"><div>Lauren Vetter</div>'
                   f'<p>{bio}</p></div></body></html>')
    assert ("Lauren Vetter", "visible") in found.get("author")


def test_names_opening_with_a_determiner_are_no_people() -> None:
    assert clean_name("My Health Toolkit") is None and clean_name("The Editors") is None


def test_lone_user_name_before_a_stamp_is_kept() -> None:
    """'Posted by BeauHD on Friday …': a one-word name ended by a stamp, not by a role, is
    the author's user name; 'Shipping Expert' (a role's own first word) still is none."""
    from copydesk.metadata.visible import clean_name, parse_byline

    line = "Posted by BeauHD on Friday December 19, 2025 @10:30PM from the no-guarantees dept."
    assert parse_byline(line)[0] == ["BeauHD"]
    assert clean_name("Eliz Updated May 3") == "Eliz"
    assert clean_name("Shipping Expert") is None


def test_the_byline_row_dates_a_head_without_a_stamp_near_its_headline() -> None:
    found = _found("<html><body><h1>How apps are made</h1>" + "<p>Filler line.</p>" * 45
                   + "<div><p>Written by <a href='/blog/author/jo-kim'>Jo Kim</a></p>"
                   "<p>April 8, 2024</p></div><p>Story.</p></body></html>")
    assert found.get("printed_date") == [("2024-04-08", "visible:unsure")]
    active = _found("<html><body><div><p>By <a>Jo Kim</a></p><p>Last active December 20, "
                    "2025</p></div><p>Story.</p></body></html>")
    assert active.get("printed_date") == []


@pytest.mark.parametrize("text, handle", [
    ("aawoods", True), ("sara.r.peter", True), ("annette thurmon", True), ("ColdJ", True),
    ("JGD", True), ("user3080392", True), ("Need2KnowLion", True),
    ("mdelatorreq6vkpg2ma0ci", False), ("CNN", False), ("admin", False), ("undefined", False),
    ("2 min read", False),
])
def test_user_names_a_forum_or_blog_engine_shows(text: str, handle: bool) -> None:
    assert is_handle(text) is handle


def test_the_walk_reads_no_code_as_a_credit() -> None:
    """A script's text is never read (it is code, and copying it is what a large inline
    bundle costs), while a credit in an indented text or tail is still found."""
    from copydesk.metadata.scan import walk
    root = dom.parse("<html><body><script>By = window.by;</script><style>by{}</style>"
                     "<div>\n   \n</div><p>\n  By Ann Lee</p><span>x</span>\n  By Bo Li</body>"
                     "</html>")
    assert [el.tag for el in walk(root).credits] == ["p", "body"]


def test_side_marks_are_what_a_case_blind_regex_finds() -> None:
    """_side_mark lowers the value instead of matching with re.I: the same, since no code
    point but a letter's ASCII pair matches it under re.I or lowers to it."""
    import re

    from copydesk.metadata.visible import _side_mark
    every = "".join(map(chr, range(0x110000)))
    lowered = every.lower()
    for letter in set("commentrelated"):
        assert sorted(re.findall(letter, every, re.I)) == sorted({letter, letter.upper()})
        assert lowered.count(letter) == 2, letter
    rx = re.compile("comment|related", re.I)
    for value in ("post-Comments", "RELATED-posts", "yarpp-related", "commentary", "comm ent",
                  "", None, "reLATed", "main"):
        assert _side_mark(value) == bool(rx.search(value or "")), value


def test_spaced_head_is_the_start_of_the_spaced_text() -> None:
    """Whole when short, else a start longer than the limit; script and style are no text,
    but their tails are."""
    from copydesk.metadata.visible import _spaced_head, _spaced_text
    root = etree.HTML('<div id="box"> By  <a>Jane\n Doe</a><script>var x = 1;</script> and '
                      '<b>Ali <i>Kaya</i></b>, <style>p {}</style>Associated   Press</div>')
    box = root.xpath("//div")[0]
    whole = _spaced_text(box)
    assert whole == "By Jane Doe and Ali Kaya , Associated Press"
    for limit in range(len(whole) + 3):
        head = _spaced_head(box, limit)
        assert whole.startswith(head)
        assert head == whole if len(whole) <= limit else len(head) > limit
    assert _spaced_head(root.xpath("//script")[0], 80) == ""
    tailed = etree.HTML("<p><span>Jane Doe</span> · May 5</p>").xpath("//span")[0]
    assert _spaced_head(tailed, 80) == "Jane Doe"  # its own tail is not its text


def test_author_links_are_found_by_their_place_in_the_list() -> None:
    """Each author-directory link is picked once, by index, however many links come before
    it or share its directory."""
    from copydesk.metadata.scan import Scan
    from copydesk.metadata.visible import _maybe_author_links
    hrefs = ["/a", "/author/x", "/b", "/c", "/authors/y/", "/d/writer/z/author/q", "/e"]
    page = Scan(links=list(range(len(hrefs))), hrefs=hrefs)
    assert [i for i, _ in _maybe_author_links(page)] == [1, 4, 5]


_REGIONS_PAGE = (
    '<html><body class="comments-open"><nav><ul><li><a href="/a">A</a></li></ul></nav>'
    '<main><article><h1>T</h1><footer><p>By <a href="/author/x">X</a></p></footer>'
    '<div class="related"><p><span>R</span></p></div></article>'
    '<aside><div><p>S</p></div></aside></main>'
    '<div id="comments"><footer><p><b>C</b></p></footer><div class="menu-x"><p>M</p></div></div>'
    '<footer><div><p>F</p></div></footer><div class="comment-box"><main><p>K</p></main></div>'
    '</body></html>'
)


def test_region_verdicts_are_the_same_with_a_shared_memo() -> None:
    """The memo a page's Scan keeps changes no verdict, whatever order elements are asked in."""
    from copydesk.metadata import visible
    from copydesk.metadata.scan import walk

    root = dom.parse(_REGIONS_PAGE)
    elements = list(root.iter())
    plain = [(visible._in_comments(el), visible._in_nav(el)) for el in elements]
    assert any(c for c, _ in plain) and not all(c for c, _ in plain)
    for order in (elements, elements[::-1]):
        page = walk(root)
        memoised = {el: (visible._in_comments(el, page.regions), visible._in_nav(el, page))
                    for el in order}
        assert [memoised[el] for el in elements] == plain
