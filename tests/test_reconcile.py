"""Reconcile: each field's value is the best agreement of the sources (reconcile.py)."""
from __future__ import annotations

import pytest

from copydesk import extract
from copydesk.options import Options

BODY = "".join(
    f"<p>Paragraph {i} of the story carries enough words to be read as the article body, "
    f"with sentences, commas, and a full stop at the end of it.</p>" for i in range(6)
)


def _page(head: str = "", top: str = "", first: str = "", url: str | None = None):
    markup = (f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><article>"
              f"{top}<p>{first or 'The lead paragraph opens the story with a long sentence.'}</p>"
              f"{BODY}</article></body></html>")
    return extract(markup, url=url)


def test_h1_corroborated_by_the_meta_title_gives_the_printed_title() -> None:
    a = _page('<title>Trends For 2026 in Nutrition - Tastewise</title>'
              '<meta property="og:site_name" content="Tastewise">',
              "<h1>Top 10 Nutrition Trends to Watch in 2026</h1>")
    assert a.headline == "Top 10 Nutrition Trends to Watch in 2026"
    assert a.provenance["headline"] == "visible"


def test_a_title_label_opening_the_h1_is_no_part_of_the_headline() -> None:
    a = _page('<meta property="og:title" content="AlignMerge - Alignment-Preserving Merging">',
              '<h1><span class="descriptor">Title:</span>AlignMerge - Alignment-Preserving '
              'Merging</h1>')
    assert a.headline == "AlignMerge - Alignment-Preserving Merging"
    assert "Title:" not in a.text


def test_a_tag_s_title_loses_what_follows_its_last_pipe() -> None:
    a = _page("<title>Kayaks | REI Co-op</title>", "<h2>Shop by type</h2>")
    assert a.headline == "Kayaks"
    b = _page("<title>Cameras | Best Buy</title>", "<h1>Top cameras of 2025 | The best "
              "mirrorless cameras on the market</h1>")
    assert b.headline == "Top cameras of 2025 | The best mirrorless cameras on the market"


def test_lone_h1_without_support_does_not_win() -> None:
    a = _page('<title>Advent of Code 2025 week 2</title>'
              '<meta property="og:title" content="Advent of Code 2025 week 2">',
              "<h1>Conclusions</h1>")
    assert a.headline == "Advent of Code 2025 week 2"


def test_h1_sharing_three_words_with_a_reworded_seo_title_wins() -> None:
    a = _page('<title>What is Social Commerce - A guided introduction</title>'
              '<meta property="og:title" '
              'content="What is Social Commerce - A guided introduction">',
              "<h1>An introduction to social commerce: What brands need to know in 2026</h1>")
    assert a.headline == "An introduction to social commerce: What brands need to know in 2026"


def test_h1_in_capitals_does_not_win_outright_over_cased_titles() -> None:
    a = _page('<title>GAAP Compliance: Applying Accounting Best Practices</title>'
              '<meta property="og:title" '
              'content="GAAP Compliance: Applying Accounting Best Practices">',
              "<h1>SUPPORTING GAAP COMPLIANCE</h1>")
    assert a.headline == "GAAP Compliance: Applying Accounting Best Practices"


def test_a_title_every_source_words_like_the_site_name_is_still_the_title() -> None:
    a = _page('<title>What is Tauri? | Tauri</title><meta property="og:title" '
              'content="What is Tauri?">', "<h1>What is Tauri?</h1>", url="https://tauri.app/start/")
    assert a.headline == "What is Tauri?"


def test_a_credit_label_set_as_an_h1_is_no_headline() -> None:
    # Page builders set the label "By" as a heading of its own, the name in the next element.
    a = _page("<title>Your Wedding Checklist: A Planning Guide</title>",
              "<h1>Your Wedding Checklist: A Planning Guide</h1><h1>By</h1><p>Jane Doe</p>")
    assert a.headline == "Your Wedding Checklist: A Planning Guide"
    b = _page("<title>Your Wedding Checklist: A Planning Guide</title>", "<h1>Written by:</h1>")
    assert b.headline == "Your Wedding Checklist: A Planning Guide"


def test_a_permalink_glyph_closing_the_h1_is_no_part_of_the_title() -> None:
    a = _page("<title>Logging HOWTO — Python 3.14 documentation</title>",
              '<h1>Logging HOWTO<a class="headerlink" href="#logging-howto">¶</a></h1>')
    assert a.headline == "Logging HOWTO"


