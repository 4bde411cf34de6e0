"""The full-page cache: fast for anonymous visitors, never stale, never for editors."""

import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms import page_cache
from cms.purge import page_urls_in_every_language
from tests.factories.pages import EventPageFactory
from tests.factories.tourism import (
    ALWAYS_OPEN,
    NoticeFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RoutePageFactory,
)

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_second_anonymous_visit_is_served_from_the_cache_without_database(client, museum):
    first, first_queries = get(client, museum.url)
    second, second_queries = get(client, museum.url)
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert "Age" in second
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "public" in second["Cache-Control"]


def test_a_published_change_shows_at_once(client, museum):
    get(client, museum.url)
    publish(museum, title="Museum im Rathaus")
    response, queries = get(client, museum.url)
    assert queries > 0
    assert "Museum im Rathaus" in response.content.decode()


def test_an_unpublished_page_is_gone_from_the_cache_and_from_its_list(client, museum, poi_index):
    get(client, museum.url)
    listing, _ = get(client, poi_index.url)
    assert "Museum Haldensleben" in listing.content.decode()
    museum.unpublish()
    assert client.get(museum.url).status_code == 404
    assert "Museum Haldensleben" not in get(client, poi_index.url)[0].content.decode()


def test_a_newly_published_place_appears_in_the_cached_list(client, museum, poi_index):
    get(client, poi_index.url)
    PointOfInterestPageFactory(parent=poi_index, title="Neue Ölmühle")
    assert "Neue Ölmühle" in get(client, poi_index.url)[0].content.decode()


def test_renaming_a_stop_updates_the_cached_route(client, route_index, museum, castle):
    route = RoutePageFactory(parent=route_index, title="Rundgang", stops=[museum, castle])
    get(client, route.url)
    publish(castle, title="Schloss und Barockgarten Hundisburg")
    assert "Schloss und Barockgarten Hundisburg" in get(client, route.url)[0].content.decode()


def test_renaming_a_venue_updates_the_cached_event(client, event_index, museum):
    event = EventPageFactory(parent=event_index, title="Orgelkonzert", venue=museum)
    get(client, event.url)
    publish(museum, title="Stadtmuseum")
    assert "Stadtmuseum" in get(client, event.url)[0].content.decode()


def test_a_new_image_credit_updates_the_pages_showing_the_image(client, museum):
    get(client, museum.url)
    image = museum.main_image
    image.credit = "Foto: Bernd Beispiel"
    image.save()
    assert "Foto: Bernd Beispiel" in get(client, museum.url)[0].content.decode()


def test_renaming_a_category_updates_the_cached_place(client, museum, museums):
    get(client, museum.url)
    museums.name = "Ausstellungen"
    museums.save()
    assert "Ausstellungen" in get(client, museum.url)[0].content.decode()


def test_a_password_on_a_cached_page_takes_effect_at_once(client, museum):
    get(client, museum.url)
    PageViewRestriction.objects.create(
        page=museum, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(museum.url)
    assert "Stadtgeschichte" not in response.content.decode()
    assert "Age" not in response


def test_a_moved_page_leaves_its_old_list(client, home_page, poi_index, museum):
    other_index = PointOfInterestIndexPageFactory(parent=home_page, title="Umland")
    get(client, poi_index.url)
    museum.move(other_index, pos="last-child")
    assert "Museum Haldensleben" not in get(client, poi_index.url)[0].content.decode()


def test_a_deleted_page_leaves_its_list(client, poi_index, museum):
    get(client, poi_index.url)
    museum.delete()
    assert "Museum Haldensleben" not in get(client, poi_index.url)[0].content.decode()


def test_editors_neither_read_nor_fill_the_cache(client, museum):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    for _ in range(2):
        response, queries = get(client, museum.url)
        assert queries > 0
        assert "Age" not in response
    client.logout()
    client.cookies.clear()
    _, anonymous_queries = get(client, museum.url)
    assert anonymous_queries > 0, "the editor's visit must not have filled the cache"


def test_requests_with_cookies_or_other_methods_are_not_cached(client, museum):
    get(client, museum.url)
    client.cookies["csrftoken"] = "x"
    assert get(client, museum.url)[1] > 0
    client.cookies.clear()
    assert client.head(museum.url).status_code == 200


def test_nothing_is_stored_when_switched_off(client, museum, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, museum.url)
    assert get(client, museum.url)[1] > 0


def test_an_opening_status_page_expires_when_the_status_changes(museum):
    museum.opening_hours = ALWAYS_OPEN
    publish(museum)
    with page_cache.collecting() as dependencies:
        status = museum.opening_status()
    assert status.is_open
    # Always open: no closing time ahead, so the day's end ("today") bounds it.
    tomorrow = timezone.localdate() + timedelta(days=1)
    midnight = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    assert dependencies.expires_at == midnight.timestamp()


def test_open_now_lists_are_kept_one_minute_at_most(museum):
    with page_cache.collecting() as dependencies:
        museum.is_open_at()
    assert dependencies.expires_at <= timezone.now().timestamp() + 60


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    """A caching proxy on loopback that records the PURGE requests it gets."""
    PurgeRecorder.purged = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_in_every_language_and_its_list(purge_server, museum):
    publish(museum, title="Museum im Rathaus")
    assert {"/de/sehenswertes/museum/", "/en/sights/museum/"} <= set(purge_server)
    assert "/de/sehenswertes/" in purge_server


def test_a_new_notice_purges_the_places_it_closes(
    purge_server, museum, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        NoticeFactory(places=[museum])
    assert {"/de/sehenswertes/museum/", "/en/sights/museum/"} <= set(purge_server)


def test_a_deleted_notice_purges_the_places_it_closed(
    purge_server, museum, django_capture_on_commit_callbacks
):
    notice = NoticeFactory(places=[museum])
    purge_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notice.delete()
    assert {"/de/sehenswertes/museum/", "/en/sights/museum/"} <= set(purge_server)


def test_a_notice_on_a_route_purges_the_route(
    purge_server, route_index, museum, django_capture_on_commit_callbacks
):
    route = RoutePageFactory(parent=route_index, title="Altstadtrundgang", slug="altstadt")
    purge_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        NoticeFactory(routes=[route])
    paths = {urlsplit(url).path for url in page_urls_in_every_language(route)}
    assert len(paths) == 3
    assert paths <= set(purge_server)


def test_a_change_is_invalidated_again_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    """A visitor's request that reads the rows before the editor's transaction commits
    sees the versions of the change; what it stores must not outlive the commit."""
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as hooks:
        with transaction.atomic():
            page_cache.bump({"page:1"})
            page_cache.bump({"page:2"})
            read_before_commit = page_cache.versions_of({"page:1", "page:2"})
            assert page_cache.still_current(read_before_commit)
    assert len(hooks) == 1  # one for the transaction, whatever it changed
    assert not page_cache.still_current(read_before_commit)
    assert not page_cache.still_current({"page:1": read_before_commit["page:1"]})


def test_a_change_rolled_back_leaves_the_next_transaction_its_own_commit_hook(
    django_capture_on_commit_callbacks,
):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        page_cache.bump({"page:3"})
        raise RuntimeError("rolled back")
    with django_capture_on_commit_callbacks(execute=True) as hooks:
        with transaction.atomic():
            page_cache.bump({"page:4"})
            read_before_commit = page_cache.versions_of({"page:4"})
    assert len(hooks) == 1
    assert not page_cache.still_current(read_before_commit)
