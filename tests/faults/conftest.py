"""The fault suite: gunicorn with production settings against dependencies that fail.

Every process and socket is started here and stopped afterwards (tests/servers.py); the
shared PostgreSQL and Redis servers are never touched: Redis is a redis-server of our own
behind a proxy that can hang or die, the database is the fault suite's own site database.
"""

import os

import pytest

from tests.servers import AppServer, FaultProxy, RedisServer, redis_available

# Bounds stated by the tests: before, a hung Redis cost ~30 s per page.
PAGE_BOUND_SECONDS = 3.0
# Seconds the site skips a failed Redis before trying again (short, so tests stay short).
RETRY_AFTER = 2


def need_redis_server():
    if redis_available():
        return
    if not os.environ.get("CI"):
        pytest.skip("redis-server is missing (CI has it)")
    pytest.fail("redis-server is missing although CI is set")


@pytest.fixture(scope="module")
def redis_proxy(tmp_path_factory):
    """A redis-server of our own and a proxy in front of it; yields the proxy."""
    need_redis_server()
    redis = RedisServer(tmp_path_factory.mktemp("redis")).start()
    proxy = FaultProxy(redis.port)
    proxy.redis = redis
    yield proxy
    proxy.close()
    redis.stop()


@pytest.fixture(scope="module")
def app_server_with(production_site, tmp_path_factory):
    """Starts gunicorn (2 workers, production settings) with extra environment variables."""
    servers = []

    def start(**env):
        log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
        server = AppServer({**production_site.environment, **env}, log_path, workers=2)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


def assert_every_page_answers(server, addresses, bound=PAGE_BOUND_SECONDS, headers=None):
    """Each address answers 200 within `bound` seconds; returns the slowest time."""
    slowest = 0.0
    for page_type, path in addresses.items():
        answer = server.get(path, timeout=bound + 30, headers=headers)
        assert answer.status == 200, f"{page_type} {path}: {answer.status}"
        assert answer.seconds < bound, f"{page_type} {path}: {answer.seconds:.2f} s"
        slowest = max(slowest, answer.seconds)
    return slowest
