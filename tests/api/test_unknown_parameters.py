"""A misspelt query parameter is a 400 naming it, never silently ignored."""

import pytest

pytestmark = pytest.mark.django_db


def test_misspelt_limit_is_refused_with_the_known_parameters(client, museum):
    response = client.get("/api/v1/points-of-interest?limt=5")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "unknown_parameter"
    assert "limt" in body["detail"]
    for known in ("limit", "page", "lang", "category", "bbox", "api_key"):
        assert known in body["detail"]
    assert response["Cache-Control"] == "no-store"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_known_parameters_are_listed_per_operation(client, museum):
    detail = client.get(f"/api/v1/points-of-interest/{museum.pk}?limit=5").json()["detail"]
    # The detail operation has no paging: `limit` is unknown there, and not offered.
    assert "Unknown query parameter: limit." in detail
    assert "understands: api_key, format, lang." in detail


def test_every_unknown_parameter_is_named(client, home_page):
    detail = client.get("/api/v1/search?q=museum&tpye=poi&limt=3").json()["detail"]
    assert detail.startswith("Unknown query parameters: tpye, limt.")


def test_known_parameters_and_the_key_parameter_pass(client, museum):
    assert client.get("/api/v1/points-of-interest?limit=5&page=1&lang=en").status_code == 200
    assert client.get("/api/v1/routes?kind=walking").status_code == 200
    assert client.get("/api/v1/search?q=museum&type=poi").status_code == 200


def test_the_openapi_description_itself_takes_no_check(client, home_page):
    assert client.get("/api/v1/openapi.json?cachebust=1").status_code == 200
