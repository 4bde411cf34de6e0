"""Local development and `make demo`: debug on, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1"]  # noqa: F405
# Plain static storage so the dev server works without collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The dev server answers each request in a new thread; kept SQLite connections (and
    # their file handles) would pile up until garbage collection.
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# The demo loader may create a login for the demo admin; production never does.
DEMO_ADMIN_ALLOWED = True
