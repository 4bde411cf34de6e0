"""The README's production path: `make production` serves every page type with gunicorn,
`cms.settings.production` and the collected, hashed static files.

The site (demo data, media, static files) is built once by the `production_site` fixture
in its own database; the suite's venv stands in for `make install`.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import (
    AppServer,
    free_port,
    get,
    site_path,
    stop_process_group,
    wait_until_serving,
)

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
# Stylesheets, scripts, icons and the detailed map's files that pages name.
STATIC_REFERENCE = re.compile(r'(?:href|src|data-leaflet-js|data-leaflet-css)="(/static/[^"]+)"')
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[a-z0-9]+$")


def readme_production_commands():
    """The make commands of the README's Production section, in order."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Production\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split() for line in block.splitlines() if line.startswith("make ")]


def make(command, env):
    # -o: the suite's venv is installed already; make must not reinstall it.
    return [
        *["make", "-o", f"{VENV}/.installed", f"VENV={VENV}", f"PYTHON={sys.executable}"],
        *command[1:],
    ]


@pytest.fixture(scope="module")
def readme_server(production_site, tmp_path_factory):
    """gunicorn started exactly as the README says, by its last command."""
    commands = readme_production_commands()
    assert [command[:2] for command in commands] == [["make", "install"], ["make", "production"]]
    port = free_port()
    env = {**production_site.environment, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    for command in commands[:-1]:
        subprocess.run(make(command, env), cwd=ROOT, env=env, check=True, timeout=300)
    log_path = tmp_path_factory.mktemp("readme-server") / "gunicorn.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            make(commands[-1], env),
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    wait_until_serving(port, server, timeout=120, log_path=log_path)
    yield port, log_path
    stop_process_group(server)


def test_make_production_serves_every_page_type_with_hashed_static_files(
    readme_server, production_site
):
    port, log_path = readme_server
    static_paths = set()
    for page_type, address in production_site.addresses().items():
        answer = get(port, site_path(address))
        assert answer.status == 200, f"{page_type} {address}: {answer.status}"
        if answer.headers.get("content-type", "").startswith("text/html"):
            static_paths.update(STATIC_REFERENCE.findall(answer.text()))
    # Every page names its stylesheet, scripts and the detailed map's files by hashed name.
    assert any("/vendor/leaflet/leaflet." in path for path in static_paths)
    for path in sorted(static_paths):
        assert HASHED_NAME.search(path.split("?")[0]), path
        answer = get(port, path)
        assert answer.status == 200, path
        assert "immutable" in answer.headers.get("cache-control", ""), path
    assert "Traceback" not in log_path.read_text(errors="replace")


def test_the_access_log_names_requests_without_visitor_data(readme_server):
    port, log_path = readme_server
    get(port, "/de/?near=52.29,11.41", headers={"User-Agent": "Testbrowser/1.0"})
    lines = [line for line in log_path.read_text().splitlines() if '"GET /de/"' in line]
    assert lines, "gunicorn writes an access log line per request"
    assert "52.29" not in lines[-1] and "Testbrowser" not in lines[-1]
    assert re.search(r'"GET /de/" 200 \d+ \d+ms$', lines[-1])


def test_probes_answer_over_plain_http_with_any_host(readme_server):
    port, _log = readme_server
    # Load balancers probe the backend directly: no HTTPS header, an address as Host.
    headers = {"Host": "10.0.0.7:8000", "X-Forwarded-Proto": "http"}
    assert get(port, "/healthz", headers=headers).json() == {"status": "ok"}
    ready = get(port, "/readyz", headers=headers)
    assert ready.status == 200
    checks = ready.json()["checks"]
    assert checks["database"]["status"] == checks["static"]["status"] == "ok"
    # Everything else still insists on HTTPS and a known host.
    assert get(port, "/de/", headers={"X-Forwarded-Proto": "http"}).status == 301
    assert get(port, "/de/", headers=headers).status == 400


def test_without_collected_static_files_readiness_fails_while_liveness_holds(
    production_site, tmp_path
):
    empty = tmp_path / "static"
    empty.mkdir()
    server = AppServer(
        {**production_site.environment, "STATIC_ROOT": str(empty)},
        tmp_path / "gunicorn.log",
        workers=1,
    ).start()
    try:
        assert server.get("/healthz").status == 200
        ready = server.get("/readyz")
        assert ready.status == 503
        assert ready.json()["checks"]["static"]["status"] == "down"
    finally:
        server.stop()
