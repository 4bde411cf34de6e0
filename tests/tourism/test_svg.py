"""Server-drawn maps and elevation profiles: valid, accessible, to scale and small."""

import math
import re
from decimal import Decimal

import pytest
from defusedxml.ElementTree import fromstring
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import pgettext

from tests.factories.tourism import (
    PointOfInterestPageFactory,
    RoutePageFactory,
)
from tourism import svg
from tourism.geo import haversine_m
from tourism.models import RoutePage
from tourism.models.map_features import courses

SVG = "{http://www.w3.org/2000/svg}"


# Even unsaved pages look up their content type in the database.
pytestmark = pytest.mark.django_db


def place(poi_index, title, lat, lon, **kwargs):
    return PointOfInterestPageFactory(
        parent=poi_index, title=title, latitude=Decimal(lat), longitude=Decimal(lon), **kwargs
    )


@pytest.fixture
def old_town(poi_index):
    return [
        place(poi_index, "Roland", "52.290000", "11.410000"),
        place(poi_index, "Marktplatz", "52.291000", "11.412000"),
        place(poi_index, "Burg", "52.293000", "11.405000"),
    ]


def parsed(markup):
    assert markup is not None
    return fromstring(str(markup))


def markers(root, css_class):
    return [g for g in root.iter(f"{SVG}g") if css_class in g.get("class", "").split()]


def hill_track(count=4, low=50.0, high=120.0):
    """`count` points north-east out of Haldensleben, up to `high` and back down to `low`."""
    points = []
    for index in range(count):
        share = index / (count - 1)
        ele = low + (high - low) * math.sin(math.pi * share)
        points.append([11.40 + 0.03 * share, 52.28 + 0.02 * share, round(ele, 1)])
    return points


def route_with_track(track, **fields):
    """An unsaved route with a stored track, as RoutePage.apply_track leaves it."""
    from tourism.gpx import TrackPoint, track_statistics

    stats = track_statistics([TrackPoint(lat=lat, lon=lon, ele=ele) for lon, lat, ele in track])
    return RoutePage(
        pk=fields.pop("pk", 7),
        title=fields.pop("title", "Höhenweg"),
        track=track,
        length_m=fields.pop("length_m", round(stats.length_m)),
        ascent_m=round(stats.ascent_m),
        descent_m=round(stats.descent_m),
        **fields,
    )


# Route map


def test_route_map_is_an_image_named_by_its_title_and_description(route_index, old_town):
    route = RoutePageFactory(parent=route_index, title="Altstadtrundgang", stops=old_town)

    root = parsed(svg.route_map_svg(route))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
    assert "Altstadtrundgang" in title.text
    assert "3" in desc.text


def test_route_map_has_one_numbered_marker_per_published_stop(route_index, poi_index, old_town):
    draft = place(poi_index, "Baustelle", "52.300000", "11.420000", live=False)
    route = RoutePageFactory(parent=route_index, stops=[old_town[0], draft, *old_town[1:]])

    stops = markers(parsed(svg.route_map_svg(route)), "route-map__stop")

    assert [g.find(f"{SVG}title").text for g in stops] == ["1. Roland", "2. Marktplatz", "3. Burg"]
    assert [g.find(f"{SVG}text").text for g in stops] == ["1", "2", "3"]


def test_north_is_up_and_east_is_right(route_index, old_town):
    route = RoutePageFactory(parent=route_index, stops=old_town)

    roland, market, castle = (
        g.find(f"{SVG}circle") for g in markers(parsed(svg.route_map_svg(route)), "route-map__stop")
    )

    assert float(market.get("cy")) < float(roland.get("cy"))  # market is further north
    assert float(castle.get("cx")) < float(roland.get("cx"))  # castle is further west


def test_scale_bar_shows_a_round_distance_true_to_the_map(route_index, poi_index):
    west = place(poi_index, "West", "52.290000", "11.400000")
    east = place(poi_index, "Ost", "52.290000", "11.430000")
    route = RoutePageFactory(parent=route_index, stops=[west, east])

    root = parsed(svg.route_map_svg(route))

    (scale,) = markers(root, "map__scale-bar")
    metres = int(scale.get("data-metres"))
    assert metres in svg.SCALE_BAR_LENGTHS_M
    label = scale.find(f"{SVG}text").text
    assert label == (f"{metres // 1000} km" if metres >= 1000 else f"{metres} m")
    line = scale.find(f"{SVG}line")
    bar_px = float(line.get("x2")) - float(line.get("x1"))
    west_x, east_x = (
        float(g.find(f"{SVG}circle").get("cx")) for g in markers(root, "route-map__stop")
    )
    metres_per_px = haversine_m(52.29, 11.40, 52.29, 11.43) / (east_x - west_x)
    assert bar_px * metres_per_px == pytest.approx(metres, rel=0.01)
    assert bar_px <= 640 / 4


def test_route_map_has_a_north_arrow(route_index, old_town):
    route = RoutePageFactory(parent=route_index, stops=old_town)

    (north,) = markers(parsed(svg.route_map_svg(route)), "map__north")

    assert north.find(f"{SVG}text").text == pgettext("compass point north", "N")


