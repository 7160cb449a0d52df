"""The cleaning step's shortcuts must never change a decision: the literal screen never misses a
phrase a group would find, a rule is only skipped when the block has nothing the rule answers
to, and class strings are read as the groups' regexes read them."""
from __future__ import annotations

import inspect
import re

import pytest

from copydesk.blocks import Container, Page
from copydesk.cleaning import PASSES, RULES, clean, context, patterns, rules
from copydesk.cleaning.context import Context
from copydesk.cleaning.screen import Screen, fold
from copydesk.model import Block
from copydesk.options import DEFAULT, Options

# Lines that must reach each group, and near misses; taken from every rule's docstring too.
LINES = [
    "We use cookies to improve your experience.", "MANAGE CONSENT", "Accept All Cookies",
    "(AP Photo/Evan Vucci)", "Photo: Reuters", "vladimir smirnov/Agence France-Presse/Getty Images",
    "Featured image by Jane Doe", "(Published 10/23/19)", "Biden speaks (2:14)", "WATCH: Biden",
    "Sign up for our newsletter", "Sİgn up for our newsletter", "ſubscribe to our newsletter",
    "Enter your email address", "Delivered straight to your inbox", "Leave a Reply", "12 Comments",
    "Copyright © 2021 Dow Jones", "ALL RIGHTS RESERVED.", "Write to Jane Doe at jane@example.com",
    "We may earn a commission from links on this page.", "This site contains affiliate links.",
    "5 min read", "Updated 3 hours ago", "Reviewed by Dr. Jane Doe", "Tags: Syria, Turkey",
    "Home » Posts", "Table of Contents", "Share this:", "Read more: Inflation eases",
    "Advertisement", "Get started today", "About the author", "Print", "Liens affiliés inclus",
    "Artikel anhören", "Écouter l'article", "Tous droits réservés", "Lesezeit 3 Min.",
    "He refused to share the data.", "The photo was taken in Paris.", "a (b) c: d", "",
]
LINES += [part.strip() for _, rule in RULES for part in re.split(r"·|\n", rule.__doc__ or "")]


@pytest.mark.parametrize("text", LINES)
def test_the_screen_never_misses_a_phrase(text: str) -> None:
    found = patterns.screen().could_match(text)
    for rx, bit in patterns.screen().bits.items():
        for variant in (text, text.upper(), text.lower(), text.title()):
            if rx.search(variant):
                assert patterns.screen().could_match(variant) & bit, (rx.pattern[:60], variant)
    assert isinstance(found, int)


def test_the_screen_passes_plain_prose_without_a_search() -> None:
    prose = "The council voted on Tuesday to extend the program for another two years."
    assert patterns.screen().could_match(prose) == 0


def test_an_alternative_without_literals_is_searched_as_it_is() -> None:
    digits = re.compile(r"(?:\d+\s*$|^share$)", re.I)
    screen = Screen([(digits, (r"\d+\s*$", r"^share$"))])
    assert screen.could_match("page 12") and screen.could_match("SHARE")
    assert not screen.could_match("page twelve")


def test_screening_texts_together_finds_what_screening_each_finds() -> None:
    """could_match_all joins the texts: a literal must not run into the next text, a start
    must be each text's own, and texts that change length when lowered must not shift it."""
    texts = [*LINES, "ΟΔΟΣ Share this:", "İİİ Read more: x", "sign up\x00now", "cookies",
             "Print", "Share", "x" * 50, "Advertisement"]
    for order in (texts, texts[::-1], [t.upper() for t in texts]):
        screen = patterns.screen()
        assert screen.could_match_all(order) == [screen.could_match(t) for t in order]
    assert patterns.screen().could_match_all([]) == []
    # Joined (no text holds the separator), with and without a shift between the two sides.
    for odd in ("İİİ Read more: x", "x\u0307 Advertisement", "ΟΔΟΣ Share this:", "plain"):
        joinable = [odd, *LINES[:40], "Share this:", odd, "Advertisement"]
        screen = patterns.screen()
        assert screen.could_match_all(joinable) == [screen.could_match(t) for t in joinable]


def test_fold_lowers_as_ignorecase_matches() -> None:
    assert fold("İSTANBUL ſpring ΟΔΟΣ") == "istanbul spring οδοσ"


