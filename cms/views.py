"""Machine endpoints (robots, security.txt, health) and the error pages."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from cms import health


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


@require_GET
def security_txt(request):
    """RFC 9116: whom to tell about a vulnerability. Absent until the operator names someone."""
    if not settings.SECURITY_CONTACTS:
        raise Http404("No security contact is configured (SECURITY_CONTACT).")
    # The RFC wants an expiry under a year ahead; the file is made afresh, so it never lapses.
    expires = timezone.now().replace(microsecond=0) + timedelta(days=180)
    lines = [
        *(f"Contact: {contact}" for contact in settings.SECURITY_CONTACTS),
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: de, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def favicon(request):
    # Resolved per request: the hashed static name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@require_GET
def healthz(request):
    """Liveness: the process answers. Asks no database, cache or search engine, so a load
    balancer never takes a working site out because a dependency is slow."""
    response = JsonResponse({"status": "ok"})
    patch_cache_control(response, no_store=True)
    return response


@require_GET
def readyz(request):
    """Readiness: each dependency's state and latency. 503 only when the site cannot serve
    pages (the database is down); without cache or search engine pages still work."""
    checks = health.run_checks()
    down = [name for name, check in checks.items() if check["status"] == "down"]
    required_down = [name for name in down if name in settings.HEALTH_REQUIRED]
    if required_down:
        status = "down"
    elif down or any(check["status"] != "ok" for check in checks.values()):
        status = "degraded"
    else:
        status = "ok"
    response = JsonResponse(
        {"status": status, "checks": checks}, status=503 if required_down else 200
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
