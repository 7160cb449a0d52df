"""Dates as pages write them, to ISO 8601. The calendar day is kept as written (no UTC shift)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12, "okt": 10, "dez": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}


def _month_group(names: list[str]) -> str:
    """The month names as one capturing group, longest first, branching on the first letter.

    Under re.I, sre can only reject a name by trying it, so sixty-odd names cost sixty-odd
    tries at every character of a line; a first letter matched without re.I (``(?-i:[Mm])``)
    is rejected in one step, so each position tries one letter's few names. Within a letter
    the longest-first order stays, so every match is the one the flat list found."""
    by_letter: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_letter.setdefault(name[0], []).append(re.escape(name[1:]))
    return "(" + "|".join(f"(?-i:[{_cases(letter)}])(?:{'|'.join(rests)})"
                          for letter, rests in by_letter.items()) + ")"


def _cases(letter: str) -> str:
    """What re.I matches for a month's initial: the letter, its capital and, for 's', the long
    s 'ſ' (a test checks this against every code point)."""
    return letter + letter.upper() + ("\u017f" if letter == "s" else "")


_MONTH = _month_group(list(MONTHS)) + r"\.?"
_ISO_TIME = r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _ISO_TIME)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?")
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?" + _MONTH
                  + r",?\s+(?:de\s+)?(\d{4})", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b")
_YMD_SLASH = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")  # "2019/1/22"
_YEAR = re.compile(r"\d{4}")
# an ISO day as printed: two-digit month and day, not part of a longer number or a version
_ISO_WRITTEN = re.compile(r"(?<![\d./-])(\d{4})-(\d{2})-(\d{2})" + _ISO_TIME + r"(?![\d-])")
_URL_MONTH_DATE = re.compile(r"/((?:20|19)\d{2})/([a-z]{3,9})/(0?[1-9]|[12]\d|3[01])(?:[/\-_+.]|$)",
                             re.I)  # "/2023/october/03/"
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/\-_+.]|$)")


def parse_date(value: str | None) -> str | None:
    """Any common date form to ISO 8601: date, or date-time with its zone when given."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit() and len(value) >= 10:
        return _from_timestamp(value)
    match = _ISO.search(value) or _COMPACT.match(value)
    if match:
        return _iso(match.groups())
    parsed = _rfc2822_fields(value) if "," in value or ":" in value else None
    if parsed and parsed[0] > 1900:
        return _rfc2822(parsed)
    return find_date(value)


def find_date(text: str) -> str | None:
    """The first written-out date in a line of prose ("March 3, 2025", "3. März 2025")."""
    found = find_date_span(text)
    return found[0] if found else None


def find_date_span(text: str) -> tuple[str, int] | None:
    """The first written-out date in a line and how many characters it takes up there."""
    if _YEAR.search(text) is None:
        return None  # every form below has a four-digit year: skip the costly month patterns
    match = _MDY.search(text)
    if match:
        return _spanned(_ymd(match.group(3), MONTHS[match.group(1).lower()], match.group(2)), match)
    match = _DMY.search(text)
    if match:
        return _spanned(_ymd(match.group(3), MONTHS[match.group(2).lower()], match.group(1)), match)
    match = _NUMERIC.search(text)
    if match:
        first, second = int(match.group(1)), int(match.group(3))
        # dd.mm.yyyy in Europe; mm/dd/yyyy unless the first number cannot be a month.
        if match.group(2) == "." or first > 12:
            first, second = second, first
        return _spanned(_ymd(match.group(4), first, second), match)
    match = _YMD_SLASH.search(text)
    if match:
        return _spanned(_ymd(match.group(1), match.group(2), match.group(3)), match)
    match = _ISO_WRITTEN.search(text)  # "2024-11-06", a tech blog's stamp
    if match:
        return _spanned(_iso(match.groups()), match)
    return None


def date_start(text: str) -> int | None:
    """Where the first written-out date of a line begins, or None."""
    if _YEAR.search(text) is None:
        return None
    forms = (_ISO, _MDY, _DMY, _NUMERIC, _YMD_SLASH)
    starts = [m.start() for rx in forms if (m := rx.search(text))]
    return min(starts, default=None)


def _spanned(date: str | None, match: re.Match) -> tuple[str, int] | None:
    return (date, match.end() - match.start()) if date else None


_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
_READ_TIME = re.compile(r"\b(?:\d+|x)\s*min(?:ute)?s?\.?(?:\s+read)?\b", re.I)


def strip_dates(text: str) -> str:
    """The line without its dates, times and reading times ('Andrew Gerrand 4 August 2010'
    → 'Andrew Gerrand'), so a byline that shares a line with its stamp can be read."""
    for pattern in (_ISO, _MDY, _DMY, _NUMERIC, _YMD_SLASH, _TIME, _READ_TIME):
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def date_from_url(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    if match:
        return _ymd(*match.groups())
    match = _URL_MONTH_DATE.search(url or "")
    month = MONTHS.get(match.group(2).lower()) if match else None
    return _ymd(match.group(1), month, match.group(3)) if match and month else None


def _ymd(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return datetime(int(year), int(month), int(day)).date().isoformat()
    except ValueError:
        return None


def _iso(groups: tuple) -> str | None:
    year, month, day, hour, minute, second, *zone = groups + (None,) * (7 - len(groups))
    date = _ymd(year, month, day)
    if date is None or not 1800 < int(year) < 2200:
        return None
    if hour is None:
        return date
    if int(hour) > 23 or int(minute) > 59:
        return date
    tz = zone[0] if zone else None
    if tz and tz != "Z" and ":" not in tz:
        tz = f"{tz[:3]}:{tz[3:]}"
    tz = "+00:00" if tz == "Z" else tz
    return f"{date}T{int(hour):02d}:{minute}:{second or '00'}{tz or ''}"


def _rfc2822_fields(value: str) -> tuple | None:
    """email.utils' reading of 'Tue, 03 Mar 2025 10:00:00 +0100', loaded on first use: it
    imports socket, random and more, a tenth of copydesk's import time, for a rare form."""
    from email.utils import parsedate_tz
    return parsedate_tz(value)


def _rfc2822(parsed: tuple) -> str | None:
    year, month, day, hour, minute, second, *_rest, offset = parsed
    date = _ymd(year, month, day)
    if date is None:
        return None
    if offset is None:
        return f"{date}T{hour:02d}:{minute:02d}:{second:02d}"
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f"{date}T{hour:02d}:{minute:02d}:{second:02d}{sign}{hours:02d}:{minutes:02d}"


def _from_timestamp(value: str) -> str | None:
    seconds = int(value[:10])
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    except (OverflowError, OSError, ValueError):
        return None
