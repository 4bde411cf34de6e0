"""Schematic maps and elevation profiles as inline SVG, drawn on the server.

No JavaScript and no map tiles: the page loads nothing from elsewhere until the visitor
asks for the detailed map. Each drawing is `role="img"` with a title and a description,
and the page lists the same stops or places next to it, with their links; the markers
carry no links because an image's content is hidden from assistive technology (axe:
nested-interactive).

Every text goes through `_text()` (escaped, characters XML cannot hold removed) and every
number through `_num()`, so the strings marked safe here contain nothing unescaped.
"""

import math
import re
from collections.abc import Iterable, Sequence

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from tourism.exports import route_points
from tourism.geo import EARTH_RADIUS_M, haversine_m
from tourism.gpx import simplify
from tourism.models.map_features import courses

SVG_NS = "http://www.w3.org/2000/svg"
# More points than pixels only add bytes: 500 is below one point per pixel at 640 px.
MAX_TRACK_POINTS = 500
MAX_PROFILE_POINTS = 320
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180
MAP_PADDING = 36
# A single place still gets a map of a few streets around it, with a sensible scale.
MIN_MAP_SPAN_M = 400
SCALE_BAR_LENGTHS_M = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000)
# Beyond this many places, names would cover each other; the list beside the map has them.
MAX_LABELLED_PLACES = 12
LABEL_MAX_CHARS = 28
LABEL_SIZE = 12
NEIGHBOUR_LABEL_SIZE = 11
MARKER_RADIUS = 7
NEIGHBOUR_RADIUS = 4
# Places around a single place: enough for orientation, few enough to stay readable.
MAX_NEIGHBOURS = 6
# A flat town's 3 m of "relief" would otherwise fill the whole chart and look like hills.
MIN_PROFILE_SPAN_M = 20
PROFILE_DISTANCE_STEPS_KM = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
PROFILE_ELEVATION_STEPS_M = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)

# Presentation attributes rather than style attributes: a strict Content-Security-Policy
# blocks inline styles, not these. Classes let the stylesheet override them. Text and
# lines reach at least 4.5:1 (text) and 3:1 (graphics) against the background.
INK = "#1f2328"
ACCENT = "#0b5394"
PAPER = "#f6f4ef"
AREA = "#b9cfe4"
GRID = "#d0ccc2"
MUTED = "#5a5f66"

# How each kind of map feature is drawn: colour, width, dash pattern. Rivers are light
# (orientation, not content); the markers on top keep their contrast.
FEATURE_STYLES = {
    "river": ("#8fb8d8", 5, ""),
    "boundary": ("#8a8f96", 1.5, "6 4"),
    "road": ("#d9d3c7", 4, ""),
    "railway": ("#8a8f96", 2, "8 3"),
}

