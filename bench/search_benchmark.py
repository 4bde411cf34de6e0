"""Latency of the DatabaseBackend on synthetic data (SQLite, or DATABASE_URL).

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python bench/search_benchmark.py \
        --pois 10000 --routes 1000 --runs 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python \
        bench/search_benchmark.py --pois 10000 --routes 1000

Creates a throw-away test database (`test_…`), fills it with points of interest and
routes in de/en, then reports median and p95 latency of typical queries, suggestions and
"near me". Results go to docs/benchmarks.md.

The pages are real rows, inserted in bulk: page rows with treebeard paths computed here,
then the rows of the specific tables with `page_ptr_id`, categories and tags. No
revisions and no signals: what the backend finds must come from the database alone.
With `--elasticsearch URL` it also rebuilds the Elasticsearch indices from the same data
and reports the size of each bulk request.
"""

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.report import percentile  # noqa: E402

WORDS_DE = ["Schloss", "Kirche", "Museum", "Park", "Mühle", "Brunnen", "Turm", "Garten", "Hof"]
WORDS_EN = ["Castle", "Church", "Museum", "Park", "Mill", "Fountain", "Tower", "Garden", "Farm"]
PLACES = ["Hundisburg", "Althaldensleben", "Satuelle", "Uthmöden", "Wedringen", "Bülstringen"]
CATEGORIES = [
    ("sights", "Sehenswürdigkeiten", "Sights"),
    ("museums", "Museen", "Museums"),
    ("food", "Essen und Trinken", "Food and drink"),
    ("nature", "Natur", "Nature"),
    ("services", "Service", "Services"),
]
TAGS = ["barrierefrei", "familienfreundlich", "Hunde erlaubt", "WLAN"]
FILLER_DE = (
    "Der Ort liegt am Rand der Altstadt und ist zu Fuß, mit dem Rad und mit dem Bus gut zu "
    "erreichen. Führungen gibt es nach Anmeldung, Gruppen melden sich bitte vorher an. "
    "Parkplätze findet man in der Nähe, und im Sommer lädt eine Bank im Schatten zur Pause ein."
)
FILLER_EN = (
    "The place lies at the edge of the old town and is easy to reach on foot, by bike and by "
    "bus. Guided tours are available on request; groups please register in advance. There is "
    "parking nearby, and in summer a bench in the shade invites you to take a break."
)
QUERIES = [
    "Roland",
    "Schloss Hundisburg",
    "Museum",
    "Radweg",
    "Kirche Satuelle",
    "Schlos",
    "Mühle",
    "Hundisbrug",
]
SUGGESTIONS = ["Sch", "Hundis", "Rad", "Mü"]
NEAR = (52.29, 11.40)


