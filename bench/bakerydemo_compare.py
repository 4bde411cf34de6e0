"""Our demo against wagtail/bakerydemo, side by side on this machine.

    .venv/bin/python bench/bakerydemo_compare.py --runs 30 --write
    .venv/bin/python bench/bakerydemo_compare.py --source ~/src/bakerydemo   # a local copy

Sets up bakerydemo itself in var/bench/bakerydemo-compare/ (a clone of `--source`, by
default its public repository, with its own virtual environment), loads its initial data,
builds our demo next to it, and serves both the same way: SQLite, production settings,
static files collected, `gunicorn -w 2` on a loopback port. Then, interleaved:

- server time of comparable pages (median and p90 over `--runs` requests from a loopback
  client, each request with a new query string so that no page cache answers), our SQL
  statements per page (counted in-process against the same database and settings), and
- throughput under a fixed number of connections (wrk when installed, else Python
  threads with a fixed request count), for new query strings (uncached) and for the same
  URL again and again (what a page cache serves).

bakerydemo asks for Django 6, which needs Python 3.12; on Python 3.11 its requirements are
installed with Django pinned to 5.2 (`DJANGO_PIN`), with the Wagtail version it asks for
(7.4, which supports Django 5.2). Servers are stopped at the end, also on Ctrl-C and errors.
"""

import argparse
import json
import os
import re
import secrets
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import serving  # noqa: E402
from bench.inprocess import uncached  # noqa: E402
from bench.report import write_section  # noqa: E402

REPOSITORY = "https://github.com/wagtail/bakerydemo"
DJANGO_PIN = "Django>=5.2,<5.3"
MARKER = "<!-- bakerydemo-compare -->"
WORKDIR = ROOT / "var" / "bench" / "bakerydemo-compare"
# (our page, its bakerydemo counterpart): similar roles, similar amounts of content.
PAIRS = [
    ("home", "home", "home"),
    ("POI detail / bread page", "poi detail", "breadpage"),
    ("route detail / location page", "route detail", "locationpage"),
    ("POI list / bread list", "poi list", "breadsindexpage"),
    ("route list / location list", "route list", "locationsindexpage"),
    ("event / blog page", "event detail", "blogpage"),
    ("news item / blog page", "news item", "blogpage"),
    ("news list / blog list", "news list", "blogindexpage"),
]
THROUGHPUT_PAIRS = ["home", "POI detail / bread page", "POI list / bread list"]


def clean_env(**extra):
    """Only what a server needs: no DATABASE_URL, REDIS_URL … leaking in from this shell."""
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    return {**keep, "PYTHONDONTWRITEBYTECODE": "1", **extra}


class Bakerydemo:
    def __init__(self, workdir, source, python):
        self.dir = workdir / "bakerydemo"
        self.venv = workdir / "bakerydemo-venv"
        self.source, self.python = source, python
        self.env = clean_env(
            DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback, as for ours
        )

    @property
    def venv_python(self):
        return self.venv / "bin" / "python"

    def set_up(self):
        ready = self.dir / ".bench-ready"
        if ready.exists():
            return
        if not self.dir.exists():
            print(f"cloning bakerydemo from {self.source}", flush=True)
            serving.run(["git", "clone", "--quiet", "--depth", "1", self.source, str(self.dir)])
        if not self.venv_python.exists():
            serving.run([self.python, "-m", "venv", str(self.venv)])
        requirements = (self.dir / "requirements" / "base.txt").read_text()
        pinned = re.sub(r"(?im)^django[<>=!~ ].*$", DJANGO_PIN, requirements)
        (self.dir / "requirements-bench.txt").write_text(pinned)
        print("installing bakerydemo's requirements (Django pinned to 5.2)", flush=True)
        serving.run(
            [
                self.venv_python,
                "-m",
                "pip",
                "install",
                "--quiet",
                "-r",
                "requirements-bench.txt",
                "gunicorn",
                "whitenoise>=6.11,<7",
            ],  # fmt: skip
            cwd=self.dir,
        )
        steps = [["migrate", "--noinput"], ["load_initial_data"], ["collectstatic", "--noinput"]]
        for step in steps:
            print(f"bakerydemo: manage.py {step[0]}", flush=True)
            serving.run([self.venv_python, "manage.py", *step], cwd=self.dir, env=self.env)
        ready.touch()

    def server(self, log_dir):
        return serving.Gunicorn(
            self.venv_python, "bakerydemo.wsgi", self.dir, self.env, name="bakerydemo",
            log_dir=log_dir,
        )  # fmt: skip

    def paths(self):
        """First live page of each type, in tree order; the site root is /home/ → /."""
        database = sqlite3.connect(self.dir / "bakerydemodb")
        rows = database.execute(
            "SELECT ct.model, p.url_path FROM wagtailcore_page p "
            "JOIN django_content_type ct ON ct.id = p.content_type_id "
            "WHERE p.live ORDER BY p.path"
        ).fetchall()
        database.close()
        paths = {}
        for model, url_path in rows:
            paths.setdefault(model, "/" + url_path.split("/", 2)[2] if url_path != "/" else "/")
        paths["home"] = "/"
        return paths

    def versions(self):
        frozen = serving.run([self.venv_python, "-m", "pip", "freeze"])
        wanted = {"django", "wagtail"}
        found = [line for line in frozen.splitlines() if line.split("==")[0].lower() in wanted]
        commit = serving.run(["git", "-C", str(self.dir), "rev-parse", "--short", "HEAD"])
        return ", ".join(sorted(found)), commit.strip()


