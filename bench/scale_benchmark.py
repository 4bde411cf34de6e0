"""Cost per request at demo size and at regional scale (10 000 and 100 000 places).

    .venv/bin/python bench/scale_benchmark.py --sizes demo,10k --write
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stadtcms_bench \\
    REDIS_URL=redis://127.0.0.1:6379/10 .venv/bin/python bench/scale_benchmark.py \\
        --sizes 100k --pages home,POI --search-under-load --write

Builds the demo in a throw-away database (`test_…`; SQLite in a file, as in production),
measures every page type, the API lists, widgets, sitemap (and its sections, once it is an
index) and the admin listings in-process with Django's test client, then adds places,
routes and events with the region generator (`demo/region.py`) up to the next size and
measures again: median and p95 ms, SQL queries and the process's peak resident memory
during the request. HTML pages get a new query string on every request, so a page
cache never answers for them. Slow requests are repeated fewer times (`--budget`).

`--search-under-load` (PostgreSQL, at the largest size): serves the same database with
gunicorn (production settings and, unless `--search-workers` says otherwise, production's
number of workers, `gunicorn.conf.py`: 2 per core plus one), keeps it busy with loopback
load threads over the page types and measures the search page and the search backend
meanwhile, with 200
varied visitor queries (`bench/search_queries.py`) that no cache of results could answer.

Results per database and size are kept in var/bench/scale-<database>.json, so that a
later run of one size (say 100k) updates only its column; `--write` rewrites the
section of docs/benchmarks.md from that file.
"""

import argparse
import gzip
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench import serving  # noqa: E402
from bench.inprocess import demo_paths, demo_route, measure, uncached  # noqa: E402
from bench.report import write_section  # noqa: E402
from bench.search_queries import visitor_queries  # noqa: E402
from cms.translated_urls import translated_url  # noqa: E402
from demo.region import SIZES, RegionGenerator  # noqa: E402

RESULTS_DIR = ROOT / "var" / "bench"
STATUS_JSON = "/tourism/points-of-interest/status.json"
API_PLACES = "/api/v1/points-of-interest"
LOAD_PAGES = {"home", "POI detail", "route detail", "event detail", "news item", "event list"}
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"
# Warm-up only: both workers and the database's caches.
SEARCH_TERMS = ["Museum", "Schloss Hundisburg", "Roland", "Radweg", "Kirche Satuelle", "Mühle"]


def targets():
    """(name, path, kind) of what is measured; demo objects, the same at every size."""
    from tourism.models import PointOfInterestIndexPage, PointOfInterestPage

    pages = demo_paths()
    route = demo_route()
    places = list(PointOfInterestPage.objects.live().order_by("pk").values_list("pk", flat=True))
    poi_index_id = PointOfInterestIndexPage.objects.first().pk
    status_ids = ",".join(str(pk) for pk in places[:20])
    return [
        ("home", pages["home"], "page"),
        ("POI list", pages["poi list"], "page"),
        ("POI list, open now", pages["poi list"] + "?open=now", "page"),
        ("POI list, map view", pages["poi list"] + "?view=map", "page"),
        ("POI list, category", pages["poi list"] + "?category=museums", "page"),
        ("POI detail", pages["poi detail"], "page"),
        ("route list", pages["route list"], "page"),
        ("route detail", pages["route detail"], "page"),
        ("event list", pages["event list"], "page"),
        ("event detail", pages["event detail"], "page"),
        ("news list", pages["news list"], "page"),
        ("news item", pages["news item"], "page"),
        ("search “Museum”", "/de/suche/?q=Museum", "page"),
        ("open-now status (20 places)", f"{STATUS_JSON}?ids={status_ids}&lang=de", "data"),
        ("GeoJSON, all places", "/tourism/points-of-interest.geojson", "page"),
        ("GeoJSON, one route", f"/tourism/routes/{route.pk}.geojson", "data"),
        ("API places (limit 100)", f"{API_PLACES}?limit=100", "data"),
        ("API places GeoJSON (limit 100)", f"{API_PLACES}?limit=100&format=geojson", "data"),
        ("API routes", "/api/v1/routes", "data"),
        ("API events", "/api/v1/events", "data"),
        # The demo's lists are shorter than the pages above (33 places, 4 routes, 15
        # events): these pages are full at every size, so they compare like with like.
        ("API places (limit 20, full page)", f"{API_PLACES}?limit=20", "data"),
        (
            "API places GeoJSON (limit 20, full page)",
            f"{API_PLACES}?limit=20&format=geojson",
            "data",
        ),
        ("API routes (limit 4, full page)", "/api/v1/routes?limit=4", "data"),
        ("API events (limit 10, full page)", "/api/v1/events?limit=10", "data"),
        ("API search “Museum”", "/api/v1/search?q=Museum", "data"),
        ("widget: places", "/widgets/pois/?lang=de", "data"),
        ("widget: events", "/widgets/events/?lang=de", "data"),
        ("widget: route", f"/widgets/route/?lang=de&id={route.pk}", "data"),
        ("sitemap.xml", "/sitemap.xml", "page"),
        ("admin: POI index explorer", f"/admin/pages/{poi_index_id}/", "admin"),
        ("admin: image library", "/admin/images/", "admin"),
    ]


