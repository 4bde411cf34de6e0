"""Settings shared by every environment; safe for production on their own.

Everything that differs between machines comes from environment variables,
each listed in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=""):
    """The variable's value; unset or empty means the default (.env.example leaves many
    empty, and an empty STATIC_ROOT would otherwise be the current folder)."""
    return os.environ.get(name, "").strip() or default


VAR_DIR = Path(env("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Only dev/test settings provide a fallback; production.py refuses to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps it translates and
    # before django.contrib.admin/wagtail so its migrate/makemigrations win.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "cms",
    "media",
    "tourism",
    "partners",
    "api",
    "widgets",
    "pages",
    "translations",
    "search",
    "demo",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "cms.middleware.HealthCheckMiddleware",
    "cms.middleware.UrlOnlyVaryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # NUL bytes, broken encodings and oversized values get a 400 before any cache or query.
    "cms.input_gate.InputGateMiddleware",
    "cms.middleware.PublicGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors get stored pages; before sessions, so a hit costs almost nothing.
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "cms.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.middleware.AdminContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Paths whose apps show the input gate's refusal themselves (cms/input_gate.py).
INPUT_GATE_PAGES = {"/widgets/": "widgets.views.refused_input"}

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cms.context_processors.site_context",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is tested before each request reuses it: after a database
        # restart the request reconnects instead of failing with a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails the request after 5 s instead of holding the worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh checkout has no var/ yet; SQLite cannot create the file's folder itself.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Concurrent readers while another process writes. Connections are kept as for
    # PostgreSQL: a new one costs more than an uncached page (~2.5 ms: Django registers
    # its SQL functions, SQLite reads the schema of ~150 tables).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis answers in a millisecond; a quarter second means it is gone or hung. After a failure
# the cache is skipped for CACHE_RETRY_AFTER seconds (cms/cache.py, docs/operations.md).
CACHE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.25"))
CACHE_RETRY_AFTER = float(os.environ.get("CACHE_RETRY_AFTER", "15"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.CircuitBreakerRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "stadtcms"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": CACHE_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": CACHE_TIMEOUT_SECONDS,
                # A cache outage must slow the site down, not take it down.
                "IGNORE_EXCEPTIONS": True,
                "CIRCUIT_RETRY_AFTER": CACHE_RETRY_AFTER,
            },
        }
    }
else:
    # Pages, stored fragments and their tags: far more than Django's default 300 entries.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Full pages for anonymous visitors (cms/page_cache.py): at most this long, less when a
# page says so (opening status), and dropped as soon as anything it showed changes. 0 = off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# A CDN or caching proxy in front of the site is told to drop a page when it is published
# or unpublished (Wagtail's frontend cache, HTTP PURGE to this address).
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
WAGTAILFRONTENDCACHE = (
    {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    if FRONTEND_CACHE_PURGE_URL
    else {}
)

# Pages per sitemap file (each page is listed once per language: 900 URLs with three, far
# below the protocol's 50 000); /sitemap.xml is the index, about 400 files for 100 000
# places. A file costs about what the demo's whole sitemap costs, whatever the region.
SITEMAP_PAGES_PER_FILE = 300

# --- Search -------------------------------------------------------------------
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Our own search (search/, docs/search.md): Elasticsearch when ELASTICSEARCH_URL is set,
# the database otherwise and whenever Elasticsearch is down or slower than the timeout.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "stadtcms-pages")
SEARCH_TIMEOUT_SECONDS = float(os.environ.get("SEARCH_TIMEOUT_SECONDS", "0.3"))
SEARCH_RETRY_AFTER = 30  # seconds the database answers alone after an Elasticsearch failure
SEARCH_NEAR_RADIUS_KM = 25
# After a change, searches keep the typo-correction words read before while one process
# reads them again in a thread (search/vocabulary.py); False: inside the request.
SEARCH_VOCABULARY_IN_BACKGROUND = True
# The search terms report (search.models.SearchQueryLog): distinct texts counted per day at
# most, and days kept by `manage.py prune_search_log` (run daily, docs/operations.md).
SEARCH_LOG_MAX_QUERIES_PER_DAY = 5000
SEARCH_LOG_KEEP_DAYS = 180
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
SEARCH_REFRESH_ON_WRITE = False  # tests switch it on to read their own writes

# --- Health (cms/health.py, docs/operations.md) ------------------------------------
# /healthz says the process serves; /readyz reports these checks, by dotted path so that
# cms imports no app. 503 only when a check in HEALTH_REQUIRED is down: without the
# database or the static files manifest no page works; without cache or search they do.
HEALTH_CHECKS = {
    "database": "cms.health.database_status",
    "static": "cms.health.static_files_status",
    "cache": "cms.health.cache_status",
    "search": "search.api.status",
}
HEALTH_REQUIRED = ("database", "static")
HEALTH_CHECK_TIMEOUT = 0.5  # seconds /readyz waits for all checks together

# --- Passwords ----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ----------------------------------------------------------------
# Adding a language: append it here and to MODELTRANSLATION_FALLBACK_LANGUAGES,
# then `manage.py makemigrations` and `manage.py migrate --noinput`
# (see docs/translation.md).
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("pl", _("Polish")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("de",),
    "en": ("de",),
    "pl": ("en", "de"),
}
# Editors write German first; other languages stay optional in the admin.
MODELTRANSLATION_ENABLE_FALLBACKS = True
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# Our translations tab groups the fields per language; the picker would hide them again
# behind "View / edit fields for" buttons.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False
LOCALE_PATHS = [BASE_DIR / "locale"]
# British rather than American English dates (cms/formats/en/formats.py).
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files -----------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
# cms/static is found as the cms app's static folder; listing it in STATICFILES_DIRS as well
# made collectstatic find every file twice.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cms.staticfiles.ManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))

# Uploads: Django keeps big bodies on disk; limits protect memory and disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Haldensleben")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media.CustomDocument"
# A 15 KB PNG of 121 megapixels passes Wagtail's default and costs ~0.6 GB per rendition.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# Decodes every upload once, so damaged or hostile files are form errors (media/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]  # no SVG
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "gpx", "zip"],
    *["mp4", "webm", "vtt"],  # self-hosted videos, e.g. German Sign Language
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024  # videos
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False  # languages come from modeltranslation, see above
# The slug field accepts what editors type; cms/slugs.py makes new pages' slugs ASCII
# with German rules (ä → ae, ß → ss), which the admin's JavaScript cannot.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_HITS_MAX_AGE = 30
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls home from the admin
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Gravatar would send a hash of each editor's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True

# --- The town -------------------------------------------------------------------
TOWN_NAME = os.environ.get("TOWN_NAME", "Haldensleben")
# The town's centre, for the home page's schema.org City and map defaults.
TOWN_LATITUDE = float(os.environ.get("TOWN_LATITUDE", "52.2897"))
TOWN_LONGITUDE = float(os.environ.get("TOWN_LONGITUDE", "11.4086"))
# Public holidays for opening hours: country and subdivision (ISO 3166-2 suffix).
TOWN_HOLIDAYS_COUNTRY = os.environ.get("TOWN_HOLIDAYS_COUNTRY", "DE")
TOWN_HOLIDAYS_SUBDIVISION = os.environ.get("TOWN_HOLIDAYS_SUBDIVISION", "ST")
# Licence of the open data we publish about places, routes and events.
TOURISM_DATA_LICENCE = os.environ.get("TOURISM_DATA_LICENCE", "CC-BY-4.0")
# Where to report a vulnerability, served as /.well-known/security.txt (RFC 9116):
# mailto: or https: addresses, comma-separated; a bare e-mail address means mailto:.
SECURITY_CONTACTS = [
    contact if ":" in contact else f"mailto:{contact}" for contact in env_list("SECURITY_CONTACT")
]
# Uploaded GPX files are read in a child process with these limits (tourism/gpx_sandbox.py);
# the largest allowed file needs about a second.
GPX_PARSE_SECONDS = float(env("GPX_PARSE_SECONDS", "5"))
GPX_PARSE_MEMORY_MB = int(env("GPX_PARSE_MEMORY_MB", "512"))

# --- Open API (/api/v1/, api/, docs/api.md) ------------------------------
# Browsers may keep an answer a minute, shared caches (a CDN) five: a published change
# reaches partners within minutes while bursts from many sites hit the cache, not us.
API_CACHE_MAX_AGE = 60
API_CACHE_SHARED_MAX_AGE = 300
# Fixed windows. Requests without a key count per client address; a valid partner key
# (partners/) counts instead against that partner's limit, shared by all addresses.
API_RATE_LIMIT_WINDOW = 60  # seconds
API_RATE_LIMIT_PER_IP = 120  # requests per window
API_RATE_LIMIT_PER_KEY = 600  # requests per window, for partners without their own limit
# Behind our own reverse proxy, the client address is the last X-Forwarded-For entry;
# leave False unless such a proxy sets it, or clients can pick their own address.
API_TRUST_X_FORWARDED_FOR = False
# Public endpoints that cost a query per request, per client address and window
# (cms/ratelimit.py); a visitor typing in the search box sends a suggestion per key.
PUBLIC_RATE_LIMIT_WINDOW = 60  # seconds
PUBLIC_RATE_LIMITS = {"search": 60, "suggest": 300, "widget": 600}

# --- Maps ---------------------------------------------------------------------
# Detailed maps load tiles from here only after the visitor asks for them.
# With a self-hosted tile server (same origin or your own host) set
# MAP_TILES_SELF_HOSTED=true and detailed maps load directly.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende',
)
MAP_TILES_SELF_HOSTED = env_bool("MAP_TILES_SELF_HOSTED", False)


def _origin(url):
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


MAP_TILE_ORIGIN = _origin(MAP_TILE_URL)

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        # No inline code on the public site; the admin gets 'unsafe-inline' from
        # cms.middleware.AdminContentSecurityPolicyMiddleware.
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Background task and publish chatter is noise in commands and logs.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}