def test_every_searched_pattern_is_screened_and_declared() -> None:
    """ctx.says refuses a group the screen does not know; needs() must name each group a rule
    asks about, or clean() would never ask that rule about a block holding only that phrase."""
    screened = {name for name, value in vars(patterns).items()
                if any(value is rx for rx in patterns.TEXT_RULE_PATTERNS)}
    for name, rule in RULES:
        asked = set(re.findall(r"says\(\w+, P\.([A-Z_]+)", inspect.getsource(rule)))
        declared = {n for n, v in vars(patterns).items() if any(v is rx for rx in rule.needs.phrases)}
        assert asked <= screened and asked == declared, name
        marks = set(re.findall(r'"(\w+)" in ctx\.marks|_marked_short_kind\(block, ctx, "(\w+)"',
                               inspect.getsource(rule)))
        assert {m for pair in marks for m in pair if m} <= rule.needs.marks, name


def _page(texts: list[str], tokens: str = "", tag: str = "div", kind: str = "p") -> Page:
    containers = [Container("body", "", "", -1), Container(tag, tokens, "", 0)]
    filler = "Plain prose of the article itself, long enough to be the page's text. " * 8
    blocks = [Block(text=filler, md=filler, kind="p", index=0, path=(0,))]
    for text in texts:
        blocks.append(Block(text=text, md=text, kind=kind, index=len(blocks), path=(0, 1)))
    return Page(blocks=blocks, containers=containers)


def _asking_every_rule(page: Page) -> list[tuple[str, int]]:
    ctx = Context(page, DEFAULT)
    out = []
    for block in page.blocks[1:]:
        name = next((name for name, rule in RULES if rule(block, ctx)), None)
        if name:
            out.append((name, block.index))
    return out


@pytest.mark.parametrize("tokens,tag", [
    ("", "div"), ("main-menu", "div"), ("", "footer"), ("", "aside"), ("comment-list", "ol"),
    ("post-meta", "div"), ("wp-caption-text", "p"), ("author-box", "div"), ("ad-slot", "div"),
])
def test_clean_asks_the_rules_that_could_answer(tokens: str, tag: str) -> None:
    """Skipping rules by their needs drops the same blocks, credited to the same rules, as
    asking every rule in order (the page-level passes after the rules are switched off)."""
    page = _page(LINES + ["The two leaders met in Sochi.", "(AP Photo/Evan Vucci)"], tokens, tag)
    rules_only = Options(keep=frozenset(PASSES))
    dropped = [(name, block.index) for name, block in clean(page, rules_only).dropped]
    assert dropped == _asking_every_rule(page)


def test_a_caption_line_above_a_credit_triggers_the_captions_rule() -> None:
    page = _page(["The two leaders met in Sochi on Wednesday.", "(AP Photo/Evan Vucci)"])
    ctx = Context(page, DEFAULT)
    assert ctx.triggers(page.blocks[1]) & context.CAPTION
    assert not ctx.triggers(page.blocks[0])


@pytest.mark.parametrize("texts", [
    ["The two leaders met in Sochi on Wednesday.", "", "(AP Photo/Evan Vucci)"],
    ["A caption.", "", "", "", "(AP Photo/Evan Vucci)", "(Reuters)", "Photo: Reuters"],
    [*LINES[:30], "Amy says", "July 14, 2015 at 3:53 pm", "Reply", "Great post!"],
])
def test_triggers_found_page_wide_are_each_blocks_triggers(texts: list[str]) -> None:
    for page in (_page(texts), _page(texts, "post-meta"), _page(texts, kind="caption")):
        for is_html in (True, False):
            page.is_html = is_html
            ctx = Context(page, DEFAULT)
            assert ctx.all_triggers() == [ctx.triggers(block) for block in page.blocks]


@pytest.mark.parametrize(("tokens", "kinds"), [
    ("post-share social", {"share"}),
    ("entry-content share-enabled", set()),  # says it holds the article
    ("post type-post hentry category-news", set()),  # a microformats entry
    ("author--bio", {"author_bio"}),  # BEM joiner
    ("has-sidebar main", set()),  # a state class
    ("sidebar-enabled--false", set()),
    ("menu-item menu-item-12345", {"navigation"}),
    ("col-md-6 container", set()),
])
def test_class_strings_name_the_kinds_their_words_name(tokens: str, kinds: set[str]) -> None:
    assert context._token_kinds(tokens) == kinds


