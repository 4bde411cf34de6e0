"""GPX 1.1 and GeoJSON (RFC 7946) downloads of routes and points of interest."""

import gzip
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import gpxpy
import pytest
import xmlschema
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories.tourism import (
    NoticeFactory,
    PointOfInterestCategoryFactory,
    PointOfInterestPageFactory,
    RoutePageFactory,
)
from tourism import exports, open_data
from tourism.models import RoutePage

GPX_SCHEMA = xmlschema.XMLSchema(Path(__file__).with_name("gpx-1.1.xsd"))


@pytest.fixture
def roland(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Roland",
        title_en="Roland statue",
        slug_en="roland-statue",
        latitude=Decimal("52.290000"),
        longitude=Decimal("11.410000"),
    )


@pytest.fixture
def market(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Marktplatz",
        title_en="Market square",
        latitude=Decimal("52.291000"),
        longitude=Decimal("11.412000"),
    )


@pytest.fixture
def castle(poi_index):
    return PointOfInterestPageFactory(
        parent=poi_index,
        title="Burg",
        latitude=Decimal("52.293000"),
        longitude=Decimal("11.405000"),
    )


def gpx_track(points):
    """A GPX 1.1 file with one track through (lat, lon, ele) points."""
    trkpts = "".join(
        f'<trkpt lat="{lat}" lon="{lon}"><ele>{ele}</ele></trkpt>' for lat, lon, ele in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Track</name><trkseg>{trkpts}</trkseg></trk></gpx>"
    ).encode()


def with_track(route, points):
    route.set_gpx(gpx_track(points))
    route.save_revision().publish()
    return RoutePage.objects.get(pk=route.pk)


HILL = [
    (52.280, 11.400, 50.0),
    (52.285, 11.405, 95.5),
    (52.290, 11.410, 120.0),
    (52.295, 11.415, 80.0),
]


def download(client, route, format_, **params):
    return client.get(reverse(f"tourism:route_{format_}", args=[route.pk]), params)


# GPX


@pytest.mark.django_db
def test_gpx_download_is_valid_gpx_1_1(client, route_index, roland, market):
    route = with_track(RoutePageFactory(parent=route_index, stops=[roland, market]), HILL)

    response = download(client, route, "gpx")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/gpx+xml"
    GPX_SCHEMA.validate(response.content.decode())
    gpx = gpxpy.parse(response.content.decode())
    points = gpx.tracks[0].segments[0].points
    assert [(p.latitude, p.longitude, p.elevation) for p in points] == HILL


@pytest.mark.django_db
def test_gpx_names_the_route_links_its_page_and_numbers_the_stops(
    client, route_index, roland, market
):
    route = RoutePageFactory(parent=route_index, title="Altstadtrundgang", stops=[roland, market])

    gpx = gpxpy.parse(download(client, route, "gpx").content.decode())

    assert gpx.name == "Altstadtrundgang"
    assert gpx.link == route.get_full_url()
    assert [(w.name, w.latitude, w.longitude) for w in gpx.waypoints] == [
        ("1. Roland", 52.29, 11.41),
        ("2. Marktplatz", 52.291, 11.412),
    ]


@pytest.mark.django_db
def test_route_without_track_downloads_the_line_through_its_stops(
    client, route_index, roland, market, castle
):
    route = RoutePageFactory(parent=route_index, stops=[roland, market, castle], is_circular=True)

    response = download(client, route, "gpx")

    assert response.status_code == 200
    GPX_SCHEMA.validate(response.content.decode())
    points = gpxpy.parse(response.content.decode()).tracks[0].segments[0].points
    # A circular route closes the line back to its first stop.
    assert [(p.latitude, p.longitude) for p in points] == [
        (52.29, 11.41),
        (52.291, 11.412),
        (52.293, 11.405),
        (52.29, 11.41),
    ]


