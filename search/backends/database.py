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

import math
import re
import sqlite3
from dataclasses import replace

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    F,
    FloatField,
    IntegerField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Length, Lower, Now, NullIf
from django.utils import timezone, translation
from wagtail.models import Page

from cms import page_cache
from cms.visibility import public_pages, public_q, same_sections, sections
from pages.models import EventCategory, EventPage
from search import content, events, postings, vocabulary
from search.backends import BaseSearchBackend, build_facets
from search.backends.database_ranking import Ranked, rank_or_instead, ranking
from search.database_index import (
    MIN_INDEXED_TERM,
    index_scans,
    indexed_fields,
    matching_sql,
    word_starts_any,
)
from search.expansion import expand
from search.highlight import contains_any as text_contains_any
from search.highlight import highlight
from search.query import Hit, SearchResults
from tourism.geo import EARTH_RADIUS_M
from tourism.models import PointOfInterestCategory, PointOfInterestPage
from tourism.models.points_of_interest import PointOfInterestTag

TITLE_WORD_SEPARATORS = re.compile(r"[\s\-.,;:/„“”\"'()]+")


# Titles read per suggestion request beyond those shown: enough for the titles the ranking
# below drops (the prefix only in another language's title, or after a rare separator).
SUGGESTION_CANDIDATES = 100

# Radii (km) tried for "near me" before the whole search radius.
NEAR_STEPS_KM = (2, 8)


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
    return _without_longer_forms(long_words or words)


def _without_longer_forms(words):
    """`words` without those holding another of them: a text holding "mühle" holds "mühl".

    The lookups match substrings, so the shorter word finds every page the longer one
    does; each word left out is one read of the text index less ("Mühle Wedringen"
    looks up mühl, muhl, muehl and wedring instead of nine words).
    """
    return [word for word in words if not any(other != word and other in word for other in words)]


