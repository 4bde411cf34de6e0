"""A whole region of generated places, routes and events, for measuring cost at scale.

`manage.py generate_region --places 100000` adds 100 000 points of interest, 5 000 routes
with stops and 20 000 events in German and English below the demo's index pages (or a
bare site when there is no demo). Saving pages one by one through Wagtail takes hours at
this size, so the rows are inserted in bulk: page rows with their treebeard paths, slugs
and url paths per language computed here, then the rows of the specific tables with
`page_ptr_id`. No revisions and no signals: live pages need neither, and what the
database's text index finds comes from its own triggers.
"""

import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from media.models import CustomImage
from pages.models import EventCategory, EventIndexPage, EventPage, HomePage
from tourism.blocks import opening_hours_stream
from tourism.durations import estimated_minutes
from tourism.geo import bounding_box, path_length_m
from tourism.models import (
    PointOfInterestCategory,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestPage,
    RouteIndexPage,
    RoutePage,
    RouteStop,
)
from tourism.models.points_of_interest import PointOfInterestTag, sort_titles

# Sizes the benchmarks use: points of interest added to the demo (routes and events follow).
SIZES = {"demo": 0, "10k": 10_000, "100k": 100_000}
ROUTES_PER_PLACE = 1 / 20  # 100 000 places → 5 000 routes
EVENTS_PER_PLACE = 1 / 5  # 100 000 places → 20 000 events
# A district around Haldensleben (~55 × 68 km), about 27 places per km² at 100 000.
REGION = (52.0, 10.9, 52.5, 11.9)
CHUNK = 5000  # rows built in memory at a time

WORDS_DE = ["Schloss", "Kirche", "Museum", "Park", "Mühle", "Brunnen", "Turm", "Garten", "Hof"]
WORDS_EN = ["Castle", "Church", "Museum", "Park", "Mill", "Fountain", "Tower", "Garden", "Farm"]
PLACES = ["Hundisburg", "Althaldensleben", "Satuelle", "Uthmöden", "Wedringen", "Bülstringen"]
CATEGORIES = [
    ("sights", "Sehenswürdigkeiten", "Sights"),
    ("museums", "Museen", "Museums"),
    ("food", "Essen und Trinken", "Food and drink"),
    ("nature", "Natur", "Nature"),
    ("services", "Service", "Services"),
]
EVENT_CATEGORIES = [
    ("concerts", "Konzerte", "Concerts"),
    ("guided-tours", "Führungen", "Guided tours"),
    ("markets-and-festivals", "Märkte und Feste", "Markets and festivals"),
]
EVENT_WORDS = [
    ("Konzert", "Concert"),
    ("Führung", "Guided tour"),
    ("Markt", "Market"),
    ("Lesung", "Reading"),
    ("Ausstellung", "Exhibition"),
]
ROUTE_KINDS = [
    ("walking", "Rundgang", "Walk"),
    ("hiking", "Wanderweg", "Hike"),
    ("cycling", "Radweg", "Cycle path"),
    ("canoe", "Kanutour", "Canoe tour"),
]
TAGS = ["barrierefrei", "familienfreundlich", "Hunde erlaubt", "WLAN"]
FILLER_DE = (
    "Der Ort liegt am Rand der Altstadt und ist zu Fuß, mit dem Rad und mit dem Bus gut zu "
    "erreichen. Führungen gibt es nach Anmeldung, Gruppen melden sich bitte vorher an. "
    "Parkplätze findet man in der Nähe, und im Sommer lädt eine Bank im Schatten zur Pause ein."
)
FILLER_EN = (
    "The place lies at the edge of the old town and is easy to reach on foot, by bike and by "
    "bus. Guided tours are available on request; groups please register in advance. There is "
    "parking nearby, and in summer a bench in the shade invites you to take a break."
)


def whole_year(days, opens, closes):
    """Opening hours of one season that lasts all year (see `opening_hours_stream`)."""
    return [{"start": None, "end": None, "weekly": [{"days": days, "ranges": [(opens, closes)]}]}]


TUESDAY_TO_SUNDAY = whole_year([1, 2, 3, 4, 5, 6], "10:00", "17:00")
ALWAYS_OPEN = whole_year(list(range(7)), "00:00", "00:00")
TRACK_POINTS_PER_LEG = 25


@dataclass
class Counts:
    points_of_interest: int = 0
    routes: int = 0
    stops: int = 0
    events: int = 0


def description(rng, word_de, word_en, place):
    """Two paragraphs of ~400 characters per language; 2 % mention the Roland."""
    roland_de = " Nur wenige Schritte sind es zum Roland am Markt." if rng.random() < 0.02 else ""
    roland_en = " The Roland statue on the market square is a short walk away." if roland_de else ""
    return (
        f"<p>{word_de} in {place}. {FILLER_DE}{roland_de}</p>",
        f"<p>{word_en} in {place}. {FILLER_EN}{roland_en}</p>",
    )


