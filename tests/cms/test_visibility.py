"""One rule for what anonymous visitors may see, on every page that shows another page.

Points of interest behind a password, behind a login, past their expiry date and below a
restricted section are stops of a public route and venues of public events. None of their
titles, coordinates, addresses, URLs or stop notes may reach an anonymous visitor, on any
surface; the public museum on the same route still appears everywhere.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms import page_cache, visibility
from tests.factories.pages import EventPageFactory
from tests.factories.tourism import (
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RoutePageFactory,
)

pytestmark = pytest.mark.django_db

# Each hidden place: (title, slug, latitude, longitude, street); all distinctive strings.
HIDDEN = {
    "password": ("Geheimdepot", "geheimdepot", "52.291111", "11.409111", "Tresorweg 1"),
    "login": ("Verwaltungsbunker", "verwaltungsbunker", "52.292222", "11.409222", "Amtsgang 2"),
    "expired": ("Abgelaufene Schau", "abgelaufene-schau", "52.293333", "11.409333", "Altweg 3"),
    "below": ("Archivkeller", "archivkeller", "52.294444", "11.409444", "Kellerweg 4"),
}
STOP_NOTE = "Klingeln beim Hausmeister"


def leaked_strings():
    for title, slug, lat, lon, street in HIDDEN.values():
        yield from (title, slug, lat[:7], lon[:7], street)
    yield STOP_NOTE
    yield "Geheimsammlung"  # the category only hidden places have


@pytest.fixture
def scene(home_page, poi_index, route_index, event_index, museum):
    secret_category = PointOfInterestCategoryFactory(
        name="Geheimsammlung", name_en="Secret collection", slug="geheimsammlung"
    )
    restricted_section = PointOfInterestIndexPageFactory(
        parent=home_page, title="Intern", slug="intern"
    )
    places = {}
    for case, (title, slug, lat, lon, street) in HIDDEN.items():
        places[case] = PointOfInterestPageFactory(
            parent=restricted_section if case == "below" else poi_index,
            title=title,
            title_en=title,
            slug=slug,
            slug_en=slug,
            teaser=f"{title} im Zentrum",
            latitude=lat,
            longitude=lon,
            street=street,
            categories=[secret_category],
            featured=True,
            expire_at=timezone.now() - timedelta(days=1) if case == "expired" else None,
        )
    museum.featured = True
    museum.save()
    PageViewRestriction.objects.create(
        page=places["password"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    PageViewRestriction.objects.create(
        page=places["login"], restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=restricted_section, restriction_type=PageViewRestriction.LOGIN
    )
    route = RoutePageFactory(
        parent=route_index,
        title="Stadtrundgang",
        slug="stadtrundgang",
        featured=True,
        stops=[(museum, "Am Eingang")] + [(place, STOP_NOTE) for place in places.values()],
    )
    events = [
        EventPageFactory(parent=event_index, title=f"Stadtfest {case}", venue=place)
        for case, place in places.items()
    ]
    return {"route": route, "events": events, "places": places, "museum": museum}


def assert_nothing_hidden(response, *, shows=()):
    assert response.status_code == 200, response.request["PATH_INFO"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    body = body.decode()
    for text in leaked_strings():
        assert text not in body, (response.request["PATH_INFO"], text)
    for text in shows:
        assert text in body, (response.request["PATH_INFO"], text)


def hidden_pks(scene):
    return [place.pk for place in scene["places"].values()]


# --- the rule itself -----------------------------------------------------------------


def test_only_live_unexpired_unrestricted_pages_in_a_site_are_public(scene):
    public = visibility.public_pages(Page.objects.all())
    assert scene["museum"].pk in public.values_list("pk", flat=True)
    for pk in hidden_pks(scene):
        assert not public.filter(pk=pk).exists()
        assert not visibility.is_public(Page.objects.get(pk=pk))
    assert visibility.is_public(scene["museum"])


def test_a_page_outside_every_site_is_not_public(scene):
    orphan = PointOfInterestPageFactory(parent=Page.get_first_root_node(), title="Verwaist")
    assert not visibility.is_public(orphan)
    assert not visibility.public_pages(Page.objects.filter(pk=orphan.pk)).exists()


def test_a_new_restriction_applies_at_once(scene):
    museum = scene["museum"]
    assert visibility.is_public(museum)
    PageViewRestriction.objects.create(page=museum, restriction_type=PageViewRestriction.LOGIN)
    assert not visibility.is_public(museum)
    PageViewRestriction.objects.filter(page=museum).delete()
    assert visibility.is_public(museum)


def test_the_rule_costs_one_query_per_request_at_most(scene):
    places = list(Page.objects.filter(pk__in=[scene["museum"].pk, *hidden_pks(scene)]))
    visibility.forget()
    with CaptureQueriesContext(connection) as first:
        [visibility.is_public(place) for place in places]
    with CaptureQueriesContext(connection) as again:
        [visibility.is_public(place) for place in places]
        list(visibility.public_pages(Page.objects.all()))
    assert len(first) == 1
    assert len(again) == 1  # the list itself; the sections come from the cache


# --- pages -------------------------------------------------------------------------


def test_route_page_leaves_hidden_stops_out(client, scene):
    assert_nothing_hidden(client.get(scene["route"].url), shows=["Museum Haldensleben"])


def test_event_pages_do_not_name_a_hidden_venue(client, scene):
    for event in scene["events"]:
        assert_nothing_hidden(client.get(event.url), shows=[event.title])
        assert_nothing_hidden(client.get(event.url + "ical/"), shows=[event.title])


def test_calendar_and_its_feed_do_not_name_hidden_venues(client, scene, event_index):
    assert_nothing_hidden(client.get(event_index.url), shows=["Stadtfest password"])
    assert_nothing_hidden(client.get(event_index.url + "ical/"), shows=["Stadtfest password"])


def test_home_teasers_list_and_categories_show_only_public_places(client, scene, poi_index):
    assert_nothing_hidden(client.get("/de/"), shows=["Museum Haldensleben", "Stadtrundgang"])
    assert_nothing_hidden(client.get(poi_index.url), shows=["Museum Haldensleben"])


def test_nearby_places_leave_hidden_ones_out(client, scene, castle):
    # The hidden places are all within a few hundred metres of the museum.
    assert_nothing_hidden(client.get(scene["museum"].url), shows=["Stadtrundgang"])


def test_hidden_pages_themselves_are_not_served(client, scene):
    for place in scene["places"].values():
        response = client.get(place.url)
        assert response.status_code in {302, 401, 404} or "password" in response.content.decode()
        assert STOP_NOTE not in response.content.decode()


def test_sitemap_lists_no_hidden_page(client, scene):
    assert_nothing_hidden(client.get("/sitemap-pages.xml"), shows=["museum"])


# --- downloads, API, widgets -----------------------------------------------------------


def test_tourism_downloads_leave_hidden_stops_out(client, scene):
    route = scene["route"]
    assert_nothing_hidden(client.get(f"/tourism/routes/{route.pk}.gpx"), shows=["Museum"])
    assert_nothing_hidden(client.get(f"/tourism/routes/{route.pk}.geojson"), shows=["Museum"])
    call_command("export_places_geojson", stdout=StringIO())  # the job writes it
    assert_nothing_hidden(client.get("/tourism/points-of-interest.geojson"), shows=["Museum"])


@pytest.mark.parametrize("format_", ["json", "geojson", "gpx", "jsonld"])
def test_api_route_in_every_format_leaves_hidden_stops_out(client, scene, format_):
    route = scene["route"]
    response = client.get(f"/api/v1/routes/{route.pk}", {"format": format_})
    assert_nothing_hidden(response, shows=["Museum Haldensleben"])


@pytest.mark.parametrize("format_", ["json", "geojson"])
def test_api_route_list_leaves_hidden_stops_out(client, scene, format_):
    assert_nothing_hidden(client.get("/api/v1/routes", {"format": format_}), shows=["Stadtrund"])


@pytest.mark.parametrize("format_", ["json", "geojson"])
def test_api_places_leave_hidden_ones_out(client, scene, format_):
    route = scene["route"]
    for params in ({}, {"route": route.pk}, {"near": "52.29,11.409", "radius": "5000"}):
        response = client.get("/api/v1/points-of-interest", {"format": format_, **params})
        assert_nothing_hidden(response, shows=["Museum Haldensleben"])
    for pk in hidden_pks(scene):
        assert client.get(f"/api/v1/points-of-interest/{pk}").status_code == 404


@pytest.mark.parametrize("format_", ["json", "geojson", "ics"])
def test_api_events_do_not_name_hidden_venues(client, scene, format_):
    response = client.get("/api/v1/events", {"format": format_})
    # GeoJSON features need a position: events without a visible venue have none.
    assert_nothing_hidden(response, shows=[] if format_ == "geojson" else ["Stadtfest password"])
    near = client.get("/api/v1/events", {"format": format_, "near": "52.29,11.409"})
    assert_nothing_hidden(near)
    assert "Stadtfest" not in near.content.decode()


@pytest.mark.parametrize("format_", ["json", "geojson", "ics", "jsonld"])
def test_api_event_in_every_format_does_not_name_its_hidden_venue(client, scene, format_):
    for event in scene["events"]:
        response = client.get(f"/api/v1/events/{event.pk}", {"format": format_})
        # Without a visible venue the event has no position, so no GeoJSON feature.
        assert_nothing_hidden(response, shows=[] if format_ == "geojson" else [event.title])


def test_api_search_finds_no_hidden_place(client, scene):
    for title, *_rest in HIDDEN.values():
        assert_nothing_hidden(client.get("/api/v1/search", {"q": title}))


def test_widgets_leave_hidden_places_out(client, scene):
    route = scene["route"]
    for url, params in [
        ("/widgets/route/", {"id": route.pk}),
        ("/widgets/pois/", {}),
        ("/widgets/pois/", {"route": route.pk}),
        ("/widgets/pois/", {"near": "52.29,11.409"}),
        ("/widgets/events/", {}),
    ]:
        assert_nothing_hidden(client.get(url, params))
    for pk in hidden_pks(scene):
        response = client.get("/widgets/poi/", {"id": pk})
        assert response.status_code == 404
        assert_nothing_hidden_in_text(response.content.decode())


def assert_nothing_hidden_in_text(body):
    for text in leaked_strings():
        assert text not in body, text


# --- search --------------------------------------------------------------------------


def test_search_results_counts_and_facets_leave_hidden_places_out(client, scene):
    for title, slug, *_rest in HIDDEN.values():
        # The page repeats the query, so the title itself is no evidence; its link would be.
        response = client.get("/de/suche/", {"q": title})
        assert response.status_code == 200
        assert slug not in response.content.decode()
    # Every hidden place's teaser says "im Zentrum"; the museum's does not.
    assert_nothing_hidden(client.get("/de/suche/", {"q": "Zentrum"}))
    assert_nothing_hidden(client.get("/de/suche/", {"q": "Museum"}), shows=["Museum Haldensleben"])


def test_suggestions_offer_no_hidden_title(client, scene):
    for prefix in ("Geheim", "Verwaltung", "Abgelaufen", "Archiv"):
        response = client.get("/de/search/suggest/", {"q": prefix})
        assert response.json()["suggestions"] == []


# --- the anonymous page cache ---------------------------------------------------------


def test_a_restricted_page_is_never_stored(client, scene, settings):
    settings.PAGE_CACHE_SECONDS = 300
    place = scene["places"]["password"]
    client.get(place.url)
    second = client.get(place.url)
    assert "Age" not in second


def test_a_new_restriction_drops_cached_pages_that_showed_the_place(client, scene, settings):
    settings.PAGE_CACHE_SECONDS = 300
    route = scene["route"]
    client.get(route.url)
    assert "Age" in client.get(route.url)
    version_before = page_cache.cache.get(page_cache._tag_key(page_cache.EVERYTHING))
    PageViewRestriction.objects.create(
        page=scene["museum"], restriction_type=PageViewRestriction.PASSWORD, password="y"
    )
    assert page_cache.cache.get(page_cache._tag_key(page_cache.EVERYTHING)) != version_before
    response = client.get(route.url)
    assert "Age" not in response
    assert "Museum Haldensleben" not in response.content.decode()


def test_anonymous_requests_keep_the_sections_until_anything_changes(client, scene, settings):
    settings.PAGE_CACHE_SECONDS = 300
    route = scene["route"]
    assert "Museum Haldensleben" in client.get(route.url).content.decode()
    visibility.cache.delete(visibility.CACHE_KEY)  # only the process's copy is left
    with CaptureQueriesContext(connection) as queries:
        page = client.get(route.url, {"fresh": "1"}).content.decode()
    assert "Museum Haldensleben" in page
    assert not [q for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]
    PageViewRestriction.objects.create(
        page=scene["museum"], restriction_type=PageViewRestriction.LOGIN
    )
    page = client.get(route.url, {"fresh": "2"}).content.decode()
    assert "Museum Haldensleben" not in page


def test_sections_read_before_a_restriction_commits_are_dropped_when_it_does(
    client, scene, settings, django_capture_on_commit_callbacks
):
    """A request between the editor's save and commit reads the old sections and stores
    them; the commit must drop them from the cache and from every process."""
    from django.db import transaction

    settings.PAGE_CACHE_SECONDS = 300
    route = scene["route"]
    # The fixtures' changes share the test's transaction, which never commits: the
    # transaction below (a savepoint) gets its own commit hook, as a real one would.
    page_cache._pending.__dict__.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        PageViewRestriction.objects.create(
            page=scene["museum"], restriction_type=PageViewRestriction.LOGIN
        )
        # What a request reading the rows before the commit would store and keep.
        restricted, roots = visibility._load_sections()
        stale = (tuple(path for path in restricted if path != scene["museum"].path), roots)
        visibility.cache.set(visibility.CACHE_KEY, stale)
        assert "Museum Haldensleben" in client.get(route.url).content.decode()
    assert "Museum Haldensleben" not in client.get(route.url).content.decode()
