"""List items are stored per language and site (api/stored.py) and answer as before.

A list item must be exactly what the per-page serializers give (the detail endpoints still
build every answer from the page), whether it was just built or read from the cache, and
must change as soon as anything it shows changes.
"""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import stored
from cms import page_cache
from tests.factories.tourism import (
    ALWAYS_OPEN,
    NoticeFactory,
    PointOfInterestPageFactory,
    RoutePageFactory,
)
from tourism.models import RoutePage

pytestmark = pytest.mark.django_db

PLACES = "/api/v1/points-of-interest"


def list_twice(client, url, params):
    """The list's answer when its items are built, and when they are read back."""
    built = client.get(url, params)
    read = client.get(url, params)
    assert built.status_code == read.status_code == 200
    assert built.content == read.content
    return read.json()


@pytest.mark.parametrize("lang", ["de", "en", "pl"])
def test_place_items_are_the_detail_answers_fields(client, museum, castle, poi_index, lang):
    PointOfInterestPageFactory(parent=poi_index, title="Park", opening_hours=ALWAYS_OPEN)
    NoticeFactory(title="Museum geschlossen", places=[museum])
    data = list_twice(client, PLACES, {"lang": lang, "near": "52.29,11.41", "radius": 20000})
    assert len(data["results"]) == 3
    for item in data["results"]:
        detail = client.get(f"{PLACES}/{item['id']}", {"lang": lang}).json()
        expected = {key: detail[key] for key in item} | {"distance_m": item["distance_m"]}
        assert item == expected
    by_title = {item["title"]: item for item in data["results"]}
    assert by_title["Park"]["open_now"] is True
    assert by_title["Park"]["distance_m"] > 0


def test_place_features_are_the_detail_features(client, museum, castle):
    NoticeFactory(title="Museum geschlossen", places=[museum])
    data = list_twice(client, PLACES, {"format": "geojson", "lang": "en"})
    for feature in data["features"]:
        detail = client.get(f"{PLACES}/{feature['id']}", {"format": "geojson", "lang": "en"})
        assert feature == detail.json()["features"][0]
    assert data["bbox"] == [11.4086, 52.2897, 11.46, 52.34]


def test_route_and_event_items_are_the_detail_answers_fields(client, walk, concert, market):
    for url in ("/api/v1/routes", "/api/v1/events"):
        data = list_twice(client, url, {"lang": "en"})
        assert data["results"]
        for item in data["results"]:
            detail = client.get(f"{url}/{item['id']}", {"lang": "en"}).json()
            assert item == {key: detail[key] for key in item}


def test_a_warm_list_reads_its_ids_and_nothing_else(client, museum, castle, walk, concert):
    # The routes' order (a few thousand at most) is kept like the counts.
    expected = {PLACES: 1, f"{PLACES}?format=geojson": 1, "/api/v1/routes": 0, "/api/v1/events": 1}
    for url, queries in expected.items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert len(captured.captured_queries) == queries, url


def test_a_route_due_to_expire_leaves_the_kept_order_then(client, walk, route_index):
    later = RoutePageFactory(parent=route_index, title="Bald vorbei")
    assert client.get("/api/v1/routes").json()["count"] == 2
    RoutePage.objects.filter(pk=later.pk).update(expire_at=timezone.now() + timedelta(seconds=1))
    page_cache.bump({page_cache.type_tag(RoutePage)})  # as publishing the schedule would
    assert client.get("/api/v1/routes").json()["count"] == 2
    time.sleep(1.1)
    assert client.get("/api/v1/routes").json()["count"] == 1


def test_an_edited_place_is_built_again_and_only_it(client, museum, castle, monkeypatch):
    client.get(PLACES)
    built = []
    build = stored._build_places
    monkeypatch.setattr(
        stored, "_build_places", lambda ids, request: built.extend(ids) or build(ids, request)
    )
    castle.title = "Schloss Hundisburg mit Park"
    castle.save_revision().publish()
    titles = [item["title"] for item in client.get(PLACES).json()["results"]]
    assert titles == ["Museum Haldensleben", "Schloss Hundisburg mit Park"]
    assert built == [castle.pk]


def test_what_an_item_shows_changes_it(client, museum, museums, poi_index):
    client.get(PLACES)
    museums.name = "Häuser der Geschichte"
    museums.save()
    image = museum.gallery_images.first().image
    image.credit = "Foto: Stadt Haldensleben"
    image.save()
    poi_index.slug = "orte"
    poi_index.save_revision().publish()
    item = client.get(PLACES).json()["results"][0]
    assert item["categories"][0]["name"] == "Häuser der Geschichte"
    assert item["image"]["credit"] == "Foto: Stadt Haldensleben"
    assert item["url"] == "http://localhost/de/orte/museum/"


def test_a_closure_notice_closes_a_stored_place(client, poi_index):
    park = PointOfInterestPageFactory(parent=poi_index, title="Park", opening_hours=ALWAYS_OPEN)
    assert client.get(PLACES).json()["results"][0]["open_now"] is True
    NoticeFactory(title="Sturmschäden", places=[park])
    item = client.get(PLACES).json()["results"][0]
    assert item["open_now"] is False
    assert [notice["title"] for notice in item["notices"]] == ["Sturmschäden"]


def test_the_count_is_kept_until_a_place_is_published(client, museum, poi_index):
    assert client.get(PLACES).json()["count"] == 1
    PointOfInterestPageFactory(parent=poi_index, title="Park")
    assert client.get(PLACES).json()["count"] == 2


def test_an_event_ending_leaves_the_list(client, concert, market):
    market.start = timezone.now() - timedelta(days=2)
    market.end = timezone.now() - timedelta(days=1)
    market.save_revision().publish()
    titles = [item["title"] for item in client.get("/api/v1/events").json()["results"]]
    assert titles == ["Orgelkonzert"]
