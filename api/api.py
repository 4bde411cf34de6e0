"""The NinjaAPI instance: routers, error handlers and the OpenAPI description."""

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import ValidationError

from api import keys
from api.endpoints import categories, events, notices, points_of_interest, routes, search
from api.errors import ApiError
from cms.http import json_error

DESCRIPTION = f"""Open data of {settings.TOWN_NAME}: points of interest, routes and events,
in German, English and Polish. Read-only, no key needed, CORS open, data licensed as stated in
each answer (`licence`). Errors come as `{{"error": code, "detail": message}}`.

Partners may send their key as the `{keys.HEADER}` header (or `?{keys.QUERY_PARAMETER}=`): their
requests then count against the partner's own rate limit instead of the per-address one. An
unknown or switched-off key is refused with 401; a key sent by a browser from a site outside the
partner's allowed origins with 403."""

# Every operation: no key, or a key in the header or in the query (OpenAPI 3: `{}` is "none").
KEY_SECURITY = [{}, {"partnerKeyHeader": []}, {"partnerKeyQuery": []}]
KEY_SCHEMES = {
    "partnerKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": keys.HEADER,
        "description": "Optional partner key: the partner's rate limit and usage counts.",
    },
    "partnerKeyQuery": {
        "type": "apiKey",
        "in": "query",
        "name": keys.QUERY_PARAMETER,
        "description": f"The same key, for tools that can only be given a URL; "
        f"prefer the `{keys.HEADER}` header.",
    },
}
# Every operation declares its 400/404/429 with schemas.Error, so ninja defines it.
ERROR_SCHEMA = "#/components/schemas/Error"
KEY_ERRORS = {
    401: "The API key is unknown or switched off.",
    403: "The API key may not be used from the browser's origin.",
}


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """Ninja's description, plus the optional key and its errors on every operation."""
        schema = super().get_openapi_schema(**kwargs)
        schema["components"].setdefault("securitySchemes", {}).update(KEY_SCHEMES)
        for methods in schema["paths"].values():
            for operation in methods.values():
                operation["security"] = list(KEY_SECURITY)
                for status, description in KEY_ERRORS.items():
                    operation["responses"][status] = {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": ERROR_SCHEMA}}},
                    }
        return schema


api = OpenDataAPI(
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
api.add_router("/notices", notices.router)


# Where ninja found the problem, or the view argument holding a parameter schema.
IGNORED_LOC = {"query", "path", "params"}


@api.exception_handler(ApiError)
def api_error(request, error):
    return json_error(error.status, error.code, error.detail, error.headers)


@api.exception_handler(ValidationError)
def validation_error(request, error):
    """400 (not ninja's 422) naming each bad parameter and why."""
    problems = []
    for item in error.errors:
        # ("query", "limit") names a parameter; ("query", "params") a whole parameter schema.
        name = ".".join(str(part) for part in item.get("loc", ()) if part not in IGNORED_LOC)
        message = str(item.get("msg", "invalid value")).removeprefix("Value error, ")
        problems.append(f"{name}: {message}" if name else message)
    return json_error(400, "bad_request", "; ".join(problems) or "Invalid request.")


@api.exception_handler(Http404)
def page_not_found(request, error):
    return json_error(404, "not_found", str(error) or "Not found.")