_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def route_map_svg(route, width: int = 640, height: int = 400, stops=None) -> SafeString | None:
    """The route's track with numbered stops, start, finish, scale and north; None if empty."""
    if stops is None:
        stops = route.visible_stops()
    points = route_points(route, stops)
    stop_positions = [(s.point_of_interest.lat, s.point_of_interest.lon) for s in stops]
    positions = [(p.lat, p.lon) for p in points] + stop_positions
    if not positions:
        return None
    project = _Projection(positions, width, height)
    prefix = f"route-{route.pk or 'new'}-map"
    title = _("Map of the route “%(title)s”") % {"title": route.title}
    description = ngettext(
        "Schematic map of the route “%(title)s” with %(count)s stop; "
        "the list of stops follows below.",
        "Schematic map of the route “%(title)s” with %(count)s stops; "
        "the list of stops follows below.",
        len(stops),
    ) % {"title": route.title, "count": len(stops)}
    parts = [_open_svg(width, height, prefix, "map route-map", title, description)]
    parts += _map_features(project, width, height)

    track = [project(p.lat, p.lon) for p in simplify(points, MAX_TRACK_POINTS)] if points else []
    if len(track) > 1:
        # Without a GPX track the line only joins the stops: dashed, so nobody follows it.
        dashes = "" if route.track else ' stroke-dasharray="8 6"'
        parts.append(
            f'<polyline class="route-map__track" points="{_points(track)}" fill="none" '
            f'stroke="{ACCENT}" stroke-width="4" stroke-linejoin="round" '
            f'stroke-linecap="round"{dashes}/>'
        )
    if route.track:
        parts.append(_start_and_finish(points, project))
    for number, (lat, lon) in enumerate(stop_positions, start=1):
        stop = stops[number - 1]
        x, y = project(lat, lon)
        parts.append(
            f'<g class="map__marker route-map__stop"><title>'
            f"{_text(f'{number}. {stop.point_of_interest.title}')}</title>"
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="11" fill="{ACCENT}" stroke="#fff" '
            f'stroke-width="2"/><text x="{_num(x)}" y="{_num(y)}" dy="4" '
            f'text-anchor="middle" font-size="{11 if number > 9 else 12}" font-weight="bold" '
            f'fill="#fff">{number}</text></g>'
        )
    parts += [_scale_bar(project.metres_per_px, width, height), _north_arrow(width), "</svg>"]
    return mark_safe("".join(parts))


def points_map_svg(
    points: Iterable,
    width: int = 640,
    height: int = 400,
    numbered: bool = False,
    title: str = "",
    description: str = "",
    id_prefix: str = "poi-map",
    neighbours: Iterable = (),
) -> SafeString | None:
    """Points of interest (anything with lat, lon and title) as markers; None without any.

    Numbered markers match a numbered list beside the map; otherwise up to
    MAX_LABELLED_PLACES markers carry their names. `neighbours` (e.g. the places nearby)
    are drawn smaller and grey around them, so a single place is not a dot in an empty box.
    """
    points = list(points)
    if not points:
        return None
    shown = {id(point) for point in points}
    neighbours = [n for n in neighbours if id(n) not in shown][:MAX_NEIGHBOURS]
    project = _Projection([(p.lat, p.lon) for p in [*points, *neighbours]], width, height)
    if not title:
        if len(points) == 1:
            title = _("Map showing where “%(name)s” is") % {"name": points[0].title}
        else:
            title = ngettext(
                "Map of %(count)s point of interest",
                "Map of %(count)s points of interest",
                len(points),
            ) % {"count": len(points)}
    if not description:
        description = ngettext(
            "Schematic map without streets; the address follows on this page.",
            "Schematic map without streets; the list of places follows on this page.",
            len(points),
        )
    parts = [_open_svg(width, height, id_prefix, "map poi-map", title, description)]
    parts += _map_features(project, width, height)
    labels = _Labels(width, height)
    for point in points:
        labels.block(*project(point.lat, point.lon), MARKER_RADIUS + 2)
    for point in neighbours:
        labels.block(*project(point.lat, point.lon), NEIGHBOUR_RADIUS + 1.5)
    labelled = not numbered and len(points) <= MAX_LABELLED_PLACES
    # The places' own names first, so a neighbour's name gives way to them.
    names = {}
    if labelled:
        for point in points:
            x, y = project(point.lat, point.lon)
            names[id(point)] = labels.place(
                x, y, _shortened(point.title, LABEL_MAX_CHARS), LABEL_SIZE, MARKER_RADIUS + 4
            )
    parts += [_neighbour(point, project, labels) for point in neighbours]
    for number, point in enumerate(points, start=1):
        x, y = project(point.lat, point.lon)
        name = f"{number}. {point.title}" if numbered else point.title
        parts.append(f'<g class="map__marker poi-map__marker"><title>{_text(name)}</title>')
        if numbered:
            parts.append(
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="11" fill="{ACCENT}" stroke="#fff" '
                f'stroke-width="2"/><text x="{_num(x)}" y="{_num(y)}" dy="4" '
                f'text-anchor="middle" font-size="{11 if number > 9 else 12}" '
                f'font-weight="bold" fill="#fff">{number}</text>'
            )
        else:
            parts.append(
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{MARKER_RADIUS}" fill="{ACCENT}" '
                f'stroke="#fff" stroke-width="2"/>'
            )
        if names.get(id(point)):
            parts.append(_label_text(names[id(point)], LABEL_SIZE, INK))
        parts.append("</g>")
    parts += [_scale_bar(project.metres_per_px, width, height), _north_arrow(width), "</svg>"]
    return mark_safe("".join(parts))


