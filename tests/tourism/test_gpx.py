"""GPX upload and download; error messages need settings, so tests assert on `.code`."""

import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import gpxpy
import pytest

from tourism import gpx as gpx_module
from tourism.gpx import (
    MAX_DEPTH,
    MAX_GPX_BYTES,
    MAX_POINTS,
    GPXError,
    Track,
    TrackPoint,
    build_gpx,
    parse_gpx,
    simplify,
    track_statistics,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GPX_1_1 = "http://www.topografix.com/GPX/1/1"
GPX_1_0 = "http://www.topografix.com/GPX/1/0"
# Independent of tourism.geo on purpose; the 1 % tolerance covers any sensible radius.
MEAN_EARTH_RADIUS_M = 6_371_000


def gpx_file(body: str, namespace: str | None = GPX_1_1, version: str = "1.1") -> bytes:
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="{version}" creator="test"{xmlns}>{body}</gpx>'
    ).encode()


def track_file(*trkpts: str, name: str = "Rundweg") -> bytes:
    return gpx_file(f"<trk><name>{name}</name><trkseg>{''.join(trkpts)}</trkseg></trk>")


def trkpt(lat, lon, ele=None) -> str:
    ele_xml = "" if ele is None else f"<ele>{ele}</ele>"
    return f'<trkpt lat="{lat}" lon="{lon}">{ele_xml}</trkpt>'


def refusal(data: bytes) -> str:
    with pytest.raises(GPXError) as caught:
        parse_gpx(data)
    return caught.value.code


# Reading tracks


def test_track_name_and_points_are_read():
    track = parse_gpx(track_file(trkpt(52.28, 11.41, 55.5), trkpt(52.29, 11.42), name="Ohreweg"))
    assert track == Track(
        name="Ohreweg",
        points=(TrackPoint(52.28, 11.41, 55.5), TrackPoint(52.29, 11.42, None)),
    )


def test_route_length_follows_the_gpx_track():
    # Along a meridian the great-circle distance is simply R * Δlat (in radians).
    latitudes = [52.0, 52.01, 52.025, 52.04, 52.05]
    track = parse_gpx(track_file(*(trkpt(lat, 11.4) for lat in latitudes)))
    expected = MEAN_EARTH_RADIUS_M * math.radians(latitudes[-1] - latitudes[0])
    assert track_statistics(track.points).length_m == pytest.approx(expected, rel=0.01)


def test_ascent_and_descent():
    points = [TrackPoint(52.0, 11.0, ele) for ele in (100, 120, 110, 150, 150, 90)]
    statistics = track_statistics(points)
    assert statistics.ascent_m == pytest.approx(60)
    assert statistics.descent_m == pytest.approx(70)


def test_points_without_elevation_do_not_break_ascent():
    elevations = (100, None, 130, None, 120)
    points = [TrackPoint(52.0, 11.0, ele) for ele in elevations]
    statistics = track_statistics(points)
    assert (statistics.ascent_m, statistics.descent_m) == (30, 10)


def test_statistics_bounding_box_is_in_geojson_order():
    points = [TrackPoint(52.3, 11.4), TrackPoint(52.1, 11.6)]
    assert track_statistics(points).bbox == (11.4, 52.1, 11.6, 52.3)


def test_points_of_all_track_segments_are_joined():
    body = (
        f"<trk><trkseg>{trkpt(52.0, 11.0)}</trkseg><trkseg>{trkpt(52.1, 11.0)}</trkseg></trk>"
        f"<trk><trkseg>{trkpt(52.2, 11.0)}</trkseg></trk>"
    )
    assert [p.lat for p in parse_gpx(gpx_file(body)).points] == [52.0, 52.1, 52.2]


@pytest.mark.parametrize("namespace, version", [(GPX_1_1, "1.1"), (GPX_1_0, "1.0"), (None, "1.1")])
def test_gpx_1_0_1_1_and_files_without_namespace_are_read(namespace, version):
    data = gpx_file(f"<trk><trkseg>{trkpt(52.0, 11.0, 50)}</trkseg></trk>", namespace, version)
    assert parse_gpx(data).points == (TrackPoint(52.0, 11.0, 50.0),)


def test_route_points_are_used_when_there_is_no_track():
    body = (
        '<rte><name>Stadtrundgang</name><rtept lat="52.28" lon="11.41"/>'
        '<rtept lat="52.29" lon="11.42"><ele>60</ele></rtept></rte>'
    )
    track = parse_gpx(gpx_file(body))
    assert track.name == "Stadtrundgang"
    assert track.points == (TrackPoint(52.28, 11.41, None), TrackPoint(52.29, 11.42, 60.0))


def test_track_points_win_over_route_points():
    body = f'<rte><rtept lat="1" lon="1"/></rte><trk><trkseg>{trkpt(52.0, 11.0)}</trkseg></trk>'
    assert parse_gpx(gpx_file(body)).points == (TrackPoint(52.0, 11.0, None),)