def test_site_suffix_is_stripped_by_publisher_and_by_host() -> None:
    a = _page('<title>What do people love about Rust? | Rust Blog</title>',
              url="https://blog.rust-lang.org/2025/12/19/what-do-people-love-about-rust/")
    assert a.headline == "What do people love about Rust?"
    b = _page('<title>Garnix Blog: Hardware-Attested Nix Builds</title>',
              url="https://garnix.io/blog/hardware-attested")
    assert b.headline == "Hardware-Attested Nix Builds"


def test_title_without_a_site_part_is_kept_whole() -> None:
    a = _page('<title>Wedding Planning Tools – Caterer Comparison Spreadsheet</title>')
    assert a.headline == "Wedding Planning Tools – Caterer Comparison Spreadsheet"


def test_printed_byline_names_the_author_even_when_it_is_the_site_name() -> None:
    a = _page('<meta property="og:site_name" content="Rick Steves">', "<h1>Travel light</h1>"
              '<p class="byline">By Rick Steves</p>')
    assert a.authors == ("Rick Steves",)


def test_site_name_from_meta_is_never_an_author() -> None:
    a = _page('<meta property="og:site_name" content="Acme News">'
              '<meta name="author" content="Acme News">', "<h1>Headline here now</h1>")
    assert a.authors == ()


def test_dateline_leaves_the_body_and_names_the_agency() -> None:
    a = _page(top="<h1>Stocks fall</h1><p><strong>Markets slid on Monday.</strong></p>",
              first="NEW YORK (AP) — Stocks fell sharply on Monday as investors weighed rates.")
    assert a.dateline is not None and a.dateline.place == "NEW YORK"
    assert a.organization == "AP"
    assert "NEW YORK (AP)" not in a.text


def test_a_dated_dateline_dates_a_page_without_other_dates() -> None:
    a = _page(top="<h1>Homestead gardening grows</h1>",
              first="RAJSHAHI, Dec 20, 2025 (BSS) - Homestead gardening has grown for years.")
    assert a.published == "2025-12-20"
    assert a.provenance["published"] == "visible"


def test_keep_dateline_keeps_it_inline() -> None:
    markup = ("<html><body><article><h1>Stocks fall</h1><p>NEW YORK (AP) — Stocks fell sharply"
              f" on Monday as investors weighed the rate outlook.</p>{BODY}</article></body></html>")
    a = extract(markup, options=Options(keep_dateline=True))
    assert a.dateline is not None
    assert a.text.startswith("Stocks fall") or "NEW YORK (AP) —" in a.text


def test_authors_vote_prefers_agreement_then_trust() -> None:
    a = _page('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
              '{"@type": "Person", "name": "Jane Doe"}}</script>'
              '<meta name="author" content="Someone Else">',
              '<h1>A title for the test</h1><p class="byline">By Jane Doe, Staff Writer</p>')
    assert a.authors == ("Jane Doe",)
    assert a.provenance["authors"] == "json-ld"


def test_fuller_byline_beats_a_meta_tag_naming_only_the_first_author() -> None:
    a = _page('<meta name="author" content="Anna Schmidt">', '<h1>Neues Mietrecht beschlossen</h1>'
              '<p class="autor">Von Anna Schmidt und Jonas Weber, dpa</p>')
    assert a.authors == ("Anna Schmidt", "Jonas Weber")
    assert a.byline == "Anna Schmidt und Jonas Weber, dpa"  # the schema's form: no leading 'Von'
    assert a.organization == "dpa"


def test_webpage_date_alone_does_not_date_the_article() -> None:
    page = ('<script type="application/ld+json">{"@type": "WebPage", '
            '"datePublished": "2019-12-12T14:07:03+00:00"}</script>')
    assert _page(page, "<h1>About our services here</h1>").published is None
    both = page + '<meta property="article:published_time" content="2019-12-12T10:00:00Z">'
    assert _page(both, "<h1>About our services here</h1>").published.startswith("2019-12-12")


def test_personal_blog_named_after_its_author_keeps_the_author() -> None:
    a = _page('<meta property="og:site_name" content="Sam Bossley">'
              '<meta name="author" content="Sam Bossley">', "<h1>Thoughts on Zig</h1>")
    assert a.authors == ("Sam Bossley",)