@pytest.mark.django_db
def test_route_without_track_or_stops_still_downloads(client, route_index):
    route = RoutePageFactory(parent=route_index)

    gpx_response = download(client, route, "gpx")
    geojson_response = download(client, route, "geojson")

    GPX_SCHEMA.validate(gpx_response.content.decode())
    assert json.loads(geojson_response.content)["features"][0]["geometry"] is None


@pytest.mark.django_db
def test_unpublished_stop_is_left_out_and_the_numbers_close_up(
    client, route_index, poi_index, roland, market
):
    draft = PointOfInterestPageFactory(parent=poi_index, title="Baustelle", live=False)
    route = RoutePageFactory(parent=route_index, stops=[roland, draft, market])

    gpx = gpxpy.parse(download(client, route, "gpx").content.decode())
    geojson = json.loads(download(client, route, "geojson").content)

    assert [w.name for w in gpx.waypoints] == ["1. Roland", "2. Marktplatz"]
    stops = [f["properties"] for f in geojson["features"][1:]]
    assert [(s["number"], s["name"]) for s in stops] == [(1, "Roland"), (2, "Marktplatz")]


# GeoJSON


@pytest.mark.django_db
def test_geojson_puts_longitude_first(client, route_index, roland, market):
    route = RoutePageFactory(parent=route_index, stops=[roland, market])

    geojson = json.loads(download(client, route, "geojson").content)

    line, first_stop = geojson["features"][0], geojson["features"][1]
    assert line["geometry"]["coordinates"][0] == pytest.approx([11.41, 52.29])
    assert first_stop["geometry"]["coordinates"] == pytest.approx([11.41, 52.29])
    assert geojson["bbox"] == pytest.approx([11.41, 52.29, 11.412, 52.291])