def _page_rows(model, parent, specs):
    """Insert `Page` rows below `parent` for `specs` (dicts of page fields); return their ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page

    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = timezone.now()
    start = parent.numchild
    depth = parent.depth + 1
    pages = []
    for offset, spec in enumerate(specs, start=1):
        slug = spec["slug"]
        pages.append(
            Page(
                path=Page._get_path(parent.path, depth, start + offset),
                depth=depth,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale=locale,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                title=spec["title_de"],
                title_de=spec["title_de"],
                title_en=spec.get("title_en") or None,
                draft_title=spec["title_de"],
                slug=slug,
                slug_de=slug,
                slug_en=slug,
                url_path=f"{parent.url_path}{slug}/",
                url_path_de=f"{parent.url_path_de}{slug}/",
                url_path_en=f"{parent.url_path_en or parent.url_path_de}{slug}/",
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(created))
    parent.numchild = start + len(created)
    return [page.pk for page in created]


def _specific_rows(model, page_ids, specs):
    """Insert the rows of the specific table (`page_ptr_id` + its own columns)."""
    fields = model._meta.local_concrete_fields
    objects = []
    for page_id, spec in zip(page_ids, specs, strict=True):
        values = {
            key: value for key, value in spec.items() if not key.startswith(("title", "slug"))
        }
        instance = model(**values)
        instance.page_ptr_id = page_id
        instance.pk = page_id
        objects.append(instance)
    model.objects.all()._batched_insert(objects, fields, batch_size=500)


def _description(rng, word_de, word_en, place):
    roland_de = " Nur wenige Schritte sind es zum Roland am Markt." if rng.random() < 0.02 else ""
    roland_en = " The Roland statue on the market square is a short walk away." if roland_de else ""
    return (
        f"<p>{word_de} in {place}. {FILLER_DE}{roland_de}</p>",
        f"<p>{word_en} in {place}. {FILLER_EN}{roland_en}</p>",
    )


def fill(pois, routes):
    from taggit.models import Tag
    from wagtail.models import Page, Site

    from pages.models import HomePage
    from tourism.models import (
        PointOfInterestCategory,
        PointOfInterestIndexPage,
        PointOfInterestPage,
        RouteIndexPage,
        RoutePage,
    )
    from tourism.models.points_of_interest import PointOfInterestTag

    started = time.perf_counter()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Startseite", slug="start"))
    Site.objects.update(root_page=home)
    poi_index = home.add_child(instance=PointOfInterestIndexPage(title="Orte", slug="orte"))
    route_index = home.add_child(instance=RouteIndexPage(title="Touren", slug="touren"))
    categories = [
        PointOfInterestCategory.objects.create(slug=slug, name=de, name_de=de, name_en=en)
        for slug, de, en in CATEGORIES
    ]
    tags = [Tag.objects.create(name=name, slug=name.lower().replace(" ", "-")) for name in TAGS]
    rng = random.Random(4)

    specs = []
    for number in range(pois):
        index = rng.randrange(len(WORDS_DE))
        place = rng.choice(PLACES)
        description_de, description_en = _description(rng, WORDS_DE[index], WORDS_EN[index], place)
        specs.append(
            {
                "title_de": f"{WORDS_DE[index]} {place} {number}",
                "title_en": f"{WORDS_EN[index]} {place} {number}" if number % 5 else "",
                "slug": f"ort-{number}",
                "teaser": f"Ein {WORDS_DE[index]} in {place}.",
                "teaser_de": f"Ein {WORDS_DE[index]} in {place}.",
                "teaser_en": f"A {WORDS_EN[index].lower()} in {place}." if number % 5 else "",
                "description": description_de,
                "description_de": description_de,
                "description_en": description_en if number % 5 else "",
                "latitude": Decimal("52.2") + Decimal(rng.randrange(2000)) / 10000,
                "longitude": Decimal("11.3") + Decimal(rng.randrange(2000)) / 10000,
                "locality": place,
            }
        )
    with transaction.atomic():
        poi_ids = _page_rows(PointOfInterestPage, poi_index, specs)
        _specific_rows(PointOfInterestPage, poi_ids, specs)
        through = PointOfInterestPage.categories.through
        through.objects.bulk_create(
            [
                through(pointofinterestpage_id=page_id, pointofinterestcategory_id=category.pk)
                for page_id in poi_ids
                for category in rng.sample(categories, rng.choice([0, 1, 1, 2]))
            ],
            batch_size=1000,
        )
        PointOfInterestTag.objects.bulk_create(
            [
                PointOfInterestTag(content_object_id=page_id, tag=rng.choice(tags))
                for page_id in poi_ids
                if rng.random() < 0.3
            ],
            batch_size=1000,
        )

    specs = []
    for number in range(routes):
        place = rng.choice(PLACES)
        lat = 52.2 + rng.random() * 0.2
        lon = 11.3 + rng.random() * 0.2
        description_de, description_en = _description(rng, "Radweg", "Cycle path", place)
        specs.append(
            {
                "title_de": f"Radweg nach {place} {number}",
                "title_en": f"Cycle path to {place} {number}",
                "slug": f"tour-{number}",
                "kind": "cycling",
                "teaser": f"Mit dem Rad nach {place}.",
                "teaser_de": f"Mit dem Rad nach {place}.",
                "teaser_en": f"By bike to {place}.",
                "description": description_de,
                "description_de": description_de,
                "description_en": description_en,
                "bbox": [lon - 0.02, lat - 0.01, lon + 0.02, lat + 0.01],
                "length_m": 5000 + number,
            }
        )
    with transaction.atomic():
        route_ids = _page_rows(RoutePage, route_index, specs)
        _specific_rows(RoutePage, route_ids, specs)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load: statistics for the planner.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"created {pois} points of interest and {routes} routes in "
        f"{time.perf_counter() - started:.1f} s"
    )


def measure(label, action, runs):
    action()  # warm-up: the first call pays for imports and statement preparation
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
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
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        fill(args.pois, args.routes)
        if connection.vendor == "postgresql":
            server = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
        else:
            server = sqlite3.sqlite_version
        print(
            f"\n{connection.vendor} {server}, {args.pois} POIs, {args.routes} routes, "
            f"{args.runs} runs, load average {os.getloadavg()[0]:.1f}\n"
        )
        run_searches(args.runs)
        if args.elasticsearch:
            bulk_request_sizes(args.elasticsearch)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
