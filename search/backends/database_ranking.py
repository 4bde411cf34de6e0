"""The one statement per search of the DatabaseBackend: score, filter, count and page.

Each searchable type contributes its candidates as an ORM queryset (live, public, kind,
the box around `near`), narrowed to the pages the text index found. One SQL statement
then scores them, measures their distance from `near`, counts the facets and cuts out the
requested page, so that the work left to Python does not grow with the number of matches.
A second query (a typo's correction) can travel in the same statement, ranked only when
the first finds nothing (`rank_or_instead`).

Scoring, per word of the query, the best of:

- title (10) and summary (3) in the visitor's language, or its fallback when missing;
- title (4) and summary (1.2) in any other language;

×1.5 when the word is a whole word of the text, ×1.2 when a word starts with it. The page
scores the sum, at least 1 (found through body, category or tags only), × (share of the
words that matched)², ×0.5 for a page without its own title in a language other than the
default. Distances are haversine in metres, as `tourism.geo.haversine_m`.
"""

import sqlite3
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection

from search import content
from search.database_index import bound, rows_of, with_index_scans
from tourism.geo import EARTH_RADIUS_M
from tourism.models import PointOfInterestCategory, PointOfInterestPage

TITLE_WEIGHT = 10.0
SUMMARY_WEIGHT = 3.0
OTHER_LANGUAGE_FACTOR = 0.4
UNTRANSLATED_FACTOR = 0.5
# Candidates found only through body, category or tags score this per term.
OTHER_FIELD_WEIGHT = 1.0
WHOLE_WORD_FACTOR = 1.5
WORD_START_FACTOR = 1.2


@dataclass
class Ranked:
    """The requested page of (type, pk, score, distance in m) and the facet counts."""

    hits: list = field(default_factory=list)
    type_counts: dict = field(default_factory=dict)
    category_counts: dict = field(default_factory=dict)
    # A part of the text lookup found as many pages as it may: counts are lower bounds.
    capped: bool = False

    def total(self, types=()):
        """How many pages were found of `types` (default: all)."""
        return sum(
            count for type_, count in self.type_counts.items() if not types or type_ in types
        )


class _Sql:
    """SQL text with `%s` placeholders; `param()` must be called in the order of the text."""

    def __init__(self):
        self.params = []
        self.vendor = connection.vendor

    def param(self, value):
        self.params.append(value)
        return "%s"

    def greatest(self, parts):
        if len(parts) == 1:
            return parts[0]
        name = "GREATEST" if self.vendor == "postgresql" else "MAX"
        return f"{name}({', '.join(parts)})"

    def least(self, parts):
        name = "LEAST" if self.vendor == "postgresql" else "MIN"
        return f"{name}({', '.join(parts)})"

    def spellings(self, word):
        # SQLite's LIKE folds ASCII letters only: "übersicht" must also meet "Übersicht".
        if self.vendor != "sqlite" or word.isascii():
            return [word]
        return sorted({word, word.capitalize(), word.upper()})

    def like(self, expression, word, shapes):
        """`expression` is LIKE one of `shapes` around `word`, in any case."""
        conditions = []
        for spelling in self.spellings(word):
            escaped = _like_pattern(spelling)
            for shape in shapes:
                pattern = self.param(shape.replace("{}", escaped))
                if self.vendor == "postgresql":
                    # The texts are lower-cased once in `candidates` (ILIKE would lower-case
                    # them for every pattern).
                    conditions.append(f"{expression} LIKE {pattern}")
                elif self.vendor == "sqlite":
                    conditions.append(f"{expression} LIKE {pattern} ESCAPE '\\'")
                else:
                    conditions.append(f"UPPER({expression}) LIKE UPPER({pattern}) ESCAPE '\\'")
        return "(" + " OR ".join(conditions) + ")"

    def contains(self, expression, word):
        """`expression` contains `word`."""
        if self.vendor == "postgresql":
            return f"STRPOS({expression}, {self.param(word)}) > 0"
        return self.like(expression, word, CONTAINS)

    def word_factor(self, expression, word):
        """×1.5 when `word` is a whole word of `expression`, ×1.2 when a word starts with
        it, else 1.0."""
        if self.vendor == "postgresql":
            # `expression`'s padded form (`_scored_texts`): hyphens as spaces and a space
            # at either end, so a whole word is " word " and a word's start " word". Two
            # lookups instead of twelve LIKE patterns, which made the statement three
            # times as long to send, parse and plan.
            word = word.replace("-", " ")
            padded = f"{expression}_padded"
            whole = f"STRPOS({padded}, {self.param(f' {word} ')}) > 0"
            start = f"STRPOS({padded}, {self.param(f' {word}')}) > 0"
        else:
            whole = self.like(expression, word, WHOLE_WORD)
            start = self.like(expression, word, WORD_START)
        return (
            f"CASE WHEN {whole} THEN {WHOLE_WORD_FACTOR} "
            f"WHEN {start} THEN {WORD_START_FACTOR} ELSE 1.0 END"
        )


