"""HTTP behaviour of /api/v1/: conditional GET, caching, CORS, gzip, HEAD and rate limits."""

import gzip
import json
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django.utils.http import http_date

from tests.servers import free_port
from tourism import notices
from tourism.models import PointOfInterestPage

pytestmark = pytest.mark.django_db

URL = "/api/v1/points-of-interest"


def test_answers_carry_etag_last_modified_and_cache_lifetimes(client, museum):
    response = client.get(URL)
    museum.refresh_from_db()
    assert response["ETag"].startswith('"')
    # The place's publication, or a later change of the notices it could carry.
    newest = max(museum.last_published_at, notices.changed_at())
    assert response["Last-Modified"] == http_date(newest.timestamp())
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60", "s-maxage=300"}


def test_if_none_match_gives_304(client, museum):
    etag = client.get(URL)["ETag"]
    response = client.get(URL, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Access-Control-Allow-Origin"] == "*"
    # A weak validator from a gzip-aware cache matches too.
    assert client.get(URL, headers={"If-None-Match": f"W/{etag}"}).status_code == 304
    assert client.get(URL, headers={"If-None-Match": '"other"'}).status_code == 200


def test_if_modified_since_gives_304_until_a_new_publication(client, museum):
    since = client.get(f"{URL}/{museum.pk}")["Last-Modified"]
    response = client.get(f"{URL}/{museum.pk}", headers={"If-Modified-Since": since})
    assert response.status_code == 304
    # HTTP dates count whole seconds: publish "a minute later".
    museum.save_revision().publish()
    PointOfInterestPage.objects.filter(pk=museum.pk).update(
        last_published_at=timezone.now() + timedelta(minutes=1)
    )
    response = client.get(f"{URL}/{museum.pk}", headers={"If-Modified-Since": since})
    assert response.status_code == 200


def test_a_changed_answer_gets_a_new_etag(client, museum):
    etag = client.get(URL)["ETag"]
    museum.teaser = "Neu"
    museum.save_revision().publish()
    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 200


def test_cors_is_open_for_reading_without_credentials(client, museum):
    response = client.get(URL, headers={"Origin": "https://hotel.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]
    error = client.get(f"{URL}/0")
    assert error["Access-Control-Allow-Origin"] == "*"


def test_preflight_is_answered(client, home_page):
    response = client.options(
        URL,
        headers={
            "Origin": "https://hotel.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "X-API-Key",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "X-API-Key" in response["Access-Control-Allow-Headers"]


def test_no_cors_headers_on_site_pages(client, home_page):
    response = client.get("/de/", headers={"Origin": "https://hotel.example"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_answers_are_gzipped_for_clients_that_accept_it(client, museum, castle):
    response = client.get(URL, headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["count"] == 2
    assert "Accept-Encoding" in response["Vary"]
    assert "Content-Encoding" not in client.get(URL)


def test_head_has_the_headers_of_get_without_the_body(client, museum):
    get = client.get(URL)
    head = client.head(URL)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))


def test_too_many_requests_from_one_address_get_429(client, home_page, low_limits):
    for _ in range(3):
        assert client.get(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"] == "rate_limited"
    assert "no-store" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    # Another address has its own count.
    assert client.get(URL, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_without_the_cache_the_rate_limit_lets_every_request_through(client, home_page, low_limits):
    # Redis gone (nothing listens there): counts are unknown, so limits degrade to "allow"
    # rather than refusing everyone (docs/operations.md).
    dead_redis = {
        "default": {
            "BACKEND": "cms.cache.CircuitBreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "IGNORE_EXCEPTIONS": True},
        }
    }
    with override_settings(CACHES=dead_redis):
        assert [client.get(URL).status_code for _ in range(6)] == [200] * 6


def test_forwarded_addresses_are_ignored_unless_trusted(client, home_page, low_limits):
    for n in range(3):
        client.get(URL, headers={"X-Forwarded-For": f"198.51.100.{n}"})
    assert client.get(URL, headers={"X-Forwarded-For": "198.51.100.99"}).status_code == 429
    with override_settings(API_TRUST_X_FORWARDED_FOR=True):
        response = client.get(URL, headers={"X-Forwarded-For": "203.0.113.1, 198.51.100.99"})
        assert response.status_code == 200


def test_the_rate_limit_counts_in_the_configured_cache(home_page, low_limits, rf):
    from api import ratelimit

    request = rf.get(URL, REMOTE_ADDR="192.0.2.9")
    assert [ratelimit.check(request, now=120.0) for _ in range(3)] == [None] * 3
    refusal = ratelimit.check(request, now=150.0)
    assert refusal.retry_after == 30 and refusal.first
    assert not ratelimit.check(request, now=151.0).first
    # The next window starts afresh.
    assert ratelimit.check(request, now=180.0) is None
