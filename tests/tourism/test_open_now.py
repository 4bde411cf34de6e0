""" "Open now" over many places: worked-out opening periods, the schedule as the fallback."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.tourism import ALWAYS_OPEN, PointOfInterestPageFactory
from tourism.blocks import opening_hours_stream
from tourism.models import OpeningCalendar, OpeningPeriod, PointOfInterestPage, SpecialOpeningDay
from tourism.models.opening_periods import HORIZON_DAYS, covered_until
from tourism.open_now import open_at

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
DAYTIME = opening_hours_stream([{"weekly": [{"days": range(7), "ranges": [("10:00", "17:00")]}]}])
NIGHT_BAR = opening_hours_stream(
    [{"weekly": [{"days": range(7), "ranges": [("20:00", "00:00"), ("00:00", "02:00")]}]}]
)


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def titles(queryset):
    return sorted(queryset.values_list("title", flat=True))


@pytest.fixture
def places(poi_index):
    return {
        "museum": PointOfInterestPageFactory(
            parent=poi_index, title="Museum", opening_hours=DAYTIME
        ),
        "bar": PointOfInterestPageFactory(parent=poi_index, title="Bar", opening_hours=NIGHT_BAR),
        "roland": PointOfInterestPageFactory(
            parent=poi_index, title="Roland", opening_hours=ALWAYS_OPEN
        ),
        "unknown": PointOfInterestPageFactory(parent=poi_index, title="Ohne Zeiten"),
    }


def test_publishing_a_place_works_out_its_opening_periods(places):
    assert OpeningCalendar.objects.filter(place=places["museum"]).exists()
    assert OpeningPeriod.objects.filter(place=places["museum"]).count() == 21
    assert not OpeningPeriod.objects.filter(place=places["unknown"]).exists()


def test_open_now_follows_the_opening_hours(places):
    today = date.today()
    live = PointOfInterestPage.objects.live()
    assert titles(open_at(live, at(today, 12))) == ["Museum", "Roland"]
    assert titles(open_at(live, at(today, 21))) == ["Bar", "Roland"]
    # The bar's night runs through midnight as one period.
    assert titles(open_at(live, at(today + timedelta(days=1), 1, 30))) == ["Bar", "Roland"]


def test_a_special_closing_day_counts(places):
    tomorrow = date.today() + timedelta(days=1)
    museum = places["museum"]
    museum.special_days.add(SpecialOpeningDay(start_date=tomorrow, closed=True))
    museum.save_revision().publish()
    assert "Museum" not in titles(open_at(PointOfInterestPage.objects.live(), at(tomorrow, 12)))


def test_places_whose_periods_ran_out_are_answered_from_their_schedule(places):
    OpeningPeriod.objects.all().delete()
    OpeningCalendar.objects.all().delete()
    today = date.today()
    assert titles(open_at(PointOfInterestPage.objects.live(), at(today, 12))) == [
        "Museum",
        "Roland",
    ]
    # Working them out again is the daily command's job, not a visitor's request's.
    assert not OpeningCalendar.objects.exists()


def test_beyond_the_worked_out_weeks_the_schedule_answers(places):
    later = date.today() + timedelta(days=HORIZON_DAYS + 3)
    assert titles(open_at(PointOfInterestPage.objects.live(), at(later, 12))) == [
        "Museum",
        "Roland",
    ]


def test_a_place_saved_without_its_periods_is_not_missed(places, poi_index):
    live = PointOfInterestPage.objects.live()
    moment = at(date.today(), 12)
    assert covered_until() > moment
    assert titles(open_at(live, moment)) == ["Museum", "Roland"]
    # As an import would: saved as published, but without publishing's signal.
    imported = poi_index.add_child(
        instance=PointOfInterestPage(
            title="Neu",
            slug="neu",
            latitude=Decimal("52.28"),
            longitude=Decimal("11.41"),
            opening_hours=DAYTIME,
        )
    )
    assert imported.live and not OpeningCalendar.objects.filter(place=imported).exists()
    assert covered_until() is None
    assert titles(open_at(live, moment)) == ["Museum", "Neu", "Roland"]


def test_open_now_costs_the_same_for_4_or_40_places(places, poi_index):
    live = PointOfInterestPage.objects.live()
    moment = at(date.today(), 12)
    open_at(live, moment).count()
    with CaptureQueriesContext(connection) as few:
        open_at(live, moment).count()
    for number in range(36):
        PointOfInterestPageFactory(parent=poi_index, title=f"Ort {number}", opening_hours=DAYTIME)
    open_at(live, moment).count()
    with CaptureQueriesContext(connection) as many:
        assert open_at(live, moment).count() == 38
    assert len(many) == len(few)


def test_the_listing_filters_by_open_now(client, places, poi_index):
    html = client.get(poi_index.url, {"open": "now"}).content.decode()
    assert "Roland" in html
    assert "Ohne Zeiten" not in html


def test_the_daily_command_works_out_every_place(places):
    OpeningPeriod.objects.all().delete()
    out = StringIO()
    call_command("refresh_opening_periods", "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue()
    assert not OpeningPeriod.objects.exists()
    call_command("refresh_opening_periods", "--days", "7", stdout=StringIO())
    assert OpeningPeriod.objects.filter(place=places["museum"]).count() == 7