def elevation_profile_svg(route, width: int = 640, height: int = 180) -> SafeString | None:
    """Elevation over distance, with labelled axes; None when the track has no elevations."""
    profile = elevation_profile(route)
    if profile is None:
        return None
    # Room for labels twice the drawn size: phones enlarge them (site.css) to stay readable.
    left, right, top, bottom = 68, 14, 14, 34
    plot_width, plot_height = width - left - right, height - top - bottom
    total_m = profile[-1][0]
    low, high, step_m = _elevation_axis([ele for _distance, ele in profile])

    def x_of(distance):
        return left + distance / total_m * plot_width

    def y_of(ele):
        return top + (high - ele) / (high - low) * plot_height

    base = top + plot_height

    prefix = f"route-{route.pk or 'new'}-profile"
    title = _("Elevation profile of the route “%(title)s”") % {"title": route.title}
    parts = [_open_svg(width, height, prefix, "elevation-profile", title, elevation_summary(route))]
    grid, labels = [], []
    tick = low
    while tick <= high + 1e-9:
        y = y_of(tick)
        grid.append(f"M{_num(left)},{_num(y)}h{_num(plot_width)}")
        labels.append(
            f'<text x="{left - 6}" y="{_num(y)}" dy="4" text-anchor="end">'
            f"{_text(_('%(metres)s m') % {'metres': number_format(round(tick))})}</text>"
        )
        tick += step_m
    step_km = _distance_step_km(total_m / 1000)
    decimals = 1 if step_km < 1 else 0
    for index in range(int(total_m / 1000 / step_km + 1e-9) + 1):
        km = index * step_km
        x = x_of(km * 1000)
        grid.append(f"M{_num(x)},{_num(base)}v4")
        # The last label would be cut off at the right edge if centred on its tick.
        anchor = "end" if x > width - right - 10 else "middle"
        labels.append(
            f'<text x="{_num(x)}" y="{_num(base + 26)}" text-anchor="{anchor}">'
            f"{_text(_('%(km)s km') % {'km': number_format(km, decimals)})}</text>"
        )
    parts.append(
        f'<path class="elevation-profile__grid" d="{"".join(grid)}" fill="none" '
        f'stroke="{GRID}" stroke-width="1"/>'
    )
    line = [(x_of(distance), y_of(ele)) for distance, ele in simplify(profile, MAX_PROFILE_POINTS)]
    area = [(line[0][0], base), *line, (line[-1][0], base)]
    parts += [
        f'<polygon class="elevation-profile__area" points="{_points(area)}" fill="{AREA}"/>',
        f'<polyline class="elevation-profile__line" points="{_points(line)}" fill="none" '
        f'stroke="{ACCENT}" stroke-width="2" stroke-linejoin="round"/>',
        f'<path class="elevation-profile__axes" d="M{left},{top}V{_num(base)}'
        f'H{left + plot_width}" fill="none" stroke="{INK}" stroke-width="1"/>',
        f'<g class="elevation-profile__labels" font-size="11" fill="{INK}">',
        *labels,
        "</g></svg>",
    ]
    return mark_safe("".join(parts))


