"""Contract of /api/v1/categories and /api/v1/search."""

import pytest

from tests.factories.tourism import PointOfInterestPageFactory

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


def test_search_says_when_its_count_is_a_lower_bound(client, poi_index, settings):
    settings.SEARCH_DATABASE_CANDIDATES = 4
    for number in range(9):
        PointOfInterestPageFactory(parent=poi_index, title=f"Vielort {number}")
    data = client.get("/api/v1/search", {"q": "Vielort", "limit": 3}).json()
    assert data["count_is_lower_bound"] is True
    assert 4 <= data["count"] < 9
    PointOfInterestPageFactory(parent=poi_index, title="Einzelstück")
    exact = client.get("/api/v1/search", {"q": "Einzelstück"}).json()
    assert (exact["count"], exact["count_is_lower_bound"]) == (1, False)