def _matching_sql(types, words, cap, all_of=None, restrict=None, box=None):
    """(CTEs, params) ending in `matches`: (page id, content type id, part) of pages of
    `types` holding a word.

    Titles, summaries and bodies in every language come from the text index; category
    names and tags from their (small) tables. The content type lets each type's part of
    the ranking read only its own pages.

    Each part (a type's titles, its summaries and bodies, categories, tags) finds at most
    `cap` pages, so that a word on every third page of a region costs what a rare word
    costs; `part` tells the caller which parts were cut. Titles holding a word of every
    group of `all_of` (one group per visitor word) are a part of their own, so the pages
    that rank first are among those found. `restrict` (SQL of page ids, params): the same
    parts once more, limited to those pages (chosen categories), so that a filter finds
    its pages however many others match. `box` (lat range, lon range): places and events
    are looked up only there, so that "near me" finds the nearest.
    """
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag

    models = {type_: content.SEARCHABLE_MODELS[type_] for type_ in types}
    content_types = ContentType.objects.get_for_models(*models.values())
    type_ids = {type_: int(content_types[model].pk) for type_, model in models.items()}
    # PostgreSQL: the known words holding each term, looked up once inside the statement
    # for every lookup below, and the visitor word fewest titles hold (see `all_of`).
    known, known_cte = None, None
    if postings.ready(indexed_fields()):
        terms = {term for term in words if postings.is_word(term)}
        terms |= {term for group in all_of or [] for term in group if postings.is_word(term)}
        ordered = None
        if all_of and len(all_of) > 1 and all(postings.is_word(t) for g in all_of for t in g):
            ordered = all_of
        known = postings.KNOWN_CTE
        known_cte = postings.known_words_cte(terms, ordered, type_ids.values())
    codes = content.languages()
    names = [f"name_{code}" for code in codes]
    titles = [f"title_{code}" for code in codes]
    lookups = []

    def part(type_, sql, params, template="SELECT m.pk AS pk FROM ({}) AS m"):
        # `template` holds {} where the matching rows' SQL goes; it selects `pk`.
        lookups.append((type_, template.replace("{}", sql), params))

    for type_, model in models.items():
        own_type = type_ids[type_]
        part(type_, *matching_sql(Page, titles, words, content_type=own_type, known=known))
        if all_of and len(all_of) > 1:
            part(
                type_,
                *matching_sql(
                    Page, titles, words, content_type=own_type, all_of=all_of, known=known
                ),
            )
        fields = [
            f"{name}_{code}"
            for name in (content.SUMMARY_FIELD[type_], content.BODY_FIELD[type_])
            for code in codes
        ]
        part(type_, *matching_sql(model, fields, words, known=known))
    if "poi" in models:
        through = _table(PointOfInterestPage.categories.through)
        part(
            "poi",
            *matching_sql(PointOfInterestCategory, names, words),
            f"SELECT pointofinterestpage_id AS pk FROM {through} "
            "WHERE pointofinterestcategory_id IN ({})",
        )
        part(
            "poi",
            *matching_sql(Tag, ["name"], words),
            f"SELECT content_object_id AS pk FROM {_table(PointOfInterestTag)} "
            "WHERE tag_id IN ({})",
        )
    if "event" in models:
        part(
            "event",
            *matching_sql(EventCategory, names, words),
            f"SELECT page_ptr_id AS pk FROM {_table(EventPage)} WHERE category_id IN ({{}})",
        )
    # Each lookup is a CTE of its own, which PostgreSQL plans as if all its rows were
    # wanted (the trigram index, rather than walking every page of a type by content type
    # when it guesses that a word is common) and still reads only as far as the LIMIT asks.
    # SQLite, left to itself, stored every match of a lookup before taking `cap` of them
    # (11 000 titles holding "Museum" in a 100 000-place region); read once, a lookup is
    # read only as far as the LIMIT asks (read twice, with `restrict`, it is kept).
    materialized = ""
    if connection.vendor == "postgresql":
        materialized = "MATERIALIZED "
    elif sqlite3.sqlite_version_info >= (3, 35) and not restrict:
        materialized = "NOT MATERIALIZED "
    ctes, sqls, params = [], [], []
    if known_cte:
        ctes.append(known_cte[0])
        params.extend(known_cte[1])
    for number, (_type, sql, lookup_params) in enumerate(lookups):
        ctes.append(f"lookup_{number} AS {materialized}({sql})")
        params.extend(lookup_params)
    located = _located_sql(box) if box else {}
    for limited in [None, restrict] if restrict else [None]:
        for number, (type_, _sql, _params) in enumerate(lookups):
            conditions = []
            for condition in (located.get(type_), limited):
                if condition:
                    conditions.append(f"l.pk IN ({condition[0]})")
                    params.extend(condition[1])
            where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
            label = f"p{len(sqls)}"
            # The extra SELECT lets SQLite take a LIMIT inside UNION ALL.
            sqls.append(
                f"SELECT * FROM (SELECT l.pk AS pk, {type_ids[type_]} AS content_type, "
                f"'{label}' AS part FROM lookup_{number} AS l {where} LIMIT {int(cap)}) "
                f"AS {label}"
            )
    ctes.append(f"matches(pk, content_type, part) AS ({' UNION ALL '.join(sqls)})")
    return ", ".join(ctes), params


def _plain_candidates(type_, kind, months):
    """The public pages of `type_` (of the route `kind`, events in `months`) a search
    without "near" or "open now" starts from.

    Its SQL differs only by the sections (restricted, site roots) and the day, so it is
    kept in the process for anonymous requests while nothing changes, with its compiled
    SQL (`database_ranking._candidates`): building and compiling five of them was a
    tenth of a search's time. The moment is the database's (`Now()`), not a parameter.
    """
    model = content.SEARCHABLE_MODELS[type_]
    # The stored search page must still follow every change of pages of this type.
    page_cache.depends_on_type(model)
    kept = page_cache.kept_in_process()
    key = ("search:candidates", type_, kind, tuple(months), sections(), timezone.localdate())
    queryset = kept.get(key) if kept is not None else None
    if queryset is None:
        queryset = public_pages(model.objects.all(), now=Now()).order_by()
        if kind:
            queryset = queryset.filter(kind=kind)
        if type_ == "event":
            queryset = events.upcoming(queryset, months, now=Now())
        if kept is not None:
            kept[key] = queryset
    return queryset


