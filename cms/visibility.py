"""May an anonymous visitor see this page? The one rule for every page that shows another.

A page is public when it is live, not expired (by flag or by `expire_at`), neither it nor an
ancestor carries a view restriction (password, login, groups), and it lies in a site's tree.
Whatever renders or serializes another page (stops, venues, teasers, lists, feeds, the API,
widgets, search, sitemaps) filters with `public_pages(queryset)` / `public_q(prefix)` or asks
`is_public(page)`; nobody checks `live` alone.

The restricted sections and site roots are few: they are read in one query, kept in the cache
until a restriction, a site or a page move changes them, and remembered for the rest of the
request, so a list of a thousand stops costs no query per stop.
"""

import contextlib
import threading

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from cms import page_cache

CACHE_KEY = "visibility:sections"
CACHE_SECONDS = 24 * 3600

_request_memo = threading.local()


def _load_sections():
    """(restricted paths, site root paths), both without paths below another in the list."""
    rows = Page.objects.filter(
        Q(view_restrictions__isnull=False) | Q(sites_rooted_here__isnull=False)
    ).values_list("path", "view_restrictions", "sites_rooted_here")
    restricted, roots = set(), set()
    for path, restriction, site in rows:
        if restriction is not None:
            restricted.add(path)
        if site is not None:
            roots.add(path)
    return _outermost(restricted), _outermost(roots)


def _outermost(paths):
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return tuple(kept)


def sections():
    """(restricted paths, site root paths): memoised for the request, cached between them,
    and kept in the process for anonymous requests while nothing at all has changed (every
    change of a restriction, site or page starts a new page-cache epoch, on commit too)."""
    memo = getattr(_request_memo, "sections", None)
    if memo is None:
        kept = page_cache.kept_in_process()
        memo = kept.get(CACHE_KEY) if kept is not None else None
        if memo is None:
            memo = cache.get(CACHE_KEY)
        if memo is None:
            memo = _load_sections()
            cache.set(CACHE_KEY, memo, timeout=CACHE_SECONDS)
        if kept is not None:
            kept[CACHE_KEY] = memo
        # Outside a request (commands, shells) every call asks the shared cache again.
        if getattr(_request_memo, "in_request", False):
            _request_memo.sections = memo
    return memo


@contextlib.contextmanager
def same_sections():
    """Within: `sections()` is read once, as in a request (a search outside one, such as
    the API's or a benchmark's, filters five page types and would ask the cache five times)."""
    if getattr(_request_memo, "in_request", False):
        yield
        return
    _request_memo.in_request = True
    try:
        yield
    finally:
        _request_memo.in_request = False
        _request_memo.sections = None


def forget():
    """Restrictions, sites or paths changed: read them afresh (here and in other processes)."""
    _request_memo.sections = None
    cache.delete(CACHE_KEY)


def public_q(prefix="", now=None):
    """A Q for rows whose page (reached through `prefix`, e.g. "venue__") is public."""
    now = now or timezone.now()
    restricted, roots = sections()
    q = Q(
        **{
            f"{prefix}live": True,
            f"{prefix}expired": False,
        }
    ) & (Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now}))
    for path in restricted:
        q &= ~Q(**{f"{prefix}path__startswith": path})
    in_a_site = Q(pk__in=[])
    for path in roots:
        in_a_site |= Q(**{f"{prefix}path__startswith": path})
    return q & in_a_site


def public_pages(queryset, now=None):
    """`queryset` (of pages) narrowed to what anonymous visitors may see."""
    # A list of pages of this type changes when any of them is published, even while it
    # is empty (and so loads none whose tags a stored page or fragment would keep).
    page_cache.depends_on_type(queryset.model)
    return queryset.filter(public_q(now=now))


def is_public(page, now=None):
    """May an anonymous visitor see `page`? No query once the request knows the sections."""
    if page is None or not page.live or page.expired:
        return False
    if page.expire_at is not None and page.expire_at <= (now or timezone.now()):
        return False
    restricted, roots = sections()
    path = page.path
    if any(path.startswith(section) for section in restricted):
        return False
    return any(path.startswith(root) for root in roots)


def _changed(**kwargs):
    forget()
    # A request that read the old rows before the change committed may have stored them,
    # in the cache and in its process: drop both, the shared copy first.
    transaction.on_commit(_forget_everywhere)


def _forget_everywhere():
    forget()
    page_cache.new_epoch()


def _request_started(**kwargs):
    _request_memo.sections = None
    _request_memo.in_request = True


def _request_finished(**kwargs):
    _request_memo.sections = None
    _request_memo.in_request = False


def connect_signals():
    for model in (PageViewRestriction, Site):
        post_save.connect(_changed, sender=model, dispatch_uid=f"visibility_{model.__name__}_save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"visibility_{model.__name__}_del")
    post_page_move.connect(_changed, dispatch_uid="visibility_page_move")
    request_started.connect(_request_started, dispatch_uid="visibility_request_started")
    request_finished.connect(_request_finished, dispatch_uid="visibility_request_finished")
