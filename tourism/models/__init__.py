from tourism.models.categories import PointOfInterestCategory
from tourism.models.map_features import MapFeature
from tourism.models.notices import Notice, NoticeRoute
from tourism.models.opening_periods import OpeningCalendar, OpeningPeriod
from tourism.models.points_of_interest import (
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestPage,
    PointOfInterestTag,
    SpecialOpeningDay,
)
from tourism.models.routes import RouteIndexPage, RoutePage, RouteStop

__all__ = [
    "MapFeature",
    "Notice",
    "NoticeRoute",
    "OpeningCalendar",
    "OpeningPeriod",
    "PointOfInterestCategory",
    "PointOfInterestGalleryImage",
    "PointOfInterestIndexPage",
    "PointOfInterestPage",
    "PointOfInterestTag",
    "RouteIndexPage",
    "RoutePage",
    "RouteStop",
    "SpecialOpeningDay",
]
