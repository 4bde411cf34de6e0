"""Which page a URL shows, remembered between requests.

Finding the page for `/de/sehenswertes/roland/` costs Wagtail three queries (the site, its
root page, the page by its path) before the page itself is loaded. The answer changes only
when a page on that path (or the site) changes, so it is kept as a cached fragment tagged
with the site, the page and its ancestors: publishing, unpublishing, moving or renaming any
of them bumps a tag and the next request routes afresh. A hit costs one query, for the page
itself (always loaded fresh, so what is shown is never stale).

That one query selects ~100 columns of a multilingual page and its parent tables; Django
compiles its SQL anew each time, which costs more than running it. The SQL and the way its
rows become a page are worked out once per page type and database connection
(`load_page`), then only executed.
"""

import hashlib
import weakref

from django.apps import apps
from django.db import connections, router
from django.db.models.query import get_related_populators
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Page, Site

from cms import page_cache

_original_route_for_request = Page.route_for_request


def _key(request, path):
    hostname = split_domain_port(request.get_host())[0]
    language = translation.get_language() or ""
    url = f"{hostname}:{request.get_port()}:{language}:{path}"
    return f"route:{hashlib.sha256(url.encode()).hexdigest()}"


def _consumed_components(site, page):
    """How many URL components lead from the site's root to `page`, or None."""
    root_path = site.root_page.url_path
    if not page.url_path.startswith(root_path):
        return None
    return len([part for part in page.url_path[len(root_path) :].split("/") if part])


def _resolve(request, path):
    """What to remember for this URL: the site and the page's identity, or None."""
    result = _original_route_for_request(request, path)
    if result is None:
        return None
    page = result[0]
    site = Site.find_for_request(request)
    consumed = _consumed_components(site, page)
    if consumed is None:
        return None
    ancestors = Page.objects.filter(
        path__in=[page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
    ).values_list("pk", flat=True)
    page_cache.depends_on_pages(ancestors)
    return {
        "site": site,
        "model": page.specific_class._meta.label,
        "pk": page.pk,
        "consumed": consumed,
    }


class _LoadPlan:
    """One page type's load by primary key, compiled for one database connection."""

    def __init__(self, model, related, connection, pk):
        queryset = model.objects.select_related(*related).filter(pk=pk).order_by()
        self.compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = self.compiler.as_sql()
        # Only a query whose one parameter is the key can be reused for another key.
        self.reusable = list(params) == [pk]
        select, klass_info = self.compiler.select, self.compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, connection.alias)
        self.converters = self.compiler.get_converters(
            [column[0] for column in select[: self.compiler.col_count]]
        )
        self.reusable = self.reusable and not self.compiler.annotation_col_map

    def load(self, connection, pk):
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [pk])
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        for row in rows:
            page = self.model.from_db(connection.alias, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, page)
            return page
        return None


# Per connection (one per thread): a compiled query holds its connection's operations.
_plans = weakref.WeakKeyDictionary()


def load_page(model, pk):
    """`model.objects.select_related(*model.served_with).filter(pk=pk).first()`, the SQL
    compiled once per page type and connection. A page type may name the related objects
    its own page always shows (`served_with`)."""
    related = tuple(getattr(model, "served_with", ()))
    connection = connections[router.db_for_read(model)]
    plans = _plans.setdefault(connection, {})
    plan = plans.get((model, related))
    if plan is None:
        plan = plans[(model, related)] = _LoadPlan(model, related, connection, pk)
    if not plan.reusable:
        return model.objects.select_related(*related).filter(pk=pk).first()
    return plan.load(connection, pk)


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, answered from the remembered route when it can."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    if request.method not in ("GET", "HEAD"):
        return _original_route_for_request(request, path)
    # Shared: the site and the page's identity are only read.
    remembered = page_cache.cached_fragment(
        _key(request, path), lambda: _resolve(request, path), shared=True
    )
    if remembered is None:
        return _original_route_for_request(request, path)
    page = load_page(apps.get_model(remembered["model"]), remembered["pk"])
    if page is None:
        return _original_route_for_request(request, path)
    request._wagtail_site = remembered["site"]
    components = [component for component in path.split("/") if component]
    try:
        request._wagtail_route_for_request = page.route(
            request, components[remembered["consumed"] :]
        )
    except Http404:
        return _original_route_for_request(request, path)
    return request._wagtail_route_for_request


def use_route_cache():
    Page.route_for_request = staticmethod(route_for_request)
