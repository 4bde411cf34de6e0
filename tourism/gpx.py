"""Safe reading and writing of GPX tracks for routes.

Uploaded GPX is hostile input: on its own, gpxpy crashes the process on deeply nested files
(it copies the tree and ElementTree overflows the C stack), needs seconds and gigabytes for
large ones and silently accepts lat="NaN". So parse_gpx streams the file through a defused
parser with hard limits first and hands gpxpy only a flat, sanitised copy.
"""

import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import gpxpy
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tourism.geo import BoundingBox, bounding_box, path_length_m, validate_coordinates

MAX_GPX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 16
MAX_POINTS = 100_000
# Below the Dead Sea shore and above Everest means a broken barometer or a broken file.
MIN_ELEVATION_M = -500
MAX_ELEVATION_M = 9000

GPX_1_0_NS = "http://www.topografix.com/GPX/1/0"
GPX_1_1_NS = "http://www.topografix.com/GPX/1/1"
# "" accepts hand-written files without xmlns, which gpxpy reads fine.
GPX_NAMESPACES = (GPX_1_1_NS, GPX_1_0_NS, "")

# The only GPX elements a Track needs. Everything else (extensions with heart rate or
# cadence, waypoints, timestamps, elements of other namespaces) is dropped while streaming,
# which keeps memory low and roughly halves gpxpy's work on large files.
_TRACK_ELEMENTS = {"gpx", "metadata", "name", "trk", "trkseg", "trkpt", "ele", "rte", "rtept"}
# Characters XML 1.0 cannot represent at all, not even escaped.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class GPXError(ValueError):
    """A GPX file we refuse, with a `code` for the failed check and a message for editors."""

    def __init__(self, code: str, message: str | Promise, params: dict | None = None):
        super().__init__(code)
        self.code = code
        # Kept apart like Django's ValidationError: interpolating a lazy string translates it
        # at once, so it waits until the message is read, in the editor's language.
        self.template = message
        self.params = params or {}

    @classmethod
    def too_large(cls) -> "GPXError":
        # Separate so callers can check an upload's size before reading it into memory.
        return cls(
            "too_large",
            _(
                "The file is larger than %(limit)s MB. Please shorten or simplify the track "
                "in your route planner and upload it again."
            ),
            {"limit": MAX_GPX_BYTES // (1024 * 1024)},
        )

    @property
    def message(self) -> str:
        return self.template % self.params if self.params else str(self.template)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class TrackPoint:
    lat: float
    lon: float
    ele: float | None = None


@dataclass(frozen=True)
class Track:
    name: str
    points: tuple[TrackPoint, ...]


@dataclass(frozen=True)
class TrackStatistics:
    length_m: float
    ascent_m: float
    descent_m: float  # metres downhill, as a positive number
    bbox: BoundingBox | None  # (min_lon, min_lat, max_lon, max_lat)


def parse_gpx(data: bytes) -> Track:
    """Read an uploaded GPX file into a Track, or raise GPXError saying what is wrong."""
    if len(data) > MAX_GPX_BYTES:
        raise GPXError.too_large()
    document = _sanitised_gpx(data)
    try:
        gpx = gpxpy.parse(document)
    except Exception as error:  # gpxpy raises GPXException, but bare Exception on odd input too
        raise GPXError(
            "invalid_gpx",
            _(
                "The file contains values that are not valid GPX, such as a position or "
                "elevation that is not a number. Please export the track again as GPX 1.1."
            ),
        ) from error  # gpxpy's own wording stays in __cause__ for the logs

    raw_points = [p for trk in gpx.tracks for segment in trk.segments for p in segment.points]
    names = [trk.name for trk in gpx.tracks]
    if not raw_points:
        raw_points = [p for route in gpx.routes for p in route.points]
        names = [route.name for route in gpx.routes]
    if not raw_points:
        raise GPXError(
            "no_points",
            _(
                "The file contains no track or route points, perhaps only waypoints. "
                "Please export the route itself as a GPX track."
            ),
        )
    points = tuple(_checked_point(p, number) for number, p in enumerate(raw_points, start=1))
    name = next((n for n in [*names, gpx.name] if n), "")
    return Track(name=name.strip(), points=points)


def _sanitised_gpx(data: bytes) -> str:
    """Check the file while streaming it; return only what a Track needs, without namespaces."""
    events = iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=True,
    )
    # Open elements from the root down, so a finished one can be removed from its parent.
    # Nesting is checked on every start tag, so the tree never grows deeper than MAX_DEPTH.
    open_elements: list[ET.Element] = []
    point_counts = {"trkpt": 0, "rtept": 0}
    root = gpx_ns = None
    try:
        for event, element in events:
            if event == "end":
                open_elements.pop()
                if open_elements and element.tag not in _TRACK_ELEMENTS:
                    open_elements[-1].remove(element)
                continue
            if len(open_elements) >= MAX_DEPTH:
                raise GPXError(
                    "too_deep",
                    _(
                        "The file is nested more than %(limit)s levels deep, which no GPS device "
                        "or route planner produces. Please export the track again as GPX 1.1."
                    ),
                    {"limit": MAX_DEPTH},
                )
            namespace, local = _split_tag(element.tag)
            if root is None:
                if local != "gpx" or namespace not in GPX_NAMESPACES:
                    raise GPXError(
                        "not_gpx",
                        _(
                            "This is not a GPX file: it starts with <%(tag)s> instead of <gpx>. "
                            "Please export the track from your route planner as GPX 1.1."
                        ),
                        {"tag": local[:50]},
                    )
                root, gpx_ns = element, namespace
            open_elements.append(element)
            # gpxpy reads the version attribute, not the namespace, so plain tags suffice;
            # a foreign element keeps its {namespace} and so is dropped at its end tag.
            if namespace == gpx_ns:
                element.tag = local
            for attribute in [a for a in element.attrib if a.startswith("{")]:
                del element.attrib[attribute]
            if element.tag in point_counts:
                point_counts[element.tag] += 1
                if point_counts[element.tag] > MAX_POINTS:
                    raise GPXError(
                        "too_many_points",
                        _(
                            "The track has more than %(limit)s points. Please simplify it in "
                            "your route planner (often called “reduce points”) and upload it "
                            "again."
                        ),
                        {"limit": MAX_POINTS},
                    )
    except DefusedXmlException as error:
        raise GPXError(
            "dtd",
            _(
                "The file contains a document type declaration or entities, which GPX files "
                "never need and which we refuse for security. Please export the track again "
                "as GPX 1.1."
            ),
        ) from error
    except ParseError as error:
        raise GPXError(
            "not_xml",
            _(
                "The file is not a readable GPX file (XML error in line %(line)s). Please "
                "export the track again as GPX 1.1 and upload that file."
            ),
            {"line": error.position[0]},
        ) from error
    return ET.tostring(root, encoding="unicode")


