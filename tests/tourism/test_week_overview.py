"""The opening hours table of a place's page: always open, closed for the season, one week."""

from datetime import date, time

from django.utils import translation

from tourism.opening_hours import OpeningHours, Season, SpecialDay, TimeRange, WeeklyHours
from tourism.week_overview import week_overview

EVERY_DAY = frozenset(range(7))
MONDAY = date(2026, 12, 7)
WHOLE_DAY = TimeRange(time(0, 0), time(0, 0))


def weekly(*ranges, weekdays=EVERY_DAY):
    return WeeklyHours(weekdays=weekdays, ranges=tuple(ranges))


def overview(schedule, today=MONDAY, language="de"):
    with translation.override(language):
        return week_overview(schedule, today, "de")


ROLAND = OpeningHours(seasons=(Season(None, None, (weekly(WHOLE_DAY),)),))
# The castle's courtyard: April to October, Tuesday to Sunday 10–18.
CASTLE = OpeningHours(
    seasons=(
        Season(
            (4, 1), (10, 31), (weekly(TimeRange(time(10), time(18)), weekdays={1, 2, 3, 4, 5, 6}),)
        ),
    )
)


def test_open_around_the_clock_every_day_is_always_open():
    result = overview(ROLAND, language="en")

    assert result.always_open
    assert result.summary == "Always open"


def test_always_open_is_translated():
    assert overview(ROLAND, language="de").summary == "Immer geöffnet"
    assert overview(ROLAND, language="pl").summary == "Zawsze otwarte"


def test_a_day_closed_for_a_special_reason_is_not_always_open():
    closed_on_christmas_eve = OpeningHours(
        seasons=ROLAND.seasons,
        special_days=(SpecialDay(date(2026, 12, 24), None, closed=True, ranges=()),),
    )

    result = overview(closed_on_christmas_eve, language="en")

    assert not result.always_open
    assert result.rows[0].hours == "open 24 hours"


def test_closed_for_the_season_names_the_reopening_date():
    result = overview(CASTLE, language="en")

    assert result.closed_all_week
    assert result.reopens_on == date(2027, 4, 1)
    assert result.summary == "Closed for the season – open again from 1 April 2027"


def test_reopening_date_in_german_and_polish():
    assert overview(CASTLE, language="de").summary == (
        "Saisonpause – wieder geöffnet ab 1. April 2027"
    )
    assert overview(CASTLE, language="pl").summary == (
        "Przerwa sezonowa – ponownie otwarte od 1 kwietnia 2027"
    )


def test_closed_without_any_opening_ahead():
    only_a_past_day = OpeningHours(
        seasons=(),
        special_days=(
            SpecialDay(
                date(2026, 1, 3), None, closed=False, ranges=(TimeRange(time(10), time(12)),)
            ),
        ),
    )

    assert overview(only_a_past_day, language="en").summary == "Closed at present"


def test_an_ordinary_week_has_rows_and_no_summary():
    summer_monday = date(2026, 6, 8)

    result = overview(CASTLE, today=summer_monday, language="de")

    assert result.summary == ""
    assert [row.hours for row in result.rows] == ["geschlossen"] + ["10:00–18:00"] * 6
    assert result.rows[0].label == "Montag, 8. Juni"
    assert result.rows[0].is_today and not result.rows[1].is_today


def test_closing_at_midnight_reads_24_00():
    evenings = OpeningHours(seasons=(Season(None, None, (weekly(TimeRange(time(18), time(0))),)),))

    assert overview(evenings).rows[0].hours == "18:00–24:00"


def test_row_labels_follow_the_language():
    assert overview(CASTLE, language="pl").rows[6].label == "niedziela, 13 grudnia"
