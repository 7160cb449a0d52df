"""What the page shows a reader: bylines ("By …", "Write to …"), datelines, <time> stamps.

Pure text functions, so HTML blocks and plain-text lines go through the same code.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import islice

from lxml import etree

from ..dom import Element, text_content
from ..model import Dateline
from .candidates import Candidates
from .dates import date_start, find_date, find_date_span, parse_date, strip_dates
from .scan import Scan, walk

SOURCE = "visible"
AGENCIES = (
    "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "Bloomberg", "dpa",
    "EFE", "ANSA", "UPI", "CNN", "Xinhua", "Kyodo", "PA", "Press Association", "KNA", "epd",
    "Europa Press", "AAP", "CP", "The Canadian Press", "PTI", "IANS", "Yonhap", "TASS", "ANP",
)
AGENCY_RX = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")\b")
_BY = re.compile(
    r"^(?:(?:by|von|par|por|de|written by|words by|story by|reported by|posted by|author)(?::\s*|\s+)|"
    r"(?:authors?|autor(?:in)?|auteur|text|texto|texte)\s?:\s*)", re.I)
# Where a printed name ends: a role, a stamp ("Updated", "Published", a weekday), a separator.
ROLE_WORDS = (
    r"(?:senior |chief |managing |contributing |staff |associate |"
    r"assistant |executive |deputy )?(?:writer|editor|analyst|director|manager|vp|ceo|cto|"
    r"founder|co-founder|specialist|strategist|expert|consultant|officer|president|intern|"
    r"producer|correspondent|reporter|columnist|contributor|redakteur(?:in)?|journaliste?|"
    r"periodista|redactor(?:a)?)\b")
_ROLE_END = re.compile(r"^\s*" + ROLE_WORDS, re.I)
_NAME_END = re.compile(
    r"(?<!\s)\s+(?:[|•·]|[-–—]\s|" + ROLE_WORDS + r"|(?:updated|published|posted|aktualisiert|"
    # a second credit on the same line: "| Edited by …", "Fact checked by …", "Reviewed by …"
    r"edited|fact[- ]?checked|reviewed|medically reviewed|tested|illustrated|photographs|"
    r"last (?:updated|modified)|"
    r"veröffentlicht|mis à jour|publié|actualizado|publicado|on|am|le|el|in)\b)",
    re.I,
)
# Credentials after a name ("MD", "RD", "PhD", "E-RYT 200") are no person.
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]{0,5}\.?(?:-[A-Z]+)?|Ph\.?D\.?|M\.D\.)$")
_ROLES = re.compile(
    r"(?<![\s,]),?\s*\b(?:staff (?:writer|reporter|report)|senior (?:writer|editor|reporter|"
    r"correspondent)|(?:chief |political |foreign |senior )?correspondent|contributing "
    r"(?:writer|editor)|contributor|reporter|editor(?:-at-large| in chief)?|columnist|"
    r"special to [\w .]+|for [A-Z][\w.]+(?: [A-Z][\w.]+)*|photographer)\b.*$",
    re.I,
)
# Starts only where a word starts, and takes its run whole (possessive): linear on long runs.
_EMAIL = re.compile(r"(?<!\S)[^\s@]++@\S+")
# A second credit on the line ends the author's part: "| Edited by …", ". Reviewed by …".
_SECOND_CREDIT = re.compile(
    r"(?<![\s|•·.,;])[\s|•·.,;]*\b(?:edited|fact[- ]?checked|(?:medically )?reviewed|tested|illustrat(?:ed|ions)|"
    r"photo(?:graph)?s|produced|additional reporting)\b(?:\s*by\b|\s*:).*$", re.I)
# the leading run is bounded so a long run of spaces cannot make the search quadratic
_SPLIT = re.compile(r"\s{0,4}(?:,|&|\band\b|\bund\b|\bet\b|\by\b|[|•·⋅])\s*")
_NOT_NAME = re.compile(
    r"\bby\b|\b(?:bio|biography|login|profile|more|view all|see all|posts|articles|reviewer|"
    r"disclosure|advertiser|sponsored|modified|reading time|"
    r"author|staff|team|desk|guest|columnists?|co-founder|founder|certified|news|editors?|editorial|media|press|inc|ltd|llc|group|online|"
    r"magazine|newsroom|admin|administrator|webmaster|pc|pllc|plc|corp|official|redaktion|rédaction|redacción|updated|published|"
    r"posted|min read|ago|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b|\d|@|https?:|[!?]",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\.?)?)"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zäéû]{3,9}\.?)"
    r"(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?"
    r"\s*\.?(?P<sep>—|–|-{1,2}(?=\s)|:)\s*(?=\S)"
)
# Capitals that open a line but are no place.
_NOT_PLACES = frozenset({
    "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "BREAKING", "BREAKING NEWS", "LIVE", "VIDEO",
    "OPINION", "ANALYSIS", "EDITOR'S NOTE", "NOTE", "PHOTOS", "LISTEN", "CORRECTION", "FILE",
    "DEAR", "Q", "A", "FAQ", "SPOILER", "WARNING", "TL;DR", "TLDR", "PS", "P.S.", "NEW", "AUDIO",
    "READ", "RELATED", "ADVERTISEMENT", "DISCLAIMER", "SUMMARY", "UPDATE 1", "UPDATE 2",
    "EILMELDUNG", "EXKLUSIV", "DIRECT", "EXCLUSIF", "URGENTE", "ÚLTIMA HORA", "IMPORTANT",
})


# A column's salutation ("DEAR ABBY:") opens with capitals too.
_SALUTATIONS = frozenset({"DEAR", "LIEBE", "LIEBER", "CHER", "CHÈRE", "QUERIDA", "QUERIDO"})


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """``ISTANBUL—Turkey's President…`` → (Dateline(place="ISTANBUL", …), "Turkey's President…")."""
    match = _DATELINE.match(text)
    if not match:
        return None, text
    place = match.group("place").strip().rstrip(",")
    head = place.split(",")[0].strip().rstrip(".")
    first_word = head.split()[0] if head.split() else head
    if (head.upper() in _NOT_PLACES or first_word in _SALUTATIONS or not head.isupper()
            or len(head) < 2):  # "DEAR ABBY:" is a column's salutation
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
    head = _before_date(text)
    if head is not None:
        names, organization = _names(head)
        if names:
            return names, organization
    return _names(text)