def _split_tag(tag: str) -> tuple[str, str]:
    """'{namespace}local' -> ('namespace', 'local'); a tag without namespace -> ('', tag)."""
    if tag.startswith("{"):
        namespace, _brace, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _checked_point(point, number: int) -> TrackPoint:
    try:
        validate_coordinates(point.latitude, point.longitude)
    except ValueError as error:
        raise GPXError(
            "bad_coordinate",
            _(
                "Point %(number)s has an impossible position (latitude %(lat)s, longitude "
                "%(lon)s). Please check the track in your route planner and export it again."
            ),
            {"number": number, "lat": point.latitude, "lon": point.longitude},
        ) from error
    ele = point.elevation
    if ele is not None and not (math.isfinite(ele) and MIN_ELEVATION_M <= ele <= MAX_ELEVATION_M):
        raise GPXError(
            "bad_elevation",
            _(
                "Point %(number)s has an impossible elevation of %(ele)s m. Please correct "
                "the elevations in your route planner and export the track again."
            ),
            {"number": number, "ele": ele},
        )
    return TrackPoint(lat=point.latitude, lon=point.longitude, ele=ele)


def track_statistics(points: Sequence[TrackPoint]) -> TrackStatistics:
    """Length, total ascent and descent, and bounding box of a track."""
    ascent = descent = 0.0
    elevations = [p.ele for p in points if p.ele is not None]
    for previous, current in pairwise(elevations):
        change = current - previous
        if change > 0:
            ascent += change
        else:
            descent -= change
    coordinates = [(p.lat, p.lon) for p in points]
    return TrackStatistics(
        length_m=path_length_m(coordinates),
        ascent_m=ascent,
        descent_m=descent,
        bbox=bounding_box(coordinates),
    )


def simplify(points: Sequence[TrackPoint], max_points: int = 2000) -> tuple[TrackPoint, ...]:
    """At most max_points of the track, always keeping the first and the last point."""
    if max_points < 2:
        raise ValueError("max_points must be at least 2 to keep start and finish.")
    if len(points) <= max_points:
        return tuple(points)
    # Even decimation rather than Douglas–Peucker: GPS devices record at roughly even
    # intervals, so every n-th point keeps the shape at map scale in O(n), with no tolerance
    # to tune; Douglas–Peucker would need a search for the tolerance that hits max_points.
    step = (len(points) - 1) / (max_points - 1)
    return tuple(points[round(i * step)] for i in range(max_points))


def build_gpx(
    name: str,
    points: Sequence[TrackPoint],
    waypoints: Sequence[tuple[str, float, float]] = (),
    description: str = "",
    link: str = "",
    creator: str = "Stadt-CMS",
) -> str:
    """A GPX 1.1 document with the route as one track and its stops as waypoints."""
    # A plain xmlns attribute rather than {namespace} tags: ElementTree's default_namespace
    # option refuses unqualified attributes such as lat and lon.
    attributes = {"xmlns": GPX_1_1_NS, "version": "1.1", "creator": _xml_text(creator)}
    gpx = ET.Element("gpx", attributes)
    # Child order follows the GPX 1.1 schema, which strict readers (Garmin) enforce.
    metadata = ET.SubElement(gpx, "metadata")
    _add_text(metadata, "name", name)
    _add_text(metadata, "desc", description)
    if link:
        ET.SubElement(metadata, "link", {"href": _xml_text(link)})
    for waypoint_name, lat, lon in waypoints:
        wpt = ET.SubElement(gpx, "wpt", _position(lat, lon))
        _add_text(wpt, "name", waypoint_name)
    if points:
        trk = ET.SubElement(gpx, "trk")
        _add_text(trk, "name", name)
        segment = ET.SubElement(trk, "trkseg")
        for point in points:
            trkpt = ET.SubElement(segment, "trkpt", _position(point.lat, point.lon))
            if point.ele is not None:
                ET.SubElement(trkpt, "ele").text = f"{point.ele:.1f}"
    ET.indent(gpx)
    body = ET.tostring(gpx, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _add_text(parent: ET.Element, tag: str, text: str) -> None:
    if text:
        ET.SubElement(parent, tag).text = _xml_text(text)


def _position(lat: float, lon: float) -> dict[str, str]:
    validate_coordinates(lat, lon)
    return {"lat": f"{lat:.6f}", "lon": f"{lon:.6f}"}


def _xml_text(text: str) -> str:
    # ElementTree escapes <&>" but writes control characters as they are, which makes
    # the whole document unreadable; editors do paste those from word processors.
    return _NOT_XML_CHAR.sub("", str(text))
