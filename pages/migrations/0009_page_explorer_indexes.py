"""Indexes on Wagtail's page table for the admin's page explorer at regional scale.

The explorer lists a parent's children newest change first, 50 at a time: without an
index in that order it sorts all of them (100 000 places under one index page). Wagtail
also looks up the tree's root by `depth`, which no index covers. Wagtail's migrations own
the table, so the indexes are plain SQL, named so that they cannot clash with its own.
"""

from django.db import migrations

INDEXES = {
    "stadtcms_page_latest_change_idx": {
        "postgresql": "(latest_revision_created_at DESC NULLS LAST)",
        # SQLite sorts NULLs last in descending order anyway.
        "default": "(latest_revision_created_at DESC)",
    },
    "stadtcms_page_depth_idx": {"default": "(depth)"},
}


def create_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, columns in INDEXES.items():
        spec = columns.get(vendor, columns["default"])
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {spec}")


def drop_indexes(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0008_german_root_page_title"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
