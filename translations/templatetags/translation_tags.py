from django import template
from django.utils import translation
from wagtail.models import Page

from cms.i18n import page_url_in
from cms.page_cache import cached_fragment, depends_on_pages
from translations import state

register = template.Library()


@register.inclusion_tag("translations/outdated_note.html")
def outdated_translation_note(page):
    """A note on a translated page whose German text changed since it was translated."""
    language = translation.get_language()
    if not isinstance(page, Page) or page.pk is None or language == state.source_language():
        return {"show": False}

    def build():
        # Reviews and saves bump the page's tag, so the stored answer follows them.
        depends_on_pages([page.pk])
        return bool(state.outdated_fields_read_in(page, language))

    if not cached_fragment(f"translation-outdated:{page.pk}:{language}", build):
        return {"show": False}
    return {
        "show": True,
        "german_url": page_url_in(page, state.source_language()),
        "german_title": getattr(page, f"title_{state.source_language()}"),
    }
