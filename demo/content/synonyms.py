"""Synonym groups editors would keep for Haldensleben (Admin → Snippets → Synonym groups).

Words visitors type that the pages do not use, and Polish words for the German pages
(the demo has no Polish translations yet). The language is empty: every search uses them.
"""

SYNONYM_GROUPS = [
    "Schwimmbad, Hallenbad, Rolli-Bad, Freibad, swimming pool, basen",
    "Radwanderweg, Radweg, Fahrradtour, Radtour, Fahrrad, bike, cycling, cycle, rower, rowerowa",
    "Wanderweg, Wanderung, Wanderroute, hiking, hike, szlak",
    "Unterkunft, Hotel, Pension, Herberge, Übernachten, accommodation, nocleg",
    "Burgen, Burg, Schloss, castle, palace, zamek",
    "Kirche, church, kościół",
    "Museum, muzeum",
    "Rathaus, town hall, ratusz",
    "Kajak, Kanu, Paddeltour, Paddeln, canoe, kayak, spływ",
    "Konzert, concert, koncert",
    "Café, Cafe, Kaffee, coffee, kawiarnia",
    "Weihnachtsmarkt, Sternenmarkt, Christmas market, jarmark",
    "Touristinformation, Tourist-Information, informacja turystyczna",
]
