"""Partner keys on /api/v1/: optional, checked, counted, and with the partner's own limit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import PartnerUsage
from tests.factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/points-of-interest"


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Hotel am Markt")


def api_usage(partner):
    row = PartnerUsage.objects.filter(
        partner=partner, day=timezone.localdate(), channel="api"
    ).first()
    return (row.requests, row.limit_reached) if row else (0, 0)


def assert_refused(response, status, code):
    assert response.status_code == status
    assert response.json()["error"] == code
    assert set(response.json()) == {"error", "detail"}
    assert "no-store" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_api_needs_no_key(client, museum):
    assert client.get(URL).status_code == 200
    assert not PartnerUsage.objects.exists()


def test_a_valid_key_in_the_header_is_counted_for_its_partner(client, museum, partner):
    for _ in range(3):
        response = client.get(URL, headers={"X-API-Key": partner.api_key})
        assert response.status_code == 200
    # Other endpoints, conditional GETs and 404s are requests too.
    etag = response["ETag"]
    assert (
        client.get(URL, headers={"X-API-Key": partner.api_key, "If-None-Match": etag}).status_code
        == 304
    )
    assert client.get(f"{URL}/999999", headers={"X-API-Key": partner.api_key}).status_code == 404
    assert api_usage(partner) == (5, 0)


def test_a_key_in_the_query_works_for_tools_that_only_take_a_url(client, museum, castle, partner):
    response = client.get(URL, {"limit": 1, "api_key": partner.api_key})
    assert response.status_code == 200
    assert api_usage(partner) == (1, 0)
    # The key stays out of the answer: next links, and so caches and logs, never carry it.
    assert partner.api_key not in response.content.decode()
    assert response.json()["next"] == "http://testserver/api/v1/points-of-interest?limit=1&page=2"


def test_the_answer_is_the_same_with_and_without_a_key(client, museum, partner):
    without = client.get(URL)
    with_key = client.get(URL, headers={"X-API-Key": partner.api_key})
    assert with_key.content == without.content
    assert with_key["ETag"] == without["ETag"]
    # Shared caches may give it to anyone: nothing in it depends on the key.
    assert "public" in with_key["Cache-Control"]
    assert "x-api-key" not in with_key.get("Vary", "").lower()
    assert "Set-Cookie" not in with_key


def test_an_unknown_key_is_refused(client, museum):
    response = client.get(URL, headers={"X-API-Key": "guessed"})
    assert_refused(response, 401, "invalid_api_key")
    assert response["WWW-Authenticate"] == 'ApiKey header="X-API-Key"'
    assert_refused(client.get(URL, {"api_key": "guessed"}), 401, "invalid_api_key")
    assert_refused(client.get(URL, headers={"X-API-Key": "x" * 5000}), 401, "invalid_api_key")
    assert not PartnerUsage.objects.exists()


def test_a_switched_off_key_is_refused(client, museum, partner):
    partner.active = False
    partner.save()
    assert_refused(client.get(URL, headers={"X-API-Key": partner.api_key}), 401, "invalid_api_key")
    assert api_usage(partner) == (0, 0)


def test_the_old_key_is_refused_once_a_new_one_is_issued(client, museum, partner):
    old_key = partner.api_key
    partner.issue_new_key()
    assert_refused(client.get(URL, headers={"X-API-Key": old_key}), 401, "invalid_api_key")
    assert client.get(URL, headers={"X-API-Key": partner.api_key}).status_code == 200


def test_the_header_wins_over_the_query(client, museum, partner):
    response = client.get(URL, {"api_key": "stale"}, headers={"X-API-Key": partner.api_key})
    assert response.status_code == 200


def test_browsers_may_send_the_key_only_from_allowed_origins(client, museum, partner):
    partner.allowed_origins = "https://hotel-am-markt.de"
    partner.save()
    key = {"X-API-Key": partner.api_key}
    assert (
        client.get(URL, headers={**key, "Origin": "https://hotel-am-markt.de"}).status_code == 200
    )
    response = client.get(URL, headers={**key, "Origin": "https://copycat.example"})
    assert_refused(response, 403, "origin_not_allowed")
    # Servers send no Origin: the partner's backend may use its key.
    assert client.get(URL, headers=key).status_code == 200
    assert api_usage(partner) == (2, 0)


def test_a_key_without_allowed_origins_works_from_any_site(client, museum, partner):
    response = client.get(
        URL, headers={"X-API-Key": partner.api_key, "Origin": "https://a.example"}
    )
    assert response.status_code == 200


def test_a_valid_key_gets_the_key_limit_instead_of_the_address_limit(
    client, home_page, partner, low_limits
):
    # One server fetching for many visitors: over the per-address limit of 3.
    for _ in range(5):
        assert client.get(URL, headers={"X-API-Key": partner.api_key}).status_code == 200
    response = client.get(URL, headers={"X-API-Key": partner.api_key})
    assert_refused(response, 429, "rate_limited")
    assert response["Retry-After"] == "50"
    # The address's own allowance without a key is untouched.
    assert client.get(URL).status_code == 200


def test_the_key_limit_is_the_partners_total_over_all_addresses(
    client, home_page, partner, low_limits
):
    for n in range(5):
        response = client.get(
            URL, headers={"X-API-Key": partner.api_key}, REMOTE_ADDR=f"192.0.2.{n}"
        )
        assert response.status_code == 200
    response = client.get(URL, headers={"X-API-Key": partner.api_key}, REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    other = PartnerFactory()
    assert (
        client.get(URL, headers={"X-API-Key": other.api_key}, REMOTE_ADDR="192.0.2.50").status_code
        == 200
    )


def test_a_partner_may_have_its_own_limit(client, home_page, partner, low_limits):
    partner.rate_limit = 8
    partner.save()
    statuses = [
        client.get(URL, headers={"X-API-Key": partner.api_key}).status_code for _ in range(9)
    ]
    assert statuses == [200] * 8 + [429]


def test_an_invalid_key_gives_no_larger_limit(client, home_page, low_limits):
    # Counted per address like any request without a key, then refused.
    statuses = [client.get(URL, headers={"X-API-Key": f"guess-{n}"}).status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]
    assert client.get(URL).status_code == 429


def test_a_browser_from_the_wrong_origin_counts_per_address(client, home_page, partner, low_limits):
    partner.allowed_origins = "https://hotel-am-markt.de"
    partner.save()
    headers = {"X-API-Key": partner.api_key, "Origin": "https://copycat.example"}
    statuses = [client.get(URL, headers=headers).status_code for _ in range(4)]
    assert statuses == [403, 403, 403, 429]
    # The partner's own allowance was not used up by the copycat.
    assert client.get(URL, headers={"X-API-Key": partner.api_key}).status_code == 200


def test_reaching_the_limit_is_counted_once_per_window(client, home_page, partner, low_limits):
    for _ in range(8):
        client.get(URL, headers={"X-API-Key": partner.api_key})
    # Five answered, three refused in one window: one "limit reached".
    assert api_usage(partner) == (5, 1)


def test_a_request_with_a_key_costs_two_more_queries(client, museum, partner):
    def queries(headers):
        client.get(URL, headers=headers)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, headers=headers).status_code == 200
        # Savepoints exist only inside the test's transaction, not in production.
        return [
            query["sql"]
            for query in captured.captured_queries
            if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        ]

    without = queries({})
    with_key = queries({"X-API-Key": partner.api_key})
    # Looking the key up, and raising today's count.
    assert len(with_key) == len(without) + 2
    assert "partners_partnerusage" in with_key[-1]


def test_a_failing_count_does_not_fail_the_answer(client, museum, partner, monkeypatch):
    from django.db import DatabaseError
    from django.db.models import QuerySet

    def broken_update(self, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(QuerySet, "update", broken_update)
    assert client.get(URL, headers={"X-API-Key": partner.api_key}).status_code == 200


def test_a_widget_token_is_no_api_key(client, partner, museum):
    # The token stands in public widget snippets; it must not unlock the partner's quota.
    assert_refused(client.get(URL, HTTP_X_API_KEY=partner.widget_token), 401, "invalid_api_key")
    assert_refused(client.get(URL, {"api_key": partner.widget_token}), 401, "invalid_api_key")
    assert api_usage(partner) == (0, 0)
