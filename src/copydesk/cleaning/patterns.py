"""The cleaning vocabulary: named groups of class/id tokens and of phrases, compiled once.

Token groups match whole words of a class or id (``share`` matches ``post-share`` but not
``shared``). Phrase groups are anchored and short, so they never backtrack far.
"""
from __future__ import annotations

import functools
import re

from .screen import Screen, trie


def token_group(*words: str) -> re.Pattern[str]:
    """Whole-word match inside a class/id string, where ``-`` and ``_`` also split words."""
    rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(words) + r")(?![a-z0-9])")
    FIRST_PARTS[rx] = frozenset(_ALNUM.match(word).group(0) for word in words)
    WORDS[rx] = words
    return rx


# A word of a group can only match where its first alphanumeric run stands as a whole run of
# the class string, so a set lookup rules most groups out before any regex runs.
_ALNUM = re.compile(r"[a-z0-9]+")
FIRST_PARTS: dict[re.Pattern[str], frozenset[str]] = {}
WORDS: dict[re.Pattern[str], tuple[str, ...]] = {}


def known_runs(word: str) -> list[str]:
    """The alphanumeric runs of a class word that start a word of some group (in order): a
    plain scan for runs and a set lookup, where one regex of every first part tried its
    branches at each character."""
    return [run for run in _ALNUM.findall(word) if run in KNOWN_FIRST_PARTS]


class Phrases:
    """A phrase group's regex, compiled on first use. Compiling every group costs ~40 ms that
    ``import copydesk`` should not pay before any page is cleaned; once compiled, the pattern's
    own bound methods sit in the slots, so a search costs what a plain pattern's does."""

    __slots__ = ("source", "_flags", "search", "match", "fullmatch", "findall", "finditer",
                 "sub", "pattern", "flags", "__weakref__")

    def __init__(self, source: str, flags: int) -> None:
        self.source, self._flags = source, flags

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.source, self._flags)

    def __getattr__(self, name: str):  # only reached while the slots are still empty
        rx = self.compiled()
        for attr in _BOUND:
            object.__setattr__(self, attr, getattr(rx, attr))
        return getattr(rx, name)


_BOUND = ("search", "match", "fullmatch", "findall", "finditer", "sub", "pattern", "flags")


def phrases(*alternatives: str, flags: int = re.I) -> Phrases:
    rx = Phrases("(?:" + "|".join(alternatives) + ")", flags)
    ALTERNATIVES[rx] = alternatives
    return rx


ALTERNATIVES: dict[Phrases, tuple[str, ...]] = {}


# -- Structure: what a container's class/id/role says it holds ------------------------------
TOKENS = {
    "share": token_group(
        "share", "shares", "sharing", "social", "sharedaddy", "addtoany", "a2a_kit", "sharethis",
        "shareaholic", "social-links", "socials", "share-buttons", "sharebar", "jp-relatedposts",
    ),
    "comments": token_group(
        "comment", "comments", "commentlist", "comment-list", "disqus_thread", "disqus",
        "respond", "reply-title", "comment-respond", "discussion", "comments-area",
    ),
    "reviews": token_group(
        "review", "reviews", "review-list", "reviews-list", "product-reviews", "customer-reviews",
        "yotpo", "judgeme", "jdgm", "okendo", "stamped", "bazaarvoice", "bv", "trustpilot",
    ),
    "related": token_group(
        "related", "related-posts", "relatedposts", "related-articles", "recommended",
        "recommendations", "more-stories", "read-more", "readmore", "also-read", "outbrain",
        "taboola", "recirc", "recirculation", "trending", "most-read", "mostread", "popular",
        "more-from", "next-article", "yarpp", "crp_related", "post-navigation", "nav-links",
    ),
    "newsletter": token_group(
        "newsletter", "subscribe", "subscription", "signup", "sign-up", "paywall", "optin",
        "opt-in", "mc4wp", "mailchimp", "inline-cta", "cta",
    ),
    "navigation": token_group(
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination",
        "pager", "skip-link", "skip-to-content", "toc", "table-of-contents",
    ),
    "footer": token_group("footer", "site-footer", "copyright", "colophon"),
    # Not "cmp": Adobe Experience Manager prefixes every component with it.
    "cookie": token_group("cookie", "cookies", "consent", "gdpr", "cookie-banner"),
    "ads": token_group(
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsense", "dfp",
        "sponsor", "sponsored", "ad-slot", "adslot", "ad-container", "ad-wrapper", "gpt-ad",
    ),
    "author_bio": token_group(
        "author-bio", "authorbio", "author-about", "author-box", "authorbox", "about-author", "about-the-author",
        "author-info", "author-description", "bio-box", "saboxplugin-wrap",
    ),
    "tags": token_group("tags", "tag-list", "tagcloud", "tag-cloud", "post-tags", "entry-tags",
                        "categories", "cat-links", "tags-links", "topics"),
    "meta": token_group("byline", "dateline", "post-meta", "entry-meta", "article-meta", "story-meta",
                        "meta-info", "posted-on", "timestamp", "publish-date", "author-name",
                        # Edge Delivery's page-settings table, left in the markup unrendered.
                        "section-metadata"),
    "caption": token_group("caption", "wp-caption-text", "credit", "credits", "image-credit",
                           "photo-credit", "figcaption"),
    "sidebar": token_group("sidebar", "side-bar", "rail", "right-rail", "widget-area"),
    # Not bare "print" or "font-size": utility classes ("d-print-none", "has-small-font-size").
    "tools": token_group("print-button", "print-link", "text-size", "article-tools", "toolbar",
                         "tools"),
    # A contact or lead form built of <div>s. Not a bare "form": a product page's order form
    # holds the product's description, a docs page names its section on forms "forms".
    "form": token_group(
        "contact-form", "contact_form", "form-wrapper", "form_wrapper", "form-body", "form_body",
        "form-heading", "form_heading", "form-group", "form_group", "form-field", "form_field",
        "form-disclosure", "lead-form", "wpcf7", "hbspt-form", "hs-form"),
}


