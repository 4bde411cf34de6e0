"""URLs are routed from memory, and the memory follows every change to the page tree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from cms import route_cache
from tests.factories.media import make_image
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


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


def test_a_page_loads_as_the_orm_loads_it_with_its_sql_compiled_once(museum, castle):
    from_orm = type(museum).objects.get(pk=museum.pk)
    loaded = route_cache.load_page(type(museum), museum.pk)
    assert type(loaded) is type(from_orm)
    assert loaded.__dict__.keys() - {"_state"} == from_orm.__dict__.keys() - {"_state"}
    assert all(
        getattr(loaded, name) == getattr(from_orm, name)
        for name in from_orm.__dict__
        if name != "_state"
    )
    with translation.override("en"):
        assert loaded.title == "Haldensleben Museum"
    with CaptureQueriesContext(connection) as captured:
        other = route_cache.load_page(type(castle), castle.pk)
    assert other.title == castle.title
    assert len(captured.captured_queries) == 1
    assert route_cache.load_page(type(castle), 10**9) is None


def test_a_page_is_loaded_with_the_objects_its_type_serves_with(home_page):
    image = make_image(title="Stadtfest")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), image=image)
    loaded = route_cache.load_page(type(news), news.pk)
    with CaptureQueriesContext(connection) as captured:
        assert loaded.image == image
        assert loaded.image.title == image.title
    assert not captured.captured_queries
