"""Authors that only the page's shape names, when no tag or byline does (reconcile.py's
_page_credits and _site_owner, visible.py's owner links and author-description boxes)."""
from __future__ import annotations

from copydesk import extract

BODY = "".join(
    f"<p>Paragraph {i} of the story carries enough words to be read as the article body, "
    f"with sentences, commas, and a full stop at the end of it.</p>" for i in range(6)
)
DATED = '<meta property="article:published_time" content="2025-03-02T10:00:00Z">'


def _page(head: str = "", top: str = "", tail: str = "", after: str = "", url: str | None = None,
          first: str = "I moved my notes to a small server last spring, and here is how.",
          nav: str = "<a href='/'>Home</a>"):
    markup = (f"<html><head>{head}</head><body><nav>{nav}</nav><article>{top}<h1>How I host "
              f"my notes</h1><p>{first}</p>{BODY}{tail}</article>{after}</body></html>")
    return extract(markup, url=url)


# -- a personal site named after its owner ------------------------------------------------

def test_site_name_that_the_address_spells_is_the_author() -> None:
    a = _page(DATED + '<meta property="og:site_name" content="Polly Barks">',
              url="https://pollybarks.com/blog/zero-waste")
    assert a.authors == ("Polly Barks",)


def test_title_suffix_and_front_page_link_on_a_first_name_address() -> None:
    a = _page(DATED + "<title>Go ahead, self-host Postgres | Pierce Freeman</title>",
              nav="<a href='/'>Pierce Freeman</a>", url="https://pierce.dev/notes/postgres")
    assert a.authors == ("Pierce Freeman",)


def test_copyright_line_of_a_site_the_address_spells() -> None:
    a = _page(DATED, after="<footer>© 2025 Toby Hede. All rights reserved.</footer>",
              url="https://tobyhede.com/blog/agents/")
    assert a.authors == ("Toby Hede",)


def test_about_link_naming_the_owner() -> None:
    a = _page(DATED, nav="<a href='/'>Home</a><a href='/about/'>About Melissa Neill</a>",
              url="https://melissaneill.com/home-gym/")
    assert a.authors == ("Melissa Neill",)


def test_a_business_named_after_its_trade_is_no_author() -> None:
    a = _page(DATED + '<meta property="og:site_name" content="Loona Construction">',
              first="We have done construction work in the valley for twenty years now.",
              url="https://loonaconstruction.com/blog/roofs")
    assert a.authors == ()


def test_a_business_that_names_itself_in_its_text_is_no_author() -> None:
    a = _page(DATED + '<meta property="og:site_name" content="Robert Half">',
              first="At Robert Half, our recruiters place accountants in every state.",
              url="https://www.roberthalf.com/us/en/accounting")
    assert a.authors == ()


def test_a_brand_and_its_kind_of_page_is_no_author() -> None:
    # the address spells only the first word, and no front-page link names it
    a = _page(DATED + '<meta property="og:site_name" content="Supabase Docs">',
              url="https://supabase.com/docs/guides/auth")
    assert a.authors == ()


def test_an_undated_page_or_a_front_page_names_no_owner() -> None:
    undated = _page('<meta property="og:site_name" content="Polly Barks">',
                    url="https://pollybarks.com/shop/tote")
    front = _page(DATED + '<meta property="og:site_name" content="Hugging Face">',
                  url="https://huggingface.co/")
    assert undated.authors == () and front.authors == ()


def test_a_site_owner_never_outvotes_a_printed_byline() -> None:
    a = _page(DATED + '<meta property="og:site_name" content="Polly Barks">',
              top="<p class='byline'>By Jane Doe</p>", url="https://pollybarks.com/blog/x")
    assert a.authors == ("Jane Doe",)


# -- a label, a bio sentence, an author box ---------------------------------------------

def test_a_label_heading_and_the_name_after_it() -> None:
    a = _page(tail="<h2>Article by</h2><div>Matias Heikkilä</div>")
    assert a.authors == ("Matias Heikkilä",)


def test_an_author_label_in_a_facts_aside() -> None:
    a = _page(after="<aside class='insight__content'><div><h3>Published</h3><p>August 30, "
                    "2024</p></div><div><h3>Author</h3><p> Lisa D. Ellis</p></div></aside>")
    assert a.authors == ("Lisa D. Ellis",)


