"""Load and soak: gunicorn with production settings, a fixed number of requests, Redis hung midway.

    .venv/bin/python bench/soak.py --requests 12000 [--clients 4] [--workers 2] [--write]

Builds the demo in its own database (SQLite in a temporary folder, or `test_<name>_site`
next to DATABASE_URL's PostgreSQL database), collects the static files and starts gunicorn
(gunicorn.conf.py, `cms.settings.production`) on 127.0.0.1 with a redis-server of its own
behind a proxy. `--clients` threads send the requests round-robin over the page types;
between 40 % and 60 % of them Redis hangs (accepts connections, never answers), then it is
restored. Reports errors (anything but 200), latency percentiles and throughput per phase,
and whether every API request of a partner was counted. Loopback only; every process is
stopped at the end. `--write` replaces the soak section of docs/benchmarks.md; the script
exits with 1 when any request failed.
"""

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import percentile, write_section  # noqa: E402
from tests.servers import AppServer, FaultProxy, ProductionSite, RedisServer  # noqa: E402

MARKER = "<!-- soak-benchmark -->"
# Page types, weighted roughly like visitors and partners use them.
MIX = [
    "home",
    "home",
    "point of interest list",
    "point of interest",
    "point of interest",
    "route list",
    "route",
    "event list",
    "event",
    "news list",
    "news item",
    "standard page",
    "search",
    "api",
    "api route",
    "widget",
    "event widget",
]
PHASES = (("before", 0.0), ("Redis hung", 0.4), ("after", 0.6))
DEADLINE_SECONDS = 60 * 60  # the whole run stops by then, whatever happens


def phase_of(number, total):
    name = PHASES[0][0]
    for phase, start in PHASES:
        if number >= start * total:
            name = phase
    return name


class Load:
    """Sends `total` requests from `clients` threads; records (phase, status, seconds)."""

    def __init__(self, server, addresses, total, api_key, proxy):
        self.server, self.addresses, self.total = server, addresses, total
        self.api_key, self.proxy = api_key, proxy
        self.next_number = 0
        self.lock = threading.Lock()
        self.results = []
        self.api_requests = 0
        self.faults = {}  # phase -> monotonic time it began

    def take(self):
        with self.lock:
            number = self.next_number
            if number >= self.total:
                return None
            self.next_number += 1
            phase = phase_of(number, self.total)
            if phase not in self.faults:
                self.faults[phase] = time.monotonic()
                if phase == "Redis hung":
                    self.proxy.hang()
                elif phase == "after":
                    self.proxy.restore()
            return number

    def client(self, deadline):
        while time.monotonic() < deadline:
            number = self.take()
            if number is None:
                return
            page_type = MIX[number % len(MIX)]
            headers = {}
            if page_type.startswith("api"):
                headers["X-API-Key"] = self.api_key
            try:
                answer = self.server.get(self.addresses[page_type], timeout=30, headers=headers)
                status, seconds = answer.status, answer.seconds
            except OSError as error:
                status, seconds = f"{type(error).__name__}", 30.0
            with self.lock:
                self.results.append((phase_of(number, self.total), page_type, status, seconds))
                if page_type.startswith("api") and status == 200:
                    self.api_requests += 1

    def run(self, clients):
        deadline = time.monotonic() + DEADLINE_SECONDS
        threads = [
            threading.Thread(target=self.client, args=(deadline,), daemon=True)
            for _ in range(clients)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()) + 60)
        self.faults["end"] = time.monotonic()
        return time.monotonic() - started


def summary(rows, seconds):
    timings = [row[3] * 1000 for row in rows]
    errors = [row for row in rows if row[2] != 200]
    return {
        "requests": len(rows),
        "errors": len(errors),
        "p50": percentile(timings, 0.50),
        "p95": percentile(timings, 0.95),
        "p99": percentile(timings, 0.99),
        "max": max(timings),
        "per_second": len(rows) / seconds if seconds else 0.0,
    }


def report(load, elapsed, args, site, counted, cache_warnings):
    phase_seconds = {}
    names = [phase for phase, _start in PHASES]
    for phase, following in zip(names, [*names[1:], "end"], strict=True):
        phase_seconds[phase] = load.faults[following] - load.faults[phase]
    engine = "PostgreSQL" if site.postgres else "SQLite"
    lines = [
        MARKER,
        f"`bench/soak.py --requests {args.requests} --clients {args.clients} "
        f"--workers {args.workers}`: gunicorn with `cms.settings.production`, {engine}, Redis "
        "through a proxy, the demo, loopback only; "
        f"{os.cpu_count()} CPU cores shared with other work, Python {platform.python_version()}. "
        "Requests round-robin over home, point-of-interest list and page, route list and "
        "page, events, news, a standard page, search, the API (with a partner key) and two "
        "widgets. Redis hangs (accepts, never answers) from 40 % to 60 % of the requests.",
        "",
        "| phase | requests | errors | p50 ms | p95 ms | p99 ms | max ms | requests/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for phase in [*names, "all"]:
        rows = [r for r in load.results if phase == "all" or r[0] == phase]
        s = summary(rows, elapsed if phase == "all" else phase_seconds[phase])
        lines.append(
            f"| {phase} | {s['requests']} | {s['errors']} | {s['p50']:.0f} | {s['p95']:.0f} "
            f"| {s['p99']:.0f} | {s['max']:.0f} | {s['per_second']:.0f} |"
        )
    lines += [
        "",
        f"API requests with the partner key: {load.api_requests} answered, {counted} counted "
        f"in the database. Cache warnings in the log during the fault: {cache_warnings} "
        "(one per worker and retry interval).",
        MARKER,
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=12_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stadtcms-soak-") as folder:
        folder = Path(folder)
        print("building the demo site …", flush=True)
        site = ProductionSite(folder / "site").build()
        redis = RedisServer(folder).start()
        proxy = FaultProxy(redis.port)
        server = AppServer(
            {**site.environment, "REDIS_URL": f"redis://127.0.0.1:{proxy.port}/0"},
            folder / "gunicorn.log",
            workers=args.workers,
        )
        try:
            addresses = site.addresses()
            api_key = site.create_partner("Soak test", rate_limit=1_000_000)
            server.start()
            for path in addresses.values():  # images are rendered on first view
                server.get(path, timeout=120)
            counted_before = site.partner_requests(api_key)
            print(f"sending {args.requests} requests …", flush=True)
            load = Load(server, addresses, args.requests, api_key, proxy)
            elapsed = load.run(args.clients)
            counted = site.partner_requests(api_key) - counted_before
            log = server.log()
            cache_warnings = log.count(" unavailable (")
        finally:
            server.stop()
            proxy.close()
            redis.stop()
            site.drop()
    section = report(load, elapsed, args, site, counted, cache_warnings)
    print(section)
    failed = [r for r in load.results if r[2] != 200]
    for row in failed[:20]:
        print("failed:", row)
    if args.write:
        write_section(MARKER, "Load and soak (production setup, Redis fault)", section)
    complete = len(load.results) == args.requests and counted == load.api_requests
    sys.exit(0 if complete and not failed else 1)


if __name__ == "__main__":
    main()
