"""Elasticsearch: per-language analyzers, fuzziness, synonyms, geo search and suggesters.

User input only ever reaches `multi_match` (and the suggesters), never `query_string`,
so Lucene syntax such as `live:false` is just text. Live, public pages are the only
documents indexed, and `live` is also a bool filter; hits are loaded from the database
through `.live().public()` once more, so a stale index cannot show a draft.
"""

import logging
from dataclasses import replace
from datetime import date, datetime, time
from functools import cache

from django.conf import settings
from django.utils import timezone, translation
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import A, Q, Search

from cms.visibility import public_pages
from search import content, vocabulary
from search.backends import BaseSearchBackend, SearchBackendUnavailable, build_facets
from search.documents import alias_name
from search.expansion import SYNONYM_WEIGHT, Expansion, expand
from search.highlight import MARK_END, MARK_START, from_engine_fragments
from search.highlight import highlight as python_highlight
from search.query import CONTENT_TYPES, Hit, SearchResults
from tourism.models import PointOfInterestPage

logger = logging.getLogger(__name__)

TEXT_FIELDS = ["title^5", "teaser^2", "body", "category_names^2", "tags^2"]
OWN_LANGUAGE_WEIGHT = 2.0
HIGHLIGHT_FIELDS = ("teaser", "body", "title")
ENGINE_ERRORS = (ApiError, TransportError)


def timeout_seconds():
    return float(getattr(settings, "SEARCH_TIMEOUT_SECONDS", 0.3))


@cache
def _client(url, timeout):
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def get_client():
    """A client with a short timeout on every call and no retries (we fall back instead)."""
    return _client(settings.ELASTICSEARCH_URL, timeout_seconds())


def open_point_of_interest_ids(moment=None):
    """Pks of live places open at `moment`; opening hours live in the database only."""

    moment = moment or timezone.now()
    pages = public_pages(PointOfInterestPage.objects.all()).prefetch_related("special_days")
    return [page.pk for page in pages if page.opening_hours and page.is_open_at(moment)]


