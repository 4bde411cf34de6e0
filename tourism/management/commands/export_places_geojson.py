"""Write the open-data GeoJSON of all places, per language, when it is out of date."""

import time

from django.core.management.base import BaseCommand, CommandError

from cms.i18n import language_codes
from tourism import open_data


class Command(BaseCommand):
    help = (
        "Write /tourism/points-of-interest.geojson (every published place) for each language "
        "whose file is missing or older than the last change of a place, category or notice. "
        "Run it every few minutes (e.g. from cron); requests never write the file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="Only this language (repeatable).")
        parser.add_argument("--force", action="store_true", help="Write even if current.")
        parser.add_argument("--dry-run", action="store_true", help="Say what is stale only.")

    def handle(self, *args, language=None, force=False, dry_run=False, **options):
        known = language_codes()
        unknown = sorted(set(language or []) - set(known))
        if unknown:
            raise CommandError(f"Unknown language {', '.join(unknown)}; use {', '.join(known)}.")
        for code in language or known:
            if not force and open_data.is_current(code):
                self.stdout.write(f"{code}: current")
                continue
            if dry_run:
                self.stdout.write(f"{code}: would be written")
                continue
            started = time.perf_counter()
            path = open_data.write_places_geojson(code)
            self.stdout.write(
                f"{code}: wrote {path.stat().st_size} bytes in "
                f"{time.perf_counter() - started:.1f} s"
            )
