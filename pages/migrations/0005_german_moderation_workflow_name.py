"""Wagtail names its default workflow "Moderators approval"; the buttons then read
"In Moderators approval einreichen" for German editors. Workflow names are data, not
translatable strings, so the German-first admin gets a German name."""

from django.db import migrations

ENGLISH = "Moderators approval"
GERMAN = "Freigabe durch die Redaktion"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_german(apps, schema_editor):
    rename(apps, ENGLISH, GERMAN)


def to_english(apps, schema_editor):
    rename(apps, GERMAN, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_body_block_previews"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
