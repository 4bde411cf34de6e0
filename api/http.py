"""HTTP around every API view: CORS, HEAD, keys, rate limits, conditional GET, caching, gzip.

Ninja answers the request; `api_view` wraps each of its views (and our own docs page)
so that all of `/api/v1/` behaves the same, unknown paths and other methods included.
"""

from datetime import datetime
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page

from api import keys, ratelimit
from cms.http import json_error
from partners import usage

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
# Headers a partner's script may send and read across origins.
ALLOWED_REQUEST_HEADERS = ("X-API-Key", "If-None-Match", "If-Modified-Since")
EXPOSED_RESPONSE_HEADERS = ("ETag", "Last-Modified", "Link", "Retry-After")
PREFLIGHT_MAX_AGE = 86400


def set_last_modified(request, moments):
    """Remember the newest of `moments` (datetimes or None) for the Last-Modified header."""
    known = [moment for moment in moments if moment is not None]
    if known:
        newest = max(known)
        previous = getattr(request, "api_last_modified", None)
        request.api_last_modified = max(newest, previous) if previous else newest


def api_view(view):
    """Wrap a view of `/api/v1/` with everything HTTP that all its answers share."""

    # Read-only and cookie-free: other methods get our 405, not the CSRF check's 403 page.
    @csrf_exempt
    @gzip_page
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_REQUEST_HEADERS)
            response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return _with_cors(response)
        if request.method not in ("GET", "HEAD"):
            response = json_error(
                405,
                "method_not_allowed",
                "The API is read-only: use GET, HEAD or OPTIONS.",
                {"Allow": ", ".join(ALLOWED_METHODS)},
            )
            return _with_cors(_no_store(response))
        key = keys.check(request)
        partner = key.partner
        refusal = ratelimit.check(request, partner)
        if refusal is not None:
            if partner is not None and refusal.first:
                usage.record_limit_reached(partner, "api")
            response = json_error(
                429,
                "rate_limited",
                f"Too many requests; try again in {refusal.retry_after} seconds.",
                {"Retry-After": str(refusal.retry_after)},
            )
            return _with_cors(_no_store(response))
        if key.error is not None:
            error = key.error
            response = json_error(error.status, error.code, error.detail, error.headers)
            return _with_cors(_no_store(response))

        head = request.method == "HEAD"
        if head:
            # Ninja routes GET only; HEAD is the same answer without its body.
            request.method = "GET"
        try:
            response = _conditional(request, view(request, *args, **kwargs))
        finally:
            if head:
                request.method = "HEAD"
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        if response.status_code == 404:
            # LocaleMiddleware would "fix" a 404 outside i18n_patterns by redirecting to
            # /de/api/…, where Wagtail's catch-all answers with an HTML page.
            request.urlconf = "api.urlconf"
        if partner is not None:
            usage.record_request(partner, "api")
        return _with_cors(response)

    return wrapper


def _conditional(request, response):
    if response.status_code != 200 or response.streaming:
        return _no_store(response) if response.status_code >= 400 else response
    last_modified = getattr(request, "api_last_modified", None)
    if isinstance(last_modified, datetime):
        response["Last-Modified"] = http_date(last_modified.timestamp())
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.API_CACHE_MAX_AGE,
            s_maxage=settings.API_CACHE_SHARED_MAX_AGE,
        )
    set_response_etag(response)
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )


def _no_store(response):
    # An error must not stick in a shared cache: a 429 there would lock out everyone.
    patch_cache_control(response, no_store=True)
    return response


def _with_cors(response):
    # Open data: any site may read it, never with the visitor's cookies.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_RESPONSE_HEADERS)
    response["X-Content-Type-Options"] = "nosniff"
    return response