@pytest.mark.django_db
def test_geojson_follows_rfc_7946(client, route_index, roland, market):
    route = with_track(
        RoutePageFactory(parent=route_index, stops=[(roland, "Look up."), market]),
        [(52.28000012345, 11.40000098765, 50.04), *HILL[1:]],
    )

    response = download(client, route, "geojson")
    geojson = json.loads(response.content)

    assert response["Content-Type"] == "application/geo+json"
    assert geojson["type"] == "FeatureCollection"
    assert "crs" not in geojson  # RFC 7946 §4: always WGS 84, no crs member
    for feature in geojson["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) >= {"geometry", "properties"}
    line = geojson["features"][0]
    assert line["geometry"]["type"] == "LineString"
    assert line["geometry"]["coordinates"][0] == [11.400001, 52.28, 50.0]
    assert line["properties"] == {
        "name": route.title,
        "url": route.get_full_url(),
        "length_m": route.length_m,
        "ascent_m": route.ascent_m,
        "descent_m": route.descent_m,
        "duration_minutes": route.duration_minutes,
        "kind": "walking",
        "difficulty": "easy",
        "circular": False,
    }
    assert geojson["features"][1]["geometry"]["type"] == "Point"
    assert geojson["features"][1]["properties"] == {
        "number": 1,
        "name": "Roland",
        "url": roland.get_full_url(),
        "note": "Look up.",
    }
    # Three dimensions in the line: the bbox has 2 × 3 values (RFC 7946 §5).
    assert geojson["bbox"] == [11.400001, 52.28, 50.0, 11.415, 52.295, 120.0]


@pytest.mark.django_db
def test_route_with_a_single_stop_has_no_line(client, route_index, roland):
    route = RoutePageFactory(parent=route_index, stops=[roland])

    geojson = json.loads(download(client, route, "geojson").content)

    # A LineString needs two positions; an unlocated feature is allowed (RFC 7946 §3.2).
    assert geojson["features"][0]["geometry"] is None
    assert geojson["features"][1]["geometry"]["coordinates"] == [11.41, 52.29]


@pytest.mark.django_db
def test_points_of_interest_geojson_lists_published_places(client, poi_index, roland):
    PointOfInterestPageFactory(parent=poi_index, title="Entwurf", live=False)
    museum = PointOfInterestCategoryFactory(name="Museum", name_en="Museum", slug="museum")
    roland.categories.add(museum)
    roland.save_revision().publish()
    export()

    response = client.get(reverse("tourism:points_of_interest_geojson"))
    geojson = streamed_json(response)

    assert response["Content-Type"] == "application/geo+json"
    assert [f["properties"]["name"] for f in geojson["features"]] == ["Roland"]
    assert geojson["features"][0]["geometry"] == {"type": "Point", "coordinates": [11.41, 52.29]}
    assert geojson["features"][0]["properties"]["categories"] == ["Museum"]
    assert geojson["features"][0]["properties"]["url"] == roland.get_full_url()


def test_a_map_asks_only_for_the_places_it_shows(client, poi_index, roland):
    other = PointOfInterestPageFactory(parent=poi_index, title="Marktplatz")
    PointOfInterestPageFactory(parent=poi_index, title="Burg")
    url = reverse("tourism:points_of_interest_geojson")
    geojson = client.get(url, {"ids": f"{roland.pk},{other.pk}"}).json()
    assert sorted(f["properties"]["name"] for f in geojson["features"]) == ["Marktplatz", "Roland"]


@pytest.mark.parametrize("ids", ["", "a,b", ",".join(str(n) for n in range(1, 102))])
def test_bad_ids_for_the_map_are_a_json_bad_request(client, poi_index, ids):
    response = client.get(reverse("tourism:points_of_interest_geojson"), {"ids": ids})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_ids"


def export(*languages):
    """What the job does every few minutes (tourism.open_data)."""
    options = {"language": list(languages)} if languages else {}
    call_command("export_places_geojson", stdout=StringIO(), **options)


def test_the_region_download_is_written_by_the_job_never_by_a_request(
    client, poi_index, roland, django_assert_num_queries
):
    open_data.places_geojson_path("de").unlink(missing_ok=True)  # a new installation
    url = reverse("tourism:points_of_interest_geojson")
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "600"
    assert "/api/v1/points-of-interest?format=geojson" in response.json()["detail"]
    export()
    with django_assert_num_queries(0):
        assert len(streamed_json(client.get(url))["features"]) == 1
    PointOfInterestPageFactory(parent=poi_index, title="Burg")
    assert len(streamed_json(client.get(url))["features"]) == 1
    export()
    assert len(streamed_json(client.get(url))["features"]) == 2


def test_the_job_writes_only_what_changed(poi_index, roland):
    output = StringIO()
    export()
    call_command("export_places_geojson", stdout=output)
    assert output.getvalue().splitlines() == ["de: current", "en: current", "pl: current"]
    PointOfInterestPageFactory(parent=poi_index, title="Burg")
    output = StringIO()
    call_command("export_places_geojson", "--dry-run", stdout=output)
    assert output.getvalue().splitlines() == [
        f"{code}: would be written" for code in ("de", "en", "pl")
    ]


def test_the_job_refuses_an_unknown_language(db):
    with pytest.raises(CommandError):
        export("xx")


def test_a_partner_revalidates_the_region_download_for_nothing(client, poi_index, roland):
    export()
    url = reverse("tourism:points_of_interest_geojson")
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_the_region_download_is_a_streamed_file_with_the_box_of_all_places(
    client, poi_index, roland
):
    PointOfInterestPageFactory(parent=poi_index, latitude=Decimal("52.1"), longitude=11)
    export()
    response = client.get(reverse("tourism:points_of_interest_geojson"), {"lang": "en"})
    assert response.streaming
    assert response["Content-Language"] == "en"
    assert 'filename="points-of-interest.geojson"' in response["Content-Disposition"]
    assert streamed_json(response)["bbox"] == [11.0, 52.1, 11.41, 52.29]


def test_clients_that_accept_gzip_get_the_copy_the_job_compressed(client, poi_index, roland):
    PointOfInterestPageFactory(parent=poi_index, title="Burg")
    export()
    url = reverse("tourism:points_of_interest_geojson")
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed["Content-Encoding"] == "gzip"
    assert packed["Content-Type"] == "application/geo+json"
    body = b"".join(packed.streaming_content)
    assert gzip.decompress(body) == b"".join(plain.streaming_content)  # compressed once, by the job
    assert len(body) < open_data.places_geojson_path("de").stat().st_size
    assert "Content-Encoding" not in plain
    for response in (plain, packed):
        assert "Accept-Encoding" in response["Vary"]
    # Each copy has its own validator, so a cache never answers one with the other.
    assert packed["ETag"] != plain["ETag"]
    revalidated = client.get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": packed["ETag"]}
    )
    assert revalidated.status_code == 304
    assert client.get(url, headers={"If-None-Match": packed["ETag"]}).status_code == 200


