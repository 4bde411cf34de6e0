"""Latency of the DatabaseBackend on synthetic data (SQLite, or DATABASE_URL).

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python bench/search_benchmark.py \
        --pois 10000 --routes 1000 --runs 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python \
        bench/search_benchmark.py --pois 10000 --routes 1000

Creates a throw-away test database (`test_…`), fills it with points of interest and
routes in de/en, then reports median and p95 latency of typical queries, suggestions and
"near me". Results go to docs/benchmarks.md.

The pages are real rows, inserted in bulk by `demo.region` (the region generator): page
rows with treebeard paths computed, then the rows of the specific tables, categories and
tags. No revisions and no signals: what the backend finds must come from the database alone.
With `--elasticsearch URL` it also rebuilds the Elasticsearch indices from the same data
and reports the size of each bulk request.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.report import percentile  # noqa: E402
from bench.search_queries import visitor_queries  # noqa: E402
from demo.region import RegionGenerator  # noqa: E402

QUERIES = [
    "Roland",
    "Schloss Hundisburg",
    "Museum",
    "Radweg",
    "Kirche Satuelle",
    "Schlos",
    "Mühle",
    "Hundisbrug",
    "Zoo Eisbären",
]
SUGGESTIONS = ["Sch", "Hundis", "Rad", "Mü", "Ro"]
# Visitor queries of `bench.search_queries` (de/en/pl names, typos, region names).
VARIED_QUERIES = 200
NEAR = (52.29, 11.40)
# 0.2° × 0.2° around Haldensleben: 10 000 places are ~ 30 per km².
SEARCH_AREA = (52.2, 11.3, 52.4, 11.5)


def fill(pois, routes):
    """The region generator's places and routes (no events) in a small, dense area."""
    started = time.perf_counter()
    RegionGenerator(pois, routes, events=0, area=SEARCH_AREA, log=lambda _message: None).run()
    print(
        f"created {pois} points of interest and {routes} routes in "
        f"{time.perf_counter() - started:.1f} s"
    )


ALL_TIMINGS = []
ONLY = []


def measure(label, action, runs):
    if ONLY and not any(text in label for text in ONLY):
        return
    action()  # warm-up: the first call pays for imports and statement preparation
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    ALL_TIMINGS.extend(timings)
    print(f"| {label} | {statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} |")


def run_searches(runs):
    from search.backends.database import DatabaseBackend
    from search.query import SearchQuery

    backend = DatabaseBackend()
    print("| what | median ms | p95 ms |\n| --- | --- | --- |")
    for text in QUERIES:
        for language in ("de", "en"):
            measure(
                f"query “{text}” ({language})",
                lambda t=text, lang=language: backend.search(SearchQuery(text=t, language=lang)),
                runs,
            )
    measure(
        "query “Museum” (de), page 5",
        lambda: backend.search(SearchQuery(text="Museum", language="de", page=5)),
        runs,
    )
    measure(
        "query “Museum” (de), category filter",
        lambda: backend.search(SearchQuery(text="Museum", language="de", categories=("museums",))),
        runs,
    )
    for prefix in SUGGESTIONS:
        measure(f"suggest “{prefix}”", lambda p=prefix: backend.suggest(p, "de"), runs)
    measure(
        "near me, places only",
        lambda: backend.search(SearchQuery(types=("poi",), near=NEAR)),
        runs,
    )
    measure("near me, everything", lambda: backend.search(SearchQuery(near=NEAR)), runs)
    measure(
        "“Museum” near me",
        lambda: backend.search(SearchQuery(text="Museum", near=NEAR)),
        runs,
    )
    varied = []
    if not ONLY or any(text in "varied" for text in ONLY):
        # Each once: a cache of results would not help real visitors either.
        for text, language in visitor_queries(VARIED_QUERIES):
            started = time.perf_counter()
            backend.search(SearchQuery(text=text, language=language))
            varied.append((time.perf_counter() - started) * 1000)
        print(
            f"| {len(varied)} varied visitor queries, each once | "
            f"{statistics.median(varied):.1f} | {percentile(varied, 0.95):.1f} |"
        )
    print(
        f"| all of the above | {statistics.median(ALL_TIMINGS + varied):.1f} "
        f"| {percentile(ALL_TIMINGS + varied, 0.95):.1f} |"
    )


def bulk_request_sizes(url):
    """Rebuild the Elasticsearch indices and report each bulk request's size."""
    from django.test import override_settings

    from search import indexing
    from search.backends.elasticsearch import get_client

    sizes = []
    with override_settings(ELASTICSEARCH_URL=url, SEARCH_INDEX_PREFIX="bench"):
        client = get_client()
        original = type(client).bulk

        def counting_bulk(self, *args, operations=None, **kwargs):
            lines = list(operations or kwargs.get("body") or [])
            sizes.append(
                (len(lines) // 2, sum(len(line) + 1 for line in lines))  # + newline
            )
            return original(self, *args, operations=lines, **kwargs)

        type(client).bulk = counting_bulk
        try:
            started = time.perf_counter()
            summary = indexing.rebuild(client=client)
            elapsed = time.perf_counter() - started
        finally:
            type(client).bulk = original
    print(f"\nElasticsearch rebuild: {summary} documents in {elapsed:.0f} s")
    print(f"{len(sizes)} bulk requests (chunk size {indexing.BULK_CHUNK_SIZE} documents):")
    documents = [count for count, _size in sizes]
    payload = [size for _count, size in sizes]
    print(
        f"documents per request {min(documents)}–{max(documents)}; "
        f"body {min(payload) / 1024:.0f}–{max(payload) / 1024:.0f} KB "
        f"(median {statistics.median(payload) / 1024:.0f} KB, "
        f"{statistics.median(payload) / statistics.median(documents) / 1024:.2f} KB per document)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pois", type=int, default=2000)
    parser.add_argument("--routes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--elasticsearch", metavar="URL", help="Also rebuild this cluster's indices (test only)."
    )
    parser.add_argument(
        "--keepdb",
        action="store_true",
        help="Keep the test database and reuse it: places are added only when it has fewer "
        "than --pois (e.g. a region made with `generate_region` in `test_<name>`).",
    )
    parser.add_argument(
        "--database-name",
        help="name of the measured database (default: Django's test_<name>), e.g. a copy "
        "of a region kept for benchmarks",
    )
    parser.add_argument("--only", help="only what contains one of these texts (a,b,…)")
    args = parser.parse_args()
    ONLY.extend(text for text in (args.only or "").split(",") if text)
    if args.database_name:
        connection.settings_dict["TEST"]["NAME"] = args.database_name

    setup_test_environment()
    # No serialization: a kept database may hold a whole region.
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=args.keepdb, serialize=False)
    try:
        from tourism.models import PointOfInterestPage, RoutePage

        existing = PointOfInterestPage.objects.count()
        if existing < args.pois:
            fill(args.pois - existing, args.routes)
        if connection.vendor == "postgresql":
            server = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
        else:
            server = sqlite3.sqlite_version
        print(
            f"\n{connection.vendor} {server}, {PointOfInterestPage.objects.count()} POIs, "
            f"{RoutePage.objects.count()} routes, "
            f"{args.runs} runs, load average {os.getloadavg()[0]:.1f}\n"
        )
        run_searches(args.runs)
        if args.elasticsearch:
            bulk_request_sizes(args.elasticsearch)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keepdb)


if __name__ == "__main__":
    main()
