"""Dates as pages write them, to ISO 8601 (metadata/dates.py)."""
from __future__ import annotations

import pytest

from copydesk.metadata.dates import (date_from_url, date_start, find_date, find_date_span,
                                     parse_date)


@pytest.mark.parametrize("value, iso", [
    ("2025-03-03T09:05:00-05:00", "2025-03-03T09:05:00-05:00"),
    ("2025-03-03T23:30:00Z", "2025-03-03T23:30:00+00:00"),
    ("2025-03-03T23:30:00.123+0530", "2025-03-03T23:30:00+05:30"),  # day as written, not UTC
    ("2025-03-03", "2025-03-03"),
    ("Mon, 03 Mar 2025 09:05:00 -0500", "2025-03-03T09:05:00-05:00"),
    ("March 3, 2025", "2025-03-03"),
    ("3. März 2025", "2025-03-03"),
    ("3 mars 2025", "2025-03-03"),
    ("3 de marzo de 2025", "2025-03-03"),
    ("03.03.2025", "2025-03-03"),
    ("13/11/2025 09:21:40", "2025-11-13"),
])
def test_parse_date(value: str, iso: str) -> None:
    assert parse_date(value) == iso


def test_no_date() -> None:
    assert parse_date("yesterday") is None
    assert find_date("Copyright holders") is None


def test_date_from_url() -> None:
    assert date_from_url("https://x.example/2025/03/03/story") == "2025-03-03"
    assert date_from_url("https://x.example/story-20250303") is None


def test_find_date_span_says_how_much_of_the_line_the_date_takes() -> None:
    assert find_date_span("Updated Aug 19, 2025") == ("2025-08-19", len("Aug 19, 2025"))
    assert find_date_span("no date here") is None


@pytest.mark.parametrize("text, found", [
    ("Published 2024-11-06", ("2024-11-06", 10)),
    ("2024-11-06 09:30 UTC", ("2024-11-06T09:30:00", 17)),
    ("Last updated 2025-12-18T10:05:00Z.", ("2025-12-18T10:05:00+00:00", 20)),
    ("release 1.2024-11-06", None),  # part of a version number
    ("order 2024-11-0612", None),  # part of a longer number
    ("week 2024-1-6", None),  # not the ISO form
])
def test_an_iso_day_printed_as_text_is_a_date(text: str, found: tuple | None) -> None:
    assert find_date_span(text) == found


def test_date_from_url_followed_by_a_plus_or_a_dot() -> None:
    assert date_from_url("https://blog.example.fr/articles/2025-12-15+Rust+GCC") == "2025-12-15"
    assert date_from_url("https://x.example/p/2025-12-15.html") == "2025-12-15"


def test_strip_dates_leaves_the_names_of_a_stamp_line() -> None:
    from copydesk.metadata.dates import strip_dates
    assert strip_dates("Andrew Gerrand 4 August 2010") == "Andrew Gerrand"
    assert strip_dates("Dec 26, 2025 • Mahua Das") == "• Mahua Das"
    assert strip_dates("24 Apr 2000 • 3 min read") == "•"
    assert strip_dates("2025-12-17 · 9:14 AM EST · Trond Teigen") == "· · Trond Teigen"


def test_year_first_slashed_dates_and_month_names_in_urls() -> None:
    assert parse_date("2019/1/22") == "2019-01-22"
    assert find_date("Posted 2019/01/22 by Jeff") == "2019-01-22"
    assert date_from_url("https://x.org/blog/2023/october/03/how-to-taste") == "2023-10-03"
    assert date_from_url("https://x.org/blog/2023/notamonth/03/x") is None


def test_date_start_finds_the_earliest_date_of_any_form() -> None:
    assert date_start("by Dan Gibbs | Mar 11, 2023 | 2023-03-12") == 15
    assert date_start("Dan Gibbs, no date here") is None


_EVERY_CHAR = "".join(map(chr, range(0x110000)))


def test_month_initials_match_what_re_i_matches() -> None:
    """The month group takes its first letter without re.I: the class must hold exactly what
    re.I would match for it, over every code point."""
    import re

    from copydesk.metadata.dates import MONTHS, _cases
    for letter in {name[0] for name in MONTHS}:
        assert set(_cases(letter)) == set(re.findall(letter, _EVERY_CHAR, re.I)), letter


@pytest.mark.parametrize("text", [
    "March 3, 2025", "SEPT. 3 2020", "ſeptember 3, 2020", "Grammar 2 2020", "a mayo 12 2024",
    "3 de junio de 2025", "1. MÄRZ 2020", "12th dec, 2019 and Jan 5 2020", "Sun 4 August 2010",
    "septiembre 7, 2021", "Dezember 24 2024", "no date 2024",
])
def test_month_forms_match_as_a_flat_list_of_names(text: str) -> None:
    """Branching on the first letter finds the same dates, and the same spans, as the flat
    longest-first list of names."""
    import re

    from copydesk.metadata import dates
    flat = "(" + "|".join(sorted(dates.MONTHS, key=len, reverse=True)) + r")\.?"
    mdy = re.compile(flat + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
    dmy = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?" + flat
                     + r",?\s+(?:de\s+)?(\d{4})", re.I)
    for old, new in ((mdy, dates._MDY), (dmy, dates._DMY)):
        assert [(m.span(), m.groups()) for m in old.finditer(text)] == \
            [(m.span(), m.groups()) for m in new.finditer(text)]