def restore_missing_images():
    """A kept database's images were written to another run's temporary media folder:
    write a plain picture of the same size where each original is missing."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    from media.models import CustomImage

    for image in CustomImage.objects.all():
        if default_storage.exists(image.file.name):
            continue
        picture = Image.new("RGB", (image.width, image.height), (90, 120, 90))
        buffer = BytesIO()
        picture.save(buffer, "JPEG")
        default_storage.save(image.file.name, ContentFile(buffer.getvalue()))
    CustomImage.get_rendition_model().objects.all().delete()


def sitemap_sections(body):
    """The first and last section once /sitemap.xml is a sitemap index; else none."""
    if "<sitemapindex" not in body:
        return []
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    paths = [re.sub(r"^https?://[^/]+", "", location) for location in locations]
    picked = [("sitemap section, first", paths[0], "page")]
    if len(paths) > 1:
        picked.append(("sitemap section, last", paths[-1], "page"))
    return picked


def measure_size(what, runs, budget, pages, previous=None, skip_ms=None):
    cache.clear()
    # As browsers and HTTP libraries ask: compressed answers where the site offers them.
    client = Client(HTTP_ACCEPT_ENCODING=BROWSER_ACCEPT_ENCODING)
    admin = Client(HTTP_ACCEPT_ENCODING=BROWSER_ACCEPT_ENCODING)
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    admin.force_login(user)
    results = {}
    queue = list(what)
    while queue:
        name, path, kind = queue.pop(0)
        if pages and not any(word.lower() in name.lower() for word in pages):
            continue
        before = (previous or {}).get(name)
        if skip_ms and before and before.get("median", 0) > skip_ms:
            results[name] = {"skipped": skip_ms, "path": path}
            print(f"  {name}: skipped, {before['median']:.0f} ms at the size before", flush=True)
            continue
        result = measure(
            admin if kind == "admin" else client, path, runs, budget, vary=kind == "page"
        )
        response = result.pop("response")
        body = result.pop("body")
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        body = body.decode()
        if path == "/sitemap.xml":
            queue[0:0] = sitemap_sections(body)
        result["path"] = path
        results[name] = result
        print(
            f"  {name}: {result['median']:.1f} ms (p95 {result['p95']:.1f}, "
            f"{result['runs']} runs; first {result['first']:.0f} ms), {result['queries']} queries, "
            f"peak RSS {result['peak_mb'] or 0:.0f} MB, status {result['status']}",
            flush=True,
        )
    return results


def counts():
    from pages.models import EventPage
    from tourism.models import PointOfInterestPage, RoutePage, RouteStop

    return {
        "places": PointOfInterestPage.objects.count(),
        "routes": RoutePage.objects.count(),
        "stops": RouteStop.objects.count(),
        "events": EventPage.objects.count(),
    }


def server_description():
    if connection.vendor == "postgresql":
        return f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"


# --- search while the site is busy ------------------------------------------------------


def production_workers():
    """gunicorn.conf.py's default number of workers on this machine."""
    return min(2 * (os.cpu_count() or 1) + 1, 8)


