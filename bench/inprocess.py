"""Per-request cost inside one Django process: time, SQL queries and peak memory (RSS).

As a script it prints the SQL query count of each URL (or the demo's page of each type)
as JSON, for a benchmark that serves the site with gunicorn and wants them from the same
database and settings:

    DJANGO_SETTINGS_MODULE=cms.settings.production … python bench/inprocess.py count /de/ /en/
    DJANGO_SETTINGS_MODULE=cms.settings.production … python bench/inprocess.py paths
"""

import gc
import json
import statistics
import sys
import time
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


def reset_peak_rss():
    """Linux: start a new high-water mark of this process's resident memory."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def measure(client, path, runs, budget_s=30.0, vary=False):
    """Median/p95 ms over up to `runs` requests after one warm-up; slow URLs get fewer
    (three, or one when the warm-up alone took a third of `budget_s`). The last request
    also counts SQL statements and the process's peak resident memory (RSS, with the
    baseline of the process). A streamed body is read to its end within the time. `vary`
    gives every request a new query string, so that a page cache never answers. The last
    response comes back as "response", its body as "body"; "first" is the warm-up's ms.
    """
    counter = iter(range(1, 10**9))

    def target():
        return uncached(path, next(counter)) if vary else path

    started = time.perf_counter()
    read_body(client.get(target()))  # the first view makes image renditions
    warm_up = time.perf_counter() - started
    least = 1 if warm_up > budget_s / 3 else 3
    timings = []
    spent = 0.0
    while len(timings) < runs and (len(timings) < least or spent < budget_s):
        last = len(timings) + 1 >= runs or spent + warm_up > budget_s
        gc.collect()
        rss_reset = last and reset_peak_rss()
        with QueryCounter() as queries:
            started = time.perf_counter()
            response = client.get(target())
            body = read_body(response)
            elapsed = time.perf_counter() - started
        timings.append(elapsed * 1000)
        spent += elapsed
    return {
        "status": response.status_code,
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "runs": len(timings),
        "queries": queries.count,
        "peak_mb": peak_rss_mb() if rss_reset else None,
        "bytes": len(body),
        "first": warm_up * 1000,
        "response": response,
        "body": body,
    }


def read_body(response):
    """The whole body; a streamed one (a file download) is read to its end, as a client would."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


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


def demo_route():
    """The demo's route with the most stops: the same route at every size.

    Generated regions add routes without a GPX file (and some with more stops); the demo's
    routes all have one, so the measured route does not change with the region's size.
    """
    from django.db.models import Count

    from tourism.models import RoutePage

    routes = RoutePage.objects.live().exclude(gpx_file="").exclude(gpx_file__isnull=True)
    return routes.annotate(stop_count=Count("stops")).order_by("-stop_count", "pk").first()


def demo_paths():
    """German paths of one page of each type of the demo, the same at every size."""
    from django.utils import translation

    from pages.models import EventIndexPage, EventPage, HomePage, NewsIndexPage, NewsPage
    from tourism.models import (
        PointOfInterestIndexPage,
        PointOfInterestPage,
        RouteIndexPage,
    )

    route = demo_route()
    pages = {
        "home": HomePage.objects.first(),
        "poi list": PointOfInterestIndexPage.objects.first(),
        "poi detail": PointOfInterestPage.objects.live().order_by("pk").first(),
        "route list": RouteIndexPage.objects.first(),
        "route detail": route,
        "event list": EventIndexPage.objects.first(),
        "event detail": EventPage.objects.live().order_by("start").first(),
        "news list": NewsIndexPage.objects.first(),
        "news item": NewsPage.objects.live().order_by("-date").first(),
    }
    with translation.override("de"):
        return {name: page.get_url() for name, page in pages.items()}


def main():
    """`paths` prints `demo_paths()`, `count PATH…` the SQL statements per path, as JSON."""
    import django

    django.setup()
    command, *paths = sys.argv[1:]
    print(json.dumps(demo_paths() if command == "paths" else query_counts(paths)))


if __name__ == "__main__":
    main()
