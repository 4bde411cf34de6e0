"""Builds the Haldensleben demo site from demo/content; running it twice changes nothing."""

import json
from datetime import datetime, timedelta
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Collection, Page, Site

from cms.richtext import paragraphs_to_html, sanitise_rich_text
from demo import images, tracks
from demo.content import (
    categories,
    events,
    map_features,
    news,
    notices,
    pages,
    pois,
    polish,
    routes,
    synonyms,
)
from media.models import CustomImage
from pages.models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from search.models import SynonymGroup
from tourism.blocks import opening_hours_stream
from tourism.geo import haversine_m
from tourism.models import (
    MapFeature,
    Notice,
    NoticeRoute,
    PointOfInterestCategory,
    PointOfInterestGalleryImage,
    PointOfInterestIndexPage,
    PointOfInterestPage,
    RouteIndexPage,
    RoutePage,
    RouteStop,
    SpecialOpeningDay,
)
from tourism.models.routes import VISITOR_INFO_FIELDS

TOWN_TZ = ZoneInfo(settings.TIME_ZONE)
DEMO_LANGUAGES = ("de", "en", "pl")
CREDIT = "Demo-Grafik: Stadt Haldensleben (generiert)"
INDEX_PAGES = {
    "points_of_interest": (
        PointOfInterestIndexPage,
        {"de": "Sehenswertes", "en": "Sights", "pl": polish.INDEX_PAGES["points_of_interest"]},
    ),
    "routes": (
        RouteIndexPage,
        {"de": "Touren", "en": "Routes", "pl": polish.INDEX_PAGES["routes"]},
    ),
    "events": (
        EventIndexPage,
        {"de": "Veranstaltungen", "en": "Events", "pl": polish.INDEX_PAGES["events"]},
    ),
    "news": (NewsIndexPage, {"de": "Aktuelles", "en": "News", "pl": polish.INDEX_PAGES["news"]}),
}


def set_translated(obj, field, texts, html=False):
    """Write {"de": …, "en": …} into the per-language columns of `field`."""
    for code in DEMO_LANGUAGES:
        value = (texts or {}).get(code, "") if isinstance(texts, dict) else (texts or "")
        setattr(obj, f"{field}_{code}", paragraphs_to_html(value) if html else value)


def set_title(page, titles, slug_de):
    page.title_de, page.slug_de = titles["de"], slug_de
    if titles.get("en"):
        page.title_en, page.slug_en = titles["en"], slugify(titles["en"])
    if titles.get("pl"):
        page.title_pl, page.slug_pl = titles["pl"], ascii_slug(titles["pl"])


def ascii_slug(text):
    # slugify drops "ł" (it has no decomposed form): "Północ" would become "ponoc".
    return slugify(text.replace("ł", "l").replace("Ł", "L"))


def pick(texts, code):
    """The text in `code`, else English, else German: a block must not be empty in Polish."""
    return texts.get(code) or texts.get("en") or texts["de"]


def edited_in_admin(page):
    """Whether a person saved the page after the demo: the loader's revisions have no user."""
    revision = page.get_latest_revision()
    return revision is not None and revision.user_id is not None


