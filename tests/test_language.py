"""The cheap language guess (metadata/language.py)."""
from __future__ import annotations

from copydesk import extract
from copydesk.metadata.language import guess


def test_guesses_each_language() -> None:
    assert guess("The council said that the plan was ready and that the work is set to "
                 "start with the new year, for this is what residents have asked for.") == "en"
    assert guess("Die Stadt hat die Pläne vorgestellt, und der Rat ist nicht mit allen "
                 "einverstanden, denn die Kosten sind auch für den Bund eine Last.") == "de"
    assert guess("Le conseil a présenté les plans et la mairie est pour que les travaux "
                 "commencent dans une semaine, avec des pistes qui ne sont pas sur la route.") == "fr"
    assert guess("El ayuntamiento presentó los planes y la alcaldía dijo que es una obra "
                 "para los vecinos del barrio, con fondos que se pagan como las demás.") == "es"


def test_too_little_text_gives_nothing() -> None:
    assert guess("Hello world") is None


def test_page_without_lang_gets_the_guess_with_its_provenance() -> None:
    body = "<p>" + "Die Stadt hat die Pläne vorgestellt, und der Rat ist nicht einverstanden. " * 6
    a = extract(f"<html><body><article><h1>Titel</h1>{body}</p></article></body></html>")
    assert (a.language, a.provenance.get("language")) == ("de", "text")
