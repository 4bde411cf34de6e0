"""Elasticsearch down or gone: visitors still get answers, from the database, quickly."""

import logging
import shutil
import time

import pytest

from search import api
from search.models import PendingIndexUpdate
from search.query import SearchQuery
from tests.search.conftest import Emulator, elasticsearch_settings, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port_settings():
    with elasticsearch_settings(f"http://127.0.0.1:{free_port()}"):
        api.reset_circuit()
        yield
        api.reset_circuit()


def test_a_closed_port_answers_from_the_database_within_seconds(
    closed_port_settings, search_data, caplog
):
    api.reset_circuit()  # creating the pages found Elasticsearch down already
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="search.api"):
        results = api.search("Roland", "de")
    assert time.monotonic() - started < 5
    assert results.backend == "database"
    assert results.hits[0].object.pk == search_data["roland"].pk
    assert "answering from the database" in caplog.text
    assert "Schloss Hundisburg" in api.suggest("Schlo", "de")


def test_the_search_page_works_while_elasticsearch_is_down(
    closed_port_settings, search_data, client
):
    response = client.get("/de/suche/", {"q": "Hundisburg"})
    assert response.status_code == 200
    assert "Schloss Hundisburg" in response.content.decode()


def test_publishing_works_while_elasticsearch_is_down(closed_port_settings, search_data, caplog):
    draft = search_data["draft"]
    with caplog.at_level(logging.WARNING, logger="search.signal_handlers"):
        draft.save_revision().publish()
    draft.refresh_from_db()
    assert draft.live
    assert "queued for the index" in caplog.text or "could not update the index" in caplog.text
    assert PendingIndexUpdate.objects.filter(page_id=draft.pk).exists()


def test_health_reports_the_fallback_as_degraded_not_down(closed_port_settings, client):
    response = client.get("/readyz")
    search = response.json()["checks"]["search"]
    assert search.pop("latency_ms") >= 0
    assert search == {
        "status": "degraded",
        "backend": "database",
        "configured": "elasticsearch",
        "pending_index_updates": 0,
    }
    assert response.status_code == 200


def test_health_without_elasticsearch_reports_the_database(client, settings):
    settings.ELASTICSEARCH_URL = ""
    search = client.get("/readyz").json()["checks"]["search"]
    assert search.pop("latency_ms") >= 0
    assert search == {"status": "ok", "backend": "database"}


def test_an_emulator_stopped_mid_test_falls_back_to_the_database(search_data, client):
    server = Emulator()
    server.start()
    try:
        with elasticsearch_settings(server.url):
            from search.indexing import rebuild

            api.reset_circuit()
            rebuild()
            assert api.search("Roland", "de").backend == "elasticsearch"
            health = client.get("/readyz").json()["checks"]["search"]
            assert health.pop("latency_ms") >= 0
            assert health == {
                "status": "ok",
                "backend": "elasticsearch",
                "pending_index_updates": 0,
            }

            server.stop()
            started = time.monotonic()
            results = api.search("Roland", "de")
            assert time.monotonic() - started < 5
            assert results.backend == "database"
            assert results.hits[0].object.pk == search_data["roland"].pk
            # The next searches skip Elasticsearch for a while instead of waiting again.
            started = time.monotonic()
            assert api.search(SearchQuery(text="Hundisburg")).backend == "database"
            assert time.monotonic() - started < 1
    finally:
        server.stop()
        shutil.rmtree(server.workdir, ignore_errors=True)
        api.reset_circuit()
