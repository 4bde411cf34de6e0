# ruff: noqa: E501 -- one query per line keeps the set reviewable.
"""Visitor queries over the Haldensleben demo and the pages that answer them.

Each case: (text, language, expected German slugs, kind). A case is a hit at k when one
of the expected pages is among the first k results; an empty expectation ("nonsense")
is a hit when nothing is found. The kinds group the table in docs/search.md.
Written from what visitors of a town site type, not from what the pages say: typos,
umlaut and ß spellings, plurals, compounds, synonyms, questions, months and Polish.
"""

from typing import NamedTuple


class Case(NamedTuple):
    text: str
    language: str
    expected: tuple
    kind: str


PALACE = "schloss-hundisburg"
TOMBS = (
    "grosssteingrab-teufelskueche",
    "grosssteingrab-kuechentannen",
    "grosssteingrab-kuesterberg",
    "wanderung-grosssteingraeber",
)
MUSEUMS = (
    "museum-haldensleben",
    "schulmuseum-hundisburg",
    "haus-des-waldes",
    "ziegelei-hundisburg",
)
CHURCHES = ("st-marien-kirche", "kirchenruine-nordhusen", "kloster-althaldensleben")
SLEEP = ("waldhotel-alte-ziegelei", "torhausherberge-ziegelei")
BIKE = ("radtour-hundisburg",)
POOL = ("rolli-bad", "rolli-bad-nach-wartung")


def _c(text, language, expected, kind):
    if isinstance(expected, str):
        expected = (expected,)
    return Case(text, language, tuple(expected), kind)


