"""/api/v1/categories: the slugs the `category` parameter understands."""

from django.conf import settings
from django.utils import translation
from ninja import Query, Router

from api import schemas
from api.params import CategoryParams
from pages.models import EventCategory
from tourism.models import PointOfInterestCategory

router = Router(tags=["categories"])


@router.get(
    "",
    response={200: schemas.CategoryList, 400: schemas.Error, 429: schemas.Error},
    url_name="categories",
    operation_id="list_categories",
    summary="List categories of points of interest and events",
)
def list_categories(request, params: Query[CategoryParams]):
    with translation.override(params.lang):
        results = [
            {"slug": category.slug, "name": category.name, "applies_to": "points-of-interest"}
            for category in PointOfInterestCategory.objects.all()
        ] + [
            {"slug": category.slug, "name": category.name, "applies_to": "events"}
            for category in EventCategory.objects.all()
        ]
    return {
        "count": len(results),
        "next": None,
        "previous": None,
        "licence": settings.TOURISM_DATA_LICENCE,
        "results": results,
    }