class _Sooner(Phrases):
    """sooner()'s search, its trie built and compiled on first use: for every group at import
    they would add ~10 ms to ``import copydesk``."""

    __slots__ = ("group",)

    def __init__(self, group: re.Pattern[str]) -> None:
        super().__init__("", 0)
        self.group = group

    def compiled(self) -> re.Pattern[str]:
        return re.compile("[^a-z0-9]" + trie(list(WORDS[self.group])) + r"(?![a-z0-9])")


def sooner(group: re.Pattern[str]) -> Phrases:
    """A token_group's words as one search of " " + tokens: the leading "[^a-z0-9]" stands for
    the lookbehind, so re skips to the word boundaries, and the trie tries one branch per
    character, not each word at each place. Answers as ``group.search(tokens)`` does."""
    return _Sooner(group)


# TOKENS, each as sooner() searches it (what _word_kinds asks of a class word).
TOKEN_WORDS = {name: sooner(rx) for name, rx in TOKENS.items()}


# Tags and ARIA roles that name a kind of boilerplate by themselves.
TAG_MARKS = {"nav": "navigation", "footer": "footer", "aside": "sidebar", "form": "form",
             "button": "control"}
ROLE_MARKS = {
    "navigation": "navigation", "contentinfo": "footer", "complementary": "sidebar",
    "banner": "navigation", "search": "navigation", "menu": "navigation", "menubar": "navigation",
    "dialog": "dialog", "alertdialog": "dialog",
}

# Containers that say they hold the article itself (selection favours them).
CONTENT_TOKENS = token_group(
    "article-body", "articlebody", "article-content", "article-text", "articletext",
    "entry-content", "entry", "post-content", "post-body", "postbody", "post-entry",
    "story-body", "storybody", "story-content", "story-text", "content-body", "body-text",
    "main-content", "article", "post", "story", "blog-post", "single-post", "hentry",
    "text", "prose", "rich-text", "richtext", "markdown-body", "td-post-content",
)


CONTENT_WORD = sooner(CONTENT_TOKENS)  # selection asks it of every container holding prose


