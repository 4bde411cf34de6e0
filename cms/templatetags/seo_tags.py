"""Canonical URL, OpenGraph/Twitter meta and schema.org JSON-LD for every page."""

from django import template
from django.conf import settings
from django.utils import translation

from cms.seo import SeoMixin, page_description, teaser_image
from cms.structured_data import image_url, to_script

register = template.Library()

OG_LOCALES = {"de": "de_DE", "en": "en_GB", "pl": "pl_PL"}


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, page):
    request = context.get("request")
    language = translation.get_language()
    is_ours = isinstance(page, SeoMixin)
    structured_data = page.get_structured_data(request) if is_ours else None
    return {
        "page": page,
        "canonical": page.get_full_url(request),
        "description": page_description(page),
        "og_type": page.og_type if is_ours else SeoMixin.og_type,
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternate_locales": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
        "image": image_url(teaser_image(page), request),
        "site_name": settings.TOWN_NAME,
        "json_ld": to_script(structured_data) if structured_data else "",
    }
