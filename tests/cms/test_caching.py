"""Anonymous pages are cacheable; "open now" comes from a JSON call; editors get private pages."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.factories.tourism import (
    ALWAYS_OPEN,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
)


@pytest.fixture
def place(home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    return PointOfInterestPageFactory(parent=index, title="Roland", opening_hours=ALWAYS_OPEN)


@pytest.mark.django_db
def test_anonymous_page_is_public_and_sets_no_cookie(client, place):
    response = client.get(place.url)
    assert "public" in response["Cache-Control"]
    assert "s-maxage=600" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_editor_sees_private_pages(client, place):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    assert "private" in client.get(place.url)["Cache-Control"]


@pytest.mark.django_db
def test_open_status_json(client, place):
    response = client.get(
        "/tourism/points-of-interest/status.json", {"ids": str(place.pk), "lang": "en"}
    )
    assert response.status_code == 200
    assert response.json() == {str(place.pk): {"open": True, "label": "Open now"}}
    assert "max-age=60" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [{}, {"ids": "a,b"}, {"ids": ",".join(str(n) for n in range(101))}, {"ids": "1", "lang": "xx"}],
)
def test_open_status_rejects_bad_input_with_json(client, query):
    response = client.get("/tourism/points-of-interest/status.json", query)
    assert response.status_code == 400
    assert set(response.json()) == {"error", "detail"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/tourism/points-of-interest.geojson", "/api/v1/points-of-interest?lang=en"],
)
def test_downloads_and_api_answers_vary_neither_by_cookie_nor_browser_language(client, place, path):
    # Shared caches would otherwise keep one copy per cookie jar and browser language.
    call_command("export_places_geojson", stdout=StringIO())  # the job writes the download
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en", HTTP_COOKIE="sessionid=x")
    assert response.status_code == 200
    vary = response.get("Vary", "").lower()
    assert "cookie" not in vary
    assert "accept-language" not in vary


@pytest.mark.django_db
def test_pages_still_vary_by_cookie(client, place):
    # Signed-in editors get private pages at the same URL.
    assert "Cookie" in client.get(place.url)["Vary"]


@pytest.mark.django_db
def test_public_pages_are_compressed_for_browsers_that_accept_gzip(client, place):
    response = client.get(place.url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    # From the page cache too.
    assert client.get(place.url, HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_pages_are_not_compressed_for_clients_that_refuse_gzip(client, place):
    response = client.get(place.url, HTTP_ACCEPT_ENCODING="gzip;q=0, identity")
    assert "Content-Encoding" not in response
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.django_db
def test_pages_with_secrets_are_never_compressed(client, place):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    assert not client.get(place.url, HTTP_ACCEPT_ENCODING="gzip").has_header("Content-Encoding")
    admin = client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert not admin.has_header("Content-Encoding")