def test_the_company_the_author_tag_names_signs_a_page_that_names_no_person() -> None:
    # "dental" and "care" are ordinary words of the article: a business, not a person
    head = ('<meta property="og:site_name" content="West Bell Dental Care">'
            '<meta name="author" content="West Bell Dental Care">')
    first = "Good dental care starts with floss, and the right floss matters more than you think."
    a = _page(head, "<h1>Best floss</h1>", first)
    assert a.authors == ("West Bell Dental Care",)
    b = _page(head, "<h1>Best floss</h1><p class='byline'>By Jane Doe</p>", first)
    assert b.authors == ("Jane Doe",)


def test_sources_naming_exactly_the_same_person_outvote_a_longer_overlapping_one() -> None:
    a = _page("", '<h1>Moon gardening</h1><div class="author-line">Written By: Celeste Longacre '
              'Gardener</div><span class="author-name"><a href="/author/celeste">Celeste Longacre'
              '</a></span><p class="byline">By Celeste Longacre</p>')
    assert a.authors == ("Celeste Longacre",)


def test_page_labels_made_of_the_article_s_ordinary_words_are_no_authors() -> None:
    a = _page('<meta name="author" content="Company Size">', "<h1>Paid time off</h1>",
              "Whatever the company size, a paid time off policy helps the people who work there.")
    assert a.authors == ()


def test_a_byline_row_naming_the_company_signs_a_page_that_names_no_person() -> None:
    a = _page('<meta property="og:site_name" content="HomeAdvisor">', "<h1>Remodel costs</h1>"
              '<p class="byline">By HomeAdvisor</p>')
    assert a.authors == ("HomeAdvisor",)
    b = _page('<meta property="og:site_name" content="HomeAdvisor">', "<h1>Remodel costs</h1>"
              '<p class="byline">By HomeAdvisor</p><p class="author">Ryan Noonan</p>')
    assert b.authors == ("Ryan Noonan",)


# The page's machine tags say published P and modified M; what the head prints decides.
@pytest.mark.parametrize("published, modified, head, expected", [
    # the day the head prints wins, with the machine tag that gives it
    ("2025-01-29T20:47:55+00:00", "2025-08-19T13:25:59+00:00",
     "<p class='info'>August 19, 2025</p>", "2025-08-19T13:25:59+00:00"),
    # a printed publication day keeps the publication date
    ("2023-10-10T14:51:21+00:00", "2025-12-03T20:44:45+00:00",
     "<p class='info'><span>Published Oct 10, 2023</span> - [Updated Dec 3, 2025]</p>",
     "2023-10-10T14:51:21+00:00"),
    # an "Updated" stamp of the modified day leaves the published date
    ("2024-10-15T09:00:00+00:00", "2025-06-18T16:35:02+00:00",
     "<p class='a'>Updated June 18, 2025</p>", "2024-10-15T09:00:00+00:00"),
    # however many time tags repeat the update's day
    ("2015-05-12T06:05:27+00:00", "2026-01-25T19:56:29+00:00",
     "<p class='date'>Updated <time datetime='2026-01-25T12:56:29-07:00'>January 25, 2026</time>"
     "</p>", "2015-05-12T06:05:27+00:00"),
])
def test_the_printed_head_picks_between_published_and_modified(
        published: str, modified: str, head: str, expected: str) -> None:
    a = _page(f'<meta property="article:published_time" content="{published}">'
              f'<meta property="article:modified_time" content="{modified}">',
              f"<h1>Top photography trends in 2025</h1>{head}")
    assert a.published == expected and a.modified == modified


def test_a_machine_date_of_the_labelled_update_yields_to_the_printed_publication() -> None:
    a = _page('<script type="application/ld+json">{"@type": "Article", "datePublished": '
              '"Aug 21, 2025"}</script>',
              "<h1>Top electrical construction companies</h1><p class='a'><span>Published Apr 26,"
              " 2023</span></p><p class='b'><span>Updated Aug 21, 2025</span></p>")
    assert a.published == "2023-04-26"


def test_a_page_without_machine_dates_takes_the_printed_day() -> None:
    a = _page("", "<h1>Understanding mathematics through Lean</h1><p class='x'>December 15, 2025</p>")
    assert a.published == "2025-12-15"
    assert a.provenance["published"] == "visible"


def test_url_date_is_read_from_a_percent_encoded_og_url_too() -> None:
    a = _page('<meta property="og:url" content="https://blog.example.fr%2Farticles%2F2025-12-15'
              '%2BRust%2BGCC">', "<h1>Rust GCC backend: why and how</h1>")
    assert a.published == "2025-12-15"
    assert a.provenance["published"] == "url"