@pytest.mark.parametrize("accept", ["gzip;q=0", "identity", "br", "gzip;q=0, *"])
def test_clients_that_refuse_gzip_get_the_file_as_it_is(client, poi_index, roland, accept):
    export()
    response = client.get(
        reverse("tourism:points_of_interest_geojson"), headers={"Accept-Encoding": accept}
    )
    assert "Content-Encoding" not in response
    assert len(streamed_json(response)["features"]) == 1


def test_a_download_written_before_the_compressed_copy_is_sent_and_rewritten(
    client, poi_index, roland
):
    export()
    open_data.compressed_path("de").unlink()  # as an older version wrote it
    url = reverse("tourism:points_of_interest_geojson")
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert "gzip" not in response["ETag"]  # the file as it is (compressed on the way)
    assert len(json.loads(gzip.decompress(b"".join(response.streaming_content)))["features"]) == 1
    output = StringIO()
    call_command("export_places_geojson", "--language", "de", stdout=output)
    assert output.getvalue().startswith("de: wrote")
    assert client.get(url, headers={"Accept-Encoding": "gzip"})["Content-Encoding"] == "gzip"


def test_a_notice_that_starts_makes_the_job_write_the_region_download_again(
    client, poi_index, roland
):
    url = reverse("tourism:points_of_interest_geojson")
    export()
    assert streamed_json(client.get(url))["features"][0]["properties"]["notices"] == []
    NoticeFactory(title="Gesperrt", places=[roland])
    export()
    notices = streamed_json(client.get(url))["features"][0]["properties"]["notices"]
    assert [notice["title"] for notice in notices] == ["Gesperrt"]


def test_coordinates_are_rounded_to_six_decimals():
    class Place:
        pk, title, lat, lon = 1, "Ort", 52.123456789, 11.987654321

        class categories:  # noqa: N801
            @staticmethod
            def all():
                return []

        @staticmethod
        def get_full_url(request=None):
            return "https://example.org/ort/"

    geojson = exports.points_of_interest_geojson([Place()])

    assert geojson["features"][0]["geometry"]["coordinates"] == [11.987654, 52.123457]


# Responses


@pytest.mark.django_db
@pytest.mark.parametrize("format_", ["gpx", "geojson"])
def test_downloads_are_cacheable_attachments_that_browsers_must_not_sniff(
    client, route_index, roland, format_
):
    route = RoutePageFactory(parent=route_index, title="Altstadtrundgang", stops=[roland])

    response = download(client, route, format_)

    assert response["Content-Disposition"] == f'attachment; filename="altstadtrundgang.{format_}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    assert any(part.startswith("max-age=") for part in cache_control)
    assert any(part.startswith("s-maxage=") for part in cache_control)


@pytest.mark.django_db
@pytest.mark.parametrize("format_", ["gpx", "geojson"])
def test_unpublished_route_is_not_found(client, route_index, roland, format_):
    draft = RoutePageFactory(parent=route_index, stops=[roland], live=False)

    assert download(client, draft, format_).status_code == 404