# -- Text: phrases of each kind of boilerplate, in English, German, French and Spanish ---------
SHARE_TEXT = phrases(
    r"^(?:share|share this(?: article| story| post| page)?|share on \w+|share via \w+|"
    r"spread the love|click to (?:share|email|print)(?: on \w+)?|tweet(?: this)?|pin(?: it)?|"
    r"email|e-mail|facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest|flipboard|"
    r"copy link|teilen|diesen artikel teilen|partager(?: cet article| sur \w+)?|"
    r"compartir(?: en \w+)?|share this:|like this:|share (?:it|this|article|post|story)(?: on)?|"
    r"pin (?:this |it )?for later!?|"
    r"follow (?:us|me)(?: on (?:social media|\w+(?: (?:and|&) \w+)?))?|stay connected(?: with (?:us|me))?|"
    r"folgen sie uns(?: auf \w+)?|suivez-nous(?: sur \w+)?|síguenos(?: en \w+)?|"
    r"(?:please |help (?:me|us) )?spread the word(?: about [^.]{1,40})?)"
    r"(?:\s*\(opens in new window\))?\s*[:.!]?$"
)
CREDIT_TEXT = phrases(
    r"^\(?(?i:(?:(?:featured?|header|top|cover) )?(?:photo|photograph|image|picture|pic|credit|foto|"
    r"bild|crédit|crédito|illustration)s?(?: by| credit| courtesy(?: of)?| source| via)?)\s*[:/©]",
    r"^(?i:(?:featured?|header|top|cover) (?:photo|image|illustration)s? (?:by|via|courtesy of)) ",
    r"^(?i:(?:photo|image|picture)s? )?(?i:courtesy(?: of)?) [^.!?]{1,60}$",
    r"\((?:AP|AFP|EPA|Reuters|Getty|dpa)(?: Photo)?/[^)]{2,60}\)\s*$",
    r"(?:^|/|\s)(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy|AFP|Reuters|AP Photo|EPA|"
    r"dpa|Bloomberg|AP|Associated Press|picture alliance|Unsplash)\s*\)?\s*$",
    flags=0,
)
# A credit that opens a longer note: "Feature image by …, all other images via brands mentioned."
CREDIT_LEAD = phrases(
    r"^(?:featured?|header|top|cover) (?:photo|image|illustration)s? (?:by|via|courtesy of) "
)
VIDEO_TEXT = phrases(
    r"\(Published \d{1,2}/\d{1,2}/\d{2,4}\)",
    r"^(?:WATCH|VIDEO|LISTEN|AUDIO|PODCAST|PLAY VIDEO)\b\s*[:|\-–—]",
    r"^listen to (?:this|the) (?:article|story)",
    r"\(\d{1,2}:\d{2}\)\s*$",
    r"^(?:video|watch)\s*$",
    flags=0,
)
VIDEO_TEXT_CI = phrases(
    r"^listen to (?:this|the) (?:article|story)", r"^watch:", r"^video:",
    r"^watch (?:the |our )?(?:full )?(?:video|review|trailer|episode) on (?:youtube|vimeo|tiktok)$",
    r"^(?:artikel (?:vor)?an(?:hören|zuhören)|écouter (?:cet |l')article|escuchar (?:este )?artículo)",
)
PROMO_TEXT = phrases(
    r"^(?:read more|more|related|recommended|more from|also read|see also|read also|"
    r"related (?:articles?|stories|posts|content|coverage|reading)|read next|up next|"
    r"you may also like|you might also like|don't miss|trending|popular|most read|"
    r"lesen sie auch|mehr zum thema|auch interessant|weitere artikel|à lire aussi|lire aussi|"
    r"sur le même sujet|lee también|te puede interesar|más información|relacionad[oa]s?)"
    r"\b\s*(?:[:»>|\-–—]|$)",
    # A short heading naming a list of other stories: "Recommended Stories", "Recent posts:".
    r"^(?:related|recommended|recent|popular|trending|latest|similar|featured|more|other|top)"
    r"(?: \w+)? (?:stories|articles|posts|reads|reading|videos|news|guides|blogs?)"
    r"(?: you (?:may|might) (?:like|enjoy))?\s*[:.!…]*$",
    r"^(?:keep reading|continue reading|previous (?:article|post|story)|next (?:article|post|story)|"
    r"more (?:from|by) (?:the |this )?\w+(?: \w+)?|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)(?: (?:these|this|reading))?(?: posts?| articles?| stories)?|"
    r"you may be interested in.{0,40}|weiterlesen|ähnliche artikel|articles similaires|"
    r"à lire également|artículos relacionados|te puede gustar|what (?:others|people) are reading|"
    r"editor'?s'? picks)\s*[:.!…]*$",
)
# A heading over a row of other stories, worded as an invitation: "Read more from our in-house
# experts. 🧠", "Explore the Latest AI Insights, Trends and Research", "Mehr von unserer Redaktion".
PROMO_HEADING = phrases(
    r"^(?:read|see|explore|discover|browse) more (?:from|by|of) [^.!?]{2,60}[.!]?\W{0,3}$",
    r"^(?:explore|discover|browse) (?:the |our )?(?:latest|newest|recent|related)\b[^.!?]{2,60}$",
    r"^(?:mehr von|entdecken sie (?:die |unsere )?neuesten|plus de la part de|"
    r"découvrez (?:les |nos )?derniers|más de|descubre (?:lo |los |las )?últim[oa]s?)\b[^.!?]{2,60}$",
    # The blog's own row of posts under the article: "Blog.", "From our blog".
    r"^(?:(?:from |on )?(?:the |our )?blog|(?:latest|more) (?:from|on) (?:the |our )?blog)\s*[.:!]?$",
)
NEWSLETTER_TEXT = phrases(
    r"^(?:sign up|subscribe|already a subscriber|get (?:the|our) [^.]{0,60}newsletter|"
    r"join (?:our|the) (?:newsletter|mailing list)|newsletter|"
    r"subscribe to (?:our|the) [^.]{0,40}|enter your email|"
    r"jetzt abonnieren|newsletter abonnieren|abonnez-vous|inscrivez-vous|suscríbete|"
    r"suscribirse|become a (?:member|subscriber))\b",
    r"(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the|free)",
    r"^to continue reading",
    r"^(?:join|get|sign up for|subscribe to) (?:our |the |my )?[^.]{0,40}newsletters?[!.]?$",
    r"^thank you!? please check your inbox",
    r"^thanks?(?: you)? for (?:signing up|subscribing)[!.]?$",
    r"^by (?:signing up|subscribing), you (?:agree|consent)\b",
    r"\benter your (?:best )?e-?mail(?: address)?\b",
    r"\b(?:delivered|straight|sent) (?:right )?to your inbox\b",
    r"\bget (?:email )?updates from (?:this|the) (?:writer|author)\b",
    r"\btell your friends and get rewards\b",
    r"^already have an account\b",
    r"\bunsubscribe at any time\b",
    r"^by (?:entering|submitting|providing) your email",
    r"^(?:this (?:article|story|content) is (?:exclusive|available only) to [^.]{0,30}subscribers)",
    r"^(?:melden sie sich (?:jetzt )?für unseren newsletter an|recevez notre newsletter|"
    r"recibe nuestro boletín)",
    r"^this (?:article|content) is (?:for|only available to) (?:subscribers|members)",
    # "Stay in touch and up to date with your industry news": the pitch over a sign-up form.
    r"^stay (?:in touch|up to date|updated|in the loop)\b[^.]{0,60}?\b(?:news|newsletters?|"
    r"updates|inbox|e-?mails?)\b",
)
COMMENT_TEXT = phrases(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|\d+ (?:comments?|responses?)|"
    r"your email address will not be published|required fields are marked|"
    r"%d bloggers like this|\d* ?bloggers? likes? this|like loading|"
    r"comments are closed|cancel reply|you must be logged in to post a comment|"
    r"kommentar schreiben|laisser un commentaire|deja un comentario|"
    r"be the first to (?:comment|like this))\b",
    # Whole-line labels: "Comments (12)", "Like this:", "Loading…", "Reply".
    r"^(?:comments?|kommentare?|commentaires?|comentarios?|like this|reply|antworten|répondre|"
    r"responder|join the (?:conversation|discussion)|loading\s*(?:\.\.\.|…)?)\s*(?:\(\d+\))?\s*:?$",
)
COPYRIGHT_TEXT = phrases(
    r"^(?:copyright\s*)?(?:©|\(c\))\s*\S",
    r"^copyright\s+(?:\d{4}|by\b)",
    r"all rights reserved\.?",
    r"^this material may not be published, broadcast, rewritten,? or redistributed",
    # A syndication note: "This story about X was written by Y and produced by Z, a nonprofit …".
    r"^this (?:story|article|report)\b[^.]{0,100}?\b(?:was|is) (?:written|reported) by [^.]{2,80}? "
    r"and (?:produced|published|edited|distributed) by\b",
    r"^this (?:story|article|report) (?:was|is) (?:produced|co-published|published|reported) "
    r"(?:by|in partnership with|in collaboration with|with) [^.,]{2,80}, (?:a|an) "
    r"(?:nonprofit|non-profit|independent)\b",
    r"^(?:source link|source|originally published (?:at|on|by)\b.{0,80})$",
    r"^(?:alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)",
)
CONTACT_TEXT = phrases(r"^write to ([^@]{3,80}?) at \S+@\S+", r"^write to ([A-Z][\w.' -]{2,60})$")
COOKIE_TEXT = phrases(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|"
    r"cookie (?:settings|policy|preferences)|manage (?:consent|cookies)|"
    r"wir verwenden cookies|nous utilisons des cookies|utilizamos cookies)\b"
)
# "… we'd like to use cookies to give you a smooth browsing experience": cookies named together
# with what a banner asks for.
# Consent notices of embeds and forms: "By clicking to watch this video, you agree to …".
CONSENT_NOTICE = phrases(
    r"^by (?:clicking|continuing|using|playing|watching|submitting)\b[^.]{0,80}?,? you (?:agree|consent|accept)\b",
    r"^(?:mit dem klick|indem sie)\b[^.]{0,80}\b(?:stimmen sie|akzeptieren sie)\b",
    r"^en cliquant\b[^.]{0,80}\bvous (?:acceptez|consentez)\b",
    r"^al hacer clic\b[^.]{0,80}\b(?:usted )?aceptas?\b",
)
COOKIE_WORD = phrases(r"\b(?:cookies|cookie-richtlinie|témoins)\b")
CONSENT_WORD = phrases(
    r"\b(?:accept|consent|agree|preferences|settings|browsing experience|privacy (?:policy|notice)|"
    r"zustimm\w*|einwilligung|datenschutz\w*|accepter|consentement|aceptar|consentimiento)"
)
AD_TEXT = phrases(
    r"^(?:advertisement|advertisment|sponsored(?: content)?|ad|ads|anzeige|werbung|publicité|"
    r"publicidad|paid content|partner content|story continues below(?: advertisement)?|"
    r"article continues below|continue reading below|scroll to continue)\s*[:.]?$",
    r"^(?:advertisement|sponsored|anzeige|werbung|publicité|publicidad)\s*[:|]",
)
# A title labelled as paid for: "GitHub Actions analytics - what's happening (Sponsored)".
AD_SUFFIX = phrases(
    r"[(\[](?:sponsored|advertisement|ad|paid (?:post|partnership)|anzeige|werbung|publicité|"
    r"publicidad|patrocinado)[)\]]\s*$"
)
# A count on a button (likes, comments, shares): "95", "1.2K".
COUNTER = re.compile(r"^\d[\d,.]*\s?[km]?$", re.I)
STAMP_TEXT = phrases(
    r"^(?:updated|published|posted|last updated|aktualisiert|mis à jour|actualizado)"
    r"(?: on| at)?:?\s.{0,60}$",
    r"^\d+ (?:min(?:ute)?s?|hours?|days?) ago$",
    r"^(?:[^.]{2,60}?[ ·|•—-]+)?\d+ min(?:ute)?s? read$",
    r"^(?:\d+ min\.? )?(?:lesezeit|de lecture|de lectura)",
    r"^(?:medically |fact[- ]checked |expert[- ])?(?:reviewed|written|edited|fact[- ]checked) by "
    r"[^.]{2,140}$",
    # The label alone, its name in a block of its own: "Written By", "Geschrieben von".
    r"^(?:(?:medically )?reviewed|written|edited|fact[- ]checked|geschrieben|verfasst|écrit|"
    r"rédigé|escrito|redactado) (?:by|von|par|por)\s*:?$",
)
TOOLS_TEXT = phrases(
    r"^(?:print|print this (?:article|page)|email this|font size|text size|a\+ ?a-|"
    r"save|save article|bookmark|gift this article|drucken|imprimer|imprimir|"
    r"log ?in|sign ?in|log ?out|register|my account|login/signup|anmelden|se connecter|"
    r"iniciar sesión)\s*$"
)
# Affiliate and editorial-independence notices: "We may earn a commission from links …".
DISCLOSURE_TEXT = phrases(
    r"\b(?:earns?|receives?|get) (?:us )?(?:a )?(?:small )?(?:affiliate )?(?:commissions?|"
    r"compensation)\b[^.]{0,60}\b(?:links?|purchases?|clicks?)\b",
    r"\b(?:links?|purchases?)[^.]{0,60}\b(?:earn|receive)s? (?:us )?(?:a )?(?:small )?"
    r"(?:affiliate )?(?:commissions?|compensation)",
    r"^as an amazon associate",
    r"\b(?:contains?|uses?|may include) affiliate links\b",
    r"^(?:products are|everything we recommend is) (?:chosen|selected|tested) independently",
    r"^we independently (?:evaluate|test|review|research|select)",
    r"\b(?:is|are) (?:a )?reader-supported\b",
    r"\bsupported by commissions\b",
    r"^(?:disclosure|affiliate disclosure|advertiser disclosure)\s*:",
    r"\b(?:affiliate-links?|provisionslinks?|liens affiliés|enlaces de afiliados)\b",
    r"\b(?:we|i|this site|the site)(?: may| might)? (?:be|are|is|get|receive) compensated "
    r"(?:when|if|by|for|through)\b",
    # Whose views these are not: "The views expressed on … are not necessarily those of …".
    r"\bthe views (?:and opinions )?expressed\b.{0,100}?\bnot necessarily\b",
    r"\bdie (?:hier )?geäußerten (?:ansichten|meinungen)\b.{0,100}?\bnicht (?:notwendigerweise|unbedingt)\b",
    r"\bles opinions exprimées\b.{0,100}?\bne (?:reflètent|représentent) pas (?:nécessairement|forcément)\b",
    r"\blas opiniones expresadas\b.{0,100}?\bno (?:reflejan|representan) necesariamente\b",
)
TAGS_TEXT = phrases(
    r"^(?:tags?|filed under|topics?|categories|category|posted in|schlagwörter|themen|"
    r"mots-clés|étiquettes|etiquetas|temas)\s*:",
    # The label alone over its links: "Tags".
    r"^(?:tags?|schlagwörter|mots-clés|étiquettes|etiquetas)$",
)
BIO_TEXT = phrases(r"^(?:about the author|über den autor|à propos de l'auteur|sobre el autor)\b")

