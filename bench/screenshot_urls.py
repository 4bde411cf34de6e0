"""The site's URLs plus the demo's images from the media folder (bench/screenshot_settings.py)."""

from pathlib import Path

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import handler404, handler500  # noqa: F401 (Django looks them up here)
from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(
        rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?:original_)?images/.*)$",
        serve,
        {"document_root": Path(settings.MEDIA_ROOT)},
    ),
    *site_urlpatterns,
]
