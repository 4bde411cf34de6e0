"""The notices overview for visitors (/de/hinweise/) and its Atom feed."""

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms.translated_urls import translated_url
from cms.visibility import public_pages
from tourism import notices

# Upcoming notices this far ahead are listed too, so visitors can plan.
UPCOMING_DAYS = 60


def affected_pages(notice_list):
    """{page id: page} of every public place, route and stretch stop the notices name."""
    ids = set()
    for notice in notice_list:
        ids |= notice.place_ids
        for effect in notice.route_effects:
            ids |= {effect.route_id, effect.stretch_from_id, effect.stretch_to_id}
    ids.discard(None)
    if not ids:
        return {}
    # One query; pages visitors may not see are neither linked nor named.
    return {page.pk: page for page in public_pages(Page.objects.filter(pk__in=ids))}


def described(notice, pages):
    """The notice with the public pages it affects, for the overview and the feed."""
    places = [pages[pk] for pk in sorted(notice.place_ids) if pk in pages]
    routes = []
    for effect in notice.route_effects:
        route = pages.get(effect.route_id)
        if route is None:
            continue
        start, end = pages.get(effect.stretch_from_id), pages.get(effect.stretch_to_id)
        stretch = ""
        if effect.is_stretch and start and end:
            stretch = _("between %(start)s and %(end)s") % {"start": start.title, "end": end.title}
        routes.append((route, stretch))
    return {"notice": notice, "places": places, "routes": routes}


@require_safe
def overview(request):
    """Current notices and those starting within the next weeks."""
    now = timezone.now()
    current = notices.notices_now(now)
    horizon = now + timezone.timedelta(days=UPCOMING_DAYS)
    upcoming = [
        notice for notice in notices.unfinished_notices() if now < notice.valid_from <= horizon
    ]
    pages = affected_pages(current + upcoming)
    context = {
        "current": [described(notice, pages) for notice in current],
        "upcoming": [described(notice, pages) for notice in upcoming],
        "feed_url": translated_url("notices").rstrip("/") + "/feed.atom",
    }
    return render(request, "tourism/notices_page.html", context)


class NoticesFeed(Feed):
    """The current notices as an Atom feed, in the language of the URL."""

    feed_type = Atom1Feed

    def title(self):
        return _("Current notices and closures")

    def link(self):
        return translated_url("notices")

    def subtitle(self):
        return _("Closures and restrictions of places, routes and the whole town.")

    def items(self):
        return notices.notices_now()

    def item_title(self, notice):
        return f"{notice.get_kind_display()}: {notice.title}"

    def item_description(self, notice):
        return f"{notice.text}\n\n{notice.period_label()}".strip()

    def item_link(self, notice):
        return f"{translated_url('notices')}#notice-{notice.pk}"

    def item_pubdate(self, notice):
        return notice.valid_from

    def item_updateddate(self, notice):
        return notice.valid_from

    def item_guid(self, notice):
        return f"notice-{notice.pk}"

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response


feed = NoticesFeed()
