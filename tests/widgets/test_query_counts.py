"""A widget costs the same number of SQL queries for 2 items as for 20."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.media import make_image
from tests.factories.pages import EventPageFactory
from tests.factories.tourism import PointOfInterestPageFactory, RoutePageFactory, add_picture

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def queries_for(client, url):
    client.get(url)  # the first view makes image renditions and fills per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def add_places(poi_index, museums, number):
    places = []
    for _ in range(number):
        place = PointOfInterestPageFactory(parent=poi_index, categories=[museums])
        places.append(add_picture(place))
    return places


def add_events(event_index, concerts, number):
    start = timezone.now() + timedelta(days=2)
    for _ in range(number):
        EventPageFactory(
            parent=event_index, start=start, category=concerts, image=make_image("Konzert")
        )


@pytest.fixture
def urls(museum, walk, concerts, event_index):
    return [
        "/widgets/pois/?count=24",
        "/widgets/pois/?count=24&category=museums",
        "/widgets/pois/?count=24&near=52.2897,11.4086&radius=50000",
        f"/widgets/pois/?count=24&route={walk.pk}",
        "/widgets/events/?count=24",
        "/widgets/events/?count=24&category=concerts",
    ]


def test_lists_cost_the_same_for_few_and_many_items(
    client, urls, poi_index, museums, event_index, concerts, route_index
):
    add_places(poi_index, museums, 1)
    add_events(event_index, concerts, 2)
    few = {url: queries_for(client, url) for url in urls}
    add_places(poi_index, museums, 18)
    add_events(event_index, concerts, 18)
    many = {url: queries_for(client, url) for url in urls}
    assert many == few
    assert max(many.values()) <= MAX_QUERIES, many


def test_hand_picked_places_cost_the_same_for_few_and_many(client, poi_index, museums):
    places = add_places(poi_index, museums, 20)
    few = queries_for(client, f"/widgets/pois/?ids={places[0].pk},{places[1].pk}")
    many = queries_for(client, "/widgets/pois/?ids=" + ",".join(str(p.pk) for p in places))
    assert many == few <= MAX_QUERIES


def test_route_card_costs_the_same_for_few_and_many_stops(client, route_index, poi_index, museums):
    places = add_places(poi_index, museums, 20)
    short = RoutePageFactory(parent=route_index, stops=places[:2])
    long = RoutePageFactory(parent=route_index, stops=places)
    few = queries_for(client, f"/widgets/route/?id={short.pk}")
    assert queries_for(client, f"/widgets/route/?id={long.pk}") == few <= MAX_QUERIES


def test_point_of_interest_card_query_budget(client, museum):
    assert queries_for(client, f"/widgets/poi/?id={museum.pk}") <= MAX_QUERIES
