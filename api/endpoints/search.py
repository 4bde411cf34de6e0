"""/api/v1/search: the site search (search.api), for partners' search boxes."""

from dataclasses import replace

from django.conf import settings
from django.utils import translation
from ninja import Query, Router

from api import filters, schemas
from api.errors import bad_request
from api.params import SearchParams
from pages.models import EventCategory
from search import api as site_search
from search.models import SearchQueryLog
from search.query import MAX_RESULT_WINDOW, SearchQuery
from tourism.models import PointOfInterestCategory

router = Router(tags=["search"])


@router.get(
    "",
    response={200: schemas.SearchList, 400: schemas.Error, 404: schemas.Error, 429: schemas.Error},
    url_name="search",
    operation_id="search",
    summary="Search points of interest, routes, events and pages",
)
def search(request, params: Query[SearchParams]):
    """Best matches first, in the requested language; `highlight` is HTML with `<mark>`."""
    if params.page * params.limit > MAX_RESULT_WINDOW:
        raise bad_request(f"page × limit must not exceed {MAX_RESULT_WINDOW}.")
    if params.category and not _known_category(params.category):
        raise bad_request(f"Unknown category “{params.category}”; /api/v1/categories lists them.")
    query_params = {
        "q": params.q,
        "type": params.type or "",
        "category": params.category or "",
        "kind": params.kind or "",
        "open": "1" if params.open_now else "",
    }
    query = SearchQuery.from_params(query_params, params.lang)
    query = replace(query, page=params.page, page_size=params.limit)
    results = site_search.search(query)
    if params.page == 1:  # partners' searches count in the editors' report, once per search
        SearchQueryLog.record_quietly(query.text, query.language, results.total)
    with translation.override(params.lang):
        hits = [
            {
                "type": hit.type,
                "id": hit.object.pk,
                "url": hit.object.get_full_url(request) or "",
                "title": hit.object.title,
                "highlight": str(hit.highlight),
                "licence": getattr(hit.object, "data_licence", settings.TOURISM_DATA_LICENCE),
                "updated_at": hit.object.last_published_at,
            }
            for hit in results.hits
        ]
    last_page = max(1, -(-results.total // params.limit))
    return {
        "count": results.total,
        "count_is_lower_bound": results.more,
        "next": filters.page_link(request, params.page + 1) if params.page < last_page else None,
        "previous": filters.page_link(request, params.page - 1) if params.page > 1 else None,
        "licence": settings.TOURISM_DATA_LICENCE,
        "did_you_mean": results.did_you_mean or "",
        "results": hits,
    }


def _known_category(slug):
    return (
        PointOfInterestCategory.objects.filter(slug=slug).exists()
        or EventCategory.objects.filter(slug=slug).exists()
    )
