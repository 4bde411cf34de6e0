"""Stored fragments ({% fragment %}): shared between renders, never staler than the page.

Every request here carries a new query string, so the full-page cache never answers and
the page renders; what it may take from the cache are its fragments.
"""

import itertools
import time
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms import page_cache
from pages.models.news import NEWS_PER_PAGE
from tests.factories.pages import NewsIndexPageFactory, NewsPageFactory
from tests.factories.tourism import (
    ALWAYS_OPEN,
    PointOfInterestPageFactory,
    RoutePageFactory,
)

pytestmark = pytest.mark.django_db

_fresh = itertools.count()


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}{'&' if '?' in url else '?'}fresh={next(_fresh)}")
    assert response.status_code == 200, url
    assert "Age" not in response, "the page cache answered; this test wants a render"
    return response.content.decode(), len(queries)


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def fountain(poi_index):
    """A place a few steps from the museum: its page lists it as nearby."""
    return PointOfInterestPageFactory(
        parent=poi_index, title="Roland-Brunnen", latitude="52.289900", longitude="11.408900"
    )


def test_a_second_render_takes_its_fragments_from_the_cache(client, route_index, museum, fountain):
    RoutePageFactory(parent=route_index, title="Rundgang", stops=[museum])
    first, first_queries = render(client, museum.url)
    second, second_queries = render(client, museum.url)
    assert second == first
    assert "Roland-Brunnen" in second
    # Nearby places, routes and the gallery are not asked for again.
    assert second_queries < first_queries


def test_a_place_published_nearby_appears_on_the_next_render(client, museum, poi_index):
    assert "Roland-Brunnen" not in render(client, museum.url)[0]
    PointOfInterestPageFactory(
        parent=poi_index, title="Roland-Brunnen", latitude="52.289900", longitude="11.408900"
    )
    assert "Roland-Brunnen" in render(client, museum.url)[0]


def test_an_unpublished_neighbour_leaves_the_nearby_list(client, museum, fountain):
    assert "Roland-Brunnen" in render(client, museum.url)[0]
    fountain.unpublish()
    assert "Roland-Brunnen" not in render(client, museum.url)[0]


def test_a_renamed_neighbour_is_shown_by_its_new_name(client, museum, fountain):
    render(client, museum.url)
    publish(fountain, title="Marktbrunnen")
    html = render(client, museum.url)[0]
    assert "Marktbrunnen" in html
    assert "Roland-Brunnen" not in html


def test_a_renamed_route_shows_on_the_places_it_passes(client, route_index, museum, castle):
    route = RoutePageFactory(parent=route_index, title="Rundgang", stops=[museum, castle])
    assert "Rundgang" in render(client, museum.url)[0]
    publish(route, title="Museumsrunde")
    assert "Museumsrunde" in render(client, museum.url)[0]


def test_a_renamed_section_shows_in_the_breadcrumbs_and_menu(client, poi_index, museum):
    render(client, museum.url)
    publish(poi_index, title="Ausflugsziele", show_in_menus=True)
    html = render(client, museum.url)[0]
    assert html.count("Ausflugsziele") >= 2  # the main menu and the breadcrumbs


def main_menu(html):
    return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_section_leaves_the_stored_menu_at_its_expiry_date(client, poi_index):
    expiry = timezone.now() + timedelta(seconds=2)
    # Set without a signal, as the clock reaching it sends none either.
    type(poi_index).objects.filter(pk=poi_index.pk).update(show_in_menus=True, expire_at=expiry)
    page_cache.bump({page_cache.EVERYTHING})
    with page_cache.collecting() as dependencies:
        type(poi_index).objects.get(pk=poi_index.pk)
    assert dependencies.expires_at == expiry.timestamp()
    assert poi_index.title in main_menu(render(client, "/de/")[0])
    time.sleep(max(0.0, expiry.timestamp() - time.time()) + 0.1)
    assert poi_index.title not in main_menu(render(client, "/de/")[0])


