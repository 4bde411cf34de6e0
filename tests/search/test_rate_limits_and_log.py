"""Search, suggestions and widgets answer 429 past their limit; the query log stays bounded."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from search.models import SearchQueryLog
from tests.servers import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_limits(settings, monkeypatch):
    from cms import ratelimit

    settings.PUBLIC_RATE_LIMITS = {"search": 2, "suggest": 3, "widget": 2}
    settings.PUBLIC_RATE_LIMIT_WINDOW = 60
    # Ten seconds into a window: on a slow machine a test would otherwise straddle two.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_000_030.0))
    cache.clear()


def test_search_page_answers_a_translated_429_past_the_limit(client, home_page, low_limits):
    # Different texts: a repeated one may come from the page cache, which costs nothing.
    assert [client.get(f"/de/suche/?q=roland{n}").status_code for n in range(2)] == [200, 200]
    response = client.get("/de/suche/?q=roland9")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Zu viele Anfragen" in html
    assert client.get("/en/search/?q=x", REMOTE_ADDR="192.0.2.8").status_code == 200


def test_suggestions_answer_a_json_429(client, home_page, low_limits):
    for _ in range(3):
        assert client.get("/de/search/suggest/?q=ro").status_code == 200
    response = client.get("/de/search/suggest/?q=ro")
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert "Retry-After" in response


def test_widgets_answer_a_429_the_frame_can_show(client, museum, low_limits):
    for count in (1, 2):
        assert client.get(f"/widgets/pois/?lang=en&count={count}").status_code == 200
    response = client.get("/widgets/pois/?lang=en&count=3")
    assert response.status_code == 429
    html = response.content.decode()
    assert "widget--error" in html and "Too many requests" in html
    assert response["Cache-Control"] == "no-store"
    assert "X-Frame-Options" not in response


def test_without_the_cache_every_search_passes(client, home_page, low_limits):
    dead_redis = {
        "default": {
            "BACKEND": "cms.cache.CircuitBreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "IGNORE_EXCEPTIONS": True},
        }
    }
    with override_settings(CACHES=dead_redis):
        statuses = [client.get(f"/de/suche/?q=a{n}").status_code for n in range(4)]
        assert statuses == [200] * 4


def test_searches_are_counted_per_normalised_query_language_and_day():
    for text in ("Roland", "roland", "ROLAND"):
        SearchQueryLog.record(text, "de", 3)
    SearchQueryLog.record("roland", "en", 1)
    rows = {(row.query, row.language): row.searches for row in SearchQueryLog.objects.all()}
    assert rows == {("roland", "de"): 3, ("roland", "en"): 1}


def test_a_flood_of_distinct_queries_adds_rows_only_up_to_the_daily_cap(settings):
    settings.SEARCH_LOG_MAX_QUERIES_PER_DAY = 5
    for number in range(20):
        SearchQueryLog.record(f"zufall {number}", "de", 0)
    SearchQueryLog.record("zufall 0", "de", 0)  # seen today: still counted
    assert SearchQueryLog.objects.count() == 5
    assert SearchQueryLog.objects.get(query="zufall 0").searches == 2


def log_on(days_ago, query):
    return SearchQueryLog.objects.create(
        query=query,
        language="de",
        date=timezone.localdate() - timedelta(days=days_ago),
        searches=1,
    )


def test_prune_search_log_deletes_days_older_than_asked():
    log_on(0, "heute")
    log_on(29, "vor einem monat")
    log_on(30, "zu alt")
    log_on(400, "uralt")
    out = StringIO()
    call_command("prune_search_log", days=30, stdout=out)
    assert "Deleted 2 rows" in out.getvalue()
    assert set(SearchQueryLog.objects.values_list("query", flat=True)) == {
        "heute",
        "vor einem monat",
    }


def test_prune_search_log_dry_run_deletes_nothing_and_default_keeps_180_days():
    log_on(179, "behalten")
    log_on(180, "weg")
    out = StringIO()
    call_command("prune_search_log", dry_run=True, stdout=out)
    assert "Would delete 1 rows" in out.getvalue()
    assert SearchQueryLog.objects.count() == 2
    call_command("prune_search_log", stdout=StringIO())
    assert list(SearchQueryLog.objects.values_list("query", flat=True)) == ["behalten"]


def test_a_search_is_counted_in_one_statement(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # a new text, then one seen today
        with CaptureQueriesContext(connection) as queries:
            SearchQueryLog.record("Rathaus", "de", 2)
        assert len(queries) == 1
    assert SearchQueryLog.objects.get(query="rathaus").searches == 2
