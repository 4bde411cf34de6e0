"""Bytes, SQL queries and server time of the partner widgets and their loader on the demo.

    .venv/bin/python bench/widgets_benchmark.py --runs 20 [--write]

Builds the demo in a throw-away test database, warms each widget once (image renditions
are made on first view), then requests it `--runs` times through Django's handler (no
network: server time). Bytes are the widget's HTML plus the stylesheet and script it
loads, gzip -9; images excluded. Budgets: the loader at most 5 KB compressed, a widget
with its CSS and JS at most 30 KB. `--write` replaces the widgets section of
docs/benchmarks.md; the script exits with 1 when a budget is exceeded.
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

from bench.report import gz_size, write_section  # noqa: E402

ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')
MARKER = "<!-- widgets-benchmark -->"
LOADER_BUDGET = 5 * 1024
WIDGET_BUDGET = 30 * 1024


def sample_widgets():
    from tourism.models import PointOfInterestPage, RoutePage

    place = PointOfInterestPage.objects.live().order_by("pk").first()
    route = max(RoutePage.objects.live(), key=lambda r: r.stops.count())
    stops = route.stops.count()
    return {
        "points of interest, list (6)": "/widgets/pois/?lang=de",
        "points of interest, grid (24)": "/widgets/pois/?lang=de&count=24&layout=grid",
        "points of interest near a point (24)": (
            "/widgets/pois/?lang=en&count=24&near=52.2897,11.4086&radius=50000"
        ),
        "museums (category)": "/widgets/pois/?lang=en&category=museums",
        "one point of interest": f"/widgets/poi/?lang=de&id={place.pk}",
        f"route card ({stops} stops)": f"/widgets/route/?lang=de&id={route.pk}",
        "upcoming events, list (6)": "/widgets/events/?lang=de",
        "upcoming events, grid (24)": "/widgets/events/?lang=pl&count=24&layout=grid",
        "explanation of bad options": "/widgets/pois/?count=0&lang=en",
    }


def asset_bytes(html):
    total = 0
    for url in sorted(set(ASSET.findall(html))):
        total += gz_size(Path(finders.find(url.removeprefix("/static/"))).read_bytes())
    return total


def measure(client, url, runs):
    client.get(url)  # the first view makes image renditions
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    html = response.content
    return {
        "status": response.status_code,
        "median": statistics.median(timings),
        "queries": len(queries.captured_queries),
        "html": len(html),
        "html_gz": gz_size(html),
        "total_gz": gz_size(html) + asset_bytes(html.decode()),
    }


def measure_loader(client):
    response = client.get("/widgets/embed.v1.js")
    return {"raw": len(response.content), "gz": gz_size(response.content)}


def table(results, loader, runs):
    lines = [
        MARKER,
        f"Demo site, SQLite, Django test client (server time, no network), {runs} requests "
        "each after one warm-up; bytes without images; gzip -9.",
        "",
        f"Loader `/widgets/embed.v1.js`: {loader['raw'] / 1024:.1f} KB, "
        f"**{loader['gz'] / 1024:.1f} KB gz** (budget 5 KB).",
        "",
        "| widget | status | median ms | SQL queries | HTML KB | HTML gz KB "
        "| HTML+CSS+JS gz KB (budget 30) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['status']} | {r['median']:.1f} | {r['queries']} | "
            f"{r['html'] / 1024:.1f} | {r['html_gz'] / 1024:.1f} | {r['total_gz'] / 1024:.1f} |"
        )
    return "\n".join(lines) + "\n" + MARKER


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=StringIO())
        client = Client()
        results = {name: measure(client, url, args.runs) for name, url in sample_widgets().items()}
        loader = measure_loader(client)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    section = table(results, loader, args.runs)
    print(section)
    if args.write:
        write_section(MARKER, "Widgets", section)
    over = loader["gz"] > LOADER_BUDGET or any(
        r["total_gz"] > WIDGET_BUDGET for r in results.values()
    )
    if over:
        print("Over budget.", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
