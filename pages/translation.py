from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from pages.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    events,
    home,
    standard,
)


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = home.TRANSLATED_FIELDS


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = standard.TRANSLATED_FIELDS


@register(NewsIndexPage)
class NewsIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(NewsPage)
class NewsPageTranslation(TranslationOptions):
    fields = ("teaser", "body")


@register(EventIndexPage)
class EventIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTranslation(TranslationOptions):
    fields = events.TRANSLATED_FIELDS


@register(EventCategory)
class EventCategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)