def insert_pages(model, parent, specs):
    """Insert live page rows below `parent` for `specs`; return their ids in order.

    A spec holds `title_de`, optional `title_en`, and the specific model's own fields
    (translated ones as `<field>_de`/`<field>_en`). Slugs and url paths follow what
    `cms.slugs.fill_missing_slugs` and wagtail-modeltranslation store for a page saved
    in the admin: every language has one, Polish falls back to English, then German.
    """
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    now = timezone.now()
    parent.refresh_from_db(fields=["numchild"])
    start, depth = parent.numchild, parent.depth + 1
    parent_paths = {
        code: getattr(parent, f"url_path_{code}") or parent.url_path
        for code, _name in settings.LANGUAGES
    }
    pages = []
    for offset, spec in enumerate(specs, start=1):
        titles = {"de": spec["title_de"], "en": spec.get("title_en") or None}
        slugs = {"de": slugify(titles["de"])}
        slugs["en"] = slugify(titles["en"]) if titles["en"] else slugs["de"]
        slugs["pl"] = slugs["en"]
        paths = {code: f"{parent_paths[code]}{slugs[code]}/" for code in parent_paths}
        pages.append(
            Page(
                path=Page._get_path(parent.path, depth, start + offset),
                depth=depth,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale=locale,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                latest_revision_created_at=now,
                title=titles["de"],
                draft_title=titles["de"],
                slug=slugs["de"],
                url_path=paths["de"],
                **{f"title_{code}": titles.get(code) for code in parent_paths},
                **{f"slug_{code}": slugs[code] for code in parent_paths},
                **{f"url_path_{code}": paths[code] for code in parent_paths},
            )
        )
    created = Page.objects.bulk_create(pages, batch_size=500)
    parent.numchild = start + len(created)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
    page_ids = [page.pk for page in created]
    fields = model._meta.local_concrete_fields
    field_names = {field.name for field in fields}
    rows = []
    for page_id, spec in zip(page_ids, specs, strict=True):
        own = {key: value for key, value in spec.items() if not key.startswith("title")}
        # The untranslated column holds the default language, as modeltranslation keeps it.
        for key in list(own):
            if key.endswith("_de") and key.removesuffix("_de") in field_names:
                own.setdefault(key.removesuffix("_de"), own[key])
        row = model(**own)
        row.page_ptr_id = row.pk = page_id
        rows.append(row)
    model.objects.all()._batched_insert(rows, fields, batch_size=500)
    return page_ids


