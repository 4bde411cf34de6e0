from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import sitemaps, views

# Admin, documents, sitemap and machine endpoints stay outside the language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap_file, name="sitemap_file"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # Browsers ask for /favicon.ico whatever the page says; send them to the real icon.
    path("favicon.ico", views.favicon),
    # Answered by cms.middleware.HealthCheckMiddleware before host checks; listed here too.
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("tourism/", include("tourism.urls")),
    # The open data API: language by ?lang=, JSON errors, CORS (api/, docs/api.md).
    path("api/v1/", include("api.urls")),
    # Widgets for partners' iframes and their loader script; only these may be framed
    # by other sites (widgets/, docs/widgets.md).
    path("widgets/", include("widgets.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Like production (README, "Media"): only images straight from the folder; documents
    # and GPX files only through their views, which check who may see them.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Before Wagtail's catch-all: /de/suche/, /en/search/ and /<lang>/search/suggest/.
    path("", include("search.urls")),
    # The widget configurator: /de/partner/widgets/, /en/partners/widgets/ …
    path("", include("widgets.configurator_urls")),
    # Notices and closures: /de/hinweise/, /en/notices/ and their Atom feeds.
    path("", include("tourism.notice_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
