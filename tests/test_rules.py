"""Cleaning rules: each removes its kind of boilerplate and keeps prose that merely shares a word.

Every rule has lines it must remove and similar lines it must keep, in English, German, French
and Spanish where the phrase is common. Blocks are judged alone (a one-container page), so a
case shows what the rule does from the text, or from the container's class, by itself.
"""
from __future__ import annotations

import pytest

from copydesk import extract
from copydesk.blocks import Container, Page
from copydesk.cleaning import RULE_NAMES, RULES, clean, context
from copydesk.cleaning.context import Context
from copydesk.model import Block
from copydesk.options import DEFAULT, Options

RULE = dict(RULES)
FILLER = "This paragraph is the article's own prose and it is long enough to be the page. " * 6


def page_of(texts: list[str], tokens: str = "", tag: str = "div", kind: str = "p",
            link_chars: int = 0) -> Page:
    """One page: a big prose container and a small one (class ``tokens``) holding ``texts``."""
    containers = [Container("body", "", "", -1), Container("div", "", "", 0),
                  Container(tag, tokens, "", 0)]
    blocks = [Block(text=FILLER, md=FILLER, kind="p", index=0, path=(0, 1))]
    for text in texts:
        blocks.append(Block(text=text, md=text, kind=kind, index=len(blocks), path=(0, 2),
                            link_chars=link_chars))
    return Page(blocks=blocks, containers=containers)


def judged(rule: str, text: str, **kw) -> bool:
    page = page_of([text], **kw)
    return RULE[rule](page.blocks[1], Context(page, DEFAULT))