def test_route_map_marks_start_and_finish_of_the_track():
    route = route_with_track(hill_track(50))

    root = parsed(svg.route_map_svg(route, stops=[]))

    assert len(markers(root, "route-map__start")) == 1
    assert len(markers(root, "route-map__finish")) == 1
    assert root.find(f"{SVG}polyline").get("stroke-dasharray") is None


def test_round_trip_has_one_marker_for_start_and_finish():
    track = hill_track(50)
    route = route_with_track([*track, track[0]])

    root = parsed(svg.route_map_svg(route, stops=[]))

    (start,) = markers(root, "route-map__start")
    assert start.find(f"{SVG}title").text == pgettext("route", "Start and finish")
    assert markers(root, "route-map__finish") == []


def test_route_without_track_is_drawn_dashed_through_its_stops(route_index, old_town):
    route = RoutePageFactory(parent=route_index, stops=old_town)

    line = parsed(svg.route_map_svg(route)).find(f"{SVG}polyline")

    assert len(line.get("points").split()) == 3
    assert line.get("stroke-dasharray")


def test_route_without_track_or_stops_has_no_map():
    assert svg.route_map_svg(RoutePage(title="Leer"), stops=[]) is None


def test_long_track_stays_small_and_simplified():
    route = route_with_track(hill_track(2000))

    markup = svg.route_map_svg(route, stops=[])
    profile = svg.elevation_profile_svg(route)

    assert len(parsed(markup).find(f"{SVG}polyline").get("points").split()) <= 500
    assert len(markup.encode()) < 20_000
    assert len(profile.encode()) < 20_000


def test_numbers_have_at_most_one_decimal():
    route = route_with_track(hill_track(300))

    for markup in (svg.route_map_svg(route, stops=[]), svg.elevation_profile_svg(route)):
        assert not re.search(r"\d\.\d\d", str(markup))


def test_texts_are_escaped(route_index, poi_index):
    title = 'Wein & <b>Käse</b> "bei Anna\'s"\x0b'
    stop = place(poi_index, title, "52.290000", "11.410000")
    route = RoutePageFactory(parent=route_index, title=title, stops=[stop])

    markup = svg.route_map_svg(route)
    root = parsed(markup)

    assert "<b>" not in markup
    assert markers(root, "route-map__stop")[0].find(f"{SVG}title").text == f"1. {title[:-1]}"


def test_route_map_reads_the_stops_in_one_query(route_index, poi_index, django_assert_num_queries):
    pois = [place(poi_index, f"Ort {n}", f"52.{280 + n}", f"11.{400 + n}") for n in range(4)]
    route = RoutePage.objects.get(pk=RoutePageFactory(parent=route_index, stops=pois).pk)
    courses()  # the map features come from the cache after the first map

    with django_assert_num_queries(1):
        svg.route_map_svg(route)
    stops = route.visible_stops()
    with django_assert_num_queries(0):
        svg.route_map_svg(route, stops=stops)


# Points of interest


def test_points_map_labels_the_places(poi_index, old_town):
    root = parsed(svg.points_map_svg(old_town))

    places = markers(root, "poi-map__marker")
    assert root.get("role") == "img"
    assert [g.find(f"{SVG}text").text for g in places] == ["Roland", "Marktplatz", "Burg"]
    assert "3" in root.find(f"{SVG}title").text


def test_points_map_can_number_the_places_like_the_list(poi_index, old_town):
    root = parsed(svg.points_map_svg(old_town, numbered=True, id_prefix="results-map"))

    places = markers(root, "poi-map__marker")
    assert [g.find(f"{SVG}title").text for g in places] == ["1. Roland", "2. Marktplatz", "3. Burg"]
    assert root.get("aria-labelledby") == "results-map-title results-map-desc"


def test_single_place_gets_a_map_of_its_surroundings(poi_index, old_town):
    root = parsed(svg.points_map_svg([old_town[0]]))

    (marker,) = markers(root, "poi-map__marker")
    assert float(marker.find(f"{SVG}circle").get("cx")) == pytest.approx(320)
    assert "Roland" in root.find(f"{SVG}title").text
    (scale,) = markers(root, "map__scale-bar")
    assert int(scale.get("data-metres")) <= 200


def test_points_map_without_points_is_none():
    assert svg.points_map_svg([]) is None


# Elevation profile


def test_elevation_summary_matches_the_route():
    route = route_with_track(hill_track(9, low=50, high=120), length_m=4230)

    with translation.override("en"):
        summary = svg.elevation_summary(route)

    assert summary == (
        f"Elevation from 50 m to 120 m; {route.ascent_m} m ascent and "
        f"{route.descent_m} m descent over 4.2 km."
    )
    assert route.ascent_m == route.descent_m == 70


def test_elevation_profile_describes_itself_with_the_summary():
    route = route_with_track(hill_track(30))

    root = parsed(svg.elevation_profile_svg(route))

    assert root.get("role") == "img"
    assert root.find(f"{SVG}desc").text == svg.elevation_summary(route)
    assert root.get("aria-labelledby").split() == [
        root.find(f"{SVG}title").get("id"),
        root.find(f"{SVG}desc").get("id"),
    ]


