"""Opening hours as the visitor sees them: open now, closes at, opens next, the week ahead.

Pure domain logic, no database. Messages are lazy translations; without configured settings
they cannot be rendered, so the tests look at the error codes.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils.functional import Promise

from tourism.opening_hours import (
    OpeningHours,
    OpeningHoursError,
    Season,
    SpecialDay,
    TimeRange,
    WeeklyHours,
    check_ranges,
    check_season,
    check_weekly,
    validate_ranges,
)

BERLIN = ZoneInfo("Europe/Berlin")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def hours(opens: str, closes: str) -> TimeRange:
    return TimeRange(time.fromisoformat(opens), time.fromisoformat(closes))


def at(day: str, clock: str) -> datetime:
    """A moment in Berlin, e.g. at("2026-06-09", "10:30")."""
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), tzinfo=BERLIN)


def all_year(*weekly: WeeklyHours) -> Season:
    return Season(start=None, end=None, weekly=weekly)


def on(*weekdays: int, ranges: tuple[TimeRange, ...]) -> WeeklyHours:
    return WeeklyHours(weekdays=frozenset(weekdays), ranges=ranges)


# Tuesday to Saturday 10–17, Sunday 13–17, closed on Mondays and public holidays.
MUSEUM = OpeningHours(
    seasons=(
        all_year(
            on(TUE, WED, THU, FRI, SAT, ranges=(hours("10:00", "17:00"),)),
            on(SUN, ranges=(hours("13:00", "17:00"),)),
        ),
    ),
    closed_on_public_holidays=True,
)

# Monday to Friday 09:00–12:00 and 13:00–16:00.
TOWN_HALL = OpeningHours(
    seasons=(
        all_year(
            on(MON, TUE, WED, THU, FRI, ranges=(hours("09:00", "12:00"), hours("13:00", "16:00")))
        ),
    ),
    closed_on_public_holidays=True,
)

# Opening runs through the nights to Saturday and Sunday.
BAR = OpeningHours(
    seasons=(
        all_year(
            on(TUE, WED, THU, ranges=(hours("11:00", "14:00"), hours("17:00", "22:00"))),
            on(FRI, ranges=(hours("18:00", "00:00"),)),
            on(SAT, ranges=(hours("00:00", "02:00"), hours("10:00", "00:00"))),
            on(SUN, ranges=(hours("00:00", "01:00"), hours("10:00", "18:00"))),
        ),
    )
)


# Open now


def test_open_now_during_weekday_hours():
    assert MUSEUM.is_open_at(at("2026-06-09", "10:00"))  # Tuesday, opening minute
    assert MUSEUM.is_open_at(at("2026-06-09", "16:59"))


def test_closed_outside_weekday_hours():
    assert not MUSEUM.is_open_at(at("2026-06-09", "09:59"))
    assert not MUSEUM.is_open_at(at("2026-06-09", "17:00"))  # closing minute is closed
    assert not MUSEUM.is_open_at(at("2026-06-08", "12:00"))  # Monday


def test_closed_between_two_ranges_of_a_day():
    assert TOWN_HALL.is_open_at(at("2026-06-09", "11:59"))
    assert not TOWN_HALL.is_open_at(at("2026-06-09", "12:30"))
    assert TOWN_HALL.is_open_at(at("2026-06-09", "13:00"))


def test_status_while_open_says_when_it_closes():
    status = MUSEUM.status_at(at("2026-06-09", "11:00"))

    assert status.is_open
    assert status.closes_at == at("2026-06-09", "17:00")
    assert status.opens_at is None


def test_status_while_closed_says_when_it_opens():
    status = TOWN_HALL.status_at(at("2026-06-09", "12:15"))

    assert not status.is_open
    assert status.opens_at == at("2026-06-09", "13:00")
    assert status.closes_at is None


def test_naive_datetime_is_local_time():
    assert MUSEUM.is_open_at(datetime(2026, 6, 9, 10, 30))
    assert MUSEUM.status_at(datetime(2026, 6, 9, 10, 30)).closes_at == at("2026-06-09", "17:00")


def test_aware_datetime_in_utc_is_converted():
    # 08:30 UTC is 10:30 summer time in Berlin, 07:30 UTC is 09:30.
    assert MUSEUM.is_open_at(datetime(2026, 6, 9, 8, 30, tzinfo=UTC))
    assert not MUSEUM.is_open_at(datetime(2026, 6, 9, 7, 30, tzinfo=UTC))
    # 15:30 UTC on Tuesday in winter is 16:30 in Berlin: still open, for half an hour.
    status = MUSEUM.status_at(datetime(2026, 1, 13, 15, 30, tzinfo=UTC))
    assert status.is_open
    assert status.closes_at == datetime(2026, 1, 13, 16, 0, tzinfo=UTC)


# Public holidays


def test_closed_on_public_holiday():
    # Saturdays, normally open: Tag der Deutschen Einheit and Reformationstag (Saxony-Anhalt).
    for holiday in ("2026-10-03", "2026-10-31"):
        status = MUSEUM.status_at(at(holiday, "12:00"))
        assert not status.is_open
        assert status.is_public_holiday
    assert MUSEUM.is_open_at(at("2026-10-10", "12:00"))  # an ordinary Saturday


def test_reformation_day_is_a_holiday_only_in_the_configured_region():
    bavarian = OpeningHours(
        seasons=MUSEUM.seasons, closed_on_public_holidays=True, holiday_region=("DE", "BY")
    )

    assert bavarian.is_open_at(at("2026-10-31", "12:00"))
    assert not bavarian.is_open_at(at("2026-10-03", "12:00"))


def test_open_on_public_holidays_unless_the_place_closes_on_them():
    open_anyway = OpeningHours(seasons=MUSEUM.seasons, closed_on_public_holidays=False)

    status = open_anyway.status_at(at("2026-10-03", "12:00"))

    assert status.is_open
    assert status.is_public_holiday


def test_week_names_the_public_holidays():
    week = MUSEUM.week_from(date(2026, 9, 28))  # Monday

    saturday = week[5]
    assert [day.day for day in week] == [date(2026, 9, 28) + timedelta(days=n) for n in range(7)]
    assert saturday.is_public_holiday
    assert saturday.holiday_name == "Tag der Deutschen Einheit"
    assert saturday.ranges == ()
    assert week[4].ranges == (hours("10:00", "17:00"),)
    assert not week[4].is_public_holiday and week[4].holiday_name is None
    assert MUSEUM.week_from(date(2026, 9, 28), language="en_US")[5].holiday_name == (
        "German Unity Day"
    )


# Special days


def test_special_day_closure_overrides_weekly_hours():
    closure = SpecialDay(date(2026, 6, 9), None, closed=True, ranges=(), note="Staff outing")
    museum = OpeningHours(seasons=MUSEUM.seasons, special_days=(closure,))

    status = museum.status_at(at("2026-06-09", "11:00"))

    assert not status.is_open
    assert status.special_day == closure
    assert status.special_day.note == "Staff outing"
    assert status.opens_at == at("2026-06-10", "10:00")


def test_closure_over_several_days():
    renovation = SpecialDay(date(2026, 6, 9), date(2026, 6, 12), closed=True, ranges=())
    museum = OpeningHours(seasons=MUSEUM.seasons, special_days=(renovation,))

    assert not museum.is_open_at(at("2026-06-12", "11:00"))
    assert museum.status_at(at("2026-06-09", "11:00")).opens_at == at("2026-06-13", "10:00")


def test_special_opening_on_a_closed_weekday():
    museum_night = SpecialDay(
        date(2026, 6, 8), None, closed=False, ranges=(hours("18:00", "00:00"),), note="Museum night"
    )
    museum = OpeningHours(seasons=MUSEUM.seasons, special_days=(museum_night,))

    assert not museum.is_open_at(at("2026-06-08", "12:00"))  # Monday
    status = museum.status_at(at("2026-06-08", "20:00"))
    assert status.is_open
    assert status.closes_at == at("2026-06-09", "00:00")
    assert status.special_day.note == "Museum night"


def test_special_opening_on_a_public_holiday():
    unity_day = SpecialDay(date(2026, 10, 3), None, closed=False, ranges=(hours("12:00", "16:00"),))
    museum = OpeningHours(
        seasons=MUSEUM.seasons, special_days=(unity_day,), closed_on_public_holidays=True
    )

    assert museum.is_open_at(at("2026-10-03", "13:00"))
    assert museum.ranges_on(date(2026, 10, 3)) == (hours("12:00", "16:00"),)


def test_shorter_special_day_wins_inside_a_longer_closure():
    winter_break = SpecialDay(date(2026, 1, 5), date(2026, 1, 31), closed=True, ranges=())
    open_day = SpecialDay(date(2026, 1, 17), None, closed=False, ranges=(hours("10:00", "14:00"),))
    museum = OpeningHours(seasons=MUSEUM.seasons, special_days=(winter_break, open_day))

    assert museum.is_open_at(at("2026-01-17", "11:00"))
    assert not museum.is_open_at(at("2026-01-16", "11:00"))
    assert museum.status_at(at("2026-01-16", "11:00")).opens_at == at("2026-01-17", "10:00")


# Seasons


def test_summer_season_overrides_all_year_hours():
    summer = Season((6, 1), (8, 31), weekly=(on(*range(7), ranges=(hours("09:00", "19:00"),)),))
    museum = OpeningHours(seasons=(*MUSEUM.seasons, summer))

    assert museum.is_open_at(at("2026-06-08", "18:30"))  # a Monday in summer
    assert museum.ranges_on(date(2026, 8, 31)) == (hours("09:00", "19:00"),)
    assert museum.ranges_on(date(2026, 9, 1)) == (hours("10:00", "17:00"),)
    assert not museum.is_open_at(at("2026-09-07", "12:00"))  # a Monday after the summer


def test_season_wrapping_new_year():
    winter = Season((11, 1), (3, 31), weekly=(on(*range(7), ranges=(hours("10:00", "16:00"),)),))
    summer = Season((4, 1), (10, 31), weekly=(on(*range(7), ranges=(hours("09:00", "18:00"),)),))
    ice_rink = OpeningHours(seasons=(summer, winter))

    for day in (date(2026, 11, 1), date(2026, 12, 31), date(2027, 1, 1), date(2028, 2, 29)):
        assert ice_rink.ranges_on(day) == (hours("10:00", "16:00"),), day
    for day in (date(2026, 4, 1), date(2026, 7, 15), date(2026, 10, 31)):
        assert ice_rink.ranges_on(day) == (hours("09:00", "18:00"),), day


def test_days_outside_every_season_are_closed():
    summer_only = OpeningHours(
        seasons=(
            Season((5, 1), (9, 30), weekly=(on(SAT, SUN, ranges=(hours("10:00", "18:00"),)),)),
        )
    )

    assert summer_only.is_open_at(at("2026-06-13", "12:00"))
    assert not summer_only.is_open_at(at("2026-10-03", "12:00"))
    assert summer_only.status_at(at("2026-10-03", "12:00")).opens_at is None


# Across midnight and into the next days


def test_open_across_midnight():
    assert BAR.is_open_at(at("2026-06-13", "01:00"))  # Saturday
    assert not BAR.is_open_at(at("2026-06-13", "02:00"))

    status = BAR.status_at(at("2026-06-12", "23:00"))  # Friday

    assert status.is_open
    assert status.closes_at == at("2026-06-13", "02:00")


def test_open_through_a_whole_day_closes_after_the_next_night():
    # Saturday 10:00 to Sunday 01:00 without a break, Friday night to Saturday 02:00 before it.
    assert BAR.status_at(at("2026-06-13", "12:00")).closes_at == at("2026-06-14", "01:00")


def test_next_opening_after_the_weekend():
    status = TOWN_HALL.status_at(at("2026-06-12", "17:00"))  # Friday

    assert not status.is_open
    assert status.opens_at == at("2026-06-15", "09:00")


def test_next_opening_skips_public_holidays():
    # Good Friday, the weekend and Easter Monday lie between Thursday and Tuesday.
    status = TOWN_HALL.status_at(at("2026-04-02", "16:30"))

    assert status.opens_at == at("2026-04-07", "09:00")


def test_no_next_opening_within_two_weeks():
    closure = SpecialDay(date(2026, 6, 1), date(2026, 7, 31), closed=True, ranges=())
    town_hall = OpeningHours(seasons=TOWN_HALL.seasons, special_days=(closure,))

    status = town_hall.status_at(at("2026-06-10", "10:00"))

    assert not status.is_open
    assert status.opens_at is None


def test_open_around_the_clock_has_no_closing_time():
    always = OpeningHours(seasons=(all_year(on(*range(7), ranges=(hours("00:00", "00:00"),))),))

    status = always.status_at(at("2026-06-10", "03:00"))

    assert status.is_open
    assert status.closes_at is None


def bar_should_be_open(local: datetime) -> bool:
    """The bar's hours written out by hand, independently of the schedule above."""
    minute = local.hour * 60 + local.minute
    weekday = local.weekday()
    if weekday in (TUE, WED, THU):
        return 11 * 60 <= minute < 14 * 60 or 17 * 60 <= minute < 22 * 60
    if weekday == FRI:
        return minute >= 18 * 60
    if weekday == SAT:
        return minute < 2 * 60 or minute >= 10 * 60
    if weekday == SUN:
        return minute < 60 or 10 * 60 <= minute < 18 * 60
    return False


