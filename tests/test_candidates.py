"""Candidates: per-field values with their sources (metadata/candidates.py)."""
from __future__ import annotations

from copydesk.metadata.candidates import Candidates


def test_a_deferred_field_is_produced_once_on_first_ask() -> None:
    calls: list[int] = []

    def produce() -> list[str]:
        calls.append(1)
        return ["Jane Doe", "Jane  Doe", None]

    found = Candidates()
    found.defer("owner", produce, "visible")
    found.add("author", "Ali Kaya", "meta")
    assert found.get("author") == [("Ali Kaya", "meta")]
    assert calls == []  # asking for other fields does not make it
    assert found.get("owner") == [("Jane Doe", "visible")]  # cleaned and deduplicated like add()
    assert found.first("owner") == ("Jane Doe", "visible")
    assert calls == [1]


def test_first_and_get_agree_on_a_deferred_field() -> None:
    found = Candidates()
    found.defer("owner", lambda: ["A B"], "visible")
    assert found.first("owner") == ("A B", "visible")
    assert found.get("missing") == [] and found.first("missing") is None