def test_a_firm_printed_day_outranks_a_machine_date_the_page_never_shows() -> None:
    a = _page('<meta property="article:published_time" content="2025-11-20T16:02:46+00:00">',
              "<h1>Short-form video best practices</h1><p class='a'>Liza Burke May 14, 2025</p>")
    assert a.published == "2025-05-14"


def test_a_printed_update_does_not_replace_the_publication_date() -> None:
    a = _page('<meta property="article:published_time" content="2016-02-25T23:48:16+00:00">',
              "<h1>How to winterize a garden</h1><p class='a'>Last Updated: April 1, 2025</p>")
    assert a.published == "2016-02-25T23:48:16+00:00"


def test_a_one_letter_surname_is_no_run_on_word() -> None:
    a = _page('<meta name="author" content="Matt De La O">', "<h1>Cybersecurity update</h1>")
    assert a.authors == ("Matt De La O",)


def test_words_that_run_on_after_a_name_are_trimmed() -> None:
    a = _page("", '<h1>New movies streaming</h1><p class="byline">By Brian Truitt USA TODAY</p>')
    assert a.authors == ("Brian Truitt",)
    b = _page("", '<h1>Mechanistic interpretability</h1><p class="byline">By Joakim Edin Research'
              '</p>', "Our research team studied the research questions of the field for a year.")
    assert b.authors == ("Joakim Edin",)


def test_an_article_s_author_list_gives_every_co_author() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": '
          '"Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ali Kaya"}]}</script>')
    assert _page(ld, "<h1>Tide tables</h1>").authors == ("Jane Doe", "Ali Kaya")
    tags = "".join(f'<meta name="citation_authors" content="{n}">'
                   for n in ("Jennifer Huberty", "Jeni Green", "Chong Lee"))
    a = _page(tags, "<h1>Meditation apps</h1><p class='author'>Jennifer Huberty, PhD</p>")
    assert a.authors == ("Jennifer Huberty", "Jeni Green", "Chong Lee")
    label = ld.replace('"Ali Kaya"', '"South Carolina Garden-based Learning Network on Facebook"')
    assert _page(label, "<h1>Tide tables</h1>").authors == ("Jane Doe",)


def test_a_user_name_in_the_author_tag_is_the_author_when_no_person_is_named() -> None:
    a = _page('<meta name="author" content="aawoods">', "<h1>Glaze recipes for cone six</h1>")
    assert a.authors == ("aawoods",)
    b = _page('<meta name="author" content="andrew.keaveney">',
              '<h1>A guide to meditation</h1><p class="byline">By Denise Everheart</p>')
    assert b.authors == ("Denise Everheart",)
    c = _page('<meta name="author" content="undefined">', "<h1>Blockchain trends</h1>")
    assert c.authors == ()


def test_an_author_tag_naming_the_host_is_the_company_and_a_role_is_no_one() -> None:
    a = _page('<meta name="author" content="Accruent">', "<h1>Event management process</h1>",
              url="https://www.accruent.com/resources/event-management")
    assert a.authors == ("Accruent",)
    b = _page('<meta name="author" content="Webmaster">', "<h1>Enrolment now open</h1>")
    assert b.authors == ()


def test_a_short_section_after_a_pipe_is_no_part_of_the_headline() -> None:
    a = _page('<meta property="og:title" content="How meditation rewires brains | Opinion">',
              "<h1>How meditation rewires brains | Opinion</h1>")
    assert a.headline == "How meditation rewires brains"
    b = _page('<meta property="og:title" content="Acme | Best stocks to buy this year">',
              "<h1>Acme | Best stocks to buy this year</h1>")
    assert b.headline == "Acme | Best stocks to buy this year"
    c = _page('<meta property="og:title" content="Blog: Best advertising agencies in 2025">')
    assert c.headline == "Best advertising agencies in 2025"


