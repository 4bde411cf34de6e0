"""Server time, SQL queries and bytes of each page type on the demo site.

    .venv/bin/python bench/pages_benchmark.py --runs 30 [--write]

Builds the demo in a throw-away test database, warms each page once (image renditions
are made on first view), then requests it `--runs` times through Django's handler
(no network, so this is server time). Bytes are the HTML plus the stylesheet and scripts
the page loads, raw and gzip-compressed; images and map tiles are excluded.
`--write` replaces the pages section of docs/benchmarks.md.
"""

import argparse
import os
import re
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402

from bench.inprocess import uncached  # noqa: E402
from bench.report import gz_size, percentile, write_section  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')
MARKER = "<!-- pages-benchmark -->"


def sample_pages():
    from pages.models import (
        EventIndexPage,
        EventPage,
        HomePage,
        NewsIndexPage,
        NewsPage,
        StandardPage,
    )
    from tourism.models import (
        PointOfInterestIndexPage,
        PointOfInterestPage,
        RouteIndexPage,
        RoutePage,
    )

    pages = {
        "home": HomePage.objects.first(),
        "point of interest list": PointOfInterestIndexPage.objects.first(),
        "point of interest": PointOfInterestPage.objects.live().order_by("pk").first(),
        "route list": RouteIndexPage.objects.first(),
        "route (9 stops)": max(RoutePage.objects.live(), key=lambda r: r.stops.count()),
        "event list": EventIndexPage.objects.first(),
        "event": EventPage.objects.live().order_by("start").first(),
        "news list": NewsIndexPage.objects.first(),
        "news item": NewsPage.objects.live().first(),
        "standard page": StandardPage.objects.live().first(),
    }
    with translation.override("de"):
        return {name: page.get_url() for name, page in pages.items()}


def asset_bytes(html):
    raw = compressed = 0
    for url in sorted(set(ASSET.findall(html))):
        if "vendor/" in url:  # Leaflet loads only after the visitor asks for a detailed map
            continue
        path = finders.find(url.removeprefix("/static/"))
        data = Path(path).read_bytes()
        raw += len(data)
        compressed += gz_size(data)
    return raw, compressed


def measure(client, url, runs):
    # Every request with a new query string: the page renders (its stored fragments may
    # answer), the full-page cache never does.
    fresh = (uncached(url, number) for number in range(10**9))
    client.get(next(fresh))  # first view makes image renditions
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(next(fresh))
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(next(fresh))
    html = response.content.decode()
    assets_raw, assets_gz = asset_bytes(html)
    return {
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "queries": len(queries.captured_queries),
        "html": len(response.content),
        "html_gz": gz_size(response.content),
        "total_gz": gz_size(response.content) + assets_gz,
        "assets_raw": assets_raw,
    }


def table(results, runs):
    lines = [
        MARKER,
        f"Demo site, SQLite, Django test client (server time, no network), {runs} requests each "
        "after one warm-up, each with a new query string (rendered, not answered by the page "
        "cache; stored fragments answer); bytes without images and map tiles; gzip -9.",
        "",
        "| page type | median ms | p95 ms | SQL queries | HTML KB | HTML gz KB "
        "| HTML+CSS+JS gz KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['median']:.1f} | {r['p95']:.1f} | {r['queries']} | "
            f"{r['html'] / 1024:.1f} | {r['html_gz'] / 1024:.1f} | {r['total_gz'] / 1024:.1f} |"
        )
    return "\n".join(lines) + "\n" + MARKER


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=StringIO())
        client = Client()
        results = {name: measure(client, url, args.runs) for name, url in sample_pages().items()}
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    section = table(results, args.runs)
    print(section)
    if args.write:
        write_section(MARKER, "Pages", section)


if __name__ == "__main__":
    main()
