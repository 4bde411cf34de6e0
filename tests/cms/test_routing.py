"""Pages are found by their slug in the visitor's language, by the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.tourism import PointOfInterestPageFactory
from tourism.models import PointOfInterestPage

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_finding_a_place_costs_the_same_among_3_or_40_siblings(client, poi_index):
    for number in range(3):
        PointOfInterestPageFactory(parent=poi_index, title=f"Ort {number}")
    target = PointOfInterestPageFactory(parent=poi_index, title="Roland", slug="roland")
    client.get(target.url)  # warm: the site's root paths are cached after the first request
    few = queries_for(client, target.url)
    for number in range(37):
        PointOfInterestPageFactory(parent=poi_index, title=f"Weiterer Ort {number}")
    client.get(target.url)
    assert queries_for(client, target.url) == few


def test_each_language_finds_the_page_by_its_own_slug(client, museum):
    assert client.get("/de/sehenswertes/museum/").status_code == 200
    museum.slug_en = museum.slug_pl = "town-museum"
    museum.save_revision().publish()
    assert client.get("/en/sights/town-museum/").status_code == 200
    assert client.get("/en/sights/museum/").status_code == 404
    assert client.get("/de/sehenswertes/museum/").status_code == 200


def test_a_language_without_its_own_slug_follows_the_fallback_chain(client, museum):
    # As stored by pages saved before every language got its slug: Polish columns empty.
    english_path = museum.url_path_en.replace("/museum/", "/town-museum/")
    PointOfInterestPage.objects.filter(pk=museum.pk).update(
        slug_en="town-museum", url_path_en=english_path, slug_pl="", url_path_pl=""
    )
    # Polish readers fall back to English first (pl → en → de).
    assert client.get("/pl/sights/town-museum/").status_code == 200
    assert client.get("/pl/sights/museum/").status_code == 404


def test_an_unpublished_page_is_not_found(client, museum):
    museum.unpublish()
    assert client.get("/de/sehenswertes/museum/").status_code == 404


def test_subpages_of_routable_pages_still_route(client, event_index):
    assert client.get(f"{event_index.url}kalender.ics").status_code in (200, 404)