def test_a_forum_s_topic_title_drops_its_forum_and_site_after_slashes() -> None:
    # FluxBB writes "Topic / Forum / Site"; its <h1> is the site's logo.
    title = "<title>What happened with the ISO in 2024 / Arch Discussion / Arch Linux Forums</title>"
    a = _page(f'{title}<link rel="canonical" href="viewtopic.php?id=309936">', "<h1>Arch Linux</h1>",
              url="https://bbs.archlinux.org/viewtopic.php?id=309936")
    assert a.headline == "What happened with the ISO in 2024"
    assert a.url == "https://bbs.archlinux.org/viewtopic.php?id=309936"
    # a slash between numbers or model names is part of the title
    b = _page('<meta property="og:title" content="Tech conferences in Americas 2026 / 2027">')
    assert b.headline == "Tech conferences in Americas 2026 / 2027"


def test_a_canonical_address_that_cannot_be_resolved_is_no_address() -> None:
    relative = '<link rel="canonical" href="/blog/a-guide">'
    assert _page(relative).url is None
    assert _page(relative, url="https://example.org/x?ref=feed").url == "https://example.org/blog/a-guide"
    protocol = '<meta property="og:url" content="//shop.example.org/item/1">'
    assert _page(protocol, url="https://example.org/").url == "https://shop.example.org/item/1"
    # a relative lead image is resolved where an address is known, else kept as written
    image = '<meta property="og:image" content="/img/lead.png">'
    assert _page(image, url="https://example.org/a").image == "https://example.org/img/lead.png"
    assert _page(image).image == "/img/lead.png"


def test_the_typographic_form_most_sources_write_wins() -> None:
    straight = ('<title>The Beginner\'s Guide to Gym Equipment</title><meta property="og:title" '
                'content="The Beginner\'s Guide to Gym Equipment">')
    a = _page(straight, "<h1>The Beginner’s Guide to Gym Equipment</h1>")
    assert a.headline == "The Beginner's Guide to Gym Equipment"
    curly = '<meta property="og:title" content="The Beginner’s Guide to Gym Equipment">'
    b = _page(curly, "<h1>The Beginner’s Guide to Gym Equipment</h1>")
    assert b.headline == "The Beginner’s Guide to Gym Equipment"


def test_a_page_title_written_into_og_site_name_is_no_site_name() -> None:
    a = _page('<meta property="og:site_name" content="How to Design a Website: a Complete Guide '
              'for 2026 | Clay">', "<h1>How to Design a Website: a Complete Guide for 2026</h1>")
    assert a.headline == "How to Design a Website: a Complete Guide for 2026"


def _with_bio(bio: str, author: str = "Sara Coughlin") -> str:
    head = f'<meta name="author" content="{author}">'
    markup = (f"<html><head>{head}</head><body><article><p>The lead paragraph opens the "
              f"story with a long sentence.</p>{BODY}<p>Contributing Writer</p><p>{bio}</p>"
              "</article></body></html>")
    return extract(markup).text


def test_the_authors_bio_closing_the_article_leaves_the_body() -> None:
    text = _with_bio("Sara Coughlin is a writer and editor covering health and wellness.")
    assert "is a writer and editor" not in text and "Contributing Writer" not in text
    assert text.rstrip().endswith("at the end of it.")
    assert "is a writer" not in _with_bio("Sara has covered health for ten years, and writes.")


def test_a_closing_line_about_someone_else_stays() -> None:
    text = _with_bio("Dana Smith is a farmer who grows the beans this story is about.")
    assert "Dana Smith is a farmer" in text
    # a one-word author may be the company the story is about
    assert "QCY is already" in _with_bio("QCY is already embracing these trends.", author="QCY")


def test_whole_word_lookup_matches_the_boundary_regex() -> None:
    """The find-based lookup of an article's lower-case words agrees with the regex it
    replaces on e-mails, @handles, dotted hosts, underscores and non-ASCII letters."""
    import re

    from copydesk.reconcile import _stands_alone

    text = ("mail jane@doe.com or @doe, see site.doe and doe_x; der Doeé, né doe2 "
            "and plain doe. Then 'ann', ann@, .ann ann_ éann annè")
    for word in ("doe", "jane", "site", "ann", "plain", "then", "com", "der", "mail", "see"):
        pattern = re.compile(r"(?<![@\w.])" + re.escape(word) + r"(?![@\w])")
        assert _stands_alone(word, text) == (pattern.search(text) is not None), word
    assert _stands_alone("doe", "doe") and not _stands_alone("doe", "doer")


def test_lower_case_author_tag_naming_the_personal_site_is_the_author() -> None:
    """A personal site named after its owner ('Annette Thurmon') whose author tag gives the
    name in lower case: the tag is its author, not a site name to keep out of the byline."""
    a = _page('<meta property="og:site_name" content="Annette Thurmon">'
              '<meta name="author" content="annette thurmon">', "<h1>Herbs for pest control</h1>",
              url="https://www.azurefarm.example/blog/herbs")
    assert a.authors == ("annette thurmon",)