def test_elevation_profile_has_labelled_axes_and_a_filled_area():
    route = route_with_track(hill_track(30, low=50, high=120), length_m=4000)

    root = parsed(svg.elevation_profile_svg(route))

    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "0 km" in labels and "4 km" in labels
    assert any(label.endswith(" m") for label in labels)
    assert root.find(f"{SVG}polygon") is not None
    assert root.find(f"{SVG}polyline") is not None


def test_elevation_profile_ends_at_the_route_length():
    route = route_with_track(hill_track(30), length_m=5000)

    profile = svg.elevation_profile(route)

    assert profile[0][0] == 0
    assert profile[-1][0] == pytest.approx(5000)


@pytest.mark.parametrize(
    "track",
    [[], [[11.4, 52.28, None], [11.41, 52.29, None]], [[11.4, 52.28, 50.0]]],
    ids=["no track", "no elevations", "one point"],
)
def test_no_elevation_profile_without_elevations(track):
    route = RoutePage(title="Flach", track=track, length_m=1000)

    assert svg.elevation_profile_svg(route) is None
    assert svg.elevation_summary(route) == ""


# Include templates


def test_route_map_include_offers_the_downloads_in_the_page_language(route_index, old_town):
    route = RoutePageFactory(parent=route_index, stops=old_town)
    template = Template('{% include "tourism/includes/route_map.html" with route=route %}')

    with translation.override("en"):
        html = template.render(Context({"route": route, "stops": route.visible_stops()}))

    assert html.count('class="map__marker route-map__stop"') == 3
    assert f'href="/tourism/routes/{route.pk}.gpx?lang=en"' in html
    assert f'href="/tourism/routes/{route.pk}.geojson?lang=en"' in html
    assert "<figure" in html and "<figcaption>" in html


def test_route_map_include_renders_nothing_for_an_empty_route(route_index):
    route = RoutePageFactory(parent=route_index)
    template = Template('{% include "tourism/includes/route_map.html" with route=route %}')

    assert template.render(Context({"route": route})).strip() == ""


def test_elevation_profile_include_shows_the_summary_as_text():
    route = route_with_track(hill_track(30))
    template = Template('{% include "tourism/includes/elevation_profile.html" with route=r %}')

    html = template.render(Context({"r": route}))

    assert html.count(svg.elevation_summary(route)) == 2  # <desc> and the visible caption
    assert "<figcaption>" in html


def test_poi_map_include_draws_a_detail_page(poi_index, old_town):
    template = Template(
        '{% include "tourism/includes/poi_map.html" with points=page downloads=False %}'
    )

    html = template.render(Context({"page": old_town[0]}))

    assert html.count('class="map__marker poi-map__marker"') == 1
    assert "points-of-interest.geojson" in html  # for the detailed map's script
    assert "download>" not in html


def test_a_single_place_is_drawn_among_its_neighbours(poi_index, old_town):
    roland, market, castle = old_town

    root = parsed(svg.points_map_svg([roland], neighbours=[market, castle]))

    (marker,) = markers(root, "poi-map__marker")
    assert marker.find(f"{SVG}title").text == "Roland"
    neighbours = markers(root, "poi-map__neighbour")
    assert [g.find(f"{SVG}text").text for g in neighbours] == ["Marktplatz", "Burg"]
    assert markers(root, "map__scale-bar")


def test_the_neighbours_widen_the_map_so_they_fit(poi_index, old_town):
    roland, market, castle = old_town

    root = parsed(svg.points_map_svg([roland], neighbours=[market, castle]))

    for g in markers(root, "poi-map__neighbour") + markers(root, "poi-map__marker"):
        circle = g.find(f"{SVG}circle")
        assert 0 < float(circle.get("cx")) < 640
        assert 0 < float(circle.get("cy")) < 400


def test_the_north_label_is_translated(route_index, old_town):
    route = RoutePageFactory(parent=route_index, stops=old_town)

    with translation.override("de"):
        root = parsed(svg.route_map_svg(route))

    (north,) = markers(root, "map__north")
    assert north.find(f"{SVG}title").text == "Norden"


def test_crowded_neighbours_give_way_to_the_place_and_keep_their_names_as_tooltips(poi_index):
    from types import SimpleNamespace

    place = SimpleNamespace(title="Stadt- und Kreismuseum", lat=52.29, lon=11.41)
    neighbours = [
        SimpleNamespace(title=f"Nachbarhaus Nummer {i}", lat=52.29 + 0.00003 * i, lon=11.41)
        for i in range(1, 7)
    ]

    root = parsed(svg.points_map_svg([place], neighbours=neighbours))

    (marker,) = markers(root, "poi-map__marker")
    assert marker.find(f"{SVG}text").text == "Stadt- und Kreismuseum"
    crowd = markers(root, "poi-map__neighbour")
    assert [g.find(f"{SVG}title").text for g in crowd] == [n.title for n in neighbours]
    named = [g for g in crowd if g.find(f"{SVG}text") is not None]
    assert 0 < len(named) < len(neighbours)
