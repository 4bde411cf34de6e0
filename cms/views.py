"""Machine endpoints (robots, health) and the error pages."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/suche/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _check(name, probe):
    try:
        probe()
    except Exception as error:  # any failure means "down"; the reason goes to the log
        logger.warning("health check %s failed: %s", name, error)
        return {"status": "down"}
    return {"status": "ok"}


def _probe_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _probe_cache():
    cache.set("healthz", "1", 5)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache did not return the value it stored")


def _search_status():
    # cms imports no app: the search app names its status function in the settings.
    try:
        return import_string(settings.HEALTH_SEARCH_STATUS)()
    except Exception as error:  # reported, never raised from the health check
        logger.warning("health check search failed: %s", error)
        return {"status": "degraded", "backend": "database"}


@require_GET
def favicon(request):
    # Resolved per request: the hashed static name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@require_GET
def healthz(request):
    checks = {
        "database": _check("database", _probe_database),
        "cache": _check("cache", _probe_cache),
        "search": _search_status(),
    }
    healthy = all(check["status"] == "ok" for check in checks.values())
    # A search answered from the database fallback is "degraded", not down: still 200.
    down = any(check["status"] == "down" for check in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "degraded", "checks": checks},
        status=503 if down else 200,
    )
    patch_cache_control(response, no_store=True)
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No database or template context processors here: the error may come from them.
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "de")}), status=500
    )
