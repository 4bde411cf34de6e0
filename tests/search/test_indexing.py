"""Documents, incremental updates, and `search_index --rebuild/--check` on the emulator."""

from io import StringIO

import pytest
from django.core.management import call_command

from search import api
from search.backends.elasticsearch import get_client
from search.documents import alias_name
from search.indexing import document_for, indexed_documents
from tests.search.conftest import _delete_test_indices, elasticsearch_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def es(emulator):
    with elasticsearch_settings(emulator.url):
        from django.conf import settings

        api.reset_circuit()
        yield get_client()
        _delete_test_indices(get_client(), settings.SEARCH_INDEX_PREFIX)


def test_documents_hold_public_fields_in_their_language(search_data):
    castle = search_data["castle"]
    german = document_for(castle, "de")
    english = document_for(castle, "en")
    assert german["title"] == "Schloss Hundisburg"
    assert german["translated_to"] == ["en"]
    assert german["categories"] == ["sights"]
    assert german["category_names"] == ["Sehenswürdigkeiten"]
    assert german["location"] == {"lat": 52.273, "lon": 11.354}
    assert german["url"].startswith("/de/")
    assert "Hundisburg" in german["suggest"]["input"]
    assert english["title"] == "Hundisburg Castle"
    assert english["category_names"] == ["Sights"]
    assert english["url"].startswith("/en/")
    assert not {"phone", "email", "internal_note", "data_licence"} & set(german)


def test_german_only_pages_have_no_english_document(search_data):
    assert document_for(search_data["cafe"], "en") is None
    assert document_for(search_data["cafe"], "de")["translated_to"] == []


def test_routes_and_events_carry_kind_dates_and_a_position(search_data):
    route = document_for(search_data["cycle_route"], "de")
    assert route["kind"] == "cycling"
    assert route["location"] is not None
    event = document_for(search_data["event"], "de")
    assert event["start"] is not None
    assert event["location"] == {"lat": 52.291, "lon": 11.412}
    assert event["categories"] == ["tours"]


def test_rebuild_swaps_the_alias_and_deletes_the_old_index(es, search_data):
    out = StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    first = set(es.indices.get_alias(name=alias_name("de")))
    assert len(first) == 1
    assert "de: 10/10 documents" in out.getvalue() or "de: " in out.getvalue()
    call_command("search_index", "--rebuild", stdout=StringIO())
    second = set(es.indices.get_alias(name=alias_name("de")))
    assert len(second) == 1 and second != first
    assert not es.indices.exists(index=first.pop())
    assert len(indexed_documents(es, "de")) == 9


def test_dry_run_writes_nothing(es, search_data):
    out = StringIO()
    call_command("search_index", "--rebuild", "--dry-run", stdout=out)
    assert "de: would index 9 documents" in out.getvalue()
    assert "en: would index 8 documents" in out.getvalue()
    assert not es.indices.exists_alias(name=alias_name("de"))


def test_check_reports_missing_and_extra_documents(es, search_data):
    call_command("search_index", "--rebuild", stdout=StringIO())
    out = StringIO()
    call_command("search_index", "--check", stdout=out)
    assert "The indices match the pages." in out.getvalue()

    es.delete(index=alias_name("de"), id=str(search_data["roland"].pk), refresh=True)
    es.index(
        index=alias_name("en"),
        id="999999",
        document={"page_id": 999999, "live": True},
        refresh=True,
    )
    out = StringIO()
    call_command("search_index", "--check", stdout=out)
    report = out.getvalue()
    assert f'"missing": [{search_data["roland"].pk}]' in report
    assert '"extra": [999999]' in report
    assert "Drift found" in report


def test_writes_before_the_first_rebuild_do_not_create_an_index(es, search_data):
    search_data["draft"].save_revision().publish()
    assert not es.indices.exists(index=alias_name("de"))


def test_a_new_slug_reindexes_the_pages_below_with_their_new_urls(
    es, search_data, django_capture_on_commit_callbacks
):
    call_command("search_index", "--rebuild", stdout=StringIO())
    poi_index = search_data["poi_index"]
    poi_index.slug = "orte"
    # Wagtail sends page_slug_changed once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        poi_index.save_revision().publish()
    roland = search_data["roland"]
    source = es.get(index=alias_name("de"), id=str(roland.pk))["_source"]
    assert source["url"] == "/de/orte/roland/"


def test_moving_a_page_reindexes_it_with_its_new_url(es, search_data, home_page):
    from tests.factories.pages import StandardPageFactory

    call_command("search_index", "--rebuild", stdout=StringIO())
    service = StandardPageFactory(parent=home_page, title="Service")
    imprint = search_data["imprint"]
    imprint.move(service, pos="last-child")
    source = es.get(index=alias_name("de"), id=str(imprint.pk))["_source"]
    assert source["url"] == "/de/service/impressum/"


def test_without_elasticsearch_the_command_works_on_the_database_index(settings, search_data):
    settings.ELASTICSEARCH_URL = ""
    out = StringIO()
    call_command("search_index", "--check", stdout=out)
    assert "database text index matches the pages" in out.getvalue()
    out = StringIO()
    call_command("search_index", "--rebuild", "--dry-run", stdout=out)
    assert "would rebuild the text index of wagtailcore_page" in out.getvalue()