def _names(text: str) -> tuple[list[str], str | None]:
    """The names and the agency of a credit line whose 'By' is gone."""
    text = _SECOND_CREDIT.sub("", strip_dates(text))
    agency = AGENCY_RX.search(text)
    if agency and _one_word(text[: agency.start()]):
        return [], text.strip()  # 'Thomson Reuters Tax & Accounting': a company's name
    organization = agency.group(0) if agency else None
    if agency:
        text = text[: agency.start()] + text[agency.end():]
    names: list[str] = []
    rejected = False
    for part in _SPLIT.split(_cut_role(text)):
        if (names or len(part.split()) == 1) and is_credential(part):
            continue  # "Jane Doe, MD, RD"; "MS" alone
        name = clean_name(part)
        if name:
            names.append(name)
        elif part.strip():
            rejected = True
    if names and all(" " not in n for n in names) and (rejected or _ORG_WORD.fullmatch(names[0])):
        # a lone word is a user name when it is the whole credit; beside parts that name no
        # one it is a word of a sentence ('… to Earn, Grow, and Make an Impact'), and an
        # institution's first word is no one ('Center for Drug Evaluation and Research')
        return [], organization
    if names and len(names[0].split()) > 1:  # "Celeste Longacre, Astrologer": a role
        # "Celeste Longacre Gardener & Astrologer": a lone word joins the role before it
        names = [n.rsplit(" ", 1)[0] if len(n.split()) >= 3 and nxt and " " not in nxt else n
                 for n, nxt in zip(names, [*names[1:], None])]
        names = [n for n in names if len(n.split()) > 1]
    if len(names) > 1:
        names, organization = _affiliation(names, organization)
    return names, organization


def _one_word(text: str) -> bool:
    """A single capitalised word and nothing else, joined to the agency's name that follows."""
    words = text.split()
    return len(words) == 1 and words[0][:1].isupper() and words[0][-1:].isalpha()


# Words that make a byline part an institution ("MECLABS Institute", "Mayo Clinic").
_ORG_WORD = re.compile(r"\b(?:institute|university|college|school|academy|association|foundation|"
                       r"society|council|center|centre|clinic|hospital|agency|company|"
                       r"corporation|labs|studios?|bank)\b", re.I)


def _affiliation(names: list[str], organization: str | None) -> tuple[list[str], str | None]:
    """'Daniel Burstein, Senior Director, MECLABS Institute': beside the people a byline names,
    a part named like an institution is where they work, not a co-author."""
    people = [n for n in names if not _ORG_WORD.search(n)]
    if not people or len(people) == len(names):
        return names, organization
    return people, organization or next(n for n in names if n not in people)


def _before_date(text: str) -> str | None:
    """'Daniel Gibson | Mar 11, 2023 | Brakes, Brake Repair': what comes before the line's
    date, which is the whole credit when it names anyone (what follows the date is the post's
    categories or counts); None when no date follows a text."""
    start = date_start(text)
    if not start:
        return None
    head = text[:start].rstrip()
    # "Released: June 17, 2025 by Tor Books": the date of a labelled fact
    return None if head.endswith(":") else head


def _cut_role(text: str) -> str:
    """The text before a role. 'Jack Beresford Senior Life and Trends Reporter': a long run of
    capitalised words straight before the role is the name's two words and the role's own."""
    role = _ROLES.search(text)
    if role is None:
        return text
    head = text[: role.start()]
    words = head.split()
    title = not role.group(0).lstrip(" ,").lower().startswith(("for ", "special"))
    if (len(words) >= 4 or len(words) == 3 and title and not _initial(words[1])) \
            and not re.search(r"[,|;]", head):
        return " ".join(words[:2])  # "… Senior Life and Trends Reporter", "… Tech Reporter"
    return head


