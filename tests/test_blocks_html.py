"""blocks.html: what the pruning keeps and how the walk cuts a page into blocks."""
from __future__ import annotations

from copydesk import dom
from copydesk.blocks import from_html

PROSE = "This sentence is long enough to read like part of an article, not a menu item."


def texts(markup: str) -> list[str]:
    return [b.text for b in from_html(dom.parse(markup)).blocks if b.text]


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


def test_hidden_elements_elsewhere_are_pruned() -> None:
    markup = (
        '<html><body><div><p aria-hidden="true">Icon</p><p style="display: none">Gone</p>'
        f"<p>{PROSE}</p></div></body></html>"
    )
    assert texts(markup) == [PROSE]
