"""What a page tells search engines, link previews and result lists about itself.

Every page type inherits `SeoMixin` and overrides the parts it knows; the SEO tags, search
and the API ask the page instead of guessing from its class or field names.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from cms.structured_data import plain_text

DESCRIPTION_LIMIT = 300


class SeoMixin:
    """Defaults for a page without its own image, summary or schema.org shape."""

    # OpenGraph type: "article" for news, "website" for everything else.
    og_type = "website"

    def get_structured_data(self, request):
        """The page's schema.org JSON-LD object, or None."""
        return None

    def get_teaser_image(self):
        """The picture that stands for the page in lists, link previews and search results."""
        return None

    def get_teaser_text(self):
        """The page's own short summary (plain or rich text), "" when it has none."""
        return ""


def page_description(page):
    """The meta description: the editor's search description, else the page's summary."""
    summary = page.search_description
    if not summary and isinstance(page, SeoMixin):
        summary = page.get_teaser_text()
    if summary:
        return plain_text(summary, limit=DESCRIPTION_LIMIT)
    # Listings without an introduction still tell search engines what they hold.
    return _("%(title)s in %(town)s") % {"title": page.title, "town": settings.TOWN_NAME}


def teaser_image(page):
    return page.get_teaser_image() if isinstance(page, SeoMixin) else None