class DemoLoader:
    def __init__(self, log=print, force=False):
        self.log = log
        self.images = {}
        # Pages an editor changed since the demo loaded them are left alone unless forced.
        self.force = force
        self.kept = []

    def run(self):
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            home = self.home_page()
            self.poi_categories = self.upsert_categories(
                PointOfInterestCategory, categories.POI_CATEGORIES
            )
            self.event_categories = self.upsert_categories(
                EventCategory, categories.EVENT_CATEGORIES
            )
            index = self.index = {key: self.index_page(home, key) for key in INDEX_PAGES}
            self.points_of_interest = {
                item["slug"]: self.point_of_interest(index["points_of_interest"], item)
                for item in pois.POINTS_OF_INTEREST
            }
            self.routes = {
                item["slug"]: self.route(index["routes"], item) for item in routes.ROUTES
            }
            for item in notices.NOTICES:
                self.notice(item)
            shift = self.event_shift(events.EVENTS)
            for item in events.EVENTS:
                self.event(index["events"], item, shift)
            for item in news.NEWS:
                self.news_item(index["news"], item)
            standard = {
                item["slug"]["de"]: self.standard_page(home, item) for item in pages.STANDARD_PAGES
            }
            self.finish_home(home, standard)
            self.synonym_groups()
            self.outdate_one_translation()
            self.map_features()

    def counts(self):
        return {
            "points of interest": PointOfInterestPage.objects.count(),
            "routes": RoutePage.objects.count(),
            "events": EventPage.objects.count(),
            "news": NewsPage.objects.count(),
            "standard pages": StandardPage.objects.count(),
            "images": CustomImage.objects.count(),
        }

    def synonym_groups(self):
        for words in synonyms.SYNONYM_GROUPS:
            SynonymGroup.objects.get_or_create(words=words, defaults={"language": ""})

    def outdate_one_translation(self):
        """A German text changed after its translation, as after an editor's change."""
        example = pois.OUTDATED_TRANSLATION
        place = self.points_of_interest.get(example["slug"])
        if place is None or place in self.kept:
            return
        setattr(place, f"{example['field']}_de", example["de"])
        place.save_revision().publish()

    def map_features(self):
        """Rivers under the schematic maps; an editor's changes to them are kept."""
        for item in map_features.MAP_FEATURES:
            if MapFeature.objects.filter(name_de=item["name"]["de"]).exists():
                continue
            feature = MapFeature(kind=item["kind"])
            set_translated(feature, "name", item["name"])
            line = [[lon, lat] for lat, lon in item["course"]]
            feature.course = json.dumps({"type": "LineString", "coordinates": line})
            feature.full_clean()
            feature.save()

    # --- pages ------------------------------------------------------------------
    def publish(self, parent, page, created):
        if not created and not self.force and edited_in_admin(page):
            self.kept.append(page)
            self.log(
                f"Kept “{page.title}” (id {page.pk}): edited in the admin since the demo "
                "loaded it; --force overwrites it."
            )
            return page
        if created:
            parent.add_child(instance=page)
        else:
            page.save()
        page.save_revision().publish()
        return page

    def find(self, model, parent, slug_de):
        page = model.objects.child_of(parent).filter(slug_de=slug_de).first()
        return (page, False) if page else (model(), True)

    def home_page(self):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = HomePage()
            set_title(home, pages.HOME["title"], "start")
            home.slug_en = "home"
            root.add_child(instance=home)
            home.save_revision().publish()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        if site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.save()
            if old_root.depth == 2 and not isinstance(old_root.specific, HomePage):
                old_root.delete()  # Wagtail's "Welcome" page
        site.site_name = settings.TOWN_NAME
        site.save()
        return home

    def finish_home(self, home, standard_pages):
        data = pages.HOME
        set_title(home, data["title"], "start")
        home.slug_en = "home"
        set_translated(home, "hero_title", data["hero_title"])
        set_translated(home, "hero_text", data["hero_text"])
        set_translated(home, "intro", data["intro"])
        home.hero_image = self.image("town", 1, data["title"]["de"], data["hero_title"])
        special = [p for p in pages.STANDARD_PAGES if p.get("home_link")]
        for code in DEMO_LANGUAGES:
            links = [
                {
                    "type": "link",
                    "value": {
                        "title": pick(link["title"], code),
                        "text": link["text"].get(code, ""),
                        "page": self.quick_link_page(link.get("target"), standard_pages),
                    },
                }
                for link in data["quick_links"]
            ]
            links += [
                {
                    "type": "link",
                    "value": {
                        "title": pick(item["title"], code),
                        "text": item["intro"].get(code, ""),
                        "page": standard_pages[item["slug"]["de"]].pk,
                    },
                }
                for item in special
            ]
            setattr(home, f"quick_links_{code}", links)
        self.publish(None, home, created=False)

    def quick_link_page(self, target, standard_pages):
        """The page id a home page card links to: ("standard"|"poi"|"index", key) or None."""
        if target is None:
            return None
        kind, key = target
        pages_by_kind = {
            "standard": standard_pages,
            "poi": self.points_of_interest,
            "index": self.index,
        }
        return pages_by_kind[kind][key].pk

    def index_page(self, home, key):
        model, titles = INDEX_PAGES[key]
        slug_de = slugify(titles["de"])
        page, created = self.find(model, home, slug_de)
        set_title(page, titles, slug_de)
        page.show_in_menus = True
        return self.publish(home, page, created)

    def point_of_interest(self, parent, item):
        page, created = self.find(PointOfInterestPage, parent, item["slug"])
        set_title(page, item["title"], item["slug"])
        set_translated(page, "teaser", item["teaser"])
        set_translated(page, "description", item["description"], html=True)
        set_translated(page, "admission", item.get("admission"))
        access = item.get("accessibility", {})
        set_translated(page, "accessibility_notes", access.get("notes"))
        for field, key in [
            ("step_free_access", "step_free"),
            ("accessible_toilet", "accessible_toilet"),
            ("accessible_parking", "accessible_parking"),
            ("guide_dogs_welcome", "guide_dogs"),
        ]:
            setattr(page, field, access.get(key))
        page.latitude = Decimal(str(round(item["lat"], 6)))
        page.longitude = Decimal(str(round(item["lon"], 6)))
        for field in ("street", "postal_code", "locality", "phone", "email", "website"):
            setattr(page, field, item.get(field, ""))
        hours = item.get("opening_hours") or {}
        page.opening_hours = opening_hours_stream(hours.get("seasons", []))
        page.closed_on_public_holidays = hours.get("closed_on_public_holidays", False)
        page.special_days = [
            special_day(day, n) for n, day in enumerate(hours.get("special_days", []))
        ]
        page.featured = item.get("featured", False)
        page.last_checked = timezone.localdate()
        image_info = item.get("image") or {}
        image = self.image(
            image_info.get("motif", "town"),
            len(self.images) + 7,
            item["title"]["de"],
            image_info.get("alt"),
        )
        page.gallery_images = [PointOfInterestGalleryImage(image=image, sort_order=0)]
        page.categories = [self.poi_categories[slug] for slug in item.get("categories", [])]
        page.tags.set(item.get("tags", []))
        return self.publish(parent, page, created)

    def route(self, parent, item):
        page, created = self.find(RoutePage, parent, item["slug"])
        set_title(page, item["title"], item["slug"])
        set_translated(page, "teaser", item["teaser"])
        set_translated(page, "description", item["description"], html=True)
        for field in VISITOR_INFO_FIELDS:
            set_translated(page, field, item.get(field))
        page.kind, page.difficulty = item["kind"], item["difficulty"]
        page.is_circular = item.get("circular", False)
        page.featured = item.get("featured", False)
        page.image = self.image(
            _route_motif(item["kind"]), 50 + len(self.images), item["title"]["de"]
        )
        stops = []
        for position, stop in enumerate(item["stops"]):
            route_stop = RouteStop(
                point_of_interest=self.points_of_interest[stop["poi"]], sort_order=position
            )
            set_translated(route_stop, "note", stop.get("note"))
            stops.append(route_stop)
        page.stops = stops
        if not page.gpx_file:
            page.set_gpx(
                tracks.generate_track(
                    item["title"]["de"],
                    route_waypoints(item, self.points_of_interest),
                    item.get("elevation_base", 55),
                    item["kind"],
                ),
                filename=f"{item['slug']}.gpx",
            )
        return self.publish(parent, page, created)

    def notice(self, item):
        """A notice valid from yesterday for `days` days; found again by its German title."""
        notice = Notice.objects.filter(title_de=item["title"]["de"]).first() or Notice()
        notice.kind, notice.severity = item["kind"], item["severity"]
        set_translated(notice, "title", item["title"])
        set_translated(notice, "text", item["text"])
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        notice.valid_from = today - timedelta(days=1)
        notice.valid_until = today + timedelta(days=item["days"])
        notice.save()
        notice.points_of_interest.set(
            [self.points_of_interest[slug] for slug in item.get("places", ())]
        )
        notice.routes = [
            NoticeRoute(
                route=self.routes[route],
                stretch_from=self.points_of_interest[start],
                stretch_to=self.points_of_interest[end],
                sort_order=position,
            )
            for position, (route, start, end) in enumerate(item.get("routes", ()))
        ]
        notice.save()
        return notice

    def event_shift(self, items):
        """Whole weeks to move the demo calendar so it always lies ahead of today."""
        first = min(parse_local(item["start"]) for item in items)
        soon = timezone.now() + timedelta(days=3)
        if first >= soon:
            return timedelta(0)
        return timedelta(weeks=((soon - first).days // 7) + 1)

    def event(self, parent, item, shift):
        page, created = self.find(EventPage, parent, item["slug"])
        set_title(page, item["title"], item["slug"])
        set_translated(page, "teaser", item["teaser"])
        set_translated(page, "description", item["description"], html=True)
        page.start = parse_local(item["start"]) + shift
        page.end = parse_local(item["end"]) + shift if item.get("end") else None
        page.all_day = item.get("all_day", False)
        page.venue = (
            self.points_of_interest.get(item.get("venue_poi")) if item.get("venue_poi") else None
        )
        set_translated(page, "venue_address", item.get("venue_address"))
        page.category = self.event_categories.get(item.get("category"))
        price = item.get("price")
        page.price = Decimal(price) if price is not None else None
        set_translated(page, "price_note", item.get("price_note"))
        for field in ("organiser_name", "organiser_url", "booking_url"):
            setattr(page, field, item.get(field, ""))
        return self.publish(parent, page, created)

    def news_item(self, parent, item):
        page, created = self.find(NewsPage, parent, item["slug"])
        set_title(page, item["title"], item["slug"])
        set_translated(page, "teaser", item["teaser"])
        for code in DEMO_LANGUAGES:
            setattr(
                page,
                f"body_{code}",
                [{"type": "paragraph", "value": paragraphs_to_html(pick(item["body"], code))}],
            )
        page.date = datetime.fromisoformat(item["date"]).date()
        page.image = self.image("town", 100 + len(self.images), item["title"]["de"])
        return self.publish(parent, page, created)

    def standard_page(self, home, item):
        page, created = self.find(StandardPage, home, item["slug"]["de"])
        page.title_de, page.slug_de = item["title"]["de"], item["slug"]["de"]
        page.title_en, page.slug_en = item["title"]["en"], item["slug"]["en"]
        if item["title"].get("pl"):
            page.title_pl, page.slug_pl = item["title"]["pl"], item["slug"]["pl"]
        set_translated(page, "intro", item.get("intro"))
        for code in DEMO_LANGUAGES:
            setattr(
                page, f"body_{code}", [body_block(block, code) for block in item.get("blocks", [])]
            )
        page.show_in_footer = item.get("footer", False)
        return self.publish(home, page, created)

    # --- snippets and images -------------------------------------------------
    def upsert_categories(self, model, items):
        found = {}
        for position, item in enumerate(items):
            category, _created = model.objects.get_or_create(
                slug=item["slug"], defaults={"name_de": item["name"]["de"]}
            )
            set_translated(category, "name", item["name"])
            if hasattr(category, "schema_type") and item.get("schema_type"):
                category.schema_type = item["schema_type"]
            if hasattr(category, "sort_order"):
                category.sort_order = position
            category.save()
            found[item["slug"]] = category
        return found

    def image(self, motif, seed, title, alt=None):
        key = f"Demo: {title}"
        if key in self.images:
            return self.images[key]
        image = CustomImage.objects.filter(title=key).first()
        if image is None:
            data = images.generate_image(motif, seed)
            image = CustomImage(
                title=key,
                file=ImageFile(BytesIO(data), name=f"demo-{slugify(title)}.jpg"),
                collection=Collection.get_first_root_node(),
            )
        set_translated(image, "alt_text", alt or {"de": title, "en": title})
        image.credit, image.licence = CREDIT, "cc0"
        image.save()
        self.images[key] = image
        return image


def parse_local(value):
    return timezone.make_aware(datetime.fromisoformat(value), TOWN_TZ)


def special_day(data, position):
    ranges = data.get("ranges") or []
    day = SpecialOpeningDay(
        start_date=datetime.fromisoformat(data["date"]).date(),
        end_date=datetime.fromisoformat(data["end"]).date() if data.get("end") else None,
        closed=data.get("closed", True),
        opens=ranges[0][0] if ranges else None,
        closes=ranges[0][1] if ranges else None,
        sort_order=position,
    )
    set_translated(day, "note", data.get("note"))
    return day


def route_waypoints(item, points_of_interest):
    """Stops in order with the extra bends ("via") placed after the stop they follow."""
    positions = [
        (
            float(points_of_interest[stop["poi"]].latitude),
            float(points_of_interest[stop["poi"]].longitude),
        )
        for stop in item["stops"]
    ]
    extra = [tuple(point) for point in item.get("via", [])]
    waypoints = _merge_via(positions, extra)
    if item.get("circular") and waypoints[0] != waypoints[-1]:
        waypoints.append(waypoints[0])
    return waypoints


def _merge_via(positions, extra):
    """Insert each via point into the leg whose detour it lengthens least."""
    waypoints = list(positions)
    for point in extra:
        best, best_cost = 1, None
        for index in range(1, len(waypoints)):
            a, b = waypoints[index - 1], waypoints[index]
            cost = haversine_m(*a, *point) + haversine_m(*point, *b) - haversine_m(*a, *b)
            if best_cost is None or cost < best_cost:
                best, best_cost = index, cost
        waypoints.insert(best, point)
    return waypoints


def body_block(block, code):
    kind = block["type"]
    if kind == "heading":
        return {"type": "heading", "value": {"text": pick(block["text"], code), "level": "h2"}}
    if kind == "paragraph":
        return {"type": "paragraph", "value": paragraphs_to_html(pick(block["text"], code))}
    if kind == "faq":
        return {
            "type": "faq",
            "value": {
                "heading": "",
                "items": [
                    {
                        "question": pick(q["question"], code),
                        "answer": paragraphs_to_html(pick(q["answer"], code)),
                    }
                    for q in block["items"]
                ],
            },
        }
    if kind == "table":
        return {
            "type": "table",
            "value": {
                "caption": pick(block["caption"], code),
                "table": {
                    "data": [pick(block["header"], code), *pick(block["rows"], code)],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        }
    if kind == "call_to_action":
        return {
            "type": "call_to_action",
            "value": {
                "text": sanitise_rich_text(paragraphs_to_html(pick(block["text"], code))),
                "link_text": pick(block["link_text"], code),
                "page": None,
                "url": block["url"],
            },
        }
    if kind == "quote":
        return {
            "type": "quote",
            "value": {
                "text": pick(block["text"], code),
                "attribution": block.get("attribution", ""),
            },
        }
    if kind == "accessibility_statement":
        value = {
            key: block[key]
            for key in (
                "status",
                "assessed_on",
                "method",
                "feedback_email",
                "enforcement_body",
                "enforcement_url",
            )
        }
        value["non_accessible"] = [
            {"part": part, "reason": reason, "alternative": alternative}
            for part, reason, alternative in pick(block["non_accessible"], code)
        ]
        return {"type": kind, "value": value}
    raise ValueError(f"Unknown demo block type {kind!r}")


def _route_motif(kind):
    return {"canoe": "water", "cycling": "castle", "hiking": "stones"}.get(kind, "town")