class Ours:
    def __init__(self, workdir):
        self.dir = workdir / "stadtcms"
        self.env = clean_env(
            DJANGO_SETTINGS_MODULE="bench.production_settings",
            SECRET_KEY=secrets.token_urlsafe(64),
            SECURE_SSL_REDIRECT="false",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"sqlite:///{self.dir / 'db.sqlite3'}",
            MEDIA_ROOT=str(self.dir / "media"),
            STATIC_ROOT=str(self.dir / "static"),
        )

    def set_up(self):
        ready = self.dir / ".bench-ready"
        self.dir.mkdir(parents=True, exist_ok=True)
        # Static files follow the code; the database only needs building once.
        serving.run([sys.executable, "manage.py", "collectstatic", "--noinput"], ROOT, self.env)
        if ready.exists():
            serving.run([sys.executable, "manage.py", "migrate", "--noinput"], ROOT, self.env)
            return
        for step in (["migrate", "--noinput"], ["load_demo"]):
            print(f"ours: manage.py {step[0]}", flush=True)
            serving.run([sys.executable, "manage.py", *step], cwd=ROOT, env=self.env)
        ready.touch()

    def server(self, log_dir):
        return serving.Gunicorn(
            sys.executable, "cms.wsgi", ROOT, self.env, name="stadtcms", log_dir=log_dir
        )

    def inprocess(self, *args):
        output = serving.run([sys.executable, "bench/inprocess.py", *args], ROOT, self.env)
        return json.loads(output.strip().splitlines()[-1])


def server_times(sites, pairs, runs):
    """Interleaved: each run requests every pair, alternating which site goes first."""
    timings = {(name, site): [] for name, *_ in pairs for site in ("ours", "ours again", "theirs")}
    statuses = {}
    connections = {site: serving.Connection(server.port) for site, server in sites.items()}
    for _name, ours, theirs in pairs:  # warm: renditions, both workers, template caches
        for _ in range(4):
            for site, path in (("ours", ours), ("theirs", theirs)):
                _ms, status, _body = connections[site].get(path)
                if status != 200:
                    raise RuntimeError(f"{site}: {path} answered {status}, not 200")
    for run in range(runs):
        for name, ours, theirs in pairs:
            order = [("ours", ours), ("theirs", theirs)]
            if run % 2:
                order.reverse()
            for site, path in order:
                elapsed, status, _body = connections[site].get(uncached(path, run))
                timings[(name, site)].append(elapsed)
                statuses[(name, site)] = status
            elapsed, _status, _body = connections["ours"].get(ours)
            timings[(name, "ours again")].append(elapsed)
    for connection in connections.values():
        connection.close()
    return {key: serving.summary(values) for key, values in timings.items()}, statuses


def drain(sites):
    """Let requests still queued from the previous load finish before the next one starts."""
    time.sleep(2)
    for server in sites.values():
        connection = serving.Connection(server.port)
        connection.get("/favicon.ico")
        connection.close()


def throughputs(sites, pairs, connections, seconds, requests):
    results = {}
    for name, ours, theirs in pairs:
        if name not in THROUGHPUT_PAIRS:
            continue
        for key, site, path, vary in [
            ("theirs", "theirs", theirs, False),
            ("ours uncached", "ours", ours, True),
            ("ours same URL", "ours", ours, False),
        ]:
            server = sites[site]
            drain(sites)
            results[(name, key)] = serving.throughput(
                server.url, server.port, path, connections, seconds, requests, vary
            )
            print(f"  {name}, {key}: {results[(name, key)]['rate']:.1f} req/s", flush=True)
    return results


