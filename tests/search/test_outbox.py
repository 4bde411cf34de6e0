"""What Elasticsearch missed during an outage reaches it when it is back (search/outbox.py).

The outage is real: the client talks to a closed loopback port; Elasticsearch is the
noida-db emulator (or the cluster in ELASTICSEARCH_URL).
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from elasticsearch import NotFoundError
from wagtail.models import PageViewRestriction

from search import api, outbox
from search.backends.elasticsearch import get_client
from search.documents import alias_name
from search.indexing import indexed_documents
from search.models import PendingIndexUpdate
from tests.search.conftest import _delete_test_indices, elasticsearch_settings, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def es(emulator, search_data):
    """The emulator with `search_data` indexed, and a way to cut it off."""
    with elasticsearch_settings(emulator.url):
        from django.conf import settings

        api.reset_circuit()
        call_command("search_index", "--rebuild", stdout=StringIO())
        yield get_client()
        _delete_test_indices(get_client(), settings.SEARCH_INDEX_PREFIX)
        api.reset_circuit()


class Outage:
    """Elasticsearch unreachable (a closed port) for the code inside `with`."""

    def __enter__(self):
        self.settings = override_settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{free_port()}")
        self.settings.enable()
        api.reset_circuit()
        return self

    def __exit__(self, *exc):
        self.settings.disable()
        api.reset_circuit()  # Elasticsearch is back; the circuit would close after 30 s


def german_document(es, page):
    try:
        return es.get(index=alias_name("de"), id=str(page.pk))["_source"]
    except NotFoundError:
        return None


def test_an_edit_during_an_outage_is_queued_and_sent_by_retry(es, search_data):
    roland = search_data["roland"]
    with Outage():
        roland.title = "Roland zu Haldensleben"
        roland.save_revision().publish()
    assert PendingIndexUpdate.objects.filter(page_id=roland.pk).exists()
    assert german_document(es, roland)["title"] == "Roland"

    out = StringIO()
    call_command("search_index", "--retry", stdout=out)

    assert "Sent 1 index update(s); 0 still pending." in out.getvalue()
    assert german_document(es, roland)["title"] == "Roland zu Haldensleben"
    assert not PendingIndexUpdate.objects.exists()


def test_unpublishing_and_deleting_during_an_outage_leave_the_index_afterwards(es, search_data):
    castle, cafe = search_data["castle"], search_data["cafe"]
    cafe_pk = cafe.pk
    with Outage():
        castle.unpublish()
        cafe.delete()
    assert set(PendingIndexUpdate.objects.values_list("page_id", flat=True)) == {
        castle.pk,
        cafe_pk,
    }

    outbox.retry()

    indexed = indexed_documents(es, "de")
    assert castle.pk not in indexed and cafe_pk not in indexed
    assert search_data["roland"].pk in indexed


def test_a_view_restriction_added_during_an_outage_removes_the_section(
    es, search_data, django_capture_on_commit_callbacks
):
    poi_index = search_data["poi_index"]
    with Outage(), django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=poi_index, restriction_type="password", password="geheim"
        )
    assert PendingIndexUpdate.objects.get(page_id=poi_index.pk).subtree

    outbox.retry()

    indexed = indexed_documents(es, "de")
    assert search_data["roland"].pk not in indexed
    assert search_data["museum"].pk not in indexed
    assert search_data["walk"].pk in indexed  # routes live elsewhere


def test_the_next_successful_write_sends_what_was_missed(es, search_data):
    roland, museum = search_data["roland"], search_data["museum"]
    with Outage():
        roland.title = "Roland (Wahrzeichen)"
        roland.save_revision().publish()

    museum.title = "Museum Haldensleben (neu)"
    museum.save_revision().publish()

    assert german_document(es, roland)["title"] == "Roland (Wahrzeichen)"
    assert german_document(es, museum)["title"] == "Museum Haldensleben (neu)"
    assert not PendingIndexUpdate.objects.exists()


def test_retry_while_still_down_keeps_the_updates_and_says_so(es, search_data):
    roland = search_data["roland"]
    with Outage():
        roland.save_revision().publish()
        with pytest.raises(CommandError, match="1 still pending"):
            call_command("search_index", "--retry", stdout=StringIO())
    entry = PendingIndexUpdate.objects.get(page_id=roland.pk)
    assert entry.attempts == 1
    assert entry.last_error


def test_queueing_a_page_twice_keeps_one_row_and_widens_it_to_the_subtree(search_data):
    roland = search_data["roland"]
    outbox.queue([roland.pk], "publishing")
    outbox.queue([roland.pk], "moving", subtree=True)
    outbox.queue([roland.pk], "publishing again")
    entry = PendingIndexUpdate.objects.get()
    assert entry.subtree and entry.reason == "publishing again"


def test_check_with_repair_fixes_missing_and_extra_documents(es, search_data):
    roland = search_data["roland"]
    es.delete(index=alias_name("de"), id=str(roland.pk), refresh=True)
    es.index(index=alias_name("en"), id="999999", document={"page_id": 999999, "live": True})
    es.indices.refresh(index=alias_name("en"))

    out = StringIO()
    call_command("search_index", "--check", "--repair", stdout=out)

    assert "Repaired: 2 page(s) written or removed." in out.getvalue()
    assert german_document(es, roland)["title"] == "Roland"
    out = StringIO()
    call_command("search_index", "--check", stdout=out)
    assert "The indices match the pages." in out.getvalue()


def test_the_search_state_for_readiness_counts_the_pending_updates(es, search_data):
    # /readyz shows this state; its checks run in threads with their own database
    # connection, which cannot see this test's transaction.
    with Outage():
        search_data["roland"].save_revision().publish()
    assert api.status()["pending_index_updates"] == 1