def elevation_summary(route) -> str:
    """The profile in one sentence, for screen readers and below the chart; '' without one."""
    profile = elevation_profile(route)
    if profile is None:
        return ""
    elevations = [ele for _distance, ele in profile]
    # Ascent and descent come from the full uploaded track; the extremes from the stored
    # one, which keeps every point up to 2000 and so nearly always the true extremes.
    return _(
        "Elevation from %(min)s m to %(max)s m; %(ascent)s m ascent and %(descent)s m "
        "descent over %(km)s km."
    ) % {
        "min": number_format(round(min(elevations))),
        "max": number_format(round(max(elevations))),
        "ascent": number_format(route.ascent_m),
        "descent": number_format(route.descent_m),
        "km": number_format(route.length_m / 1000, 1),
    }


def elevation_profile(route) -> list[tuple[float, float]] | None:
    """(metres from the start, elevation) for the track points with an elevation, or None."""
    track = route.track or []
    distances, total = [], 0.0
    for index, (lon, lat, _ele) in enumerate(track):
        if index:
            previous_lon, previous_lat = track[index - 1][:2]
            total += haversine_m(previous_lat, previous_lon, lat, lon)
        distances.append(total)
    # The stored track is thinned out, so it is a little shorter than the uploaded one;
    # stretching it makes the axis end at the length shown everywhere else.
    stretch = route.length_m / total if total and route.length_m else 1
    profile = [
        (distance * stretch, ele)
        for distance, (_lon, _lat, ele) in zip(distances, track, strict=True)
        if ele is not None
    ]
    if len(profile) < 2 or profile[-1][0] <= profile[0][0]:
        return None
    return profile


class _Projection:
    """Equirectangular, longitudes shrunk by cos(latitude): true to shape at town scale."""

    def __init__(self, positions: Sequence[tuple[float, float]], width: int, height: int):
        lats = [lat for lat, _lon in positions]
        self.kx = math.cos(math.radians((min(lats) + max(lats)) / 2))
        xs = [lon * self.kx for _lat, lon in positions]
        min_span = MIN_MAP_SPAN_M / METRES_PER_DEGREE
        span_x = max(max(xs) - min(xs), min_span)
        span_y = max(max(lats) - min(lats), min_span)
        # Pixels per degree of latitude, the same both ways after the correction.
        self.scale = min((width - 2 * MAP_PADDING) / span_x, (height - 2 * MAP_PADDING) / span_y)
        self.centre = ((min(xs) + max(xs)) / 2, (min(lats) + max(lats)) / 2)
        self.width, self.height = width, height

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        x = self.width / 2 + (lon * self.kx - self.centre[0]) * self.scale
        y = self.height / 2 - (lat - self.centre[1]) * self.scale
        return x, y

    @property
    def metres_per_px(self) -> float:
        return METRES_PER_DEGREE / self.scale


def _open_svg(width, height, prefix, css_class, title, description) -> str:
    return (
        f'<svg xmlns="{SVG_NS}" class="{_text(css_class)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{_text(prefix)}-title {_text(prefix)}-desc" '
        f'font-family="system-ui, sans-serif">'
        f'<title id="{_text(prefix)}-title">{_text(title)}</title>'
        f'<desc id="{_text(prefix)}-desc">{_text(description)}</desc>'
        f'<rect class="map__background" width="{width}" height="{height}" fill="{PAPER}"/>'
    )


def _map_features(project, width: int, height: int) -> list[str]:
    """Rivers, boundary and roads (tourism.models.MapFeature) inside the drawing."""
    language = get_language() or ""
    parts = []
    for kind, names, lines in courses():
        colour, stroke_width, dash = FEATURE_STYLES.get(kind, FEATURE_STYLES["road"])
        name = names.get(language) or next(iter(names.values()), "")
        for line in lines:
            visible = _inside(line, project, width, height)
            if len(visible) < 2:
                continue
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<g class="map__feature map__feature--{_text(kind)}"><title>{_text(name)}</title>'
                f'<polyline points="{_points(visible)}" fill="none" stroke="{colour}" '
                f'stroke-width="{stroke_width}" stroke-linejoin="round"{dashes}/>'
            )
            if kind == "river":
                # The name where the river is nearest the middle of the drawing.
                x, y = min(
                    visible, key=lambda p: (p[0] - width / 2) ** 2 + (p[1] - height / 2) ** 2
                )
                parts.append(
                    f'<text x="{_num(x)}" y="{_num(y)}" dy="-8" text-anchor="middle" '
                    f'font-size="11" font-style="italic" fill="{MUTED}" stroke="{PAPER}" '
                    f'stroke-width="3" paint-order="stroke">{_text(name)}</text>'
                )
            parts.append("</g>")
    return parts