@pytest.mark.django_db
def test_private_route_is_not_found(client, route_index, roland):
    route = RoutePageFactory(parent=route_index, stops=[roland])
    PageViewRestriction.objects.create(
        page=route, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    assert download(client, route, "gpx").status_code == 404


@pytest.mark.django_db
def test_lang_parameter_chooses_the_language_of_names_links_and_filename(
    client, route_index, roland
):
    route = RoutePageFactory(
        parent=route_index,
        title="Altstadtrundgang",
        title_en="Old town walk",
        slug_en="old-town-walk",
        stops=[roland],
    )

    response = download(client, route, "geojson", lang="en")
    geojson = json.loads(response.content)

    assert response["Content-Language"] == "en"
    assert response["Content-Disposition"] == 'attachment; filename="old-town-walk.geojson"'
    assert geojson["features"][0]["properties"]["name"] == "Old town walk"
    assert "/en/" in geojson["features"][0]["properties"]["url"]
    assert geojson["features"][1]["properties"]["name"] == "Roland statue"
    # Polish falls back to English, then German.
    polish = json.loads(download(client, route, "geojson", lang="pl").content)
    assert polish["features"][0]["properties"]["name"] == "Old town walk"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["fr", "", "de-DE"])
def test_unknown_language_is_a_bad_request(client, route_index, roland, lang):
    route = RoutePageFactory(parent=route_index, stops=[roland])

    assert download(client, route, "gpx", lang=lang).status_code == 400
    assert download(client, route, "geojson", lang=lang).status_code == 400
    url = reverse("tourism:points_of_interest_geojson")
    assert client.get(url, {"lang": lang}).status_code == 400


@pytest.mark.django_db
def test_downloads_refuse_other_methods_than_get(client, route_index, roland):
    route = RoutePageFactory(parent=route_index, stops=[roland])

    response = client.post(reverse("tourism:route_gpx", args=[route.pk]))

    assert response.status_code == 405


# Speed


@pytest.mark.django_db
def test_a_route_with_30_stops_costs_no_more_queries_than_one_with_3(
    client, route_index, poi_index, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # measure the rendering, not the page cache
    # Three places visited ten times: every stop is still its own row and its own object.
    pois = [
        PointOfInterestPageFactory(
            parent=poi_index,
            latitude=Decimal("52.28") + Decimal(n) / 1000,
            longitude=Decimal("11.40") + Decimal(n) / 1000,
        )
        for n in range(3)
    ] * 10
    short = RoutePageFactory(parent=route_index, stops=pois[:3])
    long = RoutePageFactory(parent=route_index, stops=pois)
    download(client, short, "gpx")  # fills the cache of site root paths both share

    for format_ in ("gpx", "geojson"):
        with django_assert_max_num_queries(100) as short_queries:
            download(client, short, format_)
        with django_assert_max_num_queries(len(short_queries)):
            response = download(client, long, format_)
        assert response.status_code == 200

    assert len(json.loads(response.content)["features"]) == 1 + 30


@pytest.mark.django_db
def test_the_region_download_job_costs_the_same_queries_for_many_places(
    client, poi_index, django_assert_max_num_queries
):
    PointOfInterestPageFactory(parent=poi_index)
    PointOfInterestPageFactory(parent=poi_index)
    with django_assert_max_num_queries(100) as few:
        export("de")
    for _n in range(8):
        PointOfInterestPageFactory(parent=poi_index)

    with django_assert_max_num_queries(len(few)):
        export("de")

    url = reverse("tourism:points_of_interest_geojson")
    assert len(streamed_json(client.get(url))["features"]) == 10


@pytest.mark.django_db  # unsaved pages look up their content type
def test_track_points_are_longitude_latitude_elevation_in_the_stored_track():
    route = RoutePage(title="T", track=[[11.41, 52.29, 55.0], [11.42, 52.30, None]])

    assert exports.route_points(route, stops=[]) == [
        exports.TrackPoint(lat=52.29, lon=11.41, ele=55.0),
        exports.TrackPoint(lat=52.30, lon=11.42, ele=None),
    ]


def test_a_place_page_map_asks_only_for_that_place(client, museum, castle):
    page = client.get(museum.url).content.decode()
    geojson_url = page.split('data-geojson="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    features = client.get(geojson_url).json()["features"]
    assert [feature["properties"]["name"] for feature in features] == ["Museum Haldensleben"]


def streamed_json(response):
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))
