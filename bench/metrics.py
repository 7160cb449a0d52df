"""Pure scoring functions for the copydesk benchmark.

Body metric (ScrapingHub article-extraction-benchmark style): word tokens
(`\\w+` runs, case kept), 4-token shingles, tp/fp/fn over shingle multisets;
precision averaged over pages with a non-empty extraction, recall over pages
with a non-empty answer, F1 = harmonic mean of the two means.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
SHINGLE = 4

# Characters folded to an ASCII quote / hyphen on top of NFKC + casefold.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
_EXTRA_DASHES = "\u2212\u2043\u02d7\u2011\ufe63\uff0d\u2e3a\u2e3b"


def _dash_table() -> dict[int, str]:
    """Translation table: quotes to ' and ", every dash (Pd + minus signs) to -."""
    table = {ord(c): "'" for c in _SINGLE_QUOTES}
    table.update({ord(c): '"' for c in _DOUBLE_QUOTES})
    for cp in range(0x110000):
        if unicodedata.category(chr(cp)) == "Pd":
            table[cp] = "-"
    table.update({ord(c): "-" for c in _EXTRA_DASHES})
    return table


_FOLD_TABLE = _dash_table()


# --- body metric -----------------------------------------------------------

def tokenize(text: str | None) -> list[str]:
    """Word tokens: runs of \\w, case kept."""
    return _TOKEN.findall(text or "")


def shingles(tokens: Sequence[str], size: int = SHINGLE) -> Counter:
    """Multiset of overlapping `size`-token shingles; 1..size-1 tokens -> one shingle."""
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class PageScore:
    """Shingle counts of one page; P/R are None where undefined."""
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        """Per-page F1 (0 when the extraction or answer is empty)."""
        return harmonic(self.precision or 0.0, self.recall or 0.0)


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def page_score(extracted: str | None, answer: str | None) -> PageScore:
    """tp/fp/fn over the shingle multisets of one page."""
    got, want = shingles(tokenize(extracted)), shingles(tokenize(answer))
    tp = sum((got & want).values())
    return PageScore(tp, sum(got.values()) - tp, sum(want.values()) - tp)


def corpus_prf(pages: Iterable[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    """(P, R, F1) from per-page (precision, recall); None entries are left out of the mean."""
    ps, rs = [], []
    for p, r in pages:
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
    mp = sum(ps) / len(ps) if ps else 0.0
    mr = sum(rs) / len(rs) if rs else 0.0
    return mp, mr, harmonic(mp, mr)


def exact_match(extracted: str | None, answer: str | None) -> bool:
    """Same token sequence (formatting and white space ignored)."""
    return tokenize(extracted) == tokenize(answer)


def bootstrap_f1(pages: Sequence[tuple[float | None, float | None]], draws: int = 1000,
                 seed: int = 12345, low: float = 2.5, high: float = 97.5) -> tuple[float, float]:
    """Percentile interval of corpus F1 when pages are resampled with replacement."""
    if not pages:
        return 0.0, 0.0
    rng = random.Random(seed)
    n = len(pages)
    f1s = sorted(corpus_prf(pages[rng.randrange(n)] for _ in range(n))[2] for _ in range(draws))
    return percentile(f1s, low), percentile(f1s, high)


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile of an already sorted sequence."""
    if not values:
        return 0.0
    pos = (len(values) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


# --- snippets --------------------------------------------------------------

def fold(text: str | None) -> str:
    """NFKC, casefold, quotes to ' and ", dashes to -, white space runs to one space."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_FOLD_TABLE)
    return _SPACE.sub(" ", text).strip()


def snippet_in(snippet: str, folded_texts: Iterable[str]) -> bool:
    """True when the folded snippet is a substring of any already-folded text."""
    needle = fold(snippet)
    return bool(needle) and any(needle in t for t in folded_texts)


def count_snippets(snippets: Iterable[str], text: str | None, body: str | None) -> int:
    """How many snippets match the folded text or the folded body."""
    hay = (fold(text), fold(body))
    return sum(snippet_in(s, hay) for s in snippets)


# --- metadata --------------------------------------------------------------

def is_blank(value: object) -> bool:
    """None, empty string/list, or only white space."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return all(is_blank(v) for v in value)
    return False


def title_ok(got: str | None, want: str) -> bool:
    """Exact title after case and white space folding."""
    norm = lambda s: _SPACE.sub(" ", (s or "").casefold()).strip()  # noqa: E731
    return norm(got) == norm(want)


_JOINERS = {"and"}  # "A and B" in an answer equals the list ["A", "B"]


def name_words(text: str) -> set[str]:
    """Lowercased name words (NFKC, punctuation and the joiner "and" ignored)."""
    return set(_TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())) - _JOINERS


def authors_ok(got: Sequence[str] | str | None, want: str) -> bool:
    """Same set of name words in the joined author list and the answer."""
    if isinstance(got, str):
        got = [got]
    joined = " ".join(a for a in (got or []) if a)
    return bool(name_words(want)) and name_words(joined) == name_words(want)


# Issue #4's byline rules strip credentials and roles from a name and never take a team, desk
# or e-mail address for an author; an answer that keeps one no rule-following tool can match.
_CREDENTIAL = re.compile(
    r"^(?:[A-Z][A-Za-z]?\.?){1,3}\.?$|^(?:[A-Z]{2,}[-&/]?)+(?:\s+\d+)?$|®|\bPh\.?D\b|^M\.D\.")
_ROLE_WORDS = re.compile(
    r"\b(?:expert|editor|editors|editorial|director|ceo|founder|representative|dietitian|"
    r"educator|horticulturalist|clinician|writer|contributor|team|staff|desk|newsdesk|"
    r"reporter|correspondent|analyst|consultant)\b", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")


def author_beyond_rules(want: str) -> str | None:
    """Why no extractor that follows the byline rules can match this answer ('credentials',
    'role or team name', 'e-mail address'), or None when it can. Counted on the answers
    alone, so the ceiling it gives is the same for every tool."""
    if _EMAIL.search(want):
        return "e-mail address"
    if _ROLE_WORDS.search(want):
        return "role or team name"
    parts = [p.strip() for p in re.split(r"[,;]|\s+&\s+", want) if p.strip()]
    last = want.split()[-1]  # "Jeffrey A. Slotnick CPP, PSP"
    if any(_CREDENTIAL.search(p) for p in parts[1:]) or len(last) > 1 and last.isupper() \
            and last.isalpha() and len(want.split()) > 2:
        return "credentials"
    return None


def date_ok(got: str | None, want: str) -> bool:
    """Same day (first 10 chars of ISO); a YYYY-MM answer compares the month."""
    want = want.strip()
    n = 7 if len(want) == 7 else 10
    return bool(got) and got.strip()[:n] == want[:n]
