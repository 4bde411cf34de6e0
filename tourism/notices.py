"""Which notices hold at a moment, and for which places, routes and stretches.

Every page shows the town-wide notices, so the notices that have not ended yet are loaded
once (three queries) and shared between requests as a cached fragment until an editor saves
or deletes one; which of them hold is then worked out for each request in Python. A page
that shows notices is stored no longer than until the next notice starts or ends
(`page_cache.expire_at`), so expired notices disappear without an editor or a cron job.
"""

import threading
from dataclasses import dataclass

from django.utils import timezone

from cms import page_cache
from tourism.models.notices import Notice, NoticeRoute

FRAGMENT = "notices"
# Every page asks for them: kept in the process while nothing changes (readers only read).

# Within a request the shared fragment is read once, however many places a list shows.
_request_memo = threading.local()


@dataclass(frozen=True)
class RouteEffect:
    """A route a notice affects; with both stops set only the stretch between them."""

    route_id: int
    stretch_from_id: int | None = None
    stretch_to_id: int | None = None

    @property
    def is_stretch(self):
        return bool(self.stretch_from_id and self.stretch_to_id)


def _load_unfinished():
    page_cache.depends_on_type(Notice)
    page_cache.depends_on_type(NoticeRoute)
    built_at = timezone.now()
    notices = list(Notice.objects.filter(valid_until__gt=built_at))
    by_id = {notice.pk: notice for notice in notices}
    for notice in notices:
        notice.place_ids = frozenset()
        notice.route_effects = ()
    if by_id:
        # values_list loads no model instances: the fragment depends on notices only.
        places = Notice.points_of_interest.through.objects.filter(notice__in=by_id)
        for notice_id, place_id in places.values_list("notice_id", "pointofinterestpage_id"):
            by_id[notice_id].place_ids |= {place_id}
        routes = NoticeRoute.objects.filter(notice__in=by_id).order_by("sort_order")
        for notice_id, *effect in routes.values_list(
            "notice_id", "route_id", "stretch_from_id", "stretch_to_id"
        ):
            by_id[notice_id].route_effects += (RouteEffect(*effect),)
    return {"built_at": built_at, "notices": notices}


def _shared():
    if not getattr(_request_memo, "in_request", False):
        return page_cache.cached_fragment(FRAGMENT, _load_unfinished, shared=True)
    if getattr(_request_memo, "shared", None) is None:
        _request_memo.shared = page_cache.cached_fragment(FRAGMENT, _load_unfinished, shared=True)
    else:
        # The page depends on the notices as much as the request that read them first.
        page_cache.depends_on_type(Notice)
    return _request_memo.shared


def unfinished_notices():
    """Notices that hold now or later (not yet ended), shared between requests."""
    return _shared()["notices"]


def changed_at(moment=None):
    """When what `notices_now(moment)` answers last changed: an edit or delete (the shared
    list was built afterwards), or a notice starting or ending. For Last-Modified headers."""
    moment = moment or timezone.now()
    shared = _shared()
    edges = [
        edge
        for notice in shared["notices"]
        for edge in (notice.valid_from, notice.valid_until)
        if edge <= moment
    ]
    return max([shared["built_at"], *edges])


def forget_for_request(in_request):
    """Called when a request starts or finishes (tourism.signal_handlers)."""
    _request_memo.shared = None
    _request_memo.in_request = in_request


def notices_now(moment=None):
    """The notices that hold at `moment` (now by default), most severe first.

    Whatever is built from them is stale when the next notice starts or ends.
    """
    moment = moment or timezone.now()
    notices = unfinished_notices()
    page_cache.expire_at(next_change_after(notices, moment))
    current = [notice for notice in notices if notice.is_valid_at(moment)]
    return sorted(current, key=lambda notice: (-notice.severity_rank(), notice.valid_from))


def next_change_after(notices, moment):
    """When the next of `notices` starts or ends after `moment` (None: nothing changes)."""
    edges = [edge for notice in notices for edge in (notice.valid_from, notice.valid_until)]
    changes = [edge for edge in edges if edge > moment]
    return min(changes, default=None)


def town_notices(moment=None):
    return [notice for notice in notices_now(moment) if notice.whole_town]


def current_notices_for(page, moment=None):
    """The notices that hold for a point of interest or route page (not the town-wide ones)."""
    return [notice for notice in notices_now(moment) if affects(notice, page)]


def affects(notice, page):
    return page.pk in notice.place_ids or any(
        effect.route_id == page.pk for effect in notice.route_effects
    )


def notices_by_place(place_ids, moment=None):
    """{place id: [notices]} for a list of places, without a query per place."""
    wanted = set(place_ids)
    found = {}
    for notice in notices_now(moment):
        for place_id in notice.place_ids & wanted:
            found.setdefault(place_id, []).append(notice)
    return found


def notices_by_route(route_ids, moment=None):
    wanted = set(route_ids)
    found = {}
    for notice in notices_now(moment):
        for route_id in {effect.route_id for effect in notice.route_effects} & wanted:
            found.setdefault(route_id, []).append(notice)
    return found


def closed_place_ids(moment=None):
    """Places a current closure notice closes: they are not open, whatever their hours say."""
    return {
        place_id
        for notice in notices_now(moment)
        if notice.is_closure
        for place_id in notice.place_ids
    }


def affected_stretches(route, stops, moment=None):
    """[(notice, first stop index, last stop index)] for the stretches of `route` that a
    current notice affects, as positions in `stops` (the stops visitors see, in order)."""
    positions = {stop.point_of_interest_id: index for index, stop in enumerate(stops)}
    stretches = []
    for notice in current_notices_for(route, moment):
        for effect in notice.route_effects:
            if effect.route_id != route.pk or not effect.is_stretch:
                continue
            ends = [positions.get(effect.stretch_from_id), positions.get(effect.stretch_to_id)]
            if None not in ends:
                stretches.append((notice, min(ends), max(ends)))
    return stretches
