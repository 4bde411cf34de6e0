"""The route list and the API's routes in the order of the titles visitors read."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories.tourism import RoutePageFactory
from tests.tourism.plans import plan_with_region_statistics
from tourism.models import RoutePage
from tourism.models.points_of_interest import SORT_TITLE_LANGUAGES


@pytest.fixture
def routes(route_index):
    RoutePageFactory(parent=route_index, title="Tiergartenweg", title_en="Zoo walk")
    RoutePageFactory(parent=route_index, title="Wanderung am See")  # German only
    RoutePageFactory(parent=route_index, title="Burgenweg", title_en="Castle trail")
    return route_index


def listed_titles(client, index, language):
    with translation.override(language):
        response = client.get(index.url)
        assert response.status_code == 200
        return [route.title for route in response.context["routes"]]


def api_titles(client, language):
    data = client.get("/api/v1/routes", {"lang": language}).json()
    return [item["title"] for item in data["results"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Burgenweg", "Tiergartenweg", "Wanderung am See"]),
        # A route without an English title is read, and sorted, by its German one.
        ("en", ["Castle trail", "Wanderung am See", "Zoo walk"]),
        ("pl", ["Castle trail", "Wanderung am See", "Zoo walk"]),  # English, then German
    ],
)
def test_routes_are_listed_by_the_title_visitors_read(client, routes, language, expected):
    assert listed_titles(client, routes, language) == expected
    assert api_titles(client, language) == expected


@pytest.mark.django_db
def test_sort_titles_follow_a_renamed_route(route_index):
    route = RoutePageFactory(parent=route_index, title="Burgenweg")
    route.refresh_from_db()
    assert (route.sort_title_de, route.sort_title_en, route.sort_title_pl) == ("Burgenweg",) * 3
    route.title_de = "Schlösserweg"
    route.title_en = "Castle trail"
    route.save_revision().publish()
    route.refresh_from_db()
    assert (route.sort_title_de, route.sort_title_en, route.sort_title_pl) == (
        "Schlösserweg",
        "Castle trail",
        "Castle trail",  # Polish falls back to English, then German
    )


def test_routes_have_a_sort_title_in_every_language_lists_sort_by():
    fields = {field.name for field in RoutePage._meta.get_fields()}
    assert {f"sort_title_{code}" for code in SORT_TITLE_LANGUAGES} <= fields


@pytest.mark.django_db
def test_migration_fills_the_sort_titles_of_existing_routes(route_index):
    migration = importlib.import_module("tourism.migrations.0009_route_sort_titles")
    route = RoutePageFactory(parent=route_index, title="Burgenweg", title_en="Castle trail")
    RoutePage.objects.update(sort_title_de="", sort_title_en="", sort_title_pl="")
    # All the fill uses of a schema editor is its connection.
    migration.fill_route_sort_titles(django_apps, SimpleNamespace(connection=connection))
    route.refresh_from_db()
    assert (route.sort_title_de, route.sort_title_en, route.sort_title_pl) == (
        "Burgenweg",
        "Castle trail",
        "Castle trail",
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
@pytest.mark.django_db
def test_a_regions_route_list_reads_one_page_of_routes_in_title_order(client, routes):
    # Sorted by wagtail-modeltranslation's title column, which has no index, SQLite read
    # all 5 000 routes of a region and sorted them for one page of 12.
    with CaptureQueriesContext(connection) as queries:
        assert listed_titles(client, routes, "de")
    (listed,) = [
        query["sql"]
        for query in queries
        if 'ORDER BY "tourism_routepage"."sort_title_de"' in query["sql"]
    ]
    plan = plan_with_region_statistics(listed)
    assert not any("TEMP B-TREE" in step for step in plan), plan
    assert any("sort_title_de" in step for step in plan), plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics")
@pytest.mark.django_db
def test_migration_gives_the_rebuilt_route_table_its_statistics_again(route_index):
    # SQLite adds the sort titles by rebuilding the route table, which drops its statistics;
    # without them it sorted all routes instead of walking the sort-title index.
    migration = importlib.import_module("tourism.migrations.0009_route_sort_titles")
    RoutePageFactory(parent=route_index)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # a site that keeps statistics
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'tourism_routepage'")
        migration.keep_route_statistics(django_apps, SimpleNamespace(connection=connection))
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'tourism_routepage'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert any("sort_title_de" in name for name in indexes), indexes