def clean_name(text: str) -> str | None:
    """A person's name, or None when the text is a role, a site or a date."""
    text = _BY.sub("", " ".join(text.split()))
    end = _NAME_END.search(text)
    text = (text[: end.start()] if end else text).strip(" ,;:|-–—·•()[]")
    lead = _ROLE_LEAD.search(text)
    if lead and lead.start() == 0:
        return None  # "Senior Review Analyst", "Print Managing Editor"
    if lead and len(text[: lead.start()].split()) >= 2:
        text, end = text[: lead.start()].strip(), None  # "Matt Check Head Winemaker"
    words = text.split()
    role = bool(end and _ROLE_END.match(end.group(0)))
    if end and (len(words) >= 4 or len(words) == 3 and (words[2].isupper() or role
                                                        and not _initial(words[1]))):
        text = " ".join(words[:2])  # "Elena Doe Marketing Operations Analyst", "… Tech Reporter"
    elif end and len(words) < 2 and (role or end.group(0).strip().lower() == "in"):
        # "Shipping Expert": the word before a role is the role's own, and a lone word before
        # "in" opens a phrase ("Get in touch"); but a lone name before a stamp ("Posted by
        # BeauHD on Friday …") is the author's user name
        return None
    if not text or len(text) > 60 or _NOT_NAME.search(text):
        return None
    words = text.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return None  # "Insights from", "Corti AI platform for healthcare"
    if len(words) > 1 and words[0].lower() in _NOT_FIRST:
        return None  # "My Health Toolkit", "The Editors"
    return text


# A capitalised word that opens a job title when another capitalised word follows it.
_ROLE_LEAD = re.compile(r"\b(?:Head|Senior|Chief|Managing|Contributing|Staff|Associate|Assistant|"
                        r"Executive|Deputy|Print|Digital|Lead|Principal)\s+[A-Z]")


def _initial(word: str) -> bool:
    """'A.' or 'J.R.': a middle initial keeps a three-word name whole."""
    return bool(re.match(r"^(?:[A-Z]\.){1,2}$", word))


# A word of a person's name: capitalised, or a particle ("van", "de", "bin").
_NAME_WORD = re.compile(r"^(?:\(?[A-ZÀ-ÞŁŚŻČŠŽ][^\s,;|/:]*|[a-z]{1,2}['’][^\s,;|/:]+|van|von|der|den|de|da|di|del|"
                        r"la|le|du|bin|al|ibn|y|zu|dos|das|ter|ten)$")
_NOT_FIRST = frozenset({"the", "our", "your", "my", "a", "an", "this", "all"})


def looks_like_person(name: str) -> bool:
    """Two to four name words, each capitalised or a particle: 'Jane van der Berg', not 'Our
    latest stories'. Stricter than clean_name, for sources that are only a guess."""
    words = name.split()
    return (2 <= len(words) <= 4 and words[0][:1].isupper() and words[0].lower() not in _NOT_FIRST
            and all(_NAME_WORD.match(w) for w in words))


# A user name: one token ('aawoods', 'sara.r.peter', 'ColdJ') or a name in lower case
# ('annette thurmon').
_HANDLE = re.compile(r"^(?:[A-Za-z][\w.\-]{2,39}|[a-z]{2,20}(?: [a-z]{2,20}){1,2})$")
_NO_VALUE = frozenset({"undefined", "null", "none", "unknown", "anonymous", "nan"})


def is_handle(text: str) -> bool:
    """A user name a blog engine or a forum shows as the author ('aawoods', 'ColdJ', 'JGD',
    'user3080392'): one token or a name in lower case, not a role, a site label, a template's
    empty value, an agency's initials or a machine id ('mdelatorreq6vkpg2ma0ci')."""
    text = text.strip()
    return (bool(_HANDLE.match(text)) and not _NOT_NAME.search(_DIGITS.sub("", text))
            and text.lower() not in _NO_VALUE and not AGENCY_RX.fullmatch(text)
            and len(_DIGITS.findall(text)) <= 1)


_DIGITS = re.compile(r"\d+")


def is_credential(text: str) -> bool:
    words = text.strip(" ,;").split()
    return bool(words) and all(
        _CREDENTIAL.match(w) and sum(c.isupper() for c in w) >= 2 or w.isdigit() for w in words)


def strip_by(text: str) -> str:
    """The credit line without its leading 'By' / 'Von' / 'Par' / 'Por' (the JSON schema's form)."""
    return _BY.sub("", text.strip()) or text


def is_credit_label(text: str) -> bool:
    """'By', 'Written by:', 'Author': a credit's label alone, with the name elsewhere."""
    return _LABELS.match(text) is not None


def is_byline(text: str) -> bool:
    return len(text) < 160 and bool(_BY.match(text)) and bool(parse_byline(text)[0])


def stamp_date(text: str) -> str | None:
    return find_date(text) if len(text) < 200 else None


# Elements a site marks as the byline: the scan's class test is a cheap prefilter, tokens decide.
_BYLINE_WORDS = frozenset({"author", "authors", "byline", "writer", "autor", "auteur"})
# Parts of a class token that mark a picture, a bio box or a heading rather than the byline.
_NOT_BYLINE_WORDS = frozenset({
    "bio", "avatar", "image", "img", "photo", "pic", "description", "desc", "about", "box",
    "title", "label", "comment", "comments", "social", "follow", "more", "posts", "archive",
})
_LABELS = re.compile(r"^(?:written by|author|authors|by|von|autor(?:in)?|par|por|auteur|"
                     r"contributors?)\s*:?$",
                     re.I)
_BYLINE_LIMIT = 3  # the first few marked elements: later ones are comment or related-story bylines


