"""Test settings: fast hashing, files under a temporary folder, real database."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "127.0.0.2"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="stadtcms-test-media-")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_ADMIN_ALLOWED = True
# Typo-correction words are read again inside the request that finds them stale, so a
# test sees its own pages at once (production reads them in a thread, search/vocabulary.py).
SEARCH_VOCABULARY_IN_BACKGROUND = False
