"""The open API says which translations of a place, route or event are outdated."""

import pytest


def outdate_english_title(page):
    page.title_de = f"{page.title_de} (neu)"
    page.save_revision().publish()


@pytest.mark.django_db
def test_fresh_point_of_interest_says_so(client, museum):
    data = client.get(f"/api/v1/points-of-interest/{museum.pk}?lang=en").json()
    assert data["translation"]["en"] == {"outdated": False, "fields": []}
    assert set(data["translation"]) == {"en", "pl"}


@pytest.mark.django_db
def test_point_of_interest_lists_its_outdated_fields(client, museum):
    outdate_english_title(museum)
    data = client.get(f"/api/v1/points-of-interest/{museum.pk}?lang=en").json()
    assert data["translation"]["en"] == {"outdated": True, "fields": ["title"]}


@pytest.mark.django_db
def test_route_and_event_details_carry_the_state(client, walk, concert):
    outdate_english_title(walk)
    outdate_english_title(concert)
    route = client.get(f"/api/v1/routes/{walk.pk}").json()
    event = client.get(f"/api/v1/events/{concert.pk}").json()
    assert route["translation"]["en"]["fields"] == ["title"]
    assert event["translation"]["en"]["fields"] == ["title"]


@pytest.mark.django_db
def test_translation_state_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "TranslationFreshness" in schema["components"]["schemas"]


@pytest.mark.django_db
def test_lists_carry_the_state_of_each_item(client, museum, walk, concert):
    outdate_english_title(museum)
    outdate_english_title(walk)
    places = client.get("/api/v1/points-of-interest?lang=en").json()["results"]
    routes = client.get("/api/v1/routes").json()["results"]
    events = client.get("/api/v1/events").json()["results"]
    outdated = {place["id"] for place in places if place["translation"]["en"]["outdated"]}
    assert outdated == {museum.pk}
    assert routes[0]["translation"]["en"] == {"outdated": True, "fields": ["title"]}
    assert events[0]["translation"]["pl"] == {"outdated": False, "fields": []}
