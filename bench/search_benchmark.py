"""Latency of the DatabaseBackend on synthetic data (SQLite by default).

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python bench/search_benchmark.py \
        --pois 10000 --routes 1000 --runs 50

Creates a throw-away test database, fills it with points of interest and routes in de/en
(pages are inserted with treebeard's bulk path, no revisions), then reports median and p95
latency of typical queries, suggestions and "near me". Results go to docs/benchmarks.md.
"""

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

WORDS_DE = ["Schloss", "Kirche", "Museum", "Park", "Mühle", "Brunnen", "Turm", "Garten", "Hof"]
WORDS_EN = ["Castle", "Church", "Museum", "Park", "Mill", "Fountain", "Tower", "Garden", "Farm"]
PLACES = ["Hundisburg", "Althaldensleben", "Satuelle", "Uthmöden", "Wedringen", "Bülstringen"]
QUERIES = ["Roland", "Schloss Hundisburg", "Museum", "Radweg", "Kirche Satuelle", "Schlos"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def fill(pois, routes):
    from wagtail.models import Page, Site

    from pages.models import HomePage
    from tourism.models import (
        PointOfInterestIndexPage,
        PointOfInterestPage,
        RouteIndexPage,
        RoutePage,
    )

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Startseite", slug="start"))
    Site.objects.update(root_page=home)
    poi_index = home.add_child(instance=PointOfInterestIndexPage(title="Orte", slug="orte"))
    route_index = home.add_child(instance=RouteIndexPage(title="Touren", slug="touren"))
    rng = random.Random(4)
    started = time.perf_counter()
    for number in range(pois):
        index = rng.randrange(len(WORDS_DE))
        place = rng.choice(PLACES)
        poi_index.add_child(
            instance=PointOfInterestPage(
                title=f"{WORDS_DE[index]} {place} {number}",
                title_en=f"{WORDS_EN[index]} {place} {number}",
                slug=f"ort-{number}",
                teaser=f"Ein {WORDS_DE[index]} in {place}.",
                teaser_en=f"A {WORDS_EN[index].lower()} in {place}.",
                latitude=Decimal("52.2") + Decimal(rng.randrange(2000)) / 10000,
                longitude=Decimal("11.3") + Decimal(rng.randrange(2000)) / 10000,
            )
        )
    for number in range(routes):
        place = rng.choice(PLACES)
        route_index.add_child(
            instance=RoutePage(
                title=f"Radweg nach {place} {number}",
                title_en=f"Cycle path to {place} {number}",
                slug=f"tour-{number}",
                kind="cycling",
                teaser=f"Mit dem Rad nach {place}.",
            )
        )
    print(
        f"created {pois} points of interest and {routes} routes in "
        f"{time.perf_counter() - started:.0f} s"
    )


def measure(label, action, runs):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    print(f"| {label} | {statistics.median(timings):.1f} | {percentile(timings, 0.95):.1f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pois", type=int, default=2000)
    parser.add_argument("--routes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from search.backends.database import DatabaseBackend
        from search.query import SearchQuery

        fill(args.pois, args.routes)
        backend = DatabaseBackend()
        print(f"\n{connection.vendor}, {args.pois} POIs, {args.routes} routes, {args.runs} runs\n")
        print("| what | median ms | p95 ms |\n| --- | --- | --- |")
        for text in QUERIES:
            for language in ("de", "en"):
                measure(
                    f"query “{text}” ({language})",
                    lambda t=text, lang=language: backend.search(
                        SearchQuery(text=t, language=lang)
                    ),
                    args.runs,
                )
        for prefix in ("Sch", "Hundis", "Rad"):
            measure(f"suggest “{prefix}”", lambda p=prefix: backend.suggest(p, "de"), args.runs)
        measure(
            "near me, places only",
            lambda: backend.search(SearchQuery(types=("poi",), near=(52.29, 11.40))),
            args.runs,
        )
        measure(
            "“Museum” near me",
            lambda: backend.search(SearchQuery(text="Museum", near=(52.29, 11.40))),
            args.runs,
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
