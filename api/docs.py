"""A readable page about the API, rendered from the same OpenAPI description partners get.

Ninja's own docs page loads Swagger UI, which calls third-party servers; this one is
plain HTML from our server, like the rest of the site.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from api.api import api


def index(request, **kwargs):
    """`/api/v1/`: where the endpoints and their description are."""

    def url(name):
        return request.build_absolute_uri(reverse(f"api_v1:{name}"))

    return JsonResponse(
        {
            "openapi": url("openapi-json"),
            "docs": url("docs"),
            "points_of_interest": url("points_of_interest"),
            "routes": url("routes"),
            "events": url("events"),
            "categories": url("categories"),
            "search": url("search"),
            "licence": settings.TOURISM_DATA_LICENCE,
        }
    )


def documentation(request):

    schema = api.get_openapi_schema()
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            responses = operation.get("responses", {})
            success = responses.get(200) or responses.get("200") or {}
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [_parameter(item) for item in operation.get("parameters", [])],
                    "media_types": list(success.get("content", {})),
                    "statuses": sorted(str(code) for code in responses),
                }
            )
    response = render(
        request,
        "api/docs.html",
        {
            "title": schema["info"]["title"],
            "description": schema["info"].get("description", ""),
            "operations": operations,
            "openapi_url": reverse("api_v1:openapi-json"),
        },
    )
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


def _parameter(item):
    schema = item.get("schema", {})
    choices = schema.get("enum")
    if choices is None:
        for option in schema.get("anyOf", []):
            choices = choices or option.get("enum")
    kind = schema.get("type") or next(
        (option.get("type") for option in schema.get("anyOf", []) if option.get("type") != "null"),
        "",
    )
    bounds = [
        f"{label} {schema[key]}"
        for key, label in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"))
        if key in schema
    ]
    if "maxLength" in schema:
        bounds.append(f"at most {schema['maxLength']} characters")
    return {
        "name": item["name"],
        "where": item.get("in", ""),
        "required": item.get("required", False),
        "type": kind,
        "choices": choices or [],
        "default": schema.get("default"),
        "bounds": ", ".join(bounds),
        "description": item.get("description") or schema.get("description", ""),
    }