class RegionGenerator:
    """Adds `places` points of interest, `routes` routes and `events` events to the site."""

    def __init__(self, places, routes=None, events=None, seed=4, area=REGION, log=print):
        self.places = places
        self.routes = round(places * ROUTES_PER_PLACE) if routes is None else routes
        self.events = round(places * EVENTS_PER_PLACE) if events is None else events
        self.rng = random.Random(seed)
        self.area = area
        self.log = log
        self.counts = Counts()

    def run(self):
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            home = self.home_page()
            poi_index = self.index(PointOfInterestIndexPage, home, "Sehenswertes", "Sights")
            route_index = self.index(RouteIndexPage, home, "Touren", "Routes")
            event_index = self.index(EventIndexPage, home, "Veranstaltungen", "Events")
            self.categories = self.ensure(PointOfInterestCategory, CATEGORIES)
            self.event_categories = self.ensure(EventCategory, EVENT_CATEGORIES)
            self.tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
            self.image_ids = list(CustomImage.objects.values_list("pk", flat=True))
            place_positions = self.add_points_of_interest(poi_index)
            self.add_routes(route_index, place_positions)
            self.add_events(event_index, [pk for pk, _lat, _lon in place_positions])
        # Statistics for the planner after a bulk load: PostgreSQL's autovacuum would gather
        # them soon, SQLite never does by itself (without them, lists of a 100 000-place
        # region took 2-6 times as long on SQLite).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return self.counts

    # --- the site's frame ---------------------------------------------------------
    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(title="Startseite", slug="start", title_en="Home", slug_en="home")
            )
            Site.objects.update_or_create(
                is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
            )
        return home

    def index(self, model, home, title_de, title_en):
        page = model.objects.child_of(home).first()
        if page is None:
            page = home.add_child(
                instance=model(
                    title=title_de,
                    slug=slugify(title_de),
                    title_en=title_en,
                    slug_en=slugify(title_en),
                )
            )
            home.refresh_from_db()
        return page

    def ensure(self, model, items):
        existing = list(model.objects.all())
        if existing:
            return existing
        return [
            model.objects.create(slug=slug, name=de, name_de=de, name_en=en)
            for slug, de, en in items
        ]

    # --- content ------------------------------------------------------------------
    def position(self):
        south, west, north, east = self.area
        lat = south + self.rng.random() * (north - south)
        lon = west + self.rng.random() * (east - west)
        return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")

    def point_of_interest_spec(self, number):
        rng = self.rng
        index = rng.randrange(len(WORDS_DE))
        place = rng.choice(PLACES)
        description_de, description_en = description(rng, WORDS_DE[index], WORDS_EN[index], place)
        english = number % 5 != 0  # a fifth of the places has no English text
        latitude, longitude = self.position()
        hours = rng.random()
        title_de = f"{WORDS_DE[index]} {place} {number}"
        title_en = f"{WORDS_EN[index]} {place} {number}" if english else ""
        return {
            "title_de": title_de,
            "title_en": title_en,
            # What PointOfInterestPage.save() keeps; bulk inserts do not call it.
            **sort_titles({"de": title_de, "en": title_en}),
            "teaser_de": f"Ein {WORDS_DE[index]} in {place}.",
            "teaser_en": f"A {WORDS_EN[index].lower()} in {place}." if english else "",
            "description_de": description_de,
            "description_en": description_en if english else "",
            "latitude": latitude,
            "longitude": longitude,
            "street": f"Hauptstraße {number % 200 + 1}",
            "postal_code": "39340",
            "locality": place,
            "opening_hours": (
                TUESDAY_TO_SUNDAY if hours < 0.5 else ALWAYS_OPEN if hours < 0.7 else []
            ),
            "step_free_access": rng.choice([None, None, True, False]),
            "accessible_toilet": rng.choice([None, True, False]),
            "last_checked": date(2026, 1, 1) + timedelta(days=number % 300),
        }

    def add_points_of_interest(self, parent):
        """Returns (id, lat, lon) of every place added, for stops and venues."""
        first = PointOfInterestPage.objects.count()
        added = []
        for chunk_start in range(0, self.places, CHUNK):
            numbers = range(first + chunk_start, first + min(chunk_start + CHUNK, self.places))
            specs = [self.point_of_interest_spec(number) for number in numbers]
            for spec in specs:
                spec["opening_hours"] = opening_hours_stream(spec["opening_hours"])
            with transaction.atomic():
                page_ids = insert_pages(PointOfInterestPage, parent, specs)
                self.add_place_relations(page_ids)
            added += [
                (pk, float(spec["latitude"]), float(spec["longitude"]))
                for pk, spec in zip(page_ids, specs, strict=True)
            ]
            self.log(f"points of interest: {len(added)}")
        self.counts.points_of_interest = len(added)
        return added

    def add_place_relations(self, page_ids):
        rng = self.rng
        through = PointOfInterestPage.categories.through
        through.objects.bulk_create(
            [
                through(pointofinterestpage_id=page_id, pointofinterestcategory_id=category.pk)
                for page_id in page_ids
                for category in rng.sample(self.categories, rng.choice([0, 1, 1, 2]))
            ],
            batch_size=1000,
        )
        PointOfInterestTag.objects.bulk_create(
            [
                PointOfInterestTag(content_object_id=page_id, tag=rng.choice(self.tags))
                for page_id in page_ids
                if rng.random() < 0.3
            ],
            batch_size=1000,
        )
        if self.image_ids:
            PointOfInterestGalleryImage.objects.bulk_create(
                [
                    PointOfInterestGalleryImage(
                        page_id=page_id, image_id=rng.choice(self.image_ids), sort_order=0
                    )
                    for page_id in page_ids
                    if rng.random() < 0.7
                ],
                batch_size=1000,
            )

    def add_routes(self, parent, places):
        if not places or not self.routes:
            return
        # Stops are places near each other: a grid of ~2 km cells finds neighbours fast.
        cells = {}
        for place in places:
            cells.setdefault((round(place[1] / 0.02), round(place[2] / 0.02)), []).append(place)
        first = RoutePage.objects.count()
        for chunk_start in range(0, self.routes, CHUNK):
            numbers = range(first + chunk_start, first + min(chunk_start + CHUNK, self.routes))
            specs, stops = [], []
            for number in numbers:
                route_stops = self.pick_stops(cells, self.rng.choice(places))
                specs.append(self.route_spec(number, route_stops))
                stops.append(route_stops)
            with transaction.atomic():
                route_ids = insert_pages(RoutePage, parent, specs)
                rows = [
                    RouteStop(
                        route_id=route_id,
                        point_of_interest_id=stop[0],
                        sort_order=position,
                        note=f"Halt {position + 1}",
                        note_de=f"Halt {position + 1}",
                        note_en=f"Stop {position + 1}" if position % 2 else "",
                    )
                    for route_id, route_stops in zip(route_ids, stops, strict=True)
                    for position, stop in enumerate(route_stops)
                ]
                RouteStop.objects.bulk_create(rows, batch_size=1000)
            self.counts.routes += len(route_ids)
            self.counts.stops += len(rows)
            self.log(f"routes: {self.counts.routes}")

    def pick_stops(self, cells, start):
        rng = self.rng
        cell = (round(start[1] / 0.02), round(start[2] / 0.02))
        near = [
            place
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for place in cells.get((cell[0] + dx, cell[1] + dy), ())
            if place[0] != start[0]
        ]
        count = min(len(near), rng.randrange(2, 12))
        return [start, *rng.sample(near, count)]

    def route_spec(self, number, stops):
        rng = self.rng
        kind, word_de, word_en = rng.choice(ROUTE_KINDS)
        place = rng.choice(PLACES)
        positions = [(lat, lon) for _pk, lat, lon in stops]
        circular = rng.random() < 0.3
        if circular and len(positions) > 2:
            positions.append(positions[0])
        length_m = round(path_length_m(positions))
        box = bounding_box(positions)
        # A quarter of the routes has a track (as from GPX), the rest the stops' lines.
        track = self.track(positions) if number % 4 == 0 else []
        ascent_m = sum(max(0, b[2] - a[2]) for a, b in pairwise(track))
        descent_m = sum(max(0, a[2] - b[2]) for a, b in pairwise(track))
        description_de, description_en = description(rng, word_de, word_en, place)
        title_de, title_en = f"{word_de} nach {place} {number}", f"{word_en} to {place} {number}"
        return {
            "title_de": title_de,
            "title_en": title_en,
            **sort_titles({"de": title_de, "en": title_en}),
            "teaser_de": f"Unterwegs nach {place}.",
            "teaser_en": f"On the way to {place}.",
            "description_de": description_de,
            "description_en": description_en,
            "start_point_de": f"Markt in {place}",
            "start_point_en": f"Market square in {place}",
            "public_transport_de": "Bus 601 bis Haltestelle Markt.",
            "public_transport_en": "Bus 601 to the Markt stop.",
            "image_id": rng.choice(self.image_ids) if self.image_ids else None,
            "kind": kind,
            "difficulty": rng.choice(["easy", "moderate", "difficult"]),
            "is_circular": circular,
            "track": track,
            "length_m": length_m,
            "ascent_m": round(ascent_m),
            "descent_m": round(descent_m),
            "duration_minutes": estimated_minutes(kind, length_m, ascent_m, descent_m),
            "bbox": list(box) if box else None,
        }

    def track(self, positions):
        points = []
        for (lat1, lon1), (lat2, lon2) in pairwise(positions):
            for step in range(TRACK_POINTS_PER_LEG):
                share = step / TRACK_POINTS_PER_LEG
                lat, lon = lat1 + (lat2 - lat1) * share, lon1 + (lon2 - lon1) * share
                elevation = 60 + 25 * math.sin(len(points) / 15)
                points.append([round(lon, 6), round(lat, 6), round(elevation, 1)])
        return points

    def add_events(self, parent, place_ids):
        rng = self.rng
        first = EventPage.objects.count()
        today = timezone.localdate()
        zone = timezone.get_current_timezone()
        for chunk_start in range(0, self.events, CHUNK):
            numbers = range(first + chunk_start, first + min(chunk_start + CHUNK, self.events))
            specs = []
            for number in numbers:
                word_de, word_en = rng.choice(EVENT_WORDS)
                place = rng.choice(PLACES)
                day = today + timedelta(days=rng.randrange(-30, 365))
                all_day = rng.random() < 0.1
                start = datetime.combine(day, time(0 if all_day else rng.randrange(9, 21)), zone)
                length = timedelta(days=rng.randrange(3)) if all_day else timedelta(hours=2)
                end = start + length
                venue = rng.choice(place_ids) if place_ids and rng.random() < 0.5 else None
                description_de, description_en = description(rng, word_de, word_en, place)
                specs.append(
                    {
                        "title_de": f"{word_de} in {place} {number}",
                        "title_en": f"{word_en} in {place} {number}",
                        "teaser_de": f"{word_de} in {place}.",
                        "teaser_en": f"{word_en} in {place}.",
                        "description_de": description_de,
                        "description_en": description_en,
                        "start": start,
                        "end": end,
                        "all_day": all_day,
                        "venue_id": venue,
                        "venue_name_de": "" if venue else f"Gemeindehaus {place}",
                        "venue_address_de": "" if venue else f"Kirchplatz 1, {place}",
                        "category_id": rng.choice(self.event_categories).pk,
                        "image_id": (
                            rng.choice(self.image_ids)
                            if self.image_ids and rng.random() < 0.5
                            else None
                        ),
                    }
                )
            with transaction.atomic():
                self.counts.events += len(insert_pages(EventPage, parent, specs))
            self.log(f"events: {self.counts.events}")
