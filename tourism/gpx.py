"""Safe reading and writing of GPX tracks for routes.

Uploaded GPX is hostile input. parse_gpx reads it in one pass with expat, building no tree
and keeping only the points and names a Track needs: DTDs and entities are refused,
nesting, points and text lengths are capped, coordinates and elevations checked. Its time
grows with the file's size alone (1-2 s of CPU at most under the size cap); gpxpy,
which it replaced, copied whole trees and took 16-23 s and 400 MB on crafted files under
the size cap. Uploads go through tourism.gpx_sandbox, which runs parse_gpx in a child
process with CPU, memory and time limits.
"""

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tourism.geo import BoundingBox, bounding_box, path_length_m, validate_coordinates

MAX_GPX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 16
MAX_POINTS = 100_000
# Names longer than this are cut; an elevation or coordinate this long is not a number.
MAX_NAME_CHARS = 500
MAX_NUMBER_CHARS = 40
# Below the Dead Sea shore and above Everest means a broken barometer or a broken file.
MIN_ELEVATION_M = -500
MAX_ELEVATION_M = 9000

GPX_1_0_NS = "http://www.topografix.com/GPX/1/0"
GPX_1_1_NS = "http://www.topografix.com/GPX/1/1"
# "" accepts hand-written files without xmlns, as GPS tools do.
GPX_NAMESPACES = (GPX_1_1_NS, GPX_1_0_NS, "")
# Characters XML 1.0 cannot represent at all, not even escaped.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# What editors read for each refusal, by code. Kept in one table so that a refusal found in
# the child process (tourism.gpx_sandbox) can be told in the editor's language here.
MESSAGES = {
    "too_large": _(
        "The file is larger than %(limit)s MB. Please shorten or simplify the track "
        "in your route planner and upload it again."
    ),
    "too_deep": _(
        "The file is nested more than %(limit)s levels deep, which no GPS device "
        "or route planner produces. Please export the track again as GPX 1.1."
    ),
    "not_gpx": _(
        "This is not a GPX file: it starts with <%(tag)s> instead of <gpx>. "
        "Please export the track from your route planner as GPX 1.1."
    ),
    "too_many_points": _(
        "The track has more than %(limit)s points. Please simplify it in "
        "your route planner (often called “reduce points”) and upload it "
        "again."
    ),
    "dtd": _(
        "The file contains a document type declaration or entities, which GPX files "
        "never need and which we refuse for security. Please export the track again "
        "as GPX 1.1."
    ),
    "not_xml": _(
        "The file is not a readable GPX file (XML error in line %(line)s). Please "
        "export the track again as GPX 1.1 and upload that file."
    ),
    "invalid_gpx": _(
        "The file contains values that are not valid GPX, such as a position or "
        "elevation that is not a number. Please export the track again as GPX 1.1."
    ),
    "no_points": _(
        "The file contains no track or route points, perhaps only waypoints. "
        "Please export the route itself as a GPX track."
    ),
    "bad_coordinate": _(
        "Point %(number)s has an impossible position (latitude %(lat)s, longitude "
        "%(lon)s). Please check the track in your route planner and export it again."
    ),
    "bad_elevation": _(
        "Point %(number)s has an impossible elevation of %(ele)s m. Please correct "
        "the elevations in your route planner and export the track again."
    ),
    "encoding": _(
        "The file declares a text encoding we cannot read (%(encoding)s). Please export "
        "the track again as GPX 1.1 in UTF-8."
    ),
    "not_gpx_name": _("Only files ending in .gpx can be uploaded as a GPX track, not “%(name)s”."),
    "too_complex": _(
        "Reading this file took too long or needed too much memory. Please simplify the "
        "track in your route planner (often called “reduce points”) and upload it again."
    ),
}


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
    def of(cls, code: str, **params) -> "GPXError":
        return cls(code, MESSAGES[code], params)

    @classmethod
    def too_large(cls) -> "GPXError":
        # Separate so callers can check an upload's size before reading it into memory.
        return cls.of("too_large", limit=MAX_GPX_BYTES // (1024 * 1024))

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
    """Read an uploaded GPX file into a Track, or raise GPXError saying what is wrong.

    In this process and without a time limit: for files from editors use
    `tourism.gpx_sandbox.parse_gpx_bounded`.
    """
    if len(data) > MAX_GPX_BYTES:
        raise GPXError.too_large()
    reader = _TrackReader()
    reader.read(data)
    raw_points, names = reader.track_points, reader.track_names
    if not raw_points:
        raw_points, names = reader.route_points, reader.route_names
    if not raw_points:
        raise GPXError.of("no_points")
    points = tuple(_checked_point(raw, number) for number, raw in enumerate(raw_points, start=1))
    name = next((n for n in [*names, reader.gpx_name] if n), "")
    return Track(name=name.strip(), points=points)


# Where points and names sit in a GPX file, as paths of GPX element names from the root.
_TRACK_POINT = ("gpx", "trk", "trkseg", "trkpt")
_ROUTE_POINT = ("gpx", "rte", "rtept")
_NAME_PATHS = {
    ("gpx", "trk", "name"): "track",
    ("gpx", "rte", "name"): "route",
    ("gpx", "metadata", "name"): "gpx",  # GPX 1.1
    ("gpx", "name"): "gpx",  # GPX 1.0
}


_EXPAT_OUT_OF_MEMORY = expat.errors.codes[expat.errors.XML_ERROR_NO_MEMORY]


class _TrackReader:
    """expat callbacks that collect the points and names of a GPX file as it streams by.

    `path` holds the names of the open elements; elements of other namespaces (extensions)
    are None there, so nothing inside them matches a GPX path.
    """

    def __init__(self):
        self.path: list[str | None] = []
        self.namespace = None
        self.track_points: list[tuple] = []  # (lat, lon, ele) as found, unchecked
        self.route_points: list[tuple] = []
        self.track_names: list[str] = []  # one per track, "" when it has none
        self.route_names: list[str] = []
        self.gpx_name = ""
        self._counts = {"trkpt": 0, "rtept": 0}
        self._point = None  # [lat, lon, ele] of the point being read
        self._name = ""  # of the track or route being read
        self._text = None  # pieces of the name or elevation being read
        self._text_chars = 0

    def read(self, data: bytes) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        # The same refusals as defusedxml, on the bare expat parser.
        parser.StartDoctypeDeclHandler = _refuse_doctype
        parser.EntityDeclHandler = _refuse_entity
        parser.UnparsedEntityDeclHandler = _refuse_entity
        parser.ExternalEntityRefHandler = _refuse_external
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        try:
            parser.Parse(data, True)
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as error:
            raise GPXError.of("dtd") from error
        except LookupError as error:
            # expat asks Python's codecs for the declared encoding; unknown ones end here.
            declared = _declared_encoding(data)
            raise GPXError.of("encoding", encoding=declared) from error
        except expat.ExpatError as error:
            if error.code == _EXPAT_OUT_OF_MEMORY:  # at the sandbox's memory limit
                raise GPXError.of("too_complex") from error
            raise GPXError.of("not_xml", line=error.lineno) from error

    def start(self, tag, attributes):
        path = self.path
        if len(path) >= MAX_DEPTH:
            raise GPXError.of("too_deep", limit=MAX_DEPTH)
        namespace, _brace, name = tag.rpartition("}")
        if namespace != self.namespace:
            if self.namespace is not None:
                path.append(None)  # an extension: nothing inside it is read
                return
            if name != "gpx" or namespace not in GPX_NAMESPACES:
                raise GPXError.of("not_gpx", tag=name[:50])
            self.namespace = namespace
        path.append(name)
        if name in self._counts:
            self._counts[name] += 1
            if self._counts[name] > MAX_POINTS:
                raise GPXError.of("too_many_points", limit=MAX_POINTS)
            if tuple(path) in (_TRACK_POINT, _ROUTE_POINT):
                lat, lon = _number(attributes.get("lat")), _number(attributes.get("lon"))
                if lat is None or lon is None:
                    raise GPXError.of("invalid_gpx")
                self._point = [lat, lon, None]
        elif name == "ele":
            if tuple(path[:-1]) in (_TRACK_POINT, _ROUTE_POINT):
                self._text, self._text_chars = [], 0
        elif name == "name":
            if tuple(path) in _NAME_PATHS:
                self._text, self._text_chars = [], 0
        elif name in ("trk", "rte") and len(path) == 2:
            self._name = ""

    def text(self, data):
        # Only the element being read keeps text, and only as much as it may hold.
        if self._text is not None and self._text_chars <= MAX_NAME_CHARS:
            self._text.append(data)
            self._text_chars += len(data)

    def end(self, tag):
        path = self.path
        if self._text is not None:
            text, self._text = "".join(self._text), None
            if path[-1] == "ele":
                self._point[2] = _number(text) if text else None
                if text and self._point[2] is None:
                    raise GPXError.of("invalid_gpx")
            elif _NAME_PATHS[tuple(path)] == "gpx":
                self.gpx_name = self.gpx_name or text[:MAX_NAME_CHARS]
            else:
                self._name = self._name or text[:MAX_NAME_CHARS]
        elif path[-1] in self._counts:
            if tuple(path) == _TRACK_POINT:
                self.track_points.append(tuple(self._point))
            elif tuple(path) == _ROUTE_POINT:
                self.route_points.append(tuple(self._point))
        elif len(path) == 2 and path[1] in ("trk", "rte"):
            (self.track_names if path[1] == "trk" else self.route_names).append(self._name)
        path.pop()


def _number(text: str | None) -> float | None:
    """The value of a GPX number, or None when the text is none."""
    if text is None or len(text) > MAX_NUMBER_CHARS:
        return None
    try:
        return float(text.strip())
    except ValueError:
        return None


def _refuse_doctype(name, sysid, pubid, has_internal_subset):
    raise DTDForbidden(name, sysid, pubid)


def _refuse_entity(name, *args):
    raise EntitiesForbidden(name, None, None, None, None, None)


def _refuse_external(context, base, sysid, pubid):
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _checked_point(raw: tuple, number: int) -> TrackPoint:
    lat, lon, ele = raw
    try:
        validate_coordinates(lat, lon)
    except ValueError as error:
        raise GPXError.of("bad_coordinate", number=number, lat=lat, lon=lon) from error
    if ele is not None and not (math.isfinite(ele) and MIN_ELEVATION_M <= ele <= MAX_ELEVATION_M):
        raise GPXError.of("bad_elevation", number=number, ele=ele)
    return TrackPoint(lat=lat, lon=lon, ele=ele)


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


_ENCODING_DECLARATION = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})["']""")


def _declared_encoding(data: bytes) -> str:
    match = _ENCODING_DECLARATION.search(data[:200])
    return match.group(1).decode("ascii", "replace") if match else "?"
