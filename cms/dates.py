"""Dates with their weekday, written the way each language writes them.

Django has no format for "weekday, day month", and one pattern for all languages is wrong
in all but one: German "Sonntag, 6. Dezember", English "Sunday, 6 December", Polish
"niedziela, 6 grudnia" (month in the genitive, "E", weekday in lower case).
"""

from django.utils import translation
from django.utils.formats import date_format

WEEKDAY_DATE_FORMATS = {"de": "l, j. F", "en": "l, j F", "pl": "l, j E"}
# Languages that write weekday names in lower case inside a sentence or a list.
LOWER_CASE_WEEKDAYS = {"pl"}
FALLBACK_LANGUAGE = "en"


def _language():
    return (translation.get_language() or FALLBACK_LANGUAGE).split("-")[0]


def _cased(text, language):
    return text[:1].lower() + text[1:] if language in LOWER_CASE_WEEKDAYS else text


def weekday_date(day) -> str:
    """ "Sonntag, 6. Dezember" / "Sunday, 6 December" / "niedziela, 6 grudnia"."""
    language = _language()
    pattern = WEEKDAY_DATE_FORMATS.get(language, WEEKDAY_DATE_FORMATS[FALLBACK_LANGUAGE])
    return _cased(date_format(day, pattern), language)


def weekday_name(day) -> str:
    """The weekday as it stands inside a sentence: "Sonntag", "Sunday", "niedziela"."""
    return _cased(date_format(day, "l"), _language())
