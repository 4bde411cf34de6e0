"""Hostile bytes are refused with a 400 before they reach a view or the database.

Each case was a 500 on PostgreSQL before the gate (issue 10); run with DATABASE_URL set to
a PostgreSQL database to check that, too.
"""

import pytest
from django.contrib.auth import get_user_model

from cms.input_gate import MAX_PARAMETERS, MAX_VALUE_CHARS
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/points-of-interest?api_key=%00",
        "/api/v1/routes?api_key=%00",
        "/api/v1/points-of-interest?q=%00",
        "/api/v1/search?q=%00",
        "/api/v1/events?category=%00",
        "/api/v1/points-of-interest?category=a%00b",
    ],
)
def test_nul_byte_on_the_api_is_a_json_400(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "error": "bad_request",
        "detail": "A parameter, path or header contains a NUL byte.",
    }


def test_nul_byte_in_a_widget_key_is_a_400_widget_the_frame_can_show(client, home_page):
    response = client.get("/widgets/pois/?key=%00")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "widget--error" in response.content.decode()
    assert "X-Frame-Options" not in response


def test_nul_byte_in_the_calendar_category_is_a_translated_400_page(client, event_index):
    response = client.get(event_index.url + "?category=%00")
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_refusal_page_speaks_the_language_of_the_path(client, home_page):
    response = client.get("/en/search/?q=%00")
    assert response.status_code == 400
    assert 'lang="en"' in response.content.decode()
    german = client.get("/de/suche/?q=%00").content.decode()
    assert "enthält ein NUL-Zeichen" in german


def test_lone_surrogate_is_refused_and_not_logged(client, home_page):
    response = client.get("/de/suche/?q=%ED%A0%80")
    assert response.status_code == 400
    assert not SearchQueryLog.objects.exists()


@pytest.mark.parametrize("raw", ["%FF%FE", "%C3", "%E2%82"])
def test_invalid_utf8_is_refused(client, home_page, raw):
    response = client.get(f"/api/v1/search?q={raw}")
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]


def test_over_long_value_is_refused(client, home_page):
    response = client.get("/api/v1/search?q=" + "a" * (MAX_VALUE_CHARS + 1))
    assert response.status_code == 400
    assert "longer than" in response.json()["detail"]


def test_too_many_parameters_are_refused(client, home_page):
    query = "&".join(f"p{number}=1" for number in range(MAX_PARAMETERS + 1))
    response = client.get("/de/suche/?" + query)
    assert response.status_code == 400


def test_nul_byte_in_the_path_is_refused(client, home_page):
    assert client.get("/de/%00/").status_code == 400


def test_nul_byte_in_a_header_or_cookie_is_refused(client, home_page):
    assert client.get("/api/v1/routes", HTTP_X_API_KEY="a\x00b").status_code == 400
    client.cookies["sessionid"] = "abcdefgh\x00"
    assert client.get("/de/").status_code == 400


def test_nul_byte_in_a_public_form_value_is_refused(client, home_page):
    response = client.post("/de/suche/", {"q": "a\x00b"})
    assert response.status_code == 400


def test_ordinary_umlauts_and_long_admin_queries_pass(client, home_page):
    assert client.get("/de/suche/?q=M%C3%BChle").status_code == 200
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    long_admin_query = "/admin/pages/search/?q=" + "a" * (MAX_VALUE_CHARS + 1)
    assert client.get(long_admin_query).status_code == 200


def test_nul_byte_is_refused_in_the_admin_too(client, home_page):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    assert client.get("/admin/pages/search/?q=%00").status_code == 400
    response = client.post("/admin/images/add/", {"title": "Markt\x00", "collection": 1})
    assert response.status_code == 400
    long_title = {"title": "x" * (MAX_VALUE_CHARS + 1), "collection": 1}
    assert client.post("/admin/images/add/", long_title).status_code == 200  # a form error
