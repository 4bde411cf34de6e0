"""Opening hours of a point of interest: seasons, weekly hours, special days, public holidays.

Pure domain logic without models: the StreamField blocks and special days of the point of
interest page convert their values into these dataclasses. All times are wall-clock times in
the town's time zone; a range never crosses midnight (editors enter Fri 18:00–00:00 and
Sat 00:00–02:00), and closing at 00:00 means "until the end of the day".
"""

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

TOWN_TIMEZONE = ZoneInfo("Europe/Berlin")
# Explicit, because without it the holidays package picks the language from $LANG.
HOLIDAY_LANGUAGE = "de"
# How far ahead status_at looks for the next opening (and for the end of a long opening).
LOOKAHEAD_DAYS = 14
MIDNIGHT = time(0, 0)
# Seasons recur every year; a leap year lets them start or end on 29 February.
_REFERENCE_YEAR = 2024
_WHOLE_DAY = timedelta(days=1)
WEEKDAY_NAMES = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)


def _format(template, params):
    return str(template) % params


# Formatting a lazy string needs configured settings and the visitor's language, so the
# message is only built when it is rendered.
_format_lazy = lazy(_format, str)


class OpeningHoursError(ValueError):
    """Entered opening hours that cannot be right; `code` says which rule they break."""

    def __init__(self, template, code, params):
        super().__init__(code)
        self.code = code
        self.params = params
        self.message = _format_lazy(template, params)

    def __str__(self):
        return str(self.message)


@dataclass(frozen=True)
class TimeRange:
    """One opening on one day, e.g. 10:00–17:00; closing at 00:00 means until midnight."""

    opens: time
    closes: time

    @property
    def start(self) -> timedelta:
        return _since_midnight(self.opens)

    @property
    def end(self) -> timedelta:
        return _WHOLE_DAY if self.closes == MIDNIGHT else _since_midnight(self.closes)

    @property
    def is_valid(self) -> bool:
        return self.end > self.start

    def __str__(self):
        return f"{self.opens:%H:%M}–{self.closes:%H:%M}"

    def params(self) -> dict[str, str]:
        return {"opens": self.opens.strftime("%H:%M"), "closes": self.closes.strftime("%H:%M")}

    def overlaps(self, other: "TimeRange") -> bool:
        # Half-open: 10:00–12:00 and 12:00–14:00 touch but do not overlap.
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class WeeklyHours:
    """The same ranges on several weekdays (0 = Monday … 6 = Sunday)."""

    weekdays: frozenset[int]
    ranges: tuple[TimeRange, ...]


@dataclass(frozen=True)
class Season:
    """Weekly hours between two (month, day) dates every year; no dates means all year."""

    start: tuple[int, int] | None
    end: tuple[int, int] | None
    weekly: tuple[WeeklyHours, ...]

    def covers(self, day: date) -> bool:
        start, end = self.start or (1, 1), self.end or (12, 31)
        if _day_of_year(start) is None or _day_of_year(end) is None:
            return False  # an impossible date slipped past validation: ignore, don't crash
        month_day = (day.month, day.day)
        if start <= end:
            return start <= month_day <= end
        return month_day >= start or month_day <= end  # wraps the new year

    def length(self) -> int:
        """Days per year, so that a summer season beats the all-year hours."""
        start = _day_of_year(self.start or (1, 1)) or 0
        end = _day_of_year(self.end or (12, 31)) or 0
        return (end - start) % 366 + 1

    def ranges_on(self, weekday: int) -> tuple[TimeRange, ...]:
        return tuple(r for row in self.weekly if weekday in row.weekdays for r in row.ranges)


@dataclass(frozen=True)
class SpecialDay:
    """An exception on one date or a span of dates: a closure or special opening hours."""

    start: date
    end: date | None
    closed: bool
    ranges: tuple[TimeRange, ...]
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= (self.end or self.start)

    def length(self) -> int:
        return ((self.end or self.start) - self.start).days + 1


