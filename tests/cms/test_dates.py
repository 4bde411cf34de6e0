"""Dates with weekdays as each language writes them, not one German pattern for all."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.formats import date_format

from cms.dates import weekday_date, weekday_name

SECOND_SUNDAY_OF_ADVENT = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "Sonntag, 6. Dezember"),
        ("en", "Sunday, 6 December"),
        ("pl", "niedziela, 6 grudnia"),
    ],
)
def test_weekday_date_per_language(language, expected):
    with translation.override(language):
        assert weekday_date(SECOND_SUNDAY_OF_ADVENT) == expected


def test_polish_weekday_inside_a_sentence_is_lower_case():
    with translation.override("pl"):
        assert weekday_name(SECOND_SUNDAY_OF_ADVENT) == "niedziela"
    with translation.override("de"):
        assert weekday_name(SECOND_SUNDAY_OF_ADVENT) == "Sonntag"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "6. Dezember 2026"), ("en", "6 December 2026"), ("pl", "6 grudnia 2026")],
)
def test_long_dates_use_the_day_month_order_of_europe(language, expected):
    with translation.override(language):
        assert date_format(SECOND_SUNDAY_OF_ADVENT, "DATE_FORMAT") == expected