REMOVES = [
    ("copyright_footers", "This story about tutoring effectiveness was written by Jill Barshay "
                          "and produced by The Hechinger Report, a nonprofit, independent news "
                          "organization. Sign up for Proof Points and other newsletters."),
    ("copyright_footers", "This article was produced in partnership with Example Health News, "
                          "a nonprofit newsroom covering health."),
    ("advertisements", "GitHub Actions analytics - what's actually happening (Sponsored)"),
    ("advertisements", "Die besten Laufschuhe des Jahres [Anzeige]"),
    ("tag_lists", "Tags"),
    ("tag_lists", "Schlagwörter"),
    ("newsletter_prompts", "Stay in touch and up to date with your industry news… Always be a "
                           "step ahead with us…"),
    ("calls_to_action", "Or call us directly1-844-HOMEYOU"),
    ("calls_to_action", "Call us today at (555) 010-0199"),
    ("captions", "Feature image by Girlfriend Collective, all other images via brands mentioned. "
                 "Good On You publishes the world's most comprehensive ratings of fashion and "
                 "beauty brands, rating their impact on people, the planet and animals."),
    ("navigation", "Page 1 of 8"),
    ("navigation", "Seite 2 von 5"),
    ("navigation", "Page 3 sur 9"),
    ("navigation", "Página 1 de 4"),
    ("bylines_and_stamps", "Written By"),
    ("bylines_and_stamps", "Geschrieben von"),
    ("bylines_and_stamps", "Écrit par"),
    ("bylines_and_stamps", "Escrito por"),
    ("rating_widgets", "How Was This Issue?"),
    ("rating_widgets", "Wie hat Ihnen dieser Artikel gefallen?"),
    ("rating_widgets", "Comment avez-vous trouvé cet article ?"),
    ("rating_widgets", "¿Qué te ha parecido este artículo?"),
    ("disclosures", "We may be compensated when you click on a link, when an application is approved."),
    ("disclosures", "Note: The views expressed on Example.org are not necessarily those of the institute."),
    ("disclosures", "Die hier geäußerten Meinungen sind nicht unbedingt die der Redaktion."),
    ("disclosures", "Les opinions exprimées ne reflètent pas nécessairement celles de la rédaction."),
    ("disclosures", "Las opiniones expresadas no reflejan necesariamente las del medio."),
    ("deal_promos", "Free standard shipping on orders $60 CAD+. For more information on shipping "
                    "rates and timelines, please visit our FAQ."),
    ("deal_promos", "Kostenloser Versand ab 50 €"),
    ("deal_promos", "Livraison gratuite dès 60 €"),
    ("deal_promos", "Envío gratis en pedidos superiores a 50 €"),
    ("rating_widgets", "Was this article helpful?"),
    ("rating_widgets", "Click a star to add your vote"),
    ("rating_widgets", "5 votes - average 4.2 out of 5"),
    ("rating_widgets", "84% of people found this article helpful."),
    ("rating_widgets", "War dieser Artikel hilfreich?"),
    ("rating_widgets", "Cet article vous a-t-il été utile ?"),
    ("rating_widgets", "¿Te ha resultado útil?"),
    ("cookie_banners", "We use cookies to improve your experience. Accept all cookies"),
    ("cookie_banners", "We care about your data, and we'd like to use cookies to give you a "
                       "smooth browsing experience. Please agree and read more about our privacy policy."),
    ("cookie_banners", "Wir verwenden Cookies, um Ihnen ein optimales Erlebnis zu bieten."),
    ("cookie_banners", "Nous utilisons des cookies pour améliorer votre expérience."),
    ("cookie_banners", "Utilizamos cookies propias y de terceros."),
    ("cookie_banners", "By clicking to watch this video, you agree to our privacy policy."),
    ("cookie_banners", "En cliquant sur « Accepter », vous acceptez les conditions."),
    ("cookie_banners", "Al hacer clic en Aceptar, usted acepta las condiciones."),
    ("share_widgets", "Share this:"),
    ("share_widgets", "Spread the love"),
    ("share_widgets", "Click to share on Twitter (Opens in new window)"),
    ("share_widgets", "Tweet"),
    ("share_widgets", "Pin"),
    ("share_widgets", "Share Article:"),
    ("share_widgets", "Pin this for later!"),
    ("share_widgets", "Follow Us On Social Media"),
    ("share_widgets", "Follow Me on Instagram"),
    ("share_widgets", "Diesen Artikel teilen"),
    ("share_widgets", "Folgen Sie uns auf Facebook"),
    ("share_widgets", "Partager sur Facebook"),
    ("share_widgets", "Suivez-nous sur Instagram"),
    ("share_widgets", "Compartir en Twitter"),
    ("share_widgets", "Síguenos en Twitter"),
    ("captions", "(AP Photo/Evan Vucci)"),
    ("captions", "vladimir smirnov/Agence France-Presse/Getty Images"),
    ("captions", "Photo: Jane Doe"),
    ("captions", "Image Source: Mises Institute"),
    ("captions", "Feature image by Girlfriend Collective"),
    ("captions", "Foto: dpa"),
    ("captions", "Crédit : AFP"),
    ("poster_details", "Joined"),
    ("poster_details", "Join Date: Aug 2008"),
    ("poster_details", "Posts: 1,077"),
    ("poster_details", "Reaction score"),
    ("poster_details", "Well-known member"),
    ("poster_details", "410 posts · Joined 2002"),
    ("captions", "Courtesy of brand"),
    ("captions", "Photo courtesy of the Smithsonian"),
    ("video_blurbs", "Watch review on YouTube"),
    ("video_blurbs", "WATCH: Biden speaks in Delaware (2:14)"),
    ("video_blurbs", "Lawmakers react. (Published 10/23/19) Image: Alexei Druzhinin/Reuters"),
    ("video_blurbs", "Listen to this article"),
    ("video_blurbs", "Artikel anhören"),
    ("video_blurbs", "Écouter cet article"),
    ("video_blurbs", "Escuchar este artículo"),
    ("inline_promos", "Read more: Inflation eases for a third month"),
    ("inline_promos", "Related: Fed holds rates"),
    ("inline_promos", "Recommended"),
    ("inline_promos", "Recommended Stories"),
    ("inline_promos", "Recent posts:"),
    ("inline_promos", "More From Melissa"),
    ("inline_promos", "Keep reading"),
    ("inline_promos", "Previous article"),
    ("inline_promos", "You might like"),
    ("inline_promos", "Also read: The new budget"),
    ("inline_promos", "Lesen Sie auch: Der neue Haushalt"),
    ("inline_promos", "À lire aussi : le budget"),
    ("inline_promos", "Lee también: el presupuesto"),
    ("newsletter_prompts", "Sign up for our morning newsletter"),
    ("newsletter_prompts", "Already a subscriber? Log in"),
    ("newsletter_prompts", "Subscribe"),
    ("newsletter_prompts", "Join Our Genius Newsletter"),
    ("newsletter_prompts", "Thank you! Please check your inbox now for your welcome email."),
    ("newsletter_prompts", "Thanks for signing up!"),
    ("newsletter_prompts", "By signing up, you agree to receive recurring automated SMS marketing "
                           "messages from Example Deals at the number provided."),
    ("newsletter_prompts", "We will never sell your information. Unsubscribe at any time."),
    ("newsletter_prompts", "This article is exclusive to STAT+ subscribers"),
    ("newsletter_prompts", "Jetzt abonnieren"),
    ("newsletter_prompts", "Abonnez-vous à notre newsletter"),
    ("newsletter_prompts", "Suscríbete a nuestro boletín"),
    ("comments", "Leave a Reply"),
    ("comments", "Your email address will not be published. Required fields are marked *"),
    ("comments", "Required fields are marked *"),
    ("comments", "%d bloggers like this:"),
    ("comments", "Like this:"),
    ("comments", "Loading…"),
    ("comments", "Join the Conversation"),
    ("comments", "Kommentar schreiben"),
    ("comments", "Laisser un commentaire"),
    ("comments", "Deja un comentario"),
    ("contact_footer", "Write to Jared Malsin at jared.malsin@wsj.com"),
    ("copyright_footers", "Copyright ©2021 Dow Jones & Company, Inc. All Rights Reserved."),
    ("copyright_footers", "This material may not be published, broadcast, rewritten, or redistributed."),
    ("copyright_footers", "Source link"),
    ("copyright_footers", "© 2024 Rheinland-Kurier. Alle Rechte vorbehalten."),
    ("copyright_footers", "Tous droits réservés"),
    ("copyright_footers", "Todos los derechos reservados"),
    ("advertisements", "Advertisement"),
    ("advertisements", "Sponsored"),
    ("advertisements", "Story continues below advertisement"),
    ("advertisements", "Anzeige"),
    ("advertisements", "Publicité"),
    ("advertisements", "Publicidad"),
    ("disclosures", "We may earn commission from links on this page, but we only recommend "
                    "products we back."),
    ("disclosures", "Products are chosen independently by our editors. Purchases made through "
                    "our links may earn us a commission."),
    ("disclosures", "As an Amazon Associate we earn from qualifying purchases."),
    ("disclosures", "This post contains affiliate links."),
    ("disclosures", "Dieser Artikel enthält Affiliate-Links."),
    ("disclosures", "Cet article contient des liens affiliés."),
    ("disclosures", "Este artículo contiene enlaces de afiliados."),
    ("calls_to_action", "Get started today"),
    ("calls_to_action", "Request a Quote"),
    ("calls_to_action", "Try our product analytics for free. No card required."),
    ("calls_to_action", "Ready to Create Something Extraordinary?"),
    ("calls_to_action", "Jetzt kostenlos testen"),
    ("calls_to_action", "Demandez un devis gratuit"),
    ("calls_to_action", "Solicita una demo gratis"),
    ("navigation", "Table of Contents"),
    ("navigation", "Skip to content"),
    ("navigation", "Home » Posts"),
    ("navigation", "Inhaltsverzeichnis"),
    ("navigation", "Sommaire"),
    ("navigation", "Tabla de contenidos"),
    ("share_widgets", "Help me spread the word about this podcast!"),
    ("newsletter_prompts", "Receive agency growth tips, delivered to your inbox"),
    ("newsletter_prompts", "Already have an account? Log in"),
    ("advertisements", "Advertisement: New AI Book!"),
    ("inline_promos", "What others are reading"),
    ("inline_promos", "You may also like these posts..."),
    ("newsletter_prompts", "Enter your best email for instant access! >>"),
    ("bylines_and_stamps", "Bridgestone Team | 5 min read"),
    ("bylines_and_stamps", "Medically reviewed by Kim Rose-Francis RDN, CDCES, LD — Written by "
                           "Jillian Kubala, MS, RD — Updated on March 7, 2025"),
    ("author_bios", "About the author"),
    ("author_bios", "Über den Autor"),
    ("author_bios", "À propos de l'auteur"),
    ("author_bios", "Sobre el autor"),
    ("tag_lists", "Tags: Syria, Turkey, Russia"),
    ("tag_lists", "Filed under: Politics"),
    ("tag_lists", "Schlagwörter: Verkehr, Energie"),
    ("tag_lists", "Mots-clés : politique"),
    ("tag_lists", "Etiquetas: política"),
    ("bylines_and_stamps", "Updated 3 hours ago"),
    ("bylines_and_stamps", "5 min read"),
    ("bylines_and_stamps", "By Kyle Howells 15 min read"),
    ("bylines_and_stamps", "Written by Cassidy Horton"),
    ("bylines_and_stamps", "Aktualisiert am 3. März 2024"),
    ("bylines_and_stamps", "Mis à jour le 3 mars 2024"),
    ("bylines_and_stamps", "Actualizado el 3 de marzo"),
    ("tool_rows", "Print"),
    ("tool_rows", "Email this"),
    ("tool_rows", "Log In"),
    ("tool_rows", "Drucken"),
    ("tool_rows", "Imprimer"),
    ("tool_rows", "Imprimir"),
    ("sponsor_labels", "In partnership with"),
    ("sponsor_labels", "Brought to you by:"),
    ("sponsor_labels", "In Zusammenarbeit mit"),
    ("sponsor_labels", "En partenariat avec"),
    ("sponsor_labels", "Patrocinado por"),
    ("support_appeals", "This story is funded by readers like you"),
    ("support_appeals", "Playful Void is a production of Idle Cartulary. If you liked this article, "
                        "please consider liking, sharing, and subscribing to the newsletter."),
    ("support_appeals", "Support independent journalism"),
    ("support_appeals", "Unterstützen Sie unabhängigen Journalismus"),
    ("support_appeals", "Soutenez notre journalisme"),
    ("support_appeals", "Apoya nuestro periodismo"),
    ("follow_prompts", "Catch up on our in-depth coverage of tech and tools, and follow us on "
                       "Facebook, Instagram, Twitter and TikTok to stay up to date."),
    ("follow_prompts", "Did you make one of my recipes? Follow A Farmgirl's Kitchen on FACEBOOK, "
                       "PINTEREST and YouTube for the latest recipes!"),
    ("follow_prompts", "Mehr Rezepte? Folgen Sie uns auf Instagram."),
    ("follow_prompts", "Plus de recettes ? Suivez-nous sur Instagram."),
    ("follow_prompts", "¿Más recetas? Síguenos en Instagram."),
    ("contact_prompts", "CONTACT US"),
    ("contact_prompts", "Get in touch"),
    ("contact_prompts", "Kontaktieren Sie uns"),
    ("contact_prompts", "Contactez-nous"),
    ("contact_prompts", "Contáctenos"),
    ("deal_promos", "USE PROMO CODE"),
    ("deal_promos", "Deal of the Day"),
    ("deal_promos", "Promotion Has Expired"),
    ("deal_promos", "Buy now from one of our trusted retail partners:"),
    ("deal_promos", "Gutscheincode: SOMMER24"),
    ("deal_promos", "Code promo : ETE24"),
    ("deal_promos", "Código de descuento: VERANO"),
    ("deal_promos", "See price at Amazon"),
    ("deal_promos", "View deal at Walmart"),
    ("deal_promos", "Preis bei Otto"),
    ("deal_promos", "Voir le prix chez Fnac"),
    ("deal_promos", "Ver precio en Amazon"),
]

