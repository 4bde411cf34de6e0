"""SQL queries per page stay constant in the number of items shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.pages import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.factories.tourism import (
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)

# Issue 11: every public page type renders with at most eight queries, however many items
# it lists (measured with the anonymous page cache off: this is the cost of a fresh render).
MAX_QUERIES_PER_PAGE = 8


@pytest.fixture(autouse=True)
def _render_afresh(settings):
    settings.PAGE_CACHE_SECONDS = 0


def queries_for(client, url):
    client.get(url)  # warm what is shared between requests (routes, menu, site root paths …)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_route_with_30_stops_costs_no_more_queries_than_with_3(client, home_page, poi_index):
    pois = [PointOfInterestPageFactory(parent=poi_index) for _ in range(30)]
    routes = RouteIndexPageFactory(parent=home_page)
    short = RoutePageFactory(parent=routes, stops=pois[:3])
    long = RoutePageFactory(parent=routes, stops=[(poi, "Hinweis") for poi in pois])
    short_count = queries_for(client, short.url)
    assert queries_for(client, long.url) == short_count
    assert short_count <= MAX_QUERIES_PER_PAGE


@pytest.mark.django_db
def test_listings_cost_the_same_for_3_and_30_items(client, home_page, poi_index):
    news_index = NewsIndexPageFactory(parent=home_page)
    event_index = EventIndexPageFactory(parent=home_page)
    routes = RouteIndexPageFactory(parent=home_page)
    for _ in range(3):
        PointOfInterestPageFactory(parent=poi_index, featured=True)
        NewsPageFactory(parent=news_index)
        EventPageFactory(parent=event_index)
        RoutePageFactory(parent=routes, featured=True)
    urls = [home_page.url, poi_index.url, news_index.url, event_index.url, routes.url]
    few = {url: queries_for(client, url) for url in urls}
    for _ in range(27):
        PointOfInterestPageFactory(parent=poi_index, featured=True)
        NewsPageFactory(parent=news_index)
        EventPageFactory(parent=event_index)
        RoutePageFactory(parent=routes, featured=True)
    many = {url: queries_for(client, url) for url in urls}
    assert many == few
    assert max(many.values()) <= MAX_QUERIES_PER_PAGE, many


@pytest.mark.django_db
def test_point_of_interest_detail_query_budget(client, poi_index):
    poi = PointOfInterestPageFactory(parent=poi_index)
    assert queries_for(client, poi.url) <= MAX_QUERIES_PER_PAGE


@pytest.mark.django_db
def test_every_detail_page_type_keeps_to_the_budget(client, home_page, museum, castle, poi_index):
    routes = RouteIndexPageFactory(parent=home_page)
    route = RoutePageFactory(parent=routes, stops=[museum, castle])
    events = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=events, venue=museum)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    standard = StandardPageFactory(parent=StandardPageFactory(parent=home_page))
    counts = {
        page.url: queries_for(client, page.url)
        for page in (home_page, museum, castle, route, event, news, standard)
    }
    assert max(counts.values()) <= MAX_QUERIES_PER_PAGE, counts


@pytest.mark.django_db
def test_pages_lists_and_downloads_cost_the_same_with_dozens_more_places(
    client, home_page, poi_index, museum, museums, castle
):
    # Issue 11, flat cost: nothing may query per place of the region, only per item shown.
    routes = RouteIndexPageFactory(parent=home_page)
    route = RoutePageFactory(parent=routes, stops=[museum, castle])
    events = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=events, venue=museum)
    pages = {
        "POI detail": museum.url,
        "route detail": route.url,
        "event detail": event.url,
        "POI list, open now": poi_index.url + "?open=now",
        "POI list, category": poi_index.url + f"?category={museums.slug}",
        "POI list, map view": poi_index.url + "?view=map",
        "route list": routes.url,
    }
    others = {
        "sitemap index": "/sitemap.xml",
        "sitemap file": "/sitemap-pages.xml",
        "map GeoJSON": f"/tourism/points-of-interest.geojson?ids={museum.pk},{castle.pk}",
        "API places": "/api/v1/points-of-interest?limit=10",
        "widget: places": "/widgets/pois/?lang=de",
    }
    few = {name: queries_for(client, url) for name, url in {**pages, **others}.items()}
    for number in range(40):
        place = PointOfInterestPageFactory(parent=poi_index, title=f"Ort {number}")
        place.categories.add(museums)
        place.save()
        if number % 10 == 0:
            RoutePageFactory(parent=routes, stops=[place, museum])
            EventPageFactory(parent=events, venue=place)
    many = {name: queries_for(client, url) for name, url in {**pages, **others}.items()}
    assert many == few
    assert max(many[name] for name in pages) <= MAX_QUERIES_PER_PAGE, many
