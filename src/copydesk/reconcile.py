"""Step 8: reconcile. What only the chosen article shows joins the raw-tree candidates, and each
field picks its value: the best agreement of the sources, ties to the more trusted one.
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote
from collections.abc import Container, Iterable
from functools import lru_cache
from dataclasses import dataclass, field, replace

from .blocks import Page
from .metadata import language
from .metadata.candidates import INVISIBLE, TRUST, Candidates
from .metadata.dates import date_from_url, parse_date, strip_dates
from .metadata.visible import (AGENCY_RX, ROLE_WORDS, clean_name, is_byline, is_credit_label,
                               is_handle, looks_like_person, parse_byline, split_dateline,
                               stamp_date, strip_by)
from .model import Block, Dateline, Figure
from .cleaning.patterns import CONTACT_TEXT, CREDIT_TEXT, Phrases
from .options import Options

_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+(?:\||-|–|—|::|»|·|•|/)\s+")
_PERMALINKS = ("¶", "🔗")  # a heading's permalink anchor glyph (Sphinx writes '¶')
_HEAD_BLOCKS = 6  # how far into the article a byline, stamp or repeated headline may sit


@dataclass
class Fields:
    """The reconciled values, with the source of each, ready to become an Article."""

    values: dict = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value, source: str | None) -> None:
        if value in (None, "", (), []):
            return
        self.values[name] = value
        if source:
            self.provenance[name] = source


def reconcile(found: Candidates, page: Page, chosen: list[Block],
              dropped: list[tuple[str, Block]], options: Options) -> tuple[Fields, list[Block]]:
    """Pick every field's value; return them with the body blocks (head and dateline removed)."""
    out = Fields()
    body = [b for b in chosen if b.kind != "img"]
    headline_block = _nearest_h1(page, chosen)
    if headline_block is not None:
        found.add("headline", _unanchored(headline_block.text), "visible")
    if not page.is_html and page.blocks:
        _text_title(page.blocks[0], found)
    body = _strip_head(body, found)
    _dropped_signs(dropped, chosen, found)
    _pick_headline(found, out)
    body = _drop_repeated_headline(body, out.values.get("headline"))
    body = _take_dateline(body, found, out, options)
    _pick_people(found, out, _CommonWords(body), page)
    body = _drop_author_bio(body, out.values.get("authors") or ())
    dateline = out.values.get("dateline")
    if dateline is not None and dateline.agency and "organization" not in out.values:
        out.set("organization", dateline.agency, out.provenance.get("dateline"))
    _pick_dates(found, out)
    if "published" not in out.values and dateline is not None and dateline.date:
        # a wire story's dateline ("RAJSHAHI, Dec 20, 2025 (BSS) -") dates it when nothing else does
        out.set("published", dateline.date, out.provenance.get("dateline"))
    _pick_simple(found, out)
    if "language" not in out.values:
        out.set("language", language.guess(" ".join(b.text for b in body)), "text")
    out.set("figures", tuple(_figures(chosen, dropped)), None)
    return out, body


def _drop_author_bio(body: list[Block], authors) -> list[Block]:
    """The author's bio closing the article ("Sara Coughlin is a writer and editor…") is the
    byline's, not the story's: from it (and the short label lines above it, "Contributing
    Writer") to the end, when it stands in the last few blocks."""
    if not authors or len(body) < _BIO_MIN_BLOCKS:
        return body
    starts = _bio_starts(authors)
    if not starts:
        return body
    total = sum(len(b.text) for b in body)
    for i in range(len(body) - _BIO_TAIL, len(body)):
        text = body[i].text
        name = next((s for s in starts if text.startswith(s)), None)
        if body[i].kind == "p" and name is not None and _BIO_VERB.match(text, len(name)):
            start = i
            while start > i - 2 and len(body[start - 1].text) <= 60 \
                    and not body[start - 1].text.endswith((".", "!", "?")):
                start -= 1
            if sum(len(b.text) for b in body[start:]) <= 0.3 * total:
                return body[:start]
            return body
    return body


_BIO_MIN_BLOCKS = 5
_BIO_TAIL = 4
_BIO_VERB = re.compile(r"(?:,| is | was | has | writes | covers | joined | specializes )")


def _bio_starts(authors) -> tuple[str, ...]:
    """A bio opens with the author's full name or first name (of a person's name: a one-word
    author may be the company the article is about)."""
    names = set()
    for name in authors:
        words = name.split()
        if len(words) >= 2:
            names.add(name)
            if len(words[0]) >= 3:
                names.add(words[0])
    return tuple(sorted(names, key=len, reverse=True))


# -- what the article itself shows ----------------------------------------------------------

def _nearest_h1(page: Page, chosen: list[Block]) -> Block | None:
    """The h1 closest above the article's first block (or inside it). A credit's label set
    as an h1 ('By', with the name in the next element) is no headline."""
    if not chosen:
        return None
    first, last = chosen[0].index, chosen[-1].index
    inside = [b for b in chosen if _is_h1(b)]
    if inside:
        return inside[0]
    above = [b for b in page.blocks[:first] if _is_h1(b)]
    if above:
        return above[-1]
    below = [b for b in page.blocks[last:] if _is_h1(b)]
    return below[0] if below else None


def _is_h1(block: Block) -> bool:
    return block.kind == "h1" and not is_credit_label(block.text)


