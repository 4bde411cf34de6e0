"""Rivers drawn under the schematic maps (Admin → Snippets → Map features).

Approximate courses through the demo's places, for orientation only: a town replaces
them with real geometry (e.g. exported from OpenStreetMap as GeoJSON).
"""

MAP_FEATURES = [
    {
        "name": {"de": "Ohre", "en": "Ohre", "pl": "Ohra"},
        "kind": "river",
        # (lat, lon) from Hundisburg north along the old town's east side, then east.
        "course": [
            (52.2400, 11.4060), (52.2480, 11.4100), (52.2560, 11.4120), (52.2640, 11.4180),
            (52.2720, 11.4160), (52.2800, 11.4150), (52.2880, 11.4160), (52.2942, 11.4170),
            (52.2950, 11.4250), (52.2920, 11.4350), (52.2880, 11.4460), (52.2850, 11.4560),
        ],
    },
    {
        "name": {"de": "Mittellandkanal", "en": "Mittelland Canal", "pl": "Kanał Śródlądowy"},
        "kind": "river",
        "course": [
            (52.2720, 11.3500), (52.2760, 11.3800), (52.2790, 11.4000), (52.2795, 11.4180),
            (52.2800, 11.4400), (52.2780, 11.4700),
        ],
    },
]  # fmt: skip
