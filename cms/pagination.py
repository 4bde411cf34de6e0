"""Pages of a list whose query is built only when its items are drawn, with a stored count."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property

from cms import page_cache

# Scheduled publishing and expiry change how many pages a list shows without a signal.
COUNT_SECONDS = 300


class StoredCountPaginator(Paginator):
    """A paginator over `build()`, a query made only when a page's items are read.

    The cards of a list page are a stored fragment, so a render that takes them from the
    cache needs only the number of items (for the page number and the previous/next
    links). That number is a stored fragment too, under `count_name`: kept until a page of
    the listed type is published, changed, moved or removed, and COUNT_SECONDS at most.
    """

    def __init__(self, build, per_page, count_name, **kwargs):
        super().__init__([], per_page, **kwargs)
        self._build, self._count_name = build, count_name

    @cached_property
    def count(self):
        def count():
            page_cache.expire_at(timezone.now() + timedelta(seconds=COUNT_SECONDS))
            return self._build().count()

        return page_cache.cached_fragment(self._count_name, count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        items = SimpleLazyObject(lambda: list(self._build()[bottom:top]))
        return self._get_page(items, number, self)
