"""OpenGraph, article:*, Dublin Core, parsely and page-level tags (metadata/meta_tags.py)."""
from __future__ import annotations

from copydesk import dom
from copydesk.metadata import meta_tags
from copydesk.metadata.candidates import Candidates

PAGE = """<html lang="fr-FR"><head><title>Le titre | Le Site</title>
<meta property="og:title" content="Le titre">
<meta property="og:site_name" content="Le Site">
<meta name="author" content="Marie Dupont">
<meta property="article:author" content="https://example.com/marie">
<meta name="parsely-pub-date" content="2025-03-04T08:00:00+01:00">
<meta name="DC.creator" content="Luc Martin">
<meta name="sailthru.tags" content="politique, europe">
<link rel="canonical" href="https://example.com/a">
</head><body></body></html>"""


def _found() -> Candidates:
    found = Candidates()
    meta_tags.read(dom.parse(PAGE), found)
    return found


def test_fields_from_meta() -> None:
    found = _found()
    assert found.get("headline") == [("Le titre", "meta")]
    assert found.get("publisher") == [("Le Site", "meta")]
    assert found.get("published") == [("2025-03-04T08:00:00+01:00", "meta")]
    assert [v for v, _ in found.get("tags")] == ["politique", "europe"]


def test_author_names_but_not_profile_urls() -> None:
    assert [v for v, _ in _found().get("author")] == ["Marie Dupont", "Luc Martin"]


def test_page_level_title_canonical_and_lang() -> None:
    found = _found()
    assert found.get("title_tag") == [("Le titre | Le Site", "meta")]
    assert found.get("url") == [("https://example.com/a", "meta")]
    assert found.get("language") == [("fr-FR", "meta")]


def test_site_specific_date_names() -> None:
    found = Candidates()
    meta_tags.read(dom.parse(
        '<html><head><meta name="w-published-date" content="2025-05-27T06:03:43Z">'
        '<meta name="page.last_modified" content="2025-06-01">'
        '<meta name="publisher" content="Not a date"></head></html>'), found)
    assert found.get("published") == [("2025-05-27T06:03:43Z", "meta")]
    assert found.get("modified") == [("2025-06-01", "meta")]


def _read(head: str) -> Candidates:
    found = Candidates()
    meta_tags.read(dom.parse(f"<html><head>{head}</head><body></body></html>"), found)
    return found


def test_written_by_link_preview_pair_names_the_author() -> None:
    found = _read('<meta name="twitter:label1" content="Written by">'
                  '<meta name="twitter:data1" content="Chase Bernath">'
                  '<meta name="twitter:label2" content="Est. reading time">'
                  '<meta name="twitter:data2" content="7 minutes">')
    assert found.get("author") == [("Chase Bernath", "meta")]


def test_publication_date_as_a_data_attribute_of_the_page() -> None:
    found = Candidates()
    meta_tags.read(dom.parse('<html><head></head><body data-pubdate="2022-10-05" '
                                   'data-lastmod="2025-12-02"><p>x</p></body></html>'), found)
    assert found.get("published") == [("2022-10-05", "meta")]


def test_site_specific_author_tags_are_read() -> None:
    found = Candidates()
    meta_tags.read(dom.parse('<html><head><meta property="cXenseParse:author" '
                                   'content="Harry Rabinowitz"></head><body></body></html>'), found)
    assert found.get("author") == [("Harry Rabinowitz", "meta")]


def test_library_tags_written_surname_first_are_read_in_a_reader_s_order() -> None:
    found = Candidates()
    tags = "".join(f'<meta name="citation_author" content="{n}">'
                   for n in ("Roy, Aniruddha", "Kaufman, Jeff T.", "Doe, MD"))
    meta_tags.read(dom.parse(f"<html><head>{tags}</head><body></body></html>"), found)
    names = ("Aniruddha Roy", "Jeff T. Kaufman", "Doe, MD")  # a credential stays where it is
    assert [v for v, _ in found.get("author")] == list(names)
    assert found.get("coauthors") == [(names, "meta")]
    assert meta_tags.reader_order("Jane Doe, Ali Kaya") == "Jane Doe, Ali Kaya"  # two people
