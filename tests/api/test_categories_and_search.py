"""Contract of /api/v1/categories and /api/v1/search."""

import pytest

pytestmark = pytest.mark.django_db


def test_categories_of_places_and_events(client, museums, concert_category):
    data = client.get("/api/v1/categories", {"lang": "en"}).json()
    assert data["count"] == 2
    assert data["results"] == [
        {"slug": "museums", "name": "Museums", "applies_to": "points-of-interest"},
        {"slug": "konzert", "name": "Concert", "applies_to": "events"},
    ]


def test_search_finds_pages_in_the_requested_language(client, museum, castle, walk):
    data = client.get("/api/v1/search", {"q": "castle", "lang": "en"}).json()
    assert data["count"] >= 1
    hit = data["results"][0]
    assert hit["type"] == "poi"
    assert hit["id"] == castle.pk
    assert hit["title"] == "Hundisburg Castle"
    assert hit["url"].startswith("http://localhost/en/")


def test_search_filters_by_type_and_pages(client, museum, castle, walk):
    data = client.get("/api/v1/search", {"q": "Museum", "type": "route"}).json()
    assert all(hit["type"] == "route" for hit in data["results"])
    data = client.get("/api/v1/search", {"q": "Haldensleben", "limit": 1}).json()
    if data["count"] > 1:
        assert "page=2" in data["next"]


def test_search_needs_q(client):
    response = client.get("/api/v1/search")
    assert response.status_code == 400
    assert response.json()["detail"] == "q: Field required"


def test_search_refuses_pages_beyond_the_result_window(client):
    response = client.get("/api/v1/search", {"q": "x", "limit": 100, "page": 101})
    assert response.status_code == 400
    assert response.json()["detail"] == "page × limit must not exceed 10000."


def test_a_non_ascii_query_is_answered(client, museum):
    assert client.get("/api/v1/search", {"q": "Übersicht"}).status_code == 200
