"""/healthz says the process serves; /readyz reports each dependency within half a second."""

import threading
import time

import pytest
from django.db import OperationalError

from cms import health

release_hung_check = threading.Event()
hung_check_calls = []


def slow_check():
    time.sleep(3)
    return {"status": "ok"}


def hung_check():
    hung_check_calls.append(1)
    release_hung_check.wait(10)
    return {"status": "ok"}


def database_gone():
    raise OperationalError("connection refused")


def search_degraded():
    return {"status": "degraded", "backend": "database", "configured": "elasticsearch"}


def test_liveness_answers_without_asking_any_dependency(client):
    # No `db` fixture: pytest-django would fail the test on any database access.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_probes_answer_plain_http_and_any_host_in_production(client, settings, db):
    settings.ALLOWED_HOSTS = ["www.haldensleben.de"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/de/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_readiness_reports_each_dependency_with_its_latency(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "static", "cache", "search"}
    for check in body["checks"].values():
        assert check["status"] == "ok"
        assert check["latency_ms"] >= 0


def test_a_slow_dependency_is_reported_down_after_half_a_second(client, settings, db):
    settings.HEALTH_CHECKS = {**settings.HEALTH_CHECKS, "search": f"{__name__}.slow_check"}
    started = time.monotonic()
    response = client.get("/readyz")
    assert time.monotonic() - started < 1.5  # bound: 0.5 s plus a loaded machine's slack
    assert response.status_code == 200  # pages work without the search engine
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "down"
    assert body["checks"]["search"]["reason"] == "no answer in time"
    assert body["checks"]["database"]["status"] == "ok"


def test_a_hung_check_is_not_started_again_by_every_probe(client, settings, db):
    settings.HEALTH_CHECKS = {"cache": f"{__name__}.hung_check"}
    hung_check_calls.clear()
    release_hung_check.clear()
    try:
        first = client.get("/readyz").json()["checks"]["cache"]
        second = client.get("/readyz").json()["checks"]["cache"]
    finally:
        release_hung_check.set()
    assert first["reason"] == "no answer in time"
    assert second["reason"] == "previous check still running"
    assert len(hung_check_calls) == 1


def test_without_the_database_readiness_is_503(client, settings):
    settings.HEALTH_CHECKS = {
        "database": f"{__name__}.database_gone",
        "search": f"{__name__}.search_degraded",
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["checks"]["database"]["status"] == "down"


def test_a_degraded_search_keeps_readiness_at_200(client, settings, db):
    settings.HEALTH_CHECKS = {**settings.HEALTH_CHECKS, "search": f"{__name__}.search_degraded"}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"


def test_the_static_files_check_needs_a_manifest(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"
    from django.contrib.staticfiles.storage import staticfiles_storage

    staticfiles_storage._setup()
    with pytest.raises(RuntimeError, match="collectstatic"):
        health.static_files_status()