def test_the_screen_stays_linear_on_long_adversarial_text() -> None:
    """Its tries are built at run time, so the module sweep of test_regex_safety misses them."""
    import time

    for text in ("a" * 20000, "(" * 10000 + "Photo/", "share " * 4000, "cookie" * 3000):
        start = time.perf_counter()
        patterns.screen().could_match(text)
        assert time.perf_counter() - start < 2.0


def _class_strings() -> list[str]:
    """Each group's words as class strings: bare, in a longer word, BEM-joined, beside others."""
    out = []
    for rx in (*patterns.TOKENS.values(), patterns.CONTENT_EXEMPT):
        for word in patterns.WORDS[rx]:
            out += [word, f"x-{word} col", f"is-{word}", word.replace("-", "__"),
                    word.replace("-", "--") + "--open", f"post{word}", f"{word}s2"]
    return out


def test_the_class_prefilter_passes_every_string_that_names_a_kind() -> None:
    """_class_kinds reads no further a class string ANY_WORD passes over, so it must pass
    every string whose words name a kind (and it need pass no string that names none)."""
    strings = _class_strings()
    assert any(not context._token_kinds(s) and patterns.ANY_WORD.search(" " + s)
               for s in strings)  # a prefilter: it may pass strings that name nothing
    for tokens in strings:
        if context._token_kinds(tokens):
            assert patterns.ANY_WORD.search(" " + tokens), tokens
        assert context._class_kinds(tokens) == context._token_kinds(tokens), tokens


def _marks_by_paths(page: Page) -> list[frozenset[str]]:
    """Block marks as first defined: the naming containers on each block's path, less the page
    wrappers (a naming box holding WRAPPER_SHARE of the page's text)."""
    naming = context._naming_boxes(page.containers)
    total = sum(len(b.text) for b in page.blocks)
    limit = context.WRAPPER_SHARE * total if total >= 200 else float("inf")
    wrappers = {cid for cid in naming
                if sum(len(b.text) for b in page.blocks if cid in b.path) >= limit}
    return [frozenset().union(*(naming[c] for c in b.path if c in naming and c not in wrappers))
            for b in page.blocks]


def test_block_marks_are_those_of_the_naming_containers_on_the_path() -> None:
    """_block_marks reads a block's naming containers off its innermost container's chain
    (_naming_chains); a naming box around most of the page's text marks nothing."""
    containers = [Container("body", "", "", -1), Container("div", "has-sidebar comments", "", 0),
                  Container("nav", "", "", 1), Container("div", "post-share", "", 2),
                  Container("div", "entry", "", 1), Container("footer", "", "", 0)]
    paths = [(0, 1, 2), (0, 1, 2, 3), (0, 1, 4), (0, 1, 4), (0, 5), (0,)]
    texts = ["Home", "Share", "Prose " * 40, "More prose " * 30, "© 2024", "x"]
    page = Page([Block(t, t, "p", i, path) for i, (t, path) in enumerate(zip(texts, paths))],
                containers)
    assert context._naming_chains(containers, context._naming_boxes(containers)) == [
        (), (1,), (1, 2), (1, 2, 3), (1,), (5,)]
    marks = context._block_marks(page)
    assert marks == _marks_by_paths(page)
    assert marks[0] == {"navigation"} and marks[1] == {"navigation", "share"} and not marks[2]
    assert marks[4] == {"footer"} and not marks[5]


@pytest.mark.parametrize("group", [*patterns.TOKENS, "content"])
def test_a_sooner_search_answers_as_its_token_group(group: str) -> None:
    """TOKEN_WORDS and CONTENT_WORD, searched in " " + tokens, answer as the groups do."""
    rx = patterns.TOKENS.get(group, patterns.CONTENT_TOKENS)
    fast = patterns.TOKEN_WORDS.get(group, patterns.CONTENT_WORD)
    strings = [*_class_strings(), "", "x", "post2", "post_body", "entry--content", "a post"]
    for word in patterns.WORDS[rx]:
        strings += [word, f"x-{word}", f"{word}-y col", f"{word}s", f"x{word}", f"is-{word}",
                    word.replace("-", "_"), word[:-1], word.upper()]
    for tokens in strings:
        assert bool(fast.search(" " + tokens)) == bool(rx.search(tokens)), tokens
