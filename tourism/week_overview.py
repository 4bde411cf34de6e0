"""The opening hours a place's page shows, worked out before the template sees them.

Seven rows of "00:00–24:00" say less than "always open", and seven rows of "closed" hide
the one thing a visitor wants to know in winter: from when it is open again.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.dates import weekday_date
from tourism.opening_hours import MIDNIGHT, OpeningHours, TimeRange

# How far ahead "always open" is checked and a reopening is looked for.
LOOKAHEAD_DAYS = 366


@dataclass(frozen=True)
class DayRow:
    day: date
    label: str  # "Sonntag, 6. Dezember"
    hours: str  # "10:00–17:00, 19:00–22:00", "open 24 hours" or "closed"
    note: str  # the public holiday's name or the special day's note
    is_today: bool


@dataclass(frozen=True)
class WeekOverview:
    rows: list[DayRow]
    always_open: bool
    closed_all_week: bool
    reopens_on: date | None  # only when closed all week
    summary: str  # one sentence instead of the table; empty when the table says it better


def week_overview(schedule: OpeningHours, today: date, holiday_language: str) -> WeekOverview:
    """The seven days from `today`, with the summary that replaces them when it fits."""
    week = schedule.week_from(today, language=holiday_language)
    rows = [
        DayRow(
            day=day.day,
            label=weekday_date(day.day),
            hours=_hours_text(day.ranges),
            note=day.holiday_name or (day.special_day.note if day.special_day else ""),
            is_today=day.day == today,
        )
        for day in week
    ]
    closed_all_week = not any(day.ranges for day in week)
    always_open = not closed_all_week and _always_open(schedule, today)
    reopens_on = _reopening(schedule, today + timedelta(days=7)) if closed_all_week else None
    if always_open:
        summary = _("Always open")
    elif reopens_on:
        summary = _("Closed for the season – open again from %(date)s") % {
            "date": date_format(reopens_on, "DATE_FORMAT")
        }
    elif closed_all_week:
        summary = _("Closed at present")
    else:
        summary = ""
    return WeekOverview(rows, always_open, closed_all_week, reopens_on, summary)


def is_whole_day(ranges) -> bool:
    return len(ranges) == 1 and ranges[0].opens == MIDNIGHT and ranges[0].closes == MIDNIGHT


def _always_open(schedule, today) -> bool:
    return all(
        is_whole_day(schedule.ranges_on(today + timedelta(days=offset)))
        for offset in range(LOOKAHEAD_DAYS)
    )


def _reopening(schedule, first_day) -> date | None:
    for offset in range(LOOKAHEAD_DAYS):
        day = first_day + timedelta(days=offset)
        if schedule.ranges_on(day):
            return day
    return None


def _hours_text(ranges: tuple[TimeRange, ...]) -> str:
    if not ranges:
        return _("closed")
    if is_whole_day(ranges):
        return _("open 24 hours")
    return ", ".join(_range_text(r) for r in ranges)


def _range_text(time_range: TimeRange) -> str:
    closes = "24:00" if time_range.closes == MIDNIGHT else f"{time_range.closes:%H:%M}"
    return f"{time_range.opens:%H:%M}–{closes}"
