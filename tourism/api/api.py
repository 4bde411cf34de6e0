"""The NinjaAPI instance: routers, error handlers and the OpenAPI description."""

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import ValidationError

from tourism.api.endpoints import categories, events, points_of_interest, routes, search
from tourism.api.errors import ApiError
from tourism.api.http import error_response

DESCRIPTION = f"""Open data of {settings.TOWN_NAME}: points of interest, routes and events,
in German, English and Polish. Read-only, no key needed, CORS open, data licensed as stated in
each answer (`licence`). Errors come as `{{"error": code, "detail": message}}`."""

api = NinjaAPI(
    title=f"{settings.TOWN_NAME} open data API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api_v1",
    # Ninja's interactive docs load Swagger UI; /api/v1/docs is our own page (docs.py).
    docs_url=None,
)
api.add_router("/points-of-interest", points_of_interest.router)
api.add_router("/routes", routes.router)
api.add_router("/events", events.router)
api.add_router("/categories", categories.router)
api.add_router("/search", search.router)


# Where ninja found the problem, or the view argument holding a parameter schema.
IGNORED_LOC = {"query", "path", "params"}


@api.exception_handler(ApiError)
def api_error(request, error):
    return error_response(error.status, error.code, error.detail)


@api.exception_handler(ValidationError)
def validation_error(request, error):
    """400 (not ninja's 422) naming each bad parameter and why."""
    problems = []
    for item in error.errors:
        # ("query", "limit") names a parameter; ("query", "params") a whole parameter schema.
        name = ".".join(str(part) for part in item.get("loc", ()) if part not in IGNORED_LOC)
        message = str(item.get("msg", "invalid value")).removeprefix("Value error, ")
        problems.append(f"{name}: {message}" if name else message)
    return error_response(400, "bad_request", "; ".join(problems) or "Invalid request.")


@api.exception_handler(Http404)
def page_not_found(request, error):
    return error_response(404, "not_found", str(error) or "Not found.")
