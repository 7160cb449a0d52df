"""schema.org JSON-LD reading (metadata/jsonld.py)."""
from __future__ import annotations

from copydesk import dom
from copydesk.metadata import jsonld
from copydesk.metadata.candidates import Candidates


def _read(*scripts: str) -> Candidates:
    body = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    found = Candidates()
    jsonld.read(dom.parse(f"<html><head>{body}</head><body></body></html>"), found)
    return found


def test_graph_with_referenced_author_and_publisher() -> None:
    found = _read('{"@context": "https://schema.org", "@graph": ['
                  '{"@type": "NewsArticle", "headline": "Rates rise", '
                  '"author": {"@id": "#jane"}, "publisher": {"@id": "#org"}, '
                  '"datePublished": "2025-03-03T09:00:00-05:00"},'
                  '{"@type": "Person", "@id": "#jane", "name": "Jane Doe"},'
                  '{"@type": "NewsMediaOrganization", "@id": "#org", "name": "The Daily"}]}')
    assert found.get("author") == [("Jane Doe", "json-ld")]
    assert found.get("publisher") == [("The Daily", "json-ld")]
    assert found.get("published") == [("2025-03-03T09:00:00-05:00", "json-ld")]


def test_an_image_given_by_reference_is_the_referenced_image_s_url() -> None:
    # Yoast: "image": {"@id": "…#primaryimage"}, the ImageObject elsewhere in the graph.
    found = _read('{"@graph": [{"@type": "Article", "headline": "H", "image": '
                  '{"@id": "https://example.org/a/#primaryimage"}}, {"@type": "ImageObject", '
                  '"@id": "https://example.org/a/#primaryimage", '
                  '"url": "https://example.org/uploads/lead.jpg"}]}')
    assert found.get("image") == [("https://example.org/uploads/lead.jpg", "json-ld")]


def test_list_of_objects_and_author_list() -> None:
    found = _read('[{"@type": "WebSite", "name": "Site"}, {"@type": ["BlogPosting"], '
                  '"headline": "H", "author": [{"@type": "Person", "name": "A One"}, "B Two"]}]')
    assert [v for v, _ in found.get("author")] == ["A One", "B Two"]


def test_broken_json_is_tolerated() -> None:
    found = _read('{"@type": "Report", "headline": "Line one\nline two", "author": "X Y",}')
    assert found.get("headline") == [("Line one line two", "json-ld")]


def test_html_escapes_in_values_are_decoded() -> None:
    found = _read('{"@type": "Article", "headline": "Jan&#8217;s &amp;amp; Bob&#039;s", '
                  '"author": {"@type": "Person", "name": "Maria &amp; Katerina"}}')
    assert found.get("headline") == [("Jan’s & Bob's", "json-ld")]
    assert found.get("author") == [("Maria & Katerina", "json-ld")]


def test_organization_author_goes_to_organization() -> None:
    found = _read('{"@type": "NewsArticle", "author": {"@type": "Organization", '
                  '"name": "Reuters"}}')
    assert found.get("author") == []
    assert found.get("organization") == [("Reuters", "json-ld")]


def test_person_publisher_is_no_site_name() -> None:
    """On a personal blog the publisher is its author: keeping it as the site name would
    later filter the author out."""
    found = _read('{"@type": "BlogPosting", "author": {"@type": "Person", "name": "Gabby B"},'
                  ' "publisher": {"@type": "Person", "name": "Gabby B"}}')
    assert found.get("publisher") == []
    assert found.get("author") == [("Gabby B", "json-ld")]


def test_dateline_is_read() -> None:
    found = _read('{"@type": "NewsArticle", "dateline": "BERLIN"}')
    assert found.get("dateline") == [("BERLIN", "json-ld")]


def test_json_ld_written_into_a_meta_tag_is_read() -> None:
    content = ('{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Full EV cars'
               '&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}')
    markup = f'<html><head><meta name="script:ld+json" content="{content}"></head><body></body></html>'
    found = Candidates()
    jsonld.read(dom.parse(markup), found)
    assert found.get("published") == [("2025-11-17T09:00:00-05:00", "json-ld")]
    assert found.get("headline") == [("Full EV cars", "json-ld")]


def test_a_product_with_no_article_makes_a_product_page() -> None:
    product = ('{"@type": "Product", "name": "Trailhead 40", "review": [{"@type": "Review", '
               '"reviewBody": "Light and dry."}]}')
    assert _read(product).get("genre") == [("product", "json-ld")]
    # a buyer's guide that lists products is an article about them
    guide = '{"@type": "NewsArticle", "headline": "The best daypacks"}'
    assert _read(guide, product).get("genre") == []
