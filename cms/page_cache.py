"""A full-page cache for anonymous visitors, invalidated by what each page showed.

While a page renders, every model instance it loads (the page itself, the places on a route,
an event's venue, images, categories, menu pages) leaves a tag behind; the cached copy keeps
the version of each tag at render time. A change to one of those objects (publish,
unpublish, move, delete, save) bumps its tags, and the next visitor gets a fresh render.
Publishing a page of some type also bumps that type's tag, because lists, "nearby" and
teasers may now show it. Pages whose content depends on the clock (opening status, "today")
say when they expire (`expire_at`). Editors, previews, forms and anything with a cookie never
read or fill the cache.

With several server processes the cache must be shared (Redis): a local-memory cache is
per process, so other processes would keep their copy until it expires (at most
PAGE_CACHE_SECONDS).
"""

import contextlib
import contextvars
import hashlib
import logging
import math
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

logger = logging.getLogger(__name__)

KEY_PREFIX = "page-cache"
# Besides public HTML pages, downloads under these paths are stored.
STORED_DOWNLOADS = ("/tourism/",)
STORED_HEADERS_SKIPPED = {"set-cookie", "date"}
# Saving these says nothing about what visitors see (and listening to their deletes would
# keep Django from deleting them in bulk).
IGNORED_MODELS = {
    "sessions.session",
    "admin.logentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailsearch.indexentry",
    "tourism.openingperiod",
    "tourism.openingcalendar",
}
# Translation states bump their page themselves, once per save rather than once per row.
IGNORED_APPS = {
    "search",
    "partners",
    "translations",
    "contenttypes",
    "auth",
    "wagtailadmin",
    "wagtailusers",
}
# Every stored page carries this tag: changes that may touch any page (a view restriction
# on a section, the site's root) bump it instead of working out which pages they touch.
EVERYTHING = "all"
# Fragments (menu, footer) are dropped by their tags; the lifetime only bounds memory.
FRAGMENT_SECONDS = 24 * 3600


@dataclass
class Dependencies:
    tags: set = field(default_factory=lambda: {EVERYTHING})
    expires_at: float | None = None


_collecting = contextvars.ContextVar("page_cache_dependencies", default=None)
# Tag versions read during one anonymous request: the page and each of its fragments
# share most of their tags, and each would otherwise read them all again.
_versions = contextvars.ContextVar("page_cache_tag_versions", default=None)
# Every bump also sets this key. While it holds the same value, no tag has changed since,
# so the versions this process has read stay true from one request to the next: a request
# then reads one key instead of every tag of its page (70–100 on a place or a route).
EPOCH_KEY = f"{KEY_PREFIX}:epoch"
# The process's versions, as (epoch, {tag: version}, {key: fragment entry}); replaced when
# the epoch moves on. Stored HTML fragments are kept here too, already unpickled (a fresh
# entry stays fresh while no tag changes; its expiry is still checked on every use).
_process_versions = (None, {}, {})
_fragments = contextvars.ContextVar("page_cache_fragments", default=None)
# Tags bumped in the current transaction, bumped once more when it commits (`bump`).
_pending = threading.local()
# Beyond this many tags or fragments (a crawler walking a whole region) the process
# starts afresh.
PROCESS_VERSIONS_LIMIT = 50_000
PROCESS_FRAGMENTS_LIMIT = 2_000


@contextlib.contextmanager
def collecting():
    """Record what is loaded (and until when it holds) while the block runs."""
    outer = _collecting.get()
    dependencies = Dependencies()
    token = _collecting.set(dependencies)
    try:
        yield dependencies
    finally:
        _collecting.reset(token)
        if outer is not None:
            # A fragment built inside a page: the page depends on it all the same.
            outer.tags.update(dependencies.tags)
            if dependencies.expires_at is not None:
                outer.expires_at = min(
                    outer.expires_at or dependencies.expires_at, dependencies.expires_at
                )


def expire_at(moment):
    """The page being rendered is stale at `moment` (a timezone-aware datetime)."""
    dependencies = _collecting.get()
    if dependencies is not None and moment is not None:
        timestamp = moment.timestamp()
        if dependencies.expires_at is None or timestamp < dependencies.expires_at:
            dependencies.expires_at = timestamp