# A container whose class says it is the article body is never boilerplate, whatever else its
# class lists ("entry-content share-enabled").
# Microformats' "hentry"/"h-entry" mark a whole post, whose taxonomy classes ("tag-x",
# "resources_categories-guides") would otherwise read as a tag list.
CONTENT_EXEMPT = token_group(
    "article-body", "articlebody", "entry-content", "post-content", "story-body", "post-body",
    "article-content", "article-text", "story-content", "hentry", "h-entry",
)
# The token groups each first part may start a word of ("post" → meta, tags, related, …); a
# class word none of whose runs is listed here (nor in CONTENT_EXEMPT) names no kind.
GROUPS_BY_FIRST_PART: dict[str, tuple[str, ...]] = {}
for _name, _rx in (*TOKENS.items(), ("", CONTENT_EXEMPT)):
    for _part in FIRST_PARTS[_rx]:
        GROUPS_BY_FIRST_PART[_part] = GROUPS_BY_FIRST_PART.get(_part, ()) + ((_name,) if _name else ())
KNOWN_FIRST_PARTS = frozenset(GROUPS_BY_FIRST_PART)  # a set: isdisjoint walks a dict's keys
# Could a class/id string name a kind? Only if a word of TOKENS stands in it, a "-" in the word
# perhaps written as a BEM "--" or "__" (BEM_JOINER): a prefilter, so most strings are settled
# by one search. (A content word alone names no kind: it can only cancel the others.) Search
# " " + tokens: the leading "[^a-z0-9]" stands for a lookbehind, and lets re skip to the word
# boundaries instead of trying a lookbehind and the trie at every character (a third fewer
# instructions).
ANY_WORD = re.compile(
    "[^a-z0-9]" + trie(sorted({w for rx in TOKENS.values() for w in WORDS[rx]})).replace(
        r"\-", "(?:--|__|-)") + r"(?![a-z0-9])")
