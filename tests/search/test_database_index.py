"""The database backend's text index: kept by the database, whoever writes the pages.

Runs on SQLite (FTS5 tables and triggers) and on PostgreSQL (pg_trgm indexes) alike;
the tests of one database's machinery skip on the other.
"""

import importlib.util
from datetime import UTC, date, datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from search import database_index
from search.backends.database import DatabaseBackend
from search.query import SearchQuery
from tests.factories.pages import StandardPageFactory
from tests.factories.tourism import PointOfInterestCategoryFactory, PointOfInterestPageFactory
from tourism.models import PointOfInterestPage, RoutePage

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="FTS5 tables and triggers are SQLite's"
)
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm indexes are PostgreSQL's"
)


def found(text, language="de", **filters):
    results = DatabaseBackend().search(SearchQuery(text=text, language=language, **filters))
    return [hit.object.pk for hit in results.hits]


def test_after_migrate_the_index_matches_the_pages(search_data):
    report = database_index.check()
    assert report
    assert not any(value for numbers in report.values() for value in numbers.values())


def test_a_second_ensure_changes_nothing():
    assert database_index.ensure() == []


def test_rows_written_without_signals_are_found(search_data):
    # Queryset updates send no signals: the database keeps the index in step by itself.
    roland = search_data["roland"]
    PointOfInterestPage.objects.filter(pk=roland.pk).update(teaser_de="Zeppelinlandeplatz")
    Page.objects.filter(pk=search_data["castle"].pk).update(title_de="Wasserburg Hundisburg")
    assert roland.pk in found("Zeppelin")
    assert search_data["castle"].pk in found("Wasserburg")
    assert roland.pk not in found("Wahrzeichen")


def test_umlauts_match_in_any_case(home_page, search_data):
    mill = PointOfInterestPageFactory(
        parent=search_data["poi_index"], title="Ölmühle Übersee", teaser="Die ÖLMÜHLE am Bach."
    )
    for text in ("ölmühle", "ÖLMÜHLE", "Übersee", "übersee", "MÜHLE"):
        assert mill.pk in found(text), text


def test_a_sharp_s_is_found_as_typed(home_page, search_data):
    street = PointOfInterestPageFactory(parent=search_data["poi_index"], title="Hagenstraße")
    assert street.pk in found("Hagenstraße")


def test_words_in_a_streamfield_body_are_found(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Service",
        intro="",
        body=[("paragraph", "<p>Öffnungszeiten des Bürgerbüros</p>")],
    )
    assert page.pk in found("Bürgerbüro")
    assert page.pk in found("öffnungszeiten")


@sqlite_only
def test_block_types_of_a_streamfield_are_no_words(home_page):
    # On PostgreSQL the index holds the JSON text, block types included.
    page = StandardPageFactory(
        parent=home_page, title="Service", intro="", body=[("paragraph", "<p>Rathaus</p>")]
    )
    assert page.pk not in found("paragraph")


def test_short_words_only_count_next_to_longer_ones(search_data):
    cafe = search_data["cafe"].pk
    assert cafe in found("am")
    assert cafe not in found("Museum am")


