"""A hung or dead Redis: every page type, the API and the widgets keep answering 200.

Bound: each page within 3 s (PAGE_BOUND_SECONDS; before, ~30 s and 500s). The cache
costs one 0.25 s timeout per worker, then is skipped for RETRY_AFTER seconds; the log
gets one line per worker and interval, no tracebacks. Nothing is lost: every API request
of a partner is counted in the database, and the site uses Redis again once it is back.
"""

import re
import time

import pytest
import redis as redis_py

from tests.faults.conftest import RETRY_AFTER, assert_every_page_answers


@pytest.fixture(scope="module")
def site(app_server_with, redis_proxy):
    server = app_server_with(
        REDIS_URL=f"redis://127.0.0.1:{redis_proxy.port}/0", CACHE_RETRY_AFTER=str(RETRY_AFTER)
    )
    return server


@pytest.fixture(scope="module")
def partner_key(production_site):
    return production_site.create_partner("Hotel am Roland (fault suite)")


@pytest.fixture(scope="module")
def warm(site, production_site, redis_proxy):
    """Every page viewed once with Redis working (images rendered, caches filled)."""
    addresses = production_site.addresses()
    for path in addresses.values():
        assert site.get(path, timeout=120).status == 200
    assert redis_keys(redis_proxy) > 0, "the site caches in Redis while it works"
    return addresses


def redis_keys(proxy):
    # Asked directly, not through the proxy: what the site managed to store.
    return redis_py.Redis(port=proxy.redis.port, socket_timeout=2).dbsize()


def cache_warnings(log):
    return len(re.findall(r"Cache redis://\S+ unavailable", log))


def api_requests(site, key, count):
    for _ in range(count):
        answer = site.get("/api/v1/categories", headers={"X-API-Key": key})
        assert answer.status == 200


@pytest.mark.parametrize("fault", ["hang", "kill"])
def test_pages_answer_while_redis_fails_and_redis_is_used_again_after(
    fault, site, warm, redis_proxy, production_site, partner_key
):
    counted_before = production_site.partner_requests(partner_key)
    log_before = len(site.log())
    getattr(redis_proxy, fault)()  # hang: accepts, never answers; kill: connection refused
    try:
        started = time.monotonic()
        assert_every_page_answers(site, warm)
        api_requests(site, partner_key, 10)
        # Twice, over more than the retry interval: each worker tries Redis again once.
        time.sleep(RETRY_AFTER + 0.5)
        assert_every_page_answers(site, warm)
        fault_seconds = time.monotonic() - started
    finally:
        redis_proxy.restore()

    log = site.log()[log_before:]
    assert "Traceback" not in log
    # One line per worker and retry interval, not one per cache call (was ~80 KB/request).
    assert 1 <= cache_warnings(log) <= 2 * (fault_seconds / RETRY_AFTER + 2)
    assert len(log.encode()) < 30_000

    # Back: after the retry interval the site stores in Redis again.
    redis_py.Redis(port=redis_proxy.redis.port).flushdb()
    time.sleep(RETRY_AFTER + 0.5)
    # Which worker takes a request is up to the workers: keep asking (a bounded number of
    # times) until the one whose circuit opened during the fault has tried Redis again.
    for _ in range(30):
        assert site.get(warm["home"]).status == 200
        assert site.get(warm["point of interest"]).status == 200
        if "reachable again" in site.log()[log_before:]:
            break
        time.sleep(0.1)
    assert redis_keys(redis_proxy) > 0
    assert "reachable again" in site.log()[log_before:]
    # Nothing lost: every partner request of the fault was counted.
    assert production_site.partner_requests(partner_key) == counted_before + 10


def test_readiness_reports_the_cache_down_but_stays_200(site, warm, redis_proxy):
    redis_proxy.hang()
    try:
        started = time.monotonic()
        ready = site.get("/readyz")
        assert time.monotonic() - started < 1.5
        assert ready.status == 200
        body = ready.json()
        assert body["status"] == "degraded"
        assert body["checks"]["cache"]["status"] == "down"
        assert body["checks"]["database"]["status"] == "ok"
        assert site.get("/healthz").status == 200
    finally:
        redis_proxy.restore()