def _number(value):
    """A float as an SQL literal (coordinates and radius are numbers, never text)."""
    return repr(float(value))


def _column(alias):
    return '"' + alias.replace('"', '""') + '"'


def _like_pattern(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# LIKE patterns ({} is the word) for "contains", "a word starts with" and "a whole word":
# words as Python's str.split() sees them, with hyphens as spaces ("Rad-Tour"), without
# the cost of rewriting every text.
CONTAINS = ["%{}%"]
WORD_START = ["{}%", "% {}%", "%-{}%"]
WHOLE_WORD = ["{}", "{} %", "{}-%", "% {}", "%-{}", "% {} %", "% {}-%", "%-{} %", "%-{}-%"]


def _text_score(sql, text, word, weight, contained=False):
    """[SQL] `weight` if `text` contains `word`, ×1.5 as a whole word, ×1.2 as a word's start.

    `contained`: the caller has checked already that it does.
    """
    # In the order of the text, for the placeholders.
    contains = "" if contained else sql.contains(text, word)
    score = f"{weight} * {sql.word_factor(text, word)}"
    return score if contained else f"CASE WHEN {contains} THEN {score} ELSE 0.0 END"


def _shown(name, language):
    """[SQL] the text of the row `t` visitors of `language` read: theirs, else the
    fallback's."""
    values = [f"NULLIF(t.{name}_{code}, '')" for code in content.language_chain(language)]
    return f"COALESCE({', '.join(values)}, '')"


def _texts(language):
    """[(SQL, weight)] of the texts a word is looked for in, the shown title first."""
    others = [code for code in content.languages() if code != language]
    texts = [(_shown("title", language), TITLE_WEIGHT)]
    texts += [(_shown("summary", language), SUMMARY_WEIGHT)]
    texts += [(f"t.title_{code}", TITLE_WEIGHT * OTHER_LANGUAGE_FACTOR) for code in others]
    texts += [(f"t.summary_{code}", SUMMARY_WEIGHT * OTHER_LANGUAGE_FACTOR) for code in others]
    return texts


def _scored_texts(sql, language):
    """[SQL] the rows `t` of `candidates` the words are scored on.

    PostgreSQL: with each text of `_texts` as a column `text_<n>`, and `text_<n>_padded`
    (see `_Sql.word_factor`), worked out once per row instead of once per word, spelling
    and text.
    """
    if sql.vendor != "postgresql":
        return "candidates"
    columns = []
    for number, (text, _weight) in enumerate(_texts(language)):
        columns.append(f"{text} AS text_{number}")
        columns.append(f"' ' || TRANSLATE({text}, '-', ' ') || ' ' AS text_{number}_padded")
    return f"(SELECT t.*, {', '.join(columns)} FROM candidates AS t)"


def _word_score(sql, word, language):
    """[SQL] the best match of `word` in the titles and summaries of the row `t`."""
    texts = _texts(language)
    if sql.vendor == "postgresql":
        texts = [(f"t.text_{number}", weight) for number, (_text, weight) in enumerate(texts)]
    (title, title_weight), rest = texts[0], texts[1:]
    # A match in the title (≥ 10) beats any other (≤ 6): the rest only without one.
    in_title = sql.contains(title, word)
    title_score = _text_score(sql, title, word, title_weight, contained=True)
    others = sql.greatest([_text_score(sql, text, word, weight) for text, weight in rest])
    return f"CASE WHEN {in_title} THEN {title_score} ELSE {others} END"


def _distance(sql, near):
    """[SQL] haversine distance in metres of the row `t` (columns lat, lon) from `near`."""
    lat, lon = (_number(value) for value in near)
    half_lat = f"SIN(RADIANS(t.lat - {lat}) / 2)"
    half_lon = f"SIN(RADIANS(t.lon - {lon}) / 2)"
    a = (
        f"{half_lat} * {half_lat} "
        f"+ COS(RADIANS({lat})) * COS(RADIANS(t.lat)) * {half_lon} * {half_lon}"
    )
    # MIN()/LEAST() guards against rounding pushing the root just above 1.
    return f"(2 * {_number(EARTH_RADIUS_M)} * ASIN({sql.least([f'SQRT({a})', '1.0'])}))"


def _candidates(sql, type_, queryset, query, matched):
    """SELECT type, pk, category, title_<language> …, summary_<language> …, lat, lon.

    The same columns for every type, from the type's candidate queryset.
    """
    codes = content.languages()
    summary = content.SUMMARY_FIELD[type_]
    columns = ["pk"]
    outputs = [f"'{type_}' AS type", "t.pk AS pk"]
    if type_ == "event":
        columns.append("category__slug")
        outputs.append('t."category__slug" AS category')
    else:
        outputs.append("NULL AS category")
    if query.words:
        columns += [f"title_{code}" for code in codes] + [f"{summary}_{code}" for code in codes]
        # PostgreSQL compares lower-cased texts with LIKE; SQLite's LIKE ignores ASCII case.
        text = "LOWER({})" if sql.vendor == "postgresql" else "{}"
        outputs += [f"{text.format(f't.title_{code}')} AS title_{code}" for code in codes]
        outputs += [f"{text.format(f't.{summary}_{code}')} AS summary_{code}" for code in codes]
    if query.near:
        columns += ["lat", "lon"]
        outputs += ["t.lat AS lat", "t.lon AS lon"]
    inner, inner_params = _compiled(queryset, columns)
    sql.params.extend(inner_params)
    where = ""
    if matched:
        content_type = int(ContentType.objects.get_for_model(queryset.model).pk)
        where = f"WHERE t.pk IN (SELECT pk FROM matches WHERE content_type = {content_type})"
    return f"SELECT {', '.join(outputs)} FROM ({inner}) AS t {where}"


def _compiled(queryset, columns):
    """(SQL, params) of `queryset.values_list(*columns)`, kept on the queryset: a kept
    queryset (`database._plain_candidates`) is compiled once per set of columns."""
    memo = queryset.__dict__.setdefault("_search_compiled", {})
    key = tuple(columns)
    if key not in memo:
        if hasattr(queryset, "rewrite"):
            # modeltranslation's values_list() would select the columns in another order.
            queryset = queryset.rewrite(False)
        memo[key] = queryset.values_list(*columns).query.sql_with_params()
    return memo[key]


def _materialized():
    """The hint that keeps the database from computing each word's score three times."""
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        return ""
    return "MATERIALIZED "


def _ranked(sql, query, radius_m, groups=None):
    """CTEs ending in `ranked`: type, pk, category, distance and score of each candidate."""
    distance = _distance(sql, query.near) if query.near else "NULL"
    within = f"WHERE distance <= {_number(radius_m)}" if query.near else ""
    words = groups if groups is not None else [[(word, 1.0)] for word in query.words]
    if not words:
        located = f"SELECT type, pk, category, {distance} AS distance FROM candidates AS t"
        return f"ranked AS (SELECT *, 1.0 AS score FROM ({located}) AS located {within})"
    outputs = ["type", "pk", "category", f"{distance} AS distance"]
    # Each visitor word scores its best alternative (spellings, stems, synonyms), weighted.
    scores = [
        sql.greatest(
            [
                _word_score(sql, word, query.language)
                if weight == 1.0
                else f"{_number(weight)} * {_word_score(sql, word, query.language)}"
                for word, weight in group
            ]
        )
        for group in words
    ]
    outputs += [f"{score} AS word_{position}" for position, score in enumerate(scores)]
    untranslated = "0"
    if query.language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        untranslated = f"CASE WHEN COALESCE(t.title_{query.language}, '') = '' THEN 1 ELSE 0 END"
    outputs.append(f"{untranslated} AS untranslated")
    positions = range(len(words))
    total = " + ".join(f"word_{position}" for position in positions)
    matched = " + ".join(
        f"CASE WHEN word_{position} > 0 THEN 1 ELSE 0 END" for position in positions
    )
    # Pages matching all the visitor's words come first.
    share = f"({sql.greatest([f'({matched})', '1'])} * 1.0 / {len(words)})"
    score = (
        f"{sql.greatest([f'({total})', str(OTHER_FIELD_WEIGHT)])} * {share} * {share} "
        f"* CASE WHEN untranslated = 1 THEN {UNTRANSLATED_FACTOR} ELSE 1.0 END"
    )
    return (
        f"words AS {_materialized()}(SELECT {', '.join(outputs)} "
        f"FROM {_scored_texts(sql, query.language)} AS t), "
        f"ranked AS (SELECT type, pk, category, distance, {score} AS score FROM words {within})"
    )


@dataclass
class Ranking:
    """The ranking statement of one query, built but not yet run."""

    sql: str
    params: list
    query: object
    # Whether the statement looks text up (see `with_index_scans`).
    text: bool
    cap: int | None = None

    def run(self):
        """`Ranked`; the planner settings travel with the statement (one round trip)."""
        return self.read(_execute(with_index_scans(self.sql, text=self.text), self.params))

    def read(self, rows):
        """`Ranked` of the statement's rows."""
        ranked = Ranked()
        for kind, name, number, score, distance in rows:
            if kind == "hit":
                distance = None if distance is None else float(distance)
                ranked.hits.append((name, number, float(score), distance))
            elif kind == "type":
                ranked.type_counts[name] = number
            elif kind == "part":
                ranked.capped |= self.cap is not None and number >= self.cap
            else:
                ranked.category_counts[name] = number
        # UNION ALL promises no order across its parts: restore the page's own.
        if self.query.near:
            ranked.hits.sort(key=lambda hit: (hit[3], -hit[2], hit[1]))
        else:
            ranked.hits.sort(key=lambda hit: (-hit[2], hit[1]))
        return ranked


def rank_or_instead(preferred, instead):
    """(`Ranked` of the `Ranking` `preferred`, of `instead` or None), in one round trip:
    `instead` is ranked only when `preferred` finds nothing of the types its query asks for.

    Either may be None (no candidates), which ranks as `Ranked()`.
    """
    if preferred is None:
        return Ranked(), instead.run() if instead else Ranked()
    if instead is None:
        ranked = preferred.run()
        return ranked, None if ranked.total(preferred.query.types) else Ranked()
    params = [*preferred.params, *instead.params]
    types = ""
    if preferred.query.types:
        types = " AND name IN (" + ", ".join(["%s"] * len(preferred.query.types)) + ")"
        params += list(preferred.query.types)
    columns = "(kind, name, number, score, distance)"
    # LIMIT 0 when `preferred` found pages: then neither database runs `instead` at all
    # (PostgreSQL evaluates the condition once, as an InitPlan; SQLite before the first
    # row). Without a limit: NULL to PostgreSQL, -1 to SQLite.
    unlimited = "-1" if connection.vendor == "sqlite" else "NULL"
    statement = (
        f"WITH preferred{columns} AS {_materialized()}({preferred.sql}), "
        f"instead{columns} AS ({instead.sql}) "
        "SELECT 0, * FROM preferred UNION ALL SELECT * FROM (SELECT 1, * FROM instead "
        f"LIMIT CASE WHEN EXISTS (SELECT 1 FROM preferred WHERE kind = 'type'{types}) "
        f"THEN 0 ELSE {unlimited} END) AS instead_rows"
    )
    rows = _execute(with_index_scans(statement, text=preferred.text or instead.text), params)
    ranked = preferred.read(row[1:] for row in rows if row[0] == 0)
    if ranked.total(preferred.query.types):
        return ranked, None
    return ranked, instead.read(row[1:] for row in rows if row[0] == 1)


def ranking(parts, matches, query, radius_m, groups=None, cap=None):
    """The `Ranking` of `query`, or None when there is nothing to rank.

    `parts`: [(type, queryset)] of the candidates of each type; `matches`: (CTEs, params)
    ending in `matches` (page id, content type id, part) of pages holding a word of the
    text, or None to take all candidates; `groups`: [[(alternative, weight), …] per
    visitor word] (default: the query's words as they are); `cap`: the most rows a part
    of `matches` may hold.
    """

    if not parts:
        return None
    sql = _Sql()
    # Placeholders are filled in the order of the text below: build it top to bottom.
    matching = ""
    if matches is not None:
        matching = f"{matches[0]},"
        sql.params.extend(matches[1])
    selects = []
    for type_, queryset in parts:
        try:
            selects.append(_candidates(sql, type_, queryset, query, matches is not None))
        except EmptyResultSet:
            # A filter that can match nothing (e.g. "open now" when every place is closed):
            # Django refuses to write its SQL. Raised before any of its parameters is added.
            continue
    if not selects:
        return None
    candidates = " UNION ALL ".join(selects)
    ranked_ctes = _ranked(sql, query, radius_m, groups)
    through = PointOfInterestPage.categories.through._meta.db_table
    category_table = PointOfInterestCategory._meta.db_table
    ranked_rows = "ranked"
    chosen = ""
    if query.categories:
        slugs = ", ".join(sql.param(slug) for slug in query.categories)
        chosen = (
            ", chosen AS (SELECT * FROM ranked "
            f"WHERE pk IN (SELECT pk FROM categories WHERE slug IN ({slugs})))"
        )
        ranked_rows = "chosen"
    hit_types, counted_types = "", ""
    if query.types:
        hit_types = "WHERE type IN (" + ", ".join(sql.param(type_) for type_ in query.types) + ")"
    order = "distance, score DESC, pk" if query.near else "score DESC, pk"
    if query.types:
        counted_types = "WHERE type IN (" + ", ".join(sql.param(t) for t in query.types) + ")"
    parts_counted = ""
    if matches is not None:
        parts_counted = (
            "UNION ALL SELECT 'part', part, COUNT(*), NULL, NULL FROM matches GROUP BY part"
        )
    statement = f"""
        WITH {matching}
        candidates AS ({candidates}),
        {ranked_ctes},
        categories AS (
            SELECT r.type AS type, r.pk AS pk, c.slug AS slug
            FROM ranked AS r
            JOIN {_column(through)} AS x ON x.pointofinterestpage_id = r.pk
            JOIN {_column(category_table)} AS c ON c.id = x.pointofinterestcategory_id
            WHERE r.type = 'poi'
            UNION ALL
            SELECT type, pk, category FROM ranked WHERE category IS NOT NULL
        ){chosen}
        SELECT 'hit', type, pk, score, distance FROM (
            SELECT type, pk, score, distance FROM {ranked_rows} {hit_types}
            ORDER BY {order} LIMIT {int(query.page_size)} OFFSET {int(query.offset)}
        ) AS page
        UNION ALL
        SELECT 'type', type, COUNT(*), NULL, NULL FROM {ranked_rows} GROUP BY type
        UNION ALL
        SELECT 'category', slug, COUNT(*), NULL, NULL FROM categories {counted_types}
        GROUP BY slug
        {parts_counted}
    """
    return Ranking(statement, sql.params, query, text=matches is not None, cap=cap)


def _execute(statement, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(bound(cursor, statement, params))
        else:
            cursor.execute(statement, params)
        return rows_of(cursor)
