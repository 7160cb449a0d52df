"""dom: parsing never reaches the disk or the network, and survives hostile markup."""
from __future__ import annotations

import socket

import pytest
from lxml import etree, html

from copydesk import dom
from copydesk.errors import NoContentError

XXE = """<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY file SYSTEM "file:///etc/passwd">
  <!ENTITY net SYSTEM "http://127.0.0.1:9/x">
]>
<html><body><p>before &file; middle &net; after</p></body></html>"""


def text_of(root: etree._Element) -> str:
    return " ".join(dom.text_content(root).split())


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the parser tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_external_entities_are_never_expanded(no_network):
    text = text_of(dom.parse(XXE))
    assert "before" in text and "after" in text
    assert "root:" not in text


def test_xinclude_is_left_alone(no_network):
    page = ('<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>kept</p>'
            '<xi:include href="/etc/passwd" parse="text"/></body></html>')
    text = text_of(dom.parse(page))
    assert text == "kept"


def test_nul_and_control_characters_are_dropped():
    root = dom.parse("<p>a\x00b\x01c\x0bd</p>")
    assert text_of(root) == "abcd"


def test_xml_declaration_with_encoding_in_a_str_is_accepted():
    # lxml refuses str input that declares an encoding; the declaration is dropped first.
    root = dom.parse('<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>')
    assert text_of(root) == "x"


@pytest.mark.parametrize("text", ["   ", "<!-- only a comment -->"])
def test_nothing_to_parse_is_no_content(text):
    with pytest.raises(NoContentError):
        dom.parse(text)


def test_depth_limit_keeps_what_comes_before():
    # libxml2's HTML parser stops at 255 levels (README notes); a page that deep keeps what
    # precedes the deep part, and parsing stays fast and flat.
    deep = "<div>" * 200_000 + "deep" + "</div>" * 200_000
    root = dom.parse(f"<html><body><p>before</p>{deep}</body></html>")
    assert "before" in text_of(root)
    assert max(sum(1 for _ in el.iterancestors()) for el in root.iter()) <= 256


def test_shallow_nesting_is_kept_whole():
    root = dom.parse("<html><body>" + "<div>" * 250 + "deep" + "</div>" * 250 + "</body></html>")
    assert "deep" in text_of(root)


def test_rss_parses_as_tag_soup():
    root = dom.parse('<?xml version="1.0"?><rss><channel><title>Feed</title></channel></rss>')
    assert "Feed" in text_of(root)


def test_controls_and_noncharacters_are_dropped_and_the_declared_charset_ignored():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>a\x00b\x1fc\uffffd é</p>'
    assert text_of(dom.parse(page)) == "abcd é"


def test_elements_are_plain_etree_elements():
    # lxml.html's HtmlElement proxies are Python subclass instances: slower to create, and
    # every step creates hundreds of proxies.
    root = dom.parse("<html><body><form><label>Name</label><input name='q'></form>"
                     "<div><p>text</p></div></body></html>")
    assert {type(el) for el in root.iter()} == {etree._Element}


def test_text_content_is_lxml_html_text_content():
    markup = ("<html><body><div id='d'>a<b>b<i>c</i>d</b>e<!-- no --><br>f<script>g</script>"
              "</div>tail</body></html>")
    ours = dom.parse(markup).find(".//div")
    theirs = html.document_fromstring(markup).find(".//div")
    assert dom.text_content(ours) == theirs.text_content() == "abcdefg"


@pytest.mark.parametrize("markup", [
    "<div>head<p>drop</p>tail<p>next</p></div>",
    "<div>head<i>kept</i><p>drop</p>tail</div>",
    "<div><i>kept</i>mid<p>drop <b>in</b></p>tail</div>",
    "<div><p>drop</p></div>",
])
def test_drop_tree_keeps_the_tail_where_it_was(markup):
    ours, theirs = dom.parse(markup), html.document_fromstring(markup)
    dom.drop_tree(ours.find(".//p"))
    theirs.find(".//p").drop_tree()
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert b"drop" not in etree.tostring(ours)


@pytest.mark.parametrize("code", [*range(0, 9), 11, 12, *range(14, 32)])
def test_each_c0_control_alone_is_dropped(code):
    assert text_of(dom.parse(f"<p>a{chr(code)}b\tc</p>")) == "ab c"