def test_pages_behind_a_view_restriction_are_not_found(search_data):
    PageViewRestriction.objects.create(
        page=search_data["poi_index"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert search_data["roland"].pk not in found("Roland")
    assert search_data["cycle_route"].pk in found("Radweg")
    assert "Roland" not in DatabaseBackend().suggest("Rol", "de")


def test_near_keeps_the_radius_and_orders_by_distance(search_data, settings):
    settings.SEARCH_NEAR_RADIUS_KM = 1
    results = DatabaseBackend().search(SearchQuery(near=(52.2897, 11.4086), types=("poi",)))
    pks = [hit.object.pk for hit in results.hits]
    # The castle is 4 km away, outside the radius.
    assert search_data["castle"].pk not in pks
    assert pks[0] == search_data["roland"].pk
    assert results.facets["type"]


def test_query_count_does_not_grow_with_the_results(search_data):
    backend = DatabaseBackend()
    poi_index = search_data["poi_index"]

    def shown(text):
        results = backend.search(SearchQuery(text=text, language="de"))
        # What the result list shows of each hit.
        assert all(hit.object.url and hit.thumbnail is None for hit in results.hits)
        return results

    def queries(text):
        shown(text)  # fills the caches of site root paths and content types
        with CaptureQueriesContext(connection) as captured:
            results = shown(text)
        return len(captured.captured_queries), len(results.hits)

    for number in range(3):
        PointOfInterestPageFactory(parent=poi_index, title=f"Wenigort {number}")
    for number in range(12):
        PointOfInterestPageFactory(
            parent=poi_index,
            title=f"Vielort {number}",
            latitude=Decimal("52.3"),
            longitude=Decimal("11.4"),
        )
    few, few_hits = queries("Wenigort")
    many, many_hits = queries("Vielort")
    assert (few_hits, many_hits) == (3, 10)
    assert many == few


def test_suggestions_use_the_title_of_the_visitors_language(search_data):
    assert backend_suggest("Hundis", "en")[0] in {"Hundisburg Castle", "Cycle path to Hundisburg"}
    assert "Schloss Hundisburg" in backend_suggest("Hundis", "de")


def backend_suggest(prefix, language):
    return DatabaseBackend().suggest(prefix, language)


@sqlite_only
def test_a_lost_trigger_is_recreated_and_the_index_refilled(search_data):
    with connection.cursor() as cursor:
        cursor.execute('DROP TRIGGER "search_fts_tourism_pointofinterestpage_update"')
    PointOfInterestPage.objects.filter(pk=search_data["roland"].pk).update(teaser_de="Zeppelin")
    assert search_data["roland"].pk not in found("Zeppelin")
    assert database_index.check()["search_fts_tourism_pointofinterestpage"]["outdated"] == 1
    changes = database_index.ensure()
    assert changes == ["refilled search_fts_tourism_pointofinterestpage"]
    assert search_data["roland"].pk in found("Zeppelin")


@sqlite_only
def test_the_command_reports_and_repairs_drift(search_data):
    with connection.cursor() as cursor:
        cursor.execute('DELETE FROM "search_fts_wagtailcore_page"')
    out = StringIO()
    call_command("search_index", "--check", "--database", stdout=out)
    assert "Drift found" in out.getvalue()
    assert search_data["roland"].pk not in found("Roland")
    call_command("search_index", "--rebuild", "--database", stdout=StringIO())
    out = StringIO()
    call_command("search_index", "--check", "--database", stdout=out)
    assert "matches the pages" in out.getvalue()
    assert search_data["roland"].pk in found("Roland")


def _plan(sql, params):
    with database_index.index_scans(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(line for (line,) in cursor.fetchall())


@postgresql_only
def test_postgresql_looks_words_up_in_the_postings_and_other_terms_by_trigrams(search_data):
    fields = database_index.indexed_fields()[PointOfInterestPage]
    words = database_index.matching_sql(PointOfInterestPage, fields, ["roland"])
    assert "search_posting" in _plan(*words)
    # Not a word as the postings split texts: the trigram index of the whole text.
    other = database_index.matching_sql(PointOfInterestPage, fields, ["e-bike"])
    assert database_index.TRIGRAM_PREFIX in _plan(*other)
    # Titles of every type at once (suggestions): the trigram index too.
    titles = database_index.matching_sql(Page, database_index.indexed_fields()[Page], ["rol"])
    assert database_index.TRIGRAM_PREFIX in _plan(*titles)


@sqlite_only
def test_sqlite_reads_a_types_matches_from_the_text_index_not_a_lookup_per_page(search_data):
    # Given the type's pages as a rowid list, FTS5 ran its MATCH once per page (44 s for
    # "Museum" at 100 000 places); it must match once and filter the result.
    sql, params = database_index.matching_sql(
        Page, ["title_de", "title_en"], ["roland"], extra=("content_type_id = %s", [1])
    )
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        fts_steps = [row[-1] for row in cursor.fetchall() if "VIRTUAL TABLE" in row[-1]]
    assert fts_steps and not any("INDEX 0:=" in step for step in fts_steps), fts_steps


def _title_lookup(model, word):
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(model).pk
    titles = database_index.indexed_fields()[Page]
    return database_index.matching_sql(Page, titles, [word], content_type=content_type)


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk for (pk,) in cursor.fetchall()}


@sqlite_only
def test_sqlite_finds_one_types_titles_in_one_lookup_of_the_text_index(search_data):
    # The titles' index holds each page's content type: "routes' titles holding
    # 'Hundisburg'" is one MATCH, not every title holding it checked against a list of the
    # type's pages (at 100 000 places: 100 000 ids before the first row, and 15 000 titles
    # holding "Museum" read for each type that has none).
    route_titles = _title_lookup(RoutePage, "hundisburg")
    assert _rows(*route_titles) == {search_data["cycle_route"].pk}
    assert _rows(*_title_lookup(PointOfInterestPage, "hundisburg")) == {search_data["castle"].pk}
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + route_titles[0], route_titles[1])
        plan = [row[-1] for row in cursor.fetchall()]
    assert plan and all("VIRTUAL TABLE" in step for step in plan), plan


@sqlite_only
def test_sqlite_titles_index_of_an_older_version_is_still_read_until_migrate(search_data):
    # Between deploying the code and `migrate`, the titles' index has no content types yet.
    table = database_index.fts_table(Page)
    with connection.cursor() as cursor:
        database_index._sqlite_drop(cursor, table)
        cursor.execute(
            f'CREATE VIRTUAL TABLE "{table}" USING fts5(title_de, title_en, title_pl, '
            "tokenize = 'trigram')"
        )
        cursor.execute(
            f'INSERT INTO "{table}" (rowid, title_de, title_en, title_pl) '
            "SELECT id, title_de, title_en, title_pl FROM wagtailcore_page"
        )
    database_index._existing_fts.clear()
    assert _rows(*_title_lookup(RoutePage, "hundisburg")) == {search_data["cycle_route"].pk}
    assert database_index.ensure() == [f"rebuilt {table}"]
    assert _rows(*_title_lookup(RoutePage, "hundisburg")) == {search_data["cycle_route"].pk}


@postgresql_only
def test_the_command_reports_the_trigram_indexes(search_data):
    out = StringIO()
    call_command("search_index", "--check", "--database", stdout=out)
    assert "matches the pages" in out.getvalue()


def test_the_benchmark_data_is_real_pages_the_search_finds(db):
    path = Path(__file__).resolve().parents[2] / "bench" / "search_benchmark.py"
    spec = importlib.util.spec_from_file_location("search_benchmark", path)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    benchmark.fill(pois=30, routes=5)
    assert not any(Page.find_problems())
    assert PointOfInterestPage.objects.live().count() == 30
    cycle_paths = set(
        RoutePage.objects.filter(title_de__contains="Radweg").values_list("pk", flat=True)
    )
    assert cycle_paths
    results = DatabaseBackend().search(SearchQuery(text="Radweg", language="de", page_size=50))
    assert cycle_paths <= {hit.object.pk for hit in results.hits}
    # Asking for more than there are makes it look in the whole radius.
    near = DatabaseBackend().search(SearchQuery(near=benchmark.NEAR, types=("poi",), page_size=50))
    assert near.total == 30
    assert not near.more


def test_open_now_when_no_matching_place_is_open_finds_nothing_calmly(search_data):
    # Found by schemathesis: `pk__in=[]` has no SQL, and the ranking statement must cope.
    PointOfInterestPage.objects.update(opening_hours=[])
    results = DatabaseBackend().search(SearchQuery(text="Roland", language="de", open_now=True))
    assert results.total == 0
    assert results.hits == []


def test_a_word_on_many_pages_is_looked_up_a_bounded_number_of_times(search_data, settings):
    settings.SEARCH_DATABASE_CANDIDATES = 4
    poi_index = search_data["poi_index"]
    for number in range(9):
        PointOfInterestPageFactory(parent=poi_index, title=f"Vielort {number}")
    results = DatabaseBackend().search(SearchQuery(text="Vielort", language="de", page_size=3))
    # Every part of the lookup stops at 4 pages: the total is a lower bound, and says so.
    assert results.more
    assert 4 <= results.total < 9
    assert len(results.hits) == 3
    few = DatabaseBackend().search(SearchQuery(text="Roland", language="de"))
    assert not few.more


def test_a_chosen_category_finds_its_pages_among_many_matches(search_data, settings):
    settings.SEARCH_DATABASE_CANDIDATES = 4
    poi_index = search_data["poi_index"]
    for number in range(9):
        PointOfInterestPageFactory(parent=poi_index, title=f"Vielort {number}")
    mills = PointOfInterestCategoryFactory(name="Mühlen", slug="muehlen")
    chosen = [
        PointOfInterestPageFactory(
            parent=poi_index, title=f"Vielort Mühle {number}", categories=[mills]
        ).pk
        for number in range(2)
    ]
    assert set(found("Vielort", categories=("muehlen",))) == set(chosen)


def test_near_me_finds_the_nearest_places_of_a_dense_region(search_data):
    poi_index = search_data["poi_index"]
    # Twelve places within a few hundred metres of the visitor, one 5 km away.
    for number in range(12):
        PointOfInterestPageFactory(
            parent=poi_index,
            title=f"Nahort {number}",
            latitude=Decimal("52.3") + Decimal(number) / 1000,
            longitude=Decimal("11.4"),
        )
    results = DatabaseBackend().search(SearchQuery(near=(52.3, 11.4), types=("poi",)))
    distances = [hit.distance_m for hit in results.hits]
    assert distances == sorted(distances)
    assert distances[-1] < 1500
    assert results.more


@sqlite_only
def test_sqlite_reads_each_lookup_only_as_far_as_its_limit(search_data):
    # Stored whole, a lookup held every match (11 000 titles holding "Museum" at 100 000
    # places) before the search took its first 100.
    with CaptureQueriesContext(connection) as queries:
        assert found("Museum")
    (search,) = [query["sql"] for query in queries if "lookup_0 AS" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + search)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any("search_fts_" in step for step in plan), plan
    assert not any(step.startswith("MATERIALIZE lookup_") for step in plan), plan


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_planner_settings_travel_with_the_statement_and_end_with_it():
    statement = "SELECT current_setting('enable_seqscan'), current_setting('jit')"

    def run():
        with connection.cursor() as cursor:
            cursor.execute(database_index.with_index_scans(statement))
            inside = database_index.rows_of(cursor)
            cursor.execute(statement)
            return inside, cursor.fetchall()

    # Autocommit (a request): one batch, its own transaction.
    inside, after = run()
    assert inside == [("off", "off")] and after == [("on", "on")]
    # Inside another transaction the settings are reset after the statement.
    with transaction.atomic():
        inside, after = run()
    assert inside == [("off", "off")] and after == [("on", "on")]


@postgresql_only
def test_a_correction_ranked_along_is_not_run_when_the_typed_text_finds_pages(search_data):
    DatabaseBackend().search(SearchQuery(text="Hundisbrug", language="de"))  # reads the words
    # Bodies are no page words: the correction of this body's word is ranked along.
    StandardPageFactory(
        parent=search_data["imprint"].get_parent(),
        title="Service",
        intro="",
        body=[("paragraph", "<p>Hundisbrug, so schrieb man es 1850</p>")],
    )
    with CaptureQueriesContext(connection) as captured:
        results = DatabaseBackend().search(SearchQuery(text="Hundisbrug", language="de"))
    assert [hit.object.title for hit in results.hits] == ["Service"]
    (statement,) = [query["sql"] for query in captured if "instead_rows" in query["sql"]]
    settings, reset = database_index._scan_settings(text=True)
    statement = statement.split(f"{settings}; ")[1].split(f"; {reset}")[0]
    with database_index.index_scans(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}")
        plan = cursor.fetchone()[0][0]["Plan"]

    def nodes(node):
        yield node
        for child in node.get("Plans", []):
            yield from nodes(child)

    # The typed text's rows, then the correction's below its LIMIT: never run.
    typed, correction = [node for node in plan["Plans"] if node["Parent Relationship"] == "Member"]
    assert typed["Actual Rows"] > 0
    assert correction["Node Type"] == "Limit" and correction["Actual Rows"] == 0
    (gate,) = [node for node in correction["Plans"] if node["Parent Relationship"] == "InitPlan"]
    assert gate["Actual Loops"] == 1  # "did the typed text find pages", once
    (rows,) = [node for node in correction["Plans"] if node["Parent Relationship"] == "Outer"]
    below = list(nodes(rows))
    assert len(below) > 10 and all(node["Actual Loops"] == 0 for node in below)


@postgresql_only
def test_trigram_indexes_keep_no_long_pending_list(search_data):
    """A GIN index reads its whole pending list on every lookup until it is merged: the
    word index keeps none, the text indexes a short one (docs/benchmarks.md)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER INDEX search_word_trigrams SET (fastupdate = on); "
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s",
            [database_index.TRIGRAM_PREFIX + "%"],
        )
        cursor.nextset()
        text_indexes = [name for (name,) in cursor.fetchall()]
        for name in text_indexes:
            cursor.execute(f'ALTER INDEX "{name}" RESET (gin_pending_list_limit)')
        database_index.ensure()  # as `migrate` does on an existing database
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)",
            [["search_word_trigrams", *text_indexes]],
        )
        options = dict(cursor.fetchall())
    assert options.pop("search_word_trigrams") == ["fastupdate=off"]
    assert text_indexes and all(
        value == [f"gin_pending_list_limit={database_index.PENDING_LIST_KB}"]
        for value in options.values()
    )


@postgresql_only
@pytest.mark.parametrize(
    "value",
    [
        "Mühle",
        "O'Brien's \\\\ Weg",
        "%museum%",
        "",
        42,
        -7,
        3.25,
        Decimal("52.289700"),
        True,
        None,
        ["schloss", "schlöss", "o'hara"],
        [1, 2, 3],
        datetime(2026, 12, 7, 18, 30, tzinfo=UTC),
        date(2026, 12, 7),
    ],
)
def test_a_statement_bound_once_per_value_is_what_psycopg_would_send(value):
    statement = "SELECT %s AS a, 'literal %%' AS b, %s AS c WHERE 100 %% 7 = 2"
    with connection.cursor() as cursor:
        expected = cursor.cursor.mogrify(statement, [value, value])
        assert database_index.bound(cursor, statement, [value, value]) == expected
        cursor.execute(database_index.bound(cursor, statement, [value, value]))
        first, percent, again = cursor.fetchone()
    assert percent == "literal %"
    assert first == again


@postgresql_only
@pytest.mark.parametrize(
    ("statement", "params"),
    [("SELECT %s", []), ("SELECT %s", [1, 2]), ("SELECT %d", [1])],
)
def test_a_statement_whose_parameters_do_not_fit_is_refused(statement, params, db):
    with connection.cursor() as cursor, pytest.raises(ValueError):
        database_index.bound(cursor, statement, params)


def test_a_whole_word_outranks_a_word_start_which_outranks_a_part(home_page, search_data):
    # ×1.5 for a whole word (hyphens count as spaces), ×1.2 for a word's start, else ×1.0;
    # PostgreSQL asks with STRPOS on the padded text, SQLite with LIKE patterns.
    parent = search_data["poi_index"]
    whole = PointOfInterestPageFactory(parent=parent, title="Alte Zwirnerei", teaser="")
    hyphened = PointOfInterestPageFactory(parent=parent, title="Ost-Zwirnerei-Hof", teaser="")
    start = PointOfInterestPageFactory(parent=parent, title="Zwirnereimuseum", teaser="")
    inside = PointOfInterestPageFactory(parent=parent, title="Altzwirnereien", teaser="")
    results = DatabaseBackend().search(SearchQuery(text="zwirnerei", language="de"))
    scores = {hit.object.pk: hit.score for hit in results.hits}
    assert scores[whole.pk] == scores[hyphened.pk]
    assert scores[whole.pk] == pytest.approx(scores[inside.pk] * 1.5)
    assert scores[start.pk] == pytest.approx(scores[inside.pk] * 1.2)
