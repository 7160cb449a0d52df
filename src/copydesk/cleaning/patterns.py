"""The cleaning vocabulary: named groups of class/id tokens and of phrases, compiled once.

Token groups match whole words of a class or id (``share`` matches ``post-share`` but not
``shared``). Phrase groups are anchored and short, so they never backtrack far.
"""
from __future__ import annotations

import re


def token_group(*words: str) -> re.Pattern[str]:
    """Whole-word match inside a class/id string, where ``-`` and ``_`` also split words."""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(words) + r")(?![a-z0-9])")


def phrases(*alternatives: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(alternatives) + ")", flags)


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
    "cookie": token_group("cookie", "cookies", "consent", "gdpr", "cmp", "cookie-banner"),
    "ads": token_group(
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsense", "dfp",
        "sponsor", "sponsored", "ad-slot", "adslot", "ad-container", "ad-wrapper", "gpt-ad",
    ),
    "author_bio": token_group(
        "author-bio", "author-box", "authorbox", "about-author", "about-the-author",
        "author-info", "author-description", "bio-box", "saboxplugin-wrap",
    ),
    "tags": token_group("tags", "tag-list", "tagcloud", "tag-cloud", "post-tags", "entry-tags",
                        "categories", "cat-links", "tags-links", "topics"),
    "meta": token_group("byline", "dateline", "post-meta", "entry-meta", "article-meta",
                        "meta-info", "posted-on", "timestamp", "publish-date", "author-name"),
    "caption": token_group("caption", "wp-caption-text", "credit", "credits", "image-credit",
                           "photo-credit", "figcaption"),
    "sidebar": token_group("sidebar", "side-bar", "rail", "right-rail", "widget-area"),
    "tools": token_group("print", "font-size", "fontsize", "text-size", "article-tools",
                         "toolbar", "tools"),
}

# Tags and ARIA roles that name a kind of boilerplate by themselves.
TAG_MARKS = {"nav": "navigation", "footer": "footer", "aside": "sidebar", "form": "form"}
ROLE_MARKS = {
    "navigation": "navigation", "contentinfo": "footer", "complementary": "sidebar",
    "banner": "navigation", "search": "navigation", "menu": "navigation", "menubar": "navigation",
}

# Containers that say they hold the article itself (selection favours them).
CONTENT_TOKENS = token_group(
    "article-body", "articlebody", "article-content", "article-text", "articletext",
    "entry-content", "entry", "post-content", "post-body", "postbody", "post-entry",
    "story-body", "storybody", "story-content", "story-text", "content-body", "body-text",
    "main-content", "article", "post", "story", "blog-post", "single-post", "hentry",
    "text", "prose", "rich-text", "richtext", "markdown-body", "td-post-content",
)

