"""What the HTTP benchmarks share: gunicorn on loopback, timed requests and bounded load.

Everything stays on 127.0.0.1. Servers run in their own process group and are stopped
when the `with` block ends, also on Ctrl-C, on an error and on SIGTERM; every load is
bounded by a duration and a request count.
"""

import http.client
import multiprocessing
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.report import percentile

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def stop_on_sigterm():
    """Turn SIGTERM into SystemExit so that `finally` blocks stop the servers."""

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


class Gunicorn:
    """`gunicorn -w N app` on a free loopback port, as a context manager."""

    def __init__(self, python, app, cwd, env, workers=2, name="server", log_dir=None):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.name = name
        log_dir = Path(log_dir or tempfile.gettempdir())
        self.log_path = log_dir / f"gunicorn-{name}-{self.port}.log"
        self.command = [
            str(python),
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--timeout",
            "120",
            app,
        ]
        self.cwd, self.env = cwd, env
        self.process = None

    def __enter__(self):
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with its workers
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def wait_until_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log_path}")
            try:
                with socket.create_connection((HOST, self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not start within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        except ProcessLookupError:
            pass
        finally:
            self.log.close()


class Connection:
    """One keep-alive HTTP/1.1 connection to a loopback server, reopened when it drops."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def get(self, path, timeout=120):
        """(milliseconds until the whole body arrived, status, body)."""
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
            started = time.perf_counter()
            try:
                self.conn.request("GET", path, headers={"Host": f"{HOST}:{self.port}"})
                response = self.conn.getresponse()
                body = response.read()
            except (ConnectionError, http.client.HTTPException):
                self.close()  # gunicorn's sync workers close idle keep-alive connections
                if attempt == 2:
                    raise
                continue
            elapsed = (time.perf_counter() - started) * 1000
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return elapsed, response.status, body

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def summary(timings):
    return {
        "median": statistics.median(timings),
        "p90": percentile(timings, 0.90),
        "p95": percentile(timings, 0.95),
        "count": len(timings),
    }


class BackgroundLoad:
    """Threads that request `paths` in turn until stopped, `duration` ends or `limit` is hit.

    `rate` (requests per second, all threads together): paced, as visitors arrive, instead
    of each thread asking again as soon as it has its answer (which keeps every core busy
    whatever the site's speed). A thread that falls behind does not catch up in a burst.
    """

    def __init__(self, port, paths, concurrency=2, duration=120, limit=100_000, rate=None):
        self.port, self.paths = port, list(paths)
        self.concurrency, self.duration, self.limit = concurrency, duration, limit
        self.interval = concurrency / rate if rate else 0.0
        self.done = 0
        self.errors = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = []

    def __enter__(self):
        self.started = time.monotonic()
        for number in range(self.concurrency):
            thread = threading.Thread(target=self.work, args=(number,), daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=130)
        self.elapsed = time.monotonic() - self.started

    def work(self, number):
        connection = Connection(self.port)
        deadline = self.started + self.duration
        position = number
        # Threads start spread over one interval, not all at once.
        next_at = self.started + self.interval * number / self.concurrency
        while not self.stopping.is_set() and time.monotonic() < deadline:
            if self.interval:
                wait = next_at - time.monotonic()
                if wait > 0:
                    self.stopping.wait(wait)
                next_at = max(next_at + self.interval, time.monotonic())
            with self.lock:
                if self.done + self.errors >= self.limit:
                    break
            path = self.paths[position % len(self.paths)]
            position += 1
            try:
                _ms, status, _body = connection.get(path)
                ok = status < 500
            except OSError:
                ok = False
            with self.lock:
                if ok:
                    self.done += 1
                else:
                    self.errors += 1
        connection.close()

    @property
    def rate(self):
        return self.done / self.elapsed if getattr(self, "elapsed", 0) else 0.0


class ProcessLoad:
    """`BackgroundLoad` in a process of its own, as visitors' browsers are.

    Its threads then never hold the interpreter lock of the process that measures: with
    the load threads beside it, the measuring thread waited for them to parse their
    responses (at 100 requests a second) before it could read its own.
    """

    def __init__(self, port, paths, concurrency=2, duration=120, limit=100_000, rate=None):
        context = multiprocessing.get_context("fork")
        self.stopping = context.Event()
        self._counts = context.Array("q", 2)  # done, errors
        self._process = context.Process(
            target=self._run,
            args=(port, list(paths), concurrency, duration, limit, rate),
            daemon=True,
        )

    def _run(self, port, paths, concurrency, duration, limit, rate):
        with BackgroundLoad(port, paths, concurrency, duration, limit, rate) as load:
            while not self.stopping.is_set() and any(t.is_alive() for t in load.threads):
                self.stopping.wait(0.2)
                self._counts[:] = [load.done, load.errors]
        self._counts[:] = [load.done, load.errors]

    def __enter__(self):
        self.started = time.monotonic()
        self._process.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        self._process.join(timeout=150)
        if self._process.is_alive():
            self._process.terminate()
        self.elapsed = time.monotonic() - self.started

    def alive(self):
        return self._process.is_alive()

    @property
    def errors(self):
        return self._counts[1]

    @property
    def rate(self):
        return self._counts[0] / self.elapsed if getattr(self, "elapsed", 0) else 0.0


def python_throughput(port, path, connections, requests, vary=False):
    """Requests per second for a fixed count of requests spread over `connections` threads."""
    counter = iter(range(requests))
    lock = threading.Lock()
    results = {"ok": 0, "errors": 0}

    def work():
        connection = Connection(port)
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                break
            target = with_query(path, f"nocache={number}") if vary else path
            try:
                _ms, status, _body = connection.get(target)
                key = "ok" if status < 500 else "errors"
            except OSError:
                key = "errors"
            with lock:
                results[key] += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=work, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    elapsed = time.perf_counter() - started
    return {"rate": results["ok"] / elapsed, "errors": results["errors"], "tool": "python"}


WRK_VARY = """
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nocache=" .. counter)
end
"""


def wrk_throughput(url, connections, seconds, vary=False):
    """Requests per second from Debian's `wrk`; `vary` adds a new query to every request."""
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "30s"]
    script = None
    if vary:
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(WRK_VARY)
        script.close()
        command += ["-s", script.name]
    try:
        output = subprocess.run(
            [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True
        ).stdout
    finally:
        if script:
            os.unlink(script.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rate": rate, "errors": int(errors.group(1)) if errors else 0, "tool": "wrk"}


def throughput(base_url, port, path, connections=8, seconds=10, requests=400, vary=False):
    """wrk when installed (duration-bound), else the Python generator (count-bound)."""
    if shutil.which("wrk"):
        return wrk_throughput(base_url + path, connections, seconds, vary)
    return python_throughput(port, path, connections, requests, vary)


def with_query(path, query):
    return f"{path}{'&' if '?' in path else '?'}{query}"


class DatabaseCpu:
    """CPU seconds of the server process behind a PostgreSQL connection on this machine.

    Under load, wall times mostly measure the wait for a core; CPU time measures the work.
    Read from /proc, at the kernel's clock tick (10 ms): sum or take medians of many.
    """

    def __init__(self, connection):
        self.path = None
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            path = Path(f"/proc/{cursor.fetchone()[0]}/stat")
        if path.exists():
            self.path = path
            self.tick = os.sysconf("SC_CLK_TCK")

    @property
    def available(self):
        return self.path is not None

    def seconds(self):
        if self.path is None:
            return 0.0
        fields = self.path.read_text().rsplit(")", 1)[1].split()
        # utime and stime: fields 14 and 15 of stat(5), after the command name.
        return (int(fields[11]) + int(fields[12])) / self.tick


def load_average():
    return os.getloadavg()[0]


def run(command, cwd=None, env=None, timeout=1800, quiet=True):
    """Run a setup step; its output is shown only when it fails."""
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=quiet, text=True, timeout=timeout
    )
    if result.returncode:
        if quiet:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise RuntimeError(f"failed: {' '.join(map(str, command))}")
    return result.stdout if quiet else ""