def _located_sql(box):
    """{type: (SQL, params) of the ids of its pages inside `box`} for places and events."""
    (south, north), (west, east) = box
    places = _table(PointOfInterestPage)
    inside = "p.latitude BETWEEN %s AND %s AND p.longitude BETWEEN %s AND %s"
    bounds = [south, north, west, east]
    return {
        "poi": (f"SELECT p.page_ptr_id FROM {places} AS p WHERE {inside}", bounds),
        "event": (
            f"SELECT e.page_ptr_id FROM {_table(EventPage)} AS e "
            f"JOIN {places} AS p ON p.page_ptr_id = e.venue_id WHERE {inside}",
            bounds,
        ),
    }


def _chosen_categories_sql(slugs):
    """(SQL, params) of the ids of places and events in the categories `slugs`."""
    through = _table(PointOfInterestPage.categories.through)
    placeholders = ", ".join(["%s"] * len(slugs))
    sql = (
        f"SELECT x.pointofinterestpage_id FROM {through} AS x "
        f"JOIN {_table(PointOfInterestCategory)} AS c ON c.id = x.pointofinterestcategory_id "
        f"WHERE c.slug IN ({placeholders}) "
        f"UNION ALL SELECT e.page_ptr_id FROM {_table(EventPage)} AS e "
        f"JOIN {_table(EventCategory)} AS c ON c.id = e.category_id "
        f"WHERE c.slug IN ({placeholders})"
    )
    return sql, [*slugs, *slugs]


def candidates_per_part(query):
    """How many pages each part of the text lookup may find for `query` (see `_matching_sql`)."""
    least = int(getattr(settings, "SEARCH_DATABASE_CANDIDATES", 100))
    return max(least, query.offset + query.page_size)


def _indexed_groups(groups):
    """Each visitor word's alternatives the index can look up; words it cannot are left out."""
    indexed = []
    for group in groups:
        words = [word for word, _weight in group if len(word) >= MIN_INDEXED_TERM]
        if words and len(words) == len(group):
            indexed.append(_without_longer_forms(words))
    return indexed


def _table(model):
    return '"' + model._meta.db_table + '"'


