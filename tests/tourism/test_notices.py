"""Notices and closures: shown where they apply while valid, gone by themselves afterwards."""

import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cms import page_cache
from tests.factories.tourism import (
    ALWAYS_OPEN,
    NoticeFactory,
    PointOfInterestPageFactory,
    RoutePageFactory,
)
from tourism import notices
from tourism.models import PointOfInterestPage
from tourism.open_now import open_at

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def open_place(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index, title="Stadtpark", slug="stadtpark", opening_hours=ALWAYS_OPEN
    )


@pytest.fixture
def walk(route_index, poi_index):
    stops = [
        PointOfInterestPageFactory(parent=poi_index, title=title, slug=title.lower())
        for title in ("Rathaus", "Roland", "Kirche", "Mühle")
    ]
    route = RoutePageFactory(parent=route_index, title="Altstadtrundgang", stops=stops)
    return route, stops


def test_a_current_notice_shows_on_the_place_with_its_kind_as_text(client, open_place):
    NoticeFactory(title="Brücke gesperrt", text="Umleitung über den Markt.", places=[open_place])
    page = html(client, open_place.url)
    assert "Brücke gesperrt" in page
    assert "Umleitung über den Markt." in page
    assert 'class="site-notices"' in page
    # Not colour alone: the kind is written out beside the icon.
    assert "Sperrung:" in page


def test_each_kind_of_notice_has_a_drawn_icon_and_no_emoji(client, open_place):
    from django.contrib.staticfiles import finders

    from tourism.models.notices import KIND_CHOICES, Notice

    stylesheet = Path(finders.find("css/site.css")).read_text()
    for kind, _label in KIND_CHOICES:
        icon = Notice(kind=kind).icon
        assert f".notice-icon-{icon} {{ --icon: url(" in stylesheet, kind
    NoticeFactory(title="Brücke gesperrt", places=[open_place])
    page = html(client, open_place.url)
    assert '<span class="notice-icon notice-icon-closure" aria-hidden="true"></span>' in page
    assert not {"⛔", "☂", "⚠"} & set(page)


def test_upcoming_and_ended_notices_are_not_shown(client, open_place):
    now = timezone.now()
    NoticeFactory(title="Kommt noch", places=[open_place], valid_from=now + timedelta(days=1))
    NoticeFactory(
        title="Schon vorbei",
        places=[open_place],
        valid_from=now - timedelta(days=3),
        valid_until=now - timedelta(minutes=1),
    )
    page = html(client, open_place.url)
    assert "Kommt noch" not in page
    assert "Schon vorbei" not in page


def test_a_notice_counts_from_its_start_until_just_before_its_end(open_place):
    notice = NoticeFactory(places=[open_place])
    assert notices.current_notices_for(open_place, notice.valid_from) == [notice]
    assert notices.current_notices_for(open_place, notice.valid_until) == []
    assert notices.current_notices_for(open_place, notice.valid_from - timedelta(seconds=1)) == []


def test_a_closure_means_the_place_is_not_open_now(client, open_place, poi_index):
    assert open_place.is_open_at()
    NoticeFactory(kind="closure", places=[open_place])
    place = PointOfInterestPage.objects.get(pk=open_place.pk)
    assert not place.is_open_at()
    assert not place.opening_status().is_open
    assert not open_at(PointOfInterestPage.objects.filter(pk=place.pk)).exists()
    listing = html(client, poi_index.url + "?open=now")
    assert "Stadtpark" not in listing


def test_a_restriction_leaves_the_place_open(open_place):
    NoticeFactory(kind="restriction", places=[open_place])
    assert PointOfInterestPage.objects.get(pk=open_place.pk).is_open_at()


def test_the_opening_status_endpoint_says_closed_during_a_closure(client, open_place):
    NoticeFactory(kind="closure", places=[open_place])
    status = client.get("/tourism/points-of-interest/status.json", {"ids": open_place.pk}).json()
    assert status[str(open_place.pk)]["open"] is False


def test_a_closed_stretch_of_a_route_is_marked_on_its_stops(client, walk):
    route, (town_hall, roland, church, mill) = walk
    NoticeFactory(title="Baustelle Marktplatz", routes=[(route, roland, church)])
    page = html(client, route.url)
    assert "Baustelle Marktplatz" in page
    assert "zwischen Roland und Kirche" in page
    stops = page[page.index('id="h-stops"') :]
    assert stops.count("Abschnitt gesperrt") == 2
    mill_item = stops[stops.index("Mühle") :]
    assert "Abschnitt gesperrt" not in mill_item


def test_a_notice_for_the_whole_route_names_no_stretch(client, walk):
    route, _stops = walk
    NoticeFactory(title="Hochwasser", kind="weather", routes=[route])
    page = html(client, route.url)
    assert "Hochwasser" in page
    assert "Abschnitt gesperrt" not in page


def test_a_town_wide_notice_shows_on_every_page(client, home_page, open_place, walk):
    NoticeFactory(title="Sturmwarnung", kind="weather", whole_town=True)
    route, _stops = walk
    for url in (home_page.url, open_place.url, route.url, "/de/suche/"):
        page = html(client, url)
        assert "Sturmwarnung" in page, url
        assert 'aria-label="Hinweise für die ganze Stadt"' in page, url


def test_the_footer_links_the_notices_overview(client, home_page):
    assert 'href="/de/hinweise/"' in html(client, home_page.url)