def cached_fragment(name, build, with_page_so_far=False, unless=None, shared=False):
    """`build()`'s value, shared between requests until anything it loaded changes.

    For the pieces every page repeats (menu, footer): the value is stored with the tags of
    what it loaded (and the moment it goes stale, `expire_at`), and a page that shows a
    stored fragment depends on the same tags.

    `with_page_so_far`: the fragment is rendered from objects the page loaded before it
    (the page itself, its images …), which `build()` does not load again; it then also
    carries the tags and expiry collected for the page so far. Without a page being
    collected (editors, previews) such a fragment is built but not stored, as is any
    fragment for which `unless()` is true once it is built.

    A stored string (HTML) is also kept in the process while no tag changes; so is any
    value with `shared=True`, whose users promise only to read it: later requests get the
    very same object.
    """
    key = f"{KEY_PREFIX}:fragment:{name}"
    kept = _fragments.get()
    entry = kept.get(key) if kept is not None else None
    if entry is None or not _fresh(entry):
        entry = cache.get(key)
        if entry is not None and _fresh(entry):
            _keep(kept, key, entry, shared)
        else:
            entry = None
    if entry is not None:
        _add_to_current(entry["tags"], entry.get("expires_at"))
        return entry["value"]
    outer = _collecting.get()
    with collecting() as dependencies:
        value = build()
    if unless is not None and unless():
        return value
    if with_page_so_far:
        if outer is None:
            return value
        # `collecting()` has just merged the fragment's own tags into the page's.
        dependencies = outer
    tags = sorted(dependencies.tags)
    stored = {"value": value, "tags": _tag_versions(tags)}
    now = time.time()
    expires_at = dependencies.expires_at
    if with_page_so_far:
        # No staler than a stored page may be: lists that follow the clock (upcoming
        # events, scheduled expiry) say nothing about when they change.
        expires_at = min(expires_at or math.inf, now + settings.PAGE_CACHE_SECONDS)
    timeout = FRAGMENT_SECONDS
    if expires_at is not None:
        stored["expires_at"] = expires_at
        timeout = min(timeout, math.ceil(expires_at - now))
    if timeout > 0:
        cache.set(key, stored, timeout=timeout)
        _keep(kept, key, stored, shared)
    _add_to_current(tags)
    return value


def _keep(kept, key, entry, shared):
    """Keep a stored fragment in this process for the rest of the epoch.

    Strings, and values shared on purpose: others (objects, lists) could be changed by
    whoever uses them.
    """
    if kept is not None and (shared or isinstance(entry["value"], str)):
        if len(kept) >= PROCESS_FRAGMENTS_LIMIT:
            kept.clear()
        kept[key] = entry


def kept_in_process():
    """A dict this process keeps for the rest of the epoch (no change anywhere since), for
    values every anonymous request reads; None outside such a request."""
    return _fragments.get()


def versions_of(tags):
    """{tag: current version} to store beside something built from objects carrying `tags`."""
    return _tag_versions(sorted(tags))


def still_current(versions):
    """Whether nothing carrying one of the tags of `versions_of(...)` changed since."""
    return _fresh({"tags": versions})


def type_tags(tags):
    """The coarse part of `tags`: whole types (and everything), for a region-wide build
    whose thousands of page tags would cost more to check than to rebuild."""
    return {tag for tag in tags if tag == EVERYTHING or tag.startswith("type:")}


def _add_to_current(tags, expires_at=None):
    dependencies = _collecting.get()
    if dependencies is not None:
        dependencies.tags.update(tags)
        if expires_at is not None:
            dependencies.expires_at = min(dependencies.expires_at or expires_at, expires_at)


def depends_on(instance):
    """What is being built shows `instance`, loaded before the build began."""
    _add_to_current(instance_tags(instance))


def depends_on_pages(page_ids):
    """What is being built shows (or was found through) these pages."""
    _add_to_current({f"page:{pk}" for pk in page_ids})


def depends_on_type(model):
    """The page shows something about all objects of `model` (a count, a membership)."""
    dependencies = _collecting.get()
    if dependencies is not None:
        dependencies.tags.add(type_tag(model))


