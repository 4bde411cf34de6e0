"""The embedded default: a text index inside the database, scored in SQL.

Wagtail's database backend indexes each page once, with the values of the language that
was active when it was saved, so it cannot answer per-language searches under
modeltranslation. Instead this backend finds candidates with the text index of
`search.database_index` (FTS5 trigram tables on SQLite, pg_trgm indexes on PostgreSQL)
over every language's title, summary and body, plus category names and tags, and ranks
them in one SQL statement (`search.backends.database_ranking`): matches in the visitor's
language count most, titles more than summaries, and pages without their own translation
rank after translated ones. Python only loads the page of hits.

Each word is widened first (`search.expansion`: spellings, plural stems, synonyms,
months); when nothing is found the closest page words are searched instead
(`search.vocabulary`). Words of one or two letters only find pages when the query has no
longer word: next to "Museum", "am" only adds to the score (the index looks up three
letters at a time, and two letters match almost every page anyway).
"""

import difflib
import math
import re
from dataclasses import replace

from django.conf import settings
from django.db import connection
from django.db.models import CharField, F, FloatField, Value
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone, translation
from wagtail.models import Page

from cms.visibility import public_pages, public_q
from pages.models import EventCategory, EventPage
from search import content, events, vocabulary
from search.backends import BaseSearchBackend, build_facets
from search.backends.database_ranking import rank
from search.database_index import MIN_INDEXED_TERM, contains_any, index_scans, matching_sql
from search.expansion import expand
from search.highlight import contains_any as text_contains_any
from search.highlight import highlight
from search.query import Hit, SearchResults
from tourism.geo import EARTH_RADIUS_M
from tourism.models import PointOfInterestCategory, PointOfInterestPage
from tourism.models.points_of_interest import PointOfInterestTag

TITLE_WORD_SEPARATORS = re.compile(r"[\s\-.,;:/„“”\"'()]+")


def near_radius_m():
    return float(getattr(settings, "SEARCH_NEAR_RADIUS_KM", 25)) * 1000


def _fetch(queryset, *fields):
    """Tuples of `fields` of the queryset's rows, as the database driver returns them.

    The ORM's per-row conversions (Decimal coordinates, JSON, modeltranslation) cost more
    than the query itself for thousands of candidates; callers convert what they use.
    """
    if hasattr(queryset, "rewrite"):
        # modeltranslation's values_list() would select the columns in another order.
        queryset = queryset.rewrite(False)
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _indexed_words(words):
    """The words that find candidates: those the index can look up, if there are any."""
    long_words = [word for word in words if len(word) >= MIN_INDEXED_TERM]
    return long_words or words


def _matching_sql(types, words):
    """(SQL, params) of (page id, content type id) of pages of `types` that hold a word.

    Titles, summaries and bodies in every language come from the text index; category
    names and tags from their (small) tables. The content type lets each type's part of
    the ranking read only its own pages.
    """
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag

    models = {type_: content.SEARCHABLE_MODELS[type_] for type_ in types}
    content_types = ContentType.objects.get_for_models(*models.values())
    type_ids = {type_: int(content_types[model].pk) for type_, model in models.items()}
    codes = content.languages()
    names = [f"name_{code}" for code in codes]
    titles, params = matching_sql(Page, [f"title_{code}" for code in codes], words)
    ids = ", ".join(str(type_id) for type_id in type_ids.values())
    parts = [
        (
            f"SELECT id AS pk, content_type_id AS content_type FROM {_table(Page)} "
            f"WHERE content_type_id IN ({ids}) AND id IN ({titles})",
            params,
        )
    ]

    def part(sql, params, template):
        # `template` holds {} where the matching rows' SQL goes.
        parts.append((template.replace("{}", sql), params))

    for type_, model in models.items():
        fields = [
            f"{name}_{code}"
            for name in (content.SUMMARY_FIELD[type_], content.BODY_FIELD[type_])
            for code in codes
        ]
        part(*matching_sql(model, fields, words), f"SELECT *, {type_ids[type_]} FROM ({{}}) AS t")
    if "poi" in models:
        through = _table(PointOfInterestPage.categories.through)
        part(
            *matching_sql(PointOfInterestCategory, names, words),
            f"SELECT pointofinterestpage_id, {type_ids['poi']} FROM {through} "
            "WHERE pointofinterestcategory_id IN ({})",
        )
        part(
            *matching_sql(Tag, ["name"], words),
            f"SELECT content_object_id, {type_ids['poi']} FROM {_table(PointOfInterestTag)} "
            "WHERE tag_id IN ({})",
        )
    if "event" in models:
        part(
            *matching_sql(EventCategory, names, words),
            f"SELECT page_ptr_id, {type_ids['event']} FROM {_table(EventPage)} "
            "WHERE category_id IN ({})",
        )
    sql = " UNION ALL ".join(sql for sql, _params in parts)
    return sql, [param for _sql, params in parts for param in params]