def test_week_long_sweep_matches_the_hours_written_out_by_hand():
    moment = datetime(2026, 6, 7, 22, 0, tzinfo=UTC)  # Monday 00:00 in Berlin
    end = moment + timedelta(days=7, hours=6)
    checked = 0
    while moment < end:
        expected = bar_should_be_open(moment.astimezone(BERLIN))
        status = BAR.status_at(moment)
        assert BAR.is_open_at(moment) == expected == status.is_open, moment
        if status.is_open:
            # The closing time is the first closed minute after an unbroken opening.
            assert status.closes_at > moment
            assert not BAR.is_open_at(status.closes_at)
            assert BAR.is_open_at(status.closes_at - timedelta(minutes=1))
        else:
            assert status.opens_at > moment
            assert BAR.is_open_at(status.opens_at)
            assert not BAR.is_open_at(status.opens_at - timedelta(minutes=1))
        moment += timedelta(minutes=30)
        checked += 1
    assert checked == 7 * 48 + 12


# Changes to and from summer time


NIGHT_CLUB = OpeningHours(
    seasons=(
        all_year(
            on(SAT, ranges=(hours("22:00", "00:00"),)),
            on(SUN, ranges=(hours("00:00", "02:30"), hours("03:00", "05:00"))),
        ),
    )
)


