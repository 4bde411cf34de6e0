"""Readiness checks for /readyz: each dependency's state and latency, within a fixed time.

The checks are named by dotted path in `settings.HEALTH_CHECKS` (cms imports no app); each
returns a dict with "status" ("ok", "degraded" or "down") and may add details. They run in
threads and /readyz waits at most `HEALTH_CHECK_TIMEOUT` seconds for all of them together:
a check still running then is reported "down" and left to finish on its own. A check that is
still running from an earlier request is not started again, so a hung dependency costs one
waiting thread, not one per load-balancer probe.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

_running = set()  # names of checks whose thread has not finished yet
_running_lock = threading.Lock()


def database_status():
    """A round trip to the database, on a connection of the checking thread."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        connection.close()  # the thread ends here; its connection must not linger
    return {"status": "ok"}


def cache_status():
    """Redis answers a PING (even while the site skips it after a failure)."""
    if hasattr(cache, "ping"):  # cms.cache.CircuitBreakerRedisCache
        cache.ping()
    else:
        cache.set("readyz", "1", 5)
        if cache.get("readyz") != "1":
            raise RuntimeError("the cache did not return the value it stored")
    return {"status": "ok"}


def static_files_status():
    """The manifest of collected static files was there when this process started.

    Without it every page fails ("Missing staticfiles manifest entry") while the process
    looks healthy; run collectstatic, then restart the app server.
    """
    from django.contrib.staticfiles.storage import staticfiles_storage

    if not hasattr(staticfiles_storage, "hashed_files"):
        return {"status": "ok"}  # plain storage (development, tests): nothing to collect
    if not staticfiles_storage.hashed_files:
        raise RuntimeError("no static files manifest: run collectstatic, then restart")
    return {"status": "ok", "files": len(staticfiles_storage.hashed_files)}


def run_checks(checks=None, timeout=None):
    """{name: result} for every check, each result with its "latency_ms"."""
    checks = settings.HEALTH_CHECKS if checks is None else checks
    timeout = settings.HEALTH_CHECK_TIMEOUT if timeout is None else timeout
    started = time.monotonic()
    results, threads = {}, {}
    for name, path in checks.items():
        with _running_lock:
            if name in _running:
                results[name] = {"status": "down", "reason": "previous check still running"}
                continue
            _running.add(name)
        thread = threading.Thread(
            target=_run_one, args=(name, path, results), name=f"readyz-{name}", daemon=True
        )
        threads[name] = thread
        thread.start()
    deadline = started + timeout
    for name, thread in threads.items():
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            results[name] = {
                "status": "down",
                "reason": "no answer in time",
                "latency_ms": round(timeout * 1000),
            }
    return dict(results)


def _run_one(name, path, results):
    started = time.monotonic()
    try:
        result = dict(import_string(path)())
    except Exception as error:  # any failure means "down"; the reason goes to the log
        logger.warning("readiness check %s failed: %s: %s", name, type(error).__name__, error)
        result = {"status": "down"}
    finally:
        with _running_lock:
            _running.discard(name)
    result["latency_ms"] = round((time.monotonic() - started) * 1000, 1)
    results.setdefault(name, result)  # a late answer does not replace "no answer in time"