def test_extensions_are_ignored():
    # Garmin-style extensions, plus one that merely looks like an impossible track point.
    body = (
        '<trk><trkseg><trkpt lat="52.0" lon="11.0"><ele>50</ele><extensions>'
        '<tpx:TrackPointExtension xmlns:tpx="http://www.garmin.com/xmlschemas/'
        'TrackPointExtension/v1"><tpx:hr>120</tpx:hr></tpx:TrackPointExtension>'
        '<trkpt lat="999" lon="999"/>'
        "</extensions></trkpt></trkseg><extensions><color>red</color></extensions></trk>"
    )
    assert parse_gpx(gpx_file(body)).points == (TrackPoint(52.0, 11.0, 50.0),)


def test_nesting_up_to_the_limit_is_accepted():
    # gpx > trk > trkseg > trkpt > extensions, then nesting up to exactly MAX_DEPTH.
    filler = MAX_DEPTH - 5
    extension = "<x>" * filler + "</x>" * filler
    body = f'<trk><trkseg><trkpt lat="52" lon="11"><extensions>{extension}</extensions>'
    assert parse_gpx(gpx_file(body + "</trkpt></trkseg></trk>")).points


# Refusing hostile or broken files


def test_deep_nesting_is_refused_quickly_and_the_process_survives():
    # In a child process: without the streaming depth check this crashes the interpreter,
    # which would take the whole test run down instead of failing one test.
    script = (
        "import time\n"
        "from tourism.gpx import GPXError, parse_gpx\n"
        f"data = b'<gpx xmlns=\"{GPX_1_1}\">' + b'<a>' * 200_000 + b'</a>' * 200_000 + b'</gpx>'\n"
        "started = time.perf_counter()\n"
        "try:\n"
        "    parse_gpx(data)\n"
        "except GPXError as error:\n"
        "    print(error.code, time.perf_counter() - started)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    code, seconds = result.stdout.split()
    assert code == "too_deep"
    assert float(seconds) < 1


def test_nesting_one_level_past_the_limit_is_refused():
    filler = MAX_DEPTH - 4
    extension = "<x>" * filler + "</x>" * filler
    body = f'<trk><trkseg><trkpt lat="52" lon="11"><extensions>{extension}</extensions>'
    assert refusal(gpx_file(body + "</trkpt></trkseg></trk>")) == "too_deep"


def test_billion_laughs_is_refused():
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    data = (
        f'<?xml version="1.0"?><!DOCTYPE gpx [{entities}]>'
        f'<gpx version="1.1" xmlns="{GPX_1_1}"><trk><name>&lol9;</name></trk></gpx>'
    ).encode()
    assert refusal(data) == "dtd"


def test_external_entity_is_refused():
    data = (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        f'<gpx version="1.1" xmlns="{GPX_1_1}"><trk><name>&secret;</name></trk></gpx>'
    ).encode()
    assert refusal(data) == "dtd"


def test_any_doctype_is_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "http://example.com/gpx.dtd">'
    assert refusal(data + track_file(trkpt(52, 11)).split(b"?>", 1)[1]) == "dtd"


def test_file_over_10_mb_is_refused_before_parsing(monkeypatch):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("a too large file was parsed")

    monkeypatch.setattr(gpx_module._TrackReader, "read", must_not_parse)
    error = pytest.raises(GPXError, parse_gpx, b" " * (MAX_GPX_BYTES + 1)).value
    assert error.code == "too_large"
    assert error.params == {"limit": 10}


def test_more_than_100_000_track_points_are_refused():
    data = track_file(*[trkpt(52.0, 11.0)] * (MAX_POINTS + 1))
    assert len(data) < MAX_GPX_BYTES
    assert refusal(data) == "too_many_points"


def test_more_than_100_000_route_points_are_refused():
    data = gpx_file("<rte>" + '<rtept lat="52" lon="11"/>' * (MAX_POINTS + 1) + "</rte>")
    assert refusal(data) == "too_many_points"


@pytest.mark.parametrize(
    "lat, lon",
    [("NaN", "11.0"), ("999", "11.0"), ("52.0", "-200"), ("inf", "11.0"), ("52.0", "-nan")],
)
def test_impossible_coordinates_are_refused(lat, lon):
    assert refusal(track_file(trkpt(52.0, 11.0), trkpt(lat, lon))) == "bad_coordinate"


@pytest.mark.parametrize("ele", ["NaN", "inf", "9000.1", "-501", "100000"])
def test_impossible_elevation_is_refused(ele):
    assert refusal(track_file(trkpt(52.0, 11.0, ele))) == "bad_elevation"


@pytest.mark.parametrize("ele", ["-500", "0", "9000"])
def test_elevations_from_dead_sea_to_everest_are_accepted(ele):
    assert parse_gpx(track_file(trkpt(52.0, 11.0, ele))).points[0].ele == float(ele)


@pytest.mark.parametrize(
    "data",
    [b"", b"just some text", b"\x89PNG\r\n\x1a\n\x00\x00", b"<gpx><trk>", b"<gpx>&nbsp;</gpx>"],
)
def test_not_xml_is_refused(data):
    assert refusal(data) == "not_xml"


@pytest.mark.parametrize(
    "data",
    [
        b'<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
        b'<gpx xmlns="http://example.com/not-gpx"><trk/></gpx>',
        b"<html><body>Download</body></html>",
    ],
)
def test_files_that_are_not_gpx_are_refused(data):
    assert refusal(data) == "not_gpx"


@pytest.mark.parametrize(
    "body",
    ["", '<wpt lat="52.0" lon="11.0"><name>Roland</name></wpt>', "<trk><trkseg/></trk>"],
)
def test_file_without_track_or_route_points_is_refused(body):
    assert refusal(gpx_file(body)) == "no_points"


@pytest.mark.parametrize(
    "point",
    ['<trkpt lon="11.0"/>', '<trkpt lat="north" lon="11.0"/>', trkpt(52, 11, "high")],
)
def test_values_gpxpy_cannot_read_are_refused(point):
    assert refusal(track_file(point)) == "invalid_gpx"


# Simplifying


def test_simplify_keeps_short_tracks_unchanged():
    points = [TrackPoint(52.0 + i / 1000, 11.0) for i in range(10)]
    assert simplify(points, max_points=10) == tuple(points)


def test_simplify_keeps_start_and_finish_and_at_most_max_points():
    points = [TrackPoint(52.0 + i / 100_000, 11.0) for i in range(10_001)]
    simplified = simplify(points, max_points=2000)
    assert len(simplified) == 2000
    assert simplified[0] == points[0]
    assert simplified[-1] == points[-1]
    assert list(simplified) == sorted(simplified, key=lambda p: p.lat)


def test_simplify_needs_room_for_start_and_finish():
    with pytest.raises(ValueError):
        simplify([TrackPoint(52.0, 11.0)] * 3, max_points=1)


# Writing GPX for download

POINTS = (TrackPoint(52.2812345678, 11.4098766, 55.56), TrackPoint(52.29, 11.42, None))
WAYPOINTS = (("Roland & Rathaus", 52.2851, 11.4079), ("Kloster <Althaldensleben>", 52.29, 11.44))


def test_built_gpx_reads_back_with_parse_gpx():
    track = parse_gpx(build_gpx("Ohreweg", POINTS, WAYPOINTS).encode())
    assert track.name == "Ohreweg"
    assert track.points == (TrackPoint(52.281235, 11.409877, 55.6), POINTS[1])


def test_built_gpx_reads_back_with_gpxpy():
    document = build_gpx(
        "Stadt <&> Land", POINTS, WAYPOINTS, "Schön & kurz", "https://x.de/?a=1&b=2"
    )
    gpx = gpxpy.parse(document)
    assert gpx.version == "1.1"
    assert gpx.name == "Stadt <&> Land"
    assert gpx.description == "Schön & kurz"
    assert gpx.link == "https://x.de/?a=1&b=2"
    assert [w.name for w in gpx.waypoints] == [name for name, _lat, _lon in WAYPOINTS]
    assert gpx.tracks[0].name == "Stadt <&> Land"
    assert len(gpx.tracks[0].segments[0].points) == 2


def test_built_gpx_uses_the_gpx_1_1_namespace_and_schema_order():
    root = ET.fromstring(build_gpx("Ohreweg", POINTS, WAYPOINTS, "Kurz", "https://x.de/"))
    ns = f"{{{GPX_1_1}}}"
    assert root.tag == f"{ns}gpx"
    assert (root.get("version"), root.get("creator")) == ("1.1", "Stadt-CMS")
    assert [child.tag for child in root] == [f"{ns}metadata", f"{ns}wpt", f"{ns}wpt", f"{ns}trk"]
    assert [child.tag for child in root.find(f"{ns}metadata")] == [
        f"{ns}name",
        f"{ns}desc",
        f"{ns}link",
    ]
    assert [child.tag for child in root.find(f"{ns}trk")] == [f"{ns}name", f"{ns}trkseg"]
    first = root.find(f"{ns}trk/{ns}trkseg/{ns}trkpt")
    assert (first.get("lat"), first.get("lon"), first.findtext(f"{ns}ele")) == (
        "52.281235",
        "11.409877",
        "55.6",
    )


def test_built_gpx_escapes_markup_in_names():
    document = build_gpx('A <b>&amp; "C"', POINTS, WAYPOINTS)
    assert "<b>" not in document
    assert '&lt;b&gt;&amp;amp; "C"' in document
    assert "Roland &amp; Rathaus" in document
    assert parse_gpx(document.encode()).name == 'A <b>&amp; "C"'


def test_built_gpx_drops_characters_xml_cannot_hold():
    document = build_gpx("Ohre\x0bweg\x00", POINTS)
    assert parse_gpx(document.encode()).name == "Ohreweg"


def test_built_gpx_refuses_impossible_coordinates():
    with pytest.raises(ValueError):
        build_gpx("Kaputt", [TrackPoint(math.nan, 11.0)])


def test_size_error_is_available_before_reading_an_upload():
    error = GPXError.too_large()
    assert (error.code, error.params) == ("too_large", {"limit": 10})