# State and utility classes say how a box looks, not what it holds ("has-rail-right",
# "is-sidebar-open", "u-font-size-medium", "sidebar-enabled--false"): removed before matching.
MODIFIER_CLASSES = re.compile(
    r"(?<!\S)(?:(?:has|is|u|no|with|show|hide)-\S*|\S*--(?:false|none|off)(?!\S))"
)
# A single class word can hold one only if it starts so or holds "--" (checked before the sub).
MODIFIER_STARTS = ("has-", "is-", "u-", "no-", "with-", "show-", "hide-")

# Page furniture named by its text: a table of contents, skip links, breadcrumbs.
NAV_TEXT = phrases(
    r"^(?:table of contents|contents|in this article|jump to(?: the)? (?:list|section|recipe|review)|"
    r"skip to (?:main )?content|back to top|inhaltsverzeichnis|zum inhalt springen|sommaire|"
    r"aller au contenu|índice|tabla de contenidos?|ir al contenido)\s*[:⤵↓]?$",
    r"^home\s*[»>/›|]",
    # A pager's label: "Page 1 of 8", "Seite 2 von 5", "Page 3 sur 9", "Página 1 de 4".
    r"^(?:page|seite|página) \d+ (?:of|von|sur|de) \d+$",
)
# Calls to action: an imperative and a sales word, "Get started today", "Request a Quote".
CTA_TEXT = phrases(
    r"^(?:get|start|try|request|contact|book|claim|download|schedule|create|talk to|call|"
    r"jetzt|demandez|solicita)\b[^.]{0,60}\b(?:today|now|free|quote|demo|consultation|trial|"
    r"started|e-?book|no (?:credit )?card required|kostenlos|gratuit|gratis)\b.{0,40}$",
    r"^ready to (?:get started|create|grow|start|take)\b[^.]{0,60}\?$",
    # "Or call us directly 1-844-…", "Call us today at …": a box's phone button.
    r"^(?:or )?(?:call|phone|text) us (?:directly|today|now|toll[- ]free|at|on)(?![a-z]).{0,40}$",
)
# Trailing "--" and "__" of BEM class names ("hero-author--bio", "author__about") read as "-".
BEM_JOINER = re.compile(r"--|__")

