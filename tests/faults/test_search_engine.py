"""A search engine that answers only after 5 s: search falls back to the database.

Bound: the first search waits SEARCH_TIMEOUT_SECONDS (1 s here) once per worker, then the
database answers at once for SEARCH_RETRY_AFTER seconds; every page stays within 3 s and
/readyz within 1.5 s (it waits at most 0.5 s for the search check).
"""

import time

import pytest

from tests.faults.conftest import PAGE_BOUND_SECONDS, assert_every_page_answers
from tests.servers import SlowHttpServer

SEARCH_TIMEOUT = 1


@pytest.fixture(scope="module")
def slow_search_engine():
    server = SlowHttpServer(delay=5)
    yield server
    server.close()


@pytest.fixture(scope="module")
def site(app_server_with, slow_search_engine):
    return app_server_with(
        ELASTICSEARCH_URL=slow_search_engine.url, SEARCH_TIMEOUT_SECONDS=str(SEARCH_TIMEOUT)
    )


def test_every_page_answers_while_the_search_engine_is_slow(site, production_site):
    addresses = production_site.addresses()
    for path in addresses.values():  # images rendered once, unbounded
        site.get(path, timeout=120)
    assert_every_page_answers(site, addresses, bound=SEARCH_TIMEOUT + PAGE_BOUND_SECONDS)


def test_search_answers_from_the_database_within_the_timeout(site):
    for _ in range(4):  # both workers: the first search of each waits for the timeout
        answer = site.get("/de/suche/?q=Roland")
        assert answer.status == 200
        assert answer.seconds < SEARCH_TIMEOUT + PAGE_BOUND_SECONDS
        assert "Roland" in answer.text()
    # Then the engine is skipped for a while: no visitor waits for it.
    for _ in range(6):
        answer = site.get("/de/suche/?q=Museum")
        assert answer.status == 200 and answer.seconds < PAGE_BOUND_SECONDS
        search = site.get("/api/v1/search?q=Roland&lang=de")
        assert search.status == 200 and search.seconds < PAGE_BOUND_SECONDS


def test_readiness_reports_search_degraded_within_half_a_second(site):
    started = time.monotonic()
    ready = site.get("/readyz")
    assert time.monotonic() - started < 1.5
    assert ready.status == 200
    search = ready.json()["checks"]["search"]
    assert search["status"] in {"down", "degraded"}
    assert search["latency_ms"] <= 600
    assert site.get("/healthz").seconds < 0.5