def test_a_label_followed_by_a_bio_opening_with_the_name() -> None:
    a = _page(tail="<p>About the Author:</p><p>Juliette Carreiro is a skilled content creator "
                   "with over five years of experience in SEO and content strategy.</p>")
    assert a.authors == ("Juliette Carreiro",)


def test_a_posted_by_label_naming_the_site_is_no_author() -> None:
    a = _page(top="<p>Posted By</p><p>Loona Construction</p>",
              url="https://loonaconstruction.com/blog/roofs")
    assert a.authors == ()


def test_this_post_was_written_by_sentence() -> None:
    a = _page(after="<div class='author-bio'>This post was written by Danielle Padula, Head of "
                    "Marketing and Community Development</div>")
    assert a.authors == ("Danielle Padula",)


def test_author_box_whose_heading_the_bio_opens_with() -> None:
    a = _page(DATED, after="<div class='callout'><h3>Alban Brooke</h3><p>Alban Brooke is the "
                           "Head of Marketing at Buzzsprout, where he hosts a weekly show.</p>"
                           "</div>")
    assert a.authors == ("Alban Brooke",)


def test_a_heading_and_a_paragraph_about_a_place_name_no_author() -> None:
    a = _page(DATED, tail="<h2>Yosemite Falls</h2><p>Yosemite Falls is the tallest waterfall "
                          "in the park, and it runs best in May and June.</p>")
    assert a.authors == ()


def test_name_set_right_before_an_author_description() -> None:
    a = _page(after="<div class='box'><p class='gb-headline'>Asser Christensen</p>"
                    "<div class='dynamic-author-description'>Licensed Q Arabica Grader, M.A. "
                    "Journalism</div></div>")
    assert a.authors == ("Asser Christensen",)


def test_a_label_over_a_list_of_names() -> None:
    a = _page(top="<h6>Author(s)</h6><ul><li><a href='/l?a=1'>John A. Alic</a></li><li><a "
                  "href='/l?a=2'>David C. Mowery</a></li><li>Edward S. Rubin</li></ul>")
    assert a.authors == ("John A. Alic", "David C. Mowery", "Edward S. Rubin")


def test_a_label_over_a_menu_names_no_one() -> None:
    a = _page(top="<h6>Authors</h6><ul><li>Browse all authors</li><li>Become a writer</li></ul>")
    assert a.authors == ()


def test_owner_links_are_the_site_s_own_front_and_about_pages() -> None:
    from copydesk.metadata.visible import _owner_hrefs
    hrefs = ["/x", "/", "https://www.a.com/about/", "https://b.com", "./", "/about-me",
             "https://a.com/x", "/about/team/jane", "https://a.com", "https://b.com/about"]
    assert _owner_hrefs(hrefs, "a.com") == [1, 2, 4, 5, 8]


def test_a_header_h1_and_the_copyright_line_naming_one_person() -> None:
    markup = (f"<html><head>{DATED}</head><body><header><h1>Cassidy Williams</h1><h2>Software "
              f"Engineer</h2></header><article><h2>Configure your repositories</h2>{BODY}"
              f"</article><footer>© 2025 Cassidy Williams. This site is open source!</footer>"
              f"</body></html>")
    assert extract(markup, url="https://cassidoo.co/post/dot-github").authors == (
        "Cassidy Williams",)


def test_a_header_h1_and_the_copyright_line_of_a_business_name_no_author() -> None:
    markup = (f"<html><head>{DATED}</head><body><header><h1>Acme Widgets</h1></header><article>"
              f"<h2>Our spring range</h2><p>Our widgets ship in spring.</p>{BODY}</article>"
              f"<footer>© 2025 Acme Widgets. All rights reserved.</footer></body></html>")
    assert extract(markup, url="https://shop.example.com/news/spring").authors == ()


def _stamped(above: str):
    markup = (f"<html><body><article><h1>HR shared services explained</h1><div><p>{above}</p>"
              f"<div class='flex'><p><span>23.07.2025</span><span> · </span><span>6 min read"
              f"</span></p></div></div>{BODY}</article></body></html>")
    return extract(markup)


def test_a_name_alone_right_above_the_stamp_s_row() -> None:
    assert _stamped("Elliot Raba").authors == ("Elliot Raba",)


def test_a_section_label_above_the_stamp_s_row_is_no_author() -> None:
    assert _stamped("HR Strategy").authors == ()
    assert _stamped("Machine Learning Tutorial").authors == ()