def _unanchored(heading: str) -> str:
    """The heading without the permalink glyph that closes it ('Logging HOWTO¶') or the label
    that opens it (arXiv's 'Title:AlignMerge - …')."""
    heading = _TITLE_LABEL.sub("", heading, count=1) or heading
    return heading[:-1].rstrip() if heading.endswith(_PERMALINKS) else heading


_TITLE_LABEL = re.compile(r"^(?:title|titel|titre|título|titolo)\s?:\s*", re.I)


def _text_title(block: Block, found: Candidates) -> None:
    """Plain text: a short first line without a full stop is the headline."""
    if len(block.text) < 200 and not block.text.endswith((".", ":", ",")):
        found.add("headline", block.text, "visible")


def _strip_head(body: list[Block], found: Candidates) -> list[Block]:
    """Bylines and date stamps at the top of the article leave the body for their fields."""
    keep: list[Block] = []
    for i, block in enumerate(body):
        if i < _HEAD_BLOCKS and block.kind not in ("li", "table", "pre") and len(block.text) < 160:
            if is_byline(block.text):
                found.add("byline", block.text, "visible")
                continue
            date = stamp_date(block.text)
            if date and len(block.text) < 60:
                found.add("published", date, "visible")
                continue
        keep.append(block)
    return keep


def _dropped_signs(dropped: list[tuple[str, Block]], chosen: list[Block],
                   found: Candidates) -> None:
    """Bylines and stamps that cleaning set aside near the article, and "Write to" footers."""
    if not chosen:
        return
    lo, hi = chosen[0].index - 12, chosen[-1].index + 12
    for rule, block in dropped:
        if not lo <= block.index <= hi:
            continue
        if rule == "contact_footer":
            match = CONTACT_TEXT.search(block.text)
            if match:
                found.add("byline", match.group(1), "visible")
        elif rule == "bylines_and_stamps" and block.index <= chosen[0].index + 3:
            if is_byline(block.text):
                found.add("byline", block.text, "visible")
            elif len(block.text) < 60 and (date := stamp_date(block.text)):
                found.add("published", date, "visible")


def _drop_repeated_headline(body: list[Block], headline: str | None) -> list[Block]:
    if not headline or not body:
        return body
    key = _fold(headline)
    return [b for i, b in enumerate(body)
            if not (i < _HEAD_BLOCKS and _fold(_unanchored(b.text)) == key)]


def _take_dateline(body: list[Block], found: Candidates, out: Fields,
                   options: Options) -> list[Block]:
    for i, block in enumerate(body[:3]):
        if block.kind != "p":
            continue
        dateline, rest = split_dateline(block.text)
        if dateline is None:
            continue  # a bold lead or a kicker may come before the dateline paragraph
        out.set("dateline", dateline, "visible")
        if not options.keep_dateline:
            md = block.md[len(block.md) - len(rest):] if block.md.endswith(rest) else rest
            body = body[:i] + [replace(block, text=rest.strip(), md=md.strip())] + body[i + 1:]
        return body
    schema = found.first("dateline")
    if schema:
        dateline, _ = split_dateline(schema[0] + " —")
        out.set("dateline", dateline or Dateline(place=schema[0], raw=schema[0]), schema[1])
    return body


# -- votes ------------------------------------------------------------------------------------

def _pick_headline(found: Candidates, out: Fields) -> None:
    """A vote across the sources. The h1 near the article gives the title as printed when
    the other sources corroborate it (they share most of its words: SEO titles reword it);
    otherwise it only breaks ties, since a lone h1 may be a section, the blog's name or a teaser.
    """
    sites = _site_names(found)
    options = list(found.get("headline")) + [(v, "meta") for v, _ in found.get("title_tag")]
    raw = [v for v, s in options if s != "visible"]  # all their words, to corroborate the h1
    options = [(_strip_site(v, sites), s) for v, s in options if len(v) < 300]
    options = [(v, s) for v, s in options if _fold(v)]
    # a title that names the site gives way to one that does not; when every source's title
    # names it ("What is Tauri?", "Apple Watch", a homepage's "The Verge"), that is the title
    options = [(v, s) for v, s in options if not _is_site(v, sites)] or options
    options = [o for o in options if not _cut_short(o[0], options)]
    options = _unstamped_h1(options)
    if not options:
        return
    h1 = [o for o in options if o[1] == "visible"][:1]
    others = [v for v, s in options if s != "visible"] and raw
    # an h1 set in capitals is styled as a banner: it gets no outright win over cased titles
    if h1 and (not others or _corroborated(h1[0][0], others) and not h1[0][0].isupper()):
        out.set("headline", _common_form(h1[0][0], options), "visible")
        return
    keys = [_fold(v) for v, _ in options]

    def support(i: int) -> float:
        agree = sum(1 for j, k in enumerate(keys) if j != i and _agrees(keys[i], k))
        is_h1 = options[i][1] == "visible"
        return agree + (0.5 if is_h1 else 0) - _trust(options[i][1]) * 0.01

    best = max(range(len(options)), key=support)
    value, source = options[best]
    value = _common_form(value, options)
    out.set("headline", value if source == "visible" else _unpiped(value), source)


def _unpiped(title: str) -> str:
    """A tag's title ends with the site's or the section's name after a pipe when no rule
    knew that name ('Kayaks | REI Co-op', 'Models | Django documentation'); a printed h1
    keeps its pipe ('… Under $2500 | The Best Mirrorless Cameras')."""
    return title.rsplit(" | ", 1)[0] if " | " in title else title