def type_tag(model):
    return f"type:{model._meta.concrete_model._meta.label_lower}"


def instance_tags(instance):
    if isinstance(instance, Page):
        return {f"page:{instance.pk}", type_tag(type(instance))}
    return {f"obj:{instance._meta.label_lower}:{instance.pk}", type_tag(type(instance))}


def _record_loaded_instance(sender, instance, **kwargs):
    dependencies = _collecting.get()
    if dependencies is not None and instance.pk is not None:
        dependencies.tags.update(instance_tags(instance))
        # A page is hidden from its expiry date on, before the scheduled-publishing job
        # unpublishes it: whatever shows it (menu, lists, teasers) is stale from then on.
        # One already past is hidden now and stays so (callers filter it out).
        expiry = instance.__dict__.get("expire_at") if isinstance(instance, Page) else None
        if expiry is not None and expiry > timezone.now():
            expire_at(expiry)


def _tag_key(tag):
    return f"{KEY_PREFIX}:tag:{tag}"


def _tag_versions(tags):
    """{tag: version} for `tags`, each read from the cache once per request (once per
    epoch and process for anonymous requests, see `_request_versions`).

    A version read at the start of the request and kept is at worst older than the
    cache's: what is stored with it is then simply stale at the next look.
    """
    memo = _versions.get()
    missing = list(tags) if memo is None else [tag for tag in tags if tag not in memo]
    found = {}
    if missing:
        stored = cache.get_many([_tag_key(tag) for tag in missing])
        found = {tag: stored.get(_tag_key(tag)) for tag in missing}
    if memo is None:
        return found
    memo.update(found)
    return {tag: memo[tag] for tag in tags}


def _request_versions():
    """(epoch, tag versions, kept fragments) a new request starts from: the process's,
    while the epoch stands.

    The epoch is read before any tag, and a bump writes it after its tags: a request that
    starts once a bump is done sees the new epoch and reads every tag afresh.
    """
    global _process_versions
    epoch = cache.get(EPOCH_KEY)
    if epoch is None:  # never bumped, cleared or evicted: a new epoch begins
        cache.add(EPOCH_KEY, time.time_ns(), timeout=None)
        epoch = cache.get(EPOCH_KEY)
        if epoch is None:  # the cache is unreachable
            return None, {}, None
    if _process_versions[0] != epoch or len(_process_versions[1]) > PROCESS_VERSIONS_LIMIT:
        _process_versions = (epoch, {}, {})
    return _process_versions


def bump(tags):
    """Invalidate every cached page that showed something carrying one of `tags`.

    Inside a transaction the tags are bumped again when it commits: a request that read
    the rows before the commit, with the versions of this bump, would otherwise keep its
    stale copy (of an unpublished page, say) as current.
    """
    _bump(tags)
    _bump_again_on_commit(tags)


def _bump_again_on_commit(tags):
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    pending = getattr(_pending, "tags", None)
    # A commit or rollback gives the connection a new list of hooks: ours ran or is gone.
    if pending is None or _pending.hooks is not connection.run_on_commit:
        pending = _pending.tags = set()
        transaction.on_commit(lambda: _bump(pending))
        _pending.hooks = connection.run_on_commit
    pending.update(tags)


def _bump(tags):
    if not tags:
        return
    # A fresh random-ish version per change; no read-modify-write race between processes.
    version = time.time_ns()
    cache.set_many({_tag_key(tag): version for tag in tags}, timeout=None)
    # After the tags (see `_request_versions`).
    new_epoch(version)
    memo = _versions.get()
    if memo is not None:
        memo.update(dict.fromkeys(tags, version))


def new_epoch(version=None):
    """Every process drops what it keeps (tag versions, fragments, `kept_in_process`)."""
    global _process_versions
    cache.set(EPOCH_KEY, version or time.time_ns(), timeout=None)
    _process_versions = (None, {}, {})


def own_tag(page_id):
    """The tag of the page itself only: unlike `page:<id>`, a change of one of its children
    leaves it alone. Whatever shows a page's URL carries it for each ancestor."""
    return f"own:{page_id}"