# Sponsorship labels standing alone over a partner's logo or box: "In partnership with".
SPONSOR_TEXT = phrases(
    r"^(?:in partnership with|in association with|presented by|brought to you by|sponsored by|"
    r"in zusammenarbeit mit|präsentiert von|unterstützt von|en partenariat avec|présenté par|"
    r"en colaboración con|presentado por|patrocinado por)\s*[:.]?$"
)
# Appeals for money or subscriptions at the end of a piece: "This story is funded by readers
# like you", "If you liked this article, please consider … subscribing".
SUPPORT_TEXT = phrases(
    r"^this (?:story|article|reporting|journalism|work|newsletter|podcast|site|blog) (?:is|was) "
    r"(?:funded|supported|made possible) by (?:readers|listeners|members|donors|people|subscribers)\b",
    r"\bif you (?:liked|enjoyed|found value in|appreciated?) (?:this|the|our|my) "
    r"(?:article|post|story|piece|newsletter|content|work)\b[^.]{0,40}\bconsider\b",
    r"^(?:please )?(?:support|donate to) (?:our|independent|local) (?:journalism|reporting|newsroom)\b",
    r"^become a (?:patron|supporter|sustaining member)\b",
    r"^(?:unterstützen sie (?:unseren|unabhängigen) journalismus|soutenez (?:notre|le) journalisme|"
    r"apoya (?:nuestro|el) periodismo)",
)
# "… and follow us on Facebook, Instagram and TikTok", "Follow A Farmgirl's Kitchen on
# PINTEREST": the site asking to be followed, inside a sentence (SHARE_TEXT has the bare
# labels). Not "follow me on …": a blogger's own closing paragraph says that in passing.
_NETWORKS = (r"(?:facebook|instagram|twitter|x|tiktok|pinterest|youtube|linkedin|threads|bluesky|"
             r"social media)\b")
