"""A cheap language guess from the text, for pages that do not say (<html lang>, meta)."""
from __future__ import annotations

import re

# Short function words that are frequent in one language and rare in the others.
_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that with for was are this have from".split()),
    "de": frozenset("der die und das ist nicht mit den von sich auch ein eine".split()),
    "fr": frozenset("le les et des est une pour que dans qui pas sur avec".split()),
    "es": frozenset("el los las y que es una por con para del se como".split()),
    "it": frozenset("il che è di per una sono della con non gli anche".split()),
    "nl": frozenset("het een van en niet dat voor zijn met ook maar worden".split()),
    "pt": frozenset("os as que não uma para com por mais dos das também".split()),
}
_WORD = re.compile(r"\w+")
_MIN_HITS = 8  # fewer function words than this is too little text to tell
_SAMPLE = 4000  # characters: enough to decide, cheap on long pages


def guess(text: str) -> str | None:
    """ISO 639-1 code of the language most of the text's function words belong to."""
    words = _WORD.findall(text[:_SAMPLE].lower())
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    best = max(hits, key=hits.__getitem__)
    runner_up = max(v for k, v in hits.items() if k != best)
    if hits[best] < _MIN_HITS or hits[best] < 1.5 * runner_up:
        return None
    return best
