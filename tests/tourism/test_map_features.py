"""Rivers and boundaries under the schematic maps: validated input, drawn where they cross."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tourism.models import MapFeature
from tourism.models.map_features import MAX_POSITIONS, courses, parse_course

pytestmark = pytest.mark.django_db

# A line through the museum of the `museum` fixture (52.2897, 11.4086), west to east.
THROUGH_THE_OLD_TOWN = {
    "type": "LineString",
    "coordinates": [[11.3986, 52.2890], [11.4086, 52.2893], [11.4186, 52.2899]],
}
FAR_AWAY = {"type": "LineString", "coordinates": [[11.5, 48.1], [11.6, 48.2]]}


def river(name, course, name_en=""):
    return MapFeature.objects.create(
        name=name, name_en=name_en, kind="river", course=json.dumps(course)
    )


def test_line_strings_features_and_polygons_give_lines_of_latitude_and_longitude():
    assert parse_course(json.dumps(THROUGH_THE_OLD_TOWN))[0][0] == (52.2890, 11.3986)
    feature = {"type": "Feature", "properties": {}, "geometry": THROUGH_THE_OLD_TOWN}
    assert len(parse_course(json.dumps(feature))[0]) == 3
    square = {"type": "Polygon", "coordinates": [[[11, 52], [11.1, 52], [11.1, 52.1], [11, 52]]]}
    assert len(parse_course(json.dumps(square))) == 1


@pytest.mark.parametrize(
    "text, message",
    [
        ("{nope", "This is not GeoJSON"),
        ('{"type": "Point", "coordinates": [11, 52]}', "LineString, MultiLineString or Polygon"),
        ('{"type": "LineString", "coordinates": [[11, 52]]}', "at least two positions"),
        ('{"type": "LineString", "coordinates": [[11], [12]]}', "a longitude and a latitude"),
        ('{"type": "LineString", "coordinates": [[11, 52], [200, 52]]}', "outside"),
        ('{"type": "LineString", "coordinates": "x"}', "a longitude and a latitude"),
        (
            json.dumps({"type": "LineString", "coordinates": [[11, 52]] * (MAX_POSITIONS + 1)}),
            "simplify",
        ),
    ],
)
def test_bad_courses_are_refused_with_a_reason(text, message):
    with translation.override("en"), pytest.raises(ValidationError, match=message):
        parse_course(text)


def test_an_editor_gets_a_german_form_error_and_nothing_is_saved(client, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(editor)
    url = "/admin/snippets/tourism/mapfeature/add/"

    response = client.post(url, {"name_de": "Ohre", "kind": "river", "course": "{kaputt"})
    assert response.status_code == 200
    assert "Das ist kein GeoJSON" in response.content.decode()
    assert not MapFeature.objects.exists()

    course = json.dumps(THROUGH_THE_OLD_TOWN)
    response = client.post(url, {"name_de": "Ohre", "kind": "river", "course": course})
    assert response.status_code == 302
    assert MapFeature.objects.get().name_de == "Ohre"


def test_a_place_map_draws_the_river_that_crosses_it_not_one_far_away(client, museum):
    river("Ohre", THROUGH_THE_OLD_TOWN, name_en="Ohre river")
    river("Isar", FAR_AWAY)

    html = client.get(museum.url).content.decode()

    assert '<g class="map__feature map__feature--river"><title>Ohre</title>' in html
    assert "Isar" not in html
    with translation.override("en"):
        english = client.get(museum.get_url()).content.decode()
    assert "<title>Ohre river</title>" in english


def test_changing_a_feature_reaches_cached_pages(client, museum):
    feature = river("Ohre", THROUGH_THE_OLD_TOWN)
    assert "<title>Ohre</title>" in client.get(museum.url).content.decode()

    feature.name = "Beber"
    feature.save()

    html = client.get(museum.url).content.decode()
    assert "<title>Beber</title>" in html and "<title>Ohre</title>" not in html


def test_drawing_the_features_costs_no_query_once_cached(client, museum, django_assert_num_queries):
    river("Ohre", THROUGH_THE_OLD_TOWN)
    courses()
    with django_assert_num_queries(0):
        assert courses()[0][0] == "river"
