"""What the page shows a reader: bylines ("By …", "Write to …"), datelines, <time> stamps.

Pure text functions, so HTML blocks and plain-text lines go through the same code.
"""
from __future__ import annotations

import re

from lxml import etree, html

from ..model import Dateline
from .candidates import Candidates
from .dates import find_date, parse_date

SOURCE = "visible"
AGENCIES = (
    "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "Bloomberg", "dpa",
    "EFE", "ANSA", "UPI", "CNN", "Xinhua", "Kyodo", "PA", "Press Association", "KNA", "epd",
    "Europa Press", "AAP", "CP", "The Canadian Press", "PTI", "IANS", "Yonhap", "TASS", "ANP",
)
_AGENCY_RX = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")\b")
_BY = re.compile(r"^(?:by|von|par|por|written by|words by|story by|text:|texto:)\s+", re.I)
_ROLES = re.compile(
    r",?\s*\b(?:staff (?:writer|reporter|report)|senior (?:writer|editor|reporter|"
    r"correspondent)|(?:chief |political |foreign |senior )?correspondent|contributing "
    r"(?:writer|editor)|contributor|reporter|editor(?:-at-large| in chief)?|columnist|"
    r"special to [\w .]+|for [A-Z][\w.]+(?: [A-Z][\w.]+)*|photographer)\b.*$",
    re.I,
)
_EMAIL = re.compile(r"\S+@\S+")
_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*")
_NOT_NAME = re.compile(
    r"\b(?:staff|team|desk|news|editors?|editorial|media|press|inc|ltd|llc|group|online|"
    r"magazine|newsroom|admin|administrator|redaktion|rédaction|redacción|updated|published|"
    r"posted|min read|ago)\b|\d|@|https?:",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\.?)?)"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zäéû]{3,9}\.?)"
    r"(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?"
    r"\s*(?P<sep>—|–|-{1,2}|:)\s*(?=\S)"
)
# Capitals that open a line but are no place.
_NOT_PLACES = frozenset({
    "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "BREAKING", "BREAKING NEWS", "LIVE", "VIDEO",
    "OPINION", "ANALYSIS", "EDITOR'S NOTE", "NOTE", "PHOTOS", "LISTEN", "CORRECTION", "FILE",
    "DEAR", "Q", "A", "FAQ", "SPOILER", "WARNING", "TL;DR", "TLDR", "PS", "P.S.", "NEW", "AUDIO",
    "READ", "RELATED", "ADVERTISEMENT", "DISCLAIMER", "SUMMARY", "UPDATE 1", "UPDATE 2",
    "EILMELDUNG", "EXKLUSIV", "DIRECT", "EXCLUSIF", "URGENTE", "ÚLTIMA HORA", "IMPORTANT",
})


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """``ISTANBUL—Turkey's President…`` → (Dateline(place="ISTANBUL", …), "Turkey's President…")."""
    match = _DATELINE.match(text)
    if not match:
        return None, text
    place = match.group("place").strip().rstrip(",")
    head = place.split(",")[0].strip().rstrip(".")
    if head.upper() in _NOT_PLACES or not head.isupper() or len(head) < 2:
        return None, text
    if match.group("sep") == ":" and not match.group("agency") and " " in head and len(head) > 20:
        return None, text
    raw = text[: match.end()].strip()
    date = match.group("date")
    iso = parse_date(date) if date and re.search(r"\d{4}", date) else None
    agency = match.group("agency")
    return Dateline(place=place, date=iso, agency=agency, raw=raw), text[match.end():]


def parse_byline(text: str) -> tuple[list[str], str | None]:
    """``By Jane Doe and Ali Kaya, Associated Press`` → (["Jane Doe", "Ali Kaya"], "Associated Press")."""
    text = _EMAIL.sub("", text)
    text = _BY.sub("", text.strip())
    agency = _AGENCY_RX.search(text)
    organization = agency.group(0) if agency else None
    if agency:
        text = text[: agency.start()] + text[agency.end():]
    names = []
    for part in _SPLIT.split(_ROLES.sub("", text)):
        name = clean_name(part)
        if name:
            names.append(name)
    return names, organization


def clean_name(text: str) -> str | None:
    """A person's name, or None when the text is a role, a site or a date."""
    text = _BY.sub("", " ".join(text.split())).strip(" ,;:|-–—·•()[]")
    if not text or len(text) > 60 or _NOT_NAME.search(text):
        return None
    words = text.split()
    if not 1 <= len(words) <= 5 or not any(w[:1].isupper() for w in words):
        return None
    return text


def is_byline(text: str) -> bool:
    return len(text) < 160 and bool(_BY.match(text)) and bool(parse_byline(text)[0])


def stamp_date(text: str) -> str | None:
    return find_date(text) if len(text) < 200 else None


_TIMES = etree.XPath("//time[@datetime]|//*[@pubdate]")
_REL_AUTHOR = etree.XPath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")


def read(root: html.HtmlElement, found: Candidates) -> None:
    """Page-level signs a reader sees: rel=author links and the first <time datetime>."""
    for link in _REL_AUTHOR(root)[:3]:
        found.add("author", clean_name(link.text_content()), SOURCE)
    for el in _TIMES(root)[:2]:
        found.add("published", el.get("datetime") or el.get("pubdate"), SOURCE)
