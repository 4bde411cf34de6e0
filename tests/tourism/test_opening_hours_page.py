"""The opening hours on a place's page: a sentence where seven rows would say less."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cms.i18n import page_url_in
from tests.factories.tourism import ALWAYS_OPEN, PointOfInterestPageFactory
from tourism.blocks import opening_hours_stream

pytestmark = pytest.mark.django_db

ADVENT_SUNDAY = datetime(2026, 12, 6, 11, 0, tzinfo=ZoneInfo("Europe/Berlin"))
SUMMER_SUNDAYS = opening_hours_stream(
    [{"start": (4, 1), "end": (10, 31), "weekly": [{"days": [6], "ranges": [("14:00", "17:00")]}]}]
)


@pytest.fixture(autouse=True)
def advent(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: ADVENT_SUNDAY)


def html_of(client, page, language="de"):
    response = client.get(page_url_in(page, language))
    assert response.status_code == 200
    return response.content.decode()


def test_a_place_open_around_the_clock_says_always_open(client, poi_index):
    roland = PointOfInterestPageFactory(parent=poi_index, opening_hours=ALWAYS_OPEN)

    html = html_of(client, roland)

    assert "Immer geöffnet" in html
    assert "00:00–24:00" not in html
    assert "Always open" in html_of(client, roland, "en")


def test_a_place_closed_for_the_season_names_its_reopening(client, poi_index):
    castle = PointOfInterestPageFactory(parent=poi_index, opening_hours=SUMMER_SUNDAYS)

    html = html_of(client, castle)

    assert "Saisonpause – wieder geöffnet ab 4. April 2027" in html
    assert html.count("geschlossen</td>") == 0
    assert "Przerwa sezonowa – ponownie otwarte od 4 kwietnia 2027" in html_of(client, castle, "pl")


def test_an_ordinary_week_lists_each_day_in_the_languages_own_way(client, poi_index):
    daily = opening_hours_stream(
        [
            {
                "start": None,
                "end": None,
                "weekly": [{"days": range(7), "ranges": [("10:00", "18:00")]}],
            }
        ]
    )
    museum = PointOfInterestPageFactory(parent=poi_index, opening_hours=daily)

    assert "Sonntag, 6. Dezember" in html_of(client, museum, "de")
    assert "Sunday, 6 December" in html_of(client, museum, "en")
    assert "niedziela, 6 grudnia" in html_of(client, museum, "pl")
