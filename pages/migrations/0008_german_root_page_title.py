"""Wagtail names the tree's root page "Root"; a German editor's explorer then reads
"Erkunden: Root" and every breadcrumb starts with "Root". The title is data, not a
translatable string, so the German-first admin gets a German one (as 0005 does for the
default workflow)."""

from django.db import migrations

ENGLISH = "Root"
GERMAN = "Alle Seiten"


def rename(apps, old, new):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )


def to_german(apps, schema_editor):
    rename(apps, ENGLISH, GERMAN)


def to_english(apps, schema_editor):
    rename(apps, GERMAN, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_region_indexes"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
