"""Grid clusters for a map of the region: counted by the database, sized by box and zoom."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories.tourism import PointOfInterestPageFactory

pytestmark = pytest.mark.django_db

REGION = {"bbox": "11.0,52.0,12.0,52.5"}


def place(poi_index, lat, lon, **kwargs):
    return PointOfInterestPageFactory(
        parent=poi_index, latitude=Decimal(lat), longitude=Decimal(lon), **kwargs
    )


def clusters(client, **params):
    response = client.get(reverse("tourism:points_of_interest_geojson"), params)
    assert response.status_code == 200, response.content
    return response.json()


def test_places_close_together_are_one_cluster_with_their_count(client, poi_index):
    for n in range(5):
        place(poi_index, f"52.29{n}", f"11.40{n}")
    far = place(poi_index, "52.10", "11.90", title="Weit weg")

    data = clusters(client, zoom=8, **REGION)

    features = sorted(data["features"], key=lambda f: f["properties"]["count"])
    assert [f["properties"]["count"] for f in features] == [1, 5]
    assert features[1]["properties"]["cluster"] is True
    lon, lat = features[1]["geometry"]["coordinates"]
    assert 11.40 < lon < 11.41 and 52.29 < lat < 52.30  # the mean position of the five
    # A cell with one place is that place, as the map's other GeoJSON gives it.
    assert features[0]["id"] == far.pk
    assert features[0]["properties"]["name"] == "Weit weg"
    assert features[0]["properties"]["url"] == far.get_full_url()


def test_zooming_in_splits_a_cluster(client, poi_index):
    place(poi_index, "52.2900", "11.4000")
    place(poi_index, "52.2900", "11.4400")
    assert len(clusters(client, zoom=8, **REGION)["features"]) == 1
    assert len(clusters(client, zoom=14, bbox="11.3,52.2,11.5,52.4")["features"]) == 2


def test_places_outside_the_box_and_unpublished_ones_are_left_out(client, poi_index):
    place(poi_index, "52.29", "11.40")
    place(poi_index, "50.00", "8.00")
    place(poi_index, "52.30", "11.41", live=False)
    data = clusters(client, zoom=10, **REGION)
    assert sum(f["properties"]["count"] for f in data["features"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"zoom": "8"},
        {"bbox": "11,52,12", "zoom": "8"},
        {"bbox": "12,52,11,52.5", "zoom": "8"},
        {"bbox": "11,52,12,52.5", "zoom": "21"},
        {"bbox": "11,52,12,52.5", "zoom": "x"},
        {"bbox": "-180,-90,180,90", "zoom": "12"},
    ],
)
def test_bad_boxes_and_zooms_are_a_json_bad_request(client, params):
    response = client.get(reverse("tourism:points_of_interest_geojson"), params)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_clusters"


def test_clusters_cost_the_same_queries_for_many_more_places(
    client, poi_index, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # measure the answer, not the page cache
    place(poi_index, "52.29", "11.40")
    place(poi_index, "52.10", "11.90")
    clusters(client, zoom=8, **REGION)
    with django_assert_max_num_queries(100) as few:
        clusters(client, zoom=8, **REGION)
    for n in range(30):
        place(poi_index, f"52.2{n % 10}", f"11.4{n % 10}")
    with django_assert_max_num_queries(len(few)):
        data = clusters(client, zoom=8, **REGION)
    assert sum(f["properties"]["count"] for f in data["features"]) == 32


def test_a_newly_published_place_shows_in_the_stored_clusters(client, poi_index):
    place(poi_index, "52.29", "11.40")
    assert (
        sum(f["properties"]["count"] for f in clusters(client, zoom=8, **REGION)["features"]) == 1
    )
    place(poi_index, "52.10", "11.90")
    assert (
        sum(f["properties"]["count"] for f in clusters(client, zoom=8, **REGION)["features"]) == 2
    )