def test_a_title_cut_inside_brackets_gives_way_to_the_full_one() -> None:
    """JSON-LD truncated at a length limit ('… Solutions (Including') loses to the same title
    in full from og:title and <title>, though JSON-LD is the more trusted source."""
    cut = "Fix It Friday: We Help 4 Readers Find Solutions (Including"
    full = cut + " One Trick That Works)"
    a = _page('<script type="application/ld+json">{"@type": "Article", "headline": '
              f'"{cut}"}}</script>'
              f'<meta property="og:title" content="{full}"><title>{full}</title>')
    assert a.headline == full


def test_a_date_run_into_the_h1_is_no_part_of_the_headline() -> None:
    """'Dec 18 2025 Preparing a transition in Debusine' (a stamp and the title in one h1)
    gives the title the other sources write, without the stamp."""
    a = _page('<meta property="og:title" content="Preparing a transition in Debusine">'
              '<title>Preparing a transition in Debusine</title>',
              "<h1><span>Dec 18 2025</span> Preparing a transition in Debusine</h1>")
    assert a.headline == "Preparing a transition in Debusine"


def test_the_address_settles_a_numeric_date_that_reads_both_ways() -> None:
    """'03/10/2023' printed under the headline is 10 March or 3 October; an address with
    /2023/october/03/ in it says it is 3 October."""
    a = _page("", "<h1>A guide to wine types and styles</h1><span class='post-date'>03/10/2023</span>",
              url="https://www.example.org/blog/2023/october/03/wine-types/")
    assert a.published[:10] == "2023-10-03"
    b = _page("", "<h1>A guide to wine types and styles</h1><span class='post-date'>03/10/2023</span>",
              url="https://www.example.org/blog/wine-types/")
    assert b.published[:10] == "2023-03-10"


def test_a_thread_is_authored_by_its_opening_post() -> None:
    posts = "".join(f'<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">'
                    f'{name}</span><p>{name} writes a post in the thread with some words.</p></div>'
                    for name in ("sorairolake", "BurntSushi", "newpavlov", "epage"))
    a = _page("", "<h1>Which crate for parsing TOML?</h1>" + posts)
    assert a.authors == ("sorairolake",)


def test_json_ld_names_a_thread_s_author_over_its_posts_microdata() -> None:
    posts = "".join(f'<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">'
                    f'{name}</span><p>{name} writes a post in the thread with some words.</p></div>'
                    for name in ("Phinds", "FactChecker", "Jedishrfu"))
    ld = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting", '
          '"headline": "Which crate for parsing TOML?", "author": {"name": "paulb203"}}</script>')
    a = _page(ld, "<h1>Which crate for parsing TOML?</h1>" + posts)
    assert a.authors == ("paulb203",)


def test_a_user_name_marked_as_the_author_is_the_author_when_no_person_is_named() -> None:
    a = _page("", '<h1>Rust project goals for 2024</h1><div class="byline"><span>via</span> '
              '<a class="u-author h-card" href="/~scvalex">scvalex</a> <span>3 days ago</span>'
              ' | <a href="#c">12 comments</a></div>')
    assert a.authors == ("scvalex",)


def test_a_thread_is_dated_by_its_opening_post() -> None:
    posts = "".join(f'<div itemscope itemtype="https://schema.org/Comment"><meta '
                    f'itemprop="datePublished" content="{day}-05:00"><p>A post in the '
                    f'thread with enough words to read.</p></div>'
                    for day in ("2024-01-14T10:00:00", "2024-01-18T09:00:00",
                                "2024-01-18T11:00:00"))
    a = _page("", "<h1>Trends in the watch market in 2024</h1>" + posts)
    assert a.published == "2024-01-14T10:00:00-05:00"  # not the day most posts were written


def test_soft_hyphens_and_zero_width_spaces_are_no_part_of_a_field() -> None:
    a = _page('<meta name="author" content="Jane\u200b Doe">',
              "<h1>Home Repair Assis&shy;tance Program</h1>")
    assert a.headline == "Home Repair Assistance Program"
    assert a.authors == ("Jane Doe",)
    assert "Assis" not in a.text  # the repeated headline still leaves the body

