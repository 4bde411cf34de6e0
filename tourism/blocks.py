"""Opening hours as editors enter them: seasons holding weekly time ranges."""

from datetime import time

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from tourism import opening_hours as oh

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
MONTH_CHOICES = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]


class TimeRangeBlock(blocks.StructBlock):
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(
        label=_("Closes"), help_text=_("00:00 means midnight (end of the day).")
    )

    class Meta:
        icon = "time"
        label = _("Time range")


class WeeklyHoursBlock(blocks.StructBlock):
    """The same hours on several weekdays, e.g. Tuesday to Friday 10:00–17:00."""

    days = blocks.MultipleChoiceBlock(
        label=_("Weekdays"), choices=WEEKDAY_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    ranges = blocks.ListBlock(TimeRangeBlock(), label=_("Opening times"), min_num=1)

    class Meta:
        icon = "date"
        label = _("Weekdays and times")


class SeasonBlock(blocks.StructBlock):
    """A schedule valid every year between two dates, or all year when left empty."""

    start_day = blocks.IntegerBlock(label=_("From day"), required=False, min_value=1, max_value=31)
    start_month = blocks.ChoiceBlock(label=_("From month"), choices=MONTH_CHOICES, required=False)
    end_day = blocks.IntegerBlock(label=_("To day"), required=False, min_value=1, max_value=31)
    end_month = blocks.ChoiceBlock(label=_("To month"), choices=MONTH_CHOICES, required=False)
    weekly = blocks.ListBlock(WeeklyHoursBlock(), label=_("Weekly hours"))

    class Meta:
        icon = "calendar-alt"
        label = _("Season")
        help_text = _(
            "Leave the dates empty for hours that apply all year. A summer season "
            "overrides the all-year hours on its dates. Days not listed are closed."
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        for edge in ("start", "end"):
            day, month = value.get(f"{edge}_day"), value.get(f"{edge}_month")
            if bool(day) != bool(month):
                errors[f"{edge}_month"] = ValidationError(_("Give both day and month."))
            elif day:
                try:
                    oh.check_season((int(month), int(day)), None)
                except oh.OpeningHoursError:
                    errors[f"{edge}_day"] = ValidationError(_("This month has fewer days."))
        if bool(value.get("start_month")) != bool(value.get("end_month")) and not errors:
            errors["end_month"] = ValidationError(
                _("A season needs both a start and an end date, or neither.")
            )
        if not errors:
            missing = _weekdays_without_times(value["weekly"])
            if missing:
                # Drafts and autosave skip Wagtail's required-field checks, so this is
                # the only guard before the schedule is built from the stored value.
                errors["weekly"] = ValidationError(
                    _(
                        "%(weekdays)s ticked without opening and closing times. Enter the "
                        "times, or untick the day if the place is closed then."
                    )
                    % {"weekdays": ", ".join(str(oh.WEEKDAY_NAMES[day]) for day in missing)}
                )
        if not errors:
            try:
                oh.check_weekly(weekly_hours_from_block(value["weekly"]))
            except oh.OpeningHoursError as error:
                errors["weekly"] = ValidationError(error.message)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class OpeningHoursBlock(blocks.StreamBlock):
    season = SeasonBlock()

    class Meta:
        block_counts = {}


def _is_complete(range_value):
    return range_value.get("opens") is not None and range_value.get("closes") is not None


def _weekdays_without_times(weekly_values):
    """Weekdays ticked in a row whose time ranges are missing or half empty."""
    missing = set()
    for row in weekly_values:
        ranges = list(row.get("ranges") or [])
        if not ranges or not all(_is_complete(r) for r in ranges):
            missing.update(int(day) for day in row.get("days") or [])
    return sorted(missing)


def _time_range(value):
    closes = value["closes"]
    return oh.TimeRange(opens=value["opens"], closes=closes if closes else time(0, 0))


def weekly_hours_from_block(weekly_values):
    # Incomplete ranges (a draft saved before validation existed) are skipped, not a 500.
    return tuple(
        oh.WeeklyHours(
            weekdays=frozenset(int(day) for day in row["days"]),
            ranges=tuple(_time_range(r) for r in row["ranges"] if r.get("opens") is not None),
        )
        for row in weekly_values
    )


def season_from_block(value):
    start = (
        (int(value["start_month"]), int(value["start_day"])) if value.get("start_month") else None
    )
    end = (int(value["end_month"]), int(value["end_day"])) if value.get("end_month") else None
    return oh.Season(start=start, end=end, weekly=weekly_hours_from_block(value["weekly"]))


def opening_hours_stream(seasons):
    """Raw StreamField data from plain seasons, for importers, the demo and tests.

    `[{"start": (4, 1) or None, "end": (10, 31) or None,
       "weekly": [{"days": [0, 1], "ranges": [("10:00", "17:00")]}]}]`
    """
    blocks = []
    for season in seasons:
        start, end = season.get("start"), season.get("end")
        blocks.append(
            {
                "type": "season",
                "value": {
                    "start_month": str(start[0]) if start else None,
                    "start_day": start[1] if start else None,
                    "end_month": str(end[0]) if end else None,
                    "end_day": end[1] if end else None,
                    "weekly": [
                        {
                            "days": [str(day) for day in row["days"]],
                            "ranges": [
                                {"opens": opens, "closes": closes}
                                for opens, closes in row["ranges"]
                            ],
                        }
                        for row in season["weekly"]
                    ],
                },
            }
        )
    return blocks
