"""Contract of /api/v1/routes: kinds, areas, ordered stops, GeoJSON and GPX."""

import pytest
from defusedxml import ElementTree

from tests.factories.tourism import RoutePageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/routes"


def test_a_route_in_the_list(client, walk):
    data = client.get(URL, {"lang": "en"}).json()
    assert data["count"] == 1
    item = data["results"][0]
    assert item["id"] == walk.pk
    assert item["title"] == "Town walk"
    assert item["url"] == "http://localhost/en/routes/town-walk/"
    assert item["kind"] == "walking" and item["kind_name"] == "Walk"
    assert item["length_m"] == walk.length_m > 6000
    assert item["bbox"] == walk.bbox
    assert item["image"]["credit"] == "Foto: Anna Muster"
    assert item["licence"] == "CC-BY-4.0"


def test_the_detail_lists_the_stops_in_order(client, walk, castle, museum):
    data = client.get(f"{URL}/{walk.pk}", {"lang": "en"}).json()
    assert [stop["position"] for stop in data["stops"]] == [1, 2]
    assert [stop["point_of_interest"]["id"] for stop in data["stops"]] == [castle.pk, museum.pk]
    assert data["stops"][0]["note"] == "Erst zum Schloss"
    assert data["stops"][0]["point_of_interest"]["location"] == {"lat": 52.34, "lon": 11.46}
    assert data["gpx_url"].endswith(f"/api/v1/routes/{walk.pk}?format=gpx&lang=en")


def test_filter_by_kind(client, walk, route_index):
    RoutePageFactory(parent=route_index, kind="cycling", stops=[])
    assert [item["id"] for item in client.get(URL, {"kind": "walking"}).json()["results"]] == [
        walk.pk
    ]
    response = client.get(URL, {"kind": "flying"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("kind: Input should be 'walking'")


def test_bbox_keeps_routes_whose_bounds_overlap(client, walk):
    assert client.get(URL, {"bbox": "11.40,52.28,11.41,52.29"}).json()["count"] == 1
    assert client.get(URL, {"bbox": "12.0,53.0,12.1,53.1"}).json()["count"] == 0


def test_near_measures_to_the_nearest_point_of_the_line(client, walk):
    # 1 km south of the castle, the route's first stop.
    data = client.get(URL, {"near": "52.3310,11.4600", "radius": "1500"}).json()
    assert data["count"] == 1
    assert 900 < data["results"][0]["distance_m"] < 1100
    assert client.get(URL, {"near": "52.3310,11.4600", "radius": "500"}).json()["count"] == 0


def test_geojson_list_has_one_line_per_route(client, walk):
    data = client.get(URL, {"format": "geojson"}).json()
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["id"] == walk.pk
    assert feature["geometry"]["type"] == "LineString"
    assert feature["geometry"]["coordinates"] == [[11.46, 52.34], [11.4086, 52.2897]]


def test_geojson_detail_is_the_download_of_the_route_page(client, walk):
    response = client.get(f"{URL}/{walk.pk}", {"format": "geojson"})
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert [f["geometry"]["type"] for f in data["features"]] == ["LineString", "Point", "Point"]


def test_gpx_detail(client, walk):
    response = client.get(f"{URL}/{walk.pk}", {"format": "gpx", "lang": "en"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/gpx+xml"
    root = ElementTree.fromstring(response.content)
    names = [el.text for el in root.iter("{http://www.topografix.com/GPX/1/1}name")]
    assert "Town walk" in names and "1. Hundisburg Castle" in names


def test_jsonld_detail(client, walk):
    data = client.get(f"{URL}/{walk.pk}", {"format": "jsonld"}).json()
    assert data["@type"] == "TouristTrip"
    assert data["itinerary"]["numberOfItems"] == 2


def test_unknown_and_unpublished_routes_are_404(client, route_index):
    draft = RoutePageFactory(parent=route_index, live=False)
    for pk in (draft.pk, 999999):
        response = client.get(f"{URL}/{pk}")
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
