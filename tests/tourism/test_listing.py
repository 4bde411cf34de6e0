"""The points-of-interest listing: filters, "near me" order, paging and bad input."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories.tourism import (
    ALWAYS_OPEN,
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
)
from tests.tourism.plans import plan_with_region_statistics
from tourism.listing import BadNear, Filters, parse_near
from tourism.models import PointOfInterestCategory, PointOfInterestPage
from tourism.models.points_of_interest import SORT_TITLE_LANGUAGES


@pytest.fixture
def listing(home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    museums = PointOfInterestCategoryFactory(name="Museen", slug="museums")
    churches = PointOfInterestCategoryFactory(name="Kirchen", slug="churches")
    museum = PointOfInterestPageFactory(
        parent=index,
        title="Museum",
        latitude="52.288900",
        longitude="11.404700",
        step_free_access=True,
    )
    church = PointOfInterestPageFactory(
        parent=index,
        title="St. Marien",
        latitude="52.290100",
        longitude="11.408300",
        opening_hours=ALWAYS_OPEN,
    )
    castle = PointOfInterestPageFactory(
        parent=index,
        title="Schloss Hundisburg",
        latitude="52.263300",
        longitude="11.388900",
        opening_hours=ALWAYS_OPEN,
        step_free_access=False,
    )
    for page, category in ((museum, museums), (church, churches), (castle, museums)):
        page.categories.set([category])
        page.save_revision().publish()
    return index


def titles(response):
    return [poi.title for poi in response.context["points_of_interest"]]


@pytest.mark.django_db
def test_sorted_by_name_by_default(client, listing):
    assert titles(client.get(listing.url)) == ["Museum", "Schloss Hundisburg", "St. Marien"]


@pytest.mark.django_db
def test_category_filter(client, listing):
    assert titles(client.get(listing.url, {"category": "museums"})) == [
        "Museum",
        "Schloss Hundisburg",
    ]


@pytest.mark.django_db
def test_near_me_orders_by_distance(client, listing):
    # Standing at Hundisburg: the castle first, then the church in town, then the museum.
    response = client.get(listing.url, {"near": "52.2633,11.3889"})
    assert titles(response) == ["Schloss Hundisburg", "Museum", "St. Marien"]
    assert "m away" in response.content.decode() or "entfernt" in response.content.decode()


@pytest.mark.django_db
def test_open_now_and_step_free_filters(client, listing):
    assert titles(client.get(listing.url, {"open": "now"})) == ["Schloss Hundisburg", "St. Marien"]
    assert titles(client.get(listing.url, {"access": "step_free"})) == ["Museum"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"category": "no-such-thing"},
        {"near": "999,999"},
        {"near": "abc"},
        {"near": "52.1,11.2,3"},
        {"page": "9999"},
        {"page": "x"},
        {"access": "wings"},
        {"view": "<script>"},
    ],
)
def test_bad_filters_give_a_normal_page(client, listing, query):
    response = client.get(listing.url, query)
    assert response.status_code == 200
    assert len(titles(response)) >= 1


@pytest.mark.django_db
def test_unknown_category_is_explained(client, listing):
    html = client.get(listing.url, {"category": "no-such-thing"}).content.decode()
    assert "no-such-thing" in html


def test_parse_near_checks_ranges():
    assert parse_near("52.29,11.41") == (52.29, 11.41)
    for bad in ("91,0", "0,181", "nan", "", "1;2"):
        with pytest.raises(BadNear):
            parse_near(bad)


@pytest.mark.django_db
def test_detail_lists_nearby_places_within_2_km_nearest_first(client, listing):
    museum = listing.get_children().get(title="Museum").specific
    response = client.get(museum.url)
    nearby = [place.title for place in response.context["nearby"]]
    assert nearby == ["St. Marien"]  # Hundisburg is about 3.3 km away
    assert "St. Marien" in response.content.decode()


@pytest.mark.django_db
def test_detail_lists_the_routes_that_pass(client, home_page, listing):
    from tests.factories.tourism import RouteIndexPageFactory, RoutePageFactory

    museum = listing.get_children().get(title="Museum").specific
    route = RoutePageFactory(
        parent=RouteIndexPageFactory(parent=home_page), title="Altstadt", stops=[museum]
    )
    response = client.get(museum.url)
    assert response.context["routes"] == [route]


def test_the_view_and_sort_links_keep_the_filters_and_change_one_thing():
    filters = Filters.from_query(QueryDict("open=now&near=52.28,11.41&view=map"), [])
    assert filters.near_text == "52.28000,11.41000"
    assert filters.list_view_query == "open=now&near=52.28000%2C11.41000&sort=distance"
    assert filters.map_view_query.endswith("&view=map")
    assert "sort=name" in filters.sort_by_name_query and "view=map" in filters.sort_by_name_query


@pytest.mark.django_db
def test_english_list_sorts_untranslated_places_by_their_german_title(client, listing):
    museum = PointOfInterestPage.objects.get(title_de="Museum")
    museum.title_en = "Town museum"
    museum.save_revision().publish()
    with translation.override("en"):
        url = listing.url
    # "Schloss Hundisburg" and "St. Marien" have no English title: they sort as visitors
    # read them, between the English ones, and the list follows the English title.
    assert titles(client.get(url)) == ["Schloss Hundisburg", "St. Marien", "Town museum"]


@pytest.mark.django_db
def test_sort_titles_follow_a_renamed_place(listing):
    church = PointOfInterestPage.objects.get(title_de="St. Marien")
    assert (church.sort_title_de, church.sort_title_en, church.sort_title_pl) == ("St. Marien",) * 3
    church.title_de = "Marienkirche"
    church.title_en = "St Mary's"
    church.save_revision().publish()
    church.refresh_from_db()
    assert (church.sort_title_de, church.sort_title_en, church.sort_title_pl) == (
        "Marienkirche",
        "St Mary's",
        "St Mary's",  # Polish falls back to English, then German
    )


def test_every_site_language_has_a_sort_title():
    assert set(SORT_TITLE_LANGUAGES) == set(settings.MODELTRANSLATION_LANGUAGES)


@pytest.mark.django_db
def test_kept_count_follows_a_newly_published_place(client, listing):
    assert client.get(listing.url).context["result_count"] == 3
    assert client.get(listing.url, {"category": "museums"}).context["result_count"] == 2
    added = PointOfInterestPageFactory(parent=listing, title="Stadtmuseum")
    added.categories.set(PointOfInterestCategory.objects.filter(slug="museums"))
    added.save_revision().publish()
    assert client.get(listing.url).context["result_count"] == 4
    assert client.get(listing.url, {"category": "museums"}).context["result_count"] == 3
    added.unpublish()
    assert client.get(listing.url, {"category": "museums"}).context["result_count"] == 2


@pytest.mark.django_db
def test_migration_fills_the_sort_titles_of_existing_places(listing):
    fill = importlib.import_module("tourism.migrations.0006_sort_titles").fill_sort_titles
    museum = PointOfInterestPage.objects.get(title_de="Museum")
    museum.title_en = "Town museum"
    museum.save()
    PointOfInterestPage.objects.update(sort_title_de="", sort_title_en="", sort_title_pl="")
    fill(django_apps, SimpleNamespace(connection=connection))  # all it uses of a schema editor
    museum.refresh_from_db()
    assert (museum.sort_title_de, museum.sort_title_en, museum.sort_title_pl) == (
        "Museum",
        "Town museum",
        "Town museum",
    )
    assert PointOfInterestPage.objects.filter(sort_title_en="St. Marien").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
@pytest.mark.django_db
@pytest.mark.parametrize("query", [{}, {"category": "museums"}, {"open": "now"}])
def test_a_regions_list_reads_one_page_of_places_in_title_order(client, listing, query):
    # Through the depth index, or through the ids of a category's places or of the places
    # open now, SQLite read up to 100 000 places and sorted them all for 12.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(listing.url, query)
    assert response.status_code == 200 and titles(response)
    (places,) = [
        query["sql"]
        for query in queries
        if 'ORDER BY "tourism_pointofinterestpage"."sort_title_de"' in query["sql"]
    ]
    plan = plan_with_region_statistics(places)
    assert plan[0].startswith("SCAN tourism_pointofinterestpage USING INDEX"), plan
    assert "sort_title_de" in plan[0], plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
    if "open" in query:  # the places open now, from the periods' index alone
        assert any(step.startswith("SEARCH U0 USING COVERING INDEX") for step in plan), plan
