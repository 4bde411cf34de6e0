"""The Redis cache behind a circuit breaker: a failing Redis costs a page one short timeout.

django-redis with IGNORE_EXCEPTIONS survives a dead Redis, but it waits for the socket
timeout on each of a page's cache calls and logs a traceback every time: a hung Redis
(accepting connections, never answering) cost ~75 timeouts per page and took the site down.
Here the first failure opens the circuit: for `CIRCUIT_RETRY_AFTER` seconds every call
answers at once as a miss (get → default, add/set → nothing stored, incr → None), then a
single call tries Redis again. One warning per interval, no tracebacks.

The circuit is per process and per Redis location, shared by the process's threads.
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER = 15.0  # seconds

# DefaultClient helpers that never talk to Redis; they pass through unguarded so that, say,
# Django's close() after each request neither trips nor heals the circuit.
_LOCAL_METHODS = frozenset(
    {
        "close",
        "connect",
        "decode",
        "disconnect",
        "do_close_clients",
        "encode",
        "get_client",
        "get_client_with_index",
        "get_next_client_index",
        "make_key",
        "make_pattern",
        "parse_timeout",
    }
)


class Circuit:
    """Closed: calls go to Redis. Open: calls are refused until `retry_after` has passed."""

    def __init__(self, name, retry_after=DEFAULT_RETRY_AFTER, clock=time.monotonic):
        self.name = name
        self.retry_after = retry_after
        self._clock = clock
        self._lock = threading.Lock()
        self._open_until = None  # None while closed
        self._opened_at = None
        self._logged_at = None

    @property
    def is_open(self):
        return self._open_until is not None

    def allows_call(self):
        """Whether to ask Redis now; after the pause, one caller gets to try."""
        with self._lock:
            if self._open_until is None:
                return True
            now = self._clock()
            if now < self._open_until:
                return False
            # This caller probes; the others keep skipping until it reports back.
            self._open_until = now + self.retry_after
            return True

    def record_failure(self, error):
        with self._lock:
            now = self._clock()
            if self._open_until is None:
                self._opened_at = now
            self._open_until = now + self.retry_after
            if self._logged_at is not None and now - self._logged_at < self.retry_after:
                return
            self._logged_at = now
        logger.warning(
            "Cache %s unavailable (%s: %s); pages are served without it, next try in %.0f s.",
            self.name,
            type(error).__name__,
            error,
            self.retry_after,
        )

    def record_success(self):
        if self._open_until is None:  # the common case, without taking the lock
            return
        with self._lock:
            if self._open_until is None:
                return
            down_for = self._clock() - self._opened_at
            self._open_until = self._opened_at = self._logged_at = None
        logger.warning("Cache %s reachable again after %.0f s.", self.name, down_for)


_circuits = {}
_circuits_lock = threading.Lock()


def circuit_for(location, retry_after=DEFAULT_RETRY_AFTER):
    """The process's circuit for one Redis location (each thread has its own cache object)."""
    with _circuits_lock:
        circuit = _circuits.get(location)
        if circuit is None:
            circuit = _circuits[location] = Circuit(_without_password(location), retry_after)
        return circuit


def reset_circuits():
    """Close every circuit (tests)."""
    with _circuits_lock:
        _circuits.clear()


def _without_password(location):
    # redis://:secret@host:6379/0 must not end up in the logs.
    scheme, separator, rest = location.partition("://")
    if separator and "@" in rest:
        rest = rest.split("@", 1)[1]
    return f"{scheme}{separator}{rest}"


class _GuardedClient:
    """Wraps django-redis's client: refuses calls while the circuit is open, reports outcomes."""

    def __init__(self, client, circuit):
        self._client = client
        self._circuit = circuit

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name.startswith("_") or name in _LOCAL_METHODS or not callable(attribute):
            return attribute

        def guarded(*args, **kwargs):
            return self.call(attribute, *args, **kwargs)

        return guarded

    def call(self, method, *args, force=False, **kwargs):
        if not force and not self._circuit.allows_call():
            # RedisCache turns this into the method's "nothing there" answer.
            raise ConnectionInterrupted(connection=None)
        try:
            result = method(*args, **kwargs)
        except ConnectionInterrupted as error:
            self._circuit.record_failure(error.__cause__ or error)
            raise
        self._circuit.record_success()
        return result


class CircuitBreakerRedisCache(RedisCache):
    """django-redis's cache whose calls skip Redis for a while after it failed.

    OPTIONS as for django-redis, plus CIRCUIT_RETRY_AFTER (seconds, default 15). Needs
    IGNORE_EXCEPTIONS = True, which turns a refused call into a cache miss.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        options = params.get("OPTIONS", {})
        self._ignore_exceptions = True
        self.circuit = circuit_for(
            server, float(options.get("CIRCUIT_RETRY_AFTER", DEFAULT_RETRY_AFTER))
        )

    @property
    def client(self):
        if self._client is None:
            self._client = _GuardedClient(
                self._client_cls(self._server, self._params, self), self.circuit
            )
        return self._client

    def ping(self):
        """Ask Redis directly, even while the circuit is open (readiness checks).

        Raises on failure; a success closes the circuit at once.
        """
        guarded = self.client

        def ping_redis():
            try:
                return guarded._client.get_client(write=True).ping()
            except Exception as error:  # redis-py's errors, as the other calls see them
                raise ConnectionInterrupted(connection=None) from error

        return guarded.call(ping_redis, force=True)

    def count(self, key, timeout):
        """Add one to the counter `key`, made with `timeout` if new, in one round trip
        (MULTI: SET NX EX, INCR); the new count, or None while Redis is unreachable."""
        guarded = self.client
        name = guarded.make_key(key)

        def add_and_count():
            try:
                pipeline = guarded._client.get_client(write=True).pipeline(transaction=True)
                pipeline.set(name, 0, ex=timeout, nx=True)
                pipeline.incr(name)
                return pipeline.execute()[1]
            except Exception as error:  # redis-py's errors, as the other calls see them
                raise ConnectionInterrupted(connection=None) from error

        try:
            return guarded.call(add_and_count)
        except ConnectionInterrupted:
            return None