def read(root: Element, found: Candidates, page: Scan | None = None) -> None:
    """Page-level signs a reader sees: rel=author links, elements marked as the byline,
    'Written by' labels, and the first <time datetime>."""
    page = page or walk(root)
    for link in page.rel_authors[:3]:
        found.add("author", clean_name(text_content(link)), SOURCE)
    for text in _marked_bylines(page):
        found.add("author", text, SOURCE)
        if is_byline(text):  # a printed "By …" line is also the byline as printed
            found.add("byline", text, SOURCE)
    for text in _printed_bylines(page):
        found.add("author", text, SOURCE)
        found.add("byline", text, SOURCE)
    found.add("author", _author_links(page), SOURCE)
    for el in page.times[:2]:
        found.add("published", el.get("datetime") or el.get("pubdate"), SOURCE)
    for date in _marked_dates(page):
        found.add("published", date, SOURCE)
    stamps = _head_stamps(page.h1s)
    for date, firm in head_dates(root, stamps):
        found.add("printed_date", date, SOURCE if firm else SOURCE + ":unsure")
    if not stamps and not found.get("published"):  # it only dates a page nothing else dates
        found.add("printed_date", _byline_row_date(page), SOURCE + ":unsure")
    found.add("author", _stamp_line(stamps), SOURCE)
    # Asked for only when nothing names an author, and it reads every link: made then.
    found.defer("owner", partial(_owner_links, page, _site_host(found)), SOURCE)


_OWNER_LIMIT = 3  # a header, a mobile header and a footer repeat the same few links
_ABOUT = re.compile(r"^about(?: me)?:?\s+", re.I)


def _owner_links(page: Scan, host: str | None) -> list[str]:
    """Names that a site's front-page and 'About' links give ('Pierce Freeman' → '/', 'About
    Melissa Neill' → '/about/'): a personal site links its owner's name there. Only a guess:
    reconcile takes one when nothing names an author and the site's address spells it."""
    names: list[str] = []
    for i in _owner_hrefs(page.hrefs, host):
        text = _ABOUT.sub("", _spaced_head(page.links[i], 60))
        if looks_like_person(text) and text not in names:
            names.append(text)
            if len(names) >= _OWNER_LIMIT:
                break
    return names


def _owner_hrefs(hrefs: list[str], host: str | None) -> list[int]:
    """The indexes of the links to the site's own front page or about page, relative or
    absolute (a link to another site's front page names that site). C-level tests rule out
    all but a few links: the loop runs over every link of the page."""
    roots = {f"{scheme}{www}{host}" for scheme in ("https://", "http://")
             for www in ("", "www.")} if host else set()
    starts = ("/about", *roots)
    return [i for i, href in enumerate(hrefs)
            if href in _HOME_HREFS or href.rstrip("/") in roots
            or "/about" in href and href.startswith(starts) and _ABOUT_PATH.search(href)]


_HOME_HREFS = frozenset({"/", "./", "../", "/index.html", "index.html"})
_ABOUT_PATH = re.compile(r"^(?:https?://[^/]+)?/about[^/]{0,40}/?$")  # not /about/team/jane


_HOST = re.compile(r"^https?://(?:www\.)?([^/:?#]+)")


def _site_host(found: Candidates) -> str | None:
    first = found.first("url")
    match = _HOST.match(first[0]) if first else None
    return match.group(1).lower() if match else None


def _byline_row_date(page: Scan) -> str | None:
    """The day printed on the byline's row ('Written by Jane Doe · April 8, 2024'), for a
    head whose headline has no stamp near it."""
    for el in page.credits[:2] + page.labels[:2] + page.marked_bylines[:_BYLINE_LIMIT]:
        for box in [el, *islice(el.iterancestors(), 3)]:
            if not _short(box):
                break
            text = _spaced_head(box, _LINE_LIMIT)
            if len(text) > _LINE_LIMIT or _NOT_STAMP.search(text):
                break
            if date := find_date(text):
                if _in_nav(el, page):
                    break
                return date
    return None


def _short(el: Element) -> bool:
    """Whether el's text may be a line: its raw text, blanks and all, stops early (a row's
    ancestors soon hold the whole page, whose text is not worth joining)."""
    size = 0
    for text in el.itertext():
        size += len(text)
        if size > 4 * _LINE_LIMIT:
            return False
    return True


_DATE_WORDS = frozenset({"date", "dates", "published", "publish", "pubdate", "posted", "time",
                         "timestamp", "dateline", "datetime", "postdate", "entrydate"})
_DATE_LIMIT = 2  # the article's own stamp comes first; later ones date teasers or comments


def _marked_dates(page: Scan) -> list[str]:
    """ISO days from elements marked as the date ('post-date', <time> without datetime):
    the stamp a reader sees when the page carries no machine-readable date."""
    dates: list[str] = []
    for el in page.marked_dates:
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        words = set().union(*map(_token_parts, marks))  # 'Author_publicationTime__F2lab' too
        if (el.tag != "time" and not _DATE_WORDS & words or _in_comments(el, page.regions)
                or _dated_entry(el)):
            continue
        text = _spaced_head(el, 80)
        date = find_date(text) if len(text) < 80 else _first_short_date(el)
        if date and date not in dates:
            dates.append(date)
        if len(dates) >= _DATE_LIMIT:
            break
    return dates


def _first_short_date(el: Element) -> str | None:
    """A date in one of the first texts of a marked element that holds more ('Posted on April
    13, 2023' followed by its tags): a stamp is a short text of its own."""
    texts = (t for t in el.itertext() if t.strip())
    for text in islice(texts, 3):
        if len(text) < 80 and (date := find_date(text)):
            return date
    return None


