import math

import pytest

from tourism.geo import (
    EARTH_RADIUS_M,
    bounding_box,
    haversine_m,
    path_length_m,
    validate_coordinates,
)


def test_distance_to_the_same_point_is_zero():
    assert haversine_m(52.28, 11.41, 52.28, 11.41) == 0


def test_one_degree_along_a_meridian_is_an_arc_of_the_earth_radius():
    assert haversine_m(52.0, 11.0, 53.0, 11.0) == pytest.approx(EARTH_RADIUS_M * math.pi / 180)


def test_one_degree_of_longitude_shrinks_with_latitude():
    at_equator = haversine_m(0.0, 11.0, 0.0, 12.0)
    at_haldensleben = haversine_m(52.28, 11.0, 52.28, 12.0)
    assert at_equator == pytest.approx(111_195, rel=1e-3)
    assert at_haldensleben == pytest.approx(at_equator * math.cos(math.radians(52.28)), rel=1e-3)


def test_distance_is_symmetric():
    assert haversine_m(52.28, 11.41, 48.14, 11.58) == haversine_m(48.14, 11.58, 52.28, 11.41)


def test_antipodes_are_half_the_circumference_apart():
    assert haversine_m(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_M)


def test_path_length_sums_the_legs():
    legs = [(52.0, 11.0), (52.1, 11.0), (52.1, 11.1)]
    expected = haversine_m(52.0, 11.0, 52.1, 11.0) + haversine_m(52.1, 11.0, 52.1, 11.1)
    assert path_length_m(legs) == pytest.approx(expected)


def test_path_length_accepts_any_iterable():
    assert path_length_m(iter([(52.0, 11.0), (52.1, 11.0)])) == pytest.approx(
        haversine_m(52.0, 11.0, 52.1, 11.0)
    )


@pytest.mark.parametrize("points", [[], [(52.0, 11.0)]])
def test_path_without_legs_has_no_length(points):
    assert path_length_m(points) == 0


def test_bounding_box_is_in_geojson_order():
    points = [(52.3, 11.4), (52.1, 11.6), (52.2, 11.2)]
    assert bounding_box(points) == (11.2, 52.1, 11.6, 52.3)


def test_bounding_box_of_nothing_is_none():
    assert bounding_box([]) is None


@pytest.mark.parametrize("lat, lon", [(90, 180), (-90, -180), (0, 0), (52.28, 11.41)])
def test_valid_coordinates_pass(lat, lon):
    validate_coordinates(lat, lon)


@pytest.mark.parametrize(
    "lat, lon",
    [
        (math.nan, 11.0),
        (52.0, math.inf),
        (-math.inf, 11.0),
        (90.0001, 11.0),
        (-91, 11.0),
        (52.0, 180.0001),
        (52.0, -200),
    ],
)
def test_impossible_coordinates_are_refused(lat, lon):
    with pytest.raises(ValueError):
        validate_coordinates(lat, lon)