def search_under_load(what, seconds, concurrency, searches, workers=None, rate=None):
    """Search page and backend latency while gunicorn serves a steady page load."""
    workers = workers or production_workers()
    from search.backends.database import DatabaseBackend
    from search.query import SearchQuery

    static_root = Path(tempfile.mkdtemp(prefix="stadtcms-bench-static-"))
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.production_settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        DATABASE_URL=database_url(),
    )
    python = sys.executable
    serving.run([python, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env)
    # What most visitors open: the home page and single places, routes, events and news.
    # Lists whose cost grows with the region would only measure the queue behind them.
    load_paths = [
        uncached(path, number)
        for number in range(500)
        for name, path, _kind in what
        if name in LOAD_PAGES
    ]
    backend = DatabaseBackend()
    page_timings, backend_timings, backend_cpu = [], [], []
    database_cpu = serving.DatabaseCpu(connection)
    load_before = serving.load_average()
    with serving.Gunicorn(
        python, "cms.wsgi", ROOT, env, workers=workers, name="stadtcms"
    ) as server:
        search = serving.Connection(server.port)
        for term in SEARCH_TERMS:  # warm both workers and the database's caches
            search.get(search_path(term))
            search.get(search_path(term))
        with serving.ProcessLoad(
            server.port, load_paths, concurrency=concurrency, duration=seconds, rate=rate
        ) as load:
            time.sleep(1)
            for number, (text, language) in enumerate(visitor_queries(searches)):
                elapsed, status, _body = search.get(uncached(search_path(text, language), number))
                if status == 200:
                    page_timings.append(elapsed)
                started = time.perf_counter()
                cpu_before = time.process_time() + database_cpu.seconds()
                backend.search(SearchQuery(text=text, language=language))
                backend_timings.append((time.perf_counter() - started) * 1000)
                cpu_after = time.process_time() + database_cpu.seconds()
                backend_cpu.append((cpu_after - cpu_before) * 1000)
                if load.stopping.is_set() or not load.alive():
                    break
        search.close()
    return {
        "page": serving.summary(page_timings),
        "backend": serving.summary(backend_timings),
        # CPU (this process and its database server process): what the wall time would be
        # on an idle machine, less the waits for the disk and the network.
        "backend_cpu": serving.summary(backend_cpu) if database_cpu.available else None,
        "load_rate": load.rate,
        "load_errors": load.errors,
        "load_concurrency": concurrency,
        "workers": workers,
        "paced_rate": rate,
        "load_average": max(load_before, serving.load_average()),
        "queries": len(set(visitor_queries(searches))),
    }


def search_path(term, language="de"):
    return translated_url("search", language) + "?" + urlencode({"q": term})


def database_url():
    settings_dict = connection.settings_dict
    if connection.vendor != "postgresql":
        raise SystemExit("--search-under-load needs PostgreSQL (DATABASE_URL=postgres://…)")
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    user = settings_dict["USER"] or "postgres"
    return f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"


# --- report ---------------------------------------------------------------------------


def results_file():
    return RESULTS_DIR / f"scale-{connection.vendor}.json"


def load_results():
    path = results_file()
    return json.loads(path.read_text()) if path.exists() else {"sizes": {}}


def save_results(results):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    results_file().write_text(json.dumps(results, indent=1, ensure_ascii=False))


def marker(vendor):
    return f"<!-- scale-benchmark-{vendor} -->"


def cell(result):
    if result is None:
        return "—", "—", "—"
    if result.get("skipped"):
        return f"not run (> {result['skipped'] / 1000:.0f} s before)", "—", "—"
    median = f"{result['median']:.0f}" if result["median"] >= 10 else f"{result['median']:.1f}"
    p95 = f"{result['p95']:.0f}" if result["p95"] >= 10 else f"{result['p95']:.1f}"
    status = "" if result["status"] == 200 else f" ({result['status']})"
    peak = f"{result['peak_mb']:.0f}" if result.get("peak_mb") else "—"
    return f"{median} / {p95}{status}", str(result["queries"]), peak


def table(results, vendor):
    sizes = [size for size in SIZES if size in results["sizes"]]
    names = []
    for size in sizes:
        for name in results["sizes"][size]["pages"]:
            if name not in names:
                names.append(name)
    header = "| what |"
    rule = "| --- |"
    for size in sizes:
        header += f" {size}: median / p95 ms | queries | peak RSS MB |"
        rule += " ---: | ---: | ---: |"
    if len(sizes) > 1:
        header += f" {sizes[-1]} ÷ demo |"
        rule += " ---: |"
    lines = [header, rule]
    for name in names:
        row = f"| {name} |"
        for size in sizes:
            row += " {} | {} | {} |".format(*cell(results["sizes"][size]["pages"].get(name)))
        if len(sizes) > 1:
            first = results["sizes"][sizes[0]]["pages"].get(name)
            last = results["sizes"][sizes[-1]]["pages"].get(name)
            both = first and last and "median" in first and "median" in last
            row += f" {last['median'] / first['median']:.1f}× |" if both else " — |"
        lines.append(row)
    notes = []
    for size in sizes:
        info = results["sizes"][size]
        c = info["counts"]
        notes.append(
            f"- **{size}**: {c['places']:,} places, {c['routes']:,} routes ({c['stops']:,} stops), "
            f"{c['events']:,} events; measured {info['date']} at commit `{info['commit']}`, "
            f"{info['server']}, up to {info.get('runs', results['runs'])} requests per URL, "
            f"load average {info['load_average']:.1f}"
            + (
                f", generated (with opening periods) in {info['generated_s']:.0f} s"
                if info.get("generated_s")
                else ""
            )
            + "."
        )
    section = [
        marker(vendor),
        f"{vendor}: in-process (Django test client, no network, asking for gzip like a "
        "browser), each URL after one warm-up (slow ones fewer times, see `--budget`); HTML "
        "pages with a new query string each time and the page cache off (no cache answers; "
        "the region's GeoJSON is the file `export_places_geojson` wrote, streamed); peak "
        "RSS = the process's resident memory high-water mark during one request (baseline "
        "included).",
        "",
        *notes,
        "",
        *lines,
    ]
    under_load = results.get("search_under_load")
    if under_load:
        section += [
            "",
            f"Search under load ({under_load['size']}, {under_load['date']}, commit "
            f"`{under_load['commit']}`): gunicorn -w {under_load.get('workers', 2)} with "
            "production settings, "
            f"{under_load['load_concurrency']} loopback threads (in a process of their own) "
            "requesting page types "
            f"(uncached{', paced' if under_load.get('paced_rate') else ''}) at "
            f"{under_load['load_rate']:.1f} req/s "
            f"({under_load['load_errors']} errors), load average "
            f"{under_load['load_average']:.1f}. Search page over HTTP, "
            f"{under_load.get('queries', 'six')} varied queries (de/en/pl): "
            f"median {under_load['page']['median']:.0f} ms, **p95 "
            f"{under_load['page']['p95']:.0f} ms** ({under_load['page']['count']} searches); "
            f"the backend alone in this process meanwhile: median "
            f"{under_load['backend']['median']:.0f} ms, p95 {under_load['backend']['p95']:.0f} ms.",
        ]
        cpu = under_load.get("backend_cpu")
        if cpu:
            section[-1] += (
                f" CPU per backend search (this process and its PostgreSQL server process): "
                f"median {cpu['median']:.0f} ms, p95 {cpu['p95']:.0f} ms."
            )
    return "\n".join(section) + "\n" + marker(vendor)


# --- main -----------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="demo,10k", help=f"comma-separated, from {', '.join(SIZES)}"
    )
    parser.add_argument("--runs", type=int, default=10, help="requests per URL at most")
    parser.add_argument(
        "--budget", type=float, default=20.0, help="seconds per URL before stopping (≥ 1 run)"
    )
    parser.add_argument("--pages", help="only names containing one of these words (a,b,…)")
    parser.add_argument(
        "--skip-slower-than",
        type=float,
        metavar="MS",
        help="at a larger size, skip what took longer than this at the size before",
    )
    parser.add_argument("--search-under-load", action="store_true")
    parser.add_argument("--load-seconds", type=int, default=120)
    parser.add_argument("--load-concurrency", type=int, default=2)
    parser.add_argument(
        "--load-rate",
        type=float,
        help="pace the load threads at this many requests per second in all (default: "
        "each asks again at once, which keeps every core busy)",
    )
    parser.add_argument(
        "--search-workers",
        type=int,
        help="gunicorn workers while searching under load (default: production's, "
        "2 per core plus one, at most 8)",
    )
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument(
        "--keepdb",
        action="store_true",
        help="keep the database (`test_<name>`) and reuse it: the demo and the region are "
        "only made when missing (generate_region --seed 100000 makes the same 100k)",
    )
    parser.add_argument(
        "--database-name",
        help="name of the measured database (default: Django's test_<name>)",
    )
    parser.add_argument(
        "--report-only", action="store_true", help="measure nothing; the section from var/bench"
    )
    args = parser.parse_args()
    if args.report_only:
        section = table(load_results(), connection.vendor)
        print(section)
        if args.write:
            write_section(marker(connection.vendor), f"Scale ({connection.vendor})", section)
        return
    sizes = [size.strip() for size in args.sizes.split(",")]
    unknown = set(sizes) - set(SIZES)
    if unknown:
        parser.error(f"unknown sizes {unknown}; use {', '.join(SIZES)}")
    sizes.sort(key=lambda size: SIZES[size])
    pages = [word.strip() for word in args.pages.split(",")] if args.pages else []

    serving.stop_on_sigterm()
    setup_test_environment()
    if connection.vendor == "sqlite":
        # A file, as in production, rather than Django's in-memory test database.
        folder = tempfile.mkdtemp(prefix="stadtcms-bench-db-")
        connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / "scale.sqlite3")
    if args.database_name:
        connection.settings_dict["TEST"]["NAME"] = args.database_name
    # No serialization: a kept database may hold a whole region.
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=args.keepdb, serialize=False
    )
    results = load_results()
    results["runs"] = args.runs
    try:
        from pages.models import HomePage

        # A kept database counts its demo places as generated ones (a few dozen).
        demo_places = 0
        if HomePage.objects.exists():
            restore_missing_images()
        else:
            started = time.perf_counter()
            call_command("load_demo", stdout=StringIO())
            print(f"demo loaded in {time.perf_counter() - started:.0f} s", flush=True)
            demo_places = counts()["places"]
        measured_before = None
        what = targets()
        # The page cache off: widgets and downloads render each time, like HTML pages. The
        # region's GeoJSON file is kept all the same (that is how it is served); the
        # first request, which writes it, is reported as "first".
        with override_settings(API_RATE_LIMIT_PER_IP=10**9, PAGE_CACHE_SECONDS=0):
            for size in sizes:
                missing = SIZES[size] - (counts()["places"] - demo_places)
                generated_s = None
                if missing > 0:
                    started = time.perf_counter()
                    RegionGenerator(missing, seed=SIZES[size], log=lambda _m: None).run()
                    # As `generate_region` and a deployed site's daily job: bulk inserts
                    # send no signals, so the opening periods are worked out here.
                    call_command("refresh_opening_periods", stdout=StringIO())
                    generated_s = time.perf_counter() - started
                    print(f"{size}: generated in {generated_s:.0f} s", flush=True)
                print(f"{size}: {counts()}", flush=True)
                if any(name == "GeoJSON, all places" for name, _p, _k in what) and (
                    not pages or any(word.lower() in "geojson, all places" for word in pages)
                ):
                    # The download is written by a job (tourism/open_data.py), not a request.
                    started = time.perf_counter()
                    call_command(
                        "export_places_geojson", language=["de"], force=True, stdout=StringIO()
                    )
                    print(f"{size}: export written in {time.perf_counter() - started:.0f} s")
                load = serving.load_average()
                measured = measure_size(
                    what, args.runs, args.budget, pages, measured_before, args.skip_slower_than
                )
                measured_before = measured
                previous = results["sizes"].get(size, {}).get("pages", {})
                results["sizes"][size] = {
                    "counts": counts(),
                    "pages": {**previous, **measured} if pages else measured,
                    "date": date.today().isoformat(),
                    "commit": commit(),
                    "server": server_description(),
                    "load_average": max(load, serving.load_average()),
                    "generated_s": generated_s,
                    "runs": args.runs,
                }
                save_results(results)
            if args.search_under_load:
                outcome = search_under_load(
                    what,
                    args.load_seconds,
                    args.load_concurrency,
                    args.searches,
                    workers=args.search_workers,
                    rate=args.load_rate,
                )
                outcome.update(size=sizes[-1], date=date.today().isoformat(), commit=commit())
                results["search_under_load"] = outcome
                save_results(results)
                print(json.dumps(outcome, indent=1))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keepdb)
    section = table(results, connection.vendor)
    print(section)
    if args.write:
        write_section(marker(connection.vendor), f"Scale ({connection.vendor})", section)


if __name__ == "__main__":
    main()
