"""URLs are routed from memory, and the memory follows every change to the page tree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories.pages import StandardPageFactory


@pytest.fixture(autouse=True)
def _render_afresh(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the routes are remembered, not the pages


@pytest.fixture
def section(home_page):
    return StandardPageFactory(parent=home_page, title="Rathaus", slug="rathaus")


@pytest.fixture
def office(section):
    return StandardPageFactory(parent=section, title="Bürgerbüro", slug="buergerbuero")


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured.captured_queries)


def test_a_remembered_route_costs_one_query_for_the_page(client, office):
    first, cold = queries(client, "/de/rathaus/buergerbuero/")
    again, warm = queries(client, "/de/rathaus/buergerbuero/")
    assert first.status_code == again.status_code == 200
    assert b"B\\u00fcrgerb\\u00fcro" in again.content or "Bürgerbüro" in again.text
    assert warm <= cold - 3


def test_renaming_a_section_moves_its_pages(client, section, office):
    assert client.get("/de/rathaus/buergerbuero/").status_code == 200
    section.slug = "verwaltung"
    section.save_revision().publish()
    assert client.get("/de/rathaus/buergerbuero/").status_code == 404
    assert client.get("/de/verwaltung/buergerbuero/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, office):
    assert client.get("/de/rathaus/buergerbuero/").status_code == 200
    office.unpublish()
    assert client.get("/de/rathaus/buergerbuero/").status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, home_page, section, office):
    assert client.get("/de/rathaus/buergerbuero/").status_code == 200
    office.move(home_page, pos="last-child")
    old_address = client.get("/de/rathaus/buergerbuero/")
    # Wagtail's redirects app sends visitors of the old address on.
    assert old_address.status_code == 301
    assert old_address["Location"].endswith("/de/buergerbuero/")
    assert client.get("/de/buergerbuero/").status_code == 200


def test_a_new_restriction_on_a_section_protects_a_remembered_page(client, section, office):
    assert client.get("/de/rathaus/buergerbuero/").status_code == 200
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get("/de/rathaus/buergerbuero/")
    assert "Bürgerbüro" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_the_route_is_remembered_per_language(client, section, office):
    section.slug_en = "town-hall"
    section.save_revision().publish()
    office.slug_en = "citizens-office"
    office.save_revision().publish()
    assert client.get("/de/rathaus/buergerbuero/").status_code == 200
    assert client.get("/en/town-hall/citizens-office/").status_code == 200
    assert client.get("/en/rathaus/buergerbuero/").status_code == 404
