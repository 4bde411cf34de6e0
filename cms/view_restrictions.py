"""Page view restrictions, known without asking the database for every page.

Wagtail looks up a page's restrictions (two queries) before serving it, and `.public()`
loads every restriction each time a list is filtered. Restrictions are few and change
rarely: the paths of the restricted sections come from the one visibility rule
(`cms.visibility.sections()`: cached between requests, remembered within one, forgotten
when a restriction, a site or a page's place changes).
Pages with a restriction above them, and alias pages (whose source's restrictions apply),
are still checked by Wagtail's own code.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from cms import visibility

_original_get_view_restrictions = Page.get_view_restrictions


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their sections are private)."""
    restricted, _site_roots = visibility.sections()
    return restricted


def is_in_restricted_section(path):
    return any(path.startswith(restricted) for restricted in restricted_paths())


def get_view_restrictions(self):
    if self.alias_of_id is None and not is_in_restricted_section(self.path):
        none = PageViewRestriction.objects.none()
        # Known to be empty: iterating it (Wagtail does, before serving every page) would
        # still compile its SQL only to find that it selects nothing.
        none._result_cache = []
        return none
    return _original_get_view_restrictions(self)


def private_q(self):
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    # No private section: match nothing, as Wagtail does.
    return q if q else Q(pk__in=[])


def use_cached_view_restrictions():
    Page.get_view_restrictions = get_view_restrictions
    PageQuerySet.private_q = private_q
