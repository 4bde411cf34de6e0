"""The admin's page explorer at regional scale.

Wagtail offers the owners of pages as a filter of the explorer and finds them with a
DISTINCT over every page's owner: a scan of the whole page table (100 000 places) on
each listing. Asking per user whether they own a page reads the owner index instead:
the same users, at a cost that grows with the number of users, not of pages.

The explorer's paginator counts the children it lists (a COUNT over 100 000 places
under the points-of-interest index). When it lists every child of the page, the tree
already knows how many there are (`numchild`, kept by treebeard on every add, move and
delete); `ExplorerPageViewSet` takes the count from there and leaves every other
listing (searched, filtered, or seen through narrower permissions) to Wagtail's count.

Wagtail also keeps the listing to the pages the user may explore with `id IN (SELECT id
FROM wagtailcore_page …)`; for a superuser that is every page, and SQLite built a list of
all 125 000 ids of a region and entered the listing through it. A user who may explore
the parent with one of the actions below may explore every page under it, so the listing
of its children drops that filter: the same pages, in the order of the parent's children.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

# A user with any of these on a page may explore all of its descendants
# (`PagePermissionPolicy.explorable_instances`).
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def page_owners(request):
    return get_user_model().objects.filter(Exists(Page.objects.filter(owner=OuterRef("pk"))))


def use_indexed_owner_filter():
    """Every page filter set shares the filter instance of Wagtail's `PageFilterSet`."""
    from wagtail.admin.views.pages.listing import PageFilterSet

    PageFilterSet.declared_filters["owner"].queryset = page_owners


def share_site_root_paths(pages, request):
    """Let every listed page reuse the site root paths the request has read.

    A page's `url` (the "view live" button of each row) reads them from the cache once
    per page object, as wagtail-modeltranslation keeps them on the object it is given,
    the page itself when there is no request.
    """
    Page._get_site_root_paths(Page(), request)
    kept = {
        name: value
        for name, value in vars(request).items()
        if name.startswith("_wagtail_cached_site_root_paths")
    }
    for page in pages:
        for name, value in kept.items():
            setattr(page, name, value)


class ExplorerIndexView(ExplorableIndexView):
    """The explorer's listing, counted from the tree when it shows all children."""

    @cached_property
    def lists_every_child(self):
        """Whether the listing is the parent's children, all of which the user may explore."""
        if self.is_searching or self.is_filtering:
            return False
        return self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, EXPLORE_ACTIONS, self.parent_page
        )

    def get_base_queryset(self):
        if not self.lists_every_child:
            return super().get_base_queryset()
        # Wagtail's queryset without `pk IN (the pages the user may explore)`: here that
        # is every child, and the filter only made the database collect all page ids.
        return self.annotate_queryset(self.model._default_manager.child_of(self.parent_page))

    def listed_children_count(self):
        """How many pages the listing holds if it is exactly the parent's children."""
        if hooks.get_hooks("construct_explorer_page_queryset"):
            return None  # a hook may leave out some children
        if not self.lists_every_child:
            return None
        return self.parent_page.numchild

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        count = self.listed_children_count()
        if count is not None:
            # `Paginator.count` is a cached property: setting it skips the COUNT query.
            paginator.count = count
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        share_site_root_paths(context["object_list"], self.request)
        return context


class ExplorerPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the explorer's listing above."""

    index_view_class = ExplorerIndexView


explorer_page_viewset = ExplorerPageViewSet()