FOLLOW_TEXT = phrases(
    r"\bfollow us(?: on| at)? " + _NETWORKS,
    r"(?:^|[.!?] )follow [^.!?]{1,60}? on " + _NETWORKS,
    r"\b(?:folgen sie uns (?:auf|bei)|suivez-nous sur|síguenos en) " + _NETWORKS,
)
# A lone "Contact us" heading or button over a form or a sales box.
CONTACT_CTA_TEXT = phrases(
    r"^(?:contact us|get in touch(?: with us)?|work with us|advertise with us|kontaktieren sie uns|"
    r"contactez-nous|cont[aá]ct[ae]nos)\s*[!.:]?$"
)
# Shop widgets: "USE PROMO CODE", "Deal of the Day", "Promotion Has Expired", "Buy now from …",
# "See price at Amazon".
DEAL_TEXT = phrases(
    r"^(?:use (?:the )?(?:promo|coupon|discount) code|(?:promo|coupon|discount) code\s*:|"
    r"deal of the day|today'?s deals?|(?:this )?(?:promotion|deal|offer) has expired|"
    r"shop now|buy now|gutscheincode|jetzt kaufen|angebot des tages|code promo|"
    r"acheter maintenant|offre du jour|código (?:de descuento|promocional)|comprar ahora|"
    r"oferta del día)\b.{0,60}$",
    # Retailer buttons under a product: "See price at Amazon", "View deal at Walmart".
    r"^(?:see|check|view|compare) (?:the )?(?:latest )?(?:prices?|deals?) (?:at|on) [^.]{2,40}$",
    r"^(?:preis (?:bei|auf)|voir (?:le )?prix (?:chez|sur)|ver (?:el )?precio en) [^.]{2,40}$",
    # A shop's promo bar: "Free standard shipping on orders $40+", "Livraison gratuite dès 60 €".
    r"^(?:score |get |enjoy )?free (?:standard |express |ground )?shipping on (?:all |qualifying |"
    r"eligible |most )?orders\b",
    r"^(?:kostenloser versand (?:ab|für alle bestellungen)|livraison (?:gratuite|offerte) "
    r"(?:dès|à partir de|pour toute commande|\d)|envío gratis (?:en pedidos|a partir de|desde))",
)

# A comment thread in plain text: "Sharon says" over "July 14, 2015 at 3:53 pm", "Reply".
COMMENT_SIGNATURE = re.compile(
    r"^[\w .'’-]{2,40}? (?:says|said|wrote|schreibt|sagt|dit|a écrit|dice|escribió)\s*:?$"
)
COMMENT_STAMP = phrases(
    r"^(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}\.? [a-zéû]{3,9}\.? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:,? (?:at|um|à|a las) \d{1,2}[:.h]\d{2}(?: ?[ap]\.?m\.?)?)?$",
    r"^\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago$",
    r"^(?:reply|reply to comment|antworten|répondre|responder)$",
)
THREAD_HEADING = phrases(r"^(?:reader interactions|discussion|conversation|\d+ thoughts on\b)")

# A forum post's author panel, one line at a time: the member's stats and rank.
POSTER_TEXT = phrases(
    r"^(?:joined|join date|registered|member since|messages|posts|threads|reaction score|"
    r"trophy points|likes received)(?:\s*:?\s*(?:[\d.,]+\s*[km]?|[a-z]{3,9}\.? \d{1,2},? \d{4}|"
    r"[a-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}))?$",
    r"^(?:new|senior|junior|well-known|active|premium|registered|valued|established|full|"
    r"platinum|gold|silver|elite) (?:member|user|poster)$",
    r"^original poster$",
    r"^\d+\+? years? member$",
    r"^[\d.,]+[km]? posts · joined \d{4}$",
)

