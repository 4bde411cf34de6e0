"""GPX tracks for the demo routes, generated along their stops (no downloads)."""

import math

from tourism.geo import haversine_m
from tourism.gpx import TrackPoint, build_gpx

STEP_M = 25  # one point every 25 m, as a phone's GPS logger would record


def generate_track(name, waypoints, elevation_base, kind):
    """A GPX document following `waypoints` [(lat, lon) …] with plausible elevations."""
    points = []
    walked = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(waypoints, waypoints[1:], strict=False):
        leg = haversine_m(lat1, lon1, lat2, lon2)
        steps = max(1, int(leg // STEP_M))
        for step in range(steps):
            share = step / steps
            points.append(
                _point(
                    lat1 + (lat2 - lat1) * share,
                    lon1 + (lon2 - lon1) * share,
                    walked + leg * share,
                    elevation_base,
                    kind,
                )
            )
        walked += leg
    last_lat, last_lon = waypoints[-1]
    points.append(_point(last_lat, last_lon, walked, elevation_base, kind))
    return build_gpx(name, points, creator="Stadt-CMS Demo").encode()


def _point(lat, lon, distance_m, base, kind):
    if kind == "canoe":
        # Rivers fall gently downstream: about 0.3 m per kilometre.
        elevation = base - distance_m * 0.0003
    else:
        # Rolling ground: two overlaid waves, deterministic for the same route.
        elevation = base + 6 * math.sin(distance_m / 700) + 3 * math.sin(distance_m / 190)
    return TrackPoint(lat=round(lat, 6), lon=round(lon, 6), ele=round(elevation, 1))