CASES = [
    # names, as written
    _c("Roland", "de", "reitender-roland", "name"),
    _c("Schloss Hundisburg", "de", PALACE, "name"),
    _c("Rathaus", "de", ("rathaus", "rathaus-und-oeffnungszeiten"), "name"),
    _c("St.-Marien-Kirche", "de", "st-marien-kirche", "name"),
    _c("Stendaler Turm", "de", "stendaler-turm", "name"),
    _c("Bülstringer Torturm", "de", "buelstringer-torturm", "name"),
    _c("Stadtmauer", "de", "stadtmauer", "name"),
    _c("Hagentor", "de", "hagentor", "name"),
    _c("KulturFabrik", "de", "kulturfabrik", "name"),
    _c("Bahnhof", "de", "bahnhof-haldensleben", "name"),
    _c("Tourist-Information", "de", "tourist-information", "name"),
    _c("Rolli-Bad", "de", POOL, "name"),
    _c("Mittellandkanal", "de", "mittellandkanal", "name"),
    _c("Pulverturm", "de", "pulverturm-oberholz", "name"),
    _c("Haldensleber Forst", "de", "haldensleber-forst", "name"),
    _c("Kloster Althaldensleben", "de", "kloster-althaldensleben", "name"),
    _c("Barockgarten", "de", "barockgarten-hundisburg", "name"),
    _c("Haus des Waldes", "de", "haus-des-waldes", "name"),
    _c("Ziegelei", "de", ("ziegelei-hundisburg", "saisonstart-ziegelei-2027"), "name"),
    _c("Schulmuseum", "de", "schulmuseum-hundisburg", "name"),
    _c("Waldhotel", "de", "waldhotel-alte-ziegelei", "name"),
    _c("Sternenmarkt", "de", ("sternenmarkt-2026", "sternenmarkt-aufbau"), "name"),
    _c("Impressum", "de", "impressum", "name"),
    _c("Datenschutz", "de", "datenschutz", "name"),
    _c("Leichte Sprache", "de", "leichte-sprache", "name"),
    _c("Altstadtrundgang", "de", "altstadtrundgang", "name"),
    _c("Hundisburg Palace", "en", PALACE, "name"),
    _c("town hall", "en", ("rathaus", "rathaus-und-oeffnungszeiten"), "name"),
    _c("Star Market", "en", ("sternenmarkt-2026", "sternenmarkt-aufbau"), "name"),
    _c("brickworks", "en", ("ziegelei-hundisburg", "saisonstart-ziegelei-2027"), "name"),
    # categories and plurals
    _c("Museum", "de", MUSEUMS, "category"),
    _c("Museen", "de", MUSEUMS, "plural"),
    _c("Kirchen", "de", CHURCHES, "plural"),
    _c("Kirche", "de", CHURCHES, "category"),
    _c("Großsteingräber", "de", TOMBS, "plural"),
    _c("Türme", "de", ("stendaler-turm", "buelstringer-torturm", "pulverturm-oberholz"), "plural"),
    _c(
        "Konzerte",
        "de",
        (
            "adventskonzert-st-marien-2026",
            "neujahrskonzert-hundisburg-2027",
            "live-musik-alsteinklub-2027-02",
        ),
        "plural",
    ),
    _c(
        "Führungen",
        "de",
        (
            "fruehlingsfuehrung-barockgarten-2027",
            "kostuemfuehrung-altstadt-2027-05",
            "osterspaziergang-2027",
            "wanderung-grosssteingraeber-2027-03",
        ),
        "plural",
    ),
    _c("Übernachten", "de", SLEEP, "category"),
    _c("Essen", "de", ("schlossgastronomie-hundisburg", "waldhotel-alte-ziegelei"), "category"),
    _c("Restaurant", "de", "schlossgastronomie-hundisburg", "category"),
    _c("museums", "en", MUSEUMS, "plural"),
    _c("churches", "en", CHURCHES, "plural"),
    _c("megalithic tombs", "en", TOMBS, "plural"),
    _c(
        "concerts",
        "en",
        (
            "adventskonzert-st-marien-2026",
            "neujahrskonzert-hundisburg-2027",
            "live-musik-alsteinklub-2027-02",
        ),
        "plural",
    ),
    _c("towers", "en", ("stendaler-turm", "buelstringer-torturm", "pulverturm-oberholz"), "plural"),
    # compounds
    _c("Burg", "de", PALACE, "compound"),
    _c("Turm", "de", ("stendaler-turm", "buelstringer-torturm", "pulverturm-oberholz"), "compound"),
    _c("Garten", "de", "barockgarten-hundisburg", "compound"),
    _c("Steingrab", "de", TOMBS, "compound"),
    _c("Kirchenruine", "de", "kirchenruine-nordhusen", "compound"),
    _c("Paddeltour", "de", ("ohre-paddeltour", "ohre-paddeltag-2027"), "compound"),
    _c("Radtour", "de", BIKE, "compound"),
    # umlaut, ß and accent spellings
    _c("Teufelskueche", "de", "grosssteingrab-teufelskueche", "spelling"),
    _c("Grossteingrab", "de", TOMBS, "spelling"),
    _c("Grosssteingrab", "de", TOMBS, "spelling"),
    _c("Hagenstrasse", "de", "hagenstrasse", "spelling"),
    _c("Muehlentor", "de", "stendaler-turm", "spelling"),
    _c(
        "Kuesterberg", "de", ("grosssteingrab-kuesterberg", "herbstausflug-kuesterberg"), "spelling"
    ),
    _c("Buelstringer Torturm", "de", "buelstringer-torturm", "spelling"),
    _c("Cafe", "de", "schlossgastronomie-hundisburg", "spelling"),
    _c("Suedhafen", "de", "mittellandkanal", "spelling"),
    _c("Maerchenstunde", "de", "maerchenstunde-museum-2026-11", "spelling"),
    _c("Kostuemfuehrung", "de", "kostuemfuehrung-altstadt-2027-05", "spelling"),
    _c("Oeffnungszeiten Rathaus", "de", ("rathaus-und-oeffnungszeiten", "rathaus"), "spelling"),
    _c("Gebaerdensprache", "de", "gebaerdensprache", "spelling"),
    _c("Kusterberg", "de", ("grosssteingrab-kuesterberg", "herbstausflug-kuesterberg"), "spelling"),
    _c("Bulstringer", "de", "buelstringer-torturm", "spelling"),
    _c("cafe Hundisburg", "en", "schlossgastronomie-hundisburg", "spelling"),
    # typos
    _c("Hundisbrug", "de", PALACE, "typo"),
    _c("Rolnad", "de", "reitender-roland", "typo"),
    _c("musem", "de", MUSEUMS, "typo"),
    _c("Ziegelie", "de", ("ziegelei-hundisburg", "saisonstart-ziegelei-2027"), "typo"),
    _c("Kirhce", "de", CHURCHES, "typo"),
    _c("Shcloss", "de", PALACE, "typo"),
    _c("Stadmauer", "de", "stadtmauer", "typo"),
    _c("Barokgarten", "de", "barockgarten-hundisburg", "typo"),
    _c("Sternenmakrt", "de", ("sternenmarkt-2026", "sternenmarkt-aufbau"), "typo"),
    _c("Mittelandkanal", "de", "mittellandkanal", "typo"),
    _c("Kulturfabrick", "de", "kulturfabrik", "typo"),
    _c("Waldhotell", "de", "waldhotel-alte-ziegelei", "typo"),
    _c("Hundsiburg Palace", "en", PALACE, "typo"),
    _c("musuem", "en", MUSEUMS, "typo"),
    # synonyms: words visitors use, not the pages
    _c("Schwimmbad", "de", POOL, "synonym"),
    _c("Hallenbad", "de", POOL, "synonym"),
    _c("Radwanderweg", "de", BIKE, "synonym"),
    _c("Fahrradtour", "de", BIKE, "synonym"),
    _c("Wanderweg", "de", ("wanderung-grosssteingraeber", "altstadtrundgang"), "synonym"),
    _c("Unterkunft", "de", SLEEP, "synonym"),
    _c("Hotel", "de", SLEEP, "synonym"),
    _c("Burgen", "de", PALACE, "synonym"),
    _c("bike", "en", BIKE, "synonym"),
    _c("cycling", "en", BIKE, "synonym"),
    _c("swimming pool", "en", POOL, "synonym"),
    _c("castle", "en", PALACE, "synonym"),
    _c("hotel", "en", SLEEP, "synonym"),
    _c("canoe", "en", ("ohre-paddeltour", "ohre-paddeltag-2027"), "synonym"),
    # questions
    _c("Wann hat das Museum geöffnet?", "de", "museum-haldensleben", "question"),
    _c("Wo kann ich übernachten?", "de", SLEEP, "question"),
    _c("Wo ist die Touristinformation?", "de", "tourist-information", "question"),
    _c("Öffnungszeiten Schloss Hundisburg", "de", PALACE, "question"),
    _c("where can I stay overnight", "en", SLEEP, "question"),
    _c("opening hours museum", "en", "museum-haldensleben", "question"),
    # events by date
    _c(
        "Veranstaltungen Dezember",
        "de",
        (
            "advent-auf-schloss-hundisburg-2026",
            "adventskonzert-st-marien-2026",
            "sternenmarkt-2026",
        ),
        "date",
    ),
    _c(
        "im Mai",
        "de",
        (
            "saisonstart-ziegelei-2027",
            "kostuemfuehrung-altstadt-2027-05",
            "internationaler-museumstag-2027",
        ),
        "date",
    ),
    _c("Ostern", "de", "osterspaziergang-2027", "date"),
    _c(
        "Konzert",
        "de",
        (
            "adventskonzert-st-marien-2026",
            "neujahrskonzert-hundisburg-2027",
            "live-musik-alsteinklub-2027-02",
        ),
        "date",
    ),
    _c(
        "Weihnachtsmarkt", "de", ("sternenmarkt-2026", "advent-auf-schloss-hundisburg-2026"), "date"
    ),
    _c("Januar", "de", ("neujahrskonzert-hundisburg-2027", "ausstellung-steinzeit-2027"), "date"),
    _c(
        "events in May",
        "en",
        (
            "saisonstart-ziegelei-2027",
            "kostuemfuehrung-altstadt-2027-05",
            "internationaler-museumstag-2027",
        ),
        "date",
    ),
    _c("concert in January", "en", "neujahrskonzert-hundisburg-2027", "date"),
    _c("Easter", "en", "osterspaziergang-2027", "date"),
    _c(
        "Frühling",
        "de",
        ("fruehlingsfuehrung-barockgarten-2027", "anradeln-hundisburg-2027"),
        "date",
    ),
    # Polish visitors
    _c("zamek", "pl", PALACE, "polish"),
    _c("kościół", "pl", CHURCHES, "polish"),
    _c("muzeum", "pl", MUSEUMS, "polish"),
    _c("kajak", "pl", ("ohre-paddeltour", "ohre-paddeltag-2027"), "polish"),
    _c("wycieczka rowerowa", "pl", BIKE, "polish"),
    _c("ratusz", "pl", ("rathaus", "rathaus-und-oeffnungszeiten"), "polish"),
    _c("Hundisburg", "pl", PALACE, "polish"),
    _c("hotel", "pl", SLEEP, "polish"),
    _c(
        "koncert",
        "pl",
        (
            "adventskonzert-st-marien-2026",
            "neujahrskonzert-hundisburg-2027",
            "live-musik-alsteinklub-2027-02",
        ),
        "polish",
    ),
    _c(
        "grudzień",
        "pl",
        (
            "advent-auf-schloss-hundisburg-2026",
            "adventskonzert-st-marien-2026",
            "sternenmarkt-2026",
        ),
        "polish",
    ),
    # English words on the German site, German words on the English one
    _c("palace", "de", PALACE, "cross-language"),
    _c("Schloss", "en", PALACE, "cross-language"),
    _c("Ziegelei", "en", "ziegelei-hundisburg", "cross-language"),
    # nonsense that should find nothing
    _c("xqzvy", "de", (), "nonsense"),
    _c("Flughafen", "de", (), "nonsense"),
    _c("asdfgh jklö", "de", (), "nonsense"),
    _c("Zoo Eisbären", "de", (), "nonsense"),
    _c("skyscraper", "en", (), "nonsense"),
]
