"""Search test data and the backends the contract suite runs against.

The Elasticsearch backend runs against the `noida-db` emulator (an Elasticsearch-8 API
on a free loopback port, started once per session) and, when ELASTICSEARCH_URL is set,
against that real cluster as well.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import override_settings

from tests.factories.pages import (
    EventCategoryFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.factories.tourism import (
    PointOfInterestCategoryFactory,
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)

ROLAND = (52.289700, 11.408600)
ALWAYS_OPEN = [
    {
        "type": "season",
        "value": {
            "start_day": None,
            "start_month": None,
            "end_day": None,
            "end_month": None,
            "weekly": [
                {
                    "days": [str(day) for day in range(7)],
                    "ranges": [{"opens": "00:00", "closes": "00:00"}],
                }
            ],
        },
    }
]
REAL_CLUSTER_URL = os.environ.get("ELASTICSEARCH_URL", "")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url):
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def _skip_or_fail(reason):
    """On a developer's machine a missing emulator skips; in CI it must fail, never hide."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


class Emulator:
    """A running noida-db Elasticsearch emulator that a test may stop and start again."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = tempfile.mkdtemp(prefix="noida-db-")
        self.process = None

    def start(self):
        executable = shutil.which("noida-db") or str(Path(sys.executable).parent / "noida-db")
        if not Path(executable).exists():
            _skip_or_fail("noida-db is not installed (pip install -e '.[test]')")
        self.process = subprocess.Popen(
            [
                executable,
                "start",
                "--only",
                "elasticsearch",
                "--elasticsearch-port",
                str(self.port),
                "--host",
                "127.0.0.1",
            ],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # it warns about GLIBC on start; harmless
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while not _answers(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                _skip_or_fail("the noida-db emulator did not start")
            time.sleep(0.1)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            # The server process may outlive its launcher for a moment.
            deadline = time.monotonic() + 10
            while _answers(self.url) and time.monotonic() < deadline:
                time.sleep(0.05)
        self.process = None


@pytest.fixture(scope="session")
def emulator():
    server = Emulator()
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.workdir, ignore_errors=True)


@pytest.fixture
def search_data(home_page):
    """A small Haldensleben: places, routes, an event, news and a page, in de and en."""
    sights = PointOfInterestCategoryFactory(
        name="Sehenswürdigkeiten", name_en="Sights", slug="sights"
    )
    museums = PointOfInterestCategoryFactory(name="Museen", name_en="Museums", slug="museums")
    poi_index = PointOfInterestIndexPageFactory(parent=home_page, title_en="Sights")
    roland = PointOfInterestPageFactory(
        parent=poi_index,
        title="Roland",
        title_en="Roland statue",
        teaser="Die steinerne Figur am Markt ist das Wahrzeichen der Stadt.",
        teaser_en="The stone figure on the market square is the town's landmark.",
        latitude=Decimal("52.289700"),
        longitude=Decimal("11.408600"),
        categories=[sights],
    )
    castle = PointOfInterestPageFactory(
        parent=poi_index,
        title="Schloss Hundisburg",
        title_en="Hundisburg Castle",
        teaser="Barockes Schloss mit großem Garten im Ortsteil.",
        teaser_en="Baroque palace with a large garden in the village.",
        latitude=Decimal("52.273000"),
        longitude=Decimal("11.354000"),
        categories=[sights],
    )
    museum = PointOfInterestPageFactory(
        parent=poi_index,
        title="Museum Haldensleben",
        title_en="Haldensleben Museum",
        teaser="Stadtgeschichte von der Steinzeit bis heute.",
        teaser_en="Local history from the Stone Age until today.",
        latitude=Decimal("52.291000"),
        longitude=Decimal("11.412000"),
        categories=[museums],
        opening_hours=ALWAYS_OPEN,
    )
    cafe = PointOfInterestPageFactory(
        parent=poi_index,
        title="Kaffeehaus am Roland",
        teaser="Kaffee und Kuchen neben dem Wahrzeichen.",
        latitude=Decimal("52.289900"),
        longitude=Decimal("11.409000"),
    )
    draft = PointOfInterestPageFactory(
        parent=poi_index,
        title="Geheimtipp Roland Keller",
        teaser="Noch nicht veröffentlicht.",
        live=False,
    )
    route_index = RouteIndexPageFactory(parent=home_page)
    cycle_route = RoutePageFactory(
        parent=route_index,
        title="Radweg nach Hundisburg",
        title_en="Cycle path to Hundisburg",
        teaser="Vom Markt zum Schloss, immer an der Beber entlang.",
        teaser_en="From the market square to the palace along the Beber.",
        kind="cycling",
        stops=[roland, castle],
    )
    walk = RoutePageFactory(
        parent=route_index,
        title="Altstadtrundgang",
        title_en="Old town walk",
        teaser="Ein Spaziergang durch die Altstadt.",
        teaser_en="A stroll through the old town.",
        kind="walking",
        stops=[roland, museum],
    )
    event_index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=event_index,
        title="Museumsnacht",
        title_en="Museum night",
        teaser="Führungen bis Mitternacht.",
        teaser_en="Guided tours until midnight.",
        venue=museum,
        category=EventCategoryFactory(name="Führungen", name_en="Guided tours", slug="tours"),
    )
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(
        parent=news_index,
        title="Neue Öffnungszeiten im Museum",
        title_en="New opening hours at the museum",
        teaser="Ab Mai auch sonntags geöffnet.",
        teaser_en="Open on Sundays from May.",
    )
    imprint = StandardPageFactory(parent=home_page, title="Impressum", title_en="Imprint", intro="")
    return {
        "roland": roland,
        "castle": castle,
        "museum": museum,
        "cafe": cafe,
        "draft": draft,
        "cycle_route": cycle_route,
        "walk": walk,
        "event": event,
        "news": news,
        "imprint": imprint,
        "poi_index": poi_index,
    }


def elasticsearch_settings(url):
    return override_settings(
        ELASTICSEARCH_URL=url,
        SEARCH_INDEX_PREFIX=f"test-{uuid.uuid4().hex[:10]}",
        SEARCH_REFRESH_ON_WRITE=True,
        SEARCH_TIMEOUT_SECONDS=5,
    )


def _delete_test_indices(client, prefix):
    # Elasticsearch 8 refuses wildcard deletes (destructive_requires_name): name them.
    try:
        for name in client.indices.get(index=f"{prefix}-*"):
            client.indices.delete(index=name)
    except Exception:  # cleanup is best effort; indices carry a unique prefix
        pass


BACKENDS = ["database", "emulator"] + (["cluster"] if REAL_CLUSTER_URL else [])


@pytest.fixture(params=BACKENDS)
def backend(request, search_data):
    """Each backend with `search_data` indexed; Elasticsearch ones get fresh indices."""
    from search import api
    from search.backends.database import DatabaseBackend

    if request.param == "database":
        with override_settings(ELASTICSEARCH_URL=""):
            yield DatabaseBackend()
        return
    url = (
        request.getfixturevalue("emulator").url if request.param == "emulator" else REAL_CLUSTER_URL
    )
    with elasticsearch_settings(url):
        from django.conf import settings

        from search import indexing
        from search.backends.elasticsearch import ElasticsearchBackend, get_client

        api.reset_circuit()
        indexing.rebuild()
        backend = ElasticsearchBackend(get_client())
        backend.kind = request.param
        try:
            yield backend
        finally:
            _delete_test_indices(get_client(), settings.SEARCH_INDEX_PREFIX)
            api.reset_circuit()
