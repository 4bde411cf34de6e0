"""PostgreSQL's word postings: kept in step by the database, read only as far as needed."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

from search import database_index, postings
from search.backends.database import DatabaseBackend
from search.query import SearchQuery
from tests.factories.tourism import PointOfInterestPageFactory
from tourism.models import PointOfInterestPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's postings"),
]


def found(text, language="de"):
    results = DatabaseBackend().search(SearchQuery(text=text, language=language))
    return [hit.object.pk for hit in results.hits]


def words_of(page, source="tourism_pointofinterestpage"):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM search_posting WHERE source = %s AND pk = %s ORDER BY word",
            [source, page.pk],
        )
        return [word for (word,) in cursor.fetchall()]


def no_drift():
    return not any(
        value for numbers in database_index.check().values() for value in numbers.values()
    )


def test_postings_hold_each_word_of_a_text_once_lower_cased(search_data):
    castle = search_data["castle"]
    titles = words_of(castle, source="wagtailcore_page")
    assert {"schloss", "hundisburg", "castle"} <= set(titles)
    assert len(titles) == len(set(titles))
    assert "großem" in words_of(castle)
    assert no_drift()


def test_every_write_keeps_the_postings_in_step(search_data):
    roland = search_data["roland"]
    # A queryset update sends no signal: the trigger sees it.
    PointOfInterestPage.objects.filter(pk=roland.pk).update(teaser_de="Zeppelinlandeplatz")
    assert "zeppelinlandeplatz" in words_of(roland)
    assert "wahrzeichen" not in words_of(roland)
    assert roland.pk in found("Zeppelin")
    assert roland.pk not in found("Wahrzeichen")
    new = PointOfInterestPageFactory(parent=roland.get_parent(), title="Ölmühle Satuelle")
    assert new.pk in found("mühle")
    new.delete()
    assert words_of(new) == [] and words_of(new, source="wagtailcore_page") == []
    assert no_drift()


def test_a_truncated_table_takes_its_postings_along(search_data):
    with connection.cursor() as cursor:
        # The test's transaction holds deferred foreign key checks of the pages written.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE pages_newspage CASCADE")
        cursor.execute("SELECT count(*) FROM search_posting WHERE source = 'pages_newspage'")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT count(*) FROM search_posting WHERE source <> 'pages_newspage'")
        assert cursor.fetchone()[0] > 0


def test_a_changed_definition_is_rebuilt_and_refilled(search_data):
    roland = search_data["roland"]
    function = postings.function_name(PointOfInterestPage)
    with connection.cursor() as cursor:
        # As if from an older release or with other languages: a different body.
        cursor.execute(
            f'CREATE OR REPLACE FUNCTION "{function}"() RETURNS trigger LANGUAGE plpgsql '
            "AS $body$ BEGIN RETURN NULL; END $body$"
        )
        cursor.execute("DELETE FROM search_posting WHERE source = 'tourism_pointofinterestpage'")
    postings.forget()
    assert not postings.ready(database_index.indexed_fields())
    changes = database_index.ensure()
    assert "filled search_posting of tourism_pointofinterestpage" in changes
    assert postings.ready(database_index.indexed_fields())
    assert "wahrzeichen" in words_of(roland)
    assert database_index.ensure() == []
    assert no_drift()


def test_check_reports_rows_without_postings(search_data):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_posting WHERE source = 'tourism_routepage'")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    report = database_index.check()
    assert report["word postings"]["missing"] > 0
    database_index.ensure(force=True)
    assert no_drift()


def test_a_lookup_reads_only_as_many_postings_as_its_limit(home_page):
    parent = PointOfInterestPageFactory(parent=home_page, title="Start").get_parent()
    for number in range(40):
        PointOfInterestPageFactory(parent=parent, title=f"Kirche Nummer {number}")
    content_type = ContentType.objects.get_for_model(PointOfInterestPage).pk
    sql, params = database_index.matching_sql(
        Page, database_index.indexed_fields()[Page], ["kirch"], content_type=content_type
    )
    with database_index.index_scans(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM ({sql}) AS m LIMIT 5", params)
        plan = cursor.fetchone()[0][0]["Plan"]

    def scans(node):
        if node.get("Relation Name") == "search_posting":
            yield node
        for child in node.get("Plans", []):
            yield from scans(child)

    read = [node["Actual Rows"] for node in scans(plan)]
    assert read and max(read) <= 5, read


def test_all_words_are_found_whichever_is_rarest(search_data):
    castle = search_data["castle"]
    parent = castle.get_parent()
    for number in range(12):
        PointOfInterestPageFactory(parent=parent, title=f"Schloss Nummer {number}")
    assert found("Schloss Hundisburg")[0] == castle.pk
    assert found("Hundisburg Schloss")[0] == castle.pk


def test_titles_with_every_word_are_walked_from_the_rarest_word(home_page):
    parent = PointOfInterestPageFactory(parent=home_page, title="Start").get_parent()
    for number in range(30):
        PointOfInterestPageFactory(parent=parent, title=f"Schloss Nummer {number}")
    PointOfInterestPageFactory(parent=parent, title="Schloss 8280")
    with connection.cursor() as cursor:
        # As a region's postings are: the planner knows they are many.
        cursor.execute("ANALYZE search_posting")
    content_type = ContentType.objects.get_for_model(PointOfInterestPage).pk
    fields = database_index.indexed_fields()[Page]
    for all_of in ([["schloss"], ["8280"]], [["8280"], ["schloss"]]):
        # As the search's statement holds them: the rarity is counted inside it.
        known_sql, known_params = postings.known_words_cte(
            ["schloss", "8280"], all_of, [content_type]
        )
        sql, params = database_index.matching_sql(
            Page, fields, [], all_of=all_of, content_type=content_type, known=postings.KNOWN_CTE
        )
        statement = f"WITH {known_sql} SELECT * FROM ({sql}) AS m LIMIT 5"
        with database_index.index_scans(), connection.cursor() as cursor:
            cursor.execute(statement, known_params + params)
            assert len(cursor.fetchall()) == 1
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", known_params + params)
            plan = cursor.fetchone()[0][0]["Plan"]

        def walks(node):
            # The lookup's own walk through the postings (not the rarity count, not the
            # question each row is asked).
            if node.get("Relation Name") == "search_posting" and node.get("Alias") == "p":
                yield node
            for child in node.get("Plans", []):
                yield from walks(child)

        read = [
            (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * node["Actual Loops"]
            for node in walks(plan)
        ]
        assert read == [1], (all_of, read)


def test_terms_that_are_no_words_still_find_pages(search_data):
    # Hyphenated and spaced terms are looked up by trigrams, next to the words.
    roland = search_data["roland"]
    PointOfInterestPage.objects.filter(pk=roland.pk).update(teaser_de="Verleih für E-Bikes")
    assert roland.pk in found("E-Bike")
