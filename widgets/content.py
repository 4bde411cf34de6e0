"""What each kind of widget shows: live, public pages in a fixed number of queries.

Call inside `translation.override(options.lang)`: titles, texts and page URLs come in
the active language, with the site's fallbacks. Querysets and image renditions are the
open API's (`api.serializers`), so a widget and the API stay in step.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from api import serializers, stored
from api.filters import around, in_order, nearest_first
from api.stored import PageId
from cms import page_cache
from cms.visibility import public_pages
from pages.models import EventCategory, EventIndexPage
from tourism import notices
from tourism.models import (
    PointOfInterestCategory,
    PointOfInterestIndexPage,
    PointOfInterestPage,
    RoutePage,
)
from tourism.models.points_of_interest import distance_label, sort_title_field
from tourism.svg import route_map_svg
from widgets.options import OptionError

ROUTE_MAP_SIZE = (480, 300)


def build(options, request):
    """The template context of a widget: `title`, and what its kind shows."""
    builders = {
        "pois": points_of_interest,
        "poi": point_of_interest,
        "route": route,
        "events": events,
    }
    site = Site.find_for_request(request)
    home = f"{site.root_url}/{options.lang}/" if site else f"/{options.lang}/"
    return builders[options.kind](options, request) | {
        "home_url": home,
        "town": settings.TOWN_NAME,
        "licence": settings.TOURISM_DATA_LICENCE,
    }


def points_of_interest(options, request):
    places = public_pages(PointOfInterestPage.objects.all())
    categories = _known(
        PointOfInterestCategory.objects.filter(slug__in=options.category), options.category
    )
    if categories:
        places = places.filter(
            pk__in=PointOfInterestPage.objects.filter(categories__in=categories).values("pk")
        )
    on_route = None
    if options.route:
        on_route = _published_route(options.route)
        stop_ids = [stop.point_of_interest_id for stop in serializers.visible_stops(on_route)]
        places = places.filter(pk__in=stop_ids)
    if options.ids:
        _check_places_exist(options.ids)
        places = places.filter(pk__in=options.ids)

    distances = {}
    if options.near:
        rows = around(places, options).values_list("pk", "latitude", "longitude")
        distances = dict(nearest_first(rows, options))
        order = list(distances)
    elif options.ids or on_route:
        wanted = options.ids or dict.fromkeys(stop_ids)  # a route may pass a place twice
        matching = set(places.values_list("pk", flat=True))
        order = [pk for pk in wanted if pk in matching]
    else:
        # The indexed sort title: SQL stops after the widget's few places.
        order = places.order_by(sort_title_field(options.lang), "pk").values_list("pk", flat=True)
    chosen = list(order[: options.item_count])
    # Each card as stored when it was last built (api/stored.py); the distance and the
    # notices are the request's own.
    entries = stored.items("widget-poi", chosen, request, lambda ids: _build_places(ids, request))
    items = []
    for pk in chosen:
        if pk in entries:
            card = entries[pk]["card"]
            meta = [card["categories"], distance_label(distances.get(pk))]
            items.append(_stored_item(card, options, meta, notices.current_notices_for(PageId(pk))))

    if on_route:
        title = _("Stops of the route “%(route)s”") % {"route": on_route.title}
        more_url, more_label = serializers.page_url(on_route, request), _("The whole route")
    else:
        if categories:
            title = _("%(categories)s in %(town)s") % {
                "categories": ", ".join(category.name for category in categories),
                "town": settings.TOWN_NAME,
            }
        elif options.near:
            title = _("Points of interest nearby")
        else:
            title = _("Points of interest in %(town)s") % {"town": settings.TOWN_NAME}
        more_url = _index_url(PointOfInterestIndexPage, request)
        if more_url and len(categories) == 1:
            more_url += f"?category={categories[0].slug}"
        more_label = _("All points of interest in %(town)s") % {"town": settings.TOWN_NAME}
    return {
        "title": title,
        "items": items,
        "empty_text": _("No points of interest match these options."),
        "more_url": more_url,
        "more_label": more_label,
    }


def point_of_interest(options, request):
    place = serializers.point_of_interest_queryset().filter(pk=options.id).first()
    if place is None:
        raise OptionError(
            [_("There is no published point of interest number %(id)s.") % {"id": options.id}],
            status=404,
        )
    categories = ", ".join(category.name for category in place.categories.all())
    return {
        "title": place.title,
        "item": _item(place, request, options, place.main_image, [categories]),
        "address": place.address_lines,
    }


def route(options, request):
    page = serializers.route_queryset().filter(pk=options.id).first()
    if page is None:
        raise OptionError(
            [_("There is no published route number %(id)s.") % {"id": options.id}], status=404
        )
    stops = serializers.visible_stops(page)
    width, height = ROUTE_MAP_SIZE
    return {
        "title": page.title,
        "route": page,
        "notices": notices.current_notices_for(page),
        "url": serializers.page_url(page, request),
        "map": route_map_svg(page, width=width, height=height, stops=stops),
        "stops": [
            {
                "title": stop.point_of_interest.title,
                "url": serializers.page_url(stop.point_of_interest, request),
            }
            for stop in stops
        ],
        "stops_heading": ngettext("%(count)s stop", "%(count)s stops", len(stops))
        % {"count": len(stops)},
    }


def events(options, request):
    found = serializers.event_queryset()
    categories = _known(EventCategory.objects.filter(slug__in=options.category), options.category)
    if categories:
        found = found.filter(category__in=categories)
    chosen = list(found.values_list("pk", flat=True)[: options.item_count])
    entries = stored.items("widget-event", chosen, request, lambda ids: _build_events(ids, request))
    items = []
    for pk in chosen:
        if pk in entries:
            card = entries[pk]["card"]
            items.append(_stored_item(card, options, card["meta"], [], when=card["when"]))
    if categories:
        title = _("Upcoming events: %(categories)s") % {
            "categories": ", ".join(category.name for category in categories)
        }
    else:
        title = _("Upcoming events in %(town)s") % {"town": settings.TOWN_NAME}
    more_url = _index_url(EventIndexPage, request)
    if more_url and len(categories) == 1:
        more_url += f"?category={categories[0].slug}"
    return {
        "title": title,
        "items": items,
        "empty_text": _("There are no upcoming events for these options at the moment."),
        "more_url": more_url,
        "more_label": _("All events in %(town)s") % {"town": settings.TOWN_NAME},
    }


def _item(page, request, options, image, meta, when=None):
    return {
        "url": serializers.page_url(page, request),
        "title": page.title,
        "teaser": page.teaser,
        "meta": [text for text in meta if text],
        "when": when,
        "picture": _picture(image, request) if options.images else None,
        # Events are not places: only places and routes have notices.
        "notices": (
            notices.current_notices_for(page)
            if isinstance(page, PointOfInterestPage | RoutePage)
            else []
        ),
    }


def _build_places(ids, request):
    """{id: (card, tags, expiry)} of the places `ids`, for `stored.items`."""
    places = in_order(serializers.point_of_interest_queryset(), ids)
    ancestors = stored.ancestor_tags(places)
    built = {}
    for place in places:
        categories = list(place.categories.all())
        card = _card(place, request, place.main_image)
        card["categories"] = ", ".join(category.name for category in categories)
        tags = stored.tags_of(place, place.main_image, *categories) | ancestors[place.pk]
        built[place.pk] = ({"card": card}, tags, None)
    return built


def _build_events(ids, request):
    """{id: (card, tags, expiry)} of the events `ids`, for `stored.items`."""
    events = in_order(serializers.event_queryset(), ids)
    venues = [event.venue for event in events if event.venue_id]
    ancestors = stored.ancestor_tags([*events, *venues])
    built = {}
    for event in events:
        card = _card(event, request, event.image)
        card["meta"] = [event.place_name, event.category.name if event.category_id else ""]
        card["when"] = event.time_span()
        category = event.category if event.category_id else None
        tags = stored.tags_of(event, event.image, category) | ancestors[event.pk]
        expires_at = None
        if event.venue_id:
            # The venue's title is the card's place; it is no longer shown once it expires.
            tags |= stored.tags_of(event.venue) | ancestors[event.venue_id]
            if event.venue.expire_at and event.venue.expire_at > timezone.now():
                expires_at = event.venue.expire_at
        built[event.pk] = ({"card": card}, tags, expires_at)
    return built


def _card(page, request, image):
    return {
        "url": serializers.page_url(page, request),
        "title": page.title,
        "teaser": page.teaser,
        "picture": _picture(image, request),
    }


def _stored_item(card, options, meta, current_notices, when=None):
    """`_item` from a stored card."""
    return {
        "url": card["url"],
        "title": card["title"],
        "teaser": card["teaser"],
        "meta": [text for text in meta if text],
        "when": when,
        "picture": card["picture"] if options.images else None,
        "notices": current_notices,
    }


def _picture(image, request):
    picture = serializers.image(image, request)
    if picture is not None:
        picture["credit_line"] = image.credit_line
    return picture


def _known(queryset, slugs):
    """The categories named by `slugs`, in that order; an unknown one is an option error."""
    if not slugs:
        return []
    found = {category.slug: category for category in queryset}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise OptionError(
            [_("There is no category “%(slug)s”.") % {"slug": slug[:100]} for slug in unknown]
        )
    return [found[slug] for slug in slugs]


def _published_route(pk):
    page = (
        public_pages(RoutePage.objects.all())
        .filter(pk=pk)
        .prefetch_related(serializers.route_stops_prefetch())
        .first()
    )
    if page is None:
        raise OptionError([_("There is no published route number %(id)s.") % {"id": pk}])
    return page


def _check_places_exist(ids):
    known = set(
        public_pages(PointOfInterestPage.objects.all())
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    missing = [str(pk) for pk in ids if pk not in known]
    if missing:
        raise OptionError(
            [
                ngettext(
                    "There is no published point of interest number %(ids)s.",
                    "There are no published points of interest numbered %(ids)s.",
                    len(missing),
                )
                % {"ids": ", ".join(missing)}
            ]
        )


def _index_url(model, request):
    """The URL of the list page of `model`, kept until that page (or a page in it) changes."""

    def find():
        index = public_pages(model.objects.all()).first()
        return serializers.page_url(index, request) if index else ""

    site = f"{request.scheme}://{request.get_host()}"
    key = f"widget-index:{model._meta.label_lower}:{translation.get_language()}:{site}"
    return page_cache.cached_fragment(key, find)