def report(times, statuses, queries, rates, info):
    lines = [
        MARKER,
        f"`bench/bakerydemo_compare.py`, {info['date']}, our commit `{info['commit']}`, "
        f"bakerydemo `{info['bakerydemo_commit']}` ({info['bakerydemo_versions']}; Django "
        "pinned to 5.2 because Django 6 needs Python 3.12). Both on SQLite with production "
        "settings, static files collected, gunicorn -w 2 on 127.0.0.1, local-memory cache; "
        f"{info['runs']} interleaved requests per page from a loopback client, each with a "
        "new query string (nothing answers from a page cache). Load average "
        f"{info['load_before']:.1f} before, {info['load_after']:.1f} after (2 cores, shared).",
        "",
        "| page (ours / bakerydemo) | ours median / p90 ms | bakerydemo median / p90 ms "
        "| ratio (ours ÷ bakerydemo) | ours, same URL again: median ms | our SQL queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, ours, _theirs in info["pairs"]:
        mine, theirs, again = (times[(name, k)] for k in ("ours", "theirs", "ours again"))
        flag = "" if statuses[(name, "theirs")] == 200 else f" ({statuses[(name, 'theirs')]})"
        lines.append(
            f"| {name} | {mine['median']:.0f} / {mine['p90']:.0f} | "
            f"{theirs['median']:.0f} / {theirs['p90']:.0f}{flag} | "
            f"{mine['median'] / theirs['median']:.2f}× | {again['median']:.0f} | "
            f"{queries.get(ours, {}).get('queries', '—')} |"
        )
    if rates:
        tool = next(iter(rates.values()))["tool"]
        how = (
            f"wrk, {info['connections']} connections, {info['seconds']} s each"
            if tool == "wrk"
            else f"Python threads, {info['connections']} connections, {info['requests']} requests"
        )
        lines += [
            "",
            f"Throughput, requests per second ({how}; interleaved per page):",
            "",
            "| page | bakerydemo | ours, uncached | ratio | ours, same URL | ratio |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name in THROUGHPUT_PAIRS:
            theirs = rates[(name, "theirs")]["rate"]
            fresh = rates[(name, "ours uncached")]["rate"]
            same = rates[(name, "ours same URL")]["rate"]
            lines.append(
                f"| {name} | {theirs:.1f} | {fresh:.1f} | {fresh / theirs:.2f}× | "
                f"{same:.1f} | {same / theirs:.2f}× |"
            )
    return "\n".join(lines) + "\n" + MARKER


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=REPOSITORY, help="bakerydemo's repository or a copy")
    parser.add_argument("--workdir", type=Path, default=WORKDIR, help="where both sites live")
    parser.add_argument("--python", default=sys.executable, help="for bakerydemo's venv")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10, help="per throughput run (wrk)")
    parser.add_argument("--requests", type=int, default=300, help="per throughput run (Python)")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    serving.stop_on_sigterm()
    args.workdir.mkdir(parents=True, exist_ok=True)
    bakerydemo = Bakerydemo(args.workdir, args.source, args.python)
    ours = Ours(args.workdir)
    bakerydemo.set_up()
    ours.set_up()
    our_paths, their_paths = ours.inprocess("paths"), bakerydemo.paths()
    pairs = [(name, our_paths[mine], their_paths[theirs]) for name, mine, theirs in PAIRS]
    queries = ours.inprocess("count", *(path for _name, path, _theirs in pairs))
    versions, bakerydemo_commit = bakerydemo.versions()
    info = {
        "date": date.today().isoformat(),
        "commit": serving.run(["git", "rev-parse", "--short", "HEAD"], ROOT).strip(),
        "bakerydemo_commit": bakerydemo_commit,
        "bakerydemo_versions": versions,
        "runs": args.runs,
        "pairs": pairs,
        "connections": args.connections,
        "seconds": args.seconds,
        "requests": args.requests,
        "load_before": serving.load_average(),
    }
    with ours.server(args.workdir) as our_server, bakerydemo.server(args.workdir) as theirs:
        sites = {"ours": our_server, "theirs": theirs}
        started = time.perf_counter()
        times, statuses = server_times(sites, pairs, args.runs)
        print(f"server times in {time.perf_counter() - started:.0f} s", flush=True)
        rates = {}
        if not args.no_throughput:
            rates = throughputs(sites, pairs, args.connections, args.seconds, args.requests)
    info["load_after"] = serving.load_average()
    section = report(times, statuses, queries, rates, info)
    print(section)
    if args.write:
        write_section(MARKER, "Compared with wagtail/bakerydemo", section)


if __name__ == "__main__":
    main()