KEEPS = [
    ("copyright_footers", "This story was written by a student who later won a Pulitzer, and it "
                          "changed how the town saw itself."),
    ("advertisements", "The ad (a sponsored post on Instagram) drew 2 million views."),
    ("tag_lists", "Tags on the birds showed they flew 300 miles."),
    ("newsletter_prompts", "Stay in touch with your doctor and report any side effects, the "
                           "guidance says."),
    ("calls_to_action", "Call us when you land, his mother told him before the flight."),
    ("captions", "Photo credits matter to photographers, who often go unpaid when their work is "
                 "shared without credit. " * 3),
    ("navigation", "Page 1 of 8 lists every donor by name."),
    ("bylines_and_stamps", "Written by hand in 1820, the letter survived."),
    ("rating_widgets", "How was this issue resolved in the end, she asked the board."),
    ("disclosures", "Workers said they are not compensated for overtime."),
    ("disclosures", "The views expressed at the rally were angry and loud."),
    ("deal_promos", "The retailer said free shipping on orders drove sales up by a third last year."),
    ("rating_widgets", "Rate this article honestly, he told the critics, and they did."),
    ("rating_widgets", "Voters rated the article helpful in a survey last spring."),
    ("cookie_banners", "The baker said the cookies sold out within an hour of opening."),
    ("cookie_banners", "Wir verwenden Mehl, Zucker und Butter für die Kekse."),
    ("cookie_banners", "By clicking the wrong box, voters spoiled 2,000 ballots."),
    ("cookie_banners", "En cliquant sur le lien, il a découvert la fraude."),
    ("share_widgets", "He refused to share the data with regulators."),
    ("share_widgets", "Twitter said on Tuesday it would share more data with researchers."),
    ("share_widgets", "Fans follow us on every tour, she said."),
    ("share_widgets", "Sie teilen die Kosten zu gleichen Teilen."),
    ("captions", "The photo was taken in Paris in 1954, his daughter said."),
    ("captions", "Reuters reported the figures on Monday, citing three officials."),
    ("video_blurbs", "She told viewers to watch the deadline closely."),
    ("video_blurbs", "Listen to the experts before you decide, he said."),
    ("inline_promos", "Read more about the ruling in the court's own summary, which runs to 40 pages."),
    ("inline_promos", "More than 40 people were hurt."),
    ("inline_promos", "Related stories of fraud surfaced in three other states last year."),
    ("inline_promos", "Lesen Sie die Begründung des Gerichts."),
    ("newsletter_prompts", "Subscribers to the service rose 12% in the quarter, the company said."),
    ("newsletter_prompts", "Her newsletter, she said, now reaches 40,000 readers every week."),
    ("poster_details", "Joined the team in 2019"),
    ("poster_details", "Posts on this board about new starters usually end the same way."),
    ("poster_details", "New members"),
    ("captions", "Courtesy of the lab, the samples reached the museum in 1998."),
    ("video_blurbs", "Watch the review on YouTube before you buy: it shows the hinge up close."),
    ("newsletter_prompts", "Thanks for subscribing to the plan early, the landlord told tenants "
                           "who had signed before the rent rise."),
    ("comments", "Comments from the minister drew criticism from the opposition on Tuesday."),
    ("comments", "He declined to reply to questions about the deal."),
    ("contact_footer", "Write to your representative, the group urged its members."),
    ("copyright_footers", "Copyright law, he argued, has not kept pace with technology."),
    ("copyright_footers", "Sources say the deal is close."),
    ("advertisements", "Advertisement spending rose 5% last year, according to the report."),
    ("advertisements", "Sponsored by the city, the festival drew 20,000 visitors."),
    ("disclosures", "The broker said it may earn a commission on each trade it routes."),
    ("disclosures", "Amazon associates in the warehouse voted on Friday."),
    ("calls_to_action", "Get the facts before you vote, the league urged."),
    ("calls_to_action", "Contact tracing began the same day."),
    ("calls_to_action", "Start with the basics: flour, water and salt."),
    ("navigation", "Contents of the letter were not disclosed."),
    ("navigation", "Home prices rose 4% in March."),
    ("share_widgets", "The rumour spread the word of his resignation across the capital."),
    ("newsletter_prompts", "The results were delivered to the minister on Friday."),
    ("advertisements", "Advertisements for the drug were banned in 2019."),
    ("author_bios", "About the author of the report, little is known."),
    ("tag_lists", "Tags on the luggage showed it had passed through Frankfurt."),
    ("bylines_and_stamps", "Updated guidance from the agency arrives next month, officials said, "
                           "after a review of the program's first year that found serious gaps."),
    ("bylines_and_stamps", "Written by hand, the letter ran to twelve pages."),
    ("tool_rows", "Print editions fell by a third."),
    ("tool_rows", "Log in attempts tripled after the breach, the company said."),
    ("sponsor_labels", "Sponsored by the city, the festival drew 20,000 visitors."),
    ("sponsor_labels", "In partnership with local schools, the library opened two branches."),
    ("sponsor_labels", "In Zusammenarbeit mit der Polizei wurde die Straße gesperrt."),
    ("support_appeals", "The study was funded by the National Science Foundation."),
    ("support_appeals", "If you liked the first season, critics say, consider the sequel."),
    ("support_appeals", "Readers who support our journalism get early access, the editor said."),
    ("follow_prompts", "Fans follow the band on Instagram, where it posts tour dates daily."),
    ("follow_prompts", "If you need help, join the Slack. You might also want to follow me on "
                       "Bluesky."),
    ("follow_prompts", "Viele Fans folgen der Band auf Instagram."),
    ("contact_prompts", "Contact us if you saw the car, police said."),
    ("contact_prompts", "Contactez-nous, a dit la police, si vous avez vu la voiture."),
    ("deal_promos", "Shoppers who buy now could save later, analysts said, as prices are "
                    "expected to rise sharply in the spring when new tariffs take effect."),
    ("deal_promos", "The deal of the day was struck just before midnight, aides said, and the "
                    "two parties signed it in the morning."),
    ("deal_promos", "See prices at the pump rise again, analysts warned."),
]