# -- Text: phrases of each kind of boilerplate, in English, German, French and Spanish ---------
SHARE_TEXT = phrases(
    r"^(?:share|share this(?: article| story| post| page)?|share on \w+|share via \w+|"
    r"spread the love|click to (?:share|email|print)(?: on \w+)?|tweet(?: this)?|pin(?: it)?|"
    r"email|e-mail|facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest|flipboard|"
    r"copy link|teilen|diesen artikel teilen|partager(?: cet article| sur \w+)?|"
    r"compartir(?: en \w+)?|share this:|like this:)"
    r"(?:\s*\(opens in new window\))?\s*[:.]?$"
)
CREDIT_TEXT = phrases(
    r"^\(?(?:photo|photograph|image|picture|pic|credit|foto|bild|crédit|crédito|illustration)s?"
    r"(?: by| credit| courtesy(?: of)?)?\s*[:/©]",
    r"\((?:AP|AFP|EPA|Reuters|Getty|dpa)(?: Photo)?/[^)]{2,60}\)\s*$",
    r"(?:^|/|\s)(?:Getty Images|Shutterstock|iStock(?:photo)?|Alamy|AFP|Reuters|AP Photo|EPA|"
    r"dpa|Bloomberg|AP|Associated Press|picture alliance|Unsplash)\s*\)?\s*$",
    flags=0,
)
VIDEO_TEXT = phrases(
    r"\(Published \d{1,2}/\d{1,2}/\d{2,4}\)",
    r"^(?:WATCH|VIDEO|LISTEN|AUDIO|PODCAST|PLAY VIDEO)\b\s*[:|\-–—]",
    r"^listen to (?:this|the) (?:article|story)",
    r"^(?:artikel anhören|écouter cet article|escuchar (?:este )?artículo)",
    r"\(\d{1,2}:\d{2}\)\s*$",
    r"^(?:video|watch)\s*$",
    flags=0,
)
VIDEO_TEXT_CI = phrases(r"^listen to (?:this|the) (?:article|story)", r"^watch:", r"^video:")
PROMO_TEXT = phrases(
    r"^(?:read more|more|related|recommended|more from|also read|see also|read also|"
    r"related (?:articles?|stories|posts|content|coverage|reading)|read next|up next|"
    r"you may also like|you might also like|don't miss|trending|popular|most read|"
    r"lesen sie auch|mehr zum thema|auch interessant|weitere artikel|à lire aussi|lire aussi|"
    r"sur le même sujet|lee también|te puede interesar|más información|relacionad[oa]s?)"
    r"\b\s*(?:[:»>|\-–—]|$)"
)
NEWSLETTER_TEXT = phrases(
    r"^(?:sign up|subscribe|already a subscriber|get (?:the|our) [^.]{0,60}newsletter|"
    r"join (?:our|the) (?:newsletter|mailing list)|newsletter|"
    r"subscribe to (?:our|the) [^.]{0,40}|enter your email|"
    r"jetzt abonnieren|newsletter abonnieren|abonnez-vous|inscrivez-vous|suscríbete|"
    r"suscribirse|become a (?:member|subscriber))",
    r"(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the|free)",
    r"^to continue reading",
    r"^this (?:article|content) is (?:for|only available to) (?:subscribers|members)",
)
COMMENT_TEXT = phrases(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|\d+ (?:comments?|responses?)|"
    r"comments?|your email address will not be published|required fields are marked|"
    r"%d bloggers like this|\d* ?bloggers? likes? this|like this:|like loading|loading\s*(?:\.\.\.|…)|"
    r"comments are closed|cancel reply|you must be logged in to post a comment|"
    r"kommentare?|kommentar schreiben|laisser un commentaire|commentaires?|"
    r"deja un comentario|comentarios?|be the first to (?:comment|like this))\b"
)
COPYRIGHT_TEXT = phrases(
    r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|[a-z])",
    r"all rights reserved\.?",
    r"^this material may not be published, broadcast, rewritten,? or redistributed",
    r"^(?:source link|source|originally published (?:at|on|by)\b.{0,80})$",
    r"^(?:alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)",
)
CONTACT_TEXT = phrases(r"^write to ([^@]{3,80}?) at \S+@\S+", r"^write to ([A-Z][\w.' -]{2,60})$")
COOKIE_TEXT = phrases(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|"
    r"cookie (?:settings|policy|preferences)|manage (?:consent|cookies)|"
    r"wir verwenden cookies|nous utilisons des cookies|utilizamos cookies)\b"
)
AD_TEXT = phrases(
    r"^(?:advertisement|advertisment|sponsored(?: content)?|ad|ads|anzeige|werbung|publicité|"
    r"publicidad|paid content|partner content|story continues below(?: advertisement)?|"
    r"article continues below|continue reading below|scroll to continue)\s*[:.]?$"
)
STAMP_TEXT = phrases(
    r"^(?:updated|published|posted|last updated|aktualisiert|mis à jour|actualizado)"
    r"(?: on| at)?:?\s.{0,60}$",
    r"^\d+ (?:min(?:ute)?s?|hours?|days?) ago$",
    r"^\d+ min(?:ute)?s? read$",
)
TOOLS_TEXT = phrases(
    r"^(?:print|print this (?:article|page)|email this|font size|text size|a\+ ?a-|"
    r"save|save article|bookmark|gift this article|drucken|imprimer|imprimir)\s*$"
)
TAGS_TEXT = phrases(
    r"^(?:tags?|filed under|topics?|categories|category|posted in|schlagwörter|themen|"
    r"mots-clés|étiquettes|etiquetas|temas)\s*:"
)
BIO_TEXT = phrases(r"^(?:about the author|über den autor|à propos de l'auteur|sobre el autor)\b")

# A container whose class says it is the article body is never boilerplate, whatever else its
# class lists ("entry-content share-enabled").
CONTENT_EXEMPT = token_group(
    "article-body", "articlebody", "entry-content", "post-content", "story-body", "post-body",
    "article-content", "article-text", "story-content",
)
