"""SQLite's query plans as a region's statistics make them (tests of list queries)."""

from django.db import connection

# sqlite_stat1 of a 100 000-place region (5 004 routes, 20 015 events) after
# `generate_region`'s ANALYZE, by table and indexed columns: `depth` has four values, one
# of them holding every place.
REGION_STATISTICS = {
    "wagtailcore_page": {
        "depth": "125071 31268",
        "latest_revision_created_at": "125071 1277",
        "latest_revision_id": "125071 1762",
        "alias_of_id": "125071 125071",
        "locale_id": "125071 125071",
        "locked_by_id": "125071 125071",
        "live_revision_id": "125071 1762",
        "first_published_at": "125071 1277",
        "owner_id": "125071 125071",
        "content_type_id": "125071 11371",
        "slug": "125071 1",
        "translation_key,locale_id": "125071 1 1",
        "path": "125071 1",
    },
    "tourism_pointofinterestpage": {
        "featured": "6 6",
        "latitude,longitude": "100033 2 1",
        "sort_title_de": "100033 1",
        "sort_title_en": "100033 1",
        "sort_title_pl": "100033 1",
    },
    "tourism_routepage": {
        "image_id": "5004 112",
        "sort_title_de": "5004 1",
        "sort_title_en": "5004 1",
        "sort_title_pl": "5004 1",
    },
    "pages_eventpage": {
        "start,end,all_day": "20015 4 4 4",
        "venue_id": "20015 3",
        "image_id": "20015 436",
        "category_id": "20015 3336",
    },
}


def plan_with_region_statistics(sql):
    """SQLite's plan for `sql` as if the tables held a region (REGION_STATISTICS)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # creates sqlite_stat1
        cursor.execute("DELETE FROM sqlite_stat1")
        for table, statistics in REGION_STATISTICS.items():
            cursor.execute(f'PRAGMA index_list("{table}")')
            for index in [row[1] for row in cursor.fetchall()]:
                cursor.execute(f'PRAGMA index_info("{index}")')
                columns = ",".join(row[2] for row in cursor.fetchall())
                cursor.execute(
                    "INSERT INTO sqlite_stat1 VALUES (%s, %s, %s)",
                    [table, index, statistics[columns]],
                )
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return [row[-1] for row in cursor.fetchall()]
