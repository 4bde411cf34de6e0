"""Categories for points of interest and events in the Haldensleben demo content.

``schema_type`` must be one of ``tourism.models.categories.SCHEMA_TYPE_CHOICES``.
"""

from demo.content import polish

POI_CATEGORIES = [
    {
        "slug": "sights",
        "name": {"de": "Sehenswürdigkeiten", "en": "Sights"},
        "schema_type": "TouristAttraction",
    },
    {
        "slug": "museums",
        "name": {"de": "Museen", "en": "Museums"},
        "schema_type": "Museum",
    },
    {
        "slug": "churches",
        "name": {"de": "Kirchen", "en": "Churches"},
        "schema_type": "Church",
    },
    {
        "slug": "history",
        "name": {"de": "Geschichte & Denkmäler", "en": "History & monuments"},
        "schema_type": "LandmarksOrHistoricalBuildings",
    },
    {
        "slug": "nature",
        "name": {"de": "Natur & Parks", "en": "Nature & parks"},
        "schema_type": "Park",
    },
    {
        "slug": "leisure",
        "name": {"de": "Freizeit & Kultur", "en": "Leisure & culture"},
        "schema_type": "SportsActivityLocation",
    },
    {
        "slug": "food-and-drink",
        "name": {"de": "Essen & Trinken", "en": "Food & drink"},
        "schema_type": "FoodEstablishment",
    },
    {
        "slug": "accommodation",
        "name": {"de": "Übernachten", "en": "Accommodation"},
        "schema_type": "LodgingBusiness",
    },
    {
        "slug": "shopping",
        "name": {"de": "Einkaufen", "en": "Shopping"},
        "schema_type": "Store",
    },
    {
        "slug": "services",
        "name": {"de": "Service & Verwaltung", "en": "Services & administration"},
        "schema_type": "CivicStructure",
    },
]

EVENT_CATEGORIES = [
    {"slug": "concerts", "name": {"de": "Konzerte", "en": "Concerts"}},
    {
        "slug": "markets-and-festivals",
        "name": {"de": "Märkte & Feste", "en": "Markets & festivals"},
    },
    {"slug": "guided-tours", "name": {"de": "Führungen", "en": "Guided tours"}},
    {"slug": "exhibitions", "name": {"de": "Ausstellungen", "en": "Exhibitions"}},
    {"slug": "sports", "name": {"de": "Sport", "en": "Sport"}},
    {"slug": "kids-and-family", "name": {"de": "Kinder & Familie", "en": "Children & family"}},
]

for _item in POI_CATEGORIES:
    polish.add_polish(_item["name"], polish.POI_CATEGORIES.get(_item["slug"]))
for _item in EVENT_CATEGORIES:
    polish.add_polish(_item["name"], polish.EVENT_CATEGORIES.get(_item["slug"]))