@pytest.mark.parametrize("saturday", ["2026-03-28", "2026-10-24"])
def test_summer_time_changeover_nights_give_sensible_answers(saturday):
    start = at(saturday, "12:00").astimezone(UTC)
    for quarter in range(4 * 30):
        moment = start + timedelta(minutes=15 * quarter)
        status = NIGHT_CLUB.status_at(moment)
        assert status.is_open == NIGHT_CLUB.is_open_at(moment)
        if status.is_open:
            assert status.closes_at > moment
        elif status.opens_at:
            assert status.opens_at > moment


def test_clocks_going_forward():
    # 01:30 UTC on 29 March 2026 is 03:30 summer time: open, closing at 05:00 summer time.
    status = NIGHT_CLUB.status_at(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))

    assert status.is_open
    assert status.closes_at == datetime(2026, 3, 29, 3, 0, tzinfo=UTC)
    # 02:30 does not exist that night; like zoneinfo, it is read as 03:30 summer time.
    status = NIGHT_CLUB.status_at(at("2026-03-28", "23:00"))
    assert status.closes_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_clocks_going_back():
    # 02:15 local happens twice on 25 October 2026: 00:15 UTC (summer) and 01:15 UTC (winter).
    for utc_hour in (0, 1):
        moment = datetime(2026, 10, 25, utc_hour, 15, tzinfo=UTC)
        status = NIGHT_CLUB.status_at(moment)
        assert status.is_open
        # Closing at 02:30 local: the occurrence still ahead, 15 minutes later either way.
        assert status.closes_at - moment == timedelta(minutes=15)
    status = NIGHT_CLUB.status_at(datetime(2026, 10, 25, 3, 30, tzinfo=UTC))  # 04:30 winter
    assert status.closes_at == datetime(2026, 10, 25, 4, 0, tzinfo=UTC)