def test_the_overview_lists_current_and_upcoming_notices(client, home_page, open_place, walk):
    route, (_town_hall, roland, church, _mill) = walk
    NoticeFactory(title="Park zu", places=[open_place], routes=[(route, roland, church)])
    NoticeFactory(title="Später", valid_from=timezone.now() + timedelta(days=3))
    page = html(client, "/de/hinweise/")
    assert "Park zu" in page
    assert "Später" in page
    assert page.index("Park zu") < page.index("Später")
    assert f'href="{open_place.url}"' in page
    assert f'href="{route.url}"' in page
    assert "zwischen Roland und Kirche" in page
    assert 'type="application/atom+xml"' in page


def test_the_overview_never_links_a_page_visitors_cannot_see(client, home_page, open_place):
    open_place.unpublish()
    NoticeFactory(title="Geheim", places=[open_place])
    page = html(client, "/de/hinweise/")
    assert "Geheim" in page
    assert open_place.url_path not in page
    assert "Stadtpark" not in page


def test_the_overview_has_its_own_slug_in_each_language(client, home_page):
    NoticeFactory(title="Sperrung", title_en="Closure notice", whole_town=True)
    page = html(client, "/en/notices/")
    assert "Closure notice" in page
    assert client.get("/en/hinweise/").status_code == 302


def test_the_feed_lists_current_notices(client, home_page):
    NoticeFactory(title="Brücke gesperrt", title_en="Bridge closed")
    NoticeFactory(title="Später", valid_from=timezone.now() + timedelta(days=3))
    response = client.get("/en/notices/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Bridge closed" in body
    assert "Später" not in body


def test_a_listing_shows_badges_without_a_query_per_place(client, poi_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    places = [
        PointOfInterestPageFactory(parent=poi_index, title=f"Ort {n}", slug=f"ort-{n}")
        for n in range(6)
    ]
    NoticeFactory(title="Eine Sperrung", places=places[:1])
    html(client, poi_index.url)  # fill the shared fragments
    with CaptureQueriesContext(connection) as one:
        page = html(client, poi_index.url)
    assert page.count("notice-badge-warning") == 1
    for place in places[1:]:
        NoticeFactory(title=f"Sperrung {place.title}", places=[place])
    html(client, poi_index.url)
    with CaptureQueriesContext(connection) as six:
        page = html(client, poi_index.url)
    assert page.count("notice-badge-warning") == 6
    assert len(six) == len(one)


def test_notices_cost_three_queries_then_none(open_place, walk):
    route, _stops = walk
    NoticeFactory(places=[open_place], routes=[route])
    with CaptureQueriesContext(connection) as first:
        notices.notices_now()
    with CaptureQueriesContext(connection) as second:
        notices.notices_now()
    assert len(first) == 3
    assert len(second) == 0


def test_a_stored_page_expires_when_the_next_notice_starts_or_ends(open_place):
    now = timezone.now()
    ending = NoticeFactory(places=[open_place], valid_until=now + timedelta(minutes=5))
    NoticeFactory(valid_from=now + timedelta(minutes=2), whole_town=True)
    with page_cache.collecting() as dependencies:
        notices.current_notices_for(open_place)
    assert dependencies.expires_at == pytest.approx((now + timedelta(minutes=2)).timestamp())
    with page_cache.collecting() as dependencies:
        notices.current_notices_for(open_place, now + timedelta(minutes=3))
    assert dependencies.expires_at == pytest.approx(ending.valid_until.timestamp())


def test_an_ended_notice_disappears_from_a_stored_page(client, open_place, monkeypatch):
    notice = NoticeFactory(title="Kurz gesperrt", places=[open_place])
    assert "Kurz gesperrt" in html(client, open_place.url)
    later = notice.valid_until + timedelta(seconds=1)
    monkeypatch.setattr(page_cache.time, "time", lambda: later.timestamp())
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Kurz gesperrt" not in html(client, open_place.url)


def test_saving_or_deleting_a_notice_drops_stored_pages(client, open_place):
    assert "Neu gesperrt" not in html(client, open_place.url)
    notice = NoticeFactory(title="Neu gesperrt", places=[open_place])
    assert "Neu gesperrt" in html(client, open_place.url)
    notice.title = "Anders gesperrt"
    notice.save()
    assert "Anders gesperrt" in html(client, open_place.url)
    notice.delete()
    assert "Anders gesperrt" not in html(client, open_place.url)


def test_titles_follow_the_language_with_german_as_fallback(open_place):
    notice = NoticeFactory(title="Gesperrt", title_en="Closed", places=[open_place])
    with translation.override("pl"):
        assert notices.current_notices_for(open_place)[0].title == "Closed"
    with translation.override("en"):
        assert str(notice) == "Closed"


def test_the_map_data_carries_the_notices_of_each_place(client, open_place, poi_index):
    NoticeFactory(title="Park gesperrt", places=[open_place])
    call_command("export_places_geojson", stdout=StringIO())  # the job
    response = client.get("/tourism/points-of-interest.geojson")
    data = json.loads(b"".join(response.streaming_content))
    properties = {f["properties"]["name"]: f["properties"] for f in data["features"]}
    assert [n["title"] for n in properties["Stadtpark"]["notices"]] == ["Park gesperrt"]


def test_search_results_carry_the_badges_of_their_places(client, open_place):
    NoticeFactory(title="Parkplatz gesperrt", places=[open_place])
    page = html(client, "/de/suche/?q=Stadtpark")
    result = page[page.index('class="search-result"') :]
    assert 'class="notice-badge' in result and "Parkplatz gesperrt" in result
