"""Small helpers around the site's languages (django-modeltranslation)."""

from django.conf import settings
from django.utils import translation


def fallback_chain(language):
    """The language and the languages its visitors read when a text is missing (pl → en → de)."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    return [language, *fallbacks.get(language, fallbacks.get("default", ()))]


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def translated_field_names(*fields):
    """`("alt_text_de", "alt_text_en", …)`: every language's column of each field."""
    return tuple(f"{field}_{code}" for field in fields for code in language_codes())


def page_url_in(page, language):
    """The URL of `page` in another language, so the switcher keeps visitors on it."""
    with translation.override(language):
        return page.get_url()