@pytest.mark.parametrize(("rule", "text"), REMOVES)
def test_rule_removes(rule: str, text: str) -> None:
    assert judged(rule, text), f"{rule} should remove {text!r}"


@pytest.mark.parametrize(("rule", "text"), KEEPS)
def test_rule_keeps(rule: str, text: str) -> None:
    assert not judged(rule, text), f"{rule} should keep {text!r}"


def test_every_rule_has_a_remove_and_a_keep_case() -> None:
    have_remove = {r for r, _ in REMOVES}
    have_keep = {r for r, _ in KEEPS}
    # judged by container or by the blocks around, tested below
    structural = {"page_chrome", "promo_boxes", "counters", "widget_gaps", "dialogs",
                  "product_reviews"}
    assert set(RULE_NAMES) - structural <= have_remove
    assert set(RULE_NAMES) - structural <= have_keep


def test_every_rule_docstring_shows_a_line() -> None:
    for name, rule in RULES:
        assert rule.__doc__ and rule.__doc__.strip(), name


# -- Structure: class/id/role/tag marks -------------------------------------------------------
@pytest.mark.parametrize(("rule", "tokens", "tag", "text"), [
    ("navigation", "main-menu", "div", "Home"),
    ("navigation", "", "nav", "World"),
    ("share_widgets", "sharedaddy sd-sharing-enabled", "div", "Facebook"),
    ("comments", "comment-list", "ol", "Great piece, thanks!"),
    ("inline_promos", "jp-relatedposts", "div", "Ten things to know"),
    ("newsletter_prompts", "newsletter-signup", "div", "Get the best stories"),
    ("cookie_banners", "cookie-banner", "div", "OK"),
    ("advertisements", "ad-slot", "div", "Buy now"),
    ("author_bios", "author-box", "div", "Jane covers energy."),
    ("tag_lists", "post-tags", "div", "Syria"),
    ("bylines_and_stamps", "post-meta", "div", "March 3, 2024"),
    ("tool_rows", "article-tools", "div", "A+"),
    ("page_chrome", "", "footer", "About us"),
    ("page_chrome", "", "aside", "Most popular"),
    ("captions", "wp-caption-text", "p", "The senator arrives."),
])
def test_marked_container_is_removed(rule: str, tokens: str, tag: str, text: str) -> None:
    assert judged(rule, text, tokens=tokens, tag=tag)


