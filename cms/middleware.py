"""Anonymous page views are cacheable by browsers and shared caches; health probes answer first."""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from cms import views
from cms.http import accepts_gzip

PAGE_MAX_AGE = 300  # browsers revalidate after five minutes
PAGE_SHARED_MAX_AGE = 600  # a proxy/CDN may keep pages ten minutes


class PublicPageCacheMiddleware:
    """Marks successful anonymous HTML GETs as public; editors' views stay private.

    "Open now" changes by the minute, so pages refresh it with a small JSON call.
    Responses that already chose their caching (downloads, JSON, admin) are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated or request.path.startswith("/admin/"):
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code == 200 and not response.cookies:
            patch_cache_control(
                response, public=True, max_age=PAGE_MAX_AGE, s_maxage=PAGE_SHARED_MAX_AGE
            )
            patch_vary_headers(response, ["Cookie"])
        return response


# Wagtail's admin (and its page previews, which it serves under /admin/) rely on inline
# scripts and styles; the public site has none, for anonymous visitors and editors alike.
# The site's templates do not include Wagtail's user bar: editors reach the admin by its
# address, so nothing inline needs allowing on public pages.
ADMIN_CSP_RELAXED = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}


class AdminContentSecurityPolicyMiddleware:
    """Loosens script-src/style-src for the admin only; listed after CSPMiddleware.

    Signed-in editors used to get the looser policy on public pages too: an injected
    script in a page would then have run in exactly the sessions that can publish.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            replace = dict(getattr(response, "_csp_replace", None) or {})
            for directive, sources in ADMIN_CSP_RELAXED.items():
                replace.setdefault(directive, sources)
            response._csp_replace = replace
        return response


# Answers under these prefixes depend only on the URL (language by ?lang=), never on the
# visitor's cookies or Accept-Language header.
URL_ONLY_PREFIXES = ("/api/", "/tourism/", "/widgets/")


class UrlOnlyVaryMiddleware:
    """Drops Vary: Cookie/Accept-Language that session and locale middleware add by habit.

    Listed first (it sees the response last). With those Vary values, shared caches would
    keep one copy per cookie jar and browser language of the same API answer or download.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(URL_ONLY_PREFIXES) and response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip().lower() not in {"cookie", "accept-language"}
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Compresses public pages (7-12 KiB of HTML becomes 2-3 KiB on a rural mobile network).

    Only answers that carry no secret: compressing a page with a CSRF token or session data
    next to attacker-chosen text would allow BREACH-style guessing, so the admin and
    private (signed-in) answers stay as they are.
    """

    def process_response(self, request, response):
        if request.path.startswith("/admin/") or response.cookies:
            return response
        if "public" not in response.get("Cache-Control", ""):
            return response
        if not accepts_gzip(request):  # Django's own test also takes "gzip;q=0" as yes
            patch_vary_headers(response, ["Accept-Encoding"])
            return response
        return super().process_response(request, response)


class HealthCheckMiddleware:
    """Answers /healthz and /readyz before host validation and the HTTPS redirect.

    Listed first. Load balancers and process supervisors probe over plain HTTP with an
    address as Host header, which ALLOWED_HOSTS and SECURE_SSL_REDIRECT would answer with
    400 or 301 instead of the site's state.
    """

    ENDPOINTS = {"/healthz": views.healthz, "/readyz": views.readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = self.ENDPOINTS.get(request.path_info)
        if endpoint is not None:
            return endpoint(request)
        return self.get_response(request)
