"""Partners' widgets show the closures of the places and routes they embed."""

import pytest

from tests.factories.tourism import NoticeFactory

pytestmark = pytest.mark.django_db


def test_a_place_widget_shows_its_closure(client, museum):
    NoticeFactory(title="Museum geschlossen", title_en="Museum closed", places=[museum])
    html = client.get("/widgets/poi/", {"id": museum.pk, "lang": "en"}).content.decode()
    assert "Museum closed" in html
    assert "Closure" in html


def test_a_route_widget_shows_its_notice(client, walk, museum, castle):
    NoticeFactory(title="Weg gesperrt", routes=[(walk, castle, museum)])
    html = client.get("/widgets/route/", {"id": walk.pk}).content.decode()
    assert "Weg gesperrt" in html


def test_the_places_list_widget_marks_the_closed_place(client, museum, castle):
    NoticeFactory(title="Museum geschlossen", places=[museum])
    html = client.get("/widgets/pois/").content.decode()
    assert html.count("Museum geschlossen") == 1
