"""The OpenAPI description and the documentation page generated from it."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_openapi_describes_every_endpoint(client, home_page):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/points-of-interest",
        "/api/v1/points-of-interest/{id}",
        "/api/v1/routes",
        "/api/v1/routes/{id}",
        "/api/v1/events",
        "/api/v1/events/{id}",
        "/api/v1/categories",
        "/api/v1/search",
        "/api/v1/notices",
    }
    route = schema["paths"]["/api/v1/routes/{id}"]["get"]
    assert set(route["responses"]["200"]["content"]) == {
        "application/json",
        "application/geo+json",
        "application/gpx+xml",
        "application/ld+json",
    }
    assert set(route["responses"]) == {"200", "400", "401", "403", "404", "429"}


def test_openapi_describes_the_optional_partner_key(client, home_page):
    schema = client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["partnerKeyHeader"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": schemes["partnerKeyHeader"]["description"],
    }
    assert (schemes["partnerKeyQuery"]["in"], schemes["partnerKeyQuery"]["name"]) == (
        "query",
        "api_key",
    )
    for path, methods in schema["paths"].items():
        operation = methods["get"]
        # `{}` first: the key is optional everywhere.
        assert operation["security"] == [{}, {"partnerKeyHeader": []}, {"partnerKeyQuery": []}]
        error = operation["responses"]["401"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/Error"}, path


def test_the_docs_page_lists_the_endpoints_and_loads_nothing_from_elsewhere(client, home_page):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/routes/{id}" in html
    assert "bbox" in html and "minLon,minLat,maxLon,maxLat" in html
    assert "<script" not in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_the_docs_page_links_a_stylesheet_that_exists(client, home_page):
    html = client.get("/api/v1/docs").content.decode()
    (stylesheet,) = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert finders.find(stylesheet), stylesheet


def test_the_root_points_to_the_endpoints(client, home_page):
    data = client.get("/api/v1/").json()
    assert data["openapi"] == "http://testserver/api/v1/openapi.json"
    assert data["points_of_interest"] == "http://testserver/api/v1/points-of-interest"
