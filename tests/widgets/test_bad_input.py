"""Bad snippets get a small explanatory widget in the frame: 400 or 404, never a 500."""

import re

import pytest

from .conftest import html_of

pytestmark = pytest.mark.django_db


def problems_in(html):
    return re.findall(r"<li>([^<]+)</li>", html)


def assert_explained(response, status):
    html = html_of(response)
    assert response.status_code == status, html
    assert 'class="widget widget--error"' in html
    assert problems_in(html), html
    # The partner is pointed to the configurator, which builds a working snippet.
    assert (
        re.search(r'href="http://testserver/\w\w/[\w/]+widget[\w/]*/"', html) or "widzety" in html
    )
    assert len(response.content) < 4000
    return html


@pytest.mark.parametrize(
    "query",
    [
        "count=0",
        "count=10000",
        "count=abc",
        "lang=fr",
        "layout=masonry",
        "theme=neon",
        "accent=red",
        "accent=%23abc",
        "accent=javascript:alert(1)",
        "near=52.29",
        "near=52.29,11.41&radius=-5",
        "near=52.29,11.41&radius=99999",
        "radius=500",
        "ids=1,two",
        "route=x",
        "images=true",
        "target=_parent",
        "unknown=1",
        "count=1&count=2",
        "category=%00",
        "near=%F0%9F%98%80,1",
        "count=" + "9" * 400,
        "%3Cscript%3Ealert(1)%3C/script%3E=1",
    ],
)
def test_each_malformed_option_gets_a_400_explanation(client, museum, query):
    html = assert_explained(client.get("/widgets/pois/?" + query), 400)
    assert "<script>alert" not in html


def test_unknown_category_route_and_places_are_option_errors(client, museum):
    html = assert_explained(client.get("/widgets/pois/?category=museums,zoo&lang=en"), 400)
    assert problems_in(html)[0] == "There is no category “zoo”."
    assert_explained(client.get("/widgets/pois/?route=999999"), 400)
    html = assert_explained(
        client.get(f"/widgets/pois/?ids={museum.pk},999998,999999&lang=en"), 400
    )
    assert "999998, 999999" in problems_in(html)[0]
    assert_explained(client.get("/widgets/events/?category=nope"), 400)


@pytest.mark.parametrize(
    "path",
    [
        "/widgets/weather/",
        "/widgets/%3Cb%3Ebold%3C%2Fb%3E/",
        "/widgets/poi/?id=999999",
        "/widgets/route/?id=999999",
        "/widgets/a/b/",
    ],
)
def test_missing_widgets_and_objects_are_404_in_the_frame(client, museum, path):
    response = client.get(path)
    html = assert_explained(response, 404)
    assert "<b>" not in html
    # Not redirected to /de/widgets/… by LocaleMiddleware, and still frameable.
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]


def test_missing_id_of_a_card_is_an_option_error(client, museum):
    assert_explained(client.get("/widgets/poi/"), 400)
    assert_explained(client.get("/widgets/route/"), 400)


def test_explanation_speaks_the_widget_language_else_the_visitors(client, museum):
    response = client.get("/widgets/pois/?lang=en&count=0")
    assert '<html lang="en"' in html_of(response)
    assert response["Content-Language"] == "en"
    response = client.get("/widgets/pois/?lang=xx", HTTP_ACCEPT_LANGUAGE="pl")
    assert '<html lang="pl"' in html_of(response)
    response = client.get("/widgets/pois/?lang=xx", HTTP_ACCEPT_LANGUAGE="fr")
    assert '<html lang="de"' in html_of(response)


def test_an_unknown_or_switched_off_widget_token_is_explained(client, museum):
    from partners.models import Partner

    partner = Partner.objects.create(name="Hotel", active=False)
    for key in ("no-such-key", partner.widget_token, "wt_" + "x" * 300):
        response = client.get("/widgets/pois/", {"key": key, "lang": "en"})
        html = assert_explained(response, 400)
        assert "widget token" in html


def test_the_secret_api_key_is_not_accepted_as_a_widget_token(client, museum):
    from partners.models import Partner

    partner = Partner.objects.create(name="Hotel", allowed_origins="https://hotel.example")
    response = client.get("/widgets/pois/", {"key": partner.api_key, "lang": "en"})
    html = assert_explained(response, 400)
    assert "widget token" in html
    assert not partner.usage.exists()


def test_other_methods_are_refused(client, museum):
    assert client.post("/widgets/pois/").status_code == 405
    assert client.head("/widgets/pois/").status_code == 200


def test_a_missing_slash_still_finds_the_widget(client, museum):
    assert client.get("/widgets/pois").status_code == 200


def test_bare_widgets_address_leads_to_the_configurator(client, home_page):
    response = client.get("/widgets/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/partners/widgets/"
