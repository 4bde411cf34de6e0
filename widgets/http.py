"""Headers of widget pages: who may frame them, caching, no cookies, a strict policy.

Every other page keeps `X-Frame-Options: DENY` and `frame-ancestors 'none'` from the
settings; only the views here replace them.
"""

import base64
import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

ANYWHERE = ["*"]
WIDGET_MAX_AGE = 300  # browsers: five minutes, like the site's pages
WIDGET_SHARED_MAX_AGE = 600
ERROR_MAX_AGE = 60  # a fixed snippet shows up within a minute
LOADER_MAX_AGE = 365 * 24 * 3600  # a version never changes (see loader.py)


def style_hash(css):
    """The CSP source that allows exactly one inline <style> with the text `css`."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def widget_headers(request, response, ancestors, inline_css, language):
    """Frameable by `ancestors`, cacheable by anyone, tighter scripts and styles than the site."""
    # django-csp reads this attribute (its csp_replace decorator sets the same one); the
    # ancestors depend on the partner key, which a decorator could not know.
    response._csp_replace = {
        "frame-ancestors": list(ancestors),
        "script-src": ["'self'"],
        "style-src": ["'self'", style_hash(inline_css)],
        "form-action": ["'none'"],
    }
    response.xframe_options_exempt = True
    response["Content-Language"] = language
    response["X-Robots-Tag"] = "noindex"
    if response.status_code == 200:
        patch_cache_control(
            response, public=True, max_age=WIDGET_MAX_AGE, s_maxage=WIDGET_SHARED_MAX_AGE
        )
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)
    patch_cache_control(response, public=True, max_age=ERROR_MAX_AGE, s_maxage=ERROR_MAX_AGE)
    if response.status_code == 404:
        # LocaleMiddleware would "fix" a 404 outside i18n_patterns by redirecting to
        # /de/widgets/…, where Wagtail's catch-all answers with a page that may not be framed.
        request.urlconf = "widgets.urlconf"
    return response


def loader_headers(response):
    patch_cache_control(response, public=True, max_age=LOADER_MAX_AGE, immutable=True)
    # Subresource Integrity on a cross-origin script needs a CORS answer; never credentials.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
