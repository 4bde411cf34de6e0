"""The language switcher keeps the visitor on the same view, not only on the same page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def switcher_links(response):
    html = response.content.decode()
    nav = html.split('class="languages"', 1)[1].split("</nav>", 1)[0]
    return {code: url for url, code in re.findall(r'<a href="([^"]*)"\s+hreflang="(\w+)"', nav)}


def test_search_links_to_the_search_in_each_language_and_keeps_the_query(client, home_page):
    links = switcher_links(client.get("/de/suche/", {"q": "Roland"}))
    assert links == {
        "de": "/de/suche/?q=Roland",
        "en": "/en/search/?q=Roland",
        "pl": "/pl/szukaj/?q=Roland",
    }


def test_the_widget_configurator_links_to_itself_in_each_language(client, home_page):
    links = switcher_links(client.get("/en/partners/widgets/", {"kind": "events"}))
    assert links["de"] == "/de/partner/widgets/?kind=events"
    assert links["en"] == "/en/partners/widgets/?kind=events"


def test_other_views_link_to_each_languages_home(client, home_page):
    links = switcher_links(client.get("/de/diese-seite-gibt-es-nicht/"))
    assert links == {"de": "/de/", "en": "/en/", "pl": "/pl/"}
