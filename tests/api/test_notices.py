"""/api/v1/notices and the `notices` of places and routes."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories.tourism import ALWAYS_OPEN, NoticeFactory, PointOfInterestPageFactory

pytestmark = pytest.mark.django_db


def test_the_endpoint_lists_notices_that_hold_now(client, museum, castle, walk):
    NoticeFactory(
        title="Museum geschlossen",
        title_en="Museum closed",
        places=[museum],
        routes=[(walk, castle, museum)],
    )
    NoticeFactory(title="Später", valid_from=timezone.now() + timedelta(days=2))
    NoticeFactory(
        title="Vorbei",
        valid_from=timezone.now() - timedelta(days=2),
        valid_until=timezone.now() - timedelta(seconds=1),
    )
    body = client.get("/api/v1/notices", {"lang": "en"}).json()
    assert body["count"] == 1
    notice = body["results"][0]
    assert notice["title"] == "Museum closed"
    assert notice["kind"] == "closure"
    assert [place["id"] for place in notice["points_of_interest"]] == [museum.pk]
    route = notice["routes"][0]
    assert route["id"] == walk.pk
    assert route["stretch_from"]["id"] == castle.pk
    assert route["stretch_to"]["id"] == museum.pk


def test_upcoming_notices_on_request(client, museum):
    NoticeFactory(title="Später", valid_from=timezone.now() + timedelta(days=2))
    titles = [n["title"] for n in client.get("/api/v1/notices?upcoming=true").json()["results"]]
    assert titles == ["Später"]


def test_unpublished_places_are_left_out(client, poi_index):
    hidden = PointOfInterestPageFactory(parent=poi_index, title="Versteckt", slug="versteckt")
    hidden.unpublish()
    NoticeFactory(title="Gesperrt", places=[hidden])
    body = client.get("/api/v1/notices").json()
    assert body["results"][0]["points_of_interest"] == []
    assert "Versteckt" not in str(body)


def test_geojson_gives_the_affected_places_as_points(client, museum):
    NoticeFactory(title="Museum geschlossen", places=[museum])
    NoticeFactory(title="Sturm", kind="weather", whole_town=True)
    response = client.get("/api/v1/notices?format=geojson")
    assert response["Content-Type"].startswith("application/geo+json")
    features = {f["properties"]["title"]: f for f in response.json()["features"]}
    assert features["Museum geschlossen"]["geometry"]["type"] == "MultiPoint"
    assert features["Sturm"]["geometry"] is None


def test_places_and_routes_carry_their_current_notices(client, museum, castle, walk):
    NoticeFactory(title="Museum geschlossen", places=[museum], routes=[(walk, castle, museum)])
    place = client.get(f"/api/v1/points-of-interest/{museum.pk}").json()
    assert [n["title"] for n in place["notices"]] == ["Museum geschlossen"]
    route = client.get(f"/api/v1/routes/{walk.pk}").json()
    assert route["notices"][0]["stretch_from"] == castle.pk
    others = client.get(f"/api/v1/points-of-interest/{castle.pk}").json()
    assert others["notices"] == []


def test_a_closure_makes_open_now_false(client, poi_index):
    park = PointOfInterestPageFactory(
        parent=poi_index, title="Park", slug="park", opening_hours=ALWAYS_OPEN
    )
    assert client.get(f"/api/v1/points-of-interest/{park.pk}").json()["open_now"] is True
    NoticeFactory(places=[park])
    assert client.get(f"/api/v1/points-of-interest/{park.pk}").json()["open_now"] is False


def test_a_new_notice_changes_last_modified(client, museum):
    first = client.get(f"/api/v1/points-of-interest/{museum.pk}")
    time.sleep(1.1)  # HTTP dates count whole seconds
    NoticeFactory(places=[museum])
    second = client.get(
        f"/api/v1/points-of-interest/{museum.pk}",
        headers={"If-Modified-Since": first["Last-Modified"]},
    )
    assert second.status_code == 200
    assert second.json()["notices"]
