"""Processes and sockets that the production and fault tests (and bench/soak.py) start.

All on 127.0.0.1, each stopped by whoever started it, every wait bounded:
- `AppServer`: gunicorn with gunicorn.conf.py and `cms.settings.production`;
- `RedisServer`: a redis-server of our own on a free port (never the shared one);
- `FaultProxy`: a TCP proxy in front of it that can pass, hang (accept, never answer) or die;
- `HungServer`: a socket that accepts connections and never answers;
- `SlowHttpServer`: an HTTP server that answers after a delay (a slow search engine);
- `ProductionSite`: a database with the demo, collected static files and media, and the
  environment variables the production settings need to serve them.
"""

import http.client
import json
import os
import secrets
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def close_listener(listener):
    # shutdown() first: on Linux, close() alone leaves a thread blocked in accept() listening.
    try:
        listener.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    listener.close()


def wait_for_port(port, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            probe.settimeout(0.2)
            if probe.connect_ex((LOOPBACK, port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes
    seconds: float

    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


def get(port, path, timeout=30.0, headers=None):
    """One GET as our reverse proxy would send it (HTTPS terminated in front of gunicorn)."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request(
            "GET",
            path,
            headers={"Host": LOOPBACK, "X-Forwarded-Proto": "https", **(headers or {})},
        )
        response = connection.getresponse()
        body = response.read()
        return Answer(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            body,
            time.monotonic() - started,
        )
    finally:
        connection.close()


# --- Sockets ------------------------------------------------------------------------------


class HungServer:
    """Accepts connections and never answers: Redis stuck in a long command, or a firewall
    that swallows packets after the handshake."""

    def __init__(self):
        self._listener = socket.create_server((LOOPBACK, 0))
        self.port = self._listener.getsockname()[1]
        self._held = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self._listener.accept()
            except OSError:
                return
            self._held.append(connection)

    def close(self):
        close_listener(self._listener)
        for connection in self._held:
            connection.close()


class FaultProxy:
    """Forwards a loopback port to `target_port`; `hang()`, `kill()` and `restore()` it."""

    PASS, HANG, DEAD = "pass", "hang", "dead"

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.mode = self.PASS
        self._connections = []
        self._lock = threading.Lock()
        self._listener = None
        self._listen()

    def _listen(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((LOOPBACK, self.port))
        listener.listen(128)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            with self._lock:
                self._connections.append(client)
            if self.mode == self.HANG:
                continue  # accepted, never answered
            try:
                upstream = socket.create_connection((LOOPBACK, self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections.append(upstream)
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while True:
                readable, _w, _x = select.select([source], [], [], 0.05)
                if self.mode == self.HANG or not readable:
                    continue  # while hung, bytes wait in the kernel; nobody answers
                data = source.recv(65536)
                if not data:
                    break
                while self.mode == self.HANG:  # hung between select and recv: hold it
                    time.sleep(0.02)
                target.sendall(data)
        except (OSError, ValueError):  # closed by kill() or restore()
            pass
        finally:
            for end in (source, target):
                try:
                    end.close()
                except OSError:
                    pass

    def _drop_connections(self):
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()

    def hang(self):
        """Connections stay open and new ones are accepted, but nothing is answered."""
        self.mode = self.HANG

    def kill(self):
        """Nothing listens any more: connection refused."""
        self.mode = self.DEAD
        close_listener(self._listener)
        self._drop_connections()

    def restore(self):
        """Forward again. Connections from the fault are dropped, as a restarted Redis would."""
        was = self.mode
        self._drop_connections()
        self.mode = self.PASS
        if was == self.DEAD:
            self._listen()

    def close(self):
        self.mode = self.DEAD
        close_listener(self._listener)
        self._drop_connections()


class SlowHttpServer:
    """Answers every request with `{}` after `delay` seconds: a search engine under load."""

    def __init__(self, delay):
        server_delay = delay

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                time.sleep(server_delay)
                body = b"{}"
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("X-Elastic-Product", "Elasticsearch")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    # The client gave up waiting, as it should. Printing the traceback in
                    # this thread would run Python 3.11's ast.parse beside the tests' own
                    # (tests/test_architecture.py), which that version does not survive
                    # ("AST constructor recursion depth mismatch").
                    pass

            do_GET = do_POST = do_PUT = do_HEAD = _answer

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://{LOOPBACK}:{self.port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self):
        self._server.shutdown()
        self._server.server_close()


# --- Processes ----------------------------------------------------------------------------


def stop_process_group(process, timeout=30.0):
    """SIGTERM to the process and its children (gunicorn shuts down gracefully), then KILL."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


class RedisServer:
    """A redis-server of our own on a free port, without persistence."""

    def __init__(self, workdir):
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.workdir = Path(workdir)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                *[self.binary, "--bind", LOOPBACK, "--port", str(self.port)],
                *["--save", "", "--appendonly", "no", "--dir", str(self.workdir)],
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process is not None:
            stop_process_group(self.process, timeout=10)


class AppServer:
    """gunicorn as the README runs it, with `env` (from `ProductionSite.environment`)."""

    def __init__(self, env, log_path, workers=2):
        self.port = free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"{LOOPBACK}:{self.port}",
            "GUNICORN_WORKERS": str(workers),
        }
        self.log_path = Path(log_path)
        self.process = None

    def start(self, timeout=60.0):
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until_serving(self.port, self.process, timeout, self.log_path)
        return self

    def get(self, path, timeout=30.0, headers=None):
        return get(self.port, path, timeout, headers)

    def log(self):
        return self.log_path.read_text(errors="replace")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self):
        if self.process is not None:
            stop_process_group(self.process)
            self._log.close()


def wait_until_serving(port, process, timeout, log_path=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = Path(log_path).read_text(errors="replace")[-3000:] if log_path else ""
            raise RuntimeError(f"the app server exited with {process.returncode}:\n{log}")
        try:
            if get(port, "/healthz", timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"the app server did not answer /healthz within {timeout} s")


# --- The site -----------------------------------------------------------------------------

# Printed by `manage.py shell` in the site's environment: one address per page type.
_PAGE_ADDRESSES = """
import json
from django.utils import translation
from pages.models import EventIndexPage, EventPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from tourism.models import PointOfInterestIndexPage, PointOfInterestPage, RouteIndexPage, RoutePage
pages = {
    "home": HomePage.objects.first(),
    "point of interest list": PointOfInterestIndexPage.objects.first(),
    "point of interest": PointOfInterestPage.objects.live().order_by("pk").first(),
    "route list": RouteIndexPage.objects.first(),
    "route": RoutePage.objects.live().order_by("pk").first(),
    "event list": EventIndexPage.objects.first(),
    "event": EventPage.objects.live().order_by("start").first(),
    "news list": NewsIndexPage.objects.first(),
    "news item": NewsPage.objects.live().order_by("pk").first(),
    "standard page": StandardPage.objects.live().order_by("pk").first(),
}
with translation.override("de"):
    addresses = {name: page.get_url() for name, page in pages.items()}
route = pages["route"]
addresses.update({
    "search": "/de/suche/?q=Roland",
    "api": "/api/v1/points-of-interest?lang=de",
    "api route": f"/api/v1/routes/{route.pk}?lang=de",
    "widget": "/widgets/pois/?lang=de",
    "event widget": "/widgets/events/?lang=de",
    "gpx download": f"/tourism/routes/{route.pk}.gpx",
    "sitemap": "/sitemap.xml",
    "admin login": "/admin/login/",
})
print(json.dumps(addresses))
"""


def _database_url():
    """The suite's DATABASE_URL as Django settings, or None for SQLite."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    return dj_database_url.parse(url) if url.startswith("postgres") else None


class ProductionSite:
    """The demo in its own database (never the test database), served by production settings.

    On PostgreSQL the database is `test_<name>_site` next to pytest's `test_<name>`; on
    SQLite a file in `folder`. `environment` carries everything the production settings need.
    """

    def __init__(self, folder):
        self.folder = Path(folder)
        self._addresses = None
        self.media_root = self.folder / "media"
        self.static_root = self.folder / "static"
        database = _database_url()
        self.postgres = database is not None
        if self.postgres:
            self.db_name = f"test_{database['NAME']}_site"
            credentials = database["USER"] or "postgres"
            if database.get("PASSWORD"):
                credentials += f":{database['PASSWORD']}"
            host = f"{database.get('HOST') or LOOPBACK}:{database.get('PORT') or 5432}"
            self._server_url = f"postgres://{credentials}@{host}"
            self.database_url = f"{self._server_url}/{self.db_name}"
        else:
            self.db_name = str(self.folder / "site.sqlite3")
            self.database_url = f"sqlite:///{self.db_name}"
        self.environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": f"{LOOPBACK},localhost",
            "DATABASE_URL": self.database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "MEDIA_ROOT": str(self.media_root),
            "STATIC_ROOT": str(self.static_root),
            "VAR_DIR": str(self.folder),
            "REDIS_URL": "",
            "ELASTICSEARCH_URL": "",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args, timeout=300, **env):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.environment, **env},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def build(self):
        """Create the database, migrate, load the demo and collect the static files."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.postgres:
            self._postgres(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            self._postgres(f'CREATE DATABASE "{self.db_name}"')
        self.manage("migrate", "--noinput")
        self.manage("load_demo", "--site-url", f"http://{LOOPBACK}")
        self.manage("collectstatic", "--noinput")
        return self

    def addresses(self):
        """{page type: path} of the demo, as printed by the site's own models."""
        if self._addresses is None:
            printed = self.manage("shell", "-c", _PAGE_ADDRESSES).strip().splitlines()[-1]
            self._addresses = {name: site_path(url) for name, url in json.loads(printed).items()}
        return dict(self._addresses)

    def create_partner(self, name, rate_limit=None):
        """A partner with an API key; its requests are counted in the database."""
        code = (
            "from partners.models import Partner; "
            f"print(Partner.objects.create(name={name!r}, contact_name='Test', "
            "contact_email='test@partner.example', website='https://partner.example', "
            f"rate_limit={rate_limit!r}).api_key)"
        )
        return self.manage("shell", "-c", code).strip().splitlines()[-1]

    def partner_requests(self, key):
        """API requests counted for the partner holding `key`, over all days."""
        query = (
            "SELECT COALESCE(SUM(u.requests), 0) FROM partners_partnerusage u "
            "JOIN partners_partner p ON p.id = u.partner_id "
            "WHERE p.api_key = %s AND u.channel = 'api'"
        )
        if self.postgres:
            import psycopg

            with psycopg.connect(self.database_url.replace("postgres://", "postgresql://")) as db:
                return db.execute(query, (key,)).fetchone()[0]
        import sqlite3

        with sqlite3.connect(self.db_name) as db:
            return db.execute(query.replace("%s", "?"), (key,)).fetchone()[0]

    def terminate_connections(self):
        """Cut every connection to the site's database, as a PostgreSQL restart would."""
        return self._postgres(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            f"WHERE datname = '{self.db_name}' AND pid <> pg_backend_pid()",
            fetch=True,
        )

    def drop(self):
        if self.postgres:
            self._postgres(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')

    def _postgres(self, sql, fetch=False):
        import psycopg

        with psycopg.connect(f"{self._server_url}/postgres", autocommit=True) as connection:
            rows = connection.execute(sql)
            return rows.fetchone()[0] if fetch else None


def redis_available():
    return shutil.which("redis-server") is not None


def site_path(url):
    """'/de/…' from an absolute page URL or a path."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