def bump_page(page, parent_path=None):
    """A page changed: it, lists of its type, and its parent's children lists are stale."""
    model = page.specific_class or type(page)
    tags = {f"page:{page.pk}", own_tag(page.pk), type_tag(model)}
    parent_path = parent_path or page.path[: -Page.steplen]
    if parent_path:
        # Lists of the parent's children, and pages that show the parent (breadcrumbs, menus).
        parent = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
        if parent is not None:
            tags.add(f"page:{parent}")
    bump(tags)


def _on_save_or_delete(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction | Site):
        bump({EVERYTHING})
    elif isinstance(instance, Page):
        bump_page(instance)
    else:
        bump(instance_tags(instance))


def _on_move(sender, instance, parent_page_before=None, **kwargs):
    bump_page(instance)
    if parent_page_before is not None:
        bump({f"page:{parent_page_before.pk}"})


def shown_to_visitors(model):
    return (
        model._meta.label_lower not in IGNORED_MODELS and model._meta.app_label not in IGNORED_APPS
    )


def connect_signals(models):
    post_init.connect(_record_loaded_instance, dispatch_uid="page_cache_record")
    for model in models:
        if shown_to_visitors(model):
            uid = f"page_cache_{model._meta.label_lower}"
            post_save.connect(_on_save_or_delete, sender=model, dispatch_uid=f"{uid}_save")
            post_delete.connect(_on_save_or_delete, sender=model, dispatch_uid=f"{uid}_del")
    post_page_move.connect(_on_move, dispatch_uid="page_cache_move")


def _request_is_cacheable(request):
    if not getattr(settings, "PAGE_CACHE_SECONDS", 0):
        return False
    if request.method != "GET" or request.path.startswith("/admin/"):
        return False
    # Signed-in editors (and anybody else with a session or CSRF cookie) render afresh.
    return not request.COOKIES


def _key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return f"{KEY_PREFIX}:page:{hashlib.sha256(url.encode()).hexdigest()}"


def _response_is_storable(request, response):
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    if getattr(request, "is_preview", False):
        return False
    if "public" not in response.get("Cache-Control", ""):
        return False
    if response.get("Content-Type", "").startswith("text/html"):
        return True
    # Downloads that only depend on content (the region's GeoJSON); never the API, whose
    # answers count against partner keys, nor minute-by-minute opening status.
    return request.path.startswith(STORED_DOWNLOADS) and not request.path.endswith("status.json")


def _stored(request, response, dependencies, now):
    lifetime = settings.PAGE_CACHE_SECONDS
    if dependencies.expires_at is not None:
        lifetime = min(lifetime, int(dependencies.expires_at - now))
    if lifetime <= 0:
        return
    tags = sorted(dependencies.tags)
    entry = {
        "content": response.content,
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in STORED_HEADERS_SKIPPED
        ],
        "tags": _tag_versions(tags),
        "stored_at": now,
        # Checked on every read: the cache's own expiry counts whole seconds (Redis) and
        # must not keep a page past the notice or opening change that ends it.
        "expires_at": now + lifetime,
    }
    cache.set(_key(request), entry, timeout=lifetime)


def _fresh(entry):
    if time.time() >= entry.get("expires_at", math.inf):
        return False
    tags = entry["tags"]
    if not tags:
        return True
    current = _tag_versions(tags)
    return all(current[tag] == version for tag, version in tags.items())


def _from_entry(entry, request):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["Age"] = str(max(0, int(time.time() - entry["stored_at"])))
    # A browser revalidating its copy gets 304, as from the view itself.
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors a stored copy while nothing it showed has changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        _epoch, versions, fragments = _request_versions()
        token, fragments_token = _versions.set(versions), _fragments.set(fragments)
        try:
            entry = cache.get(_key(request))
            if entry is not None and _fresh(entry):
                return _from_entry(entry, request)
            with collecting() as dependencies:
                response = self.get_response(request)
            if _response_is_storable(request, response):
                _stored(request, response, dependencies, time.time())
            return response
        finally:
            _versions.reset(token)
            _fragments.reset(fragments_token)
