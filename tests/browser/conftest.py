"""Real Chromium (Debian's package, driven by Playwright) against a live server with the demo.

The demo is loaded once for the whole package and removed afterwards. The tests carry
`django_db` (without it pytest-django would not create the test database at all) but not
`transaction=True`, whose flush after every test would wipe the demo.
"""

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LANGUAGES = ("de", "en")
# 127.0.0.2 is the partner site that embeds our widgets (test_widgets.py): another origin
# and another site for the browser, on this machine all the same.
PARTNER_HOST = "127.0.0.2"
LOCAL_HOSTS = {"127.0.0.1", "localhost", PARTNER_HOST}

# Every page type a visitor can reach, by model name, then the pages that are views.
PAGE_TYPES = (
    "HomePage",
    "PointOfInterestIndexPage",
    "PointOfInterestPage",
    "RouteIndexPage",
    "RoutePage",
    "EventIndexPage",
    "EventPage",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
    "PointOfInterestIndexPage-map",
    "search",
    "404",
)
NOT_FOUND_PATH = "/%(language)s/diese-seite-gibt-es-nicht/"


# Package, not session scope: while Playwright runs, the rest of the suite would run with
# Django's async-safety check switched off (see below).
@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        if not os.environ.get("CI"):
            pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium (CI installs it)")
        pytest.fail(f"{CHROMIUM} is missing although CI is set; .ci/run should install it")
    # Playwright's sync API keeps an event loop running in this thread, which Django mistakes
    # for async code; the tests and the fixtures here are plain synchronous code.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def demo_server(browser, django_db_setup, django_db_blocker):
    """A live server on 127.0.0.1 serving the demo; yields {page type: {language: url}}.

    Loading the demo takes 20-30 s, so it happens once here instead of per test, and only when
    there is a browser to look at it; the database is restored to its state before (what
    migrations created) when the package is done.
    """
    # The server thread shares the database blocker with the tests: unblocked until the end.
    with django_db_blocker.unblock():
        # Flushed at the end: make sure this is never the development database.
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"not a test database: {name}"
        before = connection.creation.serialize_db_to_string()
        call_command("load_demo", stdout=StringIO())
        urls = demo_urls()
        server = LiveServer("127.0.0.1")
        try:
            yield {
                page_type: {language: server.url + path for language, path in paths.items()}
                for page_type, paths in urls.items()
            }
        finally:
            finish_requests()
            server.stop()
            restore_database(before)


# Rows the live server must see are created in package fixtures, which run before any
# test's transaction: on PostgreSQL the server thread has its own connection and never sees
# what a test creates inside its (never committed) transaction. The demo's restore at the
# end of the package removes them.


@pytest.fixture(scope="package")
def editor_login(demo_server, django_db_blocker):
    """(username, password) of a superuser the live server knows."""
    credentials = ("mapper", "map-secret")
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser(credentials[0], "m@example.org", credentials[1])
    return credentials


@pytest.fixture
def admin_session(demo_server, editor_login, browser_context):
    """(a browser page logged in to the admin as the editor, the live server's base URL)."""
    base = demo_server["HomePage"]["de"].split("/de/")[0]
    page = browser_context.new_page()
    username, password = editor_login
    page.goto(f"{base}/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', password)
    page.click('button[type="submit"]')
    # The login answers with a redirect to the dashboard; going on before it arrives would
    # open the next page without a session (CI once saw the login page instead of the tabs).
    page.wait_for_url(f"{base}/admin/")
    return page, base


def restore_database(snapshot):
    """Back to `snapshot` (serialize_db_to_string), as TransactionTestCase's serialized rollback."""
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(snapshot)
    # The snapshot's rows keep their ids; PostgreSQL's sequences must continue after them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)


@pytest.fixture(autouse=True)
def _requests_finished_between_tests():
    """A request still running from one test (an editor's autosave, say) must not use the
    shared SQLite connection inside the next test's transaction."""
    yield
    finish_requests()


def finish_requests():
    # Request threads still closing the browser's last connections would use the shared
    # SQLite connection after the server stopped sharing it.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=5)


def demo_urls():
    from wagtail.models import Page

    representatives = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        representatives.setdefault(type(page).__name__, page)
    urls = {}
    for page_type, page in representatives.items():
        urls[page_type] = {}
        for lang in LANGUAGES:
            with translation.override(lang):
                urls[page_type][lang] = page.get_url()
    urls["PointOfInterestIndexPage-map"] = {
        lang: url + "?view=map" for lang, url in urls["PointOfInterestIndexPage"].items()
    }
    urls["search"] = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            urls["search"][lang] = reverse(f"search:page_{lang}") + "?q=Roland"
    urls["404"] = {lang: NOT_FOUND_PATH % {"language": lang} for lang in LANGUAGES}
    return urls


@pytest.fixture
def browser_context(browser):
    """A fresh, cookie-less browser context that can never reach beyond this machine."""
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})

    def only_local(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_local)
    yield context
    context.close()


def is_local(url):
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.hostname in LOCAL_HOSTS


class PartnerSite:
    """A partner's website on another origin: serves the HTML pages a test puts in `pages`."""

    def __init__(self):
        pages = self.pages = {}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = pages.get(self.path.split("?")[0])
                if body is None:
                    self.send_error(404)
                    return
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((PARTNER_HOST, 0), Handler)
        self.origin = f"http://{PARTNER_HOST}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path, html):
        """Publish `html` at `path`; returns its URL."""
        self.pages[path] = html
        return self.origin + path

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="package")
def partner_site():
    """A partner's website served from 127.0.0.2 (another origin than the demo server)."""
    site = PartnerSite()
    yield site
    site.stop()