@pytest.mark.parametrize(("tokens", "text"), [
    # Utility and state classes say how a box looks, not what it holds.
    ("has-small-font-size", "The editors tested each product."),
    ("main-wrap has-rail-right", "Elite degrees no longer guarantee jobs."),
    ("sidebar-enabled--false content", "The city produced 292 million tons of waste."),
    ("u-rich-text u-font-size-medium", "Everyone has a right to safe food."),
    # Adobe Experience Manager's "cmp-" components are not consent banners.
    ("cmp-container cmp-text", "Coffee is one of the most consumed drinks."),
    # A microformats entry's taxonomy classes are not a tag list.
    ("post type-post hentry resources_categories-guides", "Most businesses invest in security."),
    # A section named after its own heading names no component, though "popular" looks like one.
    ("css-g8r7kc 1-heading-how-popular-are-meditation-and-mindfulness", "Popular it is."),
])
def test_style_classes_mark_nothing(tokens: str, text: str) -> None:
    page = page_of([text], tokens=tokens)
    assert clean(page, DEFAULT).dropped == []


def test_a_component_named_in_several_parts_still_marks() -> None:
    assert judged("inline_promos", "Popular it is.", tokens="popular-posts-widget-list-wrap")


PROSE = ("Millennials face challenges in growing their careers, income, and investments while "
         "saving for important milestones like homeownership and family planning.")


@pytest.mark.parametrize(("rule", "tokens"), [
    ("navigation", "content-nav-section"), ("tag_lists", "topics"), ("tool_rows", "toolbar"),
])
def test_prose_survives_a_menu_like_class(rule: str, tokens: str) -> None:
    """Menus, tag lists and tool rows are short items; a long punctuated paragraph is not one."""
    assert not judged(rule, PROSE, tokens=tokens)
    assert judged(rule, "Savings", tokens=tokens)


@pytest.mark.parametrize("texts", [
    ["Begin learning a new language with Babbel! Unlock up to 55% off.", "Get started for free"],
    ["Premium Investing Services", "Invest better with us.", "Get started today"],
    ["Lernen Sie eine neue Sprache!", "Jetzt kostenlos testen"],
    ["Apprenez une nouvelle langue !", "Demandez votre essai gratuit"],
    ["Aprende un idioma nuevo.", "Solicita tu prueba gratis"],
    ["Premium Investing Services", "Invest better with The Motley Fool.", "View Premium Services"],
    ["Unsere Kurse", "Lernen Sie mit den Besten.", "Mehr erfahren"],
    ["Nos formations", "Apprenez avec les meilleurs.", "En savoir plus"],
    ["Nuestros cursos", "Aprende con los mejores.", "Más información"],
])
def test_a_small_box_around_a_button_is_a_promo(texts: list[str]) -> None:
    dropped = clean(page_of(texts), DEFAULT).dropped
    assert [b.index for _, b in dropped] == list(range(1, len(texts) + 1))
    assert dropped[0][0] == "promo_boxes"


