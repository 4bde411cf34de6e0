"""Bad input is a 400 (or 404) in the API's error shape, with a precise message; never a 500."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

POIS = "/api/v1/points-of-interest"


def error_of(client, url, params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert set(data) == {"error", "detail"}
    return response.status_code, data


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        (
            {"bbox": "1,2,3"},
            "bbox: bbox needs four comma-separated numbers minLon,minLat,maxLon,maxLat, got 3.",
        ),
        ({"bbox": "a,b,c,d"}, "bbox: bbox must consist of numbers: minLon,minLat,maxLon,maxLat."),
        ({"bbox": "nan,1,2,3"}, "bbox: bbox must consist of finite numbers."),
        ({"bbox": "-200,52,11,53"}, "bbox: bbox longitudes must lie between -180 and 180."),
        ({"bbox": "11,-95,12,53"}, "bbox: bbox latitudes must lie between -90 and 90."),
        (
            {"bbox": "12,52,11,53"},
            "bbox: bbox must give the minimum before the maximum: minLon,minLat,maxLon,maxLat.",
        ),
        *[
            (
                {"near": value},
                "near: near must be lat,lon with latitude between -90 and 90 and longitude "
                "between -180 and 180.",
            )
            for value in ("52.29", "52.29,11.4,3", "north,east", "95,11", "52,181", "nan,1")
        ],
        ({"near": "52.29,11.41", "radius": "0"}, "radius: Input should be greater than 0"),
        (
            {"near": "52.29,11.41", "radius": "50001"},
            "radius: Input should be less than or equal to 50000",
        ),
        (
            {"near": "52.29,11.41", "radius": "far"},
            "radius: Input should be a valid number, unable to parse string as a number",
        ),
        ({"radius": "100"}, "radius only applies together with near=lat,lon."),
        ({"limit": "100000"}, "limit: Input should be less than or equal to 100"),
        ({"limit": "0"}, "limit: Input should be greater than or equal to 1"),
        ({"page": "-1"}, "page: Input should be greater than or equal to 1"),
        (
            {"page": "garbage"},
            "page: Input should be a valid integer, unable to parse string as an integer",
        ),
        ({"lang": "fr"}, "lang: Input should be 'de', 'en' or 'pl'"),
        ({"format": "xml"}, "format: Input should be 'json' or 'geojson'"),
        ({"category": "nope"}, "Unknown category “nope”; /api/v1/categories lists them."),
        # Longer than 2 000 characters is the input gate's 400 (tests/cms/test_input_gate.py).
        ({"q": "x" * 500}, "q: String should have at most 200 characters"),
        (
            {"open_now": "perhaps"},
            "open_now: Input should be a valid boolean, unable to interpret input",
        ),
        ({"route": "-3"}, "route: Input should be greater than or equal to 1"),
    ],
)
def test_bad_list_parameters(client, home_page, params, detail):
    status, data = error_of(client, POIS, params)
    assert status == 400
    assert data == {"error": "bad_request", "detail": detail}


def test_malformed_updated_since(client, home_page):
    status, data = error_of(client, POIS, {"updated_since": "yesterday"})
    assert status == 400
    assert data["detail"].startswith("updated_since: Input should be a valid datetime")


def test_several_problems_are_all_named(client, home_page):
    status, data = error_of(client, POIS, {"limit": "x", "lang": "xx"})
    assert status == 400
    assert "limit:" in data["detail"] and "lang:" in data["detail"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/points-of-interest/abc", 400),
        ("/api/v1/points-of-interest/0", 400),
        ("/api/v1/routes/99999999999999999999999", 400),
        ("/api/v1/events/123456789", 404),
        ("/api/v1/no-such-thing", 404),
        ("/api/v1/routes/1/extra", 404),
    ],
)
def test_bad_paths(client, home_page, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"] in {"bad_request", "not_found"}


def test_an_unknown_api_path_is_not_redirected_to_a_language(client, home_page):
    response = client.get("/api/v1/points-of-interest/424242")
    assert response.status_code == 404
    assert "Location" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [POIS, "/api/v1/docs", "/api/v1/nothing"])
def test_the_api_is_read_only(home_page, method, url):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"] == "method_not_allowed"


def test_a_control_character_query_is_answered(client, home_page):
    assert client.get("/api/v1/search", {"q": "\x1f AND ("}).status_code == 200
    # NUL is never valid: the input gate refuses it before the search runs.
    assert client.get("/api/v1/search", {"q": "\x00 AND ("}).status_code == 400