# Every phrase group a rule searches a block's text with (Context.says refuses any other).
# screen() looks at a block once for the literals these need: most blocks have none, and
# then no rule runs its own search.
RATING_TEXT = phrases(
    # The prompt, as a line of its own: "Was this article helpful?", "Click a star to rate it!"
    r"^(?:was this (?:article|page|post|content|guide|information) (?:helpful|useful)|"
    r"did you find this (?:article|page|post|content|guide) (?:helpful|useful)|"
    r"how (?:useful|helpful) was this (?:article|page|post)|rate this (?:article|page|post)|"
    r"click (?:on )?(?:a|the) stars? to (?:rate(?: it| this (?:article|post))?|vote|add your vote)|"
    r"\d+% of (?:people|readers|users) found this (?:(?:article|page|post) )?helpful|"
    r"no votes so far|be the first to rate this(?: article| post)?|"
    r"how (?:was|did you like|would you rate) this (?:issue|newsletter|article|post|episode|edition)|"
    r"wie hat (?:ihnen|dir) (?:dieser artikel|dieser beitrag|diese ausgabe) gefallen|"
    r"comment avez-vous trouvé cet article|qu'avez-vous pensé de cet article|"
    r"¿qué (?:te|le) (?:ha )?pareci(?:do|ó) este artículo|"
    r"war (?:dieser artikel|diese seite) hilfreich|artikel bewerten|"
    r"cet article vous a-t-il été utile|cette page vous a-t-elle été utile|noter cet article|"
    r"¿(?:te|le) (?:ha )?(?:resultado|parece|fue) útil|¿(?:fue|es) útil este artículo)"
    r"\s*[?!.:…]*\s*$",
    # The tally under the stars: "5 votes - average 4.2 out of 5", "Average rating 5 / 5."
    r"^(?:\d+ votes? [-–] average \d+(?:\.\d+)? out of \d+|"
    r"average rating:? \d+(?:\.\d+)? ?/ ?\d+\.?(?: vote count:? \d+)?)\s*$",
)
# A button's label, alone on its line: "Learn more", "View Premium Services", "Talk to us!".
# Too common in prose links to drop by itself; it marks the small box it closes. Not "Read
# more" or "See more": those also unfold a section of the page's own text.
BUTTON_TEXT = phrases(
    r"^(?:learn more|find out more|discover more|"
    r"view (?:\w+ )?(?:services|plans|pricing|offers?|courses|programs?)|see (?:plans|pricing)|"
    r"talk to us|let'?s talk|shop now|join now|sign me up|yes,? i want\b.{0,40}|"
    r"(?:save|reserve|claim|book) (?:your|my) (?:spot|seat|place)(?: now| today)?|register now|"
    r"mehr erfahren|jetzt entdecken|en savoir plus|découvrir|más información|saber más)"
    r"\s*[!.»›→]*$",
    # The same, dressed with an arrow or an emoji and brackets: "➡️ [Save Your Spot Now]".
    r"^[^\w\s]{1,4}\s*\[?(?:learn more|shop now|join now|sign me up|register now|"
    r"(?:save|reserve|claim|book) (?:your|my) (?:spot|seat|place)(?: now| today)?)\]?\s*[!.»›→]*$",
)
TEXT_RULE_PATTERNS = (
    BUTTON_TEXT, COOKIE_TEXT, CONSENT_NOTICE, COOKIE_WORD, NAV_TEXT, SHARE_TEXT, CREDIT_TEXT,
    CREDIT_LEAD, VIDEO_TEXT,
    VIDEO_TEXT_CI, PROMO_TEXT, PROMO_HEADING, NEWSLETTER_TEXT, COMMENT_TEXT, CONTACT_TEXT, COPYRIGHT_TEXT,
    AD_TEXT, AD_SUFFIX, DISCLOSURE_TEXT, CTA_TEXT, BIO_TEXT, TAGS_TEXT, STAMP_TEXT, TOOLS_TEXT,
    SPONSOR_TEXT, SUPPORT_TEXT, FOLLOW_TEXT, CONTACT_CTA_TEXT, DEAL_TEXT, RATING_TEXT,
    POSTER_TEXT,
)


@functools.cache
def screen() -> Screen:
    """The literal screen of TEXT_RULE_PATTERNS (see screen.py), built on first use: reading
    the patterns takes tens of milliseconds that ``import copydesk`` should not pay."""
    return Screen((rx, ALTERNATIVES[rx]) for rx in TEXT_RULE_PATTERNS)

# Button lines, with the length a rule reads them at: a small box holding one is a promo box.
# (BUTTON_TEXT's bare labels count too, when not a heading: Context._is_button.)
BUTTONS = ((CTA_TEXT, 100), (NEWSLETTER_TEXT, 200), (CONTACT_CTA_TEXT, 40), (DEAL_TEXT, 100))