def _inside(line, project, width: int, height: int) -> list[tuple[float, float]]:
    """The projected positions of `line` near the drawing: those inside a margin around
    it and their neighbours, so the course runs to the edge without carrying every bend
    of a long river."""
    projected = [project(lat, lon) for lat, lon in line]
    near = [
        -width / 2 <= x <= width * 1.5 and -height / 2 <= y <= height * 1.5 for x, y in projected
    ]
    return [
        position
        for index, position in enumerate(projected)
        if near[index] or (index and near[index - 1]) or (index + 1 < len(near) and near[index + 1])
    ]


def _neighbour(point, project, labels) -> str:
    x, y = project(point.lat, point.lon)
    name = labels.place(
        x, y, _shortened(point.title, LABEL_MAX_CHARS), NEIGHBOUR_LABEL_SIZE, NEIGHBOUR_RADIUS + 4
    )
    return (
        f'<g class="map__marker poi-map__neighbour"><title>{_text(point.title)}</title>'
        f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{NEIGHBOUR_RADIUS}" fill="{MUTED}" '
        f'stroke="#fff" stroke-width="1.5"/>'
        f"{_label_text(name, NEIGHBOUR_LABEL_SIZE, MUTED) if name else ''}</g>"
    )


class _Labels:
    """Names beside their markers, placed so that no two overlap and none leaves the map.

    Each name tries the right of its marker, then the left, above and below (the left first
    near the right edge); a name that fits nowhere is left out, and its marker keeps the name
    as its tooltip while the page lists it in words. Text width is estimated from the number
    of characters (a generous average for a sans-serif face), not measured.
    """

    CHAR_WIDTH = 0.6  # of the font size

    def __init__(self, width, height):
        self.width, self.height = width, height
        self.taken = []

    def block(self, x, y, radius):
        self.taken.append((x - radius, y - radius, x + radius, y + radius))

    def place(self, x, y, text, size, gap):
        """(x, y, anchor, text) of the name's baseline, or None when it fits nowhere."""
        half = len(text) * size * self.CHAR_WIDTH / 2
        right = ("start", x + gap, y + size * 0.35)
        left = ("end", x - gap, y + size * 0.35)
        above = ("middle", x, y - gap)
        below = ("middle", x, y + gap + size * 0.8)
        sides = [left, right] if x > self.width * 0.7 else [right, left]
        for anchor, tx, ty in [*sides, above, below]:
            start = {"start": tx, "end": tx - 2 * half, "middle": tx - half}[anchor]
            box = (start, ty - size * 0.8, start + 2 * half, ty + size * 0.25)
            if self._free(box):
                self.taken.append(box)
                return tx, ty, anchor, text
        return None

    def _free(self, box):
        x0, y0, x1, y1 = box
        if x0 < 2 or y0 < 2 or x1 > self.width - 2 or y1 > self.height - 2:
            return False
        return not any(
            x0 < tx1 and tx0 < x1 and y0 < ty1 and ty0 < y1 for tx0, ty0, tx1, ty1 in self.taken
        )


def _label_text(name, size, colour) -> str:
    x, y, anchor, text = name
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{colour}" stroke="{PAPER}" stroke-width="3" paint-order="stroke">'
        f"{_text(text)}</text>"
    )