def test_a_change_published_by_another_server_process_shows_on_the_next_render(client, museum):
    # Each process keeps the tag versions and fragments it has read while no tag changes;
    # a change made elsewhere reaches it only through the shared cache.
    render(client, museum.url)
    render(client, museum.url)
    kept_by_this_process = page_cache._process_versions
    publish(museum, teaser="Stadtgeschichte und Handwerk")
    page_cache._process_versions = kept_by_this_process
    html = render(client, museum.url)[0]
    assert "Stadtgeschichte und Handwerk" in html


def test_a_cleared_cache_starts_afresh(client, museum):
    render(client, museum.url)
    cache.clear()
    museum.refresh_from_db()
    type(museum).objects.filter(pk=museum.pk).update(teaser="Ohne Signal geändert")
    assert "Ohne Signal geändert" in render(client, museum.url)[0]


def test_new_alternative_text_reaches_the_stored_picture(client, museum):
    render(client, museum.url)
    image = museum.main_image
    image.alt_text = "Der Rathausturm im Abendlicht"
    image.save()
    assert 'alt="Der Rathausturm im Abendlicht"' in render(client, museum.url)[0]


def test_a_changed_teaser_reaches_the_stored_meta_description(client, museum):
    render(client, museum.url)
    publish(museum, teaser="Stadtgeschichte und Handwerk")
    html = render(client, museum.url)[0]
    assert '<meta name="description" content="Stadtgeschichte und Handwerk">' in html


def test_previews_show_the_draft_not_the_stored_fragment(client, museum):
    publish(museum, opening_hours=ALWAYS_OPEN, opening_hours_note="Führungen täglich")
    render(client, museum.url)
    museum.opening_hours_note = "Nur nach Anmeldung"
    museum.save_revision()  # a draft, not published
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    draft = client.get(f"/admin/pages/{museum.pk}/view_draft/").content.decode()
    assert "Nur nach Anmeldung" in draft
    client.logout()
    client.cookies.clear()
    live = render(client, museum.url)[0]
    assert "Führungen täglich" in live
    assert "Nur nach Anmeldung" not in live


def test_a_fragment_built_from_the_page_is_not_stored_outside_a_collected_render():
    # Editors' renders collect no dependencies: such a fragment could not be invalidated.
    built = []
    for _ in range(2):
        page_cache.cached_fragment("probe", lambda: built.append(1), with_page_so_far=True)
    assert len(built) == 2
    with page_cache.collecting():
        page_cache.cached_fragment("probe", lambda: built.append(1), with_page_so_far=True)
    with page_cache.collecting():
        page_cache.cached_fragment("probe", lambda: built.append(1), with_page_so_far=True)
    assert len(built) == 3


def test_a_fragment_is_built_again_when_what_it_showed_expires():
    built = []

    def build():
        built.append(1)
        page_cache.expire_at(timezone.now() + timedelta(seconds=0.2))
        return len(built)

    with page_cache.collecting() as dependencies:
        assert page_cache.cached_fragment("clock", build) == 1
        assert page_cache.cached_fragment("clock", build) == 1
    # A page showing the stored fragment expires with it.
    assert dependencies.expires_at is not None
    time.sleep(0.3)
    with page_cache.collecting():
        assert page_cache.cached_fragment("clock", build) == 2


def test_a_fragment_is_never_kept_longer_than_a_stored_page(settings):
    settings.PAGE_CACHE_SECONDS = 0.2
    built = []
    for _ in range(2):
        with page_cache.collecting():
            page_cache.cached_fragment("short", lambda: built.append(1), with_page_so_far=True)
    assert len(built) == 1
    time.sleep(0.3)
    with page_cache.collecting():
        page_cache.cached_fragment("short", lambda: built.append(1), with_page_so_far=True)
    assert len(built) == 2


