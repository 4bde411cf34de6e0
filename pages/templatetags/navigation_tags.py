"""Navigation that depends on our page types (the generic menu lives in cms site_tags)."""

from django import template

from cms.page_cache import cached_fragment
from cms.visibility import public_pages
from pages.models import StandardPage

register = template.Library()


@register.simple_tag
def footer_pages():
    """Legal and service pages the editors marked "show in footer", in tree order."""
    return cached_fragment(
        "footer-pages",
        lambda: list(
            public_pages(StandardPage.objects.all()).filter(show_in_footer=True).order_by("path")
        ),
    )
