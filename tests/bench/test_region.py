"""The region generator makes real, reachable pages, and the benchmarks still import."""

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from demo.region import RegionGenerator
from pages.models import EventIndexPage, EventPage
from tourism.models import PointOfInterestIndexPage, PointOfInterestPage, RoutePage, RouteStop


@pytest.fixture
def region(home_page):
    return RegionGenerator(places=50, routes=5, events=10, log=lambda _message: None).run()


@pytest.mark.django_db
def test_generated_region_has_the_asked_numbers_of_places_routes_and_events(region):
    assert (region.points_of_interest, region.routes, region.events) == (50, 5, 10)
    assert PointOfInterestPage.objects.live().count() == 50
    assert RouteStop.objects.count() == region.stops > 5
    assert EventPage.objects.live().count() == 10


@pytest.mark.django_db
def test_generated_pages_keep_the_page_tree_valid(region):
    assert Page.find_problems() == ([], [], [], [], [])
    index = PointOfInterestIndexPage.objects.get()
    assert index.numchild == 50 == index.get_children().count()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en", "pl"])
def test_generated_pages_answer_in_every_language(client, region, language):
    place = PointOfInterestPage.objects.order_by("pk").last()
    route = RoutePage.objects.order_by("pk").first()
    event = EventPage.objects.order_by("pk").first()
    with translation.override(language):
        urls = [page.get_url() for page in (place, route, event)]
    for url in urls:
        assert url.startswith(f"/{language}/")
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_generated_places_are_listed(client, region):
    first = PointOfInterestPage.objects.order_by("title").first()
    response = client.get(PointOfInterestIndexPage.objects.get().url)
    assert first.title_de in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("model", [PointOfInterestPage, RoutePage])
def test_generated_places_and_routes_carry_the_sort_titles_a_save_would_give_them(region, model):
    for page in model.objects.order_by("pk")[:10]:
        stored = (page.sort_title_de, page.sort_title_en, page.sort_title_pl)
        page.save()
        page.refresh_from_db()
        assert stored == (page.sort_title_de, page.sort_title_en, page.sort_title_pl)
        assert page.sort_title_de == page.title_de


@pytest.mark.django_db
def test_generated_region_adds_to_an_existing_site_without_clashing_slugs(region):
    RegionGenerator(places=20, routes=2, events=3, seed=4, log=lambda _message: None).run()
    assert PointOfInterestPage.objects.count() == 70
    assert EventIndexPage.objects.count() == 1
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db
def test_generate_region_command_dry_run_saves_nothing(home_page):
    out = StringIO()
    call_command("generate_region", "--places", "10", "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue()
    assert "Added 10 points of interest" in out.getvalue()
    assert not PointOfInterestPage.objects.exists()


@pytest.mark.parametrize(
    "module", ["bench.bakerydemo_compare", "bench.scale_benchmark", "bench.search_benchmark"]
)
def test_benchmark_modules_import(module):
    importlib.import_module(module)
