"""A company is no person, even when its name reads like a person's or an agency's: it signs
a page only when nothing names a person."""
from __future__ import annotations

from copydesk import extract
from copydesk.metadata.visible import parse_byline

BODY = "".join(
    f"<p>Paragraph {i} of the story carries enough words to be read as the article body, "
    f"with sentences, commas, and a full stop at the end of it.</p>" for i in range(6)
)


def _page(head: str = "", top: str = "", url: str | None = None):
    return extract(f"<html><head>{head}</head><body><article>{top}<h1>Picking tax software"
                   f"</h1>{BODY}</article></body></html>", url=url)


def test_an_agency_s_name_inside_a_company_s_name_is_no_agency_credit() -> None:
    assert parse_byline("Thomson Reuters Tax & Accounting") == (
        [], "Thomson Reuters Tax & Accounting")
    assert parse_byline("By Jane Doe, Reuters") == (["Jane Doe"], "Reuters")


def test_the_person_the_author_tag_names_beats_a_company_s_byline() -> None:
    a = _page('<meta name="author" content="Abby Colson">',
              "<p class='byline'>Thomson Reuters Tax &amp; Accounting</p>")
    assert a.authors == ("Abby Colson",)


def test_a_byline_naming_the_site_whose_name_reads_like_a_person_s_gives_the_company() -> None:
    a = _page('<meta property="og:site_name" content="Home Advisor">',
              "<p class='byline'>Written by HomeAdvisor Staff Writer</p>",
              url="https://www.homeadvisor.com/cost/remodels/")
    assert a.authors == ("HomeAdvisor",)  # the company's, with the role cut, as for a person
    b = _page('<meta property="og:site_name" content="Home Advisor">',
              "<p class='byline'>Written by HomeAdvisor Staff Writer</p><p class='byline'>By "
              "Ryan Noonan</p>", url="https://www.homeadvisor.com/cost/remodels/")
    assert b.authors == ("Ryan Noonan",)


def test_an_institution_s_first_word_is_no_author() -> None:
    assert parse_byline("Center for Drug Evaluation and Research") == ([], None)


def test_a_lone_word_among_parts_that_name_no_one_is_no_author() -> None:
    teaser = "Introducing the Growth Collective: A New Way to Earn, Grow, and Make an Impact"
    assert parse_byline(teaser)[0] == []
    assert parse_byline("Posted by BeauHD on Friday") == (["BeauHD"], None)


def test_a_professional_corporation_or_an_official_store_is_no_author() -> None:
    assert parse_byline("Kneib Dentistry PC")[0] == []
    assert parse_byline("QCY Official")[0] == []


def test_a_button_s_label_is_no_author() -> None:
    assert parse_byline("Link Copied!")[0] == []
    assert parse_byline("Get in touch")[0] == []  # not 'Get': a lone word opens the phrase
    assert parse_byline("Jane Doe in Paris")[0] == ["Jane Doe"]


def test_first_names_joined_by_and_stay_a_shared_byline() -> None:
    assert parse_byline("By Maria & Katerina")[0] == ["Maria", "Katerina"]