def _box(near, radius_m=None):
    """(lat range, lon range) around `near` that holds the radius (default: the search
    radius), or None."""
    lat, lon = near
    delta_lat = math.degrees((radius_m or near_radius_m()) / EARTH_RADIUS_M)
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
    def _candidate_querysets(self, query, matches, expansion, radius_m=None):
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
        box = _box(query.near, radius_m) if query.near else None
        parts = []
        for type_ in types:
            if not query.near and not query.open_now:
                parts.append((type_, _plain_candidates(type_, query.kind, expansion.months)))
                continue
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

            queryset = queryset.filter(bbox__isnull=False).annotate(
                lat=(corner(1) + corner(3)) / 2, lon=(corner(0) + corner(2)) / 2
            )
            if box:
                queryset = queryset.filter(lat__range=box[0], lon__range=box[1])
            return queryset
        # News and pages have no position: nothing of them is near.
        return queryset.none()

    @staticmethod
    def _open_now(poi_queryset, matches):
        """Primary keys of the places in `poi_queryset` (and `matches`) open at this moment."""

        places = PointOfInterestPage.objects.filter(pk__in=poi_queryset.values("pk"))
        if matches is not None:
            places = places.filter(
                pk__in=RawSQL(f"WITH {matches[0]} SELECT m.pk FROM matches AS m", matches[1])
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
        with same_sections():
            return self._search_or_correct(query)

    def _search_or_correct(self, query):
        # Typed words no page holds will most likely find nothing: their correction is
        # ranked in the same statement, in case they do not (no round trip of its own).
        foreseen = self._foreseen_correction(query)
        instead = replace(query, text=foreseen) if foreseen else None
        results, retry = self._search(query, instead)
        if results.total or not query.text:
            return results
        # Nothing found: search for the closest words of the pages instead, and say so.
        corrected = "" if query.exact else vocabulary.correct(query.text, query.language)
        if corrected:
            if retry is None or corrected != foreseen:
                retry, _ = self._search(replace(query, text=corrected))
            if retry.total:
                retry.query = query
                retry.corrected_text = corrected
                return retry
        with translation.override(query.language):
            results.did_you_mean = self.did_you_mean(query.text, query.language)
        return results

    @staticmethod
    def _foreseen_correction(query):
        """The correction of the text when no word of it that finds pages is a page word,
        known before searching; else "". Not for "near me" (several statements) or "open
        now" (a query of its own), whose texts are corrected after searching."""
        if query.exact or query.near or query.open_now or not query.text:
            return ""
        return vocabulary.foreseen_correction(query.text, _indexed_words(query.words))

    def _search(self, query, instead=None):
        """(`SearchResults` of `query`, of `instead` or None). `instead` (not near me): a
        query searched in the same statement, only when `query` finds nothing."""
        with translation.override(query.language):
            expansion = expand(query.words, query.language)
            cap = candidates_per_part(query)
            full = near_radius_m()
            # Near me: the nearest pages lie in a small circle when the region is dense;
            # only a sparse one needs the whole radius.
            radii = [full]
            if query.near:
                radii = [km * 1000 for km in NEAR_STEPS_KM if km * 1000 < full] + [full]
            if instead is not None:
                other = expand(instead.words, instead.language)
                ranked, ranked_instead = rank_or_instead(
                    self._ranking(query, expansion, cap, full),
                    self._ranking(instead, other, cap, full),
                )
                results = self._results(query, expansion, ranked, False)
                if ranked_instead is None:
                    return results, None
                return results, self._results(instead, other, ranked_instead, False)
            for radius in radii:
                ranked = self._ranking(query, expansion, cap, radius)
                ranked = ranked.run() if ranked else Ranked()
                if ranked.total(query.types) >= query.offset + query.page_size:
                    break
            return self._results(query, expansion, ranked, radius < full), None

    def _results(self, query, expansion, ranked, more):
        """`SearchResults` of `ranked`; `more`: there may be more than were found."""
        return SearchResults(
            query=query,
            total=ranked.total(query.types),
            hits=self._hits(ranked.hits, query, expansion.alternatives),
            facets=build_facets(query, ranked.type_counts, ranked.category_counts),
            backend=self.name,
            more=ranked.capped or more,
        )

    def _ranking(self, query, expansion, cap, radius):
        """The `Ranking` of the candidates (within `radius` m of `near`, if any), or None."""
        matches = None
        box = _box(query.near, radius) if query.near else None
        if expansion.groups:
            types = ["route"] if query.kind else list(content.SEARCHABLE_MODELS)
            matches = _matching_sql(
                types,
                _indexed_words(expansion.alternatives),
                cap,
                all_of=_indexed_groups(expansion.groups),
                restrict=_chosen_categories_sql(query.categories) if query.categories else None,
                box=box,
            )
        parts = [
            (type_, queryset)
            for type_, queryset in self._candidate_querysets(query, matches, expansion, radius)
            if not queryset.query.is_empty()
        ]
        return ranking(parts, matches, query, radius, expansion.groups, cap)

    def _hits(self, ranked_hits, query, terms):
        """`Hit`s of the page: (type, pk, score, distance) → pages, in one query per type."""
        shown = content.result_pages((type_, pk) for type_, pk, _score, _distance in ranked_hits)
        hits = []
        for type_, pk, score, distance in ranked_hits:
            if pk not in shown:
                continue
            page, thumbnail = shown[pk]
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
                    thumbnail=thumbnail,
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
        words = vocabulary.title_words(language)
        corrected, changed = [], False
        for term in text.casefold().split():
            if term in words:
                corrected.append(term)
                continue
            close = words.close_to(term)
            corrected.append(close or term)
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
        queryset = self._searchable_pages().filter(word_starts_any(Page, titles, prefix.lower()))
        folded = prefix.casefold()
        # In the order of the ranking below, and bounded: "Mü" starts a word of thousands
        # of titles in a region, of which eight are shown.
        starts = Case(
            When(shown_folded__startswith=folded, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        queryset = (
            queryset.annotate(shown=shown)
            .annotate(shown_folded=Lower("shown"))
            .order_by(starts, Length("shown"), "pk")[: SUGGESTION_CANDIDATES + limit]
        )
        best = {}
        with index_scans():
            rows = _fetch(queryset, "shown")
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
