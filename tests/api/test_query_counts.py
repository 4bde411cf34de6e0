"""A list costs the same number of SQL queries for 3 items as for 30."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.media import make_image
from tests.factories.pages import EventPageFactory
from tests.factories.tourism import PointOfInterestPageFactory, RoutePageFactory
from tourism.models import PointOfInterestGalleryImage

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/points-of-interest?limit=100",
    "/api/v1/points-of-interest?limit=100&format=geojson",
    "/api/v1/points-of-interest?limit=100&near=52.29,11.41&radius=50000&open_now=1",
    "/api/v1/routes?limit=100",
    "/api/v1/routes?limit=100&format=geojson&near=52.29,11.41",
    "/api/v1/events?limit=100",
    "/api/v1/events?limit=100&format=geojson",
    "/api/v1/events?limit=100&format=ics",
]


def queries_for(client, url):
    # The first request renders the images and fills per-process caches.
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def add_items(poi_index, route_index, event_index, count):
    picture = make_image()
    for _ in range(count):
        place = PointOfInterestPageFactory(parent=poi_index)
        place.gallery_images.add(PointOfInterestGalleryImage(image=picture))
        place.save_revision().publish()
        RoutePageFactory(parent=route_index, stops=[place], image=picture)
        EventPageFactory(
            parent=event_index,
            venue=place,
            image=picture,
            start=timezone.now() + timedelta(days=1),
        )


def test_lists_cost_the_same_for_3_and_30_items(client, poi_index, route_index, event_index):
    add_items(poi_index, route_index, event_index, 3)
    few = {url: queries_for(client, url) for url in LISTS}
    add_items(poi_index, route_index, event_index, 27)
    many = {url: queries_for(client, url) for url in LISTS}
    assert many == few


def test_a_route_with_30_stops_costs_no_more_than_with_3(client, poi_index, route_index):
    places = [PointOfInterestPageFactory(parent=poi_index) for _ in range(30)]
    short = RoutePageFactory(parent=route_index, stops=places[:3])
    long = RoutePageFactory(parent=route_index, stops=places)
    for format_ in ("json", "geojson", "gpx", "jsonld"):
        assert queries_for(client, f"/api/v1/routes/{long.pk}?format={format_}") == queries_for(
            client, f"/api/v1/routes/{short.pk}?format={format_}"
        ), format_
