"""Contract of /api/v1/points-of-interest: filters, formats and the item shape."""

import pytest
from django.utils import timezone

from tests.factories.tourism import ALWAYS_OPEN, PointOfInterestPageFactory, RoutePageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/points-of-interest"


def test_a_place_carries_page_url_image_credit_and_licences(client, museum):
    response = client.get(URL, {"lang": "en"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["count"] == 1
    assert data["next"] is None and data["previous"] is None
    assert data["licence"] == "CC-BY-4.0"
    item = data["results"][0]
    assert item["id"] == museum.pk
    assert item["title"] == "Haldensleben Museum"
    assert item["teaser"] == "Town history"
    assert item["url"] == "http://localhost/en/sights/museum/"
    assert item["licence"] == museum.data_licence
    assert item["location"] == {"lat": 52.2897, "lon": 11.4086}
    assert item["categories"] == [
        {"slug": "museums", "name": "Museums", "schema_type": "TouristAttraction"}
    ]
    image = item["image"]
    assert image["credit"] == "Foto: Anna Muster"
    assert image["licence"] == "cc-by-4.0"
    assert image["renditions"]["jpeg"]["url"].startswith("http://testserver/media/")
    assert image["renditions"]["jpeg"]["url"].endswith(".jpg")
    assert image["renditions"]["webp"]["url"].endswith(".webp")
    assert (image["renditions"]["jpeg"]["width"], image["renditions"]["jpeg"]["height"]) == (
        800,
        533,
    )
    assert item["updated_at"] is not None


def test_the_detail_adds_contact_accessibility_gallery_and_routes(client, museum, walk):
    data = client.get(f"{URL}/{museum.pk}", {"lang": "de"}).json()
    assert data["title"] == "Museum Haldensleben"
    assert data["url"] == "http://localhost/de/sehenswertes/museum/"
    assert data["address"]["street"] == "Breiter Gang 1"
    assert set(data["accessibility"]) >= {"step_free_access", "notes"}
    assert len(data["gallery"]) == 1
    assert data["routes"] == [{"id": walk.pk, "title": "Stadtrundgang", "url": walk.get_full_url()}]


def test_polish_falls_back_to_english_then_german(client, museum, castle):
    titles = [item["title"] for item in client.get(URL, {"lang": "pl"}).json()["results"]]
    assert titles == ["Haldensleben Museum", "Hundisburg Castle"]


def test_filter_by_category(client, museum, castle):
    data = client.get(URL, {"category": "museums"}).json()
    assert [item["id"] for item in data["results"]] == [museum.pk]


def test_filter_by_bounding_box_longitude_first(client, museum, castle):
    data = client.get(URL, {"bbox": "11.40,52.28,11.42,52.30"}).json()
    assert [item["id"] for item in data["results"]] == [museum.pk]


def test_near_keeps_places_within_the_radius_nearest_first(client, museum, castle):
    data = client.get(URL, {"near": "52.3400,11.4600", "radius": "50000"}).json()
    assert [item["id"] for item in data["results"]] == [castle.pk, museum.pk]
    assert data["results"][0]["distance_m"] == 0
    assert 6000 < data["results"][1]["distance_m"] < 8000
    data = client.get(URL, {"near": "52.3400,11.4600", "radius": "1000"}).json()
    assert [item["id"] for item in data["results"]] == [castle.pk]
    # The default radius is 5 km.
    data = client.get(URL, {"near": "52.2897,11.4086"}).json()
    assert [item["id"] for item in data["results"]] == [museum.pk]


def test_route_gives_its_stops_in_route_order(client, museum, castle, walk, poi_index):
    PointOfInterestPageFactory(parent=poi_index, title="Anderswo")
    data = client.get(URL, {"route": walk.pk}).json()
    assert [item["id"] for item in data["results"]] == [castle.pk, museum.pk]


def test_open_now_keeps_places_open_at_this_moment(client, museum, castle):
    castle.opening_hours = ALWAYS_OPEN
    castle.save_revision().publish()
    museum.opening_hours = []
    museum.save_revision().publish()
    data = client.get(URL, {"open_now": "true"}).json()
    assert [item["id"] for item in data["results"]] == [castle.pk]


def test_updated_since_compares_with_the_last_publication(client, museum, castle):
    later = (timezone.now() + timezone.timedelta(minutes=1)).isoformat().replace("+", "%2B")
    assert client.get(f"{URL}?updated_since={later}").json()["count"] == 0
    assert client.get(URL, {"updated_since": "2000-01-01T00:00:00"}).json()["count"] == 2


def test_q_looks_in_title_and_teaser_of_the_language(client, museum, castle):
    assert [i["id"] for i in client.get(URL, {"q": "history", "lang": "en"}).json()["results"]] == [
        museum.pk
    ]
    assert client.get(URL, {"q": "Schloss"}).json()["count"] == 1


def test_pages_link_to_each_other_with_absolute_urls(client, poi_index):
    for n in range(5):
        PointOfInterestPageFactory(parent=poi_index, title=f"Ort {n}")
    first = client.get(URL, {"limit": 2, "lang": "en"}).json()
    assert first["count"] == 5
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/points-of-interest?")
    assert "page=2" in first["next"] and "lang=en" in first["next"]
    second = client.get(first["next"]).json()
    assert second["previous"] is not None
    third = client.get(second["next"]).json()
    assert third["next"] is None
    titles = [item["title"] for page in (first, second, third) for item in page["results"]]
    assert titles == [f"Ort {n}" for n in range(5)]


def test_page_past_the_end_is_404(client, museum):
    response = client.get(URL, {"page": 2})
    assert response.status_code == 404
    assert response.json()["error"] == "page_not_found"


def test_unpublished_and_private_places_are_not_listed_or_shown(client, poi_index, museum):
    from wagtail.models import PageViewRestriction

    draft = PointOfInterestPageFactory(parent=poi_index, live=False)
    private = PointOfInterestPageFactory(parent=poi_index)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert [item["id"] for item in client.get(URL).json()["results"]] == [museum.pk]
    for page in (draft, private):
        response = client.get(f"{URL}/{page.pk}")
        assert response.status_code == 404
        assert response.json() == {
            "error": "not_found",
            "detail": f"There is no published point of interest with id {page.pk}.",
        }


def test_geojson_is_a_feature_collection_longitude_first(client, museum, castle):
    response = client.get(URL, {"format": "geojson"})
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert data["count"] == 2
    coordinates = {f["id"]: f["geometry"]["coordinates"] for f in data["features"]}
    assert coordinates[museum.pk] == [11.4086, 52.2897]
    detail = client.get(f"{URL}/{museum.pk}", {"format": "geojson"}).json()
    assert detail["features"][0]["geometry"] == {"type": "Point", "coordinates": [11.4086, 52.2897]}


def test_jsonld_is_the_pages_schema_org_shape(client, museum):
    response = client.get(f"{URL}/{museum.pk}", {"format": "jsonld", "lang": "en"})
    assert response["Content-Type"] == "application/ld+json"
    data = response.json()
    assert data["@type"] == "TouristAttraction"
    assert data["name"] == "Haldensleben Museum"
    assert data["geo"]["latitude"] == 52.2897


def test_gpx_is_refused_for_a_place(client, museum):
    response = client.get(f"{URL}/{museum.pk}", {"format": "gpx"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("format: Input should be 'json'")


def test_a_route_filter_needs_a_published_route(client, museum, route_index):
    draft = RoutePageFactory(parent=route_index, live=False, stops=[museum])
    response = client.get(URL, {"route": draft.pk})
    assert response.status_code == 400
    assert response.json()["detail"] == f"There is no published route with id {draft.pk}."
    response = client.get(URL, {"route": 999999})
    assert response.status_code == 400
    assert response.json()["detail"] == "There is no published route with id 999999."


@pytest.mark.parametrize(
    "moment",
    ["0048-10-30T11:15:27+23:59", "0001-01-01T00:00:00-23:00", "9999-12-31T23:59:59-23:59"],
)
def test_updated_since_accepts_any_iso_offset(client, museum, moment):
    response = client.get(URL, {"updated_since": moment})
    assert response.status_code == 200
    assert response.json()["count"] == (1 if moment.startswith("00") else 0)
