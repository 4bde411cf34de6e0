from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from tourism.models import (
    MapFeature,
    Notice,
    PointOfInterestCategory,
    PointOfInterestIndexPage,
    PointOfInterestPage,
    RouteIndexPage,
    RoutePage,
    RouteStop,
    SpecialOpeningDay,
    notices,
    points_of_interest,
    routes,
)


@register(PointOfInterestCategory)
class PointOfInterestCategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(PointOfInterestIndexPage)
class PointOfInterestIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(PointOfInterestPage)
class PointOfInterestPageTranslation(TranslationOptions):
    fields = points_of_interest.TRANSLATED_FIELDS


@register(SpecialOpeningDay)
class SpecialOpeningDayTranslation(TranslationOptions):
    fields = ("note",)


@register(RouteIndexPage)
class RouteIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(RoutePage)
class RoutePageTranslation(TranslationOptions):
    fields = routes.TRANSLATED_FIELDS


@register(RouteStop)
class RouteStopTranslation(TranslationOptions):
    fields = ("note",)


@register(MapFeature)
class MapFeatureTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(Notice)
class NoticeTranslation(TranslationOptions):
    fields = notices.TRANSLATED_FIELDS
    required_languages = ("de",)