def _marked_bylines(page: Scan) -> list[str]:
    """Texts of elements whose class or id says 'byline' or 'author', outside comments,
    and of the element that follows a 'Written by' / 'Author' label."""
    texts: list[str] = []
    for el in page.marked_bylines:
        tokens = (el.get("class") or "").split() + (el.get("id") or "").split()
        if not any(_is_byline_token(t) for t in tokens):
            text = _name_above_bio(el, tokens, page)
        elif _in_comments(el, page.regions):
            continue
        else:
            text = _byline_text(el)
        if text and text not in texts:
            texts.append(text)
        if len(texts) >= _BYLINE_LIMIT:
            break
    for label in page.labels[:2]:
        text = None if _in_comments(label, page.regions) else _byline_text(label)
        if text and text not in texts:
            texts.append(text)
    return texts


def _name_above_bio(el: Element, tokens: list[str], page: Scan) -> str | None:
    """An author box's bio ('author-description') set right after the name in an element of
    its own, unmarked: that element's short text is the author's name."""
    before = el.getprevious()
    if (before is None or not any(_is_bio_token(t) for t in tokens)
            or _in_comments(el, page.regions)):
        return None
    name = clean_name(_spaced_head(before, 60))
    return name if name and looks_like_person(name) else None


def _is_bio_token(token: str) -> bool:
    parts = _token_parts(token)
    return bool(parts & _BYLINE_WORDS and parts & _BIO_WORDS)


_BIO_WORDS = frozenset({"bio", "description", "desc"})


@lru_cache(maxsize=4096)  # a listing repeats its cards' class words hundreds of times
def _token_parts(token: str) -> frozenset[str]:
    """A class token's words: 'hero__authorName' → {'hero', 'author', 'name'}."""
    return frozenset(_TOKEN_SPLIT.split(_CAMEL.sub(r"\1-\2", token).lower()))


def _is_byline_token(token: str) -> bool:
    """'post-author', 'byline', 'hero__author' yes; 'author-bio', 'author-avatar' no; but the
    name inside an author box ('author-box__name', 'authorName') is the author."""
    parts = _token_parts(token)
    if not parts & _BYLINE_WORDS:
        return False
    return "name" in parts or not parts & _NOT_BYLINE_WORDS


_CAMEL = re.compile(r"([a-z])([A-Z])")
_TOKEN_SPLIT = re.compile(r"[-_]+")
_QUERY = re.compile(r"[?#]")
_LINE_LIMIT = 120  # a credit line is short; longer text is a sentence that starts with "By"
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "option"})


def _printed_bylines(page: Scan) -> list[str]:
    """The first 'By Jane Doe' lines a reader sees, with or without a byline class: the
    element holding the 'By' plus the linked name after it, outside comments and footers."""
    lines: list[str] = []
    for el in page.credits:
        if el.tag in _NO_TEXT or _in_nav(el, page):
            continue
        text = _spaced_head(el, _LINE_LIMIT)
        while _LABELS.match(text) and el.getparent() is not None:  # "By" alone in its span
            el = el.getparent()
            text = _spaced_head(el, _LINE_LIMIT)
        if len(text) > _LINE_LIMIT or not _BY.match(text) or text in lines:
            continue
        names, _ = parse_byline(text)
        if names and all(looks_like_person(n) and not n.isupper() for n in names):
            lines.append(text)  # "BY USE CASE" is a menu heading, not a byline
        if len(lines) >= 2:
            break
    return lines


# Links to an author's page: /author/jane-doe, /writers/jane-doe/, /autor/jane-doe.
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|writers?|autor(?:en|in)?|auteurs?|contributors?|columnists?|reporters?|"
    r"people|staff|byline)/[^/]+/?$", re.I)
# What every such link contains: one search over all of a page's links finds the few to test.
_AUTHOR_DIR = re.compile(
    r"/(?:authors?|writers?|autor(?:en|in)?|auteurs?|contributors?|columnists?|reporters?|"
    r"people|staff|byline)/", re.I)


def _author_links(page: Scan) -> str | None:
    """Names of the first author-page links, joined with the links right after it when only
    'and' or a comma stands between them (a shared byline), outside navigation and comments."""
    names: list[str] = []
    last: Element | None = None
    for link, href in _maybe_author_links(page):
        path = _QUERY.split(href, maxsplit=1)[0]
        if not _AUTHOR_HREF.search(path) or _in_nav(link, page):
            continue
        name = clean_name(_spaced_text(link).split(",")[0])  # "Jane Doe, Sri Lanka"
        if not name or not looks_like_person(name) or name in names:
            continue
        if last is not None and not _joined(last, link):
            break
        names.append(name)
        last = link
    return ", ".join(names) or None


def _maybe_author_links(page: Scan) -> list[tuple[Element, str]]:
    """The links whose address has an author-like directory, in document order."""
    joined = "\x00".join(page.hrefs)  # NUL never occurs in a parsed attribute
    picked: list[int] = []
    i = start = 0
    for match in _AUTHOR_DIR.finditer(joined):
        # counted on from the last match: from the start each time is quadratic on a page
        # listing a thousand author links
        i += joined.count("\x00", start, match.start())
        start = match.start()
        if not picked or picked[-1] != i:
            picked.append(i)
    return [(page.links[i], page.hrefs[i]) for i in picked]