# Empty opening hours


def test_no_hours_entered_is_empty():
    assert OpeningHours(seasons=()).is_empty
    assert OpeningHours(seasons=(all_year(),)).is_empty
    assert not OpeningHours(seasons=()).is_open_at(at("2026-06-09", "12:00"))
    assert OpeningHours(seasons=()).week_from(date(2026, 6, 8))[1].ranges == ()


def test_hours_or_special_days_are_not_empty():
    assert not MUSEUM.is_empty
    closure = SpecialDay(date(2026, 12, 24), None, closed=True, ranges=())
    assert not OpeningHours(seasons=(), special_days=(closure,)).is_empty


# Validation for the admin forms


def test_range_ending_before_it_starts_is_an_error():
    with pytest.raises(OpeningHoursError) as error:
        check_ranges([hours("18:00", "10:00")])

    assert error.value.code == "end_before_start"
    assert isinstance(error.value.message, Promise)  # translated when rendered
    assert error.value.params == {"opens": "18:00", "closes": "10:00"}


def test_range_of_no_length_is_an_error():
    assert [p.code for p in validate_ranges([hours("10:00", "10:00")])] == ["end_before_start"]


def test_range_until_midnight_is_valid():
    check_ranges([hours("18:00", "00:00"), hours("00:00", "02:00")])
    check_ranges([hours("00:00", "00:00")])


