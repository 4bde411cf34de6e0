"""Routes: length and duration from the track or the stops; broken stops are skipped."""

import pytest
from django.utils import translation

from tests.factories.tourism import (
    PointOfInterestIndexPageFactory,
    PointOfInterestPageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
)
from tourism.durations import estimated_minutes
from tourism.geo import haversine_m
from tourism.gpx import TrackPoint, build_gpx


@pytest.fixture
def places(home_page):
    index = PointOfInterestIndexPageFactory(parent=home_page)
    return [
        PointOfInterestPageFactory(
            parent=index, title="Roland", latitude="52.289700", longitude="11.408600"
        ),
        PointOfInterestPageFactory(
            parent=index, title="Stendaler Turm", latitude="52.292000", longitude="11.409800"
        ),
        PointOfInterestPageFactory(
            parent=index, title="Museum", latitude="52.288900", longitude="11.404700"
        ),
    ]


@pytest.fixture
def routes(home_page):
    return RouteIndexPageFactory(parent=home_page)


def straight_line_sum(pois):
    return sum(
        haversine_m(a.lat, a.lon, b.lat, b.lon) for a, b in zip(pois, pois[1:], strict=False)
    )


@pytest.mark.django_db
def test_route_without_track_measures_the_straight_lines_between_stops(routes, places):
    route = RoutePageFactory(parent=routes, stops=places, kind="walking")
    assert route.length_m == round(straight_line_sum(places))
    assert route.duration_minutes == estimated_minutes("walking", route.length_m)
    assert route.bbox == [11.4047, 52.2889, 11.4098, 52.292]


@pytest.mark.django_db
def test_circular_route_without_track_returns_to_the_start(routes, places):
    route = RoutePageFactory(parent=routes, stops=places, is_circular=True)
    assert route.length_m == round(straight_line_sum([*places, places[0]]))


@pytest.mark.django_db
def test_route_length_follows_the_gpx_track(routes, places):
    points = [TrackPoint(52.28 + i * 0.0005, 11.40, 50 + (i % 5)) for i in range(200)]
    route = RoutePageFactory.build(title="Mit Track", kind="hiking")
    route.set_gpx(build_gpx("Mit Track", points).encode())
    routes.add_child(instance=route)
    route.refresh_from_db()
    expected = sum(
        haversine_m(a.lat, a.lon, b.lat, b.lon) for a, b in zip(points, points[1:], strict=False)
    )
    assert abs(route.length_m - expected) / expected < 0.01
    assert (route.ascent_m, route.descent_m) == (160, 156)  # 40 climbs of 4 m, 39 drops
    assert route.track[0] == [11.4, 52.28, 50.0]
    assert route.duration_minutes == estimated_minutes(
        "hiking", route.length_m, route.ascent_m, route.descent_m
    )


@pytest.mark.django_db
def test_hiking_takes_longer_than_cycling_the_same_track():
    assert estimated_minutes("hiking", 12_000, 300, 300) > estimated_minutes(
        "cycling", 12_000, 300, 300
    )
    # DIN 33466: 12 km → 3 h, 300 m up → 1 h, 300 m down → 0.6 h; 3 h + 1.6 h / 2 = 3 h 48 min
    assert estimated_minutes("hiking", 12_000, 300, 300) == 228


@pytest.mark.django_db
def test_route_renders_without_an_unpublished_or_deleted_stop(client, routes, places):
    route = RoutePageFactory(parent=routes, stops=places)
    places[1].unpublish()
    places[2].delete()
    response = client.get(route.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Roland" in html
    assert "Stendaler Turm" not in html
    assert [stop.point_of_interest.title for stop in route.visible_stops()] == ["Roland"]


@pytest.mark.django_db
def test_english_page_falls_back_to_german_text(client, routes, places):
    route = RoutePageFactory(parent=routes, stops=places, teaser="Ein Rundgang durch die Altstadt.")
    with translation.override("en"):
        url = route.get_url()
    html = client.get(url).content.decode()
    assert "Ein Rundgang durch die Altstadt." in html


@pytest.mark.django_db
def test_uploaded_gpx_is_served_only_as_a_download(client, routes):
    points = [TrackPoint(52.28 + i * 0.001, 11.40, None) for i in range(5)]
    route = RoutePageFactory.build(title="Download")
    route.set_gpx(build_gpx("Download", points).encode(), filename="download.gpx")
    routes.add_child(instance=route)
    response = client.get(f"/tourism/routes/{route.pk}/original.gpx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/gpx+xml"
    route.unpublish()
    assert client.get(f"/tourism/routes/{route.pk}/original.gpx").status_code == 404
