"""Only /widgets/ may be framed by other sites; widget pages set no cookie and cache well."""

import base64
import hashlib
import re

import pytest
from django.contrib.auth.models import User

from partners.models import Partner

from .conftest import html_of

pytestmark = pytest.mark.django_db

WIDGET_PATHS = (
    "/widgets/pois/",
    "/widgets/events/",
    "/widgets/poi/?id={museum}",
    "/widgets/route/?id={walk}",
    "/widgets/pois/?count=0",
    "/widgets/nothing/",
)


def directives(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.fixture
def widget_urls(museum, walk, concert):
    return [path.format(museum=museum.pk, walk=walk.pk) for path in WIDGET_PATHS]


def test_widget_pages_may_be_framed_anywhere(client, widget_urls):
    for url in widget_urls:
        response = client.get(url)
        assert "X-Frame-Options" not in response, url
        assert directives(response)["frame-ancestors"] == ["*"], url


def test_widget_pages_run_only_our_own_scripts_and_the_one_hashed_style(client, widget_urls):
    for url in widget_urls:
        response = client.get(url)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        (inline_style,) = re.findall(r"<style>(.*?)</style>", html_of(response))
        digest = base64.b64encode(hashlib.sha256(inline_style.encode()).digest()).decode()
        assert policy["style-src"] == ["'self'", f"'sha256-{digest}'"], url
        assert policy["default-src"] == ["'self'"]
        assert policy["form-action"] == ["'none'"]


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/en/",
        "/de/partner/widgets/",
        "/admin/login/",
        "/api/v1/routes",
        "/de/diese-seite-gibt-es-nicht/",
        "/widgets/embed.v1.js",
        "/widgets/",
    ],
)
def test_every_other_page_refuses_to_be_framed(client, home_page, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY", path
    assert directives(response)["frame-ancestors"] == ["'none'"], path


def test_the_admin_refuses_to_be_framed_when_logged_in(client, home_page):
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))
    for path in ("/admin/", "/admin/widgets/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Frame-Options"] == "DENY"
        assert directives(response)["frame-ancestors"] == ["'none'"]


def test_a_partner_key_limits_framing_to_the_partners_sites(client, museum):
    partner = Partner.objects.create(
        name="Hotel am Markt", allowed_origins="https://hotel.example\nhttp://127.0.0.2:8001"
    )
    response = client.get("/widgets/pois/", {"key": partner.widget_token})
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == [
        "'self'",
        "https://hotel.example",
        "http://127.0.0.2:8001",
    ]
    # A bad option with a good key: the explanation still only on the partner's sites.
    response = client.get("/widgets/pois/", {"key": partner.widget_token, "count": "0"})
    assert response.status_code == 400
    assert "http://127.0.0.2:8001" in directives(response)["frame-ancestors"]


def test_widgets_shown_with_a_key_are_counted_for_the_partner(client, museum):
    partner = Partner.objects.create(name="Hotel am Markt")
    client.get("/widgets/pois/", {"key": partner.widget_token})
    client.get("/widgets/pois/", {"key": partner.widget_token, "count": "3"})
    client.get("/widgets/pois/", {"key": partner.widget_token, "count": "0"})  # refused
    client.get("/widgets/pois/")  # no key: nobody to count for
    counts = {row.channel: row.requests for row in partner.usage.all()}
    assert counts == {"widget": 2}


def test_a_partner_without_origins_may_embed_anywhere(client, museum):
    partner = Partner.objects.create(name="Portal")
    response = client.get("/widgets/pois/", {"key": partner.widget_token})
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["*"]


def test_widget_pages_set_no_cookie_and_do_not_vary_by_cookie(client, widget_urls):
    client.get("/admin/login/")  # a CSRF cookie in the jar must not make a difference
    for url in widget_urls:
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response
        assert "Cookie" not in response.get("Vary", ""), url


def test_widget_pages_stay_cookie_free_for_logged_in_editors(client, museum):
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))
    response = client.get("/widgets/pois/")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "public" in response["Cache-Control"]


def test_widget_pages_are_public_for_a_short_time_and_not_indexed(client, widget_urls):
    for url in widget_urls:
        response = client.get(url)
        cache_control = set(response["Cache-Control"].split(", "))
        if response.status_code == 200:
            assert cache_control == {"public", "max-age=300", "s-maxage=600"}, url
        else:
            assert cache_control == {"public", "max-age=60", "s-maxage=60"}, url
        assert response["X-Robots-Tag"] == "noindex"


def test_widget_pages_answer_conditional_requests(client, museum):
    response = client.get("/widgets/pois/")
    again = client.get("/widgets/pois/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_widget_pages_are_compressed_for_clients_that_ask(client, museum):
    response = client.get("/widgets/pois/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_no_cors_headers_on_widget_pages_or_the_configurator(client, widget_urls):
    for url in [*widget_urls, "/de/partner/widgets/"]:
        response = client.get(url, HTTP_ORIGIN="https://hotel.example")
        assert not [name for name in response.headers if name.startswith("Access-Control")], url


def test_the_loader_is_shared_across_origins_without_credentials(client, db):
    response = client.get("/widgets/embed.v1.js", HTTP_ORIGIN="https://hotel.example")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert set(response["Cache-Control"].split(", ")) == {
        "public",
        "max-age=31536000",
        "immutable",
    }
    assert not response.cookies