def test_overlapping_ranges_are_an_error():
    problems = validate_ranges([hours("09:00", "13:00"), hours("12:00", "16:00")])

    assert [p.code for p in problems] == ["overlap"]
    assert problems[0].params == {"opens": "12:00", "closes": "16:00", "other": "09:00–13:00"}


def test_overlap_is_found_between_ranges_that_are_not_neighbours():
    problems = validate_ranges(
        [hours("11:00", "12:00"), hours("08:00", "20:00"), hours("14:00", "15:00")]
    )

    assert [p.code for p in problems] == ["overlap", "overlap"]


def test_touching_ranges_do_not_overlap():
    assert validate_ranges([hours("09:00", "12:00"), hours("12:00", "16:00")]) == []


def test_overlap_between_weekly_rows_that_share_a_weekday():
    weekly = [
        on(MON, TUE, WED, ranges=(hours("09:00", "17:00"),)),
        on(WED, ranges=(hours("16:00", "20:00"),)),
    ]

    with pytest.raises(OpeningHoursError) as error:
        check_weekly(weekly)

    assert error.value.code == "overlap"
    assert error.value.params["other"] == "09:00–17:00"


def test_weekly_rows_on_different_weekdays_may_use_the_same_times():
    check_weekly(
        [
            on(MON, TUE, ranges=(hours("09:00", "17:00"),)),
            on(WED, ranges=(hours("09:00", "17:00"),)),
        ]
    )


def test_weekly_range_ending_before_it_starts_is_an_error():
    with pytest.raises(OpeningHoursError) as error:
        check_weekly([on(FRI, ranges=(hours("22:00", "02:00"),))])

    assert error.value.code == "end_before_start"


@pytest.mark.parametrize("month_day", [(2, 30), (4, 31), (13, 1), (0, 10)])
def test_season_on_an_impossible_date_is_an_error(month_day):
    with pytest.raises(OpeningHoursError) as error:
        check_season(month_day, (12, 31))

    assert error.value.code == "invalid_date"


def test_season_dates_that_exist_are_valid():
    check_season((2, 29), (3, 31))
    check_season(None, None)
    check_season((11, 1), (3, 31))


def test_invalid_ranges_do_not_break_the_page():
    careless = OpeningHours(
        seasons=(all_year(on(MON, ranges=(hours("18:00", "10:00"), hours("10:00", "12:00")))),)
    )

    assert careless.ranges_on(date(2026, 6, 8)) == (hours("10:00", "12:00"),)
    assert not careless.is_open_at(at("2026-06-08", "20:00"))
