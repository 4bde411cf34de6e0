"""Per-request cost inside one Django process: time, SQL queries and peak memory.

As a script it prints the SQL query count of each URL as JSON, for a benchmark that
serves the site with gunicorn and wants the counts from the same database and settings:

    DJANGO_SETTINGS_MODULE=cms.settings.production … python bench/inprocess.py /de/ /en/
"""

import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import percentile  # noqa: E402

HTML_PAGE_BUST = "nocache"


class QueryCounter:
    """Counts the SQL statements run on the default connection inside the `with` block.

    A wrapper on the connection, rather than Django's query log: the log is emptied when
    a request starts and lost when SQLite's connection is closed after each request.
    """

    def __enter__(self):
        from django.db import connection

        self.count = 0
        self.cm = connection.execute_wrapper(self)
        self.cm.__enter__()
        return self

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc_info):
        self.cm.__exit__(*exc_info)


def uncached(path, number):
    """The path with a query no page cache has seen, so that every request renders."""
    return f"{path}{'&' if '?' in path else '?'}{HTML_PAGE_BUST}={number}"


def measure(client, path, runs, budget_s=30.0, vary=False):
    """Median/p95 ms over up to `runs` requests (at least 3, stopping after `budget_s`),
    the SQL queries of one request and the peak of Python allocations (tracemalloc) of
    another. `vary` gives every request a new query string (a cache-missing render).
    The last timed response comes back as "response".
    """
    counter = iter(range(1, 10**9))

    def target():
        return uncached(path, next(counter)) if vary else path

    client.get(target())  # the first view makes image renditions
    timings = []
    spent = 0.0
    while len(timings) < runs and (len(timings) < 3 or spent < budget_s):
        started = time.perf_counter()
        response = client.get(target())
        elapsed = time.perf_counter() - started
        timings.append(elapsed * 1000)
        spent += elapsed
    with QueryCounter() as queries:
        client.get(target())
    gc.collect()
    tracemalloc.start()
    try:
        client.get(target())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "status": response.status_code,
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "runs": len(timings),
        "queries": queries.count,
        "peak_mb": peak / 2**20,
        "bytes": len(response.content),
        "response": response,
    }


def query_counts(paths, host="127.0.0.1"):
    from django.test import Client

    client = Client(HTTP_HOST=host)
    counts = {}
    for number, path in enumerate(paths):
        client.get(uncached(path, -1 - number))  # warm: renditions, caches of menus …
        with QueryCounter() as queries:
            response = client.get(uncached(path, number))
        counts[path] = {"queries": queries.count, "status": response.status_code}
    return counts


def main():
    import django

    django.setup()
    print(json.dumps(query_counts(sys.argv[1:])))


if __name__ == "__main__":
    main()