_JOINER = re.compile(r"^(?:&|,|,? ?(?:and|und|et|y|e))$", re.I)  # on text with spaces folded


def _joined(a: Element, b: Element) -> bool:
    """Only a comma or 'and' stands between two links: they share one byline."""
    ups = list(a.iterancestors())[:3]
    common = next((p for p in list(b.iterancestors())[:3] if p in ups), None)
    if common is None:
        return False
    text, first, second = _spaced_text(common), _spaced_text(a), _spaced_text(b)
    i = text.find(first)
    j = text.find(second, i + len(first)) if i >= 0 else -1
    return j >= 0 and bool(_JOINER.match(" ".join(text[i + len(first):j].split())))


def _in_nav(el: Element, page: Scan | None = None) -> bool:
    """In comments, a footer, or a menu (whose "By Company Size" headings sort links). With
    the page's Scan, verdicts on ancestors are kept in it for the next element asked about."""
    regions, menus = (page.regions, page.menus) if page is not None else (None, {})
    if _in_comments(el, regions):
        return True
    for box in _near(el):
        verdict = menus.get(box)
        if verdict is None:
            verdict = menus[box] = _is_menu(box)
        if verdict:
            return True
    return False


def _near(el: Element) -> list[Element]:
    return [p for _, p in zip(range(_MENU_DEPTH), el.iterancestors()) if p.tag not in _PAGE_TAGS]


def _is_menu(box: Element) -> bool:
    return (box.tag == "nav"
            or _MENU.search(f"{box.get('class') or ''} {box.get('id') or ''}") is not None)


_MENU_DEPTH = 8  # a menu holds its items closely; a nav left open in broken markup is far up


_MENU = re.compile(r"(?:^|\s)(?:sub-?|mega-?)?(?:menu|nav|navbar|navigation|dropdown|flyout)(?:$|[-_\s])",
                   re.I)  # "menu-solutions", "sub-menu"; not "under-menu'


def _byline_text(el: Element) -> str | None:
    text = _spaced_head(el, _LINE_LIMIT)
    if _LABELS.match(text):  # the label alone: the name follows it, in its tail or next element
        sibling = el.getnext()
        tail = " ".join((el.tail or "").split())
        text = tail or (_spaced_head(sibling, _LINE_LIMIT) if sibling is not None else "")
    if not text:
        return None
    if len(text) > _LINE_LIMIT:
        return _name_at_head(el)
    names, _ = parse_byline(text)
    if not names and is_handle(strip_by(text)):
        return strip_by(text)  # a user name marked as the author ('u-author h-card')
    return text if names else None


def _name_at_head(el: Element) -> str | None:
    """An author box that holds the bio too: its name is one of its first short texts."""
    for text in islice((t for t in el.itertext() if t.strip()), 3):
        names, _ = parse_byline(text) if len(text) < 60 else ([], None)
        if len(names) == 1 and looks_like_person(names[0]):
            return " ".join(text.split())
    return None


def _spaced_text(el: Element) -> str:
    """Text with a space between elements: a name and its role are often adjacent spans.
    Inline scripts (click trackers beside a byline link) are no text a reader sees."""
    if el.tag in _HIDDEN or next(el.iter(*_HIDDEN), None) is not None:
        return " ".join(" ".join(_SHOWN_TEXT(el)).split())
    return " ".join(" ".join(el.itertext()).split())  # nothing hidden: the C-level walk


def _spaced_head(el: Element, limit: int) -> str:
    """What _spaced_text(el) starts with: all of it when that is at most ``limit`` characters,
    else a longer start. Enough to tell a line from a region and to read its first words, and
    it stops reading there: a stamp's parent or a byline's box may be a whole column, whose
    text is not worth joining (joined with single spaces, the words of the first texts are
    the start of the whole text's words)."""
    words: list[str] = []
    size = -1  # len(" ".join(words))
    for text in _shown_texts(el):
        parts = text.split()
        if parts:
            words += parts
            size += len(parts) + sum(map(len, parts))
            if size > limit:
                break
    return " ".join(words)


def _shown_texts(top: Element) -> Iterator[str]:
    """The texts of top's subtree a reader sees, in document order and read lazily: XPath's
    descendant-or-self::text() outside script and style (top's own tail is not one)."""
    if top.tag in _HIDDEN:
        return
    for owner, text in _subtree_texts(top, None):
        if owner is None:  # top's tail, which comes last
            return
        yield text


_HIDDEN = frozenset(("script", "style"))


_SHOWN_TEXT = etree.XPath("descendant-or-self::text()[not(ancestor::script or ancestor::style)]")


def _in_comments(el: Element, memo: dict | None = None) -> bool:
    """Inside comments, related stories, a page footer or an aside. The classes of body and
    html describe the whole page ('fusion-woo-related-columns-4'), so they do not count; a
    footer inside an article is the article's own (its byline row); and a container that
    holds the page's <main> is left open by broken markup, not a side region.

    The verdict depends only on the ancestors and on whether a footer was passed, and every
    step up that decides nothing hands the same question to the next ancestor: so each
    (ancestor, footer passed) pair on the way gets the final verdict in ``memo`` (a page's
    Scan.regions), and a later walk stops at the first pair it finds there."""
    footer = False
    steps: list[tuple[Element, bool]] = []
    verdict = None
    for parent in el.iterancestors():
        if memo is not None:
            verdict = memo.get((parent, footer))
            if verdict is not None:
                break
            steps.append((parent, footer))
        verdict = _region_step(parent, footer)
        if verdict is not None:
            break
        footer = footer or parent.tag == "footer"
    if verdict is None:
        verdict = footer
    if memo is not None:
        for step in steps:
            memo[step] = verdict
    return verdict


