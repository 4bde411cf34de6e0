"""Per-language slugs: every language gets one, so links and routing always agree."""

from django.conf import settings
from django.utils.text import slugify

from cms.i18n import fallback_chain


def fill_missing_slugs(page):
    """Give every language a slug: its own title's, else the fallback language's.

    wagtail-modeltranslation builds a language's URL from that language's slug or
    the default language's, but routes requests with the full fallback chain
    (pl → en → de); storing the resolved slug keeps both in agreement.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    codes = [default] + [code for code, _name in settings.LANGUAGES if code != default]
    for code in codes:
        if getattr(page, f"slug_{code}", None):
            continue
        title = getattr(page, f"title_{code}", None)
        if title:
            setattr(page, f"slug_{code}", slugify(title))
            continue
        for fallback in fallback_chain(code)[1:]:
            slug = getattr(page, f"slug_{fallback}", None)
            if slug:
                setattr(page, f"slug_{code}", slug)
                break


class TranslatedSlugMixin:
    """Fills missing per-language slugs before Wagtail validates and saves the page."""

    def full_clean(self, *args, **kwargs):
        fill_missing_slugs(self)
        super().full_clean(*args, **kwargs)