def _start_and_finish(points, project) -> str:
    start, finish = points[0], points[-1]
    sx, sy = project(start.lat, start.lon)
    fx, fy = project(finish.lat, finish.lon)
    # Round trips end where they start: one marker, named for both.
    if math.hypot(fx - sx, fy - sy) < 8:
        start_title, parts = pgettext("route", "Start and finish"), []
    else:
        start_title = pgettext("route", "Start")
        parts = [
            f'<g class="map__marker route-map__finish"><title>'
            f"{_text(pgettext('route', 'Finish'))}</title>"
            f'<rect x="{_num(fx - 7)}" y="{_num(fy - 7)}" width="14" height="14" '
            f'fill="{INK}" stroke="#fff" stroke-width="2"/></g>'
        ]
    parts.insert(
        0,
        f'<g class="map__marker route-map__start"><title>{_text(start_title)}</title>'
        f'<circle cx="{_num(sx)}" cy="{_num(sy)}" r="8" fill="#fff" stroke="{INK}" '
        f'stroke-width="4"/></g>',
    )
    return "".join(parts)


def _scale_bar(metres_per_px: float, width: int, height: int) -> str:
    """The longest round distance that fits in a quarter of the map's width."""
    longest_px = width / 4
    metres = SCALE_BAR_LENGTHS_M[0]
    for candidate in SCALE_BAR_LENGTHS_M:
        if candidate / metres_per_px <= longest_px:
            metres = candidate
    length = metres / metres_per_px
    label = f"{metres // 1000} km" if metres >= 1000 else f"{metres} m"
    x, y = 12, height - 10
    return (
        f'<g class="map__scale-bar" data-metres="{metres}">'
        f'<rect x="{x - 6}" y="{y - 24}" width="{_num(length + 12)}" height="30" '
        f'fill="{PAPER}" opacity="0.8"/>'
        f'<line x1="{x}" y1="{y}" x2="{_num(x + length)}" y2="{y}" stroke="{INK}" '
        f'stroke-width="2"/>'
        f'<path d="M{x},{y - 5}v5M{_num(x + length)},{y - 5}v5" stroke="{INK}" '
        f'stroke-width="2"/>'
        f'<text x="{x}" y="{y - 9}" font-size="12" fill="{INK}">{label}</text></g>'
    )


def _north_arrow(width: int) -> str:
    x = width - 22
    return (
        f'<g class="map__north"><title>{_text(pgettext("map", "North"))}</title>'
        f'<text x="{x}" y="18" text-anchor="middle" font-size="12" font-weight="bold" '
        f'fill="{INK}">{_text(pgettext("compass point north", "N"))}</text>'
        f'<path d="M{x},22l7,20l-7,-5l-7,5z" fill="{INK}"/></g>'
    )


def _elevation_axis(elevations: Sequence[float]) -> tuple[float, float, float]:
    """(lowest, highest, step) of round elevations around the profile, at most 6 ticks."""
    low, high = min(elevations), max(elevations)
    if high - low < MIN_PROFILE_SPAN_M:
        middle = (high + low) / 2
        low, high = middle - MIN_PROFILE_SPAN_M / 2, middle + MIN_PROFILE_SPAN_M / 2
    for step in PROFILE_ELEVATION_STEPS_M:
        axis_low, axis_high = math.floor(low / step) * step, math.ceil(high / step) * step
        if (axis_high - axis_low) / step <= 5:
            return axis_low, axis_high, step
    step = PROFILE_ELEVATION_STEPS_M[-1]
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _distance_step_km(total_km: float) -> float:
    for step in PROFILE_DISTANCE_STEPS_KM:
        if total_km / step <= 6:
            return step
    return PROFILE_DISTANCE_STEPS_KM[-1]


def _points(coordinates: Iterable[tuple[float, float]]) -> str:
    """'x,y x,y …' with neighbours that round to the same spot dropped."""
    pairs, previous = [], None
    for x, y in coordinates:
        pair = f"{_num(x)},{_num(y)}"
        if pair != previous:
            pairs.append(pair)
        previous = pair
    return " ".join(pairs)


def _num(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _text(value) -> str:
    return escape(_NOT_XML_CHAR.sub("", str(value)))


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