def _region_step(parent: Element, footer: bool) -> bool | None:
    """What one ancestor decides of the walk in _in_comments, None when it decides nothing."""
    tag = parent.tag
    if tag in _PAGE_TAGS:
        return footer
    if tag == "article" and footer:
        return False
    if tag == "main":
        return footer
    if tag != "footer" and (tag == "aside" or _side_mark(parent.get("class"))
                            or _side_mark(parent.get("id"))):
        return _holds_no_main(parent)
    return None


_PAGE_TAGS = frozenset({"body", "html"})


def _side_mark(value: str | None) -> bool:
    """'comment' or 'related' in a class or id, in any case. Two finds in the lowered value:
    the regex ``comment|related`` with re.I folds the case of every character it tries, which
    made it the costliest test of an ancestor walk (none of these letters has a case form
    beyond its ASCII pair, so lowering finds the same; a test checks every code point)."""
    if not value:
        return False
    value = value.lower()
    return "comment" in value or "related" in value


def _holds_no_main(box: Element) -> bool:
    return next(box.iter("main"), None) is None


_AFTER_LIMIT, _BEFORE_LIMIT = 40, 12  # text nodes read after and before the headline
_STAMP_LIMIT = 80  # a stamp is short: "Updated Aug 19, 2025 at 9:14 AM", not a sentence


def head_dates(root: Element, stamps: list | None = None) -> list[tuple[str, bool]]:
    """The days printed at the article's head, nearest first: the stamps within a few lines
    after the first headline, or just above it, where a kicker row carries the stamp. Each
    comes with whether it is firm: not labelled as an update, and not a numeric date that
    reads both ways (09.10.2024)."""
    days: list[tuple[str, bool]] = []
    for _, stamp in _head_stamps(walk(root).h1s) if stamps is None else stamps:
        if stamp[0][:10] not in {d[:10] for d, _ in days}:
            days.append(stamp)
    return days


_Text = tuple  # (the element a text node belongs to, or None; the text)


def _head_stamps(h1s: list) -> list[tuple[_Text, tuple[str, bool]]]:
    """(text node, stamp) pairs around the first headline, nearest first."""
    h1 = next((h for h in h1s if len(_spaced_head(h, 8)) >= 8 and not _in_nav(h)), None)
    if h1 is None:
        return []
    after = [(i, n, d) for i, n in enumerate(_nonblank(_texts_after(h1), _AFTER_LIMIT))
             if (d := _stamp(*n))]
    before = [(2 * i + 1, n, d) for i, n in enumerate(_nonblank(_texts_before(h1), _BEFORE_LIMIT))
              if (d := _stamp(*n))]
    return [(n, d) for _, n, d in sorted(after + before, key=lambda x: x[0])]


def _nonblank(texts: Iterator[_Text], limit: int) -> list[_Text]:
    """The first texts with more than blanks, like XPath's text()[normalize-space()]."""
    return list(islice(texts, limit))


def _blank(text: str | None) -> bool:
    return text is None or not text.strip(" \t\n\r")


def _texts_after(el: Element) -> Iterator[_Text]:
    """The text nodes after el's subtree in document order (XPath's following::text(), but
    not a script's or a style's)."""
    node = el
    while node is not None:
        parent = node.getparent()
        if not _blank(node.tail):
            yield parent, node.tail
        for sibling in node.itersiblings():
            yield from _subtree_texts(sibling, parent)
        node = parent


def _subtree_texts(top: Element, parent: Element | None) -> Iterator[_Text]:
    """The texts of top's subtree and its tail, in document order: a tail comes once the
    walk has left its element (the stack holds the open elements, innermost last). A
    script's or style's text is code, no text a reader sees, and reading it copies it (the
    head's often hold 100 KB+): it is passed over."""
    stack: list[Element] = []
    for el in top.iter():
        if stack:
            up = el.getparent()
            while stack[-1] is not up:
                done = stack.pop()
                if not _blank(done.tail):
                    yield stack[-1], done.tail
        stack.append(el)
        tag = el.tag
        if tag.__class__ is str and tag not in _HIDDEN and not _blank(el.text):
            yield el, el.text
    while stack:
        done = stack.pop()
        if not _blank(done.tail):
            yield stack[-1] if stack else parent, done.tail


def _texts_before(el: Element) -> Iterator[_Text]:
    """The text nodes before el in <body>, nearest first (XPath's preceding::text(), but not a
    script's or a style's)."""
    node = el
    while (parent := node.getparent()) is not None and node.tag != "body":  # <head> shows none
        for sibling in node.itersiblings(preceding=True):
            yield from _subtree_texts_reversed(sibling, parent)
        if not _blank(parent.text):
            yield parent, parent.text
        node = parent


def _subtree_texts_reversed(el: Element, parent: Element) -> Iterator[_Text]:
    if not _blank(el.tail):
        yield parent, el.tail
    for child in reversed(el):
        yield from _subtree_texts_reversed(child, el)
    tag = el.tag
    if tag.__class__ is str and tag not in _HIDDEN and not _blank(el.text):
        yield el, el.text


