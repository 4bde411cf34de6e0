"""Contract of /api/v1/events: upcoming events, venues, GeoJSON and iCalendar."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.pages import EventPageFactory
from tests.tourism.plans import plan_with_region_statistics

pytestmark = pytest.mark.django_db

URL = "/api/v1/events"


def test_upcoming_events_soonest_first(client, concert, market, event_index):
    past = timezone.now() - timedelta(days=3)
    EventPageFactory(parent=event_index, start=past, end=past + timedelta(hours=1))
    data = client.get(URL, {"lang": "en"}).json()
    assert [item["id"] for item in data["results"]] == [concert.pk, market.pk]
    item = data["results"][0]
    assert item["title"] == "Organ concert"
    assert item["url"] == "http://localhost/en/events/organ-concert/" or item["url"].startswith(
        "http://localhost/en/"
    )
    assert item["category"] == {"slug": "konzert", "name": "Concert"}
    assert item["venue"]["title"] == "Haldensleben Museum"
    assert item["venue"]["location"] == {"lat": 52.2897, "lon": 11.4086}
    assert data["results"][1]["venue"] is None
    assert data["results"][1]["place_name"] == "Marktplatz"


def test_filter_by_event_category(client, concert, market):
    data = client.get(URL, {"category": "konzert"}).json()
    assert [item["id"] for item in data["results"]] == [concert.pk]
    response = client.get(URL, {"category": "museum"})
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Unknown event category “museum”; /api/v1/categories lists them."
    )


def test_near_and_bbox_keep_events_at_a_venue_in_the_area(client, concert, market):
    data = client.get(URL, {"near": "52.29,11.41", "radius": 1000}).json()
    assert [item["id"] for item in data["results"]] == [concert.pk]
    assert client.get(URL, {"bbox": "11.40,52.28,11.42,52.30"}).json()["count"] == 1


def test_geojson_has_points_for_events_with_a_venue_only(client, concert, market):
    data = client.get(URL, {"format": "geojson"}).json()
    assert data["count"] == 2
    (feature,) = data["features"]
    assert feature["id"] == concert.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [11.4086, 52.2897]}


def test_ics_list_and_detail(client, concert, market):
    response = client.get(URL, {"format": "ics"})
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and body.count("BEGIN:VEVENT") == 2
    detail = client.get(f"{URL}/{concert.pk}", {"format": "ics"}).content.decode()
    assert detail.count("BEGIN:VEVENT") == 1 and "SUMMARY:Orgelkonzert" in detail


def test_detail_json_and_jsonld(client, concert):
    data = client.get(f"{URL}/{concert.pk}", {"lang": "en"}).json()
    assert data["title"] == "Organ concert"
    assert data["ics_url"].endswith(f"/api/v1/events/{concert.pk}?format=ics&lang=en")
    jsonld = client.get(f"{URL}/{concert.pk}", {"format": "jsonld"}).json()
    assert jsonld["@type"] == "Event"
    assert jsonld["location"]["name"] == "Museum Haldensleben"


def test_past_events_stay_reachable_by_id_but_drafts_do_not(client, event_index):
    past = timezone.now() - timedelta(days=3)
    old = EventPageFactory(parent=event_index, start=past, end=past + timedelta(hours=1))
    draft = EventPageFactory(parent=event_index, live=False)
    assert client.get(f"{URL}/{old.pk}").status_code == 200
    assert client.get(f"{URL}/{draft.pk}").status_code == 404


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_the_list_skips_ended_events_from_the_index_alone(client, concert, market, event_index):
    # The list walks the events in order of start from a bound every event meets, past
    # the region's events of the last weeks that have ended (1 600 of 20 000): SQLite read
    # each one's row to see that it had ended.
    past = timezone.now() - timedelta(days=3)
    EventPageFactory(parent=event_index, start=past, end=past + timedelta(hours=1))
    with CaptureQueriesContext(connection) as queries:
        data = client.get(URL, {"limit": 10}).json()
    assert [item["id"] for item in data["results"]] == [concert.pk, market.pk]
    (listed,) = [  # the page's ids, in order
        query["sql"]
        for query in queries
        if query["sql"].startswith('SELECT "pages_eventpage"."page_ptr_id" AS "pk" FROM')
        and "LIMIT" in query["sql"]
    ]
    plan = plan_with_region_statistics(listed)
    assert plan[0].startswith("SEARCH pages_eventpage USING COVERING INDEX event_upcoming_idx"), (
        plan
    )
    assert not any(step.startswith("USE TEMP B-TREE FOR ORDER BY") for step in plan), plan
