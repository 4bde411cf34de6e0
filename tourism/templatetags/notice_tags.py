"""Notices on visitor pages: the town-wide ones on every page, others where they apply."""

from django import template

from cms.translated_urls import translated_url
from tourism import notices

register = template.Library()


@register.inclusion_tag("tourism/includes/town_notices.html")
def town_notices():
    """The notices for the whole town, for the top of every page (base.html)."""
    return {"notices": notices.town_notices(), "overview_url": translated_url("notices")}


@register.simple_tag
def notices_for(page):
    """`{% notices_for item as item_notices %}`: current notices of a place or route."""
    return notices.current_notices_for(page)


@register.simple_tag
def notices_overview_url():
    return translated_url("notices")