@dataclass(frozen=True)
class OpeningStatus:
    """What the page says right now: open until …, or closed, opens …"""

    is_open: bool
    closes_at: datetime | None = None  # None while open: open beyond the look-ahead
    opens_at: datetime | None = None  # None while closed: no opening within the look-ahead
    special_day: SpecialDay | None = None
    is_public_holiday: bool = False


@dataclass(frozen=True)
class DayHours:
    """The effective hours of one date, for the week overview."""

    day: date
    ranges: tuple[TimeRange, ...]
    special_day: SpecialDay | None
    is_public_holiday: bool
    holiday_name: str | None


@dataclass(frozen=True)
class OpeningHours:
    """Everything that decides when a point of interest is open."""

    seasons: tuple[Season, ...]
    special_days: tuple[SpecialDay, ...] = ()
    closed_on_public_holidays: bool = False
    holiday_region: tuple[str, str | None] = ("DE", "ST")
    timezone: ZoneInfo = TOWN_TIMEZONE

    @property
    def is_empty(self) -> bool:
        """No hours entered: show nothing and treat "open now" as unknown, not closed."""
        return not self.special_days and not any(season.weekly for season in self.seasons)

    def holiday_name(self, day: date, language: str = HOLIDAY_LANGUAGE) -> str | None:
        country, subdivision = self.holiday_region
        return _public_holidays(country, subdivision, day.year, language).get(day)

    def special_day_on(self, day: date) -> SpecialDay | None:
        # The shortest exception wins, e.g. one special opening inside a month-long closure.
        matching = [special for special in self.special_days if special.covers(day)]
        return min(matching, key=SpecialDay.length, default=None)

    def ranges_on(self, day: date) -> tuple[TimeRange, ...]:
        """The effective ranges: special day, else public holiday, else season."""
        special = self.special_day_on(day)
        if special is not None:
            ranges = () if special.closed else special.ranges
        elif self.closed_on_public_holidays and self.holiday_name(day):
            ranges = ()
        else:
            seasons = [season for season in self.seasons if season.covers(day)]
            season = min(seasons, key=Season.length, default=None)
            ranges = season.ranges_on(day.weekday()) if season else ()
        # Invalid ranges are the admin form's business; here they must not break the page.
        return tuple(sorted((r for r in ranges if r.is_valid), key=lambda r: r.start))

    def is_open_at(self, moment: datetime) -> bool:
        """Whether it is open at `moment`; naive moments are local time. False when empty."""
        local = self._local(moment)
        return any(opens <= local < closes for opens, closes in self._spans(local.date()))

    def status_at(self, moment: datetime) -> OpeningStatus:
        local = self._local(moment)
        today = local.date()
        horizon = datetime.combine(today + timedelta(days=LOOKAHEAD_DAYS + 1), MIDNIGHT)
        days = (today + timedelta(days=offset) for offset in range(LOOKAHEAD_DAYS + 1))
        context = {
            "special_day": self.special_day_on(today),
            "is_public_holiday": self.holiday_name(today) is not None,
        }
        # Joined spans make an opening that runs on through midnight end on the next day.
        for opens, closes in _joined(span for day in days for span in self._spans(day)):
            if local < opens:
                return OpeningStatus(False, opens_at=self._aware(opens, moment), **context)
            if local < closes:
                closes_at = None if closes >= horizon else self._aware(closes, moment)
                return OpeningStatus(True, closes_at=closes_at, **context)
        return OpeningStatus(False, **context)

    def periods(self, first_day: date, days: int) -> list[tuple[datetime, datetime]]:
        """The times it is open from `first_day` on for `days` days, as aware datetimes.

        Openings that run through midnight come back as one period.
        """
        reference = datetime.combine(first_day, MIDNIGHT)
        spans = (
            span
            for offset in range(days)
            for span in self._spans(first_day + timedelta(days=offset))
        )
        return [
            (self._aware(opens, reference), self._aware(closes, reference))
            for opens, closes in _joined(spans)
        ]

    def week_from(self, day: date, language: str = HOLIDAY_LANGUAGE) -> list[DayHours]:
        week = []
        for offset in range(7):
            current = day + timedelta(days=offset)
            name = self.holiday_name(current, language)
            week.append(
                DayHours(
                    day=current,
                    ranges=self.ranges_on(current),
                    special_day=self.special_day_on(current),
                    is_public_holiday=name is not None,
                    holiday_name=name,
                )
            )
        return week

    def _spans(self, day: date) -> list[tuple[datetime, datetime]]:
        midnight = datetime.combine(day, MIDNIGHT)
        return [(midnight + r.start, midnight + r.end) for r in self.ranges_on(day)]

    def _local(self, moment: datetime) -> datetime:
        """Naive local wall-clock time, the language the ranges are written in."""
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(self.timezone).replace(tzinfo=None)

    def _aware(self, local: datetime, moment: datetime) -> datetime:
        aware = local.replace(tzinfo=self.timezone)
        reference = moment if moment.tzinfo else moment.replace(tzinfo=self.timezone)
        # In the hour repeated when summer time ends, a wall-clock time exists twice;
        # take the occurrence that still lies ahead. (timestamp(), because comparing
        # datetimes of the same zone ignores fold.)
        if aware.timestamp() < reference.timestamp():
            aware = aware.replace(fold=1)
        # Round trip through UTC: a time in the gap of spring (02:30) becomes one that exists.
        return aware.astimezone(UTC).astimezone(self.timezone)