def test_a_label_heading_and_an_expander_do_not_make_a_promo_box() -> None:
    """"Learn More!" over a list of resources opens a section; "READ MORE" unfolds one."""
    heading = page_of(["Learn More!", "Check out these essential resources from the center."],
                      kind="h2")
    assert "promo_boxes" not in [n for n, _ in clean(heading, DEFAULT).dropped]
    expander = page_of(["Mature Content Description", "Contains violence.", "READ MORE"])
    assert "promo_boxes" not in [n for n, _ in clean(expander, DEFAULT).dropped]


def test_a_button_label_alone_in_the_article_is_kept() -> None:
    page = page_of([])
    for text in ("The study is online.", "Learn more"):
        page.blocks.append(Block(text=text, md=text, kind="p", index=len(page.blocks),
                                 path=(0, 1)))
    assert clean(page, DEFAULT).dropped == []


def test_a_line_before_a_button_in_the_article_itself_is_kept() -> None:
    page = page_of([])
    for text in ("Begin learning a new language with us.", "Get started for free"):
        page.blocks.append(Block(text=text, md=text, kind="p", index=len(page.blocks),
                                 path=(0, 1)))
    assert [b.index for _, b in clean(page, DEFAULT).dropped] == [2]


def test_cards_of_a_listing_and_boxes_with_a_description_are_kept() -> None:
    cards = ["Le Bernardin", "French · $$$$", "Book now"] * 12
    page = page_of([])
    for i, text in enumerate(cards):
        if i % 3 == 0:
            page.containers.append(Container("div", "card", "", 0))
        page.blocks.append(Block(text=text, md=text, kind="p", index=len(page.blocks),
                                 path=(0, len(page.containers) - 1)))
    assert "promo_boxes" not in [n for n, _ in clean(page, DEFAULT).dropped]
    described = page_of(["Eleven Madison Park", "A plant-based tasting menu " * 12, "Book now"])
    assert "promo_boxes" not in [n for n, _ in clean(described, DEFAULT).dropped]


def test_keep_switches_a_rule_off_by_name() -> None:
    page = page_of(["Share this:"])
    assert [n for n, _ in clean(page, DEFAULT).dropped] == ["share_widgets"]
    assert clean(page, Options(keep=frozenset({"share_widgets"}))).dropped == []


def test_caption_line_above_a_credit_is_a_caption() -> None:
    page = page_of(["The two leaders met in Sochi on Wednesday.", "(AP Photo/Evan Vucci)"])
    names = [n for n, _ in clean(page, DEFAULT).dropped]
    assert names == ["captions", "captions"]


def test_a_paragraph_above_a_picture_is_not_its_caption() -> None:
    page = page_of(["Ninety-seven percent of adults own a phone, and most own a smartphone.",
                    "", "Morsa Images/DigitalVision via Getty Images"])
    page.blocks[2] = Block(text="", md="", kind="img", index=2, path=(0, 2))
    assert [b.index for n, b in clean(page, DEFAULT).dropped] == [3]


def test_a_long_line_above_a_credit_is_prose_unless_it_follows_the_picture() -> None:
    line = ("In the simplest way I can put the matter, he says truth and success are different "
            "concepts, neither of which entails the other. Reason must have the last word.")
    page = page_of([line, "Image Source: Mises Institute"])
    assert [b.index for n, b in clean(page, DEFAULT).dropped] == [2]
    page = page_of(["", line, "Image Source: Mises Institute"])
    page.blocks[1] = Block(text="", md="", kind="img", index=1, path=(0, 2))
    assert [b.index for n, b in clean(page, DEFAULT).dropped] == [2, 3]


def test_the_text_screen_knows_every_pattern_a_rule_searches() -> None:
    """Context.says skips a rule's own search when the screen finds none of the pattern's
    literals, so every pattern a rule asks about must be one the screen knows."""
    import inspect
    import re

    from copydesk.cleaning import patterns, rules

    used = set(re.findall(r"says\(\w+, P\.([A-Z_]+)|P\.([A-Z_]+)\.(?:search|match)",
                          inspect.getsource(rules)))
    used = {a or b for a, b in used}
    assert "PROMO_TEXT" in used
    screened = {name for name, value in vars(patterns).items()
                if any(value is rx for rx in patterns.TEXT_RULE_PATTERNS)}
    # CONSENT_WORD only ever follows COOKIE_WORD, COUNTER the "control" mark of a <button>.
    assert used - {"CONSENT_WORD", "COUNTER"} <= screened


def test_phrase_groups_compile_on_first_use_and_then_search_as_patterns_do(monkeypatch) -> None:
    import re

    from copydesk.cleaning.patterns import phrases

    compiled: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, f=0: compiled.append(p) or real(p, f))
    group = phrases(r"^read more\b", r"^related:")
    assert compiled == []  # import time pays nothing
    assert group.search("Read more: rates rise") is not None
    assert group.findall("related: x") == ["related:"]
    assert len(compiled) == 1  # compiled once, then its methods sit in the slots


def test_a_promo_boxs_blocks_say_so_when_asked_one_by_one() -> None:
    """triggers() of one block carries the promo-box bit, as the page-wide pass does."""
    page = page_of(["Premium Investing Services", "Invest better with us.", "Get started today"])
    ctx = Context(page, DEFAULT)
    assert all(ctx.triggers(b) & context.BOX for b in page.blocks[1:])
    assert not ctx.triggers(page.blocks[0]) & context.BOX


