"""Development settings with DEBUG off, for bench/screenshots.py: the 404 page is the one
visitors see, not Django's technical page. Static files come from `runserver --insecure`,
uploaded images from bench/screenshot_urls.py (cms/urls.py serves them only with DEBUG)."""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.screenshot_urls"
# The demo's own GPX tracks: a machine busy with other work must not stop the run at the
# upload limit's 5 s of wall time (each track is read in a child process).
GPX_PARSE_SECONDS = 120