def _stamp_line(stamps: list) -> str | None:
    """The names on the line of the head's stamp ('Dec 26, 2025 • Mahua Das in Project
    Management', '2025-12-17 · Trond Teigen'): a byline that shares its row with the date."""
    if not stamps:
        return None
    el = stamps[0][0][0]
    boxes = [el, *el.iterancestors()] if el is not None else []
    for box in boxes[:3]:
        text = _spaced_head(box, _LINE_LIMIT)
        if len(text) > _LINE_LIMIT:
            break
        names, _ = parse_byline(text)
        if names and all(looks_like_person(n) and not n.isupper() for n in names):
            return ", ".join(names)
    for box in boxes[:3]:
        if len(_spaced_head(box, _LINE_LIMIT)) > _LINE_LIMIT:
            break
        if (name := _name_above(box)) is not None:
            return name
    return None


def _name_above(row: Element) -> str | None:
    """A name alone in the element right above the stamp's row ('Elliot Raba' over
    '23.07.2025 · 6 min read'): the byline set on a line of its own."""
    above = row.getprevious()
    if above is None or above.tag in _NO_TEXT or len(above) > 2:
        return None
    text = _spaced_head(above, 40)
    name = clean_name(text) if len(text) <= 40 else None
    # a first name and a surname, no initials ('HR Strategy') and no title ('Machine Learning
    # Tutorial'): a section label sits above the row too
    if name != text or not looks_like_person(name) or _CAPITALS.search(name):
        return None
    words = name.split()
    return name if len(words) == 2 or len(words) == 3 and _initial(words[1]) else None


_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


def _stamp(el: Element | None, node: str) -> tuple[str, bool] | None:
    """A date from the element holding this text node, or from the node alone, when it is a
    short stamp: mostly its date, and not a date set in bold within a paragraph."""
    if el is None or el.tag in _NO_TEXT:
        return None
    is_time = el.tag == "time" and el.get("datetime")
    if not is_time and _DIGIT.search(node) is None:
        return None  # words without a number: no stamp
    date = parse_date(el.get("datetime")) if is_time else None
    text = ""
    if date is None:
        own = " ".join(node.split())
        if len(own) > _STAMP_LIMIT:
            return None  # a paragraph
        # an element with many children is a container, not a stamp: read the node alone
        for text in (_spaced_head(el, _STAMP_LIMIT) if len(el) <= 8 else "", own):
            found = find_date_span(text) if len(text) <= _STAMP_LIMIT else None
            if found and found[1] * 3 >= len(text):
                date = found[0]
                break
    if date is None or _in_comments(el) or _dated_entry(el) or _period(text or node):
        return None
    parent = el.getparent()
    context = _spaced_head(parent, _STAMP_LIMIT) if parent is not None else ""
    if el.tag in _INLINE and len(context) > _STAMP_LIMIT or _NOT_STAMP.search(context[:_STAMP_LIMIT]):
        return None
    return date, not _UPDATE_LABEL.search(context[:_STAMP_LIMIT]) and not _either_way(text)


def _period(text: str) -> bool:
    """Two days joined as a span are an event's or a project's dates, not a stamp: 'DATE:
    2025-12-12 - 2025-12-17', 'Jan 5, 2024 – Feb 2, 2024' (but not 'May 4, 2025 - Updated May 6,
    2025')."""
    parts = _SPAN_JOIN.split(text, maxsplit=1)
    if len(parts) < 2:
        return False
    after = find_date_span(parts[1])
    return after is not None and after[1] * 5 >= len(parts[1].strip()) * 4 and bool(
        find_date_span(parts[0]))


_SPAN_JOIN = re.compile(r"\s(?:-|–|—|to|until|through|bis|au|al)\s")


def _dated_entry(el: Element) -> bool:
    """A date at the head of one of several list items dates entries of a list (a changelog,
    an archive, a sidebar of releases), not the article: '2022-04-12 Link to …', '2.52.0
    2025-11-17'."""
    item = next((a for a in islice(el.iterancestors(), 3) if a.tag == "li"), None)
    item = el if el.tag == "li" else item
    if item is None:
        return False
    near = [*islice(item.itersiblings(), 2), *islice(item.itersiblings(preceding=True), 2)]
    return any(find_date_span(_spaced_head(li, 40)[:40]) for li in near)


_DIGIT = re.compile(r"\d")
_UPDATE_LABEL = re.compile(r"\b(?:updated|modified|aktualisiert|mis à jour|actualizado|"
                           r"atualizado)\b", re.I)
_EITHER_WAY = re.compile(r"\b(0?[1-9]|1[0-2])[/.](0?[1-9]|1[0-2])[/.]\d{4}\b")


def _either_way(text: str) -> bool:
    """09.10.2024 is 9 October or 10 September; 12.12.2025 is one day either way."""
    match = _EITHER_WAY.search(text)
    return bool(match) and int(match.group(1)) != int(match.group(2))
_INLINE = frozenset({"a", "strong", "b", "em", "i", "u", "mark"})
# "Originally published in March 2022. Last updated on …" is a note, and "Last active",
# "Joined" date a person, not the article.
_NOT_STAMP = re.compile(r"\b(?:last active|last seen|joined|member since|last login)\b", re.I)
