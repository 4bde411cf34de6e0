"""A hung or dead Redis costs one short timeout, then the cache is skipped for a while.

Real sockets and a real redis-server of the test's own (tests/servers.py), no mocks.
"""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from cms import health
from cms.cache import Circuit, circuit_for, reset_circuits
from tests.servers import FaultProxy, HungServer, RedisServer, free_port, redis_available

TIMEOUT = 0.25
RETRY_AFTER = 0.5


def redis_cache(location, retry_after=RETRY_AFTER):
    return {
        "default": {
            "BACKEND": "cms.cache.CircuitBreakerRedisCache",
            "LOCATION": location,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": TIMEOUT,
                "SOCKET_TIMEOUT": TIMEOUT,
                "IGNORE_EXCEPTIONS": True,
                "CIRCUIT_RETRY_AFTER": retry_after,
            },
        }
    }


@pytest.fixture(autouse=True)
def _fresh_circuits():
    reset_circuits()
    yield
    reset_circuits()


@pytest.fixture
def hung_redis():
    server = HungServer()
    yield f"redis://127.0.0.1:{server.port}/0"
    server.close()


@pytest.fixture
def redis_behind_proxy(tmp_path):
    if not redis_available():
        pytest.skip("needs redis-server")
    redis = RedisServer(tmp_path).start()
    proxy = FaultProxy(redis.port)
    yield proxy
    proxy.close()
    redis.stop()


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_circuit_opens_on_a_failure_and_lets_one_caller_try_after_the_pause():
    clock = Clock()
    circuit = Circuit("redis://cache", retry_after=15, clock=clock)
    assert circuit.allows_call()
    circuit.record_failure(ConnectionError("refused"))
    assert not circuit.allows_call()
    clock.now += 14.9
    assert not circuit.allows_call()
    clock.now += 0.2
    assert circuit.allows_call()  # this caller tries Redis again …
    assert not circuit.allows_call()  # … the others keep skipping it meanwhile
    circuit.record_success()
    assert circuit.allows_call() and not circuit.is_open


def test_a_failing_cache_is_logged_once_per_interval_without_traceback(caplog):
    clock = Clock()
    circuit = Circuit("redis://cache", retry_after=15, clock=clock)
    with caplog.at_level(logging.INFO, logger="cms.cache"):
        for _ in range(100):
            circuit.record_failure(TimeoutError("Timeout reading from socket"))
            clock.now += 0.1  # 100 failures in 10 s
        clock.now += 6
        circuit.record_failure(TimeoutError("Timeout reading from socket"))
        circuit.record_success()
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 3, messages
    assert "unavailable (TimeoutError" in messages[0]
    assert "reachable again after 16 s" in messages[2]
    assert not any(record.exc_info for record in caplog.records)


def test_the_circuit_hides_the_redis_password_in_logs(caplog):
    circuit = circuit_for("redis://:s3cret@127.0.0.1:6379/0")
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        circuit.record_failure(ConnectionError("refused"))
    assert "s3cret" not in caplog.text
    assert "redis://127.0.0.1:6379/0" in caplog.text


def test_a_hung_redis_costs_one_timeout_then_nothing(hung_redis):
    with override_settings(CACHES=redis_cache(hung_redis, retry_after=30)):
        started = time.monotonic()
        assert cache.get("page", "miss") == "miss"
        first = time.monotonic() - started
        started = time.monotonic()
        for number in range(100):  # a page makes dozens of cache calls
            cache.set(f"key{number}", "value")
            assert cache.get(f"key{number}") is None
        rest = time.monotonic() - started
    assert first < 1.0  # one socket timeout (0.25 s), not redis-py retries
    assert rest < 0.5  # generous: these 200 calls never touch the network


def test_a_dead_redis_answers_as_a_miss_at_once():
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        started = time.monotonic()
        assert cache.get("page") is None
        assert not cache.add("counter", 0)
        assert cache.get_many(["a", "b"]) == {}
        assert cache.incr("counter") is None
        assert time.monotonic() - started < 1.0


def test_redis_is_used_again_after_the_outage(redis_behind_proxy, caplog):
    proxy = redis_behind_proxy
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{proxy.port}/0")):
        cache.set("before", "kept")
        assert cache.get("before") == "kept"
        with caplog.at_level(logging.INFO, logger="cms.cache"):
            proxy.kill()
            assert cache.get("before") is None
            cache.set("during", "lost")  # skipped: nothing waits for Redis
            proxy.restore()
            time.sleep(RETRY_AFTER + 0.1)
            assert cache.get("before") == "kept"  # Redis kept its data
            assert cache.get("during") is None
            cache.set("after", "stored")
            assert cache.get("after") == "stored"
    assert "reachable again" in caplog.text


def test_readiness_asks_redis_even_while_the_site_skips_it(redis_behind_proxy):
    proxy = redis_behind_proxy
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{proxy.port}/0", 60)):
        proxy.kill()
        cache.get("anything")  # opens the circuit for a minute
        with pytest.raises(Exception, match="Connection|refused|Error"):
            health.cache_status()
        proxy.restore()
        assert health.cache_status() == {"status": "ok"}
        # A successful probe closes the circuit at once: pages use Redis again.
        cache.set("key", "value")
        assert cache.get("key") == "value"


@pytest.fixture
def own_redis(tmp_path):
    if not redis_available():
        pytest.skip("needs redis-server")
    redis = RedisServer(tmp_path).start()
    yield redis
    redis.stop()


def test_a_rate_limit_window_is_counted_in_one_transaction_with_its_lifetime(own_redis):
    import redis as redis_py

    from cms.ratelimit import count_in_window

    location = f"redis://127.0.0.1:{own_redis.port}/0"
    server = redis_py.Redis.from_url(location)
    with override_settings(CACHES=redis_cache(location)):
        cache.get("connected")  # the client's handshake is not the counter's
        calls_before = server.info("stats")["total_commands_processed"]
        assert [count_in_window("window:1", 60) for _ in range(3)] == [1, 2, 3]
        calls = server.info("stats")["total_commands_processed"] - calls_before - 1
        assert calls == 3 * 4  # MULTI, SET NX, INCR, EXEC for each request, sent at once
        assert count_in_window("window:2", 60) == 1  # each window its own counter
        (name,) = server.keys("*window:1")
        assert 60 < server.ttl(name) <= 65  # never a counter without an end
        assert cache.get("window:1") == 3  # the same entry Django's cache reads


def test_a_rate_limit_without_redis_lets_requests_pass():
    from cms.ratelimit import count_in_window

    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{free_port()}/0")):
        assert count_in_window("window", 60) == 0
