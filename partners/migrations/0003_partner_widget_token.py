"""A public widget token per partner, separate from the secret API key.

Added in three steps because existing partners each need their own unique token.
"""

from django.db import migrations, models

import partners.models


def give_each_partner_a_token(apps, schema_editor):
    Partner = apps.get_model("partners", "Partner")
    for partner in Partner.objects.filter(widget_token__isnull=True).only("pk"):
        partner.widget_token = partners.models.new_widget_token()
        partner.save(update_fields=["widget_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_rate_limit_and_usage"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="widget_token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(give_each_partner_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="partner",
            name="widget_token",
            field=models.CharField(
                default=partners.models.new_widget_token,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="widget token",
            ),
        ),
        migrations.AlterField(
            model_name="partner",
            name="allowed_origins",
            field=models.TextField(
                blank=True,
                help_text=(
                    "One origin per line, e.g. https://hotel-example.de. Widgets with this "
                    "partner's widget token may only be embedded there, and browsers may only "
                    "send the API key from there. Empty: anywhere."
                ),
                verbose_name="allowed origins",
            ),
        ),
    ]
