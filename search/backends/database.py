"""The embedded default: plain SQL over the translated columns, scored in Python.

Wagtail's database backend indexes each page once, with the values of the language that
was active when it was saved, so it cannot answer per-language searches under
modeltranslation. Instead this backend narrows candidates in SQL (`icontains` on every
language's title, summary and body columns, category names and tags) and scores them in
Python: matches in the visitor's language count most, titles more than summaries, and
pages without their own translation rank after translated ones.

What it does not do: no stemming ("Museen" does not find "Museum"), no decompounding
beyond substring matching ("Burg" finds "Hundisburg" because it is a substring), no fuzzy
matching for typos in the middle of a word (only "did you mean" after an empty result),
no synonyms, and on SQLite case-insensitive matching of non-ASCII letters only for the
lower-case and capitalised spelling of the visitor's word.
"""

import difflib
from collections import Counter

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from search import content
from search.backends import BaseSearchBackend, build_facets
from search.highlight import contains_any, highlight
from search.query import Hit, SearchResults
from tourism.geo import haversine_m

TITLE_WEIGHT = 10.0
SUMMARY_WEIGHT = 3.0
OTHER_LANGUAGE_FACTOR = 0.4
UNTRANSLATED_FACTOR = 0.5
# Candidates found only through body, category or tags score this per term.
OTHER_FIELD_WEIGHT = 1.0


def near_radius_m():
    return float(getattr(settings, "SEARCH_NEAR_RADIUS_KM", 25)) * 1000


def _variants(term):
    # SQLite's LIKE folds ASCII only: try the spellings visitors and editors use.
    variants = {term}
    if not term.isascii():
        variants |= {term.capitalize(), term.upper(), term.lower()}
    return variants


def _text_filter(model, type_, terms):
    codes = content.languages()
    fields = [f"title_{code}" for code in codes]
    fields += [f"{content.SUMMARY_FIELD[type_]}_{code}" for code in codes]
    fields += [f"{content.BODY_FIELD[type_]}_{code}" for code in codes]
    if type_ == "poi":
        fields += [f"categories__name_{code}" for code in codes] + ["tagged_items__tag__name"]
    elif type_ == "event":
        fields += [f"category__name_{code}" for code in codes]
    match = Q()
    for term in terms:
        for variant in _variants(term):
            # icontains everywhere: StreamField (JSON) columns have no plain `contains` on
            # SQLite, whose LIKE folds ASCII only; _variants() supplies the other cases.
            for name in fields:
                match |= Q(**{f"{name}__icontains": variant})
    return model.objects.filter(match).values("pk")


def _score_text(value, term, weight):
    value = value.casefold()
    if term not in value:
        return 0.0
    words = value.replace("-", " ").split()
    if term in words:
        return weight * 1.5
    if any(word.startswith(term) for word in words):
        return weight * 1.2
    return weight