@functools.lru_cache(maxsize=32)
def _public_holidays(country: str, subdivision: str | None, year: int, language: str):
    # A plain dict: the cached object is shared, and HolidayBase.get() may add years to it.
    return dict(
        holidays.country_holidays(country, subdiv=subdivision, years=year, language=language)
    )


def _since_midnight(value: time) -> timedelta:
    return timedelta(hours=value.hour, minutes=value.minute, seconds=value.second)


def _day_of_year(month_day: tuple[int, int]) -> int | None:
    try:
        return date(_REFERENCE_YEAR, *month_day).timetuple().tm_yday
    except (TypeError, ValueError):
        return None


def _joined(spans: Iterable[tuple[datetime, datetime]]):
    current = None
    for opens, closes in spans:
        if current and opens <= current[1]:
            current = (current[0], max(current[1], closes))
            continue
        if current:
            yield current
        current = (opens, closes)
    if current:
        yield current


def validate_ranges(ranges: Sequence[TimeRange]) -> list[OpeningHoursError]:
    """Every problem with the ranges of one day, for forms that show them all."""
    problems = [
        OpeningHoursError(
            _("%(opens)s–%(closes)s ends before it starts."), "end_before_start", r.params()
        )
        for r in ranges
        if not r.is_valid
    ]
    valid = [r for r in ranges if r.is_valid]
    for index, earlier in enumerate(valid):
        for later in valid[index + 1 :]:
            if earlier.overlaps(later):
                params = {**later.params(), "other": str(earlier)}
                template = _("%(opens)s–%(closes)s overlaps %(other)s.")
                problems.append(OpeningHoursError(template, "overlap", params))
    return problems


def check_ranges(ranges: Sequence[TimeRange]) -> None:
    """Raise the first problem with the ranges of one day."""
    problems = validate_ranges(ranges)
    if problems:
        raise problems[0]


def check_weekly(weekly: Sequence[WeeklyHours]) -> None:
    """Raise the first problem, also between rows that share a weekday."""
    for weekday, name in enumerate(WEEKDAY_NAMES):
        problems = validate_ranges(
            [r for row in weekly if weekday in row.weekdays for r in row.ranges]
        )
        if problems and problems[0].code == "overlap":
            # Name the weekday: the clashing ranges may sit in different rows.
            template = _("On %(weekday)s, %(opens)s–%(closes)s overlaps %(other)s.")
            raise OpeningHoursError(template, "overlap", {**problems[0].params, "weekday": name})
        if problems:
            raise problems[0]


def check_season(start: tuple[int, int] | None, end: tuple[int, int] | None) -> None:
    """Raise for dates that exist in no year, such as 30 February."""
    for month_day in (start, end):
        if month_day is not None and _day_of_year(month_day) is None:
            month, day = month_day
            raise OpeningHoursError(
                _("%(day)s.%(month)s. is not a date."), "invalid_date", {"day": day, "month": month}
            )