def test_a_newly_published_news_item_appears_in_the_stored_news_cards(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, title="Aktuelles")
    NewsPageFactory(parent=news_index, title="Stadtfest verschoben")
    assert "Stadtfest verschoben" in render(client, news_index.url)[0]
    NewsPageFactory(parent=news_index, title="Neue Buslinie")
    assert "Neue Buslinie" in render(client, news_index.url)[0]


def test_a_stored_news_count_follows_published_and_unpublished_items(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, title="Aktuelles")
    items = [NewsPageFactory(parent=news_index) for _ in range(NEWS_PER_PAGE)]
    html, first_queries = render(client, news_index.url)
    assert 'rel="next"' not in html
    assert render(client, news_index.url)[1] < first_queries  # cards and count stored
    NewsPageFactory(parent=news_index)
    assert 'rel="next"' in render(client, news_index.url)[0]
    items[0].unpublish()
    assert 'rel="next"' not in render(client, news_index.url)[0]


def test_the_first_route_of_a_list_appears_in_the_stored_cards(client, route_index, museum):
    assert "Rundgang" not in render(client, route_index.url)[0]
    route = RoutePageFactory(parent=route_index, title="Rundgang", stops=[museum])
    assert "Rundgang" in render(client, route_index.url)[0]
    publish(route, title="Museumsrunde")
    assert "Museumsrunde" in render(client, route_index.url)[0]


def test_the_stored_cards_of_the_place_list_follow_its_places(client, poi_index, museum):
    first, first_queries = render(client, poi_index.url)
    second, second_queries = render(client, poi_index.url)
    assert second == first
    # The places, their galleries and the categories are not asked for again.
    assert second_queries < first_queries
    fountain = PointOfInterestPageFactory(parent=poi_index, title="Roland-Brunnen")
    assert "Roland-Brunnen" in render(client, poi_index.url)[0]
    publish(fountain, title="Marktbrunnen")
    html = render(client, poi_index.url)[0]
    assert "Marktbrunnen" in html
    assert "Roland-Brunnen" not in html
    fountain.unpublish()
    assert "Marktbrunnen" not in render(client, poi_index.url)[0]


def test_a_filtered_place_list_is_never_answered_with_the_stored_cards(
    client, poi_index, museum, castle
):
    publish(castle, step_free_access=True)
    plain = render(client, poi_index.url)[0]
    assert museum.title in plain
    assert castle.title in plain
    step_free, _queries = render(client, f"{poi_index.url}?access=step_free")
    assert castle.title in step_free
    assert museum.title not in step_free
    museums_only, _queries = render(client, f"{poi_index.url}?category=museums")
    assert museum.title in museums_only
    assert castle.title not in museums_only
    assert 'value="museums" checked' in museums_only


def test_an_unpublished_route_leaves_the_home_page_teasers(client, home_page, route_index, museum):
    route = RoutePageFactory(parent=route_index, title="Rundgang", stops=[museum], featured=True)
    assert "Rundgang" in render(client, home_page.url)[0]
    route.unpublish()
    assert "Rundgang" not in render(client, home_page.url)[0]


def test_a_stored_opening_status_ends_with_the_day_and_so_does_the_page(client, museum, settings):
    settings.PAGE_CACHE_SECONDS = 3 * 24 * 3600  # longer than the day, so the day bounds it
    publish(museum, opening_hours=ALWAYS_OPEN)
    render(client, museum.url)
    with page_cache.collecting() as dependencies:
        html = render(client, museum.url)[0]
    assert 'data-open-status="' in html
    # Always open: the status holds until midnight; the page showing the stored section
    # expires then too, although this render did not work the status out.
    tomorrow = timezone.localdate() + timedelta(days=1)
    midnight = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    assert dependencies.expires_at is not None
    assert dependencies.expires_at <= midnight.timestamp()


def test_a_view_that_is_not_a_page_finds_its_site_without_a_query(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    render(client, "/de/suche/?q=x")
    with CaptureQueriesContext(connection) as queries:
        html, _count = render(client, "/de/suche/?q=y")
    assert 'class="main-nav"' in html
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]