class DatabaseBackend(BaseSearchBackend):
    """Search without a search server, good for tens of thousands of pages."""

    name = "database"

    # --- candidates -------------------------------------------------------------
    def _candidates(self, query):
        """Rows of every live, public page matching the text and the base filters."""
        terms = query.terms
        codes = content.languages()
        chain = content.language_chain(query.language)
        types = ["route"] if query.kind else list(content.SEARCHABLE_MODELS)
        if query.open_now:
            types = [type_ for type_ in types if type_ == "poi"]
        rows = []
        for type_ in types:
            model = content.SEARCHABLE_MODELS[type_]
            summary = content.SUMMARY_FIELD[type_]
            columns = ["pk"] + [f"title_{code}" for code in codes]
            columns += [f"{summary}_{code}" for code in codes]
            if type_ == "poi":
                columns += ["latitude", "longitude"]
            elif type_ == "route":
                columns += ["bbox"]
            elif type_ == "event":
                columns += ["venue__latitude", "venue__longitude", "venue__live", "category__slug"]
            queryset = model.objects.live().public()
            if query.kind:
                queryset = queryset.filter(kind=query.kind)
            if terms:
                queryset = queryset.filter(pk__in=_text_filter(model, type_, terms))
            for values in queryset.values(*columns):
                row = {
                    "type": type_,
                    "pk": values["pk"],
                    "title": {code: values[f"title_{code}"] or "" for code in codes},
                    "summary": {code: values[f"{summary}_{code}"] or "" for code in codes},
                    "location": self._location(type_, values),
                    "categories": [],
                }
                if type_ == "event" and values["category__slug"]:
                    row["categories"] = [values["category__slug"]]
                rows.append(row)
        self._add_poi_categories(rows)
        if query.open_now:
            rows = self._open_now(rows)
        if terms:
            for row in rows:
                row["score"] = self._score(row, terms, chain)
        else:
            for row in rows:
                row["score"] = 1.0
        if query.near:
            rows = self._near(rows, query.near)
        return rows

    @staticmethod
    def _location(type_, values):
        if type_ == "poi":
            return (float(values["latitude"]), float(values["longitude"]))
        if type_ == "route" and values["bbox"]:
            min_lon, min_lat, max_lon, max_lat = values["bbox"]
            return ((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
        if type_ == "event" and values["venue__live"] and values["venue__latitude"] is not None:
            return (float(values["venue__latitude"]), float(values["venue__longitude"]))
        return None

    @staticmethod
    def _add_poi_categories(rows):
        from tourism.models import PointOfInterestPage

        by_pk = {row["pk"]: row for row in rows if row["type"] == "poi"}
        if not by_pk:
            return
        through = PointOfInterestPage.categories.through.objects.filter(
            pointofinterestpage_id__in=list(by_pk)
        ).values_list("pointofinterestpage_id", "pointofinterestcategory__slug")
        for pk, slug in through:
            by_pk[pk]["categories"].append(slug)

    @staticmethod
    def _open_now(rows):
        from tourism.models import PointOfInterestPage

        moment = timezone.now()
        pks = [row["pk"] for row in rows]
        open_pks = {
            page.pk
            for page in PointOfInterestPage.objects.filter(pk__in=pks).prefetch_related(
                "special_days"
            )
            if page.opening_hours and page.is_open_at(moment)
        }
        return [row for row in rows if row["pk"] in open_pks]

    @staticmethod
    def _score(row, terms, chain):
        language = chain[0]
        title = next((row["title"][code] for code in chain if row["title"][code]), "")
        summary = next((row["summary"][code] for code in chain if row["summary"][code]), "")
        others = [code for code in row["title"] if code not in chain[:1]]
        score, matched = 0.0, 0
        for term in terms:
            best = max(
                _score_text(title, term, TITLE_WEIGHT),
                _score_text(summary, term, SUMMARY_WEIGHT),
                *(
                    _score_text(row["title"][code], term, TITLE_WEIGHT * OTHER_LANGUAGE_FACTOR)
                    for code in others
                ),
                *(
                    _score_text(row["summary"][code], term, SUMMARY_WEIGHT * OTHER_LANGUAGE_FACTOR)
                    for code in others
                ),
            )
            if best:
                matched += 1
            score += best or 0.0
        score = max(score, OTHER_FIELD_WEIGHT)
        # Pages matching all the visitor's words come first.
        score *= (max(matched, 1) / len(terms)) ** 2
        untranslated = not row["title"].get(language)
        if untranslated and language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            score *= UNTRANSLATED_FACTOR
        return score

    @staticmethod
    def _near(rows, near):
        radius = near_radius_m()
        kept = []
        for row in rows:
            if row["location"] is None:
                continue
            row["distance"] = haversine_m(near[0], near[1], *row["location"])
            if row["distance"] <= radius:
                kept.append(row)
        return kept

    # --- facets -----------------------------------------------------------------
    @staticmethod
    def _facets(rows, query):
        in_categories = [
            row
            for row in rows
            if not query.categories or set(row["categories"]) & set(query.categories)
        ]
        in_types = [row for row in rows if not query.types or row["type"] in query.types]
        type_counts = Counter(row["type"] for row in in_categories)
        category_counts = Counter(slug for row in in_types for slug in row["categories"])
        return build_facets(query, type_counts, category_counts)

    # --- the interface ----------------------------------------------------------
    def search(self, query):
        if query.is_empty:
            return SearchResults.empty(query, backend=self.name)
        with translation.override(query.language):
            rows = self._candidates(query)
            facets = self._facets(rows, query)
            rows = [
                row
                for row in rows
                if (not query.types or row["type"] in query.types)
                and (not query.categories or set(row["categories"]) & set(query.categories))
            ]
            if query.near:
                rows.sort(key=lambda row: (row["distance"], -row["score"], row["pk"]))
            else:
                rows.sort(key=lambda row: (-row["score"], row["pk"]))
            window = rows[query.offset : query.offset + query.page_size]
            hits = self._hits(window, query)
            results = SearchResults(
                query=query, total=len(rows), hits=hits, facets=facets, backend=self.name
            )
            if not rows and query.text:
                results.did_you_mean = self.did_you_mean(query.text, query.language)
        return results

    def _hits(self, rows, query):
        pages = {}
        for type_ in {row["type"] for row in rows}:
            model = content.SEARCHABLE_MODELS[type_]
            pks = [row["pk"] for row in rows if row["type"] == type_]
            for page in model.objects.filter(pk__in=pks):
                pages[page.pk] = page
        hits = []
        terms = query.terms
        for row in rows:
            page = pages.get(row["pk"])
            if page is None:
                continue
            summary = content.summary_of(page, query.language)
            if terms and not contains_any(summary, terms):
                body = content.body_of(page, query.language)
                if contains_any(body, terms):
                    summary = body
            hits.append(
                Hit(
                    object=page,
                    score=row["score"],
                    highlight=highlight(summary, terms),
                    type=row["type"],
                    distance_m=row.get("distance"),
                )
            )
        return hits

    def did_you_mean(self, text, language):
        """The query with each unknown word replaced by the closest word of a title."""
        chain = content.language_chain(language)
        vocabulary = set()
        for _type, queryset in content.searchable_pages():
            for titles in queryset.values_list(*(f"title_{code}" for code in chain)):
                for title in titles:
                    for word in (title or "").split():
                        word = word.strip(".,;:!?()\"'„“”").casefold()
                        if len(word) >= 3:
                            vocabulary.add(word)
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
        folded = prefix.casefold()
        found = []
        for _type, queryset in content.searchable_pages():
            match = Q()
            for code in chain:
                for variant in _variants(prefix):
                    lookup = "icontains" if variant.isascii() else "contains"
                    match |= Q(**{f"title_{code}__{lookup}": variant})
            for titles in queryset.filter(match).values_list(*(f"title_{code}" for code in chain)):
                title = next((value for value in titles if value), "")
                words = title.casefold().split()
                if title.casefold().startswith(folded):
                    rank = 0
                elif any(word.startswith(folded) for word in words):
                    rank = 1
                else:
                    continue
                found.append((rank, title.casefold(), title))
        titles = []
        for _rank, _key, title in sorted(found):
            if title not in titles:
                titles.append(title)
        return titles[:limit]