def _month_spans(today, months, years=3):
    """[(first day, first day of the next month)] of `months` from this month on, as aware
    datetimes, for `years` ahead."""
    spans = []
    for offset in range(12 * years):
        year, month = divmod(today.month - 1 + offset, 12)
        year, month = today.year + year, month + 1
        if month in months:
            following = date(year + month // 12, month % 12 + 1, 1)
            spans.append(
                (
                    timezone.make_aware(datetime.combine(date(year, month, 1), time.min)),
                    timezone.make_aware(datetime.combine(following, time.min)),
                )
            )
    return spans


def near_radius_m():
    return float(getattr(settings, "SEARCH_NEAR_RADIUS_KM", 25)) * 1000


class ElasticsearchBackend(BaseSearchBackend):
    name = "elasticsearch"

    def __init__(self, client):
        self.client = client

    @classmethod
    def from_settings(cls):
        return cls(get_client())

    # --- what is sent -----------------------------------------------------------
    @staticmethod
    def language_filter(language):
        """The language's documents, then each fallback's that have no own translation."""
        chain = content.language_chain(language)
        clauses = []
        for position, code in enumerate(chain):
            must_not = [Q("terms", translated_to=chain[:position])] if position else []
            clauses.append(Q("bool", filter=[Q("term", language=code)], must_not=must_not))
        return Q("bool", should=clauses, minimum_should_match=1)

    @staticmethod
    def text_matches(text, related=()):
        """The visitor's words (typos forgiven), and `related` words (synonyms) weighted less."""
        return Q(
            "bool",
            should=[
                Q(
                    "multi_match",
                    query=text,
                    fields=TEXT_FIELDS,
                    type="best_fields",
                    fuzziness="AUTO",
                    prefix_length=1,
                    max_expansions=20,
                ),
                Q("match_phrase", title={"query": text, "boost": 3}),
                *(
                    Q("multi_match", query=word, fields=TEXT_FIELDS, boost=weight)
                    for word, weight in related
                ),
            ],
            minimum_should_match=1,
        )

    @classmethod
    def text_query(cls, text, language, related=()):
        return Q(
            "function_score",
            query=cls.text_matches(text, related),
            functions=[{"filter": Q("term", language=language), "weight": OWN_LANGUAGE_WEIGHT}],
            boost_mode="multiply",
            score_mode="max",
        )

    @staticmethod
    def event_filters(expansion, now=None):
        """Events that are over are no answer; month words keep the events of that month.

        The same rule as the database backend's (`search.events`): a month is that month
        in any year ahead ("Mai" in December means next May).
        """
        now = now or timezone.now()
        today = timezone.localdate(now)
        start_of_today = timezone.make_aware(datetime.combine(today, time.min))
        over = Q(
            "bool",
            should=[
                Q("range", end={"lt": now.isoformat()}),
                Q(
                    "bool",
                    must_not=[Q("exists", field="end")],
                    filter=[Q("range", start={"lt": start_of_today.isoformat()})],
                ),
            ],
            minimum_should_match=1,
        )
        filters = [Q("bool", must_not=[Q("bool", filter=[Q("term", type="event"), over])])]
        if expansion.events_only:
            filters.append(Q("term", type="event"))
        if expansion.months:
            ranges = []
            for first, following in _month_spans(today, expansion.months):
                span = {"gte": first.isoformat(), "lt": following.isoformat()}
                ranges += [Q("range", start=span), Q("range", end=span)]
            filters.append(Q("bool", should=ranges, minimum_should_match=1))
        return filters

    def build_search(self, query, open_ids=None):
        """The `Search` for a `SearchQuery`; `.to_dict()` is the request body."""
        chain = content.language_chain(query.language)
        search = Search(using=self.client, index=[alias_name(code) for code in chain])
        filters = [Q("term", live=True), self.language_filter(query.language)]
        # The same widening as the database backend's: synonyms (shipped and the editors'),
        # months and event words; spellings and stems are the analyzers' work here.
        expansion = expand(query.words, query.language) if query.text else Expansion()
        filters += self.event_filters(expansion)
        if query.kind:
            filters += [Q("term", type="route"), Q("term", kind=query.kind)]
        if query.open_now:
            filters += [Q("term", type="poi"), Q("terms", page_id=list(open_ids or []))]
        if query.near:
            lat, lon = query.near
            filters.append(
                Q(
                    "geo_distance",
                    distance=f"{int(near_radius_m())}m",
                    location={"lat": lat, "lon": lon},
                )
            )
        related = [
            (word, weight)
            for group in expansion.groups
            for word, weight in group
            if weight == SYNONYM_WEIGHT
        ]
        # What is left once month and event words became filters ("Konzert" of
        # "Konzert im Mai"); nothing left means every event of those months.
        words = " ".join(group[0][0] for group in expansion.groups)
        scoring = self.text_query(words, query.language, related) if words else Q("match_all")
        search = search.query(Q("bool", must=[scoring], filter=filters))

        # Facets count without their own filter, so visitors can switch between values.
        type_filter = Q("terms", type=list(query.types)) if query.types else None
        category_filter = (
            Q("terms", categories=list(query.categories)) if query.categories else None
        )
        post_filters = [clause for clause in (type_filter, category_filter) if clause]
        if post_filters:
            search = search.post_filter(Q("bool", filter=post_filters))
        type_agg = A("filter", category_filter or Q("match_all"))
        type_agg.bucket("values", "terms", field="type", size=len(CONTENT_TYPES))
        category_agg = A("filter", type_filter or Q("match_all"))
        category_agg.bucket("values", "terms", field="categories", size=50)
        search.aggs.bucket("type", type_agg)
        search.aggs.bucket("category", category_agg)

        if query.near:
            lat, lon = query.near
            search = search.sort(
                {
                    "_geo_distance": {
                        "location": {"lat": lat, "lon": lon},
                        "order": "asc",
                        "unit": "m",
                    }
                },
                {"_score": {"order": "desc"}},
            )
        if query.text:
            search = search.highlight_options(
                pre_tags=[MARK_START],
                post_tags=[MARK_END],
                fragment_size=180,
                number_of_fragments=1,
                require_field_match=False,
                # Engines (the emulator among them) may not find the terms to mark
                # inside function_score; the plain text query names them directly.
                highlight_query=self.text_matches(words or query.text, related).to_dict(),
            ).highlight(*HIGHLIGHT_FIELDS)
            search = search.suggest(
                "did_you_mean",
                query.text,
                term={"field": "title.plain", "suggest_mode": "missing", "size": 1},
            )
        search = search.source(["page_id", "type", "language"])
        search = search.extra(track_total_hits=True, timeout=f"{int(timeout_seconds() * 1000)}ms")
        return search[query.offset : query.offset + query.page_size]

    # --- the interface ----------------------------------------------------------
    def search(self, query):
        if query.is_empty:
            return SearchResults.empty(query, backend=self.name)
        open_ids = open_point_of_interest_ids() if query.open_now else None
        results = self._search(query, open_ids)
        if results.total or not query.text or query.exact:
            return results
        # Nothing found: search for the engine's correction, else the closest words of
        # the pages (as the database backend does), and say so.
        corrected = results.did_you_mean or vocabulary.correct(query.text, query.language)
        if corrected and corrected != query.text:
            retry = self._search(replace(query, text=corrected), open_ids)
            if retry.total:
                return replace(retry, query=query, corrected_text=corrected, did_you_mean="")
        return results

    def _search(self, query, open_ids):
        search = self.build_search(query, open_ids)
        try:
            response = self.client.options(request_timeout=timeout_seconds()).search(
                index=search._index, body=search.to_dict()
            )
        except ENGINE_ERRORS as error:
            raise SearchBackendUnavailable(str(error)) from error
        with translation.override(query.language):
            return self._results(query, response)

    def _results(self, query, response):
        raw_hits = response["hits"]["hits"]
        shown = content.result_pages(
            (
                (hit["_source"]["type"], hit["_source"]["page_id"])
                for hit in raw_hits
                if hit["_source"].get("type") in content.SEARCHABLE_MODELS
            ),
            # Unpublished or made private since it was indexed: not shown.
            queryset_of=lambda _type, model: public_pages(model.objects.all()),
        )
        hits = []
        for raw in raw_hits:
            if raw["_source"].get("page_id") not in shown:
                continue  # unpublished since it was indexed
            page, thumbnail = shown[raw["_source"]["page_id"]]
            highlight = ""
            fragments = raw.get("highlight", {})
            for field in HIGHLIGHT_FIELDS:
                if fragments.get(field):
                    highlight = from_engine_fragments(fragments[field])
                    break
            if not highlight:
                highlight = python_highlight(content.summary_of(page, query.language), query.terms)
            distance = None
            if query.near and raw.get("sort"):
                distance = float(raw["sort"][0])
            hits.append(
                Hit(
                    object=page,
                    score=raw.get("_score") or 0.0,
                    highlight=highlight,
                    type=raw["_source"]["type"],
                    distance_m=distance,
                    thumbnail=thumbnail,
                )
            )
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else int(total)
        results = SearchResults(
            query=query,
            total=total,
            hits=hits,
            facets=self._facets(response.get("aggregations", {}), query),
            backend=self.name,
        )
        if total == 0 and query.text:
            results.did_you_mean = self._did_you_mean(query.text, response.get("suggest", {}))
        return results

    @staticmethod
    def _facets(aggregations, query):
        def buckets(name):
            return aggregations.get(name, {}).get("values", {}).get("buckets", [])

        type_counts = {bucket["key"]: bucket["doc_count"] for bucket in buckets("type")}
        category_counts = {bucket["key"]: bucket["doc_count"] for bucket in buckets("category")}
        return build_facets(query, type_counts, category_counts)

    @staticmethod
    def _did_you_mean(text, suggestions):
        corrected, position, changed = [], 0, False
        for entry in suggestions.get("did_you_mean", []):
            options = entry.get("options") or []
            start, end = entry["offset"], entry["offset"] + entry["length"]
            corrected.append(text[position:start])
            if options:
                corrected.append(options[0]["text"])
                changed = True
            else:
                corrected.append(text[start:end])
            position = end
        corrected.append(text[position:])
        return "".join(corrected).strip() if changed else ""

    def suggest(self, prefix, language, limit=8):
        chain = content.language_chain(language)
        search = Search(using=self.client, index=[alias_name(code) for code in chain])
        # Suggesters ignore the query, so the language fallback is applied to the options.
        search = search.source(["page_id", "language", "title"]).extra(size=0)
        search = search.suggest(
            "titles",
            prefix,
            # No skip_duplicates: it compares the matched words, so two pages completing
            # "Hundisburg" would count as one; pages are made unique below.
            completion={"field": "suggest", "size": limit * len(chain) * 2},
        )
        try:
            response = self.client.options(request_timeout=timeout_seconds()).search(
                index=search._index, body=search.to_dict()
            )
        except ENGINE_ERRORS as error:
            raise SearchBackendUnavailable(str(error)) from error
        best = {}
        for entry in response.get("suggest", {}).get("titles", []):
            for position, option in enumerate(entry.get("options", [])):
                source = option.get("_source", {})
                rank = chain.index(source["language"]) if source.get("language") in chain else 9
                key = source.get("page_id", option.get("text"))
                if key not in best or (rank, position) < best[key][:2]:
                    best[key] = (rank, position, source.get("title") or option.get("text", ""))
        titles = []
        for _rank, _position, title in sorted(best.values(), key=lambda item: item[1]):
            if title and title not in titles:
                titles.append(title)
        return titles[:limit]

    def status(self):
        try:
            exists = self.client.options(request_timeout=timeout_seconds()).indices.exists_alias(
                name=alias_name(settings.LANGUAGE_CODE)
            )
        except ENGINE_ERRORS as error:
            logger.warning("search health: Elasticsearch unreachable: %s", error)
            return {"status": "down", "backend": self.name}
        if not exists:
            return {"status": "down", "backend": self.name, "reason": "index missing"}
        return {"status": "ok", "backend": self.name}