def _table(model):
    return '"' + model._meta.db_table + '"'


def _box(near):
    """(lat range, lon range) around `near` that holds the search radius, or None."""
    lat, lon = near
    delta_lat = math.degrees(near_radius_m() / EARTH_RADIUS_M)
    if abs(lat) + delta_lat >= 89:
        return None
    delta_lon = delta_lat / math.cos(math.radians(abs(lat) + delta_lat))
    if abs(lon) + delta_lon >= 180:
        return None
    return (lat - delta_lat, lat + delta_lat), (lon - delta_lon, lon + delta_lon)


class DatabaseBackend(BaseSearchBackend):
    """Search without a search server, good for tens of thousands of pages."""

    name = "database"

    # --- candidates -------------------------------------------------------------
    def _candidate_querysets(self, query, matches, expansion):
        """[(type, queryset)] of live, public pages matching the base filters.

        The text is matched in the ranking statement (`matches`); "open now" needs Python,
        so it looks only at the places that match the text. Events that are over are
        no answer; month words ("Dezember", "in May") keep the events of that month.
        """
        types = ["route"] if query.kind else list(content.SEARCHABLE_MODELS)
        if expansion.events_only:
            types = [type_ for type_ in types if type_ == "event"]
        if query.open_now:
            types = [type_ for type_ in types if type_ == "poi"]
        box = _box(query.near) if query.near else None
        parts = []
        for type_ in types:
            model = content.SEARCHABLE_MODELS[type_]
            queryset = public_pages(model.objects.all()).order_by()
            if query.kind:
                queryset = queryset.filter(kind=query.kind)
            if type_ == "event":
                queryset = events.upcoming(queryset, expansion.months)
            if query.near:
                queryset = self._with_location(type_, queryset, box)
            if type_ == "poi" and query.open_now:
                queryset = queryset.filter(pk__in=self._open_now(queryset, matches))
            parts.append((type_, queryset))
        return parts

    @staticmethod
    def _with_location(type_, queryset, box):
        """The queryset with `lat` and `lon` (a place, a route's centre, an event's venue)."""
        if type_ == "poi":
            if box:
                queryset = queryset.filter(latitude__range=box[0], longitude__range=box[1])
            return queryset.annotate(lat=F("latitude"), lon=F("longitude"))
        if type_ == "event":
            queryset = queryset.filter(public_q("venue__"))
            if box:
                queryset = queryset.filter(
                    venue__latitude__range=box[0], venue__longitude__range=box[1]
                )
            return queryset.annotate(lat=F("venue__latitude"), lon=F("venue__longitude"))
        if type_ == "route":
            # bbox is [min_lon, min_lat, max_lon, max_lat].
            def corner(index):
                return Cast(KeyTextTransform(str(index), "bbox"), FloatField())

            return queryset.filter(bbox__isnull=False).annotate(
                lat=(corner(1) + corner(3)) / 2, lon=(corner(0) + corner(2)) / 2
            )
        # News and pages have no position: nothing of them is near.
        return queryset.none()

    @staticmethod
    def _open_now(poi_queryset, matches):
        """Primary keys of the places in `poi_queryset` (and `matches`) open at this moment."""

        places = PointOfInterestPage.objects.filter(pk__in=poi_queryset.values("pk"))
        if matches is not None:
            places = places.filter(
                pk__in=RawSQL(f"SELECT m.pk FROM ({matches[0]}) AS m", matches[1])
            )
        moment = timezone.now()
        return [
            page.pk
            for page in places.prefetch_related("special_days")
            if page.opening_hours and page.is_open_at(moment)
        ]

    # --- the interface ----------------------------------------------------------
    def search(self, query):
        if query.is_empty:
            return SearchResults.empty(query, backend=self.name)
        results = self._search(query)
        if results.total or not query.text:
            return results
        # Nothing found: search for the closest words of the pages instead, and say so.
        corrected = "" if query.exact else vocabulary.correct(query.text, query.language)
        if corrected:
            retry = self._search(replace(query, text=corrected))
            if retry.total:
                retry.query = query
                retry.corrected_text = corrected
                return retry
        with translation.override(query.language):
            results.did_you_mean = self.did_you_mean(query.text, query.language)
        return results

    def _search(self, query):
        with translation.override(query.language):
            expansion = expand(query.words, query.language)
            matches = None
            if expansion.groups:
                types = ["route"] if query.kind else list(content.SEARCHABLE_MODELS)
                matches = _matching_sql(types, _indexed_words(expansion.alternatives))
            parts = [
                (type_, queryset)
                for type_, queryset in self._candidate_querysets(query, matches, expansion)
                if not queryset.query.is_empty()
            ]
            ranked = rank(parts, matches, query, near_radius_m(), expansion.groups)
            facets = build_facets(query, ranked.type_counts, ranked.category_counts)
            total = sum(
                count
                for type_, count in ranked.type_counts.items()
                if not query.types or type_ in query.types
            )
            hits = self._hits(ranked.hits, query, expansion.alternatives)
            return SearchResults(
                query=query, total=total, hits=hits, facets=facets, backend=self.name
            )

    def _hits(self, ranked_hits, query, terms):
        """`Hit`s of the page: (type, pk, score, distance) → pages, in one query per type."""
        pages = {}
        for type_ in {type_ for type_, _pk, _score, _distance in ranked_hits}:
            model = content.SEARCHABLE_MODELS[type_]
            pks = [pk for hit_type, pk, _score, _distance in ranked_hits if hit_type == type_]
            queryset = model.objects.filter(pk__in=pks)
            # What the result list shows, without one query per hit.
            if type_ == "poi":
                queryset = queryset.prefetch_related("gallery_images__image__renditions")
            elif hasattr(model, "image"):
                queryset = queryset.select_related("image").prefetch_related("image__renditions")
            for page in queryset:
                pages[page.pk] = page
        hits = []
        for type_, pk, score, distance in ranked_hits:
            page = pages.get(pk)
            if page is None:
                continue
            summary = content.summary_of(page, query.language)
            if terms and not text_contains_any(summary, terms):
                body = content.body_of(page, query.language)
                if text_contains_any(body, terms):
                    summary = body
            hits.append(
                Hit(
                    object=page,
                    score=score,
                    highlight=highlight(summary, terms),
                    type=type_,
                    distance_m=distance,
                )
            )
        return hits

    @staticmethod
    def _searchable_pages():
        """Live, public pages of the searchable types (as `Page`, for their titles)."""
        from django.contrib.contenttypes.models import ContentType

        content_types = ContentType.objects.get_for_models(*content.SEARCHABLE_MODELS.values())
        return public_pages(
            Page.objects.filter(content_type__in=list(content_types.values()))
        ).order_by()

    def did_you_mean(self, text, language):
        """The query with each unknown word replaced by the closest word of a title."""
        columns = [f"title_{code}" for code in content.language_chain(language)]
        titles = " ".join(
            title for row in _fetch(self._searchable_pages(), *columns) for title in row if title
        )
        words = {word.strip(".,;:!?()\"'„“”") for word in set(titles.casefold().split())}
        # Numbers ("Tour 12") are no spelling to correct towards.
        vocabulary = {word for word in words if len(word) >= 3 and not word.isdigit()}
        corrected, changed = [], False
        for term in text.casefold().split():
            if term in vocabulary:
                corrected.append(term)
                continue
            close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else term)
            changed |= bool(close)
        return " ".join(corrected) if changed else ""

    def suggest(self, prefix, language, limit=8):
        prefix = " ".join(prefix.split())
        if len(prefix) < 2:
            return []
        chain = content.language_chain(language)
        columns = [f"title_{code}" for code in chain]
        # The title visitors read: their language's, else the fallback's.
        shown = Coalesce(
            *(NullIf(F(column), Value("")) for column in columns),
            Value(""),
            output_field=CharField(),
        )
        # Any title may hold the prefix (the text index covers them all); only the shown
        # one counts below.
        titles = [f"title_{code}" for code in content.languages()]
        queryset = self._searchable_pages().filter(contains_any(Page, titles, [prefix.lower()]))
        folded = prefix.casefold()
        best = {}
        with index_scans():
            rows = _fetch(queryset.annotate(shown=shown), "shown")
        for (title,) in rows:
            key = title.casefold()
            # Words inside hyphenated names count: "Kir" completes "St.-Marien-Kirche".
            # Shorter titles first: the closer the title is to what was typed, the likelier.
            if key.startswith(folded):
                rank = (0, len(key), key)
            elif any(word.startswith(folded) for word in TITLE_WORD_SEPARATORS.split(key)):
                rank = (1, len(key), key)
            else:
                continue
            if title not in best or rank < best[title]:
                best[title] = rank
        return sorted(best, key=best.get)[:limit]