# -- Counters on buttons; what stands between widgets ------------------------------------------
@pytest.mark.parametrize("text", ["95", "1.2K", "1,204"])
def test_a_count_on_a_button_is_removed(text: str) -> None:
    assert judged("counters", text, tag="button")


@pytest.mark.parametrize(("text", "tag"), [("95", "div"), ("Load 12 more", "button"),
                                          ("What are the best tools for data analysis?", "button")])
def test_a_number_in_the_text_and_a_buttons_words_are_kept(text: str, tag: str) -> None:
    assert not judged("counters", text, tag=tag)


@pytest.mark.parametrize(("tokens", "text"), [
    ("form_wrapper form_sticky", "Boost Conversions with ML – Get a Free Consultation"),
    ("oxy-rich-text form__disclosure-text--dark", "Terms of submitting this form: I agree "
     "that the university may contact me regarding educational services by email. " * 2),
    ("wpcf7", "Your Message"),
])
def test_a_form_built_of_divs_is_removed(tokens: str, text: str) -> None:
    assert judged("page_chrome", text, tokens=tokens)


@pytest.mark.parametrize("tokens", ["forms", "product-form", "html-forms"])
def test_a_section_about_forms_and_an_order_form_are_kept(tokens: str) -> None:
    assert not judged("page_chrome", "Add two scoops of powder to your shaker.", tokens=tokens)


def widget_page(middle: list[str], times: int = 1) -> Page:
    """Prose, then ``times`` × (a share row, the ``middle`` lines, a share row)."""
    containers = [Container("body", "", "", -1), Container("div", "", "", 0),
                  Container("div", "share-buttons", "", 0)]
    blocks = [Block(text=FILLER, md=FILLER, kind="p", index=0, path=(0, 1))]
    for _ in range(times):
        for text, box in [("Facebook Twitter", 2), *[(m, 1) for m in middle],
                          ("Facebook Twitter", 2)]:
            blocks.append(Block(text=text, md=text, kind="p", index=len(blocks), path=(0, box)))
    return Page(blocks=blocks, containers=containers)


def test_a_label_between_two_widgets_is_removed() -> None:
    page = widget_page(["Get updates", "Follow Example News"])
    dropped = clean(page, DEFAULT).dropped
    assert [(n, b.index) for n, b in dropped if n == "widget_gaps"] == [
        ("widget_gaps", 2), ("widget_gaps", 3)]
    kept = clean(page, Options(keep=frozenset({"widget_gaps"}))).kept
    assert [b.index for b in kept] == [0, 2, 3]


@pytest.mark.parametrize(("middle", "times"), [
    # Two sentences, or a paragraph of prose, are the article's.
    (["Cheap earbuds are getting better every year, and these are the best we tested.",
      "We bought each pair ourselves and wore them for a week of commutes."], 1),
    ([FILLER[:200]], 1),
    # The same short run again and again: the page's own items, each with its row of links.
    (["Product Specs", "Resolution Up to 2K"], 3),
])
def test_prose_and_repeated_items_between_widgets_are_kept(middle: list[str], times: int) -> None:
    dropped = clean(widget_page(middle, times), DEFAULT).dropped
    assert "widget_gaps" not in [n for n, _ in dropped]


@pytest.mark.parametrize("text", [
    "Read more from our in-house growth marketing experts. 🧠",
    "Explore the Latest AI Insights, Trends and Research",
    "Mehr von unserer Wirtschaftsredaktion",
    "Découvrez nos derniers articles sur le climat",
    "Descubre lo último en tecnología",
    "Blog.",
    "From our blog",
])
def test_a_heading_inviting_to_other_stories_is_a_promo(text: str) -> None:
    assert judged("inline_promos", text, kind="h2")


@pytest.mark.parametrize(("text", "kind"), [
    ("Explore the latest AI research with a free trial of our tools", "p"),  # not a heading
    ("Explore the city's oldest markets", "h2"),
    ("Read the full report", "h2"),
    ("Blog posts as a source of evidence", "h2"),
])
def test_a_section_heading_and_a_line_of_prose_are_not_promo_headings(text: str, kind: str) -> None:
    assert not judged("inline_promos", text, kind=kind)


def test_a_button_to_save_a_seat_closes_a_promo_box() -> None:
    texts = ["Struggling With Sourdough?", "Join my free workshop on starters.", "Save Your Spot Now"]
    assert [n for n, _ in clean(page_of(texts), DEFAULT).dropped] == ["promo_boxes"] * 3


@pytest.mark.parametrize("button", ["➡️ [Save Your Spot Now]", "👉 Learn more", "→ Shop now"])
def test_a_dressed_button_closes_a_promo_box(button: str) -> None:
    texts = ["Struggling With Sourdough?", "Join my free workshop on starters.", button]
    assert [n for n, _ in clean(page_of(texts), DEFAULT).dropped] == ["promo_boxes"] * 3


def test_a_dressed_line_of_prose_is_no_button() -> None:
    page = page_of(["Our picks", "Three kettles we liked.", "→ Shop now for the best deals of the year"])
    assert "promo_boxes" not in [n for n, _ in clean(page, DEFAULT).dropped]


