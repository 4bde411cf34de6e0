"""How long a route takes, estimated per kind of travel."""

# Horizontal speed (km/h) and climbing rates (m/h up, m/h down) per kind.
# Walking and hiking follow DIN 33466 (4 km/h, 300 m/h up, 500 m/h down);
# a town walk is slower because people stop and look.
PACE = {
    "walking": (3.0, 300, 500),
    "hiking": (4.0, 300, 500),
    "cycling": (15.0, 600, 2000),
    "mountainbike": (12.0, 450, 1500),
    "canoe": (5.0, None, None),
}


def estimated_minutes(kind, length_m, ascent_m=0.0, descent_m=0.0):
    """DIN 33466 style: the larger of distance and climbing time plus half the smaller."""
    speed, up_rate, down_rate = PACE.get(kind, PACE["walking"])
    horizontal_h = (length_m / 1000) / speed
    vertical_h = 0.0
    if up_rate:
        vertical_h = (ascent_m or 0) / up_rate + (descent_m or 0) / down_rate
    hours = max(horizontal_h, vertical_h) + min(horizontal_h, vertical_h) / 2
    return round(hours * 60)