def _unstamped_h1(options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An h1 whose text runs a date stamp into the title ('Dec 18 2025 Preparing a …'), when
    another source gives the title without it: the stamp is no part of the headline."""
    machine = {_fold(v) for v, s in options if s != "visible"}
    out = []
    for value, source in options:
        if source == "visible" and _fold(value) not in machine:
            bare = strip_dates(value)
            if bare != value and _fold(bare) in machine:
                value = bare
        out.append((value, source))
    return out


def _cut_short(title: str, options: list[tuple[str, str]]) -> bool:
    """A title cut off inside brackets ('… Solutions (Including') that another source gives
    in full: a length limit truncated it."""
    if title.count("(") <= title.count(")") and title.count("[") <= title.count("]"):
        return False
    return any(len(v) > len(title) and v.startswith(title) for v, _ in options)


_QUOTE_FORMS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _common_form(title: str, options: list[tuple[str, str]]) -> str:
    """The same words may come typeset differently ('Beginner’s' in the h1, 'Beginner's' in
    og:title and <title>): the form most sources write wins, ties to the chosen one."""
    key = title.translate(_QUOTE_FORMS)
    forms = [v for v, _ in options if v.translate(_QUOTE_FORMS) == key]
    best = max(set(forms), key=lambda f: (forms.count(f), f == title))
    return best if forms.count(best) > forms.count(title) else title


_STOPWORDS = frozenset(
    "a an the and or of to in on for with by at from is are was be your you our my we it its "
    "this that how what why who when der die das und von zu le la les et des du el los las y "
    "en de".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in _fold(text).split() if w not in _STOPWORDS}


def _corroborated(h1: str, others: list[str]) -> bool:
    """Most of the h1's words, and at least two, appear in what the other sources call the
    title (one shared word is how a section name or a topic label matches); or three of a
    title-long h1's words do, when the SEO title rewords the printed one."""
    words = _content_words(h1)
    seen = set().union(*(_content_words(o) for o in others))
    shared = len(words & seen)
    if shared >= 3 and len(words) <= _H1_REWORDED:
        return True
    return shared >= 2 and shared >= 0.5 * len(words)


_H1_REWORDED = 12  # content words: a longer h1 is a standfirst or a teaser, not a title


def _site_names(found: Candidates) -> set[str]:
    """Folded names the site goes by: its publisher names and its host's main label."""
    # a 'site name' of more than six words is a page title written into og:site_name
    sites = {_fold(v) for v, _ in found.get("publisher") if len(v.split()) <= 6}
    host = _host(_first(found, "url"))
    if host:
        sites.add(host)
    return {s for s in sites if s}


_URL_HOST = re.compile(r"^https?://([^/:?#]+)")


def _host(url: str | None) -> str | None:
    """'https://blog.rust-lang.org/x' → 'rust lang' (the label before the public suffix)."""
    labels = _suffix_joined(_host_parts(url))
    return _fold(labels[-2].replace("-", " ")) if len(labels) >= 2 else None


def _host_parts(url: str | None) -> list[str]:
    """The labels of the address's host, lower-cased, without 'www', 'm' or 'amp'."""
    match = _URL_HOST.match(url or "")
    if not match:
        return []
    return [lb for lb in match.group(1).lower().split(".") if lb not in ("www", "m", "amp")]


def _suffix_joined(labels: list[str]) -> list[str]:
    """A two-label public suffix (co.uk, com.au) as one last label."""
    return labels[:-1] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels


def _is_site(part: str, sites: set[str]) -> bool:
    """The part names the site: a publisher name, or the host's label written out."""
    key = _fold(part)
    squashed = key.replace(" ", "")
    core = "".join(w for w in key.split() if w not in _SITE_WORDS)
    for site in sites:
        flat = site.replace(" ", "")
        if key == site or squashed == flat:
            return True
        if len(flat) > 3 and flat in squashed and len(squashed) < 2 * len(flat) + 6:
            return True  # "Bold.org" for bold, "The Daily Acme" for acme
        if len(core) >= 4 and flat.startswith(core):
            return True  # "Rust Blog" on rust-lang.org
    return False


_SITE_WORDS = frozenset({"blog", "news", "online", "magazine", "the", "official", "site",
                         "website", "journal", "weblog"})


def _section_separator(separator: str, part: str) -> bool:
    mark = separator.strip()
    return mark == "|" or mark == "/" and not any(c.isdigit() for c in part)


def _strip_site(title: str, sites: set[str]) -> str:
    """'Title | Site', 'Site: Title', 'Title – Section | Site' → 'Title' when 'Site' names
    the site; a title whose parts name no site is kept whole."""
    parts = _TITLE_SEPARATORS.split(title)
    seps = _TITLE_SEPARATORS.findall(title)
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts.pop(0)
        seps.pop(0)
    # "Title | Section", "Topic / Forum": a short part after a pipe, or a slash (without a
    # digit: "2026 / 2027", "P31i / R60i" are one title), shorter than what it follows, is a
    # section
    while (len(parts) > 1 and _section_separator(seps[-1], parts[-1])
           and len(parts[-1].split()) <= 5
           and len(" ".join(parts[:-1]).split()) > len(parts[-1].split())):
        parts.pop()
        seps.pop()
    kept = parts[0] + "".join(sep + part for sep, part in zip(seps, parts[1:]))
    head, colon, rest = kept.partition(": ")
    if colon and rest and (_is_site(head, sites) or _is_section_label(head)):
        return rest
    return kept


def _is_section_label(head: str) -> bool:
    """'Blog: Title', 'News: Title': the part before the colon only names the kind of page."""
    words = _fold(head).split()
    return len(words) == 1 and words[0] in _SITE_WORDS


class _CommonWords:
    """Words the article writes in lower case: ordinary words, so no part of a person's name.
    Asked about a handful of name words a page, so each is looked up in the text on demand
    rather than every word of the body collected up front."""

    def __init__(self, body: list[Block]) -> None:
        self._body = body
        self._text: str | None = None
        self._seen: dict[str, bool] = {}

    def mentions(self, phrase: str) -> bool:
        """The text writes the phrase as it is, anywhere."""
        if self._text is None:
            self._text = "\n".join(b.text for b in self._body)
        return phrase in self._text

    def __contains__(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            if self._text is None:
                self._text = "\n".join(b.text for b in self._body)
            found = bool(_LOWER_WORD.fullmatch(word)) and _stands_alone(word, self._text)
            self._seen[word] = found
        return found


_LOWER_WORD = re.compile(r"(?<![@\w.])[a-z]\w+(?![@\w])")  # not in e-mails or @handles


def _stands_alone(word: str, text: str) -> bool:
    """The word occurs in the text as a whole word, not in an e-mail or @handle: what
    ``(?<![@\\w.])word(?![@\\w])`` finds, by C-level finds instead of a regex compiled per
    word (compiling one costs more than the search)."""
    size = len(word)
    pos = text.find(word)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + size: pos + size + 1] or " "
        if not (before in "@." or _is_word_char(before) or after == "@" or _is_word_char(after)):
            return True
        pos = text.find(word, pos + 1)
    return False


def _is_word_char(char: str) -> bool:
    """Regex \\w on one character (str patterns): a letter, a digit or an underscore."""
    return char.isalnum() or char == "_"


def _pick_people(found: Candidates, out: Fields, common: Container[str] = frozenset(),
                 page: Page | None = None) -> None:
    site = {_fold(v) for v, _ in found.get("publisher")}
    sites = _site_names(found)
    host = (_host(_first(found, "url")) or "").replace(" ", "")  # 'accruent' is the company
    options: list[tuple[list[str], str | None, str, str | None]] = []
    handles: list[tuple[list[str], str | None, str, str | None]] = []
    for value, source in found.get("byline"):
        names, org = parse_byline(value)
        options.append((names, org, source, value))
    # a personal site's name, which its author tag may give in lower case ('annette thurmon')
    owners = {v.casefold() for v, _ in found.get("publisher") if looks_like_person(v)}
    for value, source in _opening_post(found.get("author")):
        names, org = parse_byline(value) if len(value) < 120 else ([], None)
        if (not names and is_handle(value)
                and (not _is_site(value, sites) or value.strip().casefold() in owners)):
            handles.append(([value.strip()], None, source, None))  # 'aawoods'
        options.append((names, org, source, None))
    for value, source in found.get("coauthors"):  # one article's author list, whole
        names = [n for v in value for n in _whole_names(v)]
        if len(names) > 1:
            options.append((names, None, source, None))
    declared = options
    # A site or company name is no author beside a person, unless the site is named after its
    # author: a printed "By …" line or a personal blog's author tags give it as a person's name.
    persons = {_squash(v) for v, _ in found.get("publisher")
               if looks_like_person(v) and not _ORG_NAME.search(v)}  # not 'Home Advisor'
    options = [(
        [_trim_name(n, common) for n in names
         if (_fold(n) not in site and _squash(n) != host or raw and looks_like_person(n)
             or _personal_site(n, src, common)
             or " " not in n and _squash(n) in persons)
         and not _ordinary(n, common)], org, src, raw
    ) for names, org, src, raw in options]
    # A user name the engine shows as the author counts only when no source names a person.
    people = [o for o in options if o[0]] or handles
    if not people and page is not None:
        people = [p for p in _page_credits(page, common, _dated(found)) if not any(
            _is_site(n, sites) or _squash(n) == host for n in p[0])]
        people = people or _owner_people(found, page, common)
    people = people or _company_authors(declared, common)
    if people:
        grouped = _group_authors(people)
        out.set("authors", tuple(grouped[0]), grouped[1])
    bylines = [o for o in options if o[3]]
    if bylines:
        out.set("byline", strip_by(bylines[0][3]), bylines[0][2])
    orgs = [(org, src) for _, org, src, _ in options if org]
    orgs += [(v, s) for v, s in found.get("organization") if _fold(v) not in site]
    if orgs:
        out.set("organization", orgs[0][0], orgs[0][1])


_THREAD = 3  # microdata authors of a page that make it a discussion, one per post


def _whole_names(value: str) -> list[str]:
    """The names a co-author entry gives when they are most of it ('By Jane Doe', 'Jane Doe,
    MD'); not the two words a page's label starts with ('South Carolina Garden-based Learning
    Network on Facebook')."""
    names = parse_byline(value)[0]
    return names if sum(map(len, names)) * 5 >= len(value) * 3 else []


def _company_authors(options: list, common: Container[str]) -> list:
    """When nothing names a person, the company a page is signed with is its author: a
    corporate blog signs its posts so, in its author tags ('"author": {"@type":
    "Organization", "name": "Swoogo"}' on swoogo.events) or its byline row ('ServiceTitan
    November 26th, 2024 10 Min Read')."""
    signed = []
    for names, org, src, raw in options:
        kept = [n for n in names if not _ordinary(n, common)]
        if kept:
            signed.append((kept, org, src, raw))
    return signed


def _opening_post(authors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A thread's posts each carry their microdata author: the first, the opening post's, is
    the page's, unless JSON-LD names the posting's author; the repliers are no co-authors (and
    outvote it as people when it is a handle)."""
    posts = [a for a in authors if a[1] == "microdata"]
    if len(posts) < _THREAD:
        return authors
    if any(source == "json-ld" for _, source in authors):
        return [a for a in authors if a[1] != "microdata"]  # the posting's own author
    return [a for a in authors if a[1] != "microdata" or a is posts[0]]


def _squash(name: str) -> str:
    return _fold(name).replace(" ", "")


def _trim_name(name: str, common: Container[str]) -> str:
    """A name runs on into what follows it on the line: 'Joakim Edin Research', 'Brian Truitt
    USA TODAY'. Past its first two words, trailing ordinary words of the article and words in
    capitals after a mixed-case name go; a one-letter word is a surname or an initial ('Matt De
    La O')."""
    words = name.split()
    mixed = any(w[1:] and not w.isupper() for w in words[:2])
    while len(words) > 2 and len(words[-1]) > 1 and (
            words[-1].lower() in common or mixed and words[-1].isupper()):
        words.pop()
    return " ".join(words)


def _ordinary(name: str, common: Container[str]) -> bool:
    """Every word is one the article writes in lower case: 'Company Size', 'Full Bio' and
    'Read More' are labels of the page, no person."""
    return all(w.lower() in common for w in _WORD.findall(name))


def _personal_site(name: str, source: str, common: Container[str]) -> bool:
    """A site named after its author: an author tag gives a person's name, none of whose words
    the article uses as an ordinary word ('Erin Spain' yes, 'West Bell Dental Care' no)."""
    return (source.split(":")[0] in ("json-ld", "meta") and looks_like_person(name)
            and not _ordinary_word(name, common))


def _owner_people(found: Candidates, page: Page, common: Container[str]) -> list:
    """The site's owner as the one author option, when the site is a person's."""
    owner = _site_owner(found, page, common)
    return [([owner[0]], None, owner[1], None)] if owner else []


# A label that a name follows in the next element: 'Article by', '<h3>Author</h3>', 'About
# the author' (scan.labels reads only the leaves the raw tree's walk knows).
_CREDIT_LABELS = frozenset({"article by", "written by", "posted by", "words by", "story by",
                            "author", "authors", "about the author", "about the authors",
                            "meet the author", "by", "author(s)"})
# 'This post was written by Danielle Padula, Head of Marketing …': a bio's credit sentence.
_WRITTEN_BY = Phrases(r"^this (?:blog )?(?:post|article|piece|story|guide|entry) "
                      r"(?:was|is|has been) (?:written|authored|contributed) by\s+", re.I)
_CREDIT_NAME_LIMIT = 60


def _dated(found: Candidates) -> bool:
    """The page dates itself: an article, not a shop's, a product's or a service's page, whose
    names are the business's or its experts'."""
    return bool(found.get("published") or found.get("printed_date"))


def _page_credits(page: Page, common: Container[str], dated: bool) -> list:
    """Credits the page's blocks show when no source names an author: a label and the name
    in the block after it (or the names of the list after it), a bio's 'This post was
    written by …' sentence, or, on a dated page, an author box
    whose heading is a name that the paragraph after it opens with ('Alban Brooke' above
    'Alban Brooke is the Head of Marketing at …')."""
    blocks = page.blocks
    for i, block in enumerate(blocks):
        text = block.text
        if len(text) > 200 or block.kind in ("li", "pre", "table", "img"):
            continue
        after = blocks[i + 1].text if i + 1 < len(blocks) else ""
        names: list[str] = []
        if len(text) <= 20 and text.rstrip(" :").casefold() in _CREDIT_LABELS:
            names = _listed_names(blocks, i + 1) or _credit_name(after)
        elif text[:5] in ("This ", "this ") and (match := _WRITTEN_BY.match(text)) is not None:
            # the names before the first comma: a role follows it ('…, Head of Marketing')
            names = parse_byline(text[match.end():].split(",")[0])[0]
        elif dated and len(text) <= _CREDIT_NAME_LIMIT and after.startswith(text):
            names = [text] if _is_bio(after, text) else []
        if names and all(looks_like_person(n) and not _ordinary(n, common)
                         and not _ACRONYM.search(n) for n in names):
            return [(names, None, "visible", None)]
    return []


_LISTED_LIMIT = 8  # a label over a list of names: a paper's or a report's authors


def _listed_names(blocks: list[Block], start: int) -> list[str]:
    """The names of the list items that follow a label ('Author(s)' over 'John A. Alic',
    'David C. Mowery', …), when every item is a name."""
    names = []
    for block in blocks[start:start + _LISTED_LIMIT + 1]:
        if block.kind != "li":
            break
        name = clean_name(block.text) if len(block.text) <= _CREDIT_NAME_LIMIT else None
        if not name:
            return []
        names.append(name)
    return names if len(names) <= _LISTED_LIMIT else []


def _credit_name(text: str) -> list[str]:
    """The name that a label's next block gives: the whole block, or the name a bio opens with
    ('Juliette Carreiro is a skilled content creator …')."""
    if len(text) <= _CREDIT_NAME_LIMIT:
        name = clean_name(text)
    else:
        name = _bio_name(text)
    return [name] if name else []


def _is_bio(text: str, name: str) -> bool:
    """A paragraph about the person its heading names: it opens with the name and says what
    they do or uses a person's pronoun ('Yosemite Falls is …' describes a place)."""
    return _bio_name(text) == name and bool(_PERSONAL.search(text, len(name), 400))


_PERSONAL = Phrases(r"\b(?:he|she|his|her|him)\b|" + ROLE_WORDS, re.I)


def _bio_name(text: str) -> str | None:
    """The person's name a bio opens with: two to four name words, then 'is', 'was', ','."""
    words = text[:_CREDIT_NAME_LIMIT].split()
    for size in (4, 3, 2):
        name = " ".join(words[:size]).rstrip(",")  # 'Jane Doe, a writer …'
        if len(words) > size and looks_like_person(name) and _BIO_VERB.match(text, len(name)):
            return name
    return None


def _site_owner(found: Candidates, page: Page, common: Container[str]) -> tuple[str, str] | None:
    """The person a personal site is named after, when nothing else names an author: a
    person's name that the site gives as its name (og:site_name, the <title>'s suffix, its
    front-page or 'About' link, its copyright line) and that its address spells ('Polly Barks'
    on pollybarks.com, 'Pierce Freeman' on pierce.dev, 'Owain Brennan' on owain.bearblog.dev).
    A business named after its trade ('Loona Construction') uses its words in the article.
    Without the address, a header <h1> and the copyright line naming one person do too."""
    url = _first(found, "url")
    labels = _host_labels(url)
    # a dated page below the front page: a front page, a shop's or a product's page names
    # the business
    if not labels or not _dated(found) or _FRONT_PAGE.match(url or ""):
        return None
    linked = {v for v, _ in found.get("owner")}
    headings = {b.text for b in page.blocks[:_COPYRIGHT_TAIL] if b.kind == "h1"}
    for name, source in _owner_names(found, page):
        if (not looks_like_person(name) or not _two_names(name) or _ORG_NAME.search(name)
                or _ACRONYM.search(name) or AGENCY_RX.search(name)):
            continue  # 'Nexxis USA', 'UCLA Health': a brand's initials; 'Thomson Reuters'
        # a business names itself in its pages ('At Robert Half, we …'); a blogger writes 'I'
        if isinstance(common, _CommonWords) and common.mentions(name):
            continue
        if source == "copyright" and name in headings and not _ordinary_word(name, common):
            return name, "visible"  # the site's header and its copyright line name one person
        machine = source not in ("visible", "copyright")
        spelled = _spelled_words(name, labels, name in linked and machine)
        # a word the address spells alone is in the article's links too ('github.com/artmann')
        if spelled is not None and not any(w.lower() in common for w in name.split()
                                           if _ascii(_fold(w)) not in spelled):
            return name, source if machine else "visible"
    return None


# Words a business's or an institution's name carries and a person's does not, and the page
# labels a front-page link may read ('Why Acme', 'Visit acme.com', 'Acme Status').
# Compiled on first use (Phrases), as most pages never ask: with the other owner and credit
# patterns they would add ~5 ms to `import copydesk`.
_ORG_NAME = Phrases(
    r"\b(?:blog|news|media|press|studios?|labs?|group|inc|int|ltd|llc|gmbh|co|company|team|"
    r"agency|digital|solutions|services|software|incorporated|corporation|shop|store|health|"
    r"care|dental|clinic|university|college|school|state|institute|community|coaching|"
    r"financial|capital|partners|consulting|marketing|learning|home|homes|tires|law|realty|"
    r"portal|overview|resources|status|logo|api|docs|documentation|developers?|engineering|"
    r"academy|foundation|marketplace|forums?|skills|science|support|help|why|visit|copyright|"
    r"about|meet|contact|official)\b|['’]s\b|[\d®™&]", re.I)
# Possessive: the run of marks, years and separators is taken whole, never given back.
_COPYRIGHT = Phrases(r"(?:©|\(c\)|copyright\b)(?:[\s,\-–©]|\d{4}|\(c\)|copyright\b)*+"
                     r"([^.,;|·•©\d]{3,60})", re.I)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_RIGHTS = re.compile(r"\s{1,4}all rights\b.*$", re.I)  # bounded: a long blank run is linear
_TITLE_OWNER = re.compile(r"\(([^()]{3,60})\)$")  # 'The Fold-and-Cut Problem (Erik Demaine)'
_COPYRIGHT_TAIL = 12  # blocks from the page's end where its copyright line stands


def _owner_names(found: Candidates, page: Page) -> Iterable[tuple[str, str]]:
    """The names a site goes by, each with its source, most trusted first."""
    for value, source in found.get("publisher"):
        if source != "json-ld":  # JSON-LD's publisher is an Organization, its author a Person
            yield value, source
    for value, source in found.get("title_tag"):
        parts = _TITLE_SEPARATORS.split(value)
        if len(parts) > 1:
            yield parts[-1], source
            yield parts[0], source
        if match := _TITLE_OWNER.search(value):
            yield match.group(1).strip(), source
    yield from found.get("owner")
    for block in page.blocks[-_COPYRIGHT_TAIL:]:
        if len(block.text) < 200 and (match := _COPYRIGHT.search(block.text)):
            yield _RIGHTS.sub("", match.group(1)).strip(), "copyright"


def _ordinary_word(name: str, common: Container[str]) -> bool:
    """Some word of the name is one the article writes in lower case ('Acme Widgets')."""
    return any(w.lower() in common for w in name.split())


def _two_names(name: str) -> bool:
    """A first name and a surname, with a middle initial at most ('Forest Whole Foods' and
    'B&H Photo Video' are shops)."""
    words = name.split()
    return len(words) == 2 or len(words) == 3 and len(words[1].rstrip(".")) == 1


_FRONT_PAGE = re.compile(r"^https?://[^/?#]+/?(?:[?#].*)?$")


def _host_labels(url: str | None) -> list[str]:
    """The labels of the address's host that may spell a name: 'owain.bearblog.dev' →
    ['owain', 'bearblog'] (no 'www', no public suffix)."""
    labels = _host_parts(url)
    if not labels or labels[-1] in _INSTITUTIONS or len(labels) >= 2 and labels[-2] in _INSTITUTIONS:
        return []  # park.edu, nhs.gov.uk: an institution's address, never a person's
    return [lb.replace("-", "") for lb in _suffix_joined(labels)[:-1]]


_INSTITUTIONS = frozenset({"edu", "gov", "mil", "ac", "int"})


def _spelled_words(name: str, labels: list[str], linked: bool) -> set[str] | None:
    """Whether the host spells the name: all of it ('pollybarks' for Polly Barks: the empty
    set), or one word that a label is alone, a surname ('artmann' for Christoffer Artmann), or
    a first name that the front-page link gives too ('pierce' for Pierce Freeman: 'Supabase
    Docs' or 'Spotify Engineering' is a brand and its kind of page); None when it does not."""
    words = [_ascii(w) for w in _fold(name).split()]
    if "".join(words) in labels:
        return set()
    ends = (words[-1], words[0]) if linked else (words[-1],)
    alone = {w for w in ends if len(w) >= 4 and w in labels}
    return alone or None


def _ascii(text: str) -> str:
    """'heikkilä' → 'heikkila': an address spells a name without its accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _group_authors(people: list) -> tuple[list[str], str]:
    """The author list most sources agree on; ties to the more trusted source."""
    words = [{w for n in names for w in _fold(n).split()} for names, *_ in people]

    def support(i: int) -> float:
        # Sources naming exactly these people count fully, overlapping ones ("Jane Doe" and
        # "Jane Doe Gardener") half.
        same = sum(1 for j, w in enumerate(words) if j != i and words[i] == w)
        overlap = sum(1 for j, w in enumerate(words) if j != i and words[i] & w)
        # A list that names everyone a shorter one names, and more, is the fuller byline.
        fuller = sum(1 for j, w in enumerate(words)
                     if len(people[i][0]) > len(people[j][0]) and w < words[i])
        return same + 0.5 * overlap + 0.5 * fuller - _trust(people[i][2]) * 0.01

    best = max(range(len(people)), key=support)
    names, _, source, _ = people[best]
    unique: list[str] = []
    for name in names:
        if _fold(name) not in {_fold(u) for u in unique}:
            unique.append(name)
    return unique, source


def _pick_dates(found: Candidates, out: Fields) -> None:
    url_date = _url_date(found)
    updates = _update_days(found)
    for name in ("published", "modified"):
        values = _first_posts(found.get(name)) if name == "published" else found.get(name)
        parsed = [(parse_date(v), s) for v, s in values]
        if name == "published":  # the stamp a reader sees is the update's
            parsed = [(d, s) for d, s in parsed
                      if not (d and s.startswith("visible") and d[:10] in updates)]
        if name == "published" and url_date:
            parsed = [(_as_url_reads(d, s, url_date), s) for d, s in parsed]
            parsed.append((url_date, "url"))
        parsed = [(d, s) for d, s in parsed if d]
        days = [d[:10] for d, _ in parsed]
        # A WebPage's own date (Yoast writes one for every page) dates the article only when
        # another source gives the same day.
        parsed = [(d, s) for d, s in parsed
                  if s != "json-ld:page" or sum(x == d[:10] for x in days) > 1]
        if not parsed:
            continue
        days = [d[:10] for d, _ in parsed]

        def support(i: int) -> float:
            return days.count(days[i]) - _trust(parsed[i][1]) * 0.01 + len(parsed[i][0]) * 1e-4

        best = max(range(len(parsed)), key=support)
        out.set(name, parsed[best][0], parsed[best][1])
    _printed_day(found, out, url_date)


def _update_days(found: Candidates) -> set[str]:
    """Days the head prints labelled as an update ("Updated Jan 25, 2026") that the machine
    tags give as dateModified and never as datePublished: the page's own word that the day is
    not the publication, however many visible marks repeat it."""
    printed = {d[:10] for v, s in found.get("printed_date")
               if s.endswith(":unsure") and (d := parse_date(v))}
    if not printed:
        return set()
    published = {d[:10] for d, _ in _machine_dates(found, "published")}
    if not published:
        return set()
    return printed & {d[:10] for d, _ in _machine_dates(found, "modified")} - published


def _first_posts(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A thread dates each post the same way (a datePublished per post): of a machine source
    that gives three or more dates, only the first, the opening post's, dates the page."""
    counts: dict[str, int] = {}
    for _, source in values:
        counts[source] = counts.get(source, 0) + 1
    seen: set[str] = set()
    kept = []
    for value, source in values:
        if counts[source] < _THREAD or source not in seen or source.startswith("visible"):
            kept.append((value, source))
        seen.add(source)
    return kept


def _as_url_reads(date: str | None, source: str, url_day: str) -> str | None:
    """A printed numeric date reads both ways (03/10/2023: 3 October or 10 March); when the
    page's address gives the same numbers the other way round, the address says which."""
    if (date is None or not source.startswith("visible") or date[:4] != url_day[:4]
            or date[5:7] == date[8:10]):
        return date
    if date[5:7] == url_day[8:10] and date[8:10] == url_day[5:7]:
        return url_day + date[10:]
    return date


def _url_date(found: Candidates) -> str | None:
    """The day in the page's own address, from the first of its URLs that carries one
    (og:url is sometimes percent-encoded whole: '%2F2025-12-15%2B…')."""
    for url, _ in found.get("url"):
        date = date_from_url(unquote(url))
        if date:
            return date
    return None


def _printed_day(found: Candidates, out: Fields, url_date: str | None) -> None:
    """The day the article's head prints is the day a reader is told. It keeps a machine date
    of the same day; else it takes the machine tag that gives a day it prints (often the
    update, as dateModified) with that tag's time and zone; else the nearest stamp wins on its
    own, unless it is labelled an update or reads both ways (09.10.2024)."""
    printed = [(d, s) for v, s in found.get("printed_date") if (d := parse_date(v))]
    if not printed:
        return
    if url_date:
        printed = [(_as_url_reads(d, s, url_date), s) for d, s in printed]
    chosen = out.values.get("published")
    if chosen and chosen[:10] in {d[:10] for d, _ in printed}:
        firm = [(d, s) for d, s in printed if s == "visible"]
        if not firm or chosen[:10] in {d[:10] for d, _ in firm}:
            return
        # the machine date is only the day the head labels as the update ("Published Apr 26,
        # 2023 · Updated Aug 21, 2025"): the day printed without that label is the publication
        printed = firm
    published = _machine_dates(found, "published")
    modified = _machine_dates(found, "modified")
    machine = published + modified
    only_updates = {d[:10] for d, _ in modified} - {d[:10] for d, _ in published}
    for day, source in printed:
        same = [(d, s) for d, s in machine if d[:10] == day[:10]]
        if published and source != "visible" and day[:10] in only_updates:
            continue  # an "Updated …" stamp of the update tag's day: not the publication
        if same:
            out.set("published", *max(same, key=lambda c: len(c[0])))
            return
    nearest, source = printed[0]
    if chosen is None or source == "visible":
        out.set("published", nearest, "visible")


def _machine_dates(found: Candidates, name: str) -> list[tuple[str, str]]:
    """The dates of one field that machine-readable sources give (not the visible page)."""
    return [(d, s) for v, s in found.get(name)
            if not s.startswith("visible") and (d := parse_date(v))]


def _pick_simple(found: Candidates, out: Fields) -> None:
    for name in ("publisher", "description", "image", "section", "url"):
        first = found.first(name)
        if first:
            out.set(name, first[0], first[1])
    language = found.first("language")
    if language:
        out.set("language", language[0].replace("_", "-").split(",")[0].strip(), language[1])
    tags = found.get("tags")
    if tags:
        seen: dict[str, str] = {}
        for value, _ in tags:
            seen.setdefault(_fold(value), value)
        out.set("tags", tuple(seen.values())[:30], tags[0][1])


def _figures(chosen: list[Block], dropped: list[tuple[str, Block]]) -> Iterable[Figure]:
    """Images of the article with the captions and credits cleaning took out of the body."""
    if not chosen:
        return []
    lo, hi = chosen[0].index, chosen[-1].index
    images = [b for b in chosen if b.kind == "img"]
    captions = [b for rule, b in dropped if rule == "captions" and lo <= b.index <= hi + 1]
    figures: list[Figure] = []
    used: set[int] = set()
    for img in images:
        near = [c for c in captions if img.index < c.index <= img.index + 3 and c.index not in used]
        caption, credit = _caption_parts(near)
        used.update(c.index for c in near)
        figures.append(Figure(src=img.src, alt=img.md or None, caption=caption, credit=credit))
    rest = [c for c in captions if c.index not in used]
    while rest:
        group = [rest.pop(0)]
        while rest and rest[0].index <= group[-1].index + 2 and not _is_credit(group[-1]):
            group.append(rest.pop(0))
        caption, credit = _caption_parts(group)
        figures.append(Figure(caption=caption, credit=credit))
    return figures


def _caption_parts(blocks: list[Block]) -> tuple[str | None, str | None]:
    caption = " ".join(b.text for b in blocks if not _is_credit(b)) or None
    credit = " ".join(b.text for b in blocks if _is_credit(b)) or None
    return caption, credit


def _is_credit(block: Block) -> bool:
    return len(block.text) < 120 and bool(CREDIT_TEXT.search(block.text))


# -- helpers ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[^\w\s]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                         **dict.fromkeys(INVISIBLE)})


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Case, quotes, Unicode forms and punctuation folded away, for comparing. A page asks
    for the same few names and titles many times over: each is folded once."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def _agrees(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return bool(short) and long.startswith(short) and len(short) >= 0.6 * len(long)


def _trust(source: str) -> int:
    base = source.split(":")[0]
    return TRUST.index(base) if base in TRUST else len(TRUST)


def _first(found: Candidates, name: str) -> str | None:
    first = found.first(name)
    return first[0] if first else None