def test_a_big_consent_panel_beside_the_headline_keeps_its_mark() -> None:
    # A box holding most of the page's text is a page wrapper whatever its class says, unless
    # it is a consent panel and the headline stands outside it (OneTrust beside a short post).
    long = "Cookies of this kind remember your choices and make the site work as expected. " * 6
    containers = [Container("body", "", "", -1), Container("main", "", "", 0),
                  Container("div", "onetrust-consent-sdk ", "", 0),
                  Container("div", "comments-open site-wrap ", "", 0)]
    head = Block(text="Short topic", md="Short topic", kind="h1", index=0, path=(0, 1))
    post = Block(text="A short post.", md="A short post.", kind="p", index=1, path=(0, 1))
    panel = Block(text=long, md=long, kind="p", index=2, path=(0, 2))
    marks = Context(Page(blocks=[head, post, panel], containers=containers), DEFAULT).marks
    assert "cookie" in marks(panel)
    # a theme's outer box holding the headline and most of the text stays a wrapper
    wrapped = [Block(text=b.text, md=b.md, kind=b.kind, index=b.index, path=(0, 3))
               for b in (head, post)] + [Block(text=long, md=long, kind="p", index=2,
                                               path=(0, 3))]
    marks = Context(Page(blocks=wrapped, containers=containers), DEFAULT).marks
    assert not marks(wrapped[2])


def _dropped_by(markup: str) -> dict[str, list[str]]:
    from copydesk import blocks, dom
    page = blocks.from_html(dom.parse(markup))
    out: dict[str, list[str]] = {}
    for name, block in clean(page, DEFAULT).dropped:
        out.setdefault(name, []).append(block.text)
    return out


_STORY = "<main><h1>The harbour reopens</h1>" + f"<p>{FILLER}</p>" * 3 + "</main>"


@pytest.mark.parametrize("opening", [
    '<div role="dialog" aria-label="Added to cart">',
    '<div role="alertdialog">',
    '<div class="overlay" aria-modal="true">',
])
def test_a_modal_over_the_page_is_removed(opening: str) -> None:
    policy = "Orders placed before two in the afternoon leave our warehouse the same day. " * 3
    markup = f"<html><body>{opening}<h2>Shipping policy</h2><p>{policy}</p></div>{_STORY}</body></html>"
    assert _dropped_by(markup).get("dialogs") == ["Shipping policy", policy.strip()]


def test_a_box_that_says_it_is_no_modal_stays() -> None:
    markup = (f'<html><body><div aria-modal="false"><p>Ferries run again from Monday.</p></div>'
              f"{_STORY}</body></html>")
    assert "dialogs" not in _dropped_by(markup)


def test_an_article_opened_in_a_modal_over_its_listing_stays() -> None:
    # A page saved with the story open in an overlay: the dialog holds the page's text.
    markup = (f'<html><body><ul><li><a href="/a">Other story</a></li></ul><div role="dialog" '
              f'aria-modal="true">{_STORY}</div></body></html>')
    assert "dialogs" not in _dropped_by(markup)


def test_a_modal_outweighing_a_short_page_beside_its_headline_is_removed() -> None:
    # A shop's whole privacy policy in a pop-up holds most of a category page's text; the
    # page's headline stands outside it, so it is no story saved open in an overlay.
    policy = "We process personal information to run our business and to meet the law. " * 40
    markup = (f'<html><body><main><h1>Men\'s sneakers</h1><p>{FILLER}</p></main><footer>'
              f'<div role="dialog" aria-modal="true"><h2>Privacy policy</h2><p>{policy}</p>'
              f"</div></footer></body></html>")
    assert _dropped_by(markup).get("dialogs") == ["Privacy policy", policy.strip()]


def test_a_form_around_a_topic_s_posts_is_no_form() -> None:
    # Forum software wraps a topic's posts in one <form> (the moderators' checkboxes); with a
    # long page around it, it holds too little to count as the page wrapper.
    aside = "<aside><h2>Install the app</h2>" + f"<p>{FILLER}</p>" * 6 + "</aside>"
    post = "I would like to know the roadmap for the next releases of the editor. " * 3
    markup = (f"<html><body><main><h1>Roadmap discussion</h1><form><article><p>{post}</p>"
              f"</article></form></main>{aside}</body></html>")
    assert post.strip() not in _dropped_by(markup).get("page_chrome", [])
    # a sign-up form keeps its mark
    signup = "<form><p>Get our weekly letter in your inbox.</p></form>"
    markup = f"<html><body>{_STORY}{signup}</body></html>"
    assert _dropped_by(markup).get("page_chrome") == ["Get our weekly letter in your inbox."]


def _shop_page(ld_type: str) -> str:
    ld = f'<script type="application/ld+json">{{"@type": "{ld_type}", "name": "Trailhead 40"}}</script>'
    review = ("Carried it across the whole trail without a sore shoulder, and the mesh back "
              "panel kept me dry on every climb. ") * 2
    return (f"<html><head>{ld}</head><body><main><h1>Trailhead 40</h1>" + f"<p>{FILLER}</p>" * 2
            + f'<section class="product-reviews"><h2>Customer reviews</h2><div class="review">'
            f"<p>{review}</p></div></section></main></body></html>")


def test_a_product_page_s_customer_reviews_are_removed() -> None:
    text = extract(_shop_page("Product")).text
    assert "Customer reviews" not in text and "sore shoulder" not in text and FILLER[:40] in text


def test_a_review_box_on_any_other_page_stays() -> None:
    # An article reviewing a product, a service page, a forum topic: "review" classes are their
    # own text.
    for ld_type in ("Article", "WebPage", "DiscussionForumPosting"):
        assert "Customer reviews" in extract(_shop_page(ld_type)).text
